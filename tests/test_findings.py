"""Selecting findings and re-grading their severity."""

from __future__ import annotations

from seminar_plan.findings import CODES, Finding, Place, Selection, Severity, count


def finding(code: str, line: int) -> Finding:
    return Finding(code, CODES[code], "m", None, (), Place("p.toml", line, 1))


FINDINGS = [finding("room-closed", 9), finding("schema", 3), finding("travel-time", 3)]


def test_sorted_by_file_line_column_code() -> None:
    assert [(f.place.line, f.code) for f in Selection().apply(FINDINGS)] == [
        (3, "schema"),
        (3, "travel-time"),
        (9, "room-closed"),
    ]


def test_select_ignore_and_severity() -> None:
    assert [f.code for f in Selection(select=frozenset({"schema"})).apply(FINDINGS)] == ["schema"]
    assert [f.code for f in Selection(ignore=frozenset({"schema"})).apply(FINDINGS)] == [
        "travel-time",
        "room-closed",
    ]
    raised = Selection(severity=(("travel-time", Severity.ERROR),)).apply(FINDINGS)
    assert [f.severity for f in raised] == [Severity.ERROR, Severity.ERROR, Severity.WARNING]


def test_count() -> None:
    assert count(FINDINGS) == {"error": 1, "warning": 2}
    assert count([]) == {"error": 0, "warning": 0}


def test_every_code_of_the_contract_with_its_severity() -> None:
    errors = {
        "toml-syntax", "schema", "unknown-ref", "duplicate-id", "bad-time",
        "room-overlap", "person-overlap", "outside-stay", "over-capacity",
        "over-seats", "vehicle-overlap", "pickup-early", "late-to-airport",
        "interpreter-language", "lodging-short", "travel-conflict",
    }  # fmt: skip
    warnings = {
        "room-closed", "travel-time", "no-interpretation", "no-booth", "headcount",
        "vehicle-travel", "transfer-short", "no-pickup",
        "flight-mismatch", "empty-flight", "unused-vehicle", "transfer-loop",
        "interpreter-team", "interpreter-load", "no-interpreter",
        "no-lodging", "unused-booking", "diet-tag", "diet-count", "speaking-order",
        "delegation-overlap", "language-code", "stay-range",
    }  # fmt: skip
    assert {c for c, s in CODES.items() if s is Severity.ERROR} == errors
    assert {c for c, s in CODES.items() if s is Severity.WARNING} == warnings


def test_a_finding_shows_its_words_in_any_language_and_english_by_default() -> None:
    from seminar_plan.messages import text

    overlap = text(
        "finding.room-overlap",
        later="b",
        later_span="10:30-11:30",
        earlier="a",
        earlier_span="10:00-11:00",
        room="r",
    )
    shown = Finding(
        "room-overlap",
        CODES["room-overlap"],
        overlap,
        text("finding-hint.room-overlap"),
        ("r", "a", "b"),
        Place("p.toml", 9, 1),
        Place("p.toml", 3, 1),
    )
    assert shown.message == "'b' (10:30-11:30) overlaps 'a' (10:00-11:00, p.toml:3) in room 'r'"
    assert shown.hint == "move one of them to another room or time"
    assert shown.message_in("ko") == (
        "회의장 'r'에서 'b'(10:30-11:30) 일정이 'a'(10:00-11:00, p.toml:3) 일정과 겹칩니다"
    )
    assert shown.hint_in("zh") == "将其中一个日程移到其他会场或其他时间"
    assert finding("schema", 1).hint_in("ja") is None
