"""Interpreters: the languages they work in, their time in the booth, booths and receivers.

Shared by the interpretation rules and the views, so that ``check``, the itinerary, the
interpreters' roster and the run sheet all count one way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seminar_plan.model import ALL, Plan, Session, elapsed_minutes


def _fold(code: str) -> str:
    # Language codes match without regard to case (``zh-Hant`` is ``zh-hant``).
    return code.casefold()


def spoken(plan: Plan, person_id: str) -> tuple[str, ...]:
    """The languages a person works in: their ``languages``, else their delegation's language."""
    person = plan.person_by_id.get(person_id)
    if person is None:
        return ()
    if person.languages:
        return person.languages
    delegation = plan.delegation_by_id.get(person.delegation or "")
    if delegation is not None and delegation.language:
        return (delegation.language,)
    return ()


def covered(plan: Plan, person_id: str, session: Session) -> tuple[str, ...]:
    """The session's languages that the person speaks, in the session's order."""
    theirs = {_fold(code) for code in spoken(plan, person_id)}
    return tuple(code for code in plan.languages_of(session) if _fold(code) in theirs)


def interpreters_of(session: Session, plan: Plan) -> tuple[str, ...]:
    """The session's interpreters that the plan defines, each once, in the order written."""
    return tuple(p for p in dict.fromkeys(session.interpreters) if p in plan.person_by_id)


def pair_text(languages: Sequence[str]) -> str:
    """``ja-zh``: the languages one interpreter covers in a session."""
    return "-".join(languages)


@dataclass(frozen=True, slots=True)
class Stint:
    """A span of one day that a person spends interpreting: overlapping sessions merged."""

    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        return elapsed_minutes(self.start, self.end)


def merged(sessions: Iterable[Session]) -> list[Stint]:
    """The union of the sessions' [start, end) spans, as disjoint stints in time order.

    Time in two sessions at once counts once: nobody interprets twice in the same minute (two
    overlapping sessions are a ``person-overlap`` of their own).
    """
    stints: list[Stint] = []
    for session in sorted(sessions, key=lambda s: (s.start, s.end)):
        if stints and session.start <= stints[-1].end:
            if session.end > stints[-1].end:
                stints[-1] = Stint(stints[-1].start, session.end)
        else:
            stints.append(Stint(session.start, session.end))
    return stints


def interpreting_by_day(plan: Plan) -> dict[str, dict[int, tuple[Session, ...]]]:
    """Person id -> day number -> the sessions they interpret that day, in time order."""
    found: dict[str, dict[int, list[Session]]] = defaultdict(lambda: defaultdict(list))
    for session in plan.sessions:
        for person in interpreters_of(session, plan):
            found[person][session.day].append(session)
    return {
        person: {
            day: tuple(sorted(sessions, key=lambda s: (s.start, s.end, s.id)))
            for day, sessions in sorted(days.items())
        }
        for person, days in found.items()
    }


def minutes_of(sessions: Iterable[Session]) -> int:
    """Interpreting time over ``sessions``: the length of their union."""
    return sum(stint.minutes for stint in merged(sessions))


def first_past(sessions: Sequence[Session], limit: int) -> Session | None:
    """The session (in time order) with which the running union first exceeds ``limit``."""
    done = 0
    current: Stint | None = None
    for session in sorted(sessions, key=lambda s: (s.start, s.end)):
        if current is not None and session.start <= current.end:
            current = Stint(current.start, max(current.end, session.end))
        else:
            done += current.minutes if current is not None else 0
            current = Stint(session.start, session.end)
        if done + current.minutes > limit:
            return session
    return None


