"""What the two conference-schedule formats (frab XML and schedule JSON) share.

Conference apps such as Giggity and ConfClerk read days, rooms and events with numeric ids,
GUIDs, an ASCII acronym and ASCII slugs. This module derives all of them from the plan, stably
(the same plan gives the same ids), and groups the sessions by day and room; frab.py and
schedule_json.py only write the result in their syntax.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from seminar_plan.exports import (
    details,
    labels_for,
    selected_sessions,
    session_uuid,
    stable_uuid,
)
from seminar_plan.model import Plan, Session
from seminar_plan.present import person_names
from seminar_plan.text import language_order, pick

GENERATOR = "seminar-plan"
# Words left out of an acronym: "The 21st Japan–China ... Seminar" -> "jcireps21".
_MINOR_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"})
_ACRONYM_LETTERS = 10
# The schemas want at least 4 characters on each side of a slug's first hyphen.
_MIN_PART = 4
_NUMBER_DIGITS = 7


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker or moderator, as the formats' ``persons`` list them."""

    guid: str
    name: str


@dataclass(frozen=True, slots=True)
class Item:
    """One session as a conference event."""

    session: Session
    number: int
    guid: str
    slug: str
    room: str
    title: str
    kind: str
    track: str | None
    abstract: str
    description: str
    languages: tuple[str, ...]
    persons: tuple[Speaker, ...]

    @property
    def start(self) -> dt.datetime:
        return self.session.start

    @property
    def end(self) -> dt.datetime:
        return self.session.end

    @property
    def duration(self) -> str:
        return hours_minutes(self.session.minutes)


@dataclass(frozen=True, slots=True)
class Room:
    """One room of the conference schedule with its items."""

    name: str
    guid: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class ScheduleDay:
    """One day of the conference schedule."""

    index: int
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    rooms: tuple[Room, ...]


@dataclass(frozen=True, slots=True)
class Schedule:
    """The conference schedule document, before it is written as data."""

    version: str
    acronym: str
    title: str
    start: dt.date
    end: dt.date
    day_count: int
    timezone: str
    timeslot: str
    rooms: tuple[tuple[str, str], ...]
    days: tuple[ScheduleDay, ...]


def hours_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def ascii_fold(value: str) -> str:
    """Latin letters without their accents; every other character becomes a space."""
    return "".join(
        unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii") or " "
        for char in value
    )


def acronym(plan: Plan) -> str:
    """An ASCII acronym for the event: initials of its English title and its edition (or year).

    ``The 21st Japan–China Inter-regional Exchange Promotion Seminar`` with edition 21 gives
    ``jcireps21``; a title with no Latin words gives ``seminar21``.
    """
    title = plan.event.title.get(("en",))
    tokens = re.findall(r"[A-Za-z0-9]+", ascii_fold(title))
    initials = "".join(
        token[0].lower()
        for token in tokens
        if token[0].isalpha() and token.lower() not in _MINOR_WORDS
    )[:_ACRONYM_LETTERS]
    edition = plan.event.edition
    suffix = str(edition if edition is not None and edition >= 0 else plan.event.start.year)
    candidate = f"{initials}{suffix}"
    return candidate if len(initials) >= 2 and len(candidate) >= _MIN_PART else f"seminar{suffix}"


def slugify(value: str) -> str:
    """Lowercase ASCII letters and digits joined by ``-``: ``Zoë MÜLLER`` -> ``zoe-muller``."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(value).lower()).strip("-")


def _slug_tail(session_id: str) -> str:
    tail = slugify(session_id)
    return tail if len(tail) >= _MIN_PART else f"session-{tail}"


def _unique(value: str, taken: set[str]) -> str:
    candidate, counter = value, 1
    while candidate in taken:
        counter += 1
        candidate = f"{value}-{counter}"
    taken.add(candidate)
    return candidate


def _location(plan: Plan, session: Session) -> tuple[int, int, str]:
    """Where a session is, as a sort key: rooms in plan order, then venues, then nowhere."""
    if session.room is not None and session.room in plan.room_by_id:
        return (0, plan.rooms.index(plan.room_by_id[session.room]), session.room)
    venue = plan.venue_of(session)
    if venue is not None and venue in plan.venue_by_id:
        return (1, plan.venues.index(plan.venue_by_id[venue]), venue)
    return (2, 0, "")


def _location_names(
    plan: Plan, keys: list[tuple[int, int, str]], order: tuple[str, ...], no_room: str
) -> dict[tuple[int, int, str], str]:
    """Each location's name; names that two locations share get the id appended."""
    named = {}
    for key in keys:
        kind, _, ident = key
        if kind == 0:
            named[key] = pick(plan.room_by_id[ident].name, order)
        elif kind == 1:
            named[key] = pick(plan.venue_by_id[ident].name, order)
        else:
            named[key] = no_room
    counts: dict[str, int] = {}
    for name in named.values():
        counts[name] = counts.get(name, 0) + 1
    return {
        key: f"{name} ({key[2]})" if counts[name] > 1 and key[2] else name
        for key, name in named.items()
    }


