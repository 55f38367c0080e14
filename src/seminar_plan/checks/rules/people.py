"""People: one person committed to two sessions at once."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import ordered, spans, where_named
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.messages import text
from seminar_plan.model import Plan


@rule("person-overlap")
def person_overlaps(plan: Plan) -> Iterator[Issue]:
    span_of = spans()
    for person, sessions in plan.sessions_by_person.items():
        hint = text("finding-hint.person-overlap", person=person)
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            message = text(
                "finding.person-overlap",
                person=person,
                later=later.id,
                later_span=span_of(later),
                earlier=earlier.id,
                earlier_span=span_of(earlier),
            )
            yield Issue(
                "person-overlap",
                where_named(plan, later, person),
                message,
                hint,
                (person, earlier.id, later.id),
                related=earlier.origin,
            )
