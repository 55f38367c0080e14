"""Choosing a language for text, and measuring text as a terminal shows it.

The tool's own words are not here: they live in the catalogues of ``seminar_plan.locales``.
"""

from __future__ import annotations

import re
import unicodedata

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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def markdown_escape(value: str) -> str:
    """Text safe in a Markdown table cell: markup characters escaped, line breaks as <br>."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    return "<br>".join(escaped.splitlines())


def cell_width(value: str) -> int:
    """Terminal cells taken by ``value``: East Asian wide and fullwidth characters take two."""
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in value
    )
