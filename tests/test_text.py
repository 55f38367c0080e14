"""Choosing a language, measuring terminal cells, and neutralising spreadsheet formulas."""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from conftest import BASE
from seminar_plan import load_text
from seminar_plan.model import Text
from seminar_plan.text import (
    FORMULA_STARTS,
    cell_width,
    csv_document,
    language_order,
    markdown_escape,
    neutralise,
    pick,
    plain_text,
    printable,
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
    assert not [t for t in tokens if t != "\t" and unicodedata.category(t[0]) in CONTROLS]
    unescaped = "".join("\n" if t == "<br>" else t.removeprefix("\\") for t in tokens)
    # Reversible up to the escapes of control characters, which printable() writes.
    assert unescaped == printable(value)


# Control characters, and the line and paragraph separators: what must never reach a terminal.
CONTROLS = {"Cc", "Zl", "Zp"}


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("a\x1b[2Jb\x1b]0;title\x07") == "a\\x1b[2Jb\\x1b]0;title\\x07"
    assert printable("x\u2028y\x85z\x7f\u202e") == "x\\u2028y\\x85z\\x7f\\u202e"
    assert printable("one\r\ntwo\tthree") == "one\ntwo\tthree"
    assert printable("one\ntwo", one_line=True) == "one\\ntwo"
    assert printable("開会 🎉 مرحبا") == "開会 🎉 مرحبا"


# Not printable to Python, yet not escaped: a no-break space, format characters (a zero-width
# space, a byte-order mark, a tag character); and two that are escaped (bidirectional).
ODD_BUT_SHOWN = ["\u00a0", "a\u200bb", "\ufeff", "\U000e0001", "\u202e", "x\u2066"]


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@given(st.text() | st.sampled_from(ODD_BUT_SHOWN))
def test_printable_texts_are_shown_as_they_are_by_the_quick_path(value: str) -> None:
    """The str.isprintable() shortcut changes nothing: the escapes alone give the same text."""
    escaped = re.sub(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
        _escape,
        value.replace("\r\n", "\n"),
    )
    assert printable(value) == escaped
    assert printable(value, one_line=True) == escaped.replace("\n", "\\n")


@given(st.text())
def test_printable_leaves_no_control_character_but_tab_and_line_feed(value: str) -> None:
    shown = printable(value)
    assert not [c for c in shown if c not in "\t\n" and unicodedata.category(c) in CONTROLS]
    assert printable(shown) == shown
    assert "\n" not in printable(value, one_line=True)


@given(st.text())
def test_plain_text_has_line_feeds_and_no_other_control(value: str) -> None:
    plain = plain_text(value)
    assert not [c for c in plain if c not in "\t\n" and unicodedata.category(c) in CONTROLS]
    # The lines str.splitlines sees, each without its control characters (the NUL marks the
    # end, so that a break at the end still yields its empty last line).
    lines = (value + "\x00").splitlines()
    assert plain.split("\n") == [
        "".join(c for c in line if c == "\t" or unicodedata.category(c) != "Cc") for line in lines
    ]


def test_csv_document_quotes_every_break_and_neutralises_every_cell() -> None:
    assert csv_document([["=1+1", "a\rb", "c\nd"], ["x", "@y", ""]]) == (
        '\'=1+1,"a\rb","c\nd"\r\nx,\'@y,\r\n'
    )


# --- line breaking --------------------------------------------------------------------------


def _lines(text: str, width: int) -> list[str]:
    from seminar_plan.text import line_breaks

    cuts = [0, *line_breaks(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def test_latin_words_are_not_cut() -> None:
    assert _lines("Shimane Prefecture representative", 20) == [
        "Shimane Prefecture ",
        "representative",
    ]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert _lines("representative", 8) == ["represen", "tative"]


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() -> None:
    assert _lines("さいたま市（鄭州市の友好都市、1981年提携）", 26) == [
        "さいたま市（鄭州市の友好都",
        "市、1981年提携）",
    ]
    assert _lines("酒店大堂（日方报到・乘车）", 12) == ["酒店大堂（日", "方报到・乘", "车）"]


def test_korean_breaks_at_spaces_keeping_a_particle_on_its_word() -> None:
    # Korean is written with spaces between words: a break inside "차량(van)의" or "밖에"
    # would leave a particle at the start of a line.
    assert _lines("좌석은 차량(van)의 좌석입니다", 16) == ["좌석은 ", "차량(van)의 ", "좌석입니다"]
    assert _lines("시간(21:00-22:00) 밖에 있습니다", 22) == ["시간(21:00-22:00) 밖에 ", "있습니다"]


@given(
    st.text(alphabet=st.sampled_from(list("ab 、。（）「」会議場ッー")), min_size=1, max_size=40),
    st.integers(min_value=4, max_value=30),
)
def test_lines_fit_rejoin_and_follow_kinsoku(text: str, width: int) -> None:
    from seminar_plan.text import NO_LINE_END, NO_LINE_START, cell_width

    lines = _lines(text, width)
    assert "".join(lines) == text
    for line in lines:
        assert cell_width(line.rstrip()) <= width
    for before, after in itertools.pairwise(lines):
        # The only exception: a run of glued characters wider than a line is cut where full.
        if after[0] in NO_LINE_START or before[-1] in NO_LINE_END:
            assert cell_width(before) + cell_width(after[0]) > width


def test_wrap_lines_with_a_measure_of_its_own() -> None:
    from seminar_plan.text import wrap_lines

    def em(value: str) -> float:  # every character one unit wide
        return float(len(value))

    assert wrap_lines("ホテルロビー（日本側受付・バス乗車）", 5, em) == (
        "ホテルロ\nビー（日本\n側受付・バ\nス乗車）"
    )
    assert wrap_lines("Side meetings of the day\nsecond", 9, em) == (
        "Side\nmeetings\nof the\nday\nsecond"
    )


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_takes_one_cell_a_character(value: str) -> None:
    # cell_width answers ASCII by its length: the same as asking each character.
    assert cell_width(value) == sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in value
    )
