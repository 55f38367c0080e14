"""The event as a whole: participants against the delegations' headcounts."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.messages import text
from seminar_plan.model import Plan


@rule("headcount")
def headcount(plan: Plan) -> Iterator[Issue]:
    participants = plan.event.participants
    if participants is None or not plan.delegations:
        return
    # A headcount that is missing or was refused (headcount = "40", a schema finding) leaves
    # the sum unknown: comparing a guess would only add a knock-on warning.
    if any(d.headcount is None for d in plan.delegations):
        return
    total = plan.delegation_total
    if participants != total:
        parts = " + ".join(f"{d.id} {d.headcount or 0}" for d in plan.delegations)
        yield Issue(
            "headcount",
            plan.event.origin.child("participants"),
            text("finding.headcount", participants=participants, total=total, parts=parts),
            text("finding-hint.headcount"),
            (),
        )
