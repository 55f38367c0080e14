"""--lang across commands: every catalogue is offered, and a language of the event without a
catalogue gets English labels around the plan's own text in every command alike."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seminar_plan import locales
from seminar_plan.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/zhengzhou-2025/seminar.toml"
CONFLICTS = "examples/conflicts/seminar.toml"  # event languages: en, fr (no fr catalogue)
FIXED = {"COLUMNS": "100", "NO_COLOR": "1"}
runner = CliRunner()

# The run sheet's stamp carries the time it was made.
STAMP = re.compile(r"^seminar\.toml · [0-9a-f]{10} · .*$", re.MULTILINE)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan", env=FIXED)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, STAMP.sub("STAMP", result.stdout), result.stderr


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


COMMANDS = [
    ("agenda", CONFLICTS),
    ("agenda", CONFLICTS, "--format", "markdown"),
    ("people", CONFLICTS),
    ("runsheet", CONFLICTS, "--day", "1", "--format", "markdown", "-o", "-"),
    ("export", CONFLICTS, "--format", "csv"),
    ("diff", CONFLICTS, CONFLICTS),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:1] + args[2:]))
def test_a_language_without_catalogue_gets_english_labels_in_every_command(
    args: tuple[str, ...],
) -> None:
    french = run(*args, "--lang", "fr")
    english = run(*args, "--lang", "en")
    assert french[0] == english[0]
    assert french == english


@pytest.mark.parametrize("command", ["agenda", "people", "export", "diff"])
def test_korean_is_offered_by_every_command_that_shows_the_plan(command: str) -> None:
    extra = {"diff": (EXAMPLE,), "export": ("--format", "csv")}.get(command, ())
    code, out, err = run(command, EXAMPLE, *extra, "--lang", "ko")
    assert (code, err) == (0, "")
    assert out


def test_runsheet_accepts_korean() -> None:
    code, out, err = run(
        "runsheet", EXAMPLE, "--day", "2", "--lang", "ko", "--format", "markdown", "-o", "-"
    )
    assert (code, err) == (0, "")
    assert out.startswith("# 진행표 — ")


def test_runsheet_html_is_marked_korean() -> None:
    code, out, _ = run("runsheet", EXAMPLE, "--day", "2", "--lang", "ko", "-o", "-")
    assert code == 0
    assert '<html lang="ko">' in out
    assert ":lang(ko)" in out


def test_a_language_neither_catalogued_nor_the_events_is_refused_alike() -> None:
    for args in (("agenda", EXAMPLE), ("runsheet", EXAMPLE, "--day", "2")):
        code, out, err = run(*args, "--lang", "fr")
        assert (code, out) == (2, "")
        assert err == ("seminar-plan: unknown language 'fr' (known: en, ja, ko, zh)\n"), err


@pytest.mark.parametrize("command", ["agenda", "people", "runsheet", "export", "diff"])
def test_help_lists_the_catalogues(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    catalogues = ", ".join(locales.languages())
    assert catalogues == "en, ja, ko, zh"
    assert f"Labels in {catalogues};" in result.stdout
