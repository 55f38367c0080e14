"""Plan -> presentation-neutral rows: the agenda, a person's itinerary, the guest roster.

Pure: every text is already picked in the chosen language, every time is an aware datetime in
the event zone, and nothing here knows about terminals, Markdown or JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from seminar_plan import locales, present
from seminar_plan.checks.registry import session_subjects
from seminar_plan.findings import Finding, Severity, count
from seminar_plan.logistics.interpreting import (
    covered,
    hours_text,
    interpreting_by_day,
    minutes_of,
    pair_text,
)
from seminar_plan.model import ALL, KINDS, Person, Plan, Role, Session, instant
from seminar_plan.text import language_order, pick

ARRIVAL = "arrival"
DEPARTURE = "departure"
MAIN_TRACK = "main"


@dataclass(frozen=True, slots=True)
class Interpreting:
    """An interpreter's part in a session: the session's languages they cover, and whether
    they work from a booth (simultaneous) or on the floor."""

    languages: tuple[str, ...]
    booth: bool


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One line of an agenda: a session, or a person's arrival or departure.

    ``room`` is the room id (None for off-site items and arrivals); ``place`` is the room's name,
    else the venue's, in the chosen language. ``roles`` is set on itinerary rows only.
    """

    id: str
    day: int
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    title: str
    kind: str
    track: str | None
    room: str | None
    venue: str | None
    place: str
    speakers: tuple[str, ...]
    speaker_names: tuple[str, ...]
    moderators: tuple[str, ...]
    moderator_names: tuple[str, ...]
    interpretation: str
    roles: tuple[Role, ...] = ()
    note: str = ""
    findings: tuple[Finding, ...] = ()
    # On an itinerary row where the person interprets.
    interpreting: Interpreting | None = None
    # The venue's address in the chosen language ("" without one).
    address: str = ""
    # The track's name from [tracks] in the chosen language ("" when it has none).
    track_name: str = ""

    @property
    def is_stay(self) -> bool:
        """A person's arrival or departure rather than a session."""
        return self.kind in (ARRIVAL, DEPARTURE)

    @property
    def is_side(self) -> bool:
        """On a track of its own, apart from the main programme."""
        return self.track is not None and self.track != MAIN_TRACK


@dataclass(frozen=True, slots=True)
class AgendaDay:
    """One day's rows; ``number`` is outside 1..N for an arrival before or departure after."""

    number: int
    date: dt.date
    label: str
    notes: str
    rows: tuple[AgendaRow, ...]
    in_event: bool = True
    # On an itinerary: the person's interpreting time that day in minutes (None: they do not).
    interpreting: int | None = None


@dataclass(frozen=True, slots=True)
class PersonHeader:
    """The person a personal agenda is for."""

    id: str
    name: str
    title: str
    organization: str


@dataclass(frozen=True, slots=True)
class Filters:
    """The agenda's filters, already resolved to ids; every one given must hold."""

    day: int | None = None
    room: str | None = None
    person: str | None = None
    delegation: str | None = None
    track: str | None = None

    @property
    def narrows(self) -> bool:
        """Anything beyond the day: then days with nothing left are left out."""
        return any(v is not None for v in (self.room, self.person, self.delegation, self.track))


@dataclass(frozen=True, slots=True)
class Agenda:
    """The agenda, as rows to render."""

    plan: str
    title: str
    timezone: str
    lang: str
    days: tuple[AgendaDay, ...]
    person: PersonHeader | None = None
    second_zone: str | None = None
    second_tz: dt.tzinfo | None = None
    errors: int = 0
    warnings: int = 0
    # Error findings that no session of the plan carries (a session that could not be
    # scheduled, a mistake in a person's table): listed after the days, never hidden.
    unattached: tuple[Finding, ...] = ()

    @property
    def rows(self) -> tuple[AgendaRow, ...]:
        return tuple(row for day in self.days for row in day.rows)


