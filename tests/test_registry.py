"""The finding registry: the one place a code is defined, and what is derived from it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import plan_text, session
from seminar_plan import check, load_text
from seminar_plan.checks.registry import (
    BY_CODE,
    KINDS,
    REGISTRY,
    RULES,
    SEVERITY,
    Issue,
    place_issue,
    session_subjects,
    unknown_code_message,
)
from seminar_plan.checks.rules import run_rules
from seminar_plan.findings import CODES, Finding, Place, Severity
from seminar_plan.locales import catalogue
from seminar_plan.messages import text
from seminar_plan.model import Origin

DOCS = Path(__file__).parent.parent / "docs" / "plan-format.md"
HEADER = "| code | severity | triggered by | subjects | how to fix |"


def docs_table() -> list[tuple[str, str, str, str]]:
    """(code, severity, subjects, how to fix) of each row of the docs' findings table."""
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        code = re.fullmatch(r"`([a-z-]+)`", cells[0])
        assert code is not None, line
        rows.append((code.group(1), cells[1], cells[3], cells[4]))
    return rows


def test_docs_table_and_registry_agree() -> None:
    documented = {code: rest for code, *rest in docs_table()}
    assert len(documented) == len(docs_table())
    assert documented == {c.code: [c.severity.value, c.subjects_text, c.fix] for c in REGISTRY}


def test_each_code_once_with_known_subject_kinds() -> None:
    assert len(BY_CODE) == len(REGISTRY)
    for entry in REGISTRY:
        assert set(entry.subjects) <= KINDS.keys(), entry.code
        assert entry.summary
        assert "\n" not in entry.summary


def test_every_rule_code_has_one_rule_and_loader_codes_none() -> None:
    assert set(RULES) == {c.code for c in REGISTRY if not c.by_loader}


def test_findings_codes_is_the_registry_table() -> None:
    assert CODES is SEVERITY
    assert list(CODES) == [c.code for c in REGISTRY]


def test_rules_yield_only_their_own_code_with_subjects_of_their_kinds() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
        + session("b", "09:30", "10:30", room="hall", speakers=["aoki"])
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    issues = list(run_rules(loaded.plan))
    assert {i.code for i in issues} == {"room-overlap", "person-overlap"}
    for issue in issues:
        assert len(issue.subjects) == len(BY_CODE[issue.code].subjects)


def test_session_subjects_follow_the_kinds() -> None:
    place = Place("p.toml", 1, 1)

    def found(code: str, *subjects: str) -> Finding:
        return Finding(code, SEVERITY[code], "m", None, subjects, place)

    assert session_subjects(found("person-overlap", "sato", "a", "b")) == ("a", "b")
    assert session_subjects(found("over-capacity", "a", "hall")) == ("a",)
    assert session_subjects(found("unknown-ref", "a", "nobody")) == ("a",)
    assert session_subjects(found("headcount")) == ()
    # A code from outside the registry may name sessions anywhere.
    assert session_subjects(found("schema", "x")) == ("x",)
    assert session_subjects(Finding("v9", Severity.ERROR, "m", None, ("x", "y"), place)) == (
        "x",
        "y",
    )


def test_unknown_code_message() -> None:
    assert unknown_code_message(["schema", "headcount"]) is None
    message = unknown_code_message(["schema", "room-overlapp"])
    assert message is not None
    assert message.startswith("unknown finding code 'room-overlapp'; known codes: toml-syntax,")


def test_related_place_is_resolved_after_the_rules() -> None:
    places: dict[tuple[int, tuple[str | int, ...]], Place] = {
        (0, ("a",)): Place("p.toml", 3, 1),
        (0, ("b",)): Place("more.toml", 7, 1),
    }
    message = text("finding.travel-conflict", a="n", b="s", minutes=30, earlier_minutes=45)
    hint = text("finding-hint.travel-conflict")
    issue = Issue("room-overlap", Origin(0, ("a",)), message, hint, (), Origin(0, ("b",)))
    finding = place_issue(issue, lambda origin: places[origin.file, origin.path])
    assert (finding.place, finding.related, finding.message) == (
        Place("p.toml", 3, 1),
        Place("more.toml", 7, 1),
        "travel between 'n' and 's' is given as 30 minutes here and as 45 minutes at more.toml:7",
    )
    assert finding.message_in("ja").endswith("more.toml:7 では 45 分となっています")
    assert finding.severity is Severity.ERROR


def test_check_gives_rule_findings_their_related_place() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall") + session("b", "09:30", "10:30", room="hall")
    )
    (finding,) = check(load_text(text))
    assert finding.related is not None
    assert f"seminar.toml:{finding.related.line}" in finding.message
    assert text.splitlines()[finding.related.line - 1] == "[[sessions]]"


def _templates(table: str, code: str) -> list[str]:
    """The keys of ``table`` that are ``code``'s template or a variant of it."""
    return [
        key
        for key in catalogue("en")
        if key == f"{table}.{code}" or key.startswith(f"{table}.{code}-")
    ]


def test_every_rule_code_has_message_and_hint_templates() -> None:
    # Every catalogue has English's keys (tests/test_locales.py), so every language has them.
    for entry in REGISTRY:
        if entry.by_loader:
            continue
        assert _templates("finding", entry.code), entry.code
        assert _templates("finding-hint", entry.code), entry.code


def test_every_finding_template_belongs_to_a_rule_code() -> None:
    rule_codes = sorted((e.code for e in REGISTRY if not e.by_loader), key=len, reverse=True)
    for key in catalogue("en"):
        table, _, name = key.partition(".")
        if table in {"finding", "finding-hint"}:
            assert any(name == c or name.startswith(f"{c}-") for c in rule_codes), key


RULE_SOURCES = Path(__file__).parent.parent / "src" / "seminar_plan" / "checks" / "rules"
# A template key as a rule names it: a literal, or an f-string ending in the stay's or the
# flight's end (arrive / depart).
TEMPLATE_KEY = re.compile(
    r'"((?:finding|finding-hint|finding-part|finding-list)\.[a-z-]*)(\{\w+\})?"'
)


def test_every_template_a_rule_names_is_in_the_catalogue() -> None:
    english = catalogue("en")
    named = [
        match
        for path in sorted(RULE_SOURCES.glob("*.py"))
        for match in TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))
    ]
    assert len(named) > 70
    for key, variable in named:
        if variable:
            assert {f"{key}arrive", f"{key}depart"} <= english.keys(), key
        else:
            assert key in english, key
