"""The printing commands: programme, badges, placecards, seating — outputs, refusals, exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from print_plans import EXAMPLE
from seminar_plan.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["programme"], "seminar-programme-ja+zh.html"),
        (["programme", "--lang", "zh+en"], "seminar-programme-zh+en.html"),
        (["badges"], "seminar-badges.html"),
        (["placecards", "--person", "usui", "--person", "yasuda"], "seminar-placecards.html"),
    ],
)
def test_default_file_names_and_no_overwrite(
    in_tmp: Path, command: list[str], written: str
) -> None:
    assert run(*command, str(EXAMPLE)) == (0, f"wrote {written}\n", "")
    page = (in_tmp / written).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    code, out, err = run(*command, str(EXAMPLE))
    assert (code, out) == (2, "")
    assert "exists" in err
    assert "--force" in err
    assert run(*command, str(EXAMPLE), "--force")[0] == 0


def test_placecards_only_for_the_people_chosen(in_tmp: Path) -> None:
    assert run("placecards", str(EXAMPLE), "--delegation", "china", "-o", "cards.html")[0] == 0
    page = (in_tmp / "cards.html").read_text(encoding="utf-8")
    assert 'data-person="zhengzhou-official"' in page
    assert 'data-person="usui"' not in page


def test_seating_to_standard_output() -> None:
    code, out, err = run("seating", "opening", str(EXAMPLE), "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Head table: Opening remarks"
    assert "Seat 2  (No. 1)  USUI" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["seating", "openin", str(EXAMPLE)], "did you mean 'opening'"),
        (["programme", str(EXAMPLE), "--lang", "jp"], "jp"),
        (["programme", str(EXAMPLE), "--lang", "+"], "--lang names no language"),
        (["badges", str(EXAMPLE), "--delegation", "japn"], "did you mean 'japan'"),
        (["badges", str(EXAMPLE), "--group", "nope"], "nope"),
        (["placecards", str(EXAMPLE), "--person", "usu"], "did you mean 'usui'"),
    ],
)
def test_bad_input_is_one_clear_line(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err