def hours_text(minutes: int) -> str:
    """``6h``, ``4h25m``, ``40m``: the form durations are written in a plan."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h{rest:02d}m"
    return f"{hours}h" if hours else f"{rest}m"


# --- booths and receivers ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Booth:
    """One booth of a simultaneous session: the languages it works into, and who sits in it."""

    into: tuple[str, ...]
    interpreters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BoothPlan:
    """The booths a simultaneous session uses, and the receivers to hand out."""

    booths: tuple[Booth, ...]
    available: int
    floor: str | None
    receivers: int | None


def _present_by_language(plan: Plan, session: Session) -> Counter[str]:
    """People present (as attendance counts them) whose language the plan gives, by language.

    ``"all"``: every delegation by its headcount. Else each listed delegation by its headcount,
    and each named person committed through the attendees whose delegation is not listed. A
    group's unnamed members, and anyone without a language, are not known to speak any.
    """
    known: Counter[str] = Counter()
    listed = set(plan.delegations_present(session))
    for ref in listed:
        delegation = plan.delegation_by_id[ref]
        if delegation.language:
            known[_fold(delegation.language)] += delegation.headcount or 0
    if ALL in session.attendees:
        return known
    named: dict[str, None] = {}
    for ref in session.attendees:
        if ref in plan.person_by_id:
            named[ref] = None
        elif ref in plan.group_by_id:
            group = plan.group_by_id[ref]
            named.update(dict.fromkeys(m for m in group.members if m in plan.person_by_id))
    for person in named:
        language = plan.language_of(person)
        if plan.person_by_id[person].delegation not in listed and language:
            known[_fold(language)] += 1
    return known


def floor_language(plan: Plan, session: Session, present: Counter[str]) -> str | None:
    """The language spoken to the room, or None when the floor changes language.

    The people who address the room are the speakers and moderators: when they all speak one
    language, that is the floor language; when they speak several (a bilingual panel), there is
    none, and everyone present listens through a receiver part of the time. A session with no
    speakers or moderators: the language of most people present (ties: the event's order).
    """
    speaking = {
        language
        for person in dict.fromkeys((*session.speakers, *session.moderators))
        if (language := plan.language_of(person))
    }
    if len({_fold(code) for code in speaking}) > 1:
        return None
    if speaking:
        return speaking.pop()
    languages = plan.languages_of(session)
    if not languages:
        return None
    order = [_fold(code) for code in plan.event.languages]
    return min(
        languages,
        key=lambda code: (
            -present[_fold(code)],
            order.index(_fold(code)) if _fold(code) in order else len(order),
            code,
        ),
    )


def booth_plan(plan: Plan, session: Session) -> BoothPlan:
    """Booths, interpreters per booth, the floor language and the receivers to hand out.

    Two languages: one booth works both ways, and every interpreter sits in it. Three or more:
    one booth into each language, each interpreter in the booth of the first of their own
    languages the session uses (their A language, by convention the one they work into).

    Receivers: the session's attendance less the people present known to speak the floor
    language (``floor_language``); anyone whose language the plan does not give gets one.
    """
    languages = plan.languages_of(session)
    room = plan.room_of(session)
    people = interpreters_of(session, plan)
    booths: tuple[Booth, ...]
    if len(languages) <= 2:
        booths = (Booth(languages, people),) if languages or people else ()
    else:
        seats: dict[str, list[str]] = {_fold(code): [] for code in languages}
        unplaced: list[str] = []
        for person in people:
            own = [code for code in spoken(plan, person) if _fold(code) in seats]
            (seats[_fold(own[0])] if own else unplaced).append(person)
        booths = tuple(Booth((code,), tuple(seats[_fold(code)])) for code in languages)
        if unplaced:
            # Nobody is left off the sheet: an interpreter with no language of the session.
            booths += (Booth((), tuple(unplaced)),)
    known = _present_by_language(plan, session)
    floor = floor_language(plan, session, known)
    attendance = plan.attendance_of(session)
    receivers = None
    if attendance is not None:
        floor_people = known[_fold(floor)] if floor is not None else 0
        receivers = max(0, attendance - floor_people)
    return BoothPlan(
        booths=booths,
        available=room.booths if room is not None else 0,
        floor=floor,
        receivers=receivers,
    )