# --- labels and languages -------------------------------------------------------------------


def label(lang: str, key: str) -> str:
    """An agenda label; session kinds, roles and interpretation modes are shared tables."""
    table = key.partition(".")[0] if "." in key else "agenda"
    return locales.label(lang, key if table in ("kind", "role", "interp") else f"agenda.{key}")


# --- findings -------------------------------------------------------------------------------


def errors_by_session(plan: Plan, findings: Iterable[Finding]) -> dict[str, tuple[Finding, ...]]:
    """Error findings keyed by the session occurrences they name (``id`` or its ``base_id``)."""
    occurrences: dict[str, list[str]] = {}
    for session in plan.sessions:
        occurrences.setdefault(session.id, []).append(session.id)
        if session.base_id != session.id:
            occurrences.setdefault(session.base_id, []).append(session.id)
    marked: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity is not Severity.ERROR:
            continue
        for subject in sorted(set(session_subjects(finding))):
            for session_id in occurrences.get(subject, ()):
                held = marked.setdefault(session_id, [])
                if finding not in held:
                    held.append(finding)
    return {session_id: tuple(held) for session_id, held in marked.items()}


# --- the agenda -----------------------------------------------------------------------------


def _concerns_delegation(plan: Plan, session: Session, delegation: str) -> bool:
    """The delegation (or everyone) attends, or one of its people is committed."""
    if ALL in session.attendees or delegation in session.attendees:
        return True
    return any(
        plan.person_by_id[person].delegation == delegation for person in plan.roles_of(session)
    )


def _session_row(
    plan: Plan,
    session: Session,
    order: tuple[str, ...],
    roles: tuple[Role, ...],
    findings: tuple[Finding, ...],
) -> AgendaRow:
    return AgendaRow(
        id=session.id,
        day=session.day,
        date=session.date,
        start=session.start,
        end=session.end,
        title=pick(session.title, order),
        kind=session.kind,
        track=session.track,
        room=session.room,
        venue=plan.venue_of(session),
        place=present.place_name(plan, session, order),
        speakers=session.speakers,
        speaker_names=present.person_names(plan, session.speakers, order),
        moderators=session.moderators,
        moderator_names=present.person_names(plan, session.moderators, order),
        interpretation=session.interpretation,
        roles=roles,
        findings=findings,
        address=present.venue_address(plan, session, order),
        track_name=present.track_name(plan, session.track, order),
    )


def _stay_row(
    plan: Plan,
    order: tuple[str, ...],
    ident: str,
    kind: str,
    moment: dt.datetime,
    text: tuple[str, str],
    venue: str | None,
) -> AgendaRow:
    """A zero-length row at ``moment``; ``text`` is its title and note."""
    local = moment.astimezone(plan.event.tz)
    place = plan.venue_by_id.get(venue) if venue is not None else None
    return AgendaRow(
        id=ident,
        day=plan.event.day_of(local.date()),
        date=local.date(),
        start=local,
        end=local,
        title=text[0],
        kind=kind,
        track=None,
        room=None,
        venue=venue,
        place=pick(place.name, order) if place is not None else "",
        speakers=(),
        speaker_names=(),
        moderators=(),
        moderator_names=(),
        interpretation="none",
        note=text[1],
        address=pick(place.address, order) if place is not None else "",
    )


