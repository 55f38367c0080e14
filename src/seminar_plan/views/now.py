"""Now and next in every room at a given moment: what ``seminar-plan now`` and the foyer board
show (pure; the moment is passed in, never read here).

A place is a room, or a venue for the sessions that name a venue and no room (a bus leaving
from a hotel). What is on now in a place is every session with start <= at < end (two at once
is a room-overlap that ``check`` reports, and both are shown); next is the first session that
starts later the same day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from seminar_plan.model import Plan, Session, instant


@dataclass(frozen=True, slots=True)
class PlaceNow:
    """One room (or venue): what is on in it now, and what starts next that day."""

    place: str
    is_room: bool
    current: tuple[Session, ...]
    next: Session | None


@dataclass(frozen=True)
class NowNext:
    """What runs now and next in each place, at one moment."""

    at: dt.datetime
    places: tuple[PlaceNow, ...]


def minutes_until(at: dt.datetime, moment: dt.datetime) -> int:
    """Whole minutes from ``at`` to ``moment``, rounded up: 30 seconds left is 1 minute left."""
    seconds = (moment.astimezone(dt.UTC) - at.astimezone(dt.UTC)).total_seconds()
    return max(0, math.ceil(seconds / 60))


def place_of(plan: Plan, session: Session) -> tuple[str, bool] | None:
    """(room id, True), else (venue id, False), else None."""
    if session.room is not None:
        return session.room, True
    venue = plan.venue_of(session)
    return (venue, False) if venue is not None else None


def places(plan: Plan) -> list[tuple[tuple[str, bool], list[Session]]]:
    """Every place with its sessions in time order: the rooms in plan order (with or without
    sessions), then each venue that has sessions without a room."""
    by_place: dict[tuple[str, bool], list[Session]] = {}
    for session in plan.sessions:
        place = place_of(plan, session)
        if place is not None:
            by_place.setdefault(place, []).append(session)
    order = [(r.id, True) for r in plan.rooms]
    order.extend((v.id, False) for v in plan.venues if (v.id, False) in by_place)
    order.extend(place for place in sorted(by_place) if place not in order)
    return [
        (place, sorted(by_place.get(place, ()), key=lambda s: (s.start, s.end, s.id)))
        for place in order
    ]


def now_next(plan: Plan, at: dt.datetime, *, room: str | None = None) -> NowNext:
    """What is on now and next at ``at`` (any aware datetime) in every place, or in ``room``."""
    at = at.astimezone(plan.event.tz)
    found = []
    for place, sessions in places(plan):
        if room is not None and place != (room, True):
            continue
        # In absolute time: ``at`` may lie in the second pass of a repeated hour (fold=1),
        # which comparing in the event zone would ignore.
        moment = instant(at)
        current = tuple(s for s in sessions if instant(s.start) <= moment < instant(s.end))
        later = [s for s in sessions if instant(s.start) > moment and s.date == at.date()]
        found.append(PlaceNow(place[0], place[1], current, later[0] if later else None))
    return NowNext(at, tuple(found))
