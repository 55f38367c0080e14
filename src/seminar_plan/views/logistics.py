"""Rooming lists and catering orders: the plan's derived lodging and meal facts as text,
Markdown, CSV, JSON and the caterer's printable HTML order sheet (pure: the caller prints or
writes). Labels come from the catalogues; CSV and JSON keys are stable English."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from seminar_plan import locales, present
from seminar_plan.logistics import catering, lodging
from seminar_plan.model import Plan
from seminar_plan.text import (
    cell_width,
    csv_document,
    language_order,
    markdown_escape,
    pick,
    printable,
)
from seminar_plan.views import paper

# --- rooming ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestRow:
    """One guest of a hotel."""

    person: str
    name: str
    delegation: str
    hotel: str
    check_in: dt.date
    check_out: dt.date
    nights: int


@dataclass(frozen=True, slots=True)
class HotelView:
    """One hotel's nights and guests."""

    hotel: str
    name: str
    nights: tuple[lodging.Night, ...]
    guests: tuple[GuestRow, ...]


@dataclass(frozen=True, slots=True)
class Rooming:
    """The rooming list."""

    plan: str
    ui: str
    hotels: tuple[HotelView, ...]
    # Named people who need a bed and have no hotel.
    unhoused: tuple[GuestRow, ...]


def build_rooming(plan: Plan, path: str, *, hotel: str | None, lang: str | None) -> Rooming:
    """Every hotel (or only ``hotel``) night by night, with its guests by check-in."""
    order = language_order(plan, lang)

    def row(guest: lodging.Guest) -> GuestRow:
        person = plan.person_by_id[guest.person]
        return GuestRow(
            guest.person,
            pick(person.name, order),
            person.delegation or "",
            guest.hotel or "",
            guest.check_in,
            guest.check_out,
            guest.nights,
        )

    everyone = [row(guest) for guest in lodging.guests(plan)]
    everyone.sort(key=lambda g: (g.check_in, g.check_out, g.delegation, g.person))
    hotels = []
    for nights in lodging.rooming(plan):
        if hotel is not None and nights.hotel != hotel:
            continue
        venue = plan.venue_by_id.get(nights.hotel)
        hotels.append(
            HotelView(
                nights.hotel,
                pick(venue.name, order) if venue is not None else nights.hotel,
                nights.nights,
                tuple(g for g in everyone if g.hotel == nights.hotel),
            )
        )
    unhoused = () if hotel is not None else tuple(g for g in everyone if not g.hotel)
    return Rooming(path, present.ui_language(plan, lang), tuple(hotels), unhoused)


def rooming_hotels(plan: Plan) -> list[str]:
    """Hotels ``--hotel`` may name: every hotel someone sleeps at or has a booking at."""
    return [nights.hotel for nights in lodging.rooming(plan)]


