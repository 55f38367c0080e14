"""Choosing a language for text, and measuring text as a terminal shows it.

The tool's own words are not here: they live in the catalogues of ``seminar_plan.locales``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from seminar_plan.model import Plan, Text


def language_order(plan: Plan, lang: str | None) -> tuple[str, ...]:
    """``--lang`` first, then the event's languages in order (the format's fallback order)."""
    order = [lang] if lang else []
    order.extend(code for code in plan.event.languages if code not in order)
    return tuple(order)


def pick(text: Text | None, order: tuple[str, ...]) -> str:
    return "" if text is None else text.get(order)


# A spreadsheet evaluates a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell, with a leading ``'`` if a spreadsheet would read it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_document(rows: Iterable[Sequence[str]]) -> str:
    """The one CSV writer: RFC 4180 (CRLF line ends, so that a field holding a bare CR or LF is
    quoted and never splits its row) and every cell neutralised against formulas."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()


# What a terminal or a Markdown reader must never receive raw: control characters (C0 but tab
# and line feed, DEL, C1: escape sequences that clear the screen, hide text or set the window
# title), the Unicode line and paragraph separators, and the bidirectional overrides and
# isolates that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Every line break str.splitlines knows, and what a calendar or a text format may hold instead.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: str, *, one_line: bool = False) -> str:
    """``value`` as a terminal may show it: a CRLF is a line feed, and every other control
    character or separator is written as its escape (``\\x1b``, ``\\u2028``) instead; with
    ``one_line`` (a file name in a message or a comment), line feeds too."""
    if value.isprintable():
        # No control character, line break or separator of any kind (str.isprintable, in C,
        # is False for each that is escaped below): most texts, shown as they are.
        return value
    shown = _UNPRINTABLE.sub(_escaped, value.replace("\r\n", "\n"))
    return shown.replace("\n", "\\n") if one_line else shown


def plain_text(value: str) -> str:
    """``value`` for a format that allows no control characters (RFC 5545 TEXT): every kind of
    line break becomes a line feed, and the other control characters are left out."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", value))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def markdown_escape(value: str) -> str:
    """Text safe in a Markdown table cell: markup characters escaped, control characters shown
    as escapes, line breaks as <br>."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", printable(value))
    return "<br>".join(escaped.split("\n"))


def cell_width(value: str) -> int:
    """Terminal cells taken by ``value``: East Asian wide and fullwidth characters take two."""
    if value.isascii():
        return len(value)  # one cell each: no ASCII character is wide or combining
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in value
    )


# Line breaking for narrow columns. Kinsoku shori (JIS X 4051): these never start a line...
NO_LINE_START = frozenset(
    "、。，．,.:;!?)]}）］｝〕〉》」』】〙〗〟’”｠»‐゠–〜～ー・：；！？‼⁇⁈⁉ヽヾゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
# ...and these never end one.
NO_LINE_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_hangul(char: str) -> bool:
    return (
        "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"
    )


def _breaks_anywhere(char: str) -> bool:
    """Chinese and Japanese break between any two characters; Korean, written with spaces
    between words, breaks at the spaces like Latin text (a particle stays on its word)."""
    return _is_wide(char) and not _is_hangul(char)


def _units(text: str) -> list[tuple[int, int]]:
    """Spans between which a line may break: a word (Latin, Korean) with its trailing spaces,
    or one Chinese or Japanese character with them; kinsoku merges a closing mark into the
    span before it and an opening one into the span after it."""
    units: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = index + 1
        if not _breaks_anywhere(text[index]) and not text[index].isspace():
            while end < len(text) and not text[end].isspace() and not _breaks_anywhere(text[end]):
                end += 1
        while end < len(text) and text[end].isspace():
            end += 1
        units.append((index, end))
        index = end
    merged: list[tuple[int, int]] = []
    glue_next = False
    for start, end in units:
        if merged and (glue_next or text[start] in NO_LINE_START):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        glue_next = text[end - 1] in NO_LINE_END
    return merged


def line_breaks(text: str, width: float, measure: Callable[[str], float] = cell_width) -> list[int]:
    """Where to break ``text`` (one line, no line feeds) to fit ``width``: Latin text at
    spaces, CJK between characters but never before a closing mark (、。）」...) nor after an
    opening one (（「...). Only a span wider than a whole line is cut inside. ``measure`` gives
    a string's width: terminal cells by default, a font's millimetres for the PDF."""
    breaks: list[int] = []
    used: float = 0
    for start, end in _units(text):
        span = text[start:end]
        needed = measure(span.rstrip())
        if used + needed <= width:
            used += measure(span)
            continue
        if used and start:
            breaks.append(start)
        used = 0
        if needed <= width:
            used = measure(span)
            continue
        for offset in range(start, end):
            char_width = measure(text[offset])
            if used + char_width > width and used:
                breaks.append(offset)
                used = 0
            used += char_width
    return breaks


def wrap_lines(text: str, width: float, measure: Callable[[str], float] = cell_width) -> str:
    """``text`` with a line feed at each of its ``line_breaks`` (trailing spaces dropped)."""
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [0, *line_breaks(line, width, measure), len(line)]
        out.extend(line[a:b].rstrip() if b < len(line) else line[a:b] for a, b in pairwise(cuts))
    return "\n".join(out)
