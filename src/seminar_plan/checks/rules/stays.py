"""Stays: a person committed to a session before they arrive or after they leave."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import RELATED, Issue, rule
from seminar_plan.checks.rules.common import span, where_named
from seminar_plan.model import Plan


@rule("outside-stay")
def outside_stay(plan: Plan) -> Iterator[Issue]:
    for person_id, sessions in plan.sessions_by_person.items():
        person = plan.person_by_id[person_id]
        for session in sessions:
            if person.arrive is not None and session.start < person.arrive:
                problem = f"arrives {person.arrive:%Y-%m-%d %H:%M}, after {session.id!r} starts"
            elif person.depart is not None and session.end > person.depart:
                problem = f"departs {person.depart:%Y-%m-%d %H:%M}, before {session.id!r} ends"
            else:
                continue
            yield Issue(
                "outside-stay",
                where_named(plan, session, person_id),
                f"{person_id!r} {problem} ({span(session)}; stay at {RELATED})",
                "change the arrival or departure, or take the person out of the session",
                (person_id, session.id),
                related=person.origin,
            )
