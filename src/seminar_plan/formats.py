"""The output formats: every export and every run-sheet renderer, one entry each.

The command line builds its ``--format`` choices from ``EXPORTS`` and ``SHEETS``; each entry's
``render`` has one shape, ``render(subject, options)`` (the plan for an export, the built run
sheet for a run sheet), returns the whole file as ``str`` or ``bytes`` and imports its module
only when called, so start-up does not pay for the formats it does not use.

Adding an export format: write ``exports/NAME.py`` with its ``render``, then add one entry to
``EXPORTS`` (and its words to ``EXPORT_HELP``). A run-sheet renderer: one entry in ``SHEETS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seminar_plan.model import Plan
    from seminar_plan.views.runsheet import RunSheet
    from seminar_plan.views.transport import Manifest


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What ``seminar-plan export`` passes every exporter; each uses what its format needs."""

    now: dt.datetime
    day: int | None = None
    person: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class SheetOptions:
    """What ``seminar-plan runsheet`` passes every run-sheet renderer."""

    font: Path | None = None


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """An export format: its name and the function that renders it."""

    name: str
    render: Callable[[Plan, ExportOptions], str | bytes]


@dataclass(frozen=True, slots=True)
class SheetFormat:
    """A run-sheet format: its name, file suffix and renderer."""

    name: str
    suffix: str
    render: Callable[[RunSheet, SheetOptions], str | bytes]


def _ics(plan: Plan, options: ExportOptions) -> str | bytes:
    from seminar_plan.exports import ics

    return ics.render(
        plan, now=options.now, day=options.day, person=options.person, lang=options.lang
    )


def _csv(plan: Plan, options: ExportOptions) -> str | bytes:
    from seminar_plan.exports import table_csv

    return table_csv.render(plan, day=options.day, person=options.person, lang=options.lang)


def _json(plan: Plan, options: ExportOptions) -> str | bytes:
    from seminar_plan.exports import plan_json

    return plan_json.render(plan, day=options.day, person=options.person)


def _frab_xml(plan: Plan, options: ExportOptions) -> str | bytes:
    from seminar_plan.exports import frab

    return frab.render(plan, day=options.day, person=options.person, lang=options.lang)


def _schedule_json(plan: Plan, options: ExportOptions) -> str | bytes:
    from seminar_plan.exports import schedule_json

    return schedule_json.render(plan, day=options.day, person=options.person, lang=options.lang)


EXPORTS: dict[str, ExportFormat] = {
    entry.name: entry
    for entry in (
        ExportFormat("ics", _ics),
        ExportFormat("csv", _csv),
        ExportFormat("json", _json),
        ExportFormat("frab-xml", _frab_xml),
        ExportFormat("schedule-json", _schedule_json),
    )
}
EXPORT_HELP = (
    "ics (calendar), csv (spreadsheet), json (for programs), frab-xml or"
    " schedule-json (conference apps such as Giggity and ConfClerk)."
)


def _html(sheet: RunSheet, _options: SheetOptions) -> str | bytes:
    from seminar_plan.views import runsheet

    return runsheet.render_html(sheet)


def _markdown(sheet: RunSheet, _options: SheetOptions) -> str | bytes:
    from seminar_plan.views import runsheet

    return runsheet.render_markdown(sheet)


def _pdf(sheet: RunSheet, options: SheetOptions) -> str | bytes:
    from seminar_plan.views import pdf

    font = options.font
    found = pdf.find_font((font,) if font is not None else pdf.SYSTEM_CJK_FONTS)
    if found is None:
        raise pdf.PdfError(f"--font {font}: no such font file" if font is not None else pdf.NO_FONT)
    return pdf.render_pdf(sheet, found)


SHEETS: dict[str, SheetFormat] = {
    entry.name: entry
    for entry in (
        SheetFormat("html", ".html", _html),
        SheetFormat("markdown", ".md", _markdown),
        SheetFormat("pdf", ".pdf", _pdf),
    )
}
SHEET_HELP = "html (print it from a browser), markdown, or pdf."


@dataclass(frozen=True, slots=True)
class ManifestFormat:
    """A renderer of ``seminar-plan transport``: the built manifest in, the whole output out."""

    name: str
    render: Callable[[Manifest], str]


def _manifest(name: str) -> Callable[[Manifest], str]:
    def render(manifest: Manifest) -> str:
        from seminar_plan.views import transport

        renderer: Callable[[Manifest], str] = getattr(transport, f"render_{name}")
        return renderer(manifest)

    return render


MANIFESTS: dict[str, ManifestFormat] = {
    name: ManifestFormat(name, _manifest(name))
    for name in ("text", "markdown", "csv", "json", "html")
}
MANIFEST_HELP = "text, markdown, csv (spreadsheet), json (for programs), or html (print it)."
