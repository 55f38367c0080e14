"""The head-table seating plan of one session: a row of numbered seats, names in each language.

Seats are numbered from the audience's left; the most senior person sits in the middle and the
others alternately beside them by the plan's ``[protocol] convention`` (``protocol.py``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from seminar_plan import locales, present
from seminar_plan.model import Plan, Session
from seminar_plan.protocol import head_table
from seminar_plan.text import printable
from seminar_plan.views import paper
from seminar_plan.views.paper import Phrase, Stamp, phrase, span, variants


@dataclass(frozen=True, slots=True)
class SeatCard:
    """One seat of a seating plan."""

    number: int
    precedence: int
    person: str
    # The person's name in each language of the sheet, without repeats of the same text.
    names: tuple[Phrase, ...]
    title: Phrase | None
    organization: Phrase | None


@dataclass(frozen=True, slots=True)
class SeatingPlan:
    """The seating plan of one session."""

    ui: str
    langs: tuple[str, ...]
    session: str
    titles: tuple[Phrase, ...]
    when: str
    place: str
    convention: str
    seats: tuple[SeatCard, ...]
    stamp: Stamp


def build(plan: Plan, session: Session, langs: tuple[str, ...], stamp: Stamp) -> SeatingPlan:
    ui = present.ui_language(plan, langs[0] if langs else None)
    order = (*langs, *plan.event.languages)
    seats = []
    for seat in head_table(plan, session):
        person = plan.person_by_id[seat.person]
        seats.append(
            SeatCard(
                number=seat.number,
                precedence=seat.precedence,
                person=seat.person,
                names=variants(person.name, langs) or (Phrase(seat.person),),
                title=phrase(person.title, order),
                organization=phrase(person.organization, order),
            )
        )
    end = present.clock(session.end, session.date)
    when = (
        f"{locales.label(ui, 'runsheet.day', n=session.day)} · "
        f"{paper.date_text(ui, session.date)} · {session.start:%H:%M}–{end}"
    )
    return SeatingPlan(
        ui=ui,
        langs=langs,
        session=session.id,
        titles=variants(session.title, langs),
        when=when,
        place=present.place_name(plan, session, order),
        convention=plan.protocol.convention,
        seats=tuple(seats),
        stamp=stamp,
    )


def _label(sheet: SeatingPlan, key: str, **fields: object) -> str:
    return locales.label(sheet.ui, f"seating.{key}", **fields)


def render_text(sheet: SeatingPlan) -> str:
    """The plan as plain text: one line a seat, from the audience's left."""
    titles = " / ".join(t.text for t in sheet.titles)
    lines = [
        f"{_label(sheet, 'heading')}: {titles}",
        " · ".join(part for part in (sheet.when, sheet.place) if part),
        _label(sheet, sheet.convention),
        "",
    ]
    if not sheet.seats:
        lines.append(_label(sheet, "nobody"))
    for seat in sheet.seats:
        names = " / ".join(name.text for name in seat.names)
        extra = " · ".join(p.text for p in (seat.title, seat.organization) if p is not None)
        lines.append(
            f"{_label(sheet, 'seat', n=seat.number)}  ({_label(sheet, 'rank', n=seat.precedence)})"
            f"  {names}" + (f"  — {extra}" if extra else "")
        )
    lines += ["", _label(sheet, "audience")]
    # For a terminal: the plan's control characters shown escaped.
    return printable("\n".join(lines) + "\n")


def render_html(sheet: SeatingPlan) -> str:
    """A printable A4 landscape page: the stage, a row of seat cards, the audience below."""
    ui = sheet.ui
    seats = (
        "".join(
            f'<div class="seat{" host" if seat.precedence == 1 else ""}" data-person='
            f'"{html.escape(seat.person)}"><div class="number">'
            f"{html.escape(_label(sheet, 'seat', n=seat.number))}</div>"
            f'<div class="rank">{html.escape(_label(sheet, "rank", n=seat.precedence))}</div>'
            + "".join(f'<div class="name">{span(name, ui)}</div>' for name in seat.names)
            + (f'<div class="title">{span(seat.title, ui)}</div>' if seat.title else "")
            + (f'<div class="org">{span(seat.organization, ui)}</div>' if seat.organization else "")
            + "</div>"
            for seat in sheet.seats
        )
        or f'<p class="nobody">{html.escape(_label(sheet, "nobody"))}</p>'
    )
    titles = " / ".join(span(title, ui) for title in sheet.titles)
    labels = locales.Labels(ui, "runsheet")
    body = (
        f'<header><span class="stamp">{html.escape(paper.stamp_text(sheet.stamp, labels))}'
        f"</span><h1>{html.escape(_label(sheet, 'heading'))}: {titles}</h1>"
        f"<p>{html.escape(' · '.join(p for p in (sheet.when, sheet.place) if p))}</p>"
        f'<p class="convention">{html.escape(_label(sheet, sheet.convention))}</p></header>'
        f'<div class="stage">{html.escape(_label(sheet, "stage"))}</div>'
        f'<div class="row">{seats}</div>'
        f'<div class="audience">{html.escape(_label(sheet, "audience"))}</div>'
    )
    return paper.html_document(
        lang=ui,
        title=f"{_label(sheet, 'heading')}: {' / '.join(t.text for t in sheet.titles)}",
        generator="seating",
        stamp=sheet.stamp,
        css=paper.stylesheet("seating.css"),
        body=body,
    )
