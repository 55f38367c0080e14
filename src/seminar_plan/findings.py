"""Findings: what ``check`` reports, as data.

A plan error is never an exception: the loader and every rule yield ``Finding`` records, and the
command reports them all at once. The codes themselves are declared in ``checks/registry.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from seminar_plan.messages import Message, render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Place:
    """A file, line and column a finding points at."""

    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding. Its words are data (``text``, ``hint_text``), shown in any language by
    ``message_in`` and ``hint_in``; ``message`` and ``hint`` are the English ones."""

    code: str
    severity: Severity
    text: Message | str
    hint_text: Message | str | None
    subjects: tuple[str, ...]
    place: Place
    # The other place a finding names (the earlier session of an overlap, a person's stay).
    related: Place | None = None

    def message_in(self, lang: str) -> str:
        related = self.related
        where = None if related is None else f"{related.file}:{related.line}"
        return render(self.text, lang, where)

    def hint_in(self, lang: str) -> str | None:
        return None if self.hint_text is None else render(self.hint_text, lang)

    @property
    def message(self) -> str:
        return self.message_in("en")

    @property
    def hint(self) -> str | None:
        return self.hint_in("en")

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


if TYPE_CHECKING:
    # code -> default severity, derived from the registry.
    CODES: dict[str, Severity]


def __getattr__(name: str) -> object:
    # ``CODES`` is the registry's table; imported on first use, as the registry imports this.
    if name == "CODES":
        from seminar_plan.checks.registry import SEVERITY

        return SEVERITY
    raise AttributeError(name)
