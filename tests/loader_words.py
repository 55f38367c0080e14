"""Finding that a loader message in Japanese, Chinese or Korean shows no English word.

A message's fields (ids, keys, values as the plan wrote them, places) are the planner's own
text, so they are taken out first; so is TOML written in a template (quoted, bracketed or
braced examples, dates). What is left must be words of the language, plus the plan's key names
and a few names every language writes in Latin letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seminar_plan.load.parse import schema
from seminar_plan.messages import Message, render

# Key names of the plan format, as the templates name them.
KEY_NAMES = frozenset(
    key
    for name in dir(schema)
    if name == "TOP_LEVEL" or name.endswith("_KEYS")
    for key in getattr(schema, name)
)
# Names written in Latin letters in every language: formats, standards, units, codes.
LATIN_NAMES = frozenset(
    {"TOML", "UTF-8", "Unicode", "IANA", "NUL", "MB", "ID", "true", "false", "ja", "zh", "en"}
) | {"seminar-plan", "allow-outside"}

_TOML_EXAMPLES = re.compile(
    r'"[^"]*"'  # a quoted string
    r"|'[^']*'"  # a literal string or a quoted id
    r"|\[\[?[^\]]*\]\]?"  # a table header or an array
    r"|\{[^}]*\}"  # an inline table
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:]+)?(?:[+-]\d{2}:\d{2})?"  # a date or date-time
    r"|`[^`]*`"  # a command, a file or variable name: code, not words
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def leaves(message: Message | str) -> list[str]:
    """The field values of ``message`` and of the messages in its fields, as shown."""
    if isinstance(message, str):
        return [message]
    found: list[str] = []
    for value in message.values:
        if isinstance(value, Message):
            found.extend(leaves(value))
        elif isinstance(value, tuple):
            found.extend(str(item) for item in value)
        else:
            found.append(str(value))
    return found


def keys(message: Message | str) -> set[str]:
    """The catalogue keys ``message`` and the messages in its fields name."""
    if isinstance(message, str):
        return set()
    found = {message.key}
    for value in message.values:
        if isinstance(value, Message):
            found |= keys(value)
    return found


def foreign_words(shown: str, fields: Sequence[str] = ()) -> set[str]:
    """The Latin-letter words of ``shown`` (a rendered message) that are neither in its
    ``fields`` nor key names nor names written in Latin letters everywhere."""
    for field in sorted(fields, key=len, reverse=True):
        if field:
            shown = shown.replace(field, " ")
    shown = _TOML_EXAMPLES.sub(" ", shown)
    return set(_WORD.findall(shown)) - KEY_NAMES - LATIN_NAMES


def english_left(message: Message | str, lang: str) -> set[str]:
    """The English words ``message`` shows in ``lang``."""
    return foreign_words(render(message, lang), leaves(message))
