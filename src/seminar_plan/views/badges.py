"""Name badges and place cards for named people (pure: plan -> cards -> HTML).

A badge shows the name in the person's own language large, the name in the other working
language below it, title and organisation, and a band in the colour of the delegation. Eight
badges (90 x 55 mm) fill an A4 sheet, with cut marks; each sheet of fronts is followed by its
backs, mirrored column by column so that a long-edge duplex print puts each back behind its
front (a lanyard badge that turns round still shows the name).

A place card is an A4 landscape sheet folded along the middle into a table tent: the name on
both faces, the upper face turned upside down so it reads right way up once folded.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seminar_plan import locales
from seminar_plan.model import Plan
from seminar_plan.views import paper
from seminar_plan.views.paper import Phrase, Stamp, phrase, span, variants

# Delegation colours in the order delegations are written, strong enough for a band and white
# text, and told apart in greyscale by their lightness.
PALETTE = ("#b71c1c", "#0d47a1", "#1b5e20", "#e65100", "#4a148c", "#006064", "#3e2723", "#37474f")
NO_DELEGATION = "#757575"
COLUMNS, ROWS = 2, 4


@dataclass(frozen=True, slots=True)
class NameCard:
    """One person's name card."""

    person: str
    # The name in the person's own language first, then in the other working languages.
    names: tuple[Phrase, ...]
    titles: tuple[Phrase, ...]
    organizations: tuple[Phrase, ...]
    delegation: Phrase | None
    colour: str


@dataclass(frozen=True, slots=True)
class CardSheet:
    """The name cards to print."""

    ui: str
    cards: tuple[NameCard, ...]
    stamp: Stamp


def card_languages(plan: Plan, person: str) -> tuple[str, ...]:
    """The person's own language first, then the event's working languages."""
    own = plan.language_of(person)
    return tuple(dict.fromkeys((*((own,) if own else ()), *plan.event.languages)))


def cards(plan: Plan, people: Iterable[str]) -> tuple[NameCard, ...]:
    colours = {
        delegation.id: PALETTE[index % len(PALETTE)]
        for index, delegation in enumerate(plan.delegations)
    }
    result = []
    for ident in people:
        person = plan.person_by_id[ident]
        langs = card_languages(plan, ident)
        delegation = (
            plan.delegation_by_id.get(person.delegation) if person.delegation is not None else None
        )
        result.append(
            NameCard(
                person=ident,
                names=variants(person.name, langs) or (Phrase(ident),),
                titles=variants(person.title, langs[:2]),
                organizations=variants(person.organization, langs[:2]),
                delegation=phrase(delegation.name, langs) if delegation is not None else None,
                colour=colours.get(person.delegation or "", NO_DELEGATION),
            )
        )
    return tuple(result)


def _lines(values: Sequence[Phrase], css: str, ui: str) -> str:
    return "".join(f'<div class="{css}">{span(value, ui)}</div>' for value in values)


def _badge_html(card: NameCard | None, ui: str) -> str:
    if card is None:
        return '<div class="badge empty"></div>'
    first, *others = card.names
    band = span(card.delegation, ui) if card.delegation is not None else ""
    return (
        f'<div class="badge" data-person="{html.escape(card.person)}">'
        f'<div class="band" style="background:{card.colour}">{band}</div>'
        f'<div class="name">{span(first, ui)}</div>'
        + _lines(others, "other", ui)
        + _lines(card.titles[:1], "title", ui)
        + _lines(card.organizations, "org", ui)
        + "</div>"
    )


def _cut_marks() -> str:
    """Short lines outside the grid at every column and row edge."""
    marks = []
    left, top, width, height = 15.0, 38.5, 90.0, 55.0
    for column in range(COLUMNS + 1):
        x = left + column * width
        marks.append(f'<i class="v" style="left:{x}mm;top:{top - 8}mm"></i>')
        marks.append(f'<i class="v" style="left:{x}mm;top:{top + ROWS * height + 2}mm"></i>')
    for row in range(ROWS + 1):
        y = top + row * height
        marks.append(f'<i class="h" style="top:{y}mm;left:{left - 8}mm"></i>')
        marks.append(f'<i class="h" style="top:{y}mm;left:{left + COLUMNS * width + 2}mm"></i>')
    return "".join(marks)


def render_badges_html(sheet: CardSheet) -> str:
    per_page = COLUMNS * ROWS
    pages = []
    labels = locales.Labels(sheet.ui, "runsheet")
    stamp = html.escape(paper.stamp_text(sheet.stamp, labels))
    for start in range(0, len(sheet.cards), per_page):
        chunk: list[NameCard | None] = list(sheet.cards[start : start + per_page])
        chunk += [None] * (per_page - len(chunk))
        grid_rows = [chunk[r * COLUMNS : (r + 1) * COLUMNS] for r in range(ROWS)]
        for side, rows in (("front", grid_rows), ("back", [row[::-1] for row in grid_rows])):
            cells = "".join(_badge_html(card, sheet.ui) for row in rows for card in row)
            pages.append(
                f'<section class="sheet {side}"><div class="stamp">{stamp} · '
                f"{html.escape(locales.label(sheet.ui, f'badges.{side}'))}</div>"
                f'<div class="grid">{cells}</div>{_cut_marks()}</section>'
            )
    if not pages:
        pages.append(f"<p>{html.escape(locales.label(sheet.ui, 'badges.nobody'))}</p>")
    return paper.html_document(
        lang=sheet.ui,
        title=locales.label(sheet.ui, "badges.title"),
        generator="badges",
        stamp=sheet.stamp,
        css=paper.stylesheet("badges.css"),
        body="\n".join(pages),
    )


def name_size(text: str) -> float:
    """A font size in points that fits ``text`` on one line of a 270 mm face (72 pt at most):
    a CJK character is about one em wide, a Latin letter about 0.6."""
    ems = sum(1.0 if ord(char) > 0x2E7F else 0.6 for char in text) or 1.0
    return round(min(72.0, 270 * 72 / 25.4 / ems), 1)


def render_placecards_html(sheet: CardSheet) -> str:
    pages = []
    labels = locales.Labels(sheet.ui, "runsheet")
    stamp = html.escape(paper.stamp_text(sheet.stamp, labels))
    for card in sheet.cards:
        first, *others = card.names
        face = (
            f'<div class="name" style="font-size:{name_size(first.text)}pt">'
            f"{span(first, sheet.ui)}</div>"
            + _lines(others, "other", sheet.ui)
            + _lines(card.organizations[:1], "org", sheet.ui)
        )
        pages.append(
            f'<section class="tent" data-person="{html.escape(card.person)}">'
            f'<div class="face upper">{face}</div><div class="fold"></div>'
            f'<div class="face lower">{face}</div><div class="stamp">{stamp}</div></section>'
        )
    if not pages:
        pages.append(f"<p>{html.escape(locales.label(sheet.ui, 'badges.nobody'))}</p>")
    return paper.html_document(
        lang=sheet.ui,
        title=locales.label(sheet.ui, "badges.placecards"),
        generator="placecards",
        stamp=sheet.stamp,
        css=paper.stylesheet("placecards.css"),
        body="\n".join(pages),
    )