def _fingerprint(items: list[Item]) -> str:
    """A short digest of what apps show, so a changed schedule gets a new version."""
    digest = hashlib.sha256()
    for item in items:
        row = (item.guid, item.start.isoformat(), item.end.isoformat(), item.room, item.title)
        digest.update("\x1f".join(row).encode("utf-8") + b"\x1e")
    return digest.hexdigest()[:12]


def _timeslot(sessions: tuple[Session, ...]) -> str:
    """The largest step that every start and end falls on (the apps' grid)."""
    minutes = [m.hour * 60 + m.minute for s in sessions for m in (s.start, s.end)]
    return hours_minutes(math.gcd(*minutes) or 5)


def _items(
    plan: Plan,
    sessions: tuple[Session, ...],
    order: tuple[str, ...],
    labels: Mapping[str, str],
    place_names: Mapping[tuple[int, int, str], str],
    locations: Mapping[str, tuple[int, int, str]],
) -> list[Item]:
    """One item per session, with a number and a slug unique in the schedule."""
    short = acronym(plan)
    numbers: set[int] = set()
    slugs: set[str] = set()
    items: list[Item] = []
    for session in sessions:
        guid = session_uuid(plan, session)
        number = int(guid.hex[:_NUMBER_DIGITS], 16) + 1
        while number in numbers:
            number += 1
        numbers.add(number)
        people = tuple(dict.fromkeys((*session.speakers, *session.moderators)))
        items.append(
            Item(
                session=session,
                number=number,
                guid=str(guid),
                slug=_unique(f"{short}-{_slug_tail(session.id)}", slugs),
                room=place_names[locations[session.id]],
                title=pick(session.title, order),
                kind=session.kind,
                track=session.track,
                abstract=pick(session.notes, order),
                description="\n".join(details(plan, session, order, labels)),
                languages=plan.languages_of(session),
                persons=tuple(
                    Speaker(str(stable_uuid(plan, "person", ident)), name)
                    for ident, name in zip(people, person_names(plan, people, order), strict=True)
                ),
            )
        )
    return items


def _days(
    plan: Plan,
    day: int | None,
    place_names: Mapping[tuple[int, int, str], str],
    room_guids: Mapping[tuple[int, int, str], str],
    by_place: Mapping[tuple[int, tuple[int, int, str]], list[Item]],
) -> list[ScheduleDay]:
    """Each day with its rooms (those that hold an item that day) and its first and last time."""
    day_numbers = (day,) if day is not None else range(1, plan.event.day_count + 1)
    days = []
    for index in day_numbers:
        date = plan.event.date_of(index)
        rooms = tuple(
            Room(place_names[key], room_guids[key], tuple(by_place[index, key]))
            for key in place_names
            if (index, key) in by_place
        )
        todays = [item for room in rooms for item in room.items]
        midnight = dt.datetime.combine(date, dt.time(), tzinfo=plan.event.tz)
        days.append(
            ScheduleDay(
                index=index,
                date=date,
                start=min((item.start for item in todays), default=midnight),
                end=max((item.end for item in todays), default=midnight + dt.timedelta(days=1)),
                rooms=rooms,
            )
        )
    return days


def build(
    plan: Plan, *, day: int | None = None, person: str | None = None, lang: str | None = None
) -> Schedule:
    order = language_order(plan, lang)
    labels = labels_for(plan, lang)
    sessions = selected_sessions(plan, day=day, person=person)
    short = acronym(plan)
    locations = {session.id: _location(plan, session) for session in sessions}
    place_names = _location_names(plan, sorted(set(locations.values())), order, labels["no_room"])

    items = _items(plan, sessions, order, labels, place_names, locations)
    room_guids = {key: str(stable_uuid(plan, "room", str(key[0]), key[2])) for key in place_names}
    by_place: dict[tuple[int, tuple[int, int, str]], list[Item]] = {}
    for item in items:
        by_place.setdefault((item.session.day, locations[item.session.id]), []).append(item)
    days = _days(plan, day, place_names, room_guids, by_place)
    return Schedule(
        version=_fingerprint(items),
        acronym=short,
        title=pick(plan.event.title, order),
        start=plan.event.start,
        end=plan.event.end,
        day_count=plan.event.day_count,
        timezone=plan.event.timezone,
        timeslot=_timeslot(sessions),
        rooms=tuple((place_names[key], room_guids[key]) for key in place_names),
        days=tuple(days),
    )
