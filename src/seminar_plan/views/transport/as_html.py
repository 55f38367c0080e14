"""The manifest as one printable HTML page."""

from __future__ import annotations

import html
from collections.abc import Sequence

from seminar_plan import locales, present
from seminar_plan.views import paper
from seminar_plan.views.paper import Phrase, stamp_text
from seminar_plan.views.transport.manifest import FlightEntry, Manifest, Party, Rider, TransferEntry
from seminar_plan.views.transport.wording import (
    airport_text,
    by_date,
    clock,
    contact_text,
    date_heading,
    far_end_text,
    heading,
    load_text,
    pickup_text,
    ride_text,
    route_text,
    span,
)


def _h(value: Phrase | str | None, ui: str) -> str:
    """Escaped text; a phrase in another language than the page gets its lang span."""
    if isinstance(value, str):
        return html.escape(value)
    return paper.span(value, ui)


def _riders_html(riders: Sequence[Rider], ui: str) -> str:
    return "".join(
        f"<li>{_h(r.name, ui)}{f' <span class=title>{_h(r.title, ui)}</span>' if r.title else ''}"
        "</li>"
        for r in riders
    )


def _parties_html(parties: Sequence[Party], ui: str) -> str:
    return "".join(
        f"<li>{_h(p.name, ui)}" + (f" <b>{p.count}</b>" if p.count is not None else "") + "</li>"
        for p in parties
    )


def _flight_rows(manifest: Manifest, flights: Sequence[FlightEntry]) -> str:
    labels, ui = manifest.labels, manifest.ui
    rows = []
    for flight in flights:
        pickups = "".join(f"<li>{_h(pickup_text(p, ui), ui)}</li>" for p in flight.transfers)
        notes = f'<div class="notes">{_h(flight.notes, ui)}</div>' if flight.notes else ""
        rows.append(
            f'<tr class="flight {flight.direction}" data-flight="{html.escape(flight.id)}">'
            f'<td class="time">{clock(flight.at_airport)}</td>'
            f'<td class="flight"><b>{_h(flight.number, ui)}</b><br>'
            f"{_h(labels[flight.direction], ui)}</td>"
            f'<td class="route">{_h(airport_text(flight, labels), ui)}<br>'
            f"{_h(far_end_text(flight, labels), ui)}{notes}</td>"
            f'<td class="passengers"><div class="count">'
            f"{_h(labels['on_board'].format(n=flight.count), ui)}</div>"
            f"<ul>{_riders_html(flight.people, ui)}"
            f"{_parties_html((*flight.delegations, *flight.groups), ui)}</ul></td>"
            f'<td class="met">{f"<ul>{pickups}</ul>" if pickups else _h(labels["no_transfer"], ui)}'
            "</td>"
            '<td class="done"><span></span></td></tr>'
        )
    return "\n".join(rows)


def _transfer_rows(manifest: Manifest, transfers: Sequence[TransferEntry]) -> str:
    labels, ui = manifest.labels, manifest.ui
    rows = []
    for entry in transfers:
        rides = "".join(
            f"<li>{_h(ride_text(r, labels), ui)}"
            + (f"<br><small>{_h(contact_text(r.contact), ui)}</small>" if r.contact else "")
            + "</li>"
            for r in entry.vehicles
        )
        owner = ""
        if entry.owner is not None:
            owner = (
                f'<div class="owner">{_h(labels["owner"], ui)}: {_h(entry.owner.name, ui)}'
                + (f" — {_h(contact_text(entry.owner_contact), ui)}" if entry.owner_contact else "")
                + "</div>"
            )
        meets = (
            f'<div class="meets">{_h(labels["meets"], ui)}: '
            f"{_h(present.list_separator(ui).join(entry.flights), ui)}</div>"
            if entry.flights
            else ""
        )
        notes = f'<div class="notes">{_h(entry.notes, ui)}</div>' if entry.notes else ""
        over = entry.count is not None and entry.seats is not None and entry.count > entry.seats
        rows.append(
            f'<tr class="transfer{" over" if over else ""}" data-session="{html.escape(entry.id)}">'
            f'<td class="time">{span(entry.start, entry.end)}</td>'
            f'<td class="transfer"><b>{_h(entry.title, ui)}</b>{meets}{owner}{notes}</td>'
            f'<td class="route">{_h(route_text(entry, labels), ui)}</td>'
            f'<td class="vehicles"><ul>{rides}</ul>'
            f'<div class="count">{_h(load_text(entry, labels), ui)}</div></td>'
            f'<td class="passengers"><ul>{_riders_html(entry.people, ui)}'
            f"{_parties_html((*entry.delegations, *entry.groups), ui)}</ul></td>"
            '<td class="done"><span></span></td></tr>'
        )
    return "\n".join(rows)


def _table(manifest: Manifest, kind: str, columns: Sequence[str], rows: str, title: str) -> str:
    labels, ui = manifest.labels, manifest.ui
    head = "".join(f'<th class="{c}">{_h(labels[c], ui)}</th>' for c in columns)
    page_head = (
        f'<tr><th class="page-head" colspan="{len(columns)}">'
        f'<span class="stamp">{_h(stamp_text(manifest.stamp, locales.Labels(ui, "runsheet")), ui)}'
        f'</span><span class="event">{_h(heading(manifest), ui)}</span><br>{title}</th></tr>'
    )
    return (
        f'<table class="{kind}"><colgroup>'
        + "".join(f'<col class="c-{c}">' for c in columns)
        + f"</colgroup><thead>{page_head}<tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>"
    )


def render_html(manifest: Manifest) -> str:
    """One self-contained printable page: inline CSS, no scripts, nothing fetched."""
    labels, ui = manifest.labels, manifest.ui
    sections = []
    for date, flights, transfers in by_date(manifest):
        day = manifest.day_of(date)
        title = _h(date_heading(manifest, date, day), ui)
        parts = []
        if flights:
            parts.append(
                _table(
                    manifest,
                    "flights",
                    ("time", "flight", "route", "passengers", "transfers", "done"),
                    _flight_rows(manifest, flights),
                    f"{title} · {_h(labels['flights'], ui)}",
                )
            )
        if transfers:
            parts.append(
                _table(
                    manifest,
                    "transfers",
                    ("time", "transfer", "route", "vehicles", "passengers", "done"),
                    _transfer_rows(manifest, transfers),
                    f"{title} · {_h(labels['transfers'], ui)}",
                )
            )
        sections.append(f'<section class="day" data-date="{date}">' + "".join(parts) + "</section>")
    if not sections:
        sections.append(
            f'<section class="day"><h1>{_h(heading(manifest), ui)}</h1>'
            f"<p>{_h(labels['nothing'], ui)}</p></section>"
        )
    zone = f'<p class="zone">{_h(labels["timezone"].format(zone=manifest.timezone), ui)}</p>'
    css = paper.stylesheet("transport.css") + paper.page_footer_css(labels["page"])
    return paper.html_document(
        lang=ui,
        title=heading(manifest),
        generator="transport",
        stamp=manifest.stamp,
        css=css,
        body=zone + "\n" + "\n".join(sections),
    )
