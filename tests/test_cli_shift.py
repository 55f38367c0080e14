"""The shift command: the report (golden files), --write keeping the file, and refusals.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_text, session
from export_plans import EXAMPLE, GOLDEN
from seminar_plan.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["shift", *args], prog_name="seminar-plan")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example as seminar.toml in the current folder."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "seminar.toml"
    shutil.copyfile(EXAMPLE, target)
    return target


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / "shift" / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ja", "zh", "ko"])
def test_the_opening_runs_over_by_a_quarter_of_an_hour(example: Path, lang: str) -> None:
    code, out, err = run("opening", "seminar.toml", "--by", "15m", "--ripple", "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(f"zhengzhou-opening-ripple-{lang}.txt", out)
    assert example.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.usefixtures("example")
def test_without_ripple_the_opening_runs_into_the_keynote() -> None:
    code, out, err = run("opening", "seminar.toml", "--by", "15m", "--lang", "en")
    assert (code, err) == (0, "")
    assert_golden("zhengzhou-opening-en.txt", out)


@pytest.mark.usefixtures("example")
def test_the_ripple_holds_the_fixed_airport_bus() -> None:
    code, out, err = run("breakfast", "seminar.toml", "--by", "15m", "--ripple", "--lang", "en")
    assert (code, err) == (0, "")
    assert_golden("zhengzhou-breakfast-ripple-en.txt", out)


def diff_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_write_changes_only_the_shifted_values(example: Path) -> None:
    before = example.read_text(encoding="utf-8")
    code, out, err = run(
        "opening", "seminar.toml", "--by", "15m", "--ripple", "--write", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out.endswith("wrote seminar.toml.bak (the file before the shift)\nwrote seminar.toml\n")
    after = example.read_text(encoding="utf-8")
    assert (example.parent / "seminar.toml.bak").read_text(encoding="utf-8") == before
    # Every comment and every other line stays; the times of the five sessions and of the
    # opening's and the panel's cues are the only lines that change.
    assert diff_lines(before, after) == [
        '-start = "09:30"',
        '-end = "10:00"',
        '+start = "09:45"',
        '+end = "10:15"',
        '-at = "09:30"',
        '+at = "09:45"',
        '-at = "09:32"',
        '+at = "09:47"',
        '-at = "09:40"',
        '+at = "09:55"',
        '-at = "09:47"',
        '+at = "10:02"',
        '-at = "09:54"',
        '+at = "10:09"',
        '-at = "10:00"',
        '+at = "10:15"',
        '-start = "10:00"',
        '+start = "10:15"',
        '-start = "11:05"',
        '-end = "11:55"',
        '+start = "11:20"',
        '+end = "12:10"',
        '-start = "13:30"',
        '-end = "15:30"',
        '+start = "13:45"',
        '+end = "15:45"',
        '-at = "13:30"',
        '+at = "13:45"',
        '-at = "14:35"',
        '+at = "14:50"',
        '-start = "15:45"',
        '-end = "16:00"',
        '+start = "16:00"',
        '+end = "16:15"',
    ]
    assert len(after.splitlines()) == len(before.splitlines())
    # A second shift keeps the first backup and makes another.
    code, out, _ = run(
        "opening", "seminar.toml", "--by", "-15m", "--ripple", "--write", "--lang", "en"
    )
    assert code == 0
    assert "wrote seminar.toml.bak.1 (the file before the shift)\n" in out
    assert example.read_text(encoding="utf-8") == before
    assert (example.parent / "seminar.toml.bak").read_text(encoding="utf-8") == before


def test_no_backup(example: Path) -> None:
    code, out, _ = run(
        "keynote", "seminar.toml", "--by", "5m", "--write", "--no-backup", "--lang", "en"
    )
    assert code == 0
    assert out.endswith("Findings the shift removes (0):\n  none\nwrote seminar.toml\n")
    assert sorted(path.name for path in example.parent.iterdir()) == ["seminar.toml"]


def test_a_fixed_session_is_refused(example: Path) -> None:
    code, out, err = run("bus-to-hotel-day2", "--by", "15m", "--write", "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        "seminar-plan: bus-to-hotel-day2 is fixed (fixed = true): a hard start is never moved\n"
    )
    assert example.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.usefixtures("example")
def test_a_shift_past_midnight_is_refused() -> None:
    code, out, err = run("welcome-dinner", "--by", "4h", "--lang", "en")
    assert (code, out) == (1, "")
    assert (
        err == "seminar-plan: welcome-dinner is fixed (fixed = true): a hard start is never moved\n"
    )
    code, out, err = run("lunch-day2", "--by", "11h", "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        "seminar-plan: moving lunch-day2 by +660 min would put it at 23:00-24:30, across"
        " midnight; a session ends on its own day (shift it less, or stop the ripple with"
        " --until)\n"
    )


def test_a_session_in_an_included_file_is_edited_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    main = plan_text().replace("format = 1\n", 'format = 1\ninclude = ["day1.toml"]\n')
    day1 = "# day one, kept by the desk\n" + session("talk", "09:00", "10:00", room="hall")
    Path("seminar.toml").write_text(main, encoding="utf-8")
    Path("day1.toml").write_text(day1, encoding="utf-8")
    code, out, err = run("talk", "seminar.toml", "--by", "-10m", "--write", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.endswith("wrote day1.toml.bak (the file before the shift)\nwrote day1.toml\n")
    assert Path("seminar.toml").read_text(encoding="utf-8") == main
    assert Path("day1.toml").read_text(encoding="utf-8") == day1.replace(
        '"09:00"', '"08:50"'
    ).replace('"10:00"', '"09:50"')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("opening", "--by", "soon"), "'soon' is not a shift such as 15m"),
        (("opening", "--by", "0m"), "'0m' is not a shift such as 15m"),
        # More digits than int() converts, other scripts' digits, a day or more.
        (("opening", "--by", "9" * 5000), "is not a shift such as 15m"),
        (("opening", "--by", "9" * 5000 + "m"), "is not a shift such as 15m"),
        (("opening", "--by", "١٥m"), "is not a shift such as 15m"),
        (("opening", "--by", "-24h"), "'-24h' is a day or more; a session stays on its day"),
        (("opening", "--by", "99999999h"), "is a day or more; a session stays on its day"),
        (
            ("openin", "--by", "5m"),
            "seminar-plan: unknown session 'openin'; did you mean 'opening'?",
        ),
        (
            ("opening", "--by", "5m", "--until", "lunchh"),
            "seminar-plan: unknown session 'lunchh'; did you mean 'lunch-day3'?",
        ),
    ],
)
@pytest.mark.usefixtures("example")
def test_bad_input_exits_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert message in " ".join(err.replace("│", " ").split())


@pytest.mark.usefixtures("example")
def test_until_a_session() -> None:
    code, out, _ = run("opening", "--by", "15m", "--ripple", "--until", "panel", "--lang", "en")
    assert code == 0
    assert out.startswith("Shift opening by +15 min, with ripple, until panel\nMoves (3):\n")
    assert "  panel  Panel discussion" in out.split("Held (1):\n")[1]


@pytest.mark.usefixtures("example")
def test_after_a_shift_diff_tells_each_delegation() -> None:
    """The workflow on the day: shift with --write, then tell each liaison from the backup."""
    assert run("closing", "seminar.toml", "--by", "30m", "--write", "--lang", "en")[0] == 0
    result = runner.invoke(
        app,
        ["diff", "seminar.toml.bak", "seminar.toml", "--delegation", "japan", "--lang", "en"],
        prog_name="seminar-plan",
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "For Japanese side: 1\n  Closing remarks: now day 2 16:15–16:30 (was day 2 15:45–16:00)\n"
    )
    result = runner.invoke(
        app,
        ["diff", "seminar.toml.bak", "seminar.toml", "--per-delegation"],
        prog_name="seminar-plan",
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[::3] == ["日本側へのお知らせ：1件", "致中方：1项"]
    result = runner.invoke(app, ["diff", "seminar.toml.bak", "seminar.toml", "--delegation", "jpn"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "unknown delegation 'jpn'; did you mean 'japan'?" in result.stderr
