"""The run sheet as data: its rows, sections and contacts, built from the plan (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from seminar_plan import locales, present
from seminar_plan.checks.registry import session_subjects
from seminar_plan.findings import Finding, Severity
from seminar_plan.logistics.interpreting import booth_plan
from seminar_plan.logistics.transport import seats_of
from seminar_plan.model import Interpretation, Plan, Session, elapsed_minutes
from seminar_plan.text import language_order
from seminar_plan.views.paper import (
    Phrase,
    Stamp,
    phrase,
)

COLUMNS = (
    "time",
    "duration",
    "running",
    "item",
    "who",
    "room",
    "interpretation",
    "av",
    "notes",
    "done",
)


@dataclass(frozen=True, slots=True)
class Credit:
    """People in one role on a row: ``role`` is a label key (speakers, moderators, owner, cue)."""

    role: str
    names: tuple[Phrase, ...]


RowKind = Literal["session", "cue", "gap", "overlap"]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the sheet. Gap and overlap rows have no item; an overlap names both sides."""

    kind: RowKind
    session: str
    start: dt.datetime
    end: dt.datetime | None
    minutes: int | None
    elapsed: int
    item: Phrase | None = None
    credits: tuple[Credit, ...] = ()
    place: Phrase | None = None
    interpretation: Interpretation = "none"
    booths: int = 0
    interpreters: tuple[Phrase, ...] = ()
    # Simultaneous sessions: the booths in use, who sits in each (by the languages it works
    # into), and the receivers to hand out (logistics.interpreting.booth_plan).
    booths_in_use: int = 0
    crews: tuple[tuple[tuple[str, ...], tuple[Phrase, ...]], ...] = ()
    receivers: int | None = None
    av: Phrase | None = None
    notes: Phrase | None = None
    between: tuple[Phrase, Phrase] | None = None
    # A cue written outside its session's times (bad-time), shown where it would run.
    outside: bool = False
    # On the day's one timeline: a session that runs at the same time as one elsewhere.
    parallel: bool = False


# Columns a sheet always prints; the others are left out when no row has anything in them.
ALWAYS = frozenset({"time", "duration", "running", "item", "done"})
# Kinds that come before or around the programme: running time counts from the first session
# of any other kind (breakfast at 06:30 does not start the day's clock).
NOT_PROGRAMME = frozenset({"meal", "break", "transfer", "registration"})


