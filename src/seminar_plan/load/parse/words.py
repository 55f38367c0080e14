"""The parser's words: each finding names a template of the catalogues' ``[load]`` and
``[load-hint]`` tables (``load.not-integer``...) and gives its fields; ``seminar_plan.messages``
shows it in the planner's language.

Fields are what the English text shows, language-neutral: a value as the plan wrote it is
``quoted`` (Python's repr, as before), ids and keys are given as they are; a word that must be
translated (a type's name, a kind of id) is itself a message.
"""

from __future__ import annotations

import datetime as dt
import re
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


# Only digits and the punctuation of dates and times: nothing else is read as TOML.
_DATE_LIKE = re.compile(r"[0-9][0-9Tt:.+\-Zz ]*\Z")
# A local date-time written without seconds: TOML 1.0 needs them ("17:00" is "17:00:00").
_NO_SECONDS = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}\Z")


def unquoted(key: str, value: object, wanted: type[dt.date]) -> Message | None:
    """``write start = 2026-10-23, without quotes`` when ``value`` is a string that, written
    without its quotes (and with ":00" seconds where TOML needs them), is a TOML value of type
    ``wanted`` (``dt.date`` for a date only, ``dt.datetime`` for a date-time); else None."""
    if not isinstance(value, str):
        return None
    import tomllib

    written = value.strip()
    if not _DATE_LIKE.match(written):
        return None
    if _NO_SECONDS.match(written):
        written += ":00"
    try:
        read = tomllib.loads(f"v = {written}")["v"]
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    # A date-time is also a date to isinstance: only the exact kind asked for will do.
    if isinstance(read, dt.datetime) is not (wanted is dt.datetime) or not isinstance(read, wanted):
        return None
    return text("load-hint.unquote", key=key, value=written)
