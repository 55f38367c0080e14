"""Rooms: two sessions in one room at once, a session outside its room's hours."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import clock, ordered, span, spans
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.messages import text
from seminar_plan.model import Plan, Session


@rule("room-overlap")
def room_overlaps(plan: Plan) -> Iterator[Issue]:
    by_room: dict[str, list[Session]] = defaultdict(list)
    for session in plan.sessions:
        if session.room is not None and session.room in plan.room_by_id:
            by_room[session.room].append(session)
    hint = text("finding-hint.room-overlap")
    span_of = spans()
    for room, sessions in by_room.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            message = text(
                "finding.room-overlap",
                later=later.id,
                later_span=span_of(later),
                earlier=earlier.id,
                earlier_span=span_of(earlier),
                room=room,
            )
            yield Issue(
                "room-overlap",
                later.origin.child("room"),
                message,
                hint,
                (room, earlier.id, later.id),
                related=earlier.origin,
            )


@rule("room-closed")
def room_closed(plan: Plan) -> Iterator[Issue]:
    # A room's hours on a day, worked out once for the sessions it holds that day.
    hours_on: dict[tuple[str, int], tuple[dt.datetime, dt.datetime]] = {}
    for session in plan.sessions:
        room = plan.room_of(session)
        if room is None:
            continue
        found = hours_on.get((room.id, session.day))
        if found is None:
            midnight = session.start.replace(hour=0, minute=0, second=0, microsecond=0)
            found = hours_on[room.id, session.day] = (
                midnight + dt.timedelta(hours=room.open.hour, minutes=room.open.minute),
                midnight + dt.timedelta(days=1)
                if room.close is None
                else midnight + dt.timedelta(hours=room.close.hour, minutes=room.close.minute),
            )
        opens, closes = found
        if session.start >= opens and session.end <= closes:
            continue
        key = "start" if session.start < opens else "end"
        hours = f"{clock(opens)}-{'24:00' if room.close is None else clock(closes)}"
        yield Issue(
            "room-closed",
            session.origin.child(key),
            text(
                "finding.room-closed",
                session=session.id,
                span=span(session),
                room=room.id,
                hours=hours,
            ),
            text("finding-hint.room-closed"),
            (session.id, room.id),
        )
