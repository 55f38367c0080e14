"""A finding's words as data: a catalogue key and its fields, shown later in any language.

Rules and the loader do not write sentences; they name a template of the catalogues
(``finding.room-overlap``, ``finding-hint.room-overlap``, ``load.unknown-key``...) and give its
fields::

    text("finding.room-overlap", later="s2", later_span="2025-07-23 10:00-11:00", ...)

``render(message, lang)`` fills that template of ``lang``'s catalogue (English's where the
language has none). Field values are language-neutral: plan ids, clocks, numbers, file:line.
A field that must be a word is itself a ``Message`` (rendered in the same language), and a tuple
of values is a list, joined by the language's ``list.separator`` (a ``Listing`` names another
separator of the catalogue, such as ``finding-list.and``).

A template may also name ``{related}``: the ``file:line`` of the finding's related place, which
only the checker knows; ``render`` fills it from its ``related`` argument.

Memory: a check of a dense plan holds hundreds of thousands of findings, so a message keeps only
its key and its values, in the order of the English template's placeholders (the names are the
template's, looked up once per key), and a message without fields is one shared object.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass

from seminar_plan.locales import FALLBACK, catalogue, label

# The placeholder every template may name and the checker fills: the related place's file:line.
RELATED = "related"


@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue key and its fields' values, in the order of ``names(key)``."""

    key: str
    values: tuple[object, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    """Items shown one after another, joined by the catalogue's ``separator`` (a key)."""

    items: tuple[object, ...]
    separator: str = "list.separator"


@functools.cache
def names(key: str) -> tuple[str, ...]:
    """The fields of ``key``'s English template in the order they first appear, but ``related``."""
    seen: list[str] = []
    for _, field, _, _ in string.Formatter().parse(catalogue(FALLBACK)[key]):
        if field is not None and field != RELATED and field not in seen:
            seen.append(field)
    return tuple(seen)


@functools.cache
def _bare(key: str) -> Message:
    if names(key):
        raise KeyError(f"{key!r} needs the fields {', '.join(names(key))}")
    return Message(key)


def text(key: str, /, **fields: object) -> Message:
    """The message ``key`` with ``fields``; exactly the template's fields (else KeyError)."""
    if not fields:
        return _bare(key)
    wanted = names(key)
    if len(fields) != len(wanted):
        missing = sorted(set(wanted) ^ set(fields))
        raise KeyError(f"{key!r}: fields {', '.join(missing)} missing or unknown")
    return Message(key, tuple(map(fields.__getitem__, wanted)))


# Field types ``str.format`` shows as they are: every field of most messages (ids, clocks).
_AS_THEY_ARE = frozenset({str, int})


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, tuple):
        value = Listing(value)
    if isinstance(value, Listing):
        return label(lang, value.separator).join(str(_shown(item, lang)) for item in value.items)
    return value


@functools.cache
def _numbered(lang: str, key: str) -> tuple[str, bool]:
    """``key``'s template in ``lang`` with its fields numbered in the order of ``names(key)``
    (``related`` after them), and whether it names ``related``.

    ``str.format`` with positional values is several times faster than ``format_map`` with a
    dict of names, and a dense check renders hundreds of thousands of messages.
    """
    template = catalogue(lang).get(key) or catalogue(FALLBACK)[key]
    number = {name: str(position) for position, name in enumerate(names(key))}
    number[RELATED] = str(len(number))
    parts: list[str] = []
    names_related = False
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            names_related = names_related or field == RELATED
            # A field English does not have is a KeyError: a catalogue error, caught by tests.
            converted = f"!{conversion}" if conversion else ""
            formatted = f":{spec}" if spec else ""
            parts.append(f"{{{number[field]}{converted}{formatted}}}")
    return "".join(parts), names_related


@functools.cache
def _fixed(lang: str, key: str) -> str:
    """A template without fields, shown: the hint most rules give every finding they yield."""
    template, _ = _numbered(lang, key)
    return template.format()


def render(message: Message | str, lang: str, related: str | None = None) -> str:
    """``message`` in ``lang`` (English where ``lang`` has no template), ``related`` filled in.

    A plain string is a message not yet converted to a template: it is shown as it is.
    """
    if isinstance(message, str):
        return message
    values = message.values
    if not values and related is None:
        return _fixed(lang, message.key)
    template, names_related = _numbered(lang, message.key)
    if names_related and related is None:
        raise KeyError(f"{message.key!r} names the related place, and there is none")
    if not _AS_THEY_ARE.issuperset(map(type, values)):
        values = tuple(_shown(value, lang) for value in values)
    return template.format(*values, related)
