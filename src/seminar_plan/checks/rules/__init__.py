"""The plan rules: one module per family, one function per finding code (pure).

Each rule is registered with ``@rule(code)`` (see ``checks/registry.py``); importing this package
imports every family, so ``RULES`` holds them all. A new family module is imported here.
"""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import REGISTRY, RULES, Issue
from seminar_plan.checks.rules import (  # noqa: F401 - imported to register their rules
    capacity,
    delegations,
    event,
    interpretation,
    interpreters,
    lodging,
    people,
    protocol,
    rooms,
    stays,
    transport,
    travel,
)
from seminar_plan.checks.rules.travel import travel_time
from seminar_plan.findings import Selection, Severity
from seminar_plan.model import Plan


def run_rules(plan: Plan) -> Iterator[Issue]:
    """Every rule's issues, in the registry's order of codes, one at a time: a full room
    yields half a million, and each is dropped once it has become a finding."""
    for entry in REGISTRY:
        found = RULES.get(entry.code)
        if found is not None:
            yield from found(plan)


def plan_selection(plan: Plan | None) -> Selection:
    """The plan's own ``[check]`` table as a selection."""
    if plan is None:
        return Selection()
    return Selection(
        ignore=frozenset(plan.check.ignore),
        severity=tuple((code, Severity(level)) for code, level in plan.check.severity),
    )


__all__ = ["plan_selection", "run_rules", "travel_time"]