def _stay_rows(plan: Plan, person_id: str, order: tuple[str, ...], lang: str) -> list[AgendaRow]:
    """The person's written arrival and departure as zero-length rows, with their notes, and
    each flight that carries them: at its landing (an arrival) or take-off (a departure), at its
    airport, with the other end and its clock as the note."""
    person = plan.person_by_id[person_id]
    flights = plan.flights_by_person.get(person_id, ())
    buffer = dt.timedelta(minutes=plan.check.landing_buffer)
    rows = []
    for kind, moment in ((ARRIVAL, person.arrive), (DEPARTURE, person.depart)):
        if moment is None:
            continue
        # A written time that agrees with a flight's is shown once: as the flight.
        if any(
            abs(instant(f.arrives if kind == ARRIVAL else f.departs) - instant(moment)) <= buffer
            for f in flights
            if f.direction == kind
        ):
            continue
        title = label(lang, "arrive" if kind == ARRIVAL else "depart")
        rows.append(_stay_row(plan, order, kind, kind, moment, (title, ""), None))
    for flight in flights:
        arriving = flight.direction == "arrival"
        other = pick(flight.from_place if arriving else flight.to_place, order)
        far = flight.departs if arriving else flight.arrives
        offset = far.strftime("%z")
        clock = f"{far:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:]}"
        title = locales.label(
            lang, f"agenda.flight_{'in' if arriving else 'out'}", number=flight.number
        )
        note = locales.label(
            lang, f"agenda.flight_{'from' if arriving else 'to'}", place=other, time=clock
        )
        moment = flight.arrives if arriving else flight.departs
        kind = ARRIVAL if arriving else DEPARTURE
        rows.append(
            _stay_row(plan, order, flight.id, kind, moment, (title, note.strip()), flight.airport)
        )
    return _with_stay_notes(rows, person, order)


def _with_stay_notes(
    rows: list[AgendaRow], person: Person, order: tuple[str, ...]
) -> list[AgendaRow]:
    """The person's ``notes`` and ``arrive_notes`` on their first arrival row, ``depart_notes``
    on their last departure row: never the same note at both ends."""
    ordered = sorted(range(len(rows)), key=lambda i: instant(rows[i].start))
    for kinds, texts in (
        ([i for i in ordered if rows[i].kind == ARRIVAL][:1], (person.notes, person.arrive_notes)),
        ([i for i in ordered if rows[i].kind == DEPARTURE][-1:], (person.depart_notes,)),
    ):
        for index in kinds:
            extra = (pick(text, order) for text in texts if text is not None)
            rows[index] = replace(
                rows[index], note="\n".join(filter(None, (rows[index].note, *extra)))
            )
    return rows


def side_tracks(lang: str, rows: Sequence[AgendaRow]) -> list[tuple[str, tuple[AgendaRow, ...]]]:
    """The day's side tracks, each with its heading (its ``[tracks]`` name, else "Side meetings
    (ID)") and rows, by their first start, then by heading."""
    tracks: dict[str, list[AgendaRow]] = {}
    for row in rows:
        if row.is_side and row.track:
            tracks.setdefault(row.track, []).append(row)
    headed = [
        (side[0].track_name or label(lang, "side").format(track=track), tuple(side))
        for track, side in tracks.items()
    ]
    return sorted(headed, key=lambda pair: (pair[1][0].start, pair[0]))


def places_shown(rows: Sequence[AgendaRow], *, itinerary: bool) -> list[str]:
    """Each row's place; on an itinerary, with the venue's address where the person goes to
    another venue (the first row of the day included): where the car takes them."""
    shown, previous = [], None
    for row in rows:
        moves = row.venue is not None and row.venue != previous
        address = f"\n{row.address}" if itinerary and moves and row.address else ""
        shown.append(row.place + address)
        previous = row.venue or previous
    return shown


def _sort_key(row: AgendaRow) -> tuple[dt.date, dt.datetime, str, dt.datetime, str]:
    # In absolute time: an arrival in the second pass of a repeated hour (fold=1) comes after
    # a session in the first, though its wall clock reads earlier.
    return (row.date, instant(row.start), row.room or "", instant(row.end), row.id)


