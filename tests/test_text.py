"""Choosing a language, measuring terminal cells, and neutralising spreadsheet formulas."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import BASE
from seminar_plan import load_text
from seminar_plan.model import Text
from seminar_plan.text import (
    FORMULA_STARTS,
    cell_width,
    language_order,
    markdown_escape,
    neutralise,
    pick,
)


def test_language_order_puts_the_option_first_then_the_event_languages() -> None:
    plan = load_text(BASE).plan
    assert plan is not None
    assert language_order(plan, None) == ("ja", "zh", "en")
    assert language_order(plan, "en") == ("en", "ja", "zh")
    assert language_order(plan, "fr") == ("fr", "ja", "zh", "en")


def test_pick_falls_back_in_order_then_to_any_language() -> None:
    title = Text((("zh", "开幕致辞"), ("en", "Opening remarks")))
    assert pick(title, ("ja", "zh", "en")) == "开幕致辞"
    assert pick(title, ("en",)) == "Opening remarks"
    assert pick(title, ("ko",)) == "开幕致辞"
    assert pick(None, ("ja",)) == ""


def test_cell_width_counts_wide_characters_twice() -> None:
    assert cell_width("abc") == 3
    assert cell_width("開会") == 4
    assert cell_width("Ａ") == 2  # fullwidth
    assert cell_width("e\u0301") == 1  # a combining accent takes no cell


def test_neutralise_examples() -> None:
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("-5") == "'-5"
    assert neutralise("開会") == "開会"


@given(st.text(max_size=20))
def test_neutralised_cells_never_start_a_formula(cell: str) -> None:
    safe = neutralise(cell)
    assert not safe.startswith(FORMULA_STARTS)
    assert (safe == cell) == (not cell.startswith(FORMULA_STARTS))


@given(st.text())
def test_markdown_escape_is_inert_and_reversible(value: str) -> None:
    tokens = re.findall(r"\\.|<br>|.", markdown_escape(value), re.DOTALL)
    assert not {"|", "<", ">", "`", "*", "_", "[", "]", "\\"} & set(tokens)
    assert not any(token in ("\n", "\r") for token in tokens)
    unescaped = "".join("\n" if t == "<br>" else t.removeprefix("\\") for t in tokens)
    assert unescaped == "\n".join(value.splitlines())
