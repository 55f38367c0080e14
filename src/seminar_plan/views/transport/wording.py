"""The manifest's shared wording, and the manifest as plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from seminar_plan import locales, present
from seminar_plan.text import cell_width, printable
from seminar_plan.views.paper import utc_offset
from seminar_plan.views.transport.manifest import (
    FlightEntry,
    Manifest,
    Party,
    Pickup,
    Ride,
    Rider,
    TransferEntry,
)


def clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def span(start: dt.datetime, end: dt.datetime) -> str:
    until = "24:00" if end.date() > start.date() else clock(end)
    return f"{clock(start)}–{until}"


def date_heading(manifest: Manifest, date: dt.date, plan_day: int | None) -> str:
    labels = manifest.labels
    text = labels["date"].format(
        year=date.year,
        month_name=locales.month(manifest.ui, date),
        day=date.day,
        weekday=locales.weekday(manifest.ui, date),
    )
    if plan_day is not None:
        return f"{labels['day'].format(n=plan_day)} · {text}"
    return text


def rider_text(rider: Rider) -> str:
    return f"{rider.name.text} ({rider.title.text})" if rider.title else rider.name.text


def party_text(party: Party) -> str:
    return f"{party.name.text} ({party.count})" if party.count is not None else party.name.text


def ride_text(ride: Ride, labels: Mapping[str, str]) -> str:
    parts = [ride.name.text]
    details = []
    if ride.kind is not None:
        details.append(ride.kind.text)
    if ride.seats is not None:
        details.append(labels["seats_n"].format(n=ride.seats))
    if ride.driver is not None:
        details.append(labels["driver"].format(name=ride.driver.text))
    if details:
        parts.append(f"({', '.join(details)})")
    return " ".join(parts)


def route_text(entry: TransferEntry, labels: Mapping[str, str]) -> str:
    source = entry.source.name.text if entry.source else labels["unknown_place"]
    return f"{source} → {entry.to.name.text}" if entry.to else source


def load_text(entry: TransferEntry, labels: Mapping[str, str]) -> str:
    """'12 on board · 90 seats'; an over-full transfer says so."""
    count = labels["on_board"].format(n="?" if entry.count is None else entry.count)
    if entry.seats is None:
        return count
    text = f"{count} · {labels['seats_n'].format(n=entry.seats)}"
    if entry.count is not None and entry.count > entry.seats:
        text += f" · {labels['over_seats']}"
    return text


def far_end_text(entry: FlightEntry, labels: Mapping[str, str]) -> str:
    """The other end's place and clock: 'from Narita 09:10 (UTC+09:00)'."""
    key = "from" if entry.direction == "arrival" else "to"
    when = f"{entry.far_end:%Y-%m-%d %H:%M} ({utc_offset(entry.far_end)})"
    if entry.far_end.date() == entry.at_airport.date():
        when = f"{clock(entry.far_end)} ({utc_offset(entry.far_end)})"
    place = entry.other_end.text if entry.other_end else ""
    return labels[key].format(place=place, time=when).replace("  ", " ").strip()


def airport_text(entry: FlightEntry, labels: Mapping[str, str]) -> str:
    key = "lands" if entry.direction == "arrival" else "leaves"
    return labels[key].format(
        airport=entry.airport.name.text,
        time=f"{clock(entry.at_airport)} ({utc_offset(entry.at_airport)})",
    )


def met_label(flight: FlightEntry) -> str:
    """The label of the transfers column: who meets an arrival, who takes people to a departure."""
    return "met_by" if flight.direction == "arrival" else "seen_off"


def pickup_text(pickup: Pickup, ui: str) -> str:
    vehicles = present.list_separator(ui).join(v.text for v in pickup.vehicles)
    return f"{clock(pickup.start)} {pickup.id}" + (f" ({vehicles})" if vehicles else "")


