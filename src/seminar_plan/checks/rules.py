"""The plan rules: one small generator per rule, each yielding findings (pure).

``check`` runs the parser's findings and every rule, then applies the plan's ``[check]`` table
and the command's selection.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator

from seminar_plan.checks.interpreting import (
    interpreter_language,
    interpreter_load,
    interpreter_team,
    no_interpreter,
)
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.findings import CODES, Finding, Selection, Severity
from seminar_plan.load.locate import Locator
from seminar_plan.model import ALL, Origin, Plan, Session, elapsed_minutes

Rule = Callable[[Plan, Locator], Iterator[Finding]]


def _finding(
    locator: Locator,
    code: str,
    origin: Origin,
    message: str,
    hint: str | None,
    subjects: tuple[str, ...],
) -> Finding:
    return Finding(code, CODES[code], message, hint, subjects, locator.place(origin))


def _clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def _span(session: Session) -> str:
    end = "24:00" if session.end.date() > session.start.date() else _clock(session.end)
    return f"{session.start:%Y-%m-%d} {_clock(session.start)}-{end}"


def _file_order(session: Session) -> tuple[int, tuple[str | int, ...]]:
    return (session.origin.file, session.origin.path)


def ordered(a: Session, b: Session) -> tuple[Session, Session]:
    """(earlier, later): the later starts later, or at a tie stands later in the files."""
    if (b.start, _file_order(b)) >= (a.start, _file_order(a)):
        return a, b
    return b, a


def where_named(plan: Plan, session: Session, person: str) -> Origin:
    """The key of ``session`` that commits ``person`` to it, else the session's header."""
    for key in ("speakers", "moderators", "interpreters"):
        refs: tuple[str, ...] = getattr(session, key)
        if person in refs:
            return session.origin.child(key, refs.index(person))
    if session.owner == person:
        return session.origin.child("owner")
    for position, ref in enumerate(session.attendees):
        group = plan.group_by_id.get(ref)
        if ref == person or (group is not None and person in group.members):
            return session.origin.child("attendees", position)
    return session.origin


def room_overlaps(plan: Plan, locator: Locator) -> Iterator[Finding]:
    by_room: dict[str, list[Session]] = defaultdict(list)
    for session in plan.sessions:
        if session.room is not None and session.room in plan.room_by_id:
            by_room[session.room].append(session)
    for room, sessions in by_room.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            yield _finding(
                locator,
                "room-overlap",
                later.origin.child("room"),
                f"{later.id!r} ({_span(later)}) overlaps {earlier.id!r} ({_span(earlier)},"
                f" {locator.line_of(earlier.origin)}) in room {room!r}",
                "move one of them to another room or time",
                (room, earlier.id, later.id),
            )


def person_overlaps(plan: Plan, locator: Locator) -> Iterator[Finding]:
    for person, sessions in plan.sessions_by_person.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            yield _finding(
                locator,
                "person-overlap",
                where_named(plan, later, person),
                f"{person!r} is in {later.id!r} ({_span(later)}) and in {earlier.id!r}"
                f" ({_span(earlier)}, {locator.line_of(earlier.origin)}) at the same time",
                f"take {person!r} out of one of them, or move one session",
                (person, earlier.id, later.id),
            )


def outside_stay(plan: Plan, locator: Locator) -> Iterator[Finding]:
    for person_id, sessions in plan.sessions_by_person.items():
        person = plan.person_by_id[person_id]
        for session in sessions:
            if person.arrive is not None and session.start < person.arrive:
                problem = f"arrives {person.arrive:%Y-%m-%d %H:%M}, after {session.id!r} starts"
            elif person.depart is not None and session.end > person.depart:
                problem = f"departs {person.depart:%Y-%m-%d %H:%M}, before {session.id!r} ends"
            else:
                continue
            yield _finding(
                locator,
                "outside-stay",
                where_named(plan, session, person_id),
                f"{person_id!r} {problem} ({_span(session)};"
                f" stay at {locator.line_of(person.origin)})",
                "change the arrival or departure, or take the person out of the session",
                (person_id, session.id),
            )


def over_capacity(plan: Plan, locator: Locator) -> Iterator[Finding]:
    for session in plan.sessions:
        room = plan.room_of(session)
        if room is None or room.capacity is None:
            continue
        attendance = plan.attendance_of(session)
        if attendance is None or attendance <= room.capacity:
            continue
        key = "attendance" if session.attendance is not None else "attendees"
        yield _finding(
            locator,
            "over-capacity",
            session.origin.child(key),
            f"{session.id!r} expects {attendance} people; room {room.id!r} seats {room.capacity}",
            "choose a larger room, or correct attendance",
            (session.id, room.id),
        )


