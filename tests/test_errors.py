"""One exception root: every "could not run" error derives from it, and exits 2 with its line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from seminar_plan.authoring.import_people import SheetError
from seminar_plan.cli import app
from seminar_plan.errors import SeminarPlanError
from seminar_plan.files import ReadError, WriteError
from seminar_plan.load import PlanFileError, PlanFormatError, PlanTooLargeError
from seminar_plan.views.pdf import PdfError


def test_every_could_not_run_error_has_the_root() -> None:
    for error in (
        PlanFileError,
        PlanFormatError,
        PlanTooLargeError,
        ReadError,
        WriteError,
        PdfError,
        SheetError,
    ):
        assert issubclass(error, SeminarPlanError), error


def test_the_root_maps_to_exit_2_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = CliRunner().invoke(app, ["check", str(missing)], prog_name="seminar-plan")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("seminar-plan: ")
    assert result.stderr.count("\n") == 1
