"""The check report: text for people (compared with a reviewed golden file) and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seminar_plan import check, load_plan
from seminar_plan.findings import CODES, Finding, Place
from seminar_plan.views.findings import render_json, render_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def report(plan: str, **options: bool) -> str:
    loaded = load_plan(Path(plan))
    texts = {source.display: source.text for source in loaded.sources.files}
    return render_text(check(loaded), texts, loaded.path, **options)


def test_conflicts_report_matches_the_reviewed_golden_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert report("examples/conflicts/seminar.toml") == (GOLDEN / "check-conflicts.txt").read_text(
        encoding="utf-8"
    )


def test_clean_plan_says_so() -> None:
    assert render_text([], {}, "seminar.toml") == "seminar.toml: no problems found\n"


def test_marker_counts_wide_characters_as_two_cells() -> None:
    line = 'title = { ja = "開会", en = "x" }'
    finding = Finding(
        "schema", CODES["schema"], "m", None, (), Place("p.toml", 1, line.index("en") + 1)
    )
    text = render_text([finding], {"p.toml": line}, "p.toml")
    source_line, marker_line = text.splitlines()[3:5]
    assert source_line == f" 1 | {line}"
    assert marker_line == "   | " + " " * 23 + "^^"


def test_colour_only_when_asked() -> None:
    finding = Finding("schema", CODES["schema"], "m", "h", (), Place("p.toml", 1, 1))
    assert "\x1b[" not in render_text([finding], {"p.toml": "a = 1"}, "p.toml")
    assert "\x1b[1;31merror[schema]\x1b[0m" in render_text(
        [finding], {"p.toml": "a = 1"}, "p.toml", color=True
    )


def test_json_shape_and_order() -> None:
    findings = [
        Finding("headcount", CODES["headcount"], "b", None, (), Place("p.toml", 9, 1)),
        Finding("schema", CODES["schema"], "a", "h", ("x",), Place("p.toml", 2, 3)),
    ]
    document = json.loads(render_json(findings, "p.toml"))
    assert document == {
        "plan": "p.toml",
        "summary": {"error": 1, "warning": 1},
        "findings": [
            {
                "code": "schema",
                "severity": "error",
                "message": "a",
                "hint": "h",
                "subjects": ["x"],
                "file": "p.toml",
                "line": 2,
                "column": 3,
            },
            {
                "code": "headcount",
                "severity": "warning",
                "message": "b",
                "hint": None,
                "subjects": [],
                "file": "p.toml",
                "line": 9,
                "column": 1,
            },
        ],
    }
