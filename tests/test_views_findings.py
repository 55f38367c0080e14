"""The check report: text for people (compared with a reviewed golden file) and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seminar_plan import check, load_plan
from seminar_plan.findings import CODES, Finding, Place, Severity, count
from seminar_plan.locales import languages
from seminar_plan.views.findings import render_github, render_json, render_sarif, render_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def report(plan: str, *, color: bool = False) -> str:
    loaded = load_plan(Path(plan))
    texts = {source.display: source.text for source in loaded.sources.files}
    return render_text(check(loaded), texts, loaded.path, color=color)


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


_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
_findings = st.builds(
    Finding,
    st.sampled_from(sorted(CODES)),
    st.sampled_from(list(Severity)),
    _texts,
    st.none() | _texts,
    st.lists(_texts, max_size=3).map(tuple),
    st.builds(Place, _texts, st.integers(1, 10**6), st.integers(1, 10**4)),
)


@given(st.lists(_findings, max_size=4), _texts, st.sampled_from(languages()))
def test_json_text_is_what_json_dumps_writes(findings: list[Finding], plan: str, lang: str) -> None:
    def member(f: Finding) -> dict[str, object]:
        found: dict[str, object] = {
            "code": f.code,
            "severity": f.severity.value,
            "message": f.message,
            "hint": f.hint,
            "subjects": list(f.subjects),
            "file": f.place.file,
            "line": f.place.line,
            "column": f.place.column,
        }
        if lang != "en":
            found["localized"] = {
                "lang": lang,
                "message": f.message_in(lang),
                "hint": f.hint_in(lang),
            }
        return found

    document = {
        "plan": plan,
        "summary": count(findings),
        "findings": [member(f) for f in sorted(findings, key=lambda f: f.sort_key)],
    }
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert render_json(findings, plan, lang) == expected


def test_json_keeps_english_and_adds_the_localized_text(monkeypatch: pytest.MonkeyPatch) -> None:
    findings = conflicts(monkeypatch)
    english = json.loads(render_json(findings, "p.toml"))["findings"]
    korean = json.loads(render_json(findings, "p.toml", "ko"))["findings"]
    assert all("localized" not in f for f in english)
    assert [{k: v for k, v in f.items() if k != "localized"} for f in korean] == english
    overlap = next(f for f in korean if f["code"] == "room-overlap")
    assert overlap["localized"] == {
        "lang": "ko",
        "message": "회의장 'small-room'에서 'talk-b'(2025-09-01 10:30-11:30) 일정이 'talk-a'"
        "(2025-09-01 10:00-11:00, examples/conflicts/seminar.toml:170) 일정과 겹칩니다",
        "hint": "둘 중 하나를 다른 회의장이나 다른 시간으로 옮기세요",
    }


# --- CI formats -------------------------------------------------------------------------------

SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


def conflicts(monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    monkeypatch.chdir(ROOT)
    return check(load_plan(Path("examples/conflicts/seminar.toml")))


def test_github_annotations_one_line_per_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    findings = conflicts(monkeypatch)
    lines = render_github(findings).splitlines()
    assert len(lines) == len(findings)
    first = next(f for f in sorted(findings, key=lambda f: f.sort_key) if f.code == "room-overlap")
    expected_props = (
        f"file=examples/conflicts/seminar.toml,line={first.place.line},"
        f"col={first.place.column},title=room-overlap::"
    )
    line = next(line for line in lines if "title=room-overlap" in line)
    assert line.startswith(f"::error {expected_props}")
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_github_annotations_in_the_check_s_language(monkeypatch: pytest.MonkeyPatch) -> None:
    findings = conflicts(monkeypatch)
    line = next(
        line for line in render_github(findings, "zh").splitlines() if "=room-overlap" in line
    )
    assert line.endswith(
        "::'talk-b'（2025-09-01 10:30-11:30）与 'talk-a'（2025-09-01 10:00-11:00，"
        "examples/conflicts/seminar.toml:170）在会场 'small-room' 时间重叠"
        "%0A提示：将其中一个日程移到其他会场或其他时间"
    )


def test_github_escapes_what_would_end_a_property_or_the_line() -> None:
    finding = Finding(
        "schema", CODES["schema"], "50% off\nsecond", "fix: it", (), Place("a,b:c.toml", 3, 7)
    )
    assert render_github([finding]) == (
        "::error file=a%2Cb%3Ac.toml,line=3,col=7,title=schema"
        "::50%25 off%0Asecond%0Ahint: fix: it\n"
    )


def test_sarif_is_valid_against_the_published_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    findings = conflicts(monkeypatch)
    document = json.loads(render_sarif(findings, "0.1.0"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert document["version"] == "2.1.0"
    assert len(run["results"]) == len(findings)
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == list(CODES)
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    overlap = next(r for r in run["results"] if r["ruleId"] == "room-overlap")
    location = overlap["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "examples/conflicts/seminar.toml"
    assert overlap["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 170


def test_sarif_in_another_language_names_it_and_stays_valid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import jsonschema

    findings = conflicts(monkeypatch)
    english = json.loads(render_sarif(findings, "0.1.0"))
    document = json.loads(render_sarif(findings, "0.1.0", "ja"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    assert "language" not in english["runs"][0]
    run = document["runs"][0]
    assert run["language"] == "ja"
    assert run["tool"] == english["runs"][0]["tool"]
    overlap = next(r for r in run["results"] if r["ruleId"] == "room-overlap")
    assert overlap["message"]["text"] == (
        "'talk-b'（2025-09-01 10:30-11:30）が部屋 'small-room' で 'talk-a'（2025-09-01"
        " 10:00-11:00、examples/conflicts/seminar.toml:170）と重なっています"
        "（ヒント：どちらかを別の部屋か別の時間に移してください）"
    )


def test_sarif_names_an_absolute_file_by_a_file_uri() -> None:
    finding = Finding("schema", CODES["schema"], "m", None, (), Place("/plans/a plan.toml", 1, 1))
    result = json.loads(render_sarif([finding], "1"))["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///plans/a%20plan.toml"