def _shown_roles(plan: Plan, session: Session, filters: Filters) -> tuple[Role, ...] | None:
    """None when the filters leave ``session`` out, else the filtered person's roles in it
    (empty without ``filters.person``)."""
    if filters.day is not None and session.day != filters.day:
        return None
    if filters.room is not None and session.room != filters.room:
        return None
    if filters.track is not None and session.track != filters.track:
        return None
    if filters.delegation is not None and not _concerns_delegation(
        plan, session, filters.delegation
    ):
        return None
    if filters.person is None:
        return ()
    return plan.roles_of(session).get(filters.person) or _presence(plan, session, filters.person)


def _presence(plan: Plan, session: Session, person: str) -> tuple[Role, ...] | None:
    """``attending`` (``optional`` on an optional session) when the person's delegation is
    present or the session is for ``"all"``; None when the person is not there at all."""
    delegation = plan.person_by_id[person].delegation
    if ALL in session.attendees or (
        delegation is not None and delegation in plan.delegations_present(session)
    ):
        return ("optional",) if session.optional else ("attending",)
    return None


def _agenda_row(
    plan: Plan,
    session: Session,
    order: tuple[str, ...],
    roles: tuple[Role, ...],
    marks: tuple[Finding, ...],
    person: str | None,
) -> AgendaRow:
    """A session's row; on an interpreter's itinerary, with the languages they cover."""
    row = _session_row(plan, session, order, roles, marks)
    if person is not None and "interpreter" in roles:
        part = Interpreting(
            covered(plan, person, session), session.interpretation == "simultaneous"
        )
        row = dataclasses.replace(row, interpreting=part)
    return row


def _person_header(plan: Plan, ident: str, order: tuple[str, ...]) -> PersonHeader:
    someone = plan.person_by_id[ident]
    return PersonHeader(
        someone.id,
        pick(someone.name, order),
        pick(someone.title, order),
        pick(someone.organization, order),
    )


def _stays_shown(plan: Plan, filters: Filters, order: tuple[str, ...], ui: str) -> list[AgendaRow]:
    """The filtered person's arrival and departure, unless a room, track or other delegation
    narrows the itinerary."""
    assert filters.person is not None  # noqa: S101 - the caller asks only for a person
    someone = plan.person_by_id[filters.person]
    stays_apply = (
        filters.room is None
        and filters.track is None
        and (filters.delegation is None or someone.delegation == filters.delegation)
    )
    if not stays_apply:
        return []
    return [
        row
        for row in _stay_rows(plan, someone.id, order, ui)
        if filters.day is None or row.date == plan.event.date_of(filters.day)
    ]


def _agenda_days(
    plan: Plan, rows: list[AgendaRow], filters: Filters, order: tuple[str, ...]
) -> list[AgendaDay]:
    """Every day of the event (or the filtered one), and any other date a row falls on."""
    dates = [plan.event.date_of(n) for n in range(1, plan.event.day_count + 1)]
    if filters.day is not None:
        dates = [plan.event.date_of(filters.day)]
    dates = sorted(set(dates) | {row.date for row in rows})
    # The interpreter's whole day, whatever the filters leave shown.
    interpreted = interpreting_by_day(plan).get(filters.person or "", {})
    days = []
    for date in dates:
        day_rows = tuple(row for row in rows if row.date == date)
        number = plan.event.day_of(date)
        if not day_rows and filters.narrows and filters.day is None:
            continue
        info = plan.day_by_number.get(number)
        days.append(
            AgendaDay(
                number=number,
                date=date,
                label=pick(info.label, order) if info is not None else "",
                notes=pick(info.notes, order) if info is not None else "",
                rows=day_rows,
                in_event=1 <= number <= plan.event.day_count,
                interpreting=minutes_of(interpreted[number]) if number in interpreted else None,
            )
        )
    return days


