"""The runsheet command: where it writes, what it refuses, and one clear line for bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_text, session
from seminar_plan.cli import app
from seminar_plan.views import pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["runsheet", *args], prog_name="seminar-plan")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write_plan(folder: Path, text: str) -> Path:
    path = folder / "seminar.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestOutput:
    def test_default_name_from_the_plan_day_and_language(self, in_tmp: Path) -> None:
        assert run(str(EXAMPLE), "--day", "2") == (0, "wrote seminar-day2-ja.html\n", "")
        page = (in_tmp / "seminar-day2-ja.html").read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="ja">')
        assert [path.name for path in in_tmp.iterdir()] == ["seminar-day2-ja.html"]

    def test_default_name_with_room_language_and_format(self, in_tmp: Path) -> None:
        options = ("--day", "2", "--room", "main-hall", "--lang", "zh", "--format", "markdown")
        code, out, err = run(str(EXAMPLE), *options)
        assert (code, out, err) == (0, "wrote seminar-day2-main-hall-zh.md\n", "")
        assert "# 流程表 — 第21届中日地区间交流促进研讨会" in (
            in_tmp / "seminar-day2-main-hall-zh.md"
        ).read_text(encoding="utf-8")

    def test_output_option(self, tmp_path: Path) -> None:
        target = tmp_path / "sheet.md"
        code, out, err = run(str(EXAMPLE), "--day", "1", "--format", "markdown", "-o", str(target))
        assert (code, out, err) == (0, f"wrote {target}\n", "")
        assert "| 18:30–20:30 | 120 min |" not in target.read_text(encoding="utf-8")
        assert "| 18:30–20:30 | 120分 |" in target.read_text(encoding="utf-8")

    def test_the_stamp_is_the_plan_name_and_its_content_hash(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, plan_text(session("talk", "09:00", "10:00", room="hall")))
        options = ("--day", "1", "--lang", "en", "--format", "markdown")
        assert run(str(plan), *options, "-o", str(tmp_path / "a.md"))[0] == 0
        plan.write_text(plan.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert run(str(plan), *options, "-o", str(tmp_path / "b.md"))[0] == 0
        first = (tmp_path / "a.md").read_text(encoding="utf-8")
        second = (tmp_path / "b.md").read_text(encoding="utf-8")
        digest = [line for line in first.splitlines() if "seminar.toml · " in line]
        changed = [line for line in second.splitlines() if "seminar.toml · " in line]
        assert len(digest) == len(changed) == 1
        assert digest[0].split(" · ")[1] != changed[0].split(" · ")[1]
        assert len(digest[0].split(" · ")[1]) == 10

    def test_an_existing_file_is_kept_without_force(self, tmp_path: Path) -> None:
        target = tmp_path / "sheet.html"
        target.write_text("keep me", encoding="utf-8")
        assert run(str(EXAMPLE), "--day", "2", "-o", str(target)) == (
            2,
            "",
            f"seminar-plan: {target} exists; pass --force to overwrite it\n",
        )
        assert target.read_text(encoding="utf-8") == "keep me"
        assert run(str(EXAMPLE), "--day", "2", "-o", str(target), "--force")[0] == 0
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert [path.name for path in tmp_path.iterdir()] == ["sheet.html"]

    def test_missing_folder(self, tmp_path: Path) -> None:
        target = tmp_path / "nope" / "sheet.html"
        assert run(str(EXAMPLE), "--day", "2", "-o", str(target)) == (
            2,
            "",
            f"seminar-plan: {target}: the folder {target.parent} does not exist\n",
        )


class TestContacts:
    def test_only_with_the_flag(self, tmp_path: Path) -> None:
        without, with_flag = tmp_path / "a.html", tmp_path / "b.html"
        assert run(str(EXAMPLE), "--day", "2", "-o", str(without))[0] == 0
        assert run(str(EXAMPLE), "--day", "2", "-o", str(with_flag), "--contacts")[0] == 0
        assert "+86-10-0000-0001" not in without.read_text(encoding="utf-8")
        assert "+86-10-0000-0001" in with_flag.read_text(encoding="utf-8")


class TestPlanErrors:
    def test_errors_are_boxed_and_the_sheet_is_still_written(self, tmp_path: Path) -> None:
        plan = write_plan(
            tmp_path,
            plan_text(
                session("a", "09:00", "10:00", room="hall")
                + session("b", "09:30", "10:30", room="hall")
            ),
        )
        target = tmp_path / "sheet.html"
        assert run(str(plan), "--day", "1", "-o", str(target)) == (
            0,
            f"wrote {target}\n",
            (
                "seminar-plan: the plan has errors on day 1 (1);"
                " they are boxed at the top of the sheet\n"
            ),
        )
        assert "room-overlap" in target.read_text(encoding="utf-8")

    def test_a_plan_without_event_cannot_be_printed(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, "[event\n")
        assert run(str(plan), "--day", "1") == (
            2,
            "",
            (
                f"seminar-plan: {plan} has no usable [event], so there is nothing to list;"
                f" run `seminar-plan check {plan}` to see why\n"
            ),
        )


class TestBadInput:
    def test_unknown_day(self) -> None:
        assert run(str(EXAMPLE), "--day", "5") == (
            2,
            "",
            (
                "seminar-plan: unknown day '5'; did you mean '4'? (the event has days 1-4:"
                " 1 (2025-07-23),"
                " 2 (2025-07-24), 3 (2025-07-25), 4 (2025-07-26);"
                " give --day N or --day YYYY-MM-DD)\n"
            ),
        )

    @pytest.mark.usefixtures("in_tmp")
    def test_a_day_by_date(self) -> None:
        assert run(str(EXAMPLE), "--day", "2025-07-24") == (0, "wrote seminar-day2-ja.html\n", "")

    def test_unknown_room(self) -> None:
        assert run(str(EXAMPLE), "--day", "2", "--room", "main-hal") == (
            2,
            "",
            (
                "seminar-plan: unknown room 'main-hal'; did you mean 'main-hall'? (known:"
                " banquet-hall, foyer, hotel-lobby, hotel-restaurant, main-hall, meeting-room-a,"
                " meeting-room-b)\n"
            ),
        )

    def test_unknown_language(self) -> None:
        assert run(str(EXAMPLE), "--day", "2", "--lang", "fr") == (
            2,
            "",
            "seminar-plan: unknown language 'fr' (known: en, ja, ko, zh)\n",
        )

    @pytest.mark.parametrize("args", [(), ("--day", "2", "--format", "docx")], ids=str)
    def test_usage_errors_exit_2_without_a_traceback(self, args: tuple[str, ...]) -> None:
        code, out, err = run(str(EXAMPLE), *args)
        assert (code, out) == (2, "")
        assert "Traceback" not in err
        assert "runsheet" in err


class TestPdf:
    def test_missing_font_file(self, tmp_path: Path) -> None:
        font = tmp_path / "none.ttf"
        assert run(str(EXAMPLE), "--day", "2", "--format", "pdf", "--font", str(font)) == (
            2,
            "",
            f"seminar-plan: --font {font}: no such font file\n",
        )

    def test_no_system_font(self, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(pdf, "SYSTEM_CJK_FONTS", (in_tmp / "absent.ttc",))
        assert run(str(EXAMPLE), "--day", "2", "--format", "pdf") == (
            2,
            "",
            f"seminar-plan: {pdf.NO_FONT}\n",
        )
        assert "apt-get install fonts-noto-cjk" in pdf.NO_FONT
        assert "--font PATH" in pdf.NO_FONT
        assert list(in_tmp.iterdir()) == []

    def test_without_the_extra(self, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        font = in_tmp / "font.ttf"
        font.write_bytes(b"not a font")
        monkeypatch.setitem(sys.modules, "fpdf", None)
        assert run(str(EXAMPLE), "--day", "2", "--format", "pdf", "--font", str(font)) == (
            2,
            "",
            (
                "seminar-plan: PDF output needs fpdf2: pip install 'seminar-plan[pdf]'"
                " (or print the HTML run sheet from a browser)\n"
            ),
        )
        assert [path.name for path in in_tmp.iterdir()] == ["font.ttf"]

    def test_a_file_that_is_no_font(self, in_tmp: Path) -> None:
        pytest.importorskip("fpdf")
        font = in_tmp / "font.ttf"
        font.write_bytes(b"not a font")
        code, out, err = run(str(EXAMPLE), "--day", "2", "--format", "pdf", "--font", str(font))
        assert (code, out) == (2, "")
        assert err.startswith(f"seminar-plan: {font}: cannot use this font (")
        assert err.count("\n") == 1


def test_dash_writes_the_sheet_to_standard_output(in_tmp: Path) -> None:
    code, out, err = run(str(EXAMPLE), "--day", "2", "--format", "markdown", "-o", "-")
    assert (code, err) == (0, "")
    assert list(in_tmp.iterdir()) == []
    assert out.startswith("# ")
    assert "開会あいさつ" in out
