"""Capacity: more people expected than the room seats."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.messages import text
from seminar_plan.model import Plan


@rule("over-capacity")
def over_capacity(plan: Plan) -> Iterator[Issue]:
    for session in plan.sessions:
        room = plan.room_of(session)
        if room is None or room.capacity is None:
            continue
        attendance = plan.attendance_of(session)
        if attendance is None or attendance <= room.capacity:
            continue
        key = "attendance" if session.attendance is not None else "attendees"
        yield Issue(
            "over-capacity",
            session.origin.child(key),
            text(
                "finding.over-capacity",
                session=session.id,
                attendance=attendance,
                room=room.id,
                capacity=room.capacity,
            ),
            text("finding-hint.over-capacity"),
            (session.id, room.id),
        )