@dataclass(frozen=True, slots=True)
class Section:
    """The rows of one room (or of one off-site venue), or of the whole day, in time order."""

    place: str
    name: Phrase
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Contact:
    """One person on the run sheet's contact list."""

    person: str
    name: Phrase
    roles: tuple[str, ...]
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RunSheet:
    """One day's run sheet."""

    ui: str
    title: Phrase
    day: int
    date: dt.date
    day_label: Phrase | None
    room: Phrase | None
    first: dt.datetime | None
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]
    contacts: tuple[Contact, ...]
    stamp: Stamp

    @property
    def labels(self) -> Mapping[str, str]:
        return locales.Labels(self.ui, "runsheet")

    @property
    def rows(self) -> Iterator[Row]:
        for section in self.sections:
            yield from section.rows

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns to print: those with something in them on this sheet, and the fixed ones."""
        used = {name for row in self.rows for name in _filled(row)}
        return tuple(name for name in COLUMNS if name in ALWAYS or name in used)


def _filled(row: Row) -> Iterator[str]:
    """The optional columns this row puts something in."""
    if row.credits:
        yield "who"
    if row.place is not None and row.kind in ("session", "cue"):
        yield "room"
    if row.kind == "session" and row.interpretation != "none":
        yield "interpretation"
    if row.av is not None:
        yield "av"
    if row.notes is not None:
        yield "notes"


def _name(plan: Plan, person: str, order: tuple[str, ...]) -> Phrase:
    found = plan.person_by_id.get(person)
    return (phrase(found.name, order) if found else None) or Phrase(person)


def _place(plan: Plan, session: Session, order: tuple[str, ...]) -> tuple[str, Phrase | None]:
    """The section key and printed name of where a session happens."""
    if session.room is not None:
        room = plan.room_by_id.get(session.room)
        return f"room:{session.room}", (phrase(room.name, order) if room else None) or Phrase(
            session.room
        )
    if session.venue is not None:
        venue = plan.venue_by_id.get(session.venue)
        return f"venue:{session.venue}", (phrase(venue.name, order) if venue else None) or Phrase(
            session.venue
        )
    return "", None


def _cue_rows(
    plan: Plan,
    session: Session,
    first: dt.datetime,
    order: tuple[str, ...],
    place: Phrase | None,
) -> Iterator[tuple[tuple[dt.datetime, dt.datetime, int, int], Row]]:
    """The rows of the session's cues, each lasting until the next cue or the session's end."""

    def names(people: Iterable[str]) -> tuple[Phrase, ...]:
        return tuple(_name(plan, person, order) for person in people)

    cues = sorted(session.cues, key=lambda cue: cue.at)
    for index, cue in enumerate(cues):
        until = cues[index + 1].at if index + 1 < len(cues) else session.end
        length = elapsed_minutes(cue.at, until)
        yield (
            (cue.at, session.start, 1, index),
            Row(
                kind="cue",
                session=session.id,
                start=cue.at,
                end=None,
                minutes=length if length > 0 else None,
                elapsed=elapsed_minutes(first, cue.at),
                item=phrase(cue.what, order),
                credits=(Credit("cue", names((cue.who,))),) if cue.who else (),
                place=place,
                notes=phrase(cue.notes, order),
                outside=cue.outside,
            ),
        )


def _transport_credits(
    plan: Plan, session: Session, order: tuple[str, ...]
) -> tuple[tuple[str, tuple[Phrase, ...]], ...]:
    """A transfer's vehicles, and how many it carries over the seats it has ("42 / 90")."""
    if session.kind != "transfer":
        return ()
    vehicles = []
    for ident in session.vehicles:
        vehicle = plan.vehicle_by_id.get(ident)
        vehicles.append((phrase(vehicle.name, order) if vehicle else None) or Phrase(ident))
    count, seats = plan.attendance_of(session), seats_of(plan, session)
    load = "" if count is None else str(count)
    if seats is not None:
        load = f"{load or '?'} / {seats}"
    return (("vehicles", tuple(vehicles)), ("passengers", (Phrase(load),) if load else ()))


def _session_rows(
    plan: Plan, session: Session, first: dt.datetime, order: tuple[str, ...]
) -> Iterator[tuple[tuple[dt.datetime, dt.datetime, int, int], Row]]:
    """The session's row and its cues' rows, each with its sort key.

    A cue sorts by its own time, then by its session's start: a closing cue at 10:00 of the
    09:30 session comes before the session that starts at 10:00.
    """

    def names(people: Iterable[str]) -> tuple[Phrase, ...]:
        return tuple(_name(plan, person, order) for person in people)

    roles = tuple(
        Credit(role, people)
        for role, people in (
            ("speakers", names(session.speakers)),
            ("moderators", names(session.moderators)),
            ("owner", names((session.owner,) if session.owner else ())),
            *_transport_credits(plan, session, order),
        )
        if people
    )
    place = _place(plan, session, order)[1]
    room = plan.room_of(session)
    booths_in_use, receivers = 0, None
    crews: tuple[tuple[tuple[str, ...], tuple[Phrase, ...]], ...] = ()
    if session.interpretation == "simultaneous":
        booths = booth_plan(plan, session)
        booths_in_use = sum(1 for booth in booths.booths if booth.into)
        crews = tuple((booth.into, names(booth.interpreters)) for booth in booths.booths)
        receivers = booths.receivers
    yield (
        (session.start, session.start, 0, 0),
        Row(
            kind="session",
            session=session.id,
            start=session.start,
            end=session.end,
            minutes=session.minutes,
            elapsed=elapsed_minutes(first, session.start),
            item=phrase(session.title, order),
            credits=roles,
            place=place,
            interpretation=session.interpretation,
            booths=room.booths if room and session.interpretation == "simultaneous" else 0,
            interpreters=names(session.interpreters),
            booths_in_use=booths_in_use,
            crews=crews,
            receivers=receivers,
            av=phrase(session.av, order),
            notes=phrase(session.notes, order),
        ),
    )
    yield from _cue_rows(plan, session, first, order, place)


