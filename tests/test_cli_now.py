"""The now and board commands: the table at a fixed width (golden files), --watch, the page.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from export_plans import EXAMPLE, GOLDEN
from seminar_plan.cli import app

runner = CliRunner()
FIXED = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan", env=FIXED)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / "now" / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_now_at_five_past_ten(lang: str) -> None:
    code, out, err = run("now", str(EXAMPLE), "--at", "2025-07-24T10:05", "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(f"zhengzhou-1005-{lang}.txt", out)


def test_one_room_and_an_instant_with_an_offset() -> None:
    code, out, _ = run(
        "now", str(EXAMPLE), "--at", "2025-07-24T11:05+09:00", "--room", "main-hall", "--lang", "en"
    )
    assert code == 0
    assert out.splitlines()[1] == "Thu 2025-07-24 10:05 (Asia/Shanghai)"
    assert [line.split()[0] for line in out.splitlines()[5:] if line.strip()][:1] == ["Main"]
    assert "Foyer" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "tomorrow"), "'tomorrow' is not a date and time such as 2025-07-24T10:05"),
        (("--room", "main-hal"), "unknown room 'main-hal'; did you mean 'main-hall'?"),
        # Year 1 at +05:00 is before what a datetime can hold in UTC.
        (("--at", "0001-01-01T00:00+05:00"), "lies outside the years 1900 to 9998"),
        (("--at", "9999-12-31T23:59"), "lies outside the years 1900 to 9998"),
    ],
)
def test_bad_input_exits_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run("now", str(EXAMPLE), *args)
    assert (code, out) == (2, "")
    assert message in " ".join(err.replace("│", " ").split())


def test_watch_refreshes_until_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rehearsal clock starts at --at and runs on; Ctrl-C ends the watch with exit 0."""
    sleeps: list[float] = []
    clock = iter([0.0, 0.0, 600.0, 600.0, 1200.0, 1200.0])

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("time.sleep", sleep)
    monkeypatch.setattr("time.monotonic", lambda: next(clock))
    code, out, _ = run("now", str(EXAMPLE), "--at", "2025-07-24T10:05", "--watch", "--lang", "en")
    assert (code, sleeps) == (0, [5, 5])
    # The last refresh is ten minutes on: the keynote has 35 minutes left.
    assert "35 min" in out
    assert "Thu 2025-07-24 10:15 (Asia/Shanghai)" in out


def test_board_writes_the_page_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("board", str(EXAMPLE)) == (0, "wrote board.html\n", "")
    page = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ja" data-at="">')
    code, out, err = run("board", str(EXAMPLE), "-o", "board.html")
    assert (code, out) == (2, "")
    assert "board.html exists; pass --force to overwrite it" in err
    assert run("board", str(EXAMPLE), "-o", "foyer.html", "--lang", "zh")[0] == 0
    assert '<html lang="zh"' in (tmp_path / "foyer.html").read_text(encoding="utf-8")


def test_a_local_moment_the_clocks_skip_exits_2(tmp_path: Path) -> None:
    plan = tmp_path / "seminar.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('"Asia/Shanghai"', '"Europe/Berlin"', 1)
    plan.write_text(text, encoding="utf-8")
    code, out, err = run("now", str(plan), "--at", "2025-03-30T02:30")
    assert (code, out) == (2, "")
    assert (
        "'2025-03-30T02:30' does not exist in Europe/Berlin (the clocks skip it): give it with"
        " its offset" in " ".join(err.replace("│", " ").split())
    )


def test_a_session_in_a_room_the_plan_does_not_define_is_shown_by_its_id(tmp_path: Path) -> None:
    plan = tmp_path / "seminar.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('room = "main-hall"', 'room = "annex-9"', 1)
    plan.write_text(text, encoding="utf-8")
    code, out, _ = run("now", str(plan), "--at", "2025-07-24T10:05", "--lang", "en")
    assert code == 0
    assert "annex-9" in out
    assert run("board", str(plan), "-o", str(tmp_path / "board.html"))[0] == 0
    assert '"id":"annex-9"' in (tmp_path / "board.html").read_text(encoding="utf-8")
