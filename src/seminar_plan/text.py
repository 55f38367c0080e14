"""Choosing a language for text, and measuring text as a terminal shows it."""

from __future__ import annotations

import unicodedata

from seminar_plan.model import Plan, Text


def language_order(plan: Plan, lang: str | None) -> tuple[str, ...]:
    """``--lang`` first, then the event's languages in order (the format's fallback order)."""
    order = [lang] if lang else []
    order.extend(code for code in plan.event.languages if code not in order)
    return tuple(order)


def pick(text: Text | None, order: tuple[str, ...]) -> str:
    return "" if text is None else text.get(order)


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