def _with_gaps(
    plan: Plan,
    sessions: Sequence[Session],
    first: dt.datetime,
    order: tuple[str, ...],
) -> tuple[Row, ...]:
    """One room's rows in time order, with a row for each gap and overlap between sessions."""
    keyed = [pair for session in sessions for pair in _session_rows(plan, session, first, order)]

    def between_row(
        kind: RowKind,
        session: str,
        start: dt.datetime,
        end: dt.datetime,
        between: tuple[Phrase, Phrase] | None = None,
    ) -> tuple[tuple[dt.datetime, dt.datetime, int, int], Row]:
        """A gap or overlap row, sorted just before what starts at ``start``."""
        row = Row(
            kind=kind,
            session=session,
            start=start,
            end=end,
            minutes=elapsed_minutes(start, end),
            elapsed=elapsed_minutes(first, start),
            between=between,
        )
        return (start, start, -1, 0), row

    latest: Session | None = None
    for session in sorted(sessions, key=lambda s: (s.start, s.end, s.id)):
        if latest is not None and session.start > latest.end:
            keyed.append(between_row("gap", latest.id, latest.end, session.start))
        elif latest is not None and session.start < latest.end:
            sides = (
                phrase(latest.title, order) or Phrase(latest.id),
                phrase(session.title, order) or Phrase(session.id),
            )
            overlap_end = min(latest.end, session.end)
            keyed.append(between_row("overlap", session.id, session.start, overlap_end, sides))
        if latest is None or session.end > latest.end:
            latest = session
    keyed.sort(key=lambda pair: pair[0])
    return tuple(row for _, row in keyed)


def _timeline(
    plan: Plan, sessions: Sequence[Session], first: dt.datetime, order: tuple[str, ...]
) -> tuple[Row, ...]:
    """The whole day in one time order across rooms: sessions that run at the same time as one
    elsewhere are marked parallel, and a gap row stands only where nothing runs anywhere."""
    ordered = sorted(sessions, key=lambda s: (s.start, s.end, s.id))
    parallel: set[str] = set()
    keyed = []
    latest: Session | None = None
    for index, session in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other.start >= session.end:
                break
            if _place(plan, other, order)[0] != _place(plan, session, order)[0]:
                parallel.update((session.id, other.id))
        if latest is not None and session.start > latest.end:
            gap = Row(
                kind="gap",
                session=latest.id,
                start=latest.end,
                end=session.start,
                minutes=elapsed_minutes(latest.end, session.start),
                elapsed=elapsed_minutes(first, latest.end),
            )
            keyed.append(((latest.end, latest.end, -1, 0), gap))
        if latest is None or session.end > latest.end:
            latest = session
    for session in ordered:
        for key, row in _session_rows(plan, session, first, order):
            if row.kind == "session" and session.id in parallel:
                row = replace(row, parallel=True)  # noqa: PLW2901 - the same row, marked
            keyed.append((key, row))
    keyed.sort(key=lambda pair: pair[0])
    return tuple(row for _, row in keyed)


def programme_start(sessions: Sequence[Session]) -> dt.datetime | None:
    """When the day's programme starts: its first session that is not a meal, break, transfer
    or registration; a day of only those starts with its first session."""
    if not sessions:
        return None
    programme = [s.start for s in sessions if s.kind not in NOT_PROGRAMME]
    return min(programme) if programme else min(s.start for s in sessions)


