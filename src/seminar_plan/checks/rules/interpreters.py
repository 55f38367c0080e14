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
from seminar_plan.messages import text
from seminar_plan.model import Origin, Plan, Session


def _named_at(session: Session, person: str) -> Origin:
    return session.origin.child("interpreters", session.interpreters.index(person))


@rule("interpreter-language")
def interpreter_language(plan: Plan) -> Iterator[Issue]:
    """An interpreter of a session with two or more languages who speaks fewer than two."""
    for session in plan.sessions:
        if not session.interpreters:
            continue  # nobody to judge: the session's languages are not worked out
        languages = plan.languages_of(session)
        if len(languages) < 2:
            continue
        for person in interpreters_of(session, plan):
            if len(covered(plan, person, session)) >= 2:
                continue
            theirs = tuple(spoken(plan, person))
            hint = text("finding-hint.interpreter-language", languages=languages, person=person)
            message = (
                text(
                    "finding.interpreter-language",
                    person=person,
                    session=session.id,
                    languages=languages,
                    theirs=theirs,
                )
                if theirs
                else text(
                    "finding.interpreter-language-none",
                    person=person,
                    session=session.id,
                    languages=languages,
                )
            )
            yield Issue(
                "interpreter-language",
                _named_at(session, person),
                message,
                hint,
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
            text(
                "finding.interpreter-team",
                session=session.id,
                length=hours_text(session.minutes),
                interpreter=session.interpreters[0],
                limit=hours_text(limit),
            ),
            text("finding-hint.interpreter-team"),
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
            yield Issue(
                "interpreter-load",
                _named_at(tipping, person),
                text(
                    "finding.interpreter-load",
                    person=person,
                    total=hours_text(total),
                    day=day,
                    date=plan.event.date_of(day).isoformat(),
                    sessions=tuple(s.id for s in sessions),
                    limit=hours_text(limit),
                ),
                text("finding-hint.interpreter-load", session=tipping.id),
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
            text(
                "finding.no-interpreter",
                session=session.id,
                # The mode in the reader's words: [interp] consecutive / simultaneous.
                interpretation=text(f"interp.{session.interpretation}"),
            ),
            text("finding-hint.no-interpreter"),
            (session.id,),
        )
