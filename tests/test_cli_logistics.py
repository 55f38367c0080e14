"""The rooming and catering commands: formats, options, bad values, streams and exit codes.

Text output is compared with reviewed golden files (tests/golden/logistics/).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seminar_plan.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "logistics"
EXAMPLE = "examples/zhengzhou-2025/seminar.toml"
CONFLICTS = "examples/conflicts/seminar.toml"
FIXED = {"COLUMNS": "100", "NO_COLOR": "1"}

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan", env=FIXED)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("rooming", EXAMPLE, "--lang", "en", "--hotel", "delegation-hotel"), "rooming-en.txt"),
        (("rooming", CONFLICTS, "--format", "markdown"), "rooming-conflicts.md"),
        (("rooming", CONFLICTS, "--format", "csv"), "rooming-conflicts.csv"),
        (("catering", EXAMPLE), "catering-ja.txt"),
        (("catering", EXAMPLE, "--lang", "zh", "--format", "markdown"), "catering-zh.md"),
        (("catering", EXAMPLE, "--format", "csv", "--lang", "en"), "catering-en.csv"),
    ],
)
def test_output_is_the_golden_file(args: tuple[str, ...], name: str) -> None:
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    assert_golden(name, out)


def test_rooming_json_is_the_contract() -> None:
    code, out, err = run("rooming", EXAMPLE, "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert set(document) == {"plan", "hotels"}
    assert [h["hotel"] for h in document["hotels"]] == ["conference-hotel", "delegation-hotel"]
    garden = document["hotels"][1]
    assert [set(night) for night in garden["nights"]] == [
        {"date", "needed", "beds", "people", "unnamed"}
    ] * 3
    first = garden["nights"][0]
    assert (first["date"], first["needed"], first["beds"], first["unnamed"]) == (
        "2025-07-23",
        57,
        58,
        41,
    )
    assert first["needed"] == len(first["people"]) + first["unnamed"]
    assert first["people"] == sorted(first["people"])
    # usui leaves on the 24th: not there the night of the 24th.
    assert "usui" in first["people"]
    assert "usui" not in garden["nights"][1]["people"]


def test_catering_json_is_the_contract() -> None:
    code, out, err = run("catering", EXAMPLE, "--format", "json", "--day", "2025-07-23")
    assert (code, err) == (0, "")
    (dinner,) = json.loads(out)["meals"]
    assert {k: dinner[k] for k in ("id", "date", "start", "end", "count", "diets")} == {
        "id": "welcome-dinner",
        "date": "2025-07-23",
        "start": "18:30",
        "end": "20:30",
        "count": 177,
        "diets": {"halal": 7, "no-pork": 1, "vegetarian": 5},
    }


def test_catering_html_writes_the_order_sheet(tmp_path: Path) -> None:
    target = tmp_path / "order.html"
    code, out, err = run("catering", EXAMPLE, "--format", "html", "-o", str(target))
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    assert "<script" not in page
    assert "http" not in page.split("<body>")[1]
    assert run("catering", EXAMPLE, "--format", "html", "-o", str(target))[0] == 2


def test_unknown_hotel_and_day_exit_2() -> None:
    code, out, err = run("rooming", EXAMPLE, "--hotel", "delegation-hotl")
    assert (code, out) == (2, "")
    assert "unknown hotel 'delegation-hotl'; did you mean 'delegation-hotel'?" in err
    code, out, err = run("catering", EXAMPLE, "--day", "9")
    assert (code, out) == (2, "")
    assert err.startswith("seminar-plan: ")


def test_a_plan_without_lodging_or_meals_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text(
        '[event]\ntitle = "T"\ntimezone = "UTC"\nstart = 2025-01-01\nend = 2025-01-02\n',
        encoding="utf-8",
    )
    assert run("rooming", str(plan)) == (
        0,
        f"Rooming: {plan}\nNo hotels or bookings in this plan.\n",
        "",
    )
    assert run("catering", str(plan), "--format", "json") == (
        0,
        json.dumps({"plan": str(plan), "meals": []}, indent=2) + "\n",
        "",
    )
