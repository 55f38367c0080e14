"""--lang across commands: every catalogue is offered, and a language of the event without a
catalogue gets English labels around the plan's own text in every command alike."""

import json
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


# --- check: findings in the reader's language ---------------------------------------------------

GOLDEN = ROOT / "tests" / "golden"


def test_check_in_japanese_matches_the_reviewed_golden_file() -> None:
    code, out, err = run("check", CONFLICTS, "--lang", "ja")
    assert (code, err) == (1, "")
    assert out == (GOLDEN / "check-conflicts-ja.txt").read_text(encoding="utf-8")


def _report(lang: str) -> str:
    from seminar_plan import check, load_plan
    from seminar_plan.views.findings import render_text

    loaded = load_plan(Path(CONFLICTS))
    texts = {source.display: source.text for source in loaded.sources.files}
    return render_text(check(loaded), texts, loaded.path, lang=lang)


@pytest.mark.parametrize("lang", locales.languages())
def test_check_prints_every_message_and_hint_in_the_language_asked(lang: str) -> None:
    code, out, err = run("check", CONFLICTS, "--lang", lang)
    assert (code, err) == (1, "")
    assert out == _report(lang)
    heading = locales.label(lang, "finding-report.errors", count=18)
    assert out.startswith(f"{heading}\n\n")


def test_check_in_an_event_language_without_catalogue_is_english() -> None:
    assert run("check", CONFLICTS, "--lang", "fr") == run("check", CONFLICTS, "--lang", "en")


def test_check_refuses_a_language_neither_catalogued_nor_the_events() -> None:
    code, out, err = run("check", EXAMPLE, "--lang", "fr")
    assert (code, out) == (2, "")
    assert err == "seminar-plan: unknown language 'fr' (known: en, ja, ko, zh)\n"


def _json(*args: str, env: dict[str, str] | None = None) -> list[dict[str, object]]:
    result = runner.invoke(
        app, ["check", CONFLICTS, "--format", "json", *args], env={**FIXED, **(env or {})}
    )
    assert result.exit_code == 1
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


CONTRACT_KEYS = {"code", "severity", "message", "hint", "subjects", "file", "line", "column"}


def test_check_json_is_the_contract_s_in_english() -> None:
    assert all(set(finding) == CONTRACT_KEYS for finding in _json())


def test_check_json_adds_localized_and_keeps_english_message_and_hint() -> None:
    english = _json()
    chinese = _json("--lang", "zh")
    assert [{k: v for k, v in f.items() if k != "localized"} for f in chinese] == english
    for finding in chinese:
        localized = finding["localized"]
        assert isinstance(localized, dict)
        assert set(localized) == {"lang", "message", "hint"}
        assert localized["lang"] == "zh"
    overlap = next(f for f in chinese if f["code"] == "room-overlap")
    assert overlap["localized"] == {
        "lang": "zh",
        "message": "'talk-b'（2025-09-01 10:30-11:30）与 'talk-a'（2025-09-01 10:00-11:00，"
        "examples/conflicts/seminar.toml:170）在会场 'small-room' 时间重叠",
        "hint": "将其中一个日程移到其他会场或其他时间",
    }


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_check_defaults_to_the_terminal_locale_s_language(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], lang: str
) -> None:
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    assert run("check", CONFLICTS) == (1, _report(lang), "")
    localized = [f.get("localized") for f in _json()]
    assert localized == [None] * len(localized) if lang == "en" else all(localized)


def test_check_lang_overrides_the_terminal_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert run("check", CONFLICTS, "--lang", "en") == (1, _report("en"), "")


def test_check_help_says_how_the_language_is_chosen() -> None:
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "Messages and hints in en, ja, ko, zh;" in text
    assert "LC_ALL, LC_MESSAGES, LANG" in text


# -- refusals (exit 2) in the user's language ------------------------------------------------

NEWER_FORMAT = (
    'format = 99\n[event]\ntitle = "x"\ntimezone = "Asia/Tokyo"\n'
    "start = 2026-01-01\nend = 2026-01-02\n"
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "：計画の形式 99 は、この seminar-plan が読める形式（1）より新しいものです。"),
        ("zh", "：计划格式 99 比此版本 seminar-plan 能读取的格式（1）更新；请升级 seminar-plan"),
        ("ko", ": 계획 형식 99은(는) 이 seminar-plan이 읽는 형식(1)보다 새롭습니다."),
        ("en", ": plan format 99 is newer than this seminar-plan reads (format 1); upgrade"),
    ],
)
def test_a_plan_in_a_newer_format_is_refused_in_the_language_asked(
    tmp_path: Path, lang: str, said: str
) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text(NEWER_FORMAT, encoding="utf-8")
    code, out, err = run("check", str(plan), f"--lang={lang}")
    assert (code, out) == (2, "")
    assert err.startswith(f"seminar-plan: {plan}:1{said}"), err


def test_without_lang_a_refusal_is_in_the_terminal_locale_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    monkeypatch.delenv("SEMINAR_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)
    no_plan = (
        "seminar-plan: 計画が見つかりません：このフォルダーにも上位のフォルダーにも"
        " `seminar.toml` がありません。\n  `seminar-plan init` で作るか、`seminar-plan check パス`"
        " で指定してください（`SEMINAR_PLAN` でも指定できます）。\n"
    )
    assert run("agenda") == (2, "", no_plan)
    assert run("people", str(tmp_path)) == (
        2,
        "",
        f"seminar-plan: {tmp_path} はフォルダーですが、中に `seminar.toml` がありません\n",
    )


def test_a_refusal_in_a_language_without_catalogue_follows_the_terminal_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--lang fr (an event language, no catalogue): the locale's Korean, else English."""
    missing = tmp_path / "nowhere.toml"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, _, korean = run("agenda", str(missing), "--lang", "fr")
    monkeypatch.setenv("LANG", "C.UTF-8")
    _, _, english = run("agenda", str(missing), "--lang", "fr")
    assert code == 2
    assert english == f"seminar-plan: {missing}: no such file\n"
    assert korean.startswith(f"seminar-plan: {missing}: ")
    assert korean != english
