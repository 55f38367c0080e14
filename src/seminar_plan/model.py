"""The plan as frozen, typed values: no I/O, no printing.

Every time is an aware datetime in the event zone. Collections are tuples; lookups by id are
derived once on first use (``cached_property`` writes to the instance dict, so it works on a
frozen dataclass).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

KINDS = (
    "ceremony",
    "keynote",
    "lecture",
    "panel",
    "meeting",
    "meal",
    "break",
    "reception",
    "visit",
    "transfer",
    "registration",
    "other",
)
INTERPRETATION_MODES = ("none", "consecutive", "simultaneous")

Kind = Literal[
    "ceremony",
    "keynote",
    "lecture",
    "panel",
    "meeting",
    "meal",
    "break",
    "reception",
    "visit",
    "transfer",
    "registration",
    "other",
]
Interpretation = Literal["none", "consecutive", "simultaneous"]
# The last two are not commitments: on an itinerary they mark presence through the person's
# delegation or "all" (``attending``), on an optional session ``optional``.
Role = Literal["speaker", "moderator", "interpreter", "owner", "attendee", "attending", "optional"]
# Which side of the host is the seat of honour at a head table: "international" (the host's
# right) or "chinese" (the host's left, as in Chinese official meetings).
CONVENTIONS = ("international", "chinese")
Convention = Literal["international", "chinese"]
# A ceremony's speakers speak in precedence order unless the session says "as-listed".
SPEAKING_ORDERS = ("precedence", "as-listed")
SpeakingOrder = Literal["precedence", "as-listed"]
Direction = Literal["arrival", "departure"]
DIRECTIONS = ("arrival", "departure")

ALL = "all"


def instant(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC, for comparing: Python compares two datetimes of one zone by their wall
    clocks and ignores ``fold``, so in the hour repeated when the clocks go back, 01:30 of the
    second pass would count as before 01:45 of the first."""
    return moment.astimezone(dt.UTC)


