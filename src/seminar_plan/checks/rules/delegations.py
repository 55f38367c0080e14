"""Delegations: a whole delegation cannot be in two places at once."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import ordered, spans
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.messages import text
from seminar_plan.model import ALL, Origin, Plan, Session


def where_present(session: Session, delegation: str) -> Origin:
    """The attendees entry that makes ``delegation`` present: its id, else ``"all"``."""
    for ref in (delegation, ALL):
        if ref in session.attendees:
            return session.origin.child("attendees", session.attendees.index(ref))
    return session.origin


@rule("delegation-overlap")
def delegation_overlaps(plan: Plan) -> Iterator[Issue]:
    # Optional sessions (breakouts, a free-choice visit) commit no delegation: left out.
    by_delegation: dict[str, list[Session]] = {}
    for session in plan.sessions:
        if session.optional:
            continue
        for delegation in plan.delegations_present(session):
            by_delegation.setdefault(delegation, []).append(session)
    hint = text("finding-hint.delegation-overlap")
    span_of = spans()
    for delegation, sessions in by_delegation.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            message = text(
                "finding.delegation-overlap",
                delegation=delegation,
                later=later.id,
                later_span=span_of(later),
                earlier=earlier.id,
                earlier_span=span_of(earlier),
            )
            yield Issue(
                "delegation-overlap",
                where_present(later, delegation),
                message,
                hint,
                (delegation, earlier.id, later.id),
                related=earlier.origin,
            )