def findings_on(plan: Plan, day: int, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The error findings that touch ``day``.

    A finding that names sessions (by its code's subject kinds: a person whose id is also a
    session's is still a person) touches the days of those sessions. One that names no session
    touches the day when it names a room, venue, person or attendee used that day, or when it
    names nothing the plan knows (a plan-wide problem, or a table the loader had to drop).
    """
    every_session = {s.id for s in plan.sessions} | {s.base_id for s in plan.sessions}
    on_day = plan.sessions_on(day)
    day_sessions = {s.id for s in on_day} | {s.base_id for s in on_day}
    used: set[str] = set()
    for session in on_day:
        used.update(filter(None, (session.room, plan.venue_of(session))))
        used.update(plan.committed(session))
        used.update(session.attendees)
        used.update(cue.who for cue in session.cues if cue.who)
    known = (
        every_session
        | set(plan.room_by_id)
        | set(plan.venue_by_id)
        | set(plan.person_by_id)
        | set(plan.group_by_id)
        | set(plan.delegation_by_id)
    )
    touching = []
    for finding in findings:
        if finding.severity is not Severity.ERROR:
            continue
        named = set(session_subjects(finding)) & every_session
        if named:
            touches = bool(named & day_sessions)
        else:
            subjects = set(finding.subjects)
            touches = bool(subjects & used) or not subjects & known
        if touches:
            touching.append(finding)
    return tuple(touching)


def _contacts(plan: Plan, rows: Iterable[Row], order: tuple[str, ...]) -> tuple[Contact, ...]:
    """The people responsible on the sheet (owners, moderators, cue holders, interpreters)."""
    roles: dict[str, list[str]] = {}
    by_session = {s.id: s for s in plan.sessions}
    for row in rows:
        if row.kind not in ("session", "cue"):
            continue
        session = by_session[row.session]
        if row.kind == "session":
            named = [
                *(("moderators", p) for p in session.moderators),
                *(("interpreters", p) for p in session.interpreters),
                *((("owner", session.owner),) if session.owner else ()),
            ]
        else:
            named = [("cue", cue.who) for cue in session.cues if cue.who and cue.at == row.start]
        for role, person in named:
            held = roles.setdefault(person, [])
            if role not in held:
                held.append(role)
    return tuple(
        Contact(
            person,
            _name(plan, person, order),
            tuple(held),
            plan.person_by_id[person].contact if person in plan.person_by_id else (),
        )
        for person, held in roles.items()
    )


def build(
    plan: Plan,
    day: int,
    *,
    lang: str | None,
    findings: Iterable[Finding],
    stamp: Stamp,
    room: str | None = None,
    contacts: bool = False,
    by_room: bool = False,
) -> RunSheet:
    """The run sheet of ``day`` in the language order of ``lang``: by default the whole day as
    one timeline across rooms; ``by_room`` gives each room its own section (a stage manager's
    sheets), ``room`` only that room's.

    Running time counts from the day's programme start (``programme_start``) in any room, so
    sheets of different rooms agree; earlier items show a negative time. ``contacts`` adds the
    contact details of the people responsible; without it the sheet holds none.
    """
    order = language_order(plan, lang)
    on_day = plan.sessions_on(day)
    first = programme_start(on_day)
    ui = present.ui_language(plan, lang)
    chosen = [s for s in on_day if room is None or s.room == room]
    if first is None or not chosen:
        sections: tuple[Section, ...] = ()
    elif room is None and not by_room:
        name = Phrase(locales.label(ui, "runsheet.all_rooms"), ui)
        sections = (Section("day", name, _timeline(plan, chosen, first, order)),)
    else:
        by_place: dict[str, list[Session]] = {}
        names: dict[str, Phrase] = {}
        for session in chosen:
            key, place_name = _place(plan, session, order)
            by_place.setdefault(key, []).append(session)
            names[key] = place_name or Phrase(locales.label(ui, "runsheet.no_place"), ui)
        sections = tuple(
            Section(key, names[key], _with_gaps(plan, sessions, first, order))
            for key, sessions in by_place.items()
        )
    chosen_room = plan.room_by_id.get(room) if room is not None else None
    day_entry = plan.day_by_number.get(day)
    return RunSheet(
        ui=ui,
        title=phrase(plan.event.title, order) or Phrase(""),
        day=day,
        date=plan.event.date_of(day),
        day_label=phrase(day_entry.label, order) if day_entry else None,
        room=(phrase(chosen_room.name, order) if chosen_room else None)
        or (Phrase(room) if room is not None else None),
        first=first,
        sections=sections,
        findings=findings_on(plan, day, findings),
        contacts=_contacts(plan, (r for s in sections for r in s.rows), order) if contacts else (),
        stamp=stamp,
    )
