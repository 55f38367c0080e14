"""Rooming lists and catering orders: the plan's derived lodging and meal facts as text,
Markdown, CSV, JSON and a printable HTML order sheet (pure: the caller prints or writes)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from seminar_plan.logistics import catering, lodging
from seminar_plan.model import Plan, Session
from seminar_plan.text import cell_width, language_order, markdown_escape, neutralise, pick
from seminar_plan.views.paper import Stamp, stamp_text

# --- rooming ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestRow:
    person: str
    name: str
    delegation: str
    hotel: str
    check_in: dt.date
    check_out: dt.date
    nights: int


@dataclass(frozen=True, slots=True)
class HotelView:
    hotel: str
    name: str
    nights: tuple[lodging.Night, ...]
    guests: tuple[GuestRow, ...]


@dataclass(frozen=True, slots=True)
class Rooming:
    plan: str
    hotels: tuple[HotelView, ...]
    # Named people who need a bed and have no hotel.
    unhoused: tuple[GuestRow, ...]


def build_rooming(plan: Plan, path: str, *, hotel: str | None, lang: str | None) -> Rooming:
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
    return Rooming(path, tuple(hotels), unhoused)


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


def _who(night: lodging.Night) -> str:
    named = ", ".join(night.people)
    if not night.unnamed:
        return named
    others = f"{night.unnamed} unnamed"
    return f"{named} + {others}" if named else others


def _gap(night: lodging.Night) -> str:
    return f"-{night.short}" if night.short else ""


def rooming_text(rooming: Rooming) -> str:
    lines = [f"Rooming: {rooming.plan}"]
    if not rooming.hotels and not rooming.unhoused:
        lines.append("No hotels or bookings in this plan.")
    for hotel in rooming.hotels:
        lines += ["", f"{hotel.name} ({hotel.hotel})"]
        table = [("night", "needed", "beds", "gap", "who")]
        table += [
            (f"{n.date:%Y-%m-%d}", str(n.needed), str(n.beds), _gap(n), _who(n))
            for n in hotel.nights
        ]
        lines += ["  " + line for line in _aligned(table, frozenset({1, 2, 3}))]
        if hotel.guests:
            lines += ["", "  Guests"]
            lines += ["  " + line for line in _aligned(_guest_table(hotel.guests))]
    if rooming.unhoused:
        lines += ["", "No hotel given (need a bed)"]
        lines += ["  " + line for line in _aligned(_guest_table(rooming.unhoused))]
    return "\n".join(lines) + "\n"


def _guest_table(guests: Iterable[GuestRow]) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = [
        ("check-in", "check-out", "nights", "person", "name", "delegation")
    ]
    table += [
        (
            f"{g.check_in:%Y-%m-%d}",
            f"{g.check_out:%Y-%m-%d}",
            str(g.nights),
            g.person,
            g.name,
            g.delegation,
        )
        for g in guests
    ]
    return table


def _markdown(table: Sequence[Sequence[str]]) -> list[str]:
    head, *body = table
    lines = ["| " + " | ".join(markdown_escape(cell) for cell in head) + " |"]
    lines.append("|" + "---|" * len(head))
    lines += ["| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in body]
    return lines


def rooming_markdown(rooming: Rooming) -> str:
    lines = [f"# Rooming: {markdown_escape(rooming.plan)}"]
    if not rooming.hotels and not rooming.unhoused:
        lines += ["", "No hotels or bookings in this plan."]
    for hotel in rooming.hotels:
        lines += ["", f"## {markdown_escape(hotel.name)} ({markdown_escape(hotel.hotel)})", ""]
        table = [("night", "needed", "beds", "gap", "who")]
        table += [
            (f"{n.date:%Y-%m-%d}", str(n.needed), str(n.beds), _gap(n), _who(n))
            for n in hotel.nights
        ]
        lines += _markdown(table)
        if hotel.guests:
            lines += ["", "### Guests", ""]
            lines += _markdown(_guest_table(hotel.guests))
    if rooming.unhoused:
        lines += ["", "## No hotel given (need a bed)", ""]
        lines += _markdown(_guest_table(rooming.unhoused))
    return "\n".join(lines) + "\n"


GUEST_COLUMNS = ("hotel", "check_in", "check_out", "nights", "person", "name", "delegation")


def rooming_csv(rooming: Rooming) -> str:
    """The front desk's list: one row per guest (check-in, check-out, hotel), by hotel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(GUEST_COLUMNS)
    for hotel in rooming.hotels:
        for g in hotel.guests:
            cells = (
                g.hotel,
                f"{g.check_in:%Y-%m-%d}",
                f"{g.check_out:%Y-%m-%d}",
                str(g.nights),
                g.person,
                g.name,
                g.delegation,
            )
            writer.writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue()


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
    id: str
    day: int
    start: dt.datetime
    end: dt.datetime
    title: str
    kind: str
    place: str
    count: int
    diets: tuple[tuple[str, int], ...]

    @property
    def date(self) -> dt.date:
        return self.start.date()

    @property
    def span(self) -> str:
        end = "24:00" if self.end.date() > self.start.date() else f"{self.end:%H:%M}"
        return f"{self.start:%H:%M}-{end}"


