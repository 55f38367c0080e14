"""What every printed product shares: the stamp, text with its language, and the HTML page.

Run sheets, the programme booklet, badges, place cards and seating plans are each one
self-contained HTML page (inline CSS, no scripts, nothing fetched) printed from a browser. Plan
text is always escaped, and wrapped in a ``lang`` span when it is in another language than the
page, so the browser picks the right CJK glyphs and line-breaking rules.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from seminar_plan import locales, present
from seminar_plan.model import Text
from seminar_plan.text import printable

# The HTML language tag for a plan language code where the two differ.
_HTML_LANG = {"zh": "zh-Hans"}


@dataclass(frozen=True, slots=True)
class Stamp:
    """Tells two printouts apart: the plan file's name, a short content hash, when it was made."""

    plan_name: str
    digest: str
    generated: dt.datetime


@dataclass(frozen=True, slots=True)
class Phrase:
    """Text as printed, with the language it is in ("" when language-neutral)."""

    text: str
    lang: str = ""


def phrase(text: Text | None, order: tuple[str, ...]) -> Phrase | None:
    """``text`` in the first language of ``order`` it has, keeping which language that was."""
    if text is None or not text.variants:
        return None
    by_lang = dict(text.variants)
    for lang in order:
        if lang in by_lang:
            return Phrase(by_lang[lang], lang)
    lang, value = text.variants[0]
    return Phrase(value, lang)


def make_stamp(plan_name: str, texts: Sequence[str], generated: dt.datetime) -> Stamp:
    """The stamp of a printout of the plan whose files hold ``texts``, made at ``generated``."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return Stamp(plan_name, digest.hexdigest()[:10], generated)


def variants(text: Text | None, langs: tuple[str, ...]) -> tuple[Phrase, ...]:
    """``text`` in each of ``langs`` (falling back as ``phrase`` does), each distinct text once:
    a name written alike in Japanese and Chinese is printed once."""
    found: list[Phrase] = []
    for lang in langs:
        chosen = phrase(text, (lang,))
        if chosen is not None and all(chosen.text != seen.text for seen in found):
            found.append(chosen)
    return tuple(found)


def stamp_text(stamp: Stamp, labels: Mapping[str, str]) -> str:
    """``plan.toml · digest · generated 2025-07-20 10:00 UTC+08:00`` (``labels["generated"]``)."""
    return (
        f"{stamp.plan_name} · {stamp.digest} · {labels['generated']}"
        f" {stamp.generated:%Y-%m-%d %H:%M} {utc_offset(stamp.generated)}"
    )


def utc_offset(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else ""


def html_lang(lang: str) -> str:
    return _HTML_LANG.get(lang, lang)


def span(value: Phrase | None, page_lang: str) -> str:
    """Escaped text, wrapped in a lang span when it is in another language than the page."""
    if value is None:
        return ""
    text = "<br>".join(html.escape(line) for line in value.text.splitlines())
    if value.lang and value.lang != page_lang:
        return f'<span lang="{html.escape(html_lang(value.lang))}">{text}</span>'
    return text


def names_html(names: Sequence[Phrase], page_lang: str) -> str:
    return present.list_separator(page_lang).join(span(name, page_lang) for name in names)


def css_string(value: str) -> str:
    """A CSS string literal; anything but letters, digits and spaces is a hex escape, so plan text
    can neither end the string nor the style element."""
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):06x}" for char in value
    )
    return f'"{escaped}"'


def page_footer_css(template: str) -> str:
    """``page N of M`` in the bottom margin box, from a label with {page} and {pages} fields."""
    pieces = []
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            pieces.append("counter(page)")
        elif part == "{pages}":
            pieces.append("counter(pages)")
        elif part:
            pieces.append(css_string(part))
    content = " ".join(pieces)
    return "@media print{@page{@bottom-right{content:" + content + ";font-size:8pt}}}\n"


@functools.cache
def _css_file(name: str) -> str:
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def stylesheet(name: str) -> str:
    """A style sheet shipped beside this module (``runsheet.css``, ``programme.css``...), after
    the faces every printed page shares (``fonts.css``: Japanese, Chinese and Korean)."""
    return _css_file("fonts.css") + _css_file(name)


def html_document(
    *, lang: str, title: str, generator: str, stamp: Stamp, css: str, body: str
) -> str:
    """One self-contained HTML page. ``title`` is plain text; ``css`` and ``body`` are markup.

    Control characters from the plan's text are shown escaped (``\\x1b``), as in the terminal:
    HTML does not allow them, and a page written to standard output reaches a terminal."""
    return printable(
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(html_lang(lang))}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="seminar-plan {html.escape(generator)}">\n'
        f'<meta name="plan-digest" content="{html.escape(stamp.digest)}">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{css}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def date_text(lang: str, date: dt.date) -> str:
    """A date as the catalogue of ``lang`` writes it, with its weekday."""
    return locales.label(lang, "runsheet.date").format(
        year=date.year,
        month_name=locales.month(lang, date),
        day=date.day,
        weekday=locales.weekday(lang, date),
    )
