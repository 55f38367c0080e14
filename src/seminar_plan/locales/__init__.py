"""The tool's own words: one catalogue per language, ``locales/<code>.toml``, keyed by meaning.

A key is the catalogue's table path joined with dots (``runsheet.sheet``, ``kind.keynote``);
a value is a ``str.format`` template whose ``{placeholders}`` every catalogue shares (a test holds
them to English's). Catalogues are read on first use and cached: a command reads one or two.
Adding a language is adding ``<code>.toml`` with the same keys as ``en.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path

_HERE = Path(__file__).parent
FALLBACK = "en"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _flatten(table: Mapping[str, object], prefix: str, into: dict[str, str]) -> None:
    for key, value in table.items():
        if isinstance(value, Mapping):
            _flatten(value, f"{prefix}{key}.", into)
        else:
            into[f"{prefix}{key}"] = str(value)


@functools.cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every label of ``lang`` by dotted key; empty when the language has no catalogue."""
    if lang not in languages():
        return {}
    # The plan reader's TOML parser (compiled tomli, else tomllib): already imported by then.
    try:
        import tomli as toml
    except ImportError:  # pragma: no cover - interpreters without tomli's wheels
        import tomllib as toml  # type: ignore[no-redef]

    words: dict[str, str] = {}
    with (_HERE / f"{lang}.toml").open("rb") as file:
        _flatten(toml.load(file), "", words)
    return words


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first, then by code."""
    codes = sorted(path.stem for path in _HERE.glob("*.toml"))
    return (FALLBACK, *(code for code in codes if code != FALLBACK))


def has_catalogue(lang: str) -> bool:
    return lang in languages()


def label(lang: str, key: str, **fields: object) -> str:
    """The label ``key`` in ``lang``, else in English; formatted when ``fields`` are given."""
    template = catalogue(lang).get(key)
    if template is None:
        template = catalogue(FALLBACK)[key]
    return template.format(**fields) if fields else template


def weekday(lang: str, date: dt.date) -> str:
    return label(lang, f"weekday.{_WEEKDAYS[date.weekday()]}")


def month(lang: str, date: dt.date) -> str:
    return label(lang, f"month.{_MONTHS[date.month - 1]}")


class Labels(Mapping[str, str]):
    """The labels of one section (``runsheet``, ``export``...) of one language, by short key."""

    __slots__ = ("lang", "section")

    def __init__(self, lang: str, section: str) -> None:
        self.lang = lang
        self.section = section

    def __getitem__(self, key: str) -> str:
        return label(self.lang, f"{self.section}.{key}")

    def __iter__(self) -> Iterator[str]:
        prefix = f"{self.section}."
        return (key.removeprefix(prefix) for key in catalogue(FALLBACK) if key.startswith(prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


# The variables that name the language of messages, in the order gettext reads them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def terminal_language(environ: Mapping[str, str]) -> str | None:
    """The language of the terminal's locale when it has a catalogue (``ja_JP.UTF-8`` -> ja),
    else None (``C``, ``POSIX``, a language without a catalogue, nothing set).

    As gettext reads them: the first of LC_ALL, LC_MESSAGES and LANG that is set and not
    empty decides, even when it names a language without a catalogue.
    """
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            # language[_territory][.codeset][@modifier]
            lang = value.split("@")[0].split(".")[0].split("_")[0].split("-")[0].lower()
            return lang if has_catalogue(lang) else None
    return None