@dataclass(frozen=True, slots=True)
class Catering:
    plan: str
    title: str
    lang: str
    meals: tuple[MealRow, ...]


def _place(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    room = plan.room_of(session)
    venue = plan.venue_by_id.get(plan.venue_of(session) or "")
    parts = []
    if venue is not None:
        parts.append(pick(venue.name, order))
    if room is not None:
        parts.append(pick(room.name, order))
    return ", ".join(parts)


def build_catering(plan: Plan, path: str, *, day: int | None, lang: str | None) -> Catering:
    order = language_order(plan, lang)
    rows = tuple(
        MealRow(
            meal.session.id,
            meal.session.day,
            meal.session.start,
            meal.session.end,
            pick(meal.session.title, order),
            meal.session.kind,
            _place(plan, meal.session, order),
            meal.count,
            meal.diets,
        )
        for meal in catering.catering(plan, day)
    )
    return Catering(path, pick(plan.event.title, order), order[0] if order else "en", rows)


def _diets_text(diets: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{tag} {n}" for tag, n in diets)


def _meal_table(meals: Iterable[MealRow]) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = [("date", "time", "meal", "place", "count", "diets")]
    table += [
        (f"{m.date:%Y-%m-%d}", m.span, m.title, m.place, str(m.count), _diets_text(m.diets))
        for m in meals
    ]
    return table


def catering_text(report: Catering) -> str:
    lines = [f"Catering: {report.title} ({report.plan})"]
    if not report.meals:
        return "\n".join([*lines, "No meals or receptions."]) + "\n"
    return "\n".join([*lines, "", *_aligned(_meal_table(report.meals), frozenset({4}))]) + "\n"


def catering_markdown(report: Catering) -> str:
    lines = [f"# Catering: {markdown_escape(report.title)}", ""]
    if not report.meals:
        return "\n".join([*lines, "No meals or receptions."]) + "\n"
    return "\n".join([*lines, *_markdown(_meal_table(report.meals))]) + "\n"


MEAL_COLUMNS = ("id", "date", "start", "end", "meal", "kind", "place", "count", "diets")


def catering_csv(report: Catering) -> str:
    """One row per meal; ``diets`` is ``tag=N`` pairs separated by ``;``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MEAL_COLUMNS)
    for m in report.meals:
        cells = (
            m.id,
            f"{m.date:%Y-%m-%d}",
            f"{m.start:%H:%M}",
            m.span.split("-")[1],
            m.title,
            m.kind,
            m.place,
            str(m.count),
            ";".join(f"{tag}={n}" for tag, n in m.diets),
        )
        writer.writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue()


def catering_json(report: Catering) -> str:
    """``{"plan", "meals": [{"id", "date", "start", "end", "count", "diets"}]}`` in time order."""
    document: dict[str, Any] = {
        "plan": report.plan,
        "meals": [
            {
                "id": m.id,
                "date": f"{m.date:%Y-%m-%d}",
                "start": f"{m.start:%H:%M}",
                "end": m.span.split("-")[1],
                "count": m.count,
                "diets": dict(m.diets),
                "title": m.title,
                "kind": m.kind,
                "place": m.place,
            }
            for m in report.meals
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_ORDER_CSS = """\
*{box-sizing:border-box}
html{font-family:"Noto Sans","Noto Sans CJK SC","Noto Sans CJK JP","Source Han Sans",
"Helvetica Neue",Arial,sans-serif;font-size:10pt;color:#000;background:#fff}
body{margin:0}
header{border-bottom:1pt solid #000;padding:0 0 3pt 0;margin:0 0 8pt 0}
h1{font-size:14pt;margin:0}
.stamp{float:right;font-family:monospace;font-size:8pt}
h2{font-size:11pt;margin:10pt 0 3pt 0}
table{width:100%;border-collapse:collapse}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{border:0.5pt solid #555;padding:3pt;vertical-align:top;text-align:left;
overflow-wrap:anywhere}
thead th{background:#e6e6e6;font-size:9pt}
td.count{text-align:right;font-size:12pt;font-weight:bold;width:12%}
td.time{width:12%;white-space:nowrap}
td.diets ul{margin:0;padding-left:12pt}
tfoot td{font-weight:bold;background:#f2f2f2}
td.ok span{display:inline-block;width:10pt;height:10pt;border:1pt solid #000}
section.day{break-inside:auto}
p.empty{font-style:italic}
p.sign{margin-top:16pt}
@media screen{body{margin:12px}}
@media print{@page{size:A4 portrait;margin:12mm}}
"""


def _day_html(meals: Sequence[MealRow]) -> str:
    rows = []
    totals: dict[str, int] = {}
    for m in meals:
        for tag, n in m.diets:
            totals[tag] = totals.get(tag, 0) + n
        diets = "".join(f"<li>{html.escape(tag)}: <b>{n}</b></li>" for tag, n in m.diets)
        rows.append(
            f'<tr class="meal"><td class="time">{html.escape(m.span)}</td>'
            f'<td class="meal">{html.escape(m.title)}<br><small>{html.escape(m.id)}</small></td>'
            f'<td class="place">{html.escape(m.place)}</td>'
            f'<td class="count">{m.count}</td>'
            f'<td class="diets">{f"<ul>{diets}</ul>" if diets else "—"}</td>'
            '<td class="ok"><span></span></td></tr>'
        )
    total = sum(m.count for m in meals)
    summed = ", ".join(f"{html.escape(tag)} {n}" for tag, n in sorted(totals.items()))
    first = meals[0]
    return (
        f'<section class="day"><h2>Day {first.day} · {first.date:%Y-%m-%d} ({first.date:%A})</h2>\n'
        "<table><thead><tr><th>Time</th><th>Meal</th><th>Place</th><th>Count</th>"
        "<th>Special diets</th><th>OK</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + f'\n</tbody><tfoot><tr><td colspan="3">Day total</td><td class="count">{total}</td>'
        f"<td>{summed or '—'}</td><td></td></tr></tfoot></table></section>"
    )


def catering_html(report: Catering, stamp: Stamp) -> str:
    """The caterer's order sheet: one self-contained page (inline CSS, no scripts, nothing
    fetched), a table per day, the stamp that tells two printouts apart."""
    by_day: dict[int, list[MealRow]] = {}
    for meal in report.meals:
        by_day.setdefault(meal.day, []).append(meal)
    sections = "\n".join(_day_html(meals) for meals in by_day.values())
    if not sections:
        sections = '<p class="empty">No meals or receptions.</p>'
    title = html.escape(f"Catering order — {report.title}")
    stamp_line = html.escape(stamp_text(stamp, {"generated": "generated"}))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(report.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="seminar-plan catering">\n'
        f'<meta name="plan-digest" content="{html.escape(stamp.digest)}">\n'
        f"<title>{title}</title>\n<style>\n{_ORDER_CSS}</style>\n</head>\n<body>\n"
        f'<header><span class="stamp">{stamp_line}</span><h1>{title}</h1></header>\n'
        f"{sections}\n"
        '<p class="sign">Confirmed by the caterer: ____________________ Date: __________</p>\n'
        "</body>\n</html>\n"
    )
