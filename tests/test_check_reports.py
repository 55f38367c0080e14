"""`check`'s reports did not change when it was made faster (issue 17).

The files under ``golden/check-before/`` were written by ``write_reports()`` from main at d707723,
before the speed work: the text report and the JSON report of both examples and of two generated
plans (300 sessions clean; 150 dense, with hundreds of findings and a misspelt reference); the
one-room plan's (780 room overlaps) were written from 3442c2e, before the memory work. The
text report must stay byte-identical; so must the JSON text, and its parsed value is compared
too, so a failure says whether the content or only the layout moved. A rule added later
that finds something new in these plans is a reason to regenerate them (``python -c "import
test_check_reports as t; t.write_reports()"`` from ``tests/``), after reading the difference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seminar_plan.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "check-before"
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_plan import generate, generate_one_room  # noqa: E402 - the benchmarks folder is not a package

EXAMPLES = {
    "zhengzhou": "examples/zhengzhou-2025/seminar.toml",
    "conflicts": "examples/conflicts/seminar.toml",
    "broken": "examples/conflicts/broken.toml",
}
GENERATED = {"generated-300": (300, False), "dense-150": (150, True)}
# Sessions all in one room at one hour: every pair is a room overlap (issue 9's shape).
ONE_ROOM = {"one-room-40": 40}
CASES = [*EXAMPLES, *GENERATED, *ONE_ROOM]


def _plan(case: str, folder: Path) -> str:
    """The path to pass to ``check``, relative to the folder it runs in."""
    if case in EXAMPLES:
        return EXAMPLES[case]
    path = folder / f"{case}.toml"
    if case in ONE_ROOM:
        path.write_text(generate_one_room(ONE_ROOM[case]), encoding="utf-8")
        return path.name
    size, dense = GENERATED[case]
    path.write_text(generate(size, dense=dense), encoding="utf-8")
    return path.name


def _report(case: str, folder: Path, output_format: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app,
        ["check", _plan(case, folder), "--format", output_format],
        prog_name="seminar-plan",
        env={"COLUMNS": "100", "NO_COLOR": "1"},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def _expected(case: str, output_format: str) -> tuple[int, str, str]:
    stored = json.loads((GOLDEN / f"{case}.{output_format}.json").read_text(encoding="utf-8"))
    return stored["exit"], stored["stdout"], stored["stderr"]


def write_reports() -> None:
    """Write the golden reports from the code as it is now (run by hand, never by a test)."""
    import os
    import tempfile

    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            for output_format in ("text", "json"):
                os.chdir(ROOT if case in EXAMPLES else folder)
                code, out, err = _report(case, Path(folder), output_format)
                stored = {"exit": code, "stdout": out, "stderr": err}
                (GOLDEN / f"{case}.{output_format}.json").write_text(
                    json.dumps(stored, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )


@pytest.mark.parametrize("case", CASES)
def test_the_text_report_is_unchanged(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT if case in EXAMPLES else tmp_path)
    assert _report(case, tmp_path, "text") == _expected(case, "text")


@pytest.mark.parametrize("case", CASES)
def test_the_json_report_is_unchanged(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT if case in EXAMPLES else tmp_path)
    code, out, err = _report(case, tmp_path, "json")
    expected_code, expected_out, expected_err = _expected(case, "json")
    assert (code, err) == (expected_code, expected_err)
    if expected_out:
        assert json.loads(out) == json.loads(expected_out)
    assert out == expected_out


def test_the_dense_plan_has_findings_of_every_kind_it_plants() -> None:
    codes = {
        finding["code"] for finding in json.loads(_expected("dense-150", "json")[1])["findings"]
    }
    assert {"room-overlap", "person-overlap", "unknown-ref"} <= codes
