"""Loading a plan: read its files, parse them into the model, keep the findings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from seminar_plan.findings import Finding
from seminar_plan.load.locate import Locator
from seminar_plan.load.parse import FORMAT_VERSION, parse_plan
from seminar_plan.load.read import PlanFileError, Sources, read_sources, sources_from_text
from seminar_plan.messages import text
from seminar_plan.model import Origin, Plan

MAX_SESSIONS = 1_000_000


class PlanFormatError(PlanFileError):
    """The plan declares a newer format than this version of seminar-plan reads."""


class PlanTooLargeError(PlanFileError):
    """The plan has more sessions than seminar-plan takes on (before building the model)."""


@dataclass(frozen=True)
class LoadedPlan:
    """A plan with the files it came from and what the loader found wrong with it.

    ``plan`` is None when the plan has no usable ``[event]`` (or no valid TOML at all).
    """

    sources: Sources
    plan: Plan | None
    findings: tuple[Finding, ...]
    locator: Locator

    @property
    def path(self) -> str:
        return self.sources.main.display

    def without_tables(self) -> LoadedPlan:
        """The same plan, findings and texts, with its files' parsed TOML tables let go.

        Checking and reporting need only the model and the texts. A large plan's tables weigh
        about half of what its loading holds, and a dense plan's findings and places then take
        the memory they freed instead of adding to it (``check``: 456 -> 388 MiB at 30,000
        dense sessions). Commands that edit the files (``shift``) keep the tables.
        """
        files = tuple(replace(source, data=None) for source in self.sources.files)
        sources = replace(self.sources, files=files)
        return replace(self, sources=sources, locator=self.locator.over(sources))


def _refuse_newer_format(sources: Sources, locator: Locator) -> None:
    for index, source in enumerate(sources.files):
        value = source.data.get("format") if source.data else None
        if isinstance(value, int) and not isinstance(value, bool) and value > FORMAT_VERSION:
            place = locator.place(Origin(index, ("format",)))
            raise PlanFormatError.saying(
                text(
                    "load.newer-format",
                    place=f"{place.file}:{place.line}",
                    found=value,
                    reads=FORMAT_VERSION,
                )
            )


def _occurrences(session: object) -> int:
    """How many sessions one ``[[sessions]]`` table makes: one per day it lists."""
    if not isinstance(session, dict):
        return 1
    days = session.get("day", session.get("date"))
    return max(len(days), 1) if isinstance(days, list) else 1


def _refuse_too_many_sessions(sources: Sources) -> None:
    count = sum(
        _occurrences(session)
        for source in sources.files
        if source.data is not None and isinstance(sessions := source.data.get("sessions"), list)
        for session in sessions
    )
    if count > MAX_SESSIONS:
        raise PlanTooLargeError.saying(
            text(
                "load.too-many-sessions",
                path=sources.main.display,
                count=f"{count:,}",
                most=f"{MAX_SESSIONS:,}",
            )
        )


def load_sources(sources: Sources) -> LoadedPlan:
    locator = Locator(sources)
    _refuse_newer_format(sources, locator)
    _refuse_too_many_sessions(sources)
    plan, findings = parse_plan(sources, locator)
    return LoadedPlan(sources, plan, tuple(findings), locator)


def load_plan(path: Path, *, allow_outside: bool = False) -> LoadedPlan:
    """Read and parse the plan at ``path``; raises ``PlanFileError`` if it cannot be read."""
    return load_sources(read_sources(path, allow_outside=allow_outside))


def load_text(text: str, display: str = "seminar.toml") -> LoadedPlan:
    """Parse a plan given as TOML text (no includes): for tests and other tools."""
    return load_sources(sources_from_text(text, display))


__all__ = [
    "LoadedPlan",
    "PlanFileError",
    "PlanFormatError",
    "PlanTooLargeError",
    "load_plan",
    "load_text",
]
