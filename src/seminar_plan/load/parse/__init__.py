"""Raw TOML mappings -> the model, plus every schema, reference, id and time finding (pure).

The parser never stops at the first problem: a bad value is reported and left out of the model,
and the rest of the plan is still read, so ``check`` reports everything at once.

One module per plan table or close group of tables (``event``, ``people``, ``venues``,
``sessions``), one for merging the files (``collect``), one for references, one for the schema of
known keys, one for scalar values; a new table gets its own module and one line in
``parse_plan``.
"""

from __future__ import annotations

import datetime as dt

from seminar_plan.findings import Finding, Severity
from seminar_plan.load.locate import Locator
from seminar_plan.load.parse.collect import collect
from seminar_plan.load.parse.event import read_check, read_days, read_event
from seminar_plan.load.parse.flights import read_flights
from seminar_plan.load.parse.lodging import check_hotels, read_bookings, with_lodging
from seminar_plan.load.parse.parser import Parser
from seminar_plan.load.parse.people import read_delegations, read_groups, read_people
from seminar_plan.load.parse.protocol import read_protocol
from seminar_plan.load.parse.references import References
from seminar_plan.load.parse.scalars import (
    LANGUAGE,
    SLUG,
    clock_minutes,
    closest,
    did_you_mean,
    duration_minutes,
    is_language_code,
    is_slug,
    nearest_id,
)
from seminar_plan.load.parse.schema import FORMAT_VERSION
from seminar_plan.load.parse.sessions import SessionDraft, occurrences, read_sessions
from seminar_plan.load.parse.tracks import read_tracks
from seminar_plan.load.parse.vehicles import read_vehicles
from seminar_plan.load.parse.venues import read_rooms, read_travel, read_venues
from seminar_plan.load.read import Sources
from seminar_plan.messages import text
from seminar_plan.model import Event, Origin, Plan, Session, Text

__all__ = [
    "FORMAT_VERSION",
    "LANGUAGE",
    "SLUG",
    "Parser",
    "clock_minutes",
    "closest",
    "did_you_mean",
    "duration_minutes",
    "is_language_code",
    "is_slug",
    "nearest_id",
    "parse_plan",
]


def _file_problems(p: Parser, sources: Sources, locator: Locator) -> None:
    """What reading the files found: integers out of range, TOML syntax errors."""
    for index, source in enumerate(sources.files):
        for path in source.out_of_range:
            dotted = ".".join(str(part) for part in path)
            p.schema(Origin(index, path), text("load.out-of-range", path=dotted))
        if source.syntax is not None:
            p.findings.append(
                Finding(
                    "toml-syntax",
                    Severity.ERROR,
                    text("load.invalid-toml", detail=source.syntax.text),
                    text("load-hint.fix-syntax"),
                    (),
                    locator.place_at(index, source.syntax.line, source.syntax.column),
                )
            )


def _scheduled(p: Parser, drafts: list[SessionDraft], event: Event | None) -> tuple[Session, ...]:
    """Every occurrence of every session. A repeated id is reported as duplicate-id; only its
    first definition is scheduled."""
    placed: set[str | None] = set()
    sessions: list[Session] = []
    for draft in drafts:
        if draft.ident not in placed:
            placed.add(draft.ident)
            sessions.extend(occurrences(p, draft, event))
    return tuple(sessions)


def parse_plan(sources: Sources, locator: Locator) -> tuple[Plan | None, list[Finding]]:
    """Build the plan from ``sources``; return it (None without a usable event) and findings."""
    p = Parser(sources, locator)
    for problem in sources.problems:
        p.report("schema", problem.origin, problem.text, problem.hint_text)
    _file_problems(p, sources, locator)
    tables = collect(p)
    event = read_event(p, tables.event)
    days = read_days(p, tables.named["days"], event)
    delegations = read_delegations(p, tables.named["delegations"])
    venues = read_venues(p, tables.named["venues"])
    rooms = read_rooms(p, tables.named["rooms"])
    people = read_people(p, tables.named["people"], event)
    groups = read_groups(p, tables.named["groups"])
    delegations = with_lodging(p, delegations, tables.named["delegations"])
    people = with_lodging(p, people, tables.named["people"])
    groups = with_lodging(p, groups, tables.named["groups"])
    bookings = read_bookings(p, tables.bookings)
    travel = read_travel(p, tables.travel)
    check = read_check(p, tables.check)
    protocol = read_protocol(p, tables.protocol)
    tracks = read_tracks(p, tables.named["tracks"])
    drafts = read_sessions(p, tables.sessions, event)
    vehicles = read_vehicles(p, tables.named["vehicles"])
    flights, flight_refs = read_flights(p, tables.flights, event)
    sessions = _scheduled(p, drafts, event)
    plan = Plan(
        # Without a usable event (its dates unreadable) no session can be placed and no rule
        # runs, but every reference is still checked, against a stand-in event.
        event=event or _STAND_IN,
        days=days,
        delegations=delegations,
        venues=venues,
        travel=travel,
        rooms=rooms,
        people=people,
        groups=groups,
        sessions=sessions,
        check=check,
        vehicles=vehicles,
        flights=flights,
        bookings=bookings,
        protocol=protocol,
        tracks=tracks,
    )
    references = References(p, plan, drafts, flight_refs, declared=tables.named)
    references.check()
    check_hotels(references, plan)
    return (plan if event is not None else None), p.findings


# Never shown or checked against: it only lets the references of a plan whose [event] cannot be
# read be checked all the same.
_STAND_IN = Event(
    title=Text.plain(""),
    timezone="UTC",
    tz=dt.UTC,
    start=dt.date(2000, 1, 1),
    end=dt.date(2000, 1, 1),
)