def elapsed_minutes(start: dt.datetime, end: dt.datetime) -> int:
    """Real minutes from ``start`` to ``end``, across a change of clocks too.

    Python subtracts two datetimes of one zone by their wall clocks; a session from 01:00 to
    04:00 on the night the clocks go forward lasts 120 minutes, not 180.
    """
    return int((end.astimezone(dt.UTC) - start.astimezone(dt.UTC)).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value was written: the file's index in the plan's sources and its key path."""

    file: int
    path: tuple[str | int, ...]

    def child(self, *keys: str | int) -> Origin:
        return Origin(self.file, self.path + keys)


@dataclass(frozen=True, slots=True)
class Text:
    """Human-readable text in one or more languages; ``""`` is the language-neutral variant."""

    variants: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, value: str) -> Text:
        return cls((("", value),))

    def get(self, preferred: tuple[str, ...]) -> str:
        """The text in the first preferred language present, else the first variant."""
        by_lang = dict(self.variants)
        for lang in preferred:
            if lang in by_lang:
                return by_lang[lang]
        return self.variants[0][1] if self.variants else ""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.variants if lang)


@dataclass(frozen=True, slots=True)
class Event:
    """The ``[event]`` table: title, zone, dates and working languages."""

    title: Text
    timezone: str
    tz: dt.tzinfo
    start: dt.date
    end: dt.date
    languages: tuple[str, ...] = ("en",)
    theme: Text | None = None
    organizer: Text | None = None
    city: Text | None = None
    edition: int | None = None
    co_hosts: tuple[Text, ...] = ()
    participants: int | None = None
    origin: Origin = Origin(0, ("event",))

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    def date_of(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=day - 1)

    def day_of(self, date: dt.date) -> int:
        return (date - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the event, numbered from 1."""

    number: int
    date: dt.date
    label: Text | None = None
    notes: Text | None = None


@dataclass(frozen=True, slots=True)
class Delegation:
    """A ``[[delegations]]`` entry."""

    id: str
    name: Text
    headcount: int | None
    language: str | None
    origin: Origin
    hotel: str | None = None
    # None: not said (lodging is inherited); False: they need no bed (locals).
    lodging: bool | None = None
    # Diet tag -> how many of the unnamed members have it, in file order.
    diets: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Venue:
    """A ``[[venues]]`` entry."""

    id: str
    name: Text
    address: Text | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Travel:
    """Minutes of travel between two venues."""

    between: tuple[str, str]
    minutes: int
    origin: Origin


@dataclass(frozen=True, slots=True)
class Room:
    """A ``[[rooms]]`` entry: its venue, capacity, booths and opening hours."""

    id: str
    venue: str
    name: Text
    capacity: int | None
    booths: int
    open: dt.time
    # None means 24:00, the end of the day.
    close: dt.time | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Person:
    """A ``[[people]]`` entry."""

    id: str
    name: Text
    title: Text | None = None
    organization: Text | None = None
    delegation: str | None = None
    rank: int | None = None
    languages: tuple[str, ...] = ()
    arrive: dt.datetime | None = None
    depart: dt.datetime | None = None
    contact: tuple[tuple[str, str], ...] = ()
    notes: Text | None = None
    origin: Origin = Origin(0, ())
    hotel: str | None = None
    lodging: bool | None = None
    diet: tuple[str, ...] = ()
    # What to know at the arrival (the inbound flight, who meets them) and at the departure.
    arrive_notes: Text | None = None
    depart_notes: Text | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A ``[[groups]]`` entry: named members and a headcount."""

    id: str
    name: Text | None
    members: tuple[str, ...]
    headcount: int
    origin: Origin
    hotel: str | None = None
    lodging: bool | None = None
    diets: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Booking:
    """Rooms held at a hotel for the nights ``first`` .. ``checkout`` - 1 (``from``/``to``)."""

    hotel: str
    first: dt.date
    checkout: dt.date
    rooms: int
    beds: int
    origin: Origin
    kind: Text | None = None
    notes: Text | None = None

    @property
    def capacity(self) -> int:
        return self.rooms * self.beds

    def covers(self, night: dt.date) -> bool:
        return self.first <= night < self.checkout


@dataclass(frozen=True, slots=True)
class Cue:
    """A timed step of a session's run sheet."""

    at: dt.datetime
    what: Text
    who: str | None
    notes: Text | None
    origin: Origin
    # A cue written outside its session's times: reported as bad-time, and kept (the run sheet
    # shows it, flagged, where it would run), so nothing the planner wrote is lost.
    outside: bool = False


@dataclass(frozen=True, slots=True)
class Session:
    """One occurrence of a ``[[sessions]]`` entry on one day.

    A session written with ``day = [1, 2]`` becomes two occurrences, ``id@1`` and ``id@2``;
    ``base_id`` is the id written in the file.
    """

    id: str
    base_id: str
    title: Text
    day: int
    start: dt.datetime
    end: dt.datetime
    origin: Origin
    kind: Kind = "other"
    track: str | None = None
    room: str | None = None
    venue: str | None = None
    speakers: tuple[str, ...] = ()
    moderators: tuple[str, ...] = ()
    interpreters: tuple[str, ...] = ()
    owner: str | None = None
    attendees: tuple[str, ...] = ()
    attendance: int | None = None
    interpretation: Interpretation = "none"
    av: Text | None = None
    notes: Text | None = None
    cues: tuple[Cue, ...] = ()
    vehicles: tuple[str, ...] = ()
    # Its attendees may choose it over a parallel session: no delegation-level commitment.
    optional: bool = False
    # Where a transfer arrives at its end (a venue id); None: it arrives where it left.
    to: str | None = None
    # A hard start (a booked bus, a flight, a minister's slot): `shift` never moves it.
    fixed: bool = False
    # The head table, most senior first (the tool seats them by the protocol's convention).
    seating: tuple[str, ...] = ()
    order: SpeakingOrder = "precedence"
    # In the printed programme: everything but transfers unless the session says otherwise.
    public: bool = True

    @property
    def date(self) -> dt.date:
        return self.start.date()

    @property
    def minutes(self) -> int:
        return elapsed_minutes(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Vehicle:
    """A ``[vehicles.ID]`` table: what carries a transfer."""

    id: str
    # None when the plan's value was unusable (reported by the parser): no seat check.
    seats: int | None
    origin: Origin
    name: Text | None = None
    kind: Text | None = None
    driver: Text | None = None
    contact: tuple[tuple[str, str], ...] = ()
    notes: Text | None = None


@dataclass(frozen=True, slots=True)
class Flight:
    """One ``[[flights]]`` entry. ``departs`` and ``arrives`` keep the offset they were written
    with (the event zone when written without one), so the origin's local time stays known."""

    id: str
    number: str
    direction: Direction
    airport: str
    departs: dt.datetime
    arrives: dt.datetime
    origin: Origin
    from_place: Text | None = None
    to_place: Text | None = None
    passengers: tuple[str, ...] = ()
    notes: Text | None = None

    @property
    def minutes(self) -> int:
        return elapsed_minutes(self.departs, self.arrives)


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """The plan's own ``[check]`` table; durations are in minutes."""

    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    landing_buffer: int = 45
    pickup_window: int = 180
    checkin_buffer: int = 120
    # Minutes: one interpreter alone in simultaneous work, and one person's interpreting a day.
    solo_limit: int = 40
    interpreter_daily: int = 360


@dataclass(frozen=True, slots=True)
class Track:
    """A ``[tracks.ID]``: the name a session's ``track`` is shown under."""

    id: str
    name: Text | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Protocol:
    """The plan's ``[protocol]``: the order of precedence and the seating convention."""

    precedence: tuple[str, ...] = ()
    convention: Convention = "international"
    origin: Origin = Origin(0, ("protocol",))


@dataclass(frozen=True)
class Plan:
    """The whole plan, with lookups by id derived on first use."""

    event: Event
    days: tuple[Day, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    venues: tuple[Venue, ...] = ()
    travel: tuple[Travel, ...] = ()
    rooms: tuple[Room, ...] = ()
    people: tuple[Person, ...] = ()
    groups: tuple[Group, ...] = ()
    sessions: tuple[Session, ...] = ()
    check: CheckConfig = field(default_factory=CheckConfig)
    vehicles: tuple[Vehicle, ...] = ()
    flights: tuple[Flight, ...] = ()
    bookings: tuple[Booking, ...] = ()
    protocol: Protocol = field(default_factory=Protocol)
    tracks: tuple[Track, ...] = ()

    @cached_property
    def delegation_by_id(self) -> dict[str, Delegation]:
        return {d.id: d for d in self.delegations}

    @cached_property
    def venue_by_id(self) -> dict[str, Venue]:
        return {v.id: v for v in self.venues}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {r.id: r for r in self.rooms}

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def group_by_id(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def vehicle_by_id(self) -> dict[str, Vehicle]:
        return {v.id: v for v in self.vehicles}

    @cached_property
    def track_by_id(self) -> dict[str, Track]:
        return {t.id: t for t in self.tracks}

    @cached_property
    def flight_by_id(self) -> dict[str, Flight]:
        return {f.id: f for f in self.flights}

    @cached_property
    def groups_by_person(self) -> dict[str, tuple[str, ...]]:
        """Person id -> the ids of the groups that list them, in plan order, each once."""
        found: dict[str, dict[str, None]] = {}
        for group in self.groups:
            for member in group.members:
                found.setdefault(member, {})[group.id] = None
        return {person: tuple(groups) for person, groups in found.items()}

    @cached_property
    def members_by_delegation(self) -> dict[str, tuple[str, ...]]:
        """Delegation id -> its named people (``delegation`` on the person), in plan order."""
        found: dict[str, list[str]] = {}
        for person in self.people:
            if person.delegation is not None:
                found.setdefault(person.delegation, []).append(person.id)
        return {delegation: tuple(people) for delegation, people in found.items()}

    def passengers_of(self, flight: Flight) -> tuple[str, ...]:
        """The named people a flight carries: listed by id, members of a listed group, or
        named members of a listed delegation; each once, in the order first reached."""
        found: dict[str, None] = {}
        for ref in flight.passengers:
            if ref in self.person_by_id:
                found[ref] = None
            elif ref in self.group_by_id:
                found.update(
                    (m, None) for m in self.group_by_id[ref].members if m in self.person_by_id
                )
            elif ref in self.delegation_by_id:
                found.update((m, None) for m in self.members_by_delegation.get(ref, ()))
        return tuple(found)

    @cached_property
    def flights_by_person(self) -> dict[str, tuple[Flight, ...]]:
        """Person id -> the flights that carry them, in plan order."""
        found: dict[str, list[Flight]] = {}
        for flight in self.flights:
            for person in self.passengers_of(flight):
                found.setdefault(person, []).append(flight)
        return {person: tuple(flights) for person, flights in found.items()}

    @cached_property
    def day_by_number(self) -> dict[int, Day]:
        return {d.number: d for d in self.days}

    @cached_property
    def travel_minutes(self) -> dict[frozenset[str], int]:
        return {frozenset(t.between): t.minutes for t in self.travel}

    def room_of(self, session: Session) -> Room | None:
        """The session's room, when it names one that exists."""
        return self.room_by_id.get(session.room) if session.room is not None else None

    def venue_of(self, session: Session) -> str | None:
        """The session's room's venue, else its own ``venue``."""
        room = self.room_of(session)
        return room.venue if room is not None else session.venue

    def roles_of(self, session: Session) -> dict[str, tuple[Role, ...]]:
        """Every person committed to the session, with their roles in it, in a stable order."""
        roles: dict[str, list[Role]] = {}

        def add(person: str, role: Role) -> None:
            held = roles.setdefault(person, [])
            if role not in held:
                held.append(role)

        for person in session.speakers:
            add(person, "speaker")
        for person in session.moderators:
            add(person, "moderator")
        for person in session.interpreters:
            add(person, "interpreter")
        if session.owner is not None:
            add(session.owner, "owner")
        for ref in session.attendees:
            if ref in self.person_by_id:
                add(ref, "attendee")
            elif ref in self.group_by_id:
                for member in self.group_by_id[ref].members:
                    add(member, "attendee")
        return {
            person: tuple(held) for person, held in roles.items() if person in self.person_by_id
        }

    def committed(self, session: Session) -> tuple[str, ...]:
        """The people of ``roles_of``, in its order, without working out their roles."""
        people = self.person_by_id
        found = dict.fromkeys(session.speakers)
        found.update(dict.fromkeys(session.moderators))
        found.update(dict.fromkeys(session.interpreters))
        if session.owner is not None:
            found[session.owner] = None
        for ref in session.attendees:
            if ref in people:
                found[ref] = None
            elif ref in self.group_by_id:
                found.update(dict.fromkeys(self.group_by_id[ref].members))
        return tuple(person for person in found if person in people)

    @cached_property
    def sessions_by_person(self) -> dict[str, tuple[Session, ...]]:
        """Person id -> the sessions they are committed to, in plan order."""
        found: dict[str, list[Session]] = {}
        for session in self.sessions:
            for person in self.committed(session):
                found.setdefault(person, []).append(session)
        return {person: tuple(sessions) for person, sessions in found.items()}

    def attendance_of(self, session: Session) -> int | None:
        """How many people the session expects, counting nobody twice; None: no capacity check.

        The written ``attendance``, else for ``"all"`` the event's participants, else the listed
        delegations' headcounts, plus every named person committed through the attendees whose
        delegation is not listed, plus each listed group's unnamed members.
        """
        if session.attendance is not None:
            return session.attendance
        if not session.attendees:
            return None
        return self.headcount_of(session.attendees)

    def headcount_of(self, refs: tuple[str, ...]) -> int:
        """How many people a list of delegations, groups and people (a session's attendees, a
        flight's passengers) stands for, by the attendance rule: nobody counted twice."""
        # Sessions share a few lists of attendees (a delegation, a group): each counted once.
        known = self._headcounts.get(refs)
        if known is None:
            known = self._headcounts[refs] = self._count(refs)
        return known

    @cached_property
    def _headcounts(self) -> dict[tuple[str, ...], int]:
        return {}

    def _count(self, refs: tuple[str, ...]) -> int:
        if ALL in refs:
            return self.participant_total
        listed = {ref for ref in refs if ref in self.delegation_by_id}
        total = sum(self.delegation_by_id[ref].headcount or 0 for ref in listed)
        named: set[str] = set()
        for ref in refs:
            if ref in self.person_by_id:
                named.add(ref)
            elif ref in self.group_by_id:
                group = self.group_by_id[ref]
                named.update(m for m in group.members if m in self.person_by_id)
                total += max(0, group.headcount - len(group.members))
        return total + sum(
            1 for person in named if self.person_by_id[person].delegation not in listed
        )

    def delegations_present(self, session: Session) -> tuple[str, ...]:
        """Ids of the delegations present, sorted: those listed, or every one for ``"all"``."""
        if ALL in session.attendees:
            return tuple(sorted(self.delegation_by_id))
        return tuple(sorted(ref for ref in session.attendees if ref in self.delegation_by_id))

    @property
    def delegation_total(self) -> int:
        return sum(d.headcount or 0 for d in self.delegations)

    @property
    def participant_total(self) -> int:
        if self.event.participants is not None:
            return self.event.participants
        return self.delegation_total

    def language_of(self, person_id: str) -> str | None:
        person = self.person_by_id.get(person_id)
        if person is None:
            return None
        if person.languages:
            return person.languages[0]
        if person.delegation is not None:
            delegation = self.delegation_by_id.get(person.delegation)
            if delegation is not None:
                return delegation.language
        return None

    def languages_of(self, session: Session) -> tuple[str, ...]:
        """Languages of the attending delegations and of every committed person, sorted."""
        found: set[str] = set()
        for ref in self.delegations_present(session):
            language = self.delegation_by_id[ref].language
            if language:
                found.add(language)
        for person in self.committed(session):
            language = self.language_of(person)
            if language:
                found.add(language)
        return tuple(sorted(found))

    def sessions_on(self, day: int) -> tuple[Session, ...]:
        return tuple(
            sorted(
                (s for s in self.sessions if s.day == day),
                key=lambda s: (s.start, s.end, s.room or "", s.id),
            )
        )
