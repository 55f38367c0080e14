"""People: one person committed to two sessions at once."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import RELATED, Issue, rule
from seminar_plan.checks.rules.common import ordered, span, where_named
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.model import Plan


@rule("person-overlap")
def person_overlaps(plan: Plan) -> Iterator[Issue]:
    for person, sessions in plan.sessions_by_person.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            yield Issue(
                "person-overlap",
                where_named(plan, later, person),
                f"{person!r} is in {later.id!r} ({span(later)}) and in {earlier.id!r}"
                f" ({span(earlier)}, {RELATED}) at the same time",
                f"take {person!r} out of one of them, or move one session",
                (person, earlier.id, later.id),
                related=earlier.origin,
            )
