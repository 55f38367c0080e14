"""The formats registry: every export and run-sheet renderer behind one render shape."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from export_plans import example
from seminar_plan import formats
from seminar_plan.cli import ExportFormat, SheetFormat
from seminar_plan.exports import ics, plan_json
from seminar_plan.views import runsheet
from seminar_plan.views.paper import Stamp
from seminar_plan.views.pdf import PdfError

NOW = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)


def test_cli_choices_are_the_registry() -> None:
    assert [f.value for f in ExportFormat] == list(formats.EXPORTS)
    assert [f.value for f in SheetFormat] == list(formats.SHEETS)
    for name in formats.EXPORTS:
        assert name in formats.EXPORT_HELP
    for name in formats.SHEETS:
        assert name in formats.SHEET_HELP


@pytest.mark.parametrize("name", list(formats.EXPORTS))
def test_every_export_renders_the_plan(name: str) -> None:
    data = formats.EXPORTS[name].render(example(), formats.ExportOptions(now=NOW, day=2))
    assert data


def test_options_reach_the_exporter() -> None:
    plan = example()
    options = formats.ExportOptions(now=NOW, day=3, person="director", lang="en")
    assert formats.EXPORTS["ics"].render(plan, options) == ics.render(
        plan, now=NOW, day=3, person="director", lang="en"
    )
    assert formats.EXPORTS["json"].render(plan, options) == plan_json.render(
        plan, day=3, person="director"
    )


def test_sheet_renderers_and_a_missing_font() -> None:
    stamp = Stamp("seminar.toml", "0123abcdef", NOW)
    sheet = runsheet.build(example(), 1, lang=None, findings=(), stamp=stamp)
    options = formats.SheetOptions()
    assert formats.SHEETS["html"].render(sheet, options) == runsheet.render_html(sheet)
    assert formats.SHEETS["markdown"].render(sheet, options) == runsheet.render_markdown(sheet)
    assert [f.suffix for f in formats.SHEETS.values()] == [".html", ".md", ".pdf"]
    missing = formats.SheetOptions(font=Path("/nonexistent/font.ttc"))
    with pytest.raises(PdfError, match=r"^--font /nonexistent/font.ttc: no such font file$"):
        formats.SHEETS["pdf"].render(sheet, missing)