def room_closed(plan: Plan, locator: Locator) -> Iterator[Finding]:
    for session in plan.sessions:
        room = plan.room_of(session)
        if room is None:
            continue
        midnight = session.start.replace(hour=0, minute=0, second=0, microsecond=0)
        opens = midnight + dt.timedelta(hours=room.open.hour, minutes=room.open.minute)
        closes = (
            midnight + dt.timedelta(days=1)
            if room.close is None
            else midnight + dt.timedelta(hours=room.close.hour, minutes=room.close.minute)
        )
        if session.start >= opens and session.end <= closes:
            continue
        key = "start" if session.start < opens else "end"
        hours = f"{_clock(opens)}-{'24:00' if room.close is None else _clock(closes)}"
        yield _finding(
            locator,
            "room-closed",
            session.origin.child(key),
            f"{session.id!r} ({_span(session)}) is outside the hours of room {room.id!r} ({hours})",
            "move the session into the room's hours, or change the room's open/close",
            (session.id, room.id),
        )


def travel_time(plan: Plan, locator: Locator) -> Iterator[Finding]:
    if not plan.travel:
        return
    longest = dt.timedelta(minutes=max(t.minutes for t in plan.travel))
    for person, sessions in plan.sessions_by_person.items():
        placed = [s for s in sessions if plan.venue_of(s) is not None]
        placed.sort(key=lambda s: s.end)
        ends = [s.end for s in placed]
        for later in placed:
            # Earlier sessions that ended no more than the longest trip before this one starts.
            low = bisect.bisect_left(ends, later.start - longest)
            high = bisect.bisect_right(ends, later.start)
            for earlier in placed[low:high]:
                if earlier is later or earlier.start >= later.start:
                    continue
                a, b = plan.venue_of(earlier), plan.venue_of(later)
                if a == b or a is None or b is None:
                    continue
                minutes = plan.travel_minutes.get(frozenset((a, b)))
                if minutes is None:
                    continue
                gap = elapsed_minutes(earlier.end, later.start)
                if gap >= minutes:
                    continue
                yield _finding(
                    locator,
                    "travel-time",
                    where_named(plan, later, person),
                    f"{person!r} has {gap} minutes from {earlier.id!r}"
                    f" at {a!r} ({locator.line_of(earlier.origin)}) to {later.id!r} at {b!r};"
                    f" the trip takes {minutes}",
                    f"leave at least {minutes} minutes between them, or hold both at one venue",
                    (person, earlier.id, later.id),
                )


def interpretation(plan: Plan, locator: Locator) -> Iterator[Finding]:
    for session in plan.sessions:
        if session.interpretation == "none":
            languages = plan.languages_of(session)
            if len(languages) >= 2:
                yield _finding(
                    locator,
                    "no-interpretation",
                    session.origin.child("interpretation"),
                    f"{session.id!r} brings together {' and '.join(languages)}"
                    " with no interpretation",
                    'set interpretation = "consecutive" or "simultaneous" and name interpreters',
                    (session.id,),
                )
        elif session.interpretation == "simultaneous":
            room = plan.room_of(session)
            if room is not None and room.booths == 0:
                yield _finding(
                    locator,
                    "no-booth",
                    session.origin.child("interpretation"),
                    f"{session.id!r} has simultaneous interpretation but room {room.id!r}"
                    " has no interpretation booths",
                    "choose a room with booths, give the room booths, or use consecutive",
                    (session.id, room.id),
                )


def headcount(plan: Plan, locator: Locator) -> Iterator[Finding]:
    participants = plan.event.participants
    if participants is None or not plan.delegations:
        return
    total = plan.delegation_total
    if participants != total:
        parts = " + ".join(f"{d.id} {d.headcount or 0}" for d in plan.delegations)
        yield _finding(
            locator,
            "headcount",
            plan.event.origin.child("participants"),
            f"event.participants is {participants}, but the delegations add up to {total}"
            f" ({parts})",
            "correct participants or the delegations' headcounts",
            (),
        )


RULES: tuple[Rule, ...] = (
    room_overlaps,
    person_overlaps,
    outside_stay,
    over_capacity,
    room_closed,
    travel_time,
    interpretation,
    headcount,
    interpreter_language,
    interpreter_team,
    interpreter_load,
    no_interpreter,
)


def run_rules(plan: Plan, locator: Locator) -> list[Finding]:
    return [finding for rule in RULES for finding in rule(plan, locator)]


def plan_selection(plan: Plan | None) -> Selection:
    """The plan's own ``[check]`` table as a selection."""
    if plan is None:
        return Selection()
    return Selection(
        ignore=frozenset(plan.check.ignore),
        severity=tuple((code, Severity(level)) for code, level in plan.check.severity),
    )


__all__ = ["ALL", "RULES", "plan_selection", "run_rules"]