def _aligned(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> list[str]:
    """Columns padded to their widest cell (East Asian wide characters count two)."""
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            pad = " " * (widths[index] - cell_width(cell))
            cells.append(pad + cell if index in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def _markdown(table: Sequence[Sequence[str]]) -> list[str]:
    head, *body = table
    lines = ["| " + " | ".join(markdown_escape(cell) for cell in head) + " |"]
    lines.append("|" + "---|" * len(head))
    lines += ["| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in body]
    return lines


def _who(ui: str, night: lodging.Night) -> str:
    parts = list(night.people)
    if night.unnamed:
        parts.append(locales.label(ui, "rooming.unnamed", n=night.unnamed))
    return ", ".join(parts)


def _nights_table(ui: str, hotel: HotelView) -> list[tuple[str, ...]]:
    words = [locales.label(ui, f"rooming.{key}") for key in ("night", "needed", "beds", "gap")]
    table: list[tuple[str, ...]] = [(*words, locales.label(ui, "rooming.who"))]
    table += [
        (
            f"{n.date:%Y-%m-%d}",
            str(n.needed),
            str(n.beds),
            f"-{n.short}" if n.short else "",
            _who(ui, n),
        )
        for n in hotel.nights
    ]
    return table


GUEST_COLUMNS = ("hotel", "check_in", "check_out", "nights", "person", "name", "delegation")


def _guest_cells(g: GuestRow) -> tuple[str, ...]:
    """A guest's cells under ``GUEST_COLUMNS[1:]``: the rooming list's and the CSV's alike."""
    return (
        f"{g.check_in:%Y-%m-%d}",
        f"{g.check_out:%Y-%m-%d}",
        str(g.nights),
        g.person,
        g.name,
        g.delegation,
    )


def _guest_table(ui: str, guests: Iterable[GuestRow]) -> list[tuple[str, ...]]:
    keys = GUEST_COLUMNS[1:]
    table: list[tuple[str, ...]] = [tuple(locales.label(ui, f"rooming.{key}") for key in keys)]
    table += [_guest_cells(g) for g in guests]
    return table


def rooming_text(rooming: Rooming) -> str:
    ui = rooming.ui
    lines = [locales.label(ui, "rooming.title", plan=rooming.plan)]
    if not rooming.hotels and not rooming.unhoused:
        lines.append(locales.label(ui, "rooming.empty"))
    for hotel in rooming.hotels:
        lines += ["", f"{hotel.name} ({hotel.hotel})"]
        table = _nights_table(ui, hotel)
        lines += ["  " + line for line in _aligned(table, frozenset({1, 2, 3}))]
        if hotel.guests:
            lines += ["", "  " + locales.label(ui, "rooming.guests")]
            lines += ["  " + line for line in _aligned(_guest_table(ui, hotel.guests))]
    if rooming.unhoused:
        lines += ["", locales.label(ui, "rooming.unhoused")]
        lines += ["  " + line for line in _aligned(_guest_table(ui, rooming.unhoused))]
    return printable("\n".join(lines) + "\n")


def rooming_markdown(rooming: Rooming) -> str:
    ui = rooming.ui
    lines = ["# " + markdown_escape(locales.label(ui, "rooming.title", plan=rooming.plan))]
    if not rooming.hotels and not rooming.unhoused:
        lines += ["", locales.label(ui, "rooming.empty")]
    for hotel in rooming.hotels:
        lines += ["", f"## {markdown_escape(hotel.name)} ({markdown_escape(hotel.hotel)})", ""]
        lines += _markdown(_nights_table(ui, hotel))
        if hotel.guests:
            lines += ["", "### " + locales.label(ui, "rooming.guests"), ""]
            lines += _markdown(_guest_table(ui, hotel.guests))
    if rooming.unhoused:
        lines += ["", "## " + locales.label(ui, "rooming.unhoused"), ""]
        lines += _markdown(_guest_table(ui, rooming.unhoused))
    return "\n".join(lines) + "\n"


def rooming_csv(rooming: Rooming) -> str:
    """The front desk's list: one row per guest (check-in, check-out, hotel), hotel by hotel."""
    rows = [(g.hotel, *_guest_cells(g)) for hotel in rooming.hotels for g in hotel.guests]
    return csv_document([GUEST_COLUMNS, *rows])


def rooming_json(rooming: Rooming) -> str:
    """``{"plan", "hotels": [{"hotel", "nights": [...]}]}`` as the contract gives it; each hotel
    also lists its ``guests``."""
    document = {
        "plan": rooming.plan,
        "hotels": [
            {
                "hotel": hotel.hotel,
                "nights": [
                    {
                        "date": f"{n.date:%Y-%m-%d}",
                        "needed": n.needed,
                        "beds": n.beds,
                        "people": list(n.people),
                        "unnamed": n.unnamed,
                    }
                    for n in hotel.nights
                ],
                "guests": [
                    {
                        "person": g.person,
                        "check_in": f"{g.check_in:%Y-%m-%d}",
                        "check_out": f"{g.check_out:%Y-%m-%d}",
                        "nights": g.nights,
                    }
                    for g in hotel.guests
                ],
            }
            for hotel in rooming.hotels
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- catering --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MealRow:
    """One meal's counts."""

    id: str
    day: int
    start: dt.datetime
    end: dt.datetime
    title: paper.Phrase | None
    kind: str
    place: str
    count: int
    diets: tuple[tuple[str, int], ...]

    @property
    def date(self) -> dt.date:
        return self.start.date()

    @property
    def end_clock(self) -> str:
        return present.clock(self.end, self.date)

    @property
    def span(self) -> str:
        return f"{self.start:%H:%M}-{self.end_clock}"

    @property
    def title_text(self) -> str:
        return self.title.text if self.title is not None else self.id


@dataclass(frozen=True, slots=True)
class Catering:
    """The catering sheet."""

    plan: str
    title: str
    ui: str
    meals: tuple[MealRow, ...]


def build_catering(plan: Plan, path: str, *, day: int | None, lang: str | None) -> Catering:
    """Every meal and reception (of one day, or all) in time order, with its counts."""
    order = language_order(plan, lang)
    rows = tuple(
        MealRow(
            meal.session.id,
            meal.session.day,
            meal.session.start,
            meal.session.end,
            paper.phrase(meal.session.title, order),
            meal.session.kind,
            present.place_name(plan, meal.session, order),
            meal.count,
            meal.diets,
        )
        for meal in catering.catering(plan, day)
    )
    return Catering(path, pick(plan.event.title, order), present.ui_language(plan, lang), rows)


def _diets_text(diets: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{tag} {n}" for tag, n in diets)


def _meal_table(ui: str, meals: Iterable[MealRow]) -> list[tuple[str, ...]]:
    keys = ("date", "time", "meal", "place", "count", "diets")
    table: list[tuple[str, ...]] = [tuple(locales.label(ui, f"catering.{key}") for key in keys)]
    table += [
        (
            f"{m.date:%Y-%m-%d}",
            m.span,
            m.title_text,
            m.place,
            str(m.count),
            _diets_text(m.diets),
        )
        for m in meals
    ]
    return table


def catering_text(report: Catering) -> str:
    ui = report.ui
    lines = [locales.label(ui, "catering.title", event=report.title), report.plan]
    if not report.meals:
        return printable("\n".join([*lines, locales.label(ui, "catering.empty")]) + "\n")
    table = _aligned(_meal_table(ui, report.meals), frozenset({4}))
    return printable("\n".join([*lines, "", *table]) + "\n")


def catering_markdown(report: Catering) -> str:
    ui = report.ui
    lines = ["# " + markdown_escape(locales.label(ui, "catering.title", event=report.title)), ""]
    if not report.meals:
        return "\n".join([*lines, locales.label(ui, "catering.empty")]) + "\n"
    return "\n".join([*lines, *_markdown(_meal_table(ui, report.meals))]) + "\n"


MEAL_COLUMNS = ("id", "date", "start", "end", "meal", "kind", "place", "count", "diets")


def catering_csv(report: Catering) -> str:
    """One row per meal; ``diets`` is ``tag=N`` pairs joined by ``;``."""
    rows = [
        (
            m.id,
            f"{m.date:%Y-%m-%d}",
            f"{m.start:%H:%M}",
            m.end_clock,
            m.title_text,
            m.kind,
            m.place,
            str(m.count),
            ";".join(f"{tag}={n}" for tag, n in m.diets),
        )
        for m in report.meals
    ]
    return csv_document([MEAL_COLUMNS, *rows])


def catering_json(report: Catering) -> str:
    """``{"plan", "meals": [{"id", "date", "start", "end", "count", "diets"}]}`` in time order
    (each meal also has its ``title``, ``kind`` and ``place``)."""
    document: dict[str, Any] = {
        "plan": report.plan,
        "meals": [
            {
                "id": m.id,
                "date": f"{m.date:%Y-%m-%d}",
                "start": f"{m.start:%H:%M}",
                "end": m.end_clock,
                "count": m.count,
                "diets": dict(m.diets),
                "title": m.title_text,
                "kind": m.kind,
                "place": m.place,
            }
            for m in report.meals
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _day_html(ui: str, meals: Sequence[MealRow]) -> str:
    rows = []
    totals: dict[str, int] = {}
    for m in meals:
        for tag, n in m.diets:
            totals[tag] = totals.get(tag, 0) + n
        diets = "".join(f"<li>{html.escape(tag)}: <b>{n}</b></li>" for tag, n in m.diets)
        rows.append(
            f'<tr class="meal"><td class="time">{html.escape(m.span)}</td>'
            f'<td class="meal">{paper.span(m.title, ui)}<br><small>{html.escape(m.id)}</small>'
            f'</td><td class="place">{html.escape(m.place)}</td>'
            f'<td class="count">{m.count}</td>'
            f'<td class="diets">{f"<ul>{diets}</ul>" if diets else "—"}</td>'
            '<td class="ok"><span></span></td></tr>'
        )
    total = sum(m.count for m in meals)
    summed = ", ".join(f"{html.escape(tag)} {n}" for tag, n in sorted(totals.items()))
    first = meals[0]
    heading = (
        f"{locales.label(ui, 'catering.day', n=first.day)} · {paper.date_text(ui, first.date)}"
    )
    headers = "".join(
        f"<th>{html.escape(locales.label(ui, f'catering.{key}'))}</th>"
        for key in ("time", "meal", "place", "count", "diets", "ok")
    )
    columns = "".join(
        f'<col class="c-{key}">' for key in ("time", "meal", "place", "count", "diets", "ok")
    )
    return (
        f'<section class="day"><h2>{html.escape(heading)}</h2>\n'
        f"<table><colgroup>{columns}</colgroup><thead><tr>{headers}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + '\n</tbody><tfoot><tr><td colspan="3">'
        f"{html.escape(locales.label(ui, 'catering.day_total'))}</td>"
        f'<td class="count">{total}</td><td>{summed or "—"}</td><td></td></tr></tfoot>'
        "</table></section>"
    )


def catering_html(report: Catering, stamp: paper.Stamp) -> str:
    """The caterer's order sheet: one self-contained page (inline CSS, no scripts, nothing
    fetched), a table per day, the stamp that tells two printouts apart."""
    ui = report.ui
    by_day: dict[int, list[MealRow]] = {}
    for meal in report.meals:
        by_day.setdefault(meal.day, []).append(meal)
    sections = "\n".join(_day_html(ui, meals) for meals in by_day.values())
    if not sections:
        sections = f'<p class="empty">{html.escape(locales.label(ui, "catering.empty"))}</p>'
    title = locales.label(ui, "catering.order", event=report.title)
    stamp_line = paper.stamp_text(stamp, {"generated": locales.label(ui, "runsheet.generated")})
    body = (
        f'<header><span class="stamp">{html.escape(stamp_line)}</span>'
        f"<h1>{html.escape(title)}</h1></header>\n{sections}\n"
        f'<p class="sign">{html.escape(locales.label(ui, "catering.confirmed"))}<span></span>'
        f"{html.escape(locales.label(ui, 'catering.signature'))}<span></span></p>"
    )
    css = paper.stylesheet("catering.css") + paper.page_footer_css(
        locales.label(ui, "runsheet.page")
    )
    return paper.html_document(
        lang=ui, title=title, generator="catering", stamp=stamp, css=css, body=body
    )
