"""Findings: what ``check`` reports, as data.

A plan error is never an exception: the loader and every rule yield ``Finding`` records, and the
command reports them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# code -> default severity, in the order of the contract's table.
CODES: dict[str, Severity] = {
    "toml-syntax": Severity.ERROR,
    "schema": Severity.ERROR,
    "unknown-ref": Severity.ERROR,
    "duplicate-id": Severity.ERROR,
    "bad-time": Severity.ERROR,
    "room-overlap": Severity.ERROR,
    "person-overlap": Severity.ERROR,
    "outside-stay": Severity.ERROR,
    "over-capacity": Severity.ERROR,
    "room-closed": Severity.WARNING,
    "travel-time": Severity.WARNING,
    "no-interpretation": Severity.WARNING,
    "no-booth": Severity.WARNING,
    "headcount": Severity.WARNING,
    "interpreter-language": Severity.ERROR,
    "interpreter-team": Severity.WARNING,
    "interpreter-load": Severity.WARNING,
    "no-interpreter": Severity.WARNING,
}


@dataclass(frozen=True, slots=True)
class Place:
    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    hint: str | None
    subjects: tuple[str, ...]
    place: Place

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.place.file, self.place.line, self.place.column, self.code)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which findings to keep and at what severity: the plan's ``[check]`` and the options."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()

    def apply(self, findings: list[Finding]) -> list[Finding]:
        overrides = dict(self.severity)
        kept = []
        for finding in findings:
            if self.select is not None and finding.code not in self.select:
                continue
            if finding.code in self.ignore:
                continue
            severity = overrides.get(finding.code)
            kept.append(finding if severity is None else replace(finding, severity=severity))
        return sorted(kept, key=lambda f: f.sort_key)


def count(findings: list[Finding]) -> dict[str, int]:
    summary = {severity.value: 0 for severity in Severity}
    for finding in findings:
        summary[finding.severity.value] += 1
    return summary
