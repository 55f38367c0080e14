"""The programme booklet: the public programme of the whole event, in its working languages side
by side (pure: plan -> Programme -> HTML).

Only what participants should see: a cover (title, theme, dates, city, organiser, co-hosts), then
each day's public sessions with times, rooms, speakers and moderators with their titles and
organisations. Cues, owners, contacts, AV and notes are internal and never printed. A session is
public unless it says ``public = false``; transfers are not public unless they say so.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from seminar_plan import locales, present
from seminar_plan.model import Plan, Session, Text
from seminar_plan.views import paper
from seminar_plan.views.paper import Phrase, Stamp, phrase, span

PAPER_SIZES = ("A4", "A5")


@dataclass(frozen=True, slots=True)
class Credit:
    """A speaker or moderator as printed in one language: name, then title and organisation."""

    name: Phrase
    affiliation: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class ItemText:
    """One session in one language."""

    title: Phrase
    place: str
    speakers: tuple[Credit, ...]
    moderators: tuple[Credit, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One session in the printed programme."""

    session: str
    start: dt.datetime
    end: dt.datetime
    texts: tuple[ItemText, ...]


@dataclass(frozen=True, slots=True)
class ProgrammeDay:
    """One day of the printed programme."""

    number: int
    date: dt.date
    labels: tuple[Phrase | None, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class CoverLine:
    """One line of the programme's cover."""

    key: str
    values: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Programme:
    """The printed programme."""

    langs: tuple[str, ...]
    titles: tuple[Phrase, ...]
    cover: tuple[CoverLine, ...]
    days: tuple[ProgrammeDay, ...]
    stamp: Stamp
    paper_size: str


def _in(text: Text | None, lang: str, plan: Plan) -> Phrase | None:
    return phrase(text, (lang, *plan.event.languages))


def _credits(plan: Plan, people: tuple[str, ...], lang: str) -> tuple[Credit, ...]:
    result = []
    for ident in people:
        person = plan.person_by_id.get(ident)
        if person is None:
            continue
        affiliation = tuple(
            p
            for p in (_in(person.title, lang, plan), _in(person.organization, lang, plan))
            if p is not None
        )
        result.append(Credit(_in(person.name, lang, plan) or Phrase(ident), affiliation))
    return tuple(result)


def _item(plan: Plan, session: Session, langs: tuple[str, ...]) -> Item:
    texts = tuple(
        ItemText(
            title=_in(session.title, lang, plan) or Phrase(session.base_id),
            place=present.place_name(plan, session, (lang, *plan.event.languages)),
            speakers=_credits(plan, session.speakers, lang),
            moderators=_credits(plan, session.moderators, lang),
        )
        for lang in langs
    )
    return Item(session.id, session.start, session.end, texts)


def _cover(plan: Plan, langs: tuple[str, ...]) -> tuple[CoverLine, ...]:
    event = plan.event

    def each(text: Text | None) -> tuple[Phrase, ...]:
        return tuple(p for lang in langs if (p := _in(text, lang, plan)) is not None)

    dates = tuple(
        Phrase(f"{paper.date_text(lang, event.start)} – {paper.date_text(lang, event.end)}", lang)
        for lang in langs
    )
    co_hosts = tuple(
        Phrase(
            present.list_separator(lang).join(
                p.text for host in event.co_hosts if (p := _in(host, lang, plan)) is not None
            ),
            lang,
        )
        for lang in langs
        if event.co_hosts
    )
    lines = (
        CoverLine("theme", each(event.theme)),
        CoverLine("dates", dates),
        CoverLine("city", each(event.city)),
        CoverLine("organizer", each(event.organizer)),
        CoverLine("co_hosts", co_hosts),
    )
    return tuple(line for line in lines if line.values)


def build(plan: Plan, langs: tuple[str, ...], stamp: Stamp, paper_size: str = "A4") -> Programme:
    days = []
    for number in range(1, plan.event.day_count + 1):
        day = plan.day_by_number.get(number)
        items = tuple(
            _item(plan, session, langs) for session in plan.sessions_on(number) if session.public
        )
        days.append(
            ProgrammeDay(
                number=number,
                date=plan.event.date_of(number),
                labels=tuple(_in(day.label if day else None, lang, plan) for lang in langs),
                items=items,
            )
        )
    return Programme(
        langs=langs,
        titles=tuple(p for lang in langs if (p := _in(plan.event.title, lang, plan)) is not None),
        cover=_cover(plan, langs),
        days=tuple(days),
        stamp=stamp,
        paper_size=paper_size,
    )


def _label(lang: str, key: str, **fields: object) -> str:
    return locales.label(lang, f"programme.{key}", **fields)


def _credits_html(named: tuple[Credit, ...], role: str, lang: str) -> str:
    if not named:
        return ""
    people = "".join(
        f'<li><span class="person">{span(c.name, lang)}</span>'
        + (
            f' <span class="affiliation">{" ".join(span(a, lang) for a in c.affiliation)}</span>'
            if c.affiliation
            else ""
        )
        + "</li>"
        for c in named
    )
    return (
        f'<div class="credits"><span class="role">{html.escape(_label(lang, role))}</span>'
        f"<ul>{people}</ul></div>"
    )


def _item_html(item: Item, langs: tuple[str, ...]) -> str:
    end = present.clock(item.end, item.start.date())
    cells = "".join(
        f'<td class="text" lang="{html.escape(paper.html_lang(lang))}">'
        f'<div class="title">{span(text.title, lang)}</div>'
        + (f'<div class="place">{html.escape(text.place)}</div>' if text.place else "")
        + _credits_html(text.speakers, "speakers", lang)
        + _credits_html(text.moderators, "moderators", lang)
        + "</td>"
        for lang, text in zip(langs, item.texts, strict=True)
    )
    return (
        f'<tr data-session="{html.escape(item.session)}"><td class="time">'
        f"{item.start:%H:%M}–{html.escape(end)}</td>{cells}</tr>"
    )


def _day_html(day: ProgrammeDay, langs: tuple[str, ...]) -> str:
    heads = "".join(
        f'<th lang="{html.escape(paper.html_lang(lang))}">'
        f"{html.escape(locales.label(lang, 'runsheet.day', n=day.number))} · "
        f"{html.escape(paper.date_text(lang, day.date))}"
        + (f"<br>{span(label, lang)}" if label is not None else "")
        + "</th>"
        for lang, label in zip(langs, day.labels, strict=True)
    )
    rows = "\n".join(_item_html(item, langs) for item in day.items)
    if not day.items:
        free = html.escape(_label(langs[0], "free"))
        rows = f'<tr><td colspan="{len(langs) + 1}">{free}</td></tr>'
    return (
        f'<section class="day" data-day="{day.number}"><table class="programme">'
        f'<thead><tr><th class="time"></th>{heads}</tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table></section>"
    )


def _cover_html(programme: Programme) -> str:
    langs = programme.langs
    titles = "".join(f'<h1 class="title">{span(t, "")}</h1>' for t in programme.titles)
    lines = "".join(
        "<tr>"
        + "".join(
            f'<th lang="{html.escape(paper.html_lang(lang))}">'
            f"{html.escape(_label(lang, line.key))}</th>"
            for lang in langs[:1]
        )
        + "<td>"
        + "".join(f'<div class="value">{span(v, "")}</div>' for v in line.values)
        + "</td></tr>"
        for line in programme.cover
    )
    heading = " / ".join(html.escape(_label(lang, "programme")) for lang in langs)
    return (
        f'<section class="cover"><p class="kind">{heading}</p>{titles}'
        f'<table class="facts">{lines}</table></section>'
    )


def render_html(programme: Programme) -> str:
    """The booklet as one self-contained page, printed A4 or A5 portrait from a browser."""
    first = programme.langs[0]
    labels = locales.Labels(first, "runsheet")
    body = (
        _cover_html(programme)
        + "\n".join(_day_html(day, programme.langs) for day in programme.days)
        + f'<p class="stamp">{html.escape(paper.stamp_text(programme.stamp, labels))}</p>'
    )
    size = programme.paper_size if programme.paper_size in PAPER_SIZES else "A4"
    css = (
        paper.stylesheet("programme.css")
        + f"@media print{{@page{{size:{size} portrait}}}}\n"
        + paper.page_footer_css(labels["page"])
    )
    return paper.html_document(
        lang=first,
        title=" / ".join(t.text for t in programme.titles),
        generator="programme",
        stamp=programme.stamp,
        css=css,
        body=body,
    )
