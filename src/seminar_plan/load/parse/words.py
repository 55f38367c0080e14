"""The parser's words: each finding names a template of the catalogues' ``[load]`` and
``[load-hint]`` tables (``load.not-integer``...) and gives its fields; ``seminar_plan.messages``
shows it in the planner's language.

Fields are what the English text shows, language-neutral: a value as the plan wrote it is
``quoted`` (Python's repr, as before), ids and keys are given as they are; a word that must be
translated (a type's name, a kind of id) is itself a message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from seminar_plan.messages import Message, text
from seminar_plan.suggest import closest

# A TOML value's type -> its name in ``load.type``.
_TYPES = {
    bool: "boolean",
    int: "integer",
    float: "float",
    str: "string",
    list: "list",
    dict: "table",
    dt.datetime: "datetime",
    dt.date: "date",
    dt.time: "time",
}


def type_name(value: object) -> Message | str:
    """What kind of value ``value`` is, as "..., not {type}" names it ("an integer")."""
    name = _TYPES.get(type(value))
    return type(value).__name__ if name is None else text(f"load.type.{name}")


def quoted(value: object) -> str:
    """A value the plan wrote, as a message shows it: ``'room-a'``, ``12``."""
    return repr(value)


def meant(match: str) -> Message:
    """``did you mean 'x'?``"""
    return text("load-hint.mean", match=quoted(match))


def did_you_mean(word: str, options: Iterable[str]) -> Message | None:
    """``did you mean 'x'?`` for the closest option, or None when none is close."""
    match = closest(word, options)
    return None if match is None else meant(match)
