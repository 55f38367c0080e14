"""Delegations: a whole delegation cannot be in two places at once."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import RELATED, Issue, rule
from seminar_plan.checks.rules.common import ordered, span
from seminar_plan.checks.sweep import overlapping_pairs
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
    for delegation, sessions in by_delegation.items():
        for a, b in overlapping_pairs(sessions):
            earlier, later = ordered(a, b)
            yield Issue(
                "delegation-overlap",
                where_present(later, delegation),
                f"delegation {delegation!r} is at {later.id!r} ({span(later)}) and at"
                f" {earlier.id!r} ({span(earlier)}, {RELATED}) at the same time",
                "move one of the sessions, or mark parallel choices optional = true",
                (delegation, earlier.id, later.id),
                related=earlier.origin,
            )