def build_agenda(
    plan: Plan,
    path: str,
    findings: Sequence[Finding],
    *,
    lang: str | None = None,
    filters: Filters | None = None,
    second_zone: tuple[str, dt.tzinfo] | None = None,
) -> Agenda:
    """The agenda (or, with ``filters.person``, that person's itinerary), day by day.

    ``findings`` are the plan's check findings: error findings mark the sessions they name.
    Filter values must already be known: ``resolve_day`` for the day, ids for the rest.
    """
    filters = filters or Filters()
    order = language_order(plan, lang)
    ui = present.ui_language(plan, lang)
    marks = errors_by_session(plan, findings)
    rows = [
        _agenda_row(plan, session, order, roles, marks.get(session.id, ()), filters.person)
        for session in plan.sessions
        if (roles := _shown_roles(plan, session, filters)) is not None
    ]
    person: PersonHeader | None = None
    if filters.person is not None:
        person = _person_header(plan, filters.person, order)
        rows.extend(_stays_shown(plan, filters, order, ui))
    rows.sort(key=_sort_key)
    days = _agenda_days(plan, rows, filters, order)
    summary = count(list(findings))
    carried = {finding for held in marks.values() for finding in held}
    unattached = tuple(f for f in findings if f.severity is Severity.ERROR and f not in carried)
    return Agenda(
        plan=path,
        title=pick(plan.event.title, order),
        timezone=plan.event.timezone,
        lang=ui,
        days=tuple(days),
        person=person,
        second_zone=second_zone[0] if second_zone else None,
        second_tz=second_zone[1] if second_zone else None,
        errors=summary[Severity.ERROR.value],
        warnings=summary[Severity.WARNING.value],
        unattached=unattached,
    )


# --- time as the views show it --------------------------------------------------------------


def span(row: AgendaRow) -> str:
    """``09:30-10:00``, or a single time for an arrival or departure."""
    start = present.clock(row.start, row.date)
    return start if row.start == row.end else f"{start}-{present.clock(row.end, row.date)}"


def span_in(row: AgendaRow, zone: dt.tzinfo) -> tuple[str, str, int]:
    """Start and end in another zone, and how many days its start date differs from the row's."""
    start = row.start.astimezone(zone)
    end = row.end.astimezone(zone)
    days = (start.date() - row.date).days
    return present.clock(start, start.date()), present.clock(end, start.date()), days


def span_in_text(row: AgendaRow, zone: dt.tzinfo) -> str:
    """``span`` in another zone, with ``+1d`` when that zone's date is another day."""
    start, end, shift = span_in(row, zone)
    moved = f" {shift:+d}d" if shift else ""
    return start + moved if row.start == row.end else f"{start}-{end}{moved}"


def interpreting_note(lang: str, row: AgendaRow) -> str:
    """``Booth: ja-zh`` or ``Interpreting: ja-zh`` on an interpreter's itinerary row."""
    if row.interpreting is None:
        return ""
    key = "booth" if row.interpreting.booth else "interpreting"
    return label(lang, key).format(pair=pair_text(row.interpreting.languages) or "-")


def interpreting_total(lang: str, day: AgendaDay) -> str:
    """``Interpreting time: 4h25m`` under an interpreter's day."""
    if day.interpreting is None:
        return ""
    return label(lang, "interpreting_day").format(time=hours_text(day.interpreting))


def kind_label(lang: str, kind: str) -> str:
    return label(lang, f"kind.{kind}") if kind in (*KINDS, ARRIVAL, DEPARTURE) else kind


def interpretation_label(lang: str, row: AgendaRow) -> str:
    """The mode in the UI language; nothing for an arrival or departure."""
    return "" if row.is_stay else label(lang, f"interp.{row.interpretation}")


def day_heading(lang: str, day: AgendaDay) -> tuple[str, ...]:
    """``2日目``, ``2025-07-24（木）``, ``本会議``: no day number outside the event."""
    date = label(lang, "date").format(
        date=day.date.isoformat(), weekday=locales.weekday(lang, day.date)
    )
    parts = [label(lang, "day").format(n=day.number)] if day.in_event else []
    parts.append(date)
    if day.label:
        parts.append(day.label)
    return tuple(parts)
