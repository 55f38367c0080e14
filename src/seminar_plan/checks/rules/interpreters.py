"""The interpreters' rules: languages they work in, teams for long simultaneous work, a day's load.

The limits come from the plan's ``[check]`` (``solo_limit``, ``interpreter_daily``); their
defaults follow the conference interpreters' associations' norms (docs/plan-format.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.logistics.interpreting import (
    covered,
    first_past,
    hours_text,
    interpreters_of,
    interpreting_by_day,
    minutes_of,
    spoken,
)
from seminar_plan.model import Origin, Plan, Session


def _named_at(session: Session, person: str) -> Origin:
    return session.origin.child("interpreters", session.interpreters.index(person))


@rule("interpreter-language")
def interpreter_language(plan: Plan) -> Iterator[Issue]:
    """An interpreter of a session with two or more languages who speaks fewer than two."""
    for session in plan.sessions:
        languages = plan.languages_of(session)
        if len(languages) < 2:
            continue
        for person in interpreters_of(session, plan):
            if len(covered(plan, person, session)) >= 2:
                continue
            theirs = ", ".join(spoken(plan, person)) or "no language the plan gives"
            yield Issue(
                "interpreter-language",
                _named_at(session, person),
                f"{person!r} interprets {session.id!r} ({', '.join(languages)})"
                f" but works in {theirs}",
                f"name an interpreter who works in two of {', '.join(languages)},"
                f" or correct the languages of {person!r}",
                (person, session.id),
            )


@rule("interpreter-team")
def interpreter_team(plan: Plan) -> Iterator[Issue]:
    """Simultaneous interpretation longer than the solo limit with exactly one interpreter."""
    limit = plan.check.solo_limit
    for session in plan.sessions:
        if session.interpretation != "simultaneous" or session.minutes <= limit:
            continue
        if len(set(session.interpreters)) != 1:
            continue
        yield Issue(
            "interpreter-team",
            session.origin.child("interpreters"),
            f"{session.id!r} has {hours_text(session.minutes)} of simultaneous interpretation"
            f" and one interpreter, {session.interpreters[0]!r}; one interpreter works alone"
            f" for at most {hours_text(limit)}",
            "name a second interpreter so they can take turns, or split the session",
            (session.id,),
        )


@rule("interpreter-load")
def interpreter_load(plan: Plan) -> Iterator[Issue]:
    """A person who interprets more than the daily limit on one day (time in sessions merged)."""
    limit = plan.check.interpreter_daily
    for person, days in interpreting_by_day(plan).items():
        for day, sessions in days.items():
            total = minutes_of(sessions)
            tipping = first_past(sessions, limit)
            if total <= limit or tipping is None:
                continue
            listing = ", ".join(s.id for s in sessions)
            yield Issue(
                "interpreter-load",
                _named_at(tipping, person),
                f"{person!r} interprets {hours_text(total)} on day {day}"
                f" ({plan.event.date_of(day).isoformat()}: {listing}), more than"
                f" {hours_text(limit)}",
                f"share the day's sessions with another interpreter, from {tipping.id!r} on",
                (person,),
            )


@rule("no-interpreter")
def no_interpreter(plan: Plan) -> Iterator[Issue]:
    """Interpretation without interpreters, in a plan that names interpreters somewhere."""
    if not any(session.interpreters for session in plan.sessions):
        return
    for session in plan.sessions:
        if session.interpretation == "none" or session.interpreters:
            continue
        yield Issue(
            "no-interpreter",
            session.origin.child("interpretation"),
            f"{session.id!r} has {session.interpretation} interpretation but names no interpreters",
            "name the interpreters who work it in interpreters = [...]",
            (session.id,),
        )
