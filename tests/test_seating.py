"""The head-table seating plan: text and HTML."""

from __future__ import annotations

from conftest import plan_text, session
from print_plans import HOSTILE, STAMP, example_plan, matches_golden
from seminar_plan import load_text
from seminar_plan.views.seating import build, render_html, render_text


def test_the_example_opening_in_japanese_and_chinese() -> None:
    plan = example_plan()
    sheet = build(plan, {s.id: s for s in plan.sessions}["opening"], ("ja", "zh"), STAMP)
    # The Minister precedes the organiser's chairman and sits in the middle; the chairman
    # takes the seat of honour on his right, which is the audience's left.
    assert [(seat.number, seat.precedence, seat.person) for seat in sheet.seats] == [
        (1, 2, "yasuda"),
        (2, 1, "usui"),
        (3, 3, "shimizu"),
    ]
    assert matches_golden(render_text(sheet), "seating-opening-ja.txt")
    assert matches_golden(render_html(sheet), "seating-opening-ja.html")


def test_english_labels_and_names_in_two_languages() -> None:
    plan = example_plan()
    sheet = build(plan, {s.id: s for s in plan.sessions}["opening"], ("en", "ja"), STAMP)
    text = render_text(sheet)
    assert "Seat 1  (No. 2)  YASUDA / 安田" in text
    assert text.startswith("Head table: Opening remarks / 開会あいさつ\n")


def test_plan_text_is_escaped_and_nobody_is_said() -> None:
    text = plan_text(
        f'[people.x]\nname = "{HOSTILE}"\nrank = 1\n'
        + session("s", "09:00", "10:00", speakers=["x"])
        + session("empty", "10:00", "11:00")
    )
    plan = load_text(text).plan
    assert plan is not None
    by_id = {s.id: s for s in plan.sessions}
    page = render_html(build(plan, by_id["s"], ("en",), STAMP))
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Nobody at the head table" in render_text(build(plan, by_id["empty"], ("en",), STAMP))
