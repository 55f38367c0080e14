"""The transport command: formats, filters, -o, and one clear line for a bad option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import transport_plan
from seminar_plan.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["transport", *args], prog_name="seminar-plan")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "seminar.toml"
    path.write_text(transport_plan(), encoding="utf-8")
    return path


def test_text_by_default(plan_file: Path) -> None:
    code, out, err = run(str(plan_file), "--lang", "en")
    assert (code, err) == (0, "")
    assert out.startswith("Transport — Test\nTimes in Asia/Shanghai\n\nDay 1 · Wed 23 July 2025\n")
    assert "Met by: 12:30 pickup (Coach 1)" in out


def test_json_with_day_and_flight(plan_file: Path) -> None:
    code, out, err = run(str(plan_file), "--format", "json", "--day", "2025-07-24")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["plan"] == str(plan_file)
    assert [t["id"] for t in document["transfers"]] == ["seeoff"]
    assert [f["id"] for f in document["flights"]] == ["nh-out"]
    code, out, _ = run(str(plan_file), "--format", "json", "--flight", "nh-in")
    assert [t["id"] for t in json.loads(out)["transfers"]] == ["pickup"]


def test_a_drivers_day_in_markdown_with_contacts(plan_file: Path) -> None:
    code, out, err = run(
        str(plan_file), "--vehicle", "coach1", "--format", "markdown", "--contacts", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out.startswith("# Transport — Test — Coach 1, driver Wang\n")
    assert "seeoff" not in out


@pytest.mark.parametrize(("fmt", "start"), [("html", "<!DOCTYPE html>"), ("csv", "kind,id,")])
def test_output_file_and_no_overwrite(plan_file: Path, fmt: str, start: str) -> None:
    target = plan_file.parent / f"out.{fmt}"
    assert run(str(plan_file), "--format", fmt, "-o", str(target)) == (0, f"wrote {target}\n", "")
    assert target.read_text(encoding="utf-8").startswith(start)
    code, out, err = run(str(plan_file), "--format", fmt, "-o", str(target))
    assert (code, out) == (2, "")
    assert "--force" in err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--flight", "nh-inn", "seminar-plan: unknown flight 'nh-inn'; did you mean 'nh-in'?"),
        ("--vehicle", "coach3", "seminar-plan: unknown vehicle 'coach3'; did you mean 'coach2'?"),
        ("--day", "9", "seminar-plan: "),
    ],
)
def test_unknown_values_exit_2_with_one_line(
    plan_file: Path, option: str, value: str, message: str
) -> None:
    code, out, err = run(str(plan_file), option, value)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert "Traceback" not in err


def test_a_plan_without_transport_says_so(tmp_path: Path) -> None:
    path = tmp_path / "seminar.toml"
    path.write_text(transport_plan().split("[venues.airport]")[0], encoding="utf-8")
    assert run(str(path), "--lang", "en") == (
        0,
        "Transport — Test\nTimes in Asia/Shanghai\n\nNo transfers or flights.\n",
        "",
    )