def contact_text(entries: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{kind}: {value}" for kind, value in entries)


def by_date(
    manifest: Manifest,
) -> Iterator[tuple[dt.date, list[FlightEntry], list[TransferEntry]]]:
    for date in manifest.dates:
        yield (
            date,
            [f for f in manifest.flights if f.date == date],
            [t for t in manifest.transfers if t.date == date],
        )


def heading(manifest: Manifest) -> str:
    labels = manifest.labels
    text = f"{labels['transport']} — {manifest.title.text}"
    if manifest.subject is not None:
        text += f" — {manifest.subject.text}"
    return text


# ---- plain text ------------------------------------------------------------------------------


INDENT = " " * 9


def _labelled(labels: Mapping[str, str], key: str, values: Sequence[str], sep: str) -> list[str]:
    """``         Key: a, b`` when there are values, else nothing."""
    return [f"{INDENT}{labels[key]}: {sep.join(values)}"] if values else []


def _flight_lines(manifest: Manifest, flight: FlightEntry) -> list[str]:
    labels, ui = manifest.labels, manifest.ui
    sep = present.list_separator(ui)
    riders = sep.join(rider_text(r) for r in flight.people) or "—"
    met = sep.join(pickup_text(p, ui) for p in flight.transfers) or labels["no_transfer"]
    return [
        f"  {clock(flight.at_airport)}  {flight.number}  {labels[flight.direction]}",
        f"{INDENT}{airport_text(flight, labels)}; {far_end_text(flight, labels)}",
        f"{INDENT}{labels['on_board'].format(n=flight.count)}: {riders}",
        *_labelled(labels, "delegations", [party_text(p) for p in flight.delegations], sep),
        *_labelled(labels, "groups", [party_text(p) for p in flight.groups], sep),
        f"{INDENT}{labels[met_label(flight)]}: {met}",
        *_labelled(labels, "notes", [flight.notes.text] if flight.notes else [], sep),
    ]


def _transfer_lines(manifest: Manifest, entry: TransferEntry) -> list[str]:
    labels = manifest.labels
    sep = present.list_separator(manifest.ui)
    contacts = [
        f"{INDENT}  {ride.name.text}: {contact_text(ride.contact)}"
        for ride in entry.vehicles
        if ride.contact
    ]
    owner = []
    if entry.owner is not None:
        text = rider_text(entry.owner)
        if entry.owner_contact:
            text += f" — {contact_text(entry.owner_contact)}"
        owner = [text]
    return [
        f"  {span(entry.start, entry.end)}  {entry.title.text} [{entry.id}]",
        f"{INDENT}{route_text(entry, labels)} · {load_text(entry, labels)}",
        *_labelled(labels, "vehicles", [ride_text(r, labels) for r in entry.vehicles], sep),
        *contacts,
        *_labelled(labels, "people", [rider_text(r) for r in entry.people], sep),
        *_labelled(labels, "delegations", [party_text(p) for p in entry.delegations], sep),
        *_labelled(labels, "groups", [party_text(p) for p in entry.groups], sep),
        *_labelled(labels, "meets", list(entry.flights), sep),
        *_labelled(labels, "owner", owner, sep),
        *_labelled(labels, "notes", [entry.notes.text] if entry.notes else [], sep),
    ]


def render_text(manifest: Manifest) -> str:
    """For the terminal: one block per flight and per transfer, grouped by day."""
    labels = manifest.labels
    out = [heading(manifest), labels["timezone"].format(zone=manifest.timezone), ""]
    if not manifest.flights and not manifest.transfers:
        out += [labels["nothing"], ""]
    for date, flights, transfers in by_date(manifest):
        title = date_heading(manifest, date, manifest.day_of(date))
        out += [title, "=" * cell_width(title)]
        if flights:
            out.append(labels["flights"])
            for flight in flights:
                out += _flight_lines(manifest, flight)
        if flights and transfers:
            out.append("")
        if transfers:
            out.append(labels["transfers"])
            for entry in transfers:
                out += _transfer_lines(manifest, entry)
        out.append("")
    # For a terminal: the plan's control characters shown escaped.
    return printable("\n".join(out))


# ---- Markdown --------------------------------------------------------------------------------
