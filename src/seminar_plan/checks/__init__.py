"""Checking a loaded plan: the loader's findings and every rule, tuned by the plan's [check]."""

from __future__ import annotations

from typing import TYPE_CHECKING

from seminar_plan.checks.registry import place_issue
from seminar_plan.checks.rules import plan_selection, run_rules
from seminar_plan.findings import Finding, Selection

if TYPE_CHECKING:
    # Only for annotations: the loader imports the registry, and so this package.
    from seminar_plan.load import LoadedPlan


def check(loaded: LoadedPlan, selection: Selection | None = None) -> list[Finding]:
    """Every finding of the plan, sorted by file, line, column and code.

    The plan's own ``[check]`` table applies first, then ``selection`` (the command's options).
    """
    findings = list(loaded.findings)
    if loaded.plan is not None:
        place = loaded.locator.place
        findings.extend(place_issue(issue, place) for issue in run_rules(loaded.plan))
    findings = plan_selection(loaded.plan).apply(findings)
    if selection is not None:
        findings = selection.apply(findings)
    return findings
