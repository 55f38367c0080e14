"""Transport manifests: each transfer with who it carries, each flight as a greeter's list.

``build`` turns the plan into a ``Manifest`` (data); ``render_text``, ``render_markdown``,
``render_csv``, ``render_json`` and ``render_html`` turn that into text. All pure: the stamp
(plan name, content hash, when) comes in from the caller, and contact details are in the
manifest only when the caller asks for them.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from seminar_plan import locales, present
from seminar_plan.logistics import transport as logistics
from seminar_plan.model import Flight, Plan, Session
from seminar_plan.text import cell_width, language_order, markdown_escape, neutralise
from seminar_plan.views import paper
from seminar_plan.views.paper import Phrase, Stamp, phrase, stamp_text, utc_offset


@dataclass(frozen=True, slots=True)
class Rider:
    """A named person on board, with their title when the plan gives one."""

    id: str
    name: Phrase
    title: Phrase | None


@dataclass(frozen=True, slots=True)
class Party:
    """A delegation on board, with its headcount (None when the plan gives none)."""

    id: str
    name: Phrase
    count: int | None


@dataclass(frozen=True, slots=True)
class Ride:
    """A vehicle on a transfer: its seats, kind and driver, and its contact when asked for."""

    id: str
    name: Phrase
    seats: int | None
    kind: Phrase | None
    driver: Phrase | None
    contact: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: Phrase


@dataclass(frozen=True, slots=True)
class TransferEntry:
    id: str
    title: Phrase
    start: dt.datetime
    end: dt.datetime
    source: Place | None
    to: Place | None
    vehicles: tuple[Ride, ...]
    seats: int | None
    count: int | None
    people: tuple[Rider, ...]
    delegations: tuple[Party, ...]
    groups: tuple[Party, ...]
    owner: Rider | None
    owner_contact: tuple[tuple[str, str], ...]
    flights: tuple[str, ...]
    notes: Phrase | None

    @property
    def date(self) -> dt.date:
        return self.start.date()


@dataclass(frozen=True, slots=True)
class Pickup:
    """A transfer that meets a flight: its id, when it leaves and on what."""

    id: str
    start: dt.datetime
    vehicles: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class FlightEntry:
    id: str
    number: str
    direction: str
    airport: Place
    other_end: Phrase | None
    departs: dt.datetime
    arrives: dt.datetime
    # The airport's clock (the event zone) and the other end's (the zone it was written in).
    at_airport: dt.datetime
    far_end: dt.datetime
    count: int
    people: tuple[Rider, ...]
    delegations: tuple[Party, ...]
    groups: tuple[Party, ...]
    transfers: tuple[Pickup, ...]
    notes: Phrase | None

    @property
    def date(self) -> dt.date:
        return self.at_airport.date()


@dataclass(frozen=True, slots=True)
class Manifest:
    ui: str
    plan: str
    title: Phrase
    timezone: str
    subject: Phrase | None
    day: tuple[int, dt.date] | None
    transfers: tuple[TransferEntry, ...]
    flights: tuple[FlightEntry, ...]
    contacts: bool
    stamp: Stamp
    # The event's first day and its number of days: which dates are "Day N".
    first_day: dt.date
    day_count: int

    def day_of(self, date: dt.date) -> int | None:
        """The event day number of ``date``; None outside the event."""
        number = (date - self.first_day).days + 1
        return number if 1 <= number <= self.day_count else None

    @property
    def labels(self) -> Mapping[str, str]:
        return locales.Labels(self.ui, "transport")

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({e.date for e in self.transfers} | {e.date for e in self.flights}))


@dataclass(frozen=True, slots=True)
class Filters:
    day: int | None = None
    flight: str | None = None
    vehicle: str | None = None


def _rider(plan: Plan, person: str, order: tuple[str, ...]) -> Rider:
    found = plan.person_by_id.get(person)
    if found is None:
        return Rider(person, Phrase(person), None)
    return Rider(person, phrase(found.name, order) or Phrase(person), phrase(found.title, order))


def _parties(plan: Plan, delegations: Sequence[str], order: tuple[str, ...]) -> tuple[Party, ...]:
    parties = []
    for ident in delegations:
        delegation = plan.delegation_by_id[ident]
        parties.append(
            Party(ident, phrase(delegation.name, order) or Phrase(ident), delegation.headcount)
        )
    return tuple(parties)


def _groups(plan: Plan, groups: Sequence[str], order: tuple[str, ...]) -> tuple[Party, ...]:
    return tuple(
        Party(ident, phrase(group.name, order) or Phrase(ident), group.headcount)
        for ident in groups
        if (group := plan.group_by_id.get(ident)) is not None
    )


def _venue(plan: Plan, ident: str | None, order: tuple[str, ...]) -> Place | None:
    if ident is None:
        return None
    venue = plan.venue_by_id.get(ident)
    return Place(ident, (phrase(venue.name, order) if venue else None) or Phrase(ident))


def _vehicle_name(plan: Plan, ident: str, order: tuple[str, ...]) -> Phrase:
    vehicle = plan.vehicle_by_id.get(ident)
    return (phrase(vehicle.name, order) if vehicle else None) or Phrase(ident)


def _ride(plan: Plan, ident: str, order: tuple[str, ...], *, contacts: bool) -> Ride:
    vehicle = plan.vehicle_by_id.get(ident)
    if vehicle is None:
        return Ride(ident, Phrase(ident), None, None, None, ())
    return Ride(
        ident,
        _vehicle_name(plan, ident, order),
        vehicle.seats,
        phrase(vehicle.kind, order),
        phrase(vehicle.driver, order),
        vehicle.contact if contacts else (),
    )


def _transfer(
    plan: Plan,
    transfer: Session,
    meets: Mapping[str, tuple[str, ...]],
    order: tuple[str, ...],
    *,
    contacts: bool,
) -> TransferEntry:
    carried = logistics.transfer_carries(plan, transfer)
    owner = plan.person_by_id.get(transfer.owner) if transfer.owner else None
    return TransferEntry(
        id=transfer.id,
        title=phrase(transfer.title, order) or Phrase(transfer.id),
        start=transfer.start,
        end=transfer.end,
        source=_venue(plan, logistics.leaves_from(plan, transfer), order),
        to=_venue(plan, transfer.to, order),
        vehicles=tuple(_ride(plan, v, order, contacts=contacts) for v in transfer.vehicles),
        seats=logistics.seats_of(plan, transfer),
        count=plan.attendance_of(transfer),
        people=tuple(_rider(plan, p, order) for p in carried.people),
        delegations=_parties(plan, carried.delegations, order),
        groups=_groups(plan, carried.groups, order),
        owner=_rider(plan, owner.id, order) if owner else None,
        owner_contact=owner.contact if owner and contacts else (),
        flights=meets.get(transfer.id, ()),
        notes=phrase(transfer.notes, order),
    )


def _flight(
    plan: Plan, flight: Flight, met: tuple[Session, ...], order: tuple[str, ...]
) -> FlightEntry:
    carried = logistics.flight_carries(plan, flight)
    arriving = flight.direction == "arrival"
    return FlightEntry(
        id=flight.id,
        number=flight.number,
        direction=flight.direction,
        airport=_venue(plan, flight.airport, order)
        or Place(flight.airport, Phrase(flight.airport)),
        other_end=phrase(flight.from_place if arriving else flight.to_place, order),
        departs=flight.departs,
        arrives=flight.arrives,
        at_airport=(
            logistics.landing(plan, flight) if arriving else logistics.take_off(plan, flight)
        ),
        far_end=flight.departs if arriving else flight.arrives,
        count=logistics.flight_count(plan, flight),
        people=tuple(_rider(plan, p, order) for p in carried.people),
        delegations=_parties(plan, carried.delegations, order),
        groups=_groups(plan, carried.groups, order),
        transfers=tuple(
            Pickup(t.id, t.start, tuple(_vehicle_name(plan, v, order) for v in t.vehicles))
            for t in met
        ),
        notes=phrase(flight.notes, order),
    )


def build(
    plan: Plan,
    path: str,
    *,
    lang: str | None,
    stamp: Stamp,
    filters: Filters | None = None,
    contacts: bool = False,
) -> Manifest:
    """The manifest of every transfer and flight, or of those ``filters`` keep.

    ``--flight F`` keeps F and the transfers that meet it; ``--vehicle V`` keeps V's transfers
    (a driver's day) and the flights they meet; ``--day`` keeps what happens on that day (a
    flight by its time at the airport).
    """
    filters = filters or Filters()
    order = language_order(plan, lang)
    ui = present.ui_language(plan, lang)
    every_transfer = logistics.transfers(plan)
    met = {f.id: logistics.meets(plan, f) for f in plan.flights}
    meets: dict[str, list[str]] = {}
    for flight in plan.flights:
        for transfer in met[flight.id]:
            meets.setdefault(transfer.id, []).append(flight.number)
    chosen = every_transfer
    flights = sorted(
        plan.flights,
        key=lambda f: (
            logistics.landing(plan, f) if f.direction == "arrival" else logistics.take_off(plan, f)
        ),
    )
    subject = None
    if filters.flight is not None:
        flight = plan.flight_by_id[filters.flight]
        flights = [flight]
        chosen = met[flight.id]
        subject = Phrase(flight.number)
    if filters.vehicle is not None:
        chosen = tuple(t for t in chosen if filters.vehicle in t.vehicles)
        ids = {t.id for t in chosen}
        flights = [f for f in flights if ids & {t.id for t in met[f.id]}]
        vehicle = plan.vehicle_by_id[filters.vehicle]
        subject = _vehicle_name(plan, vehicle.id, order)
        driver = phrase(vehicle.driver, order)
        if driver is not None:
            subject = Phrase(
                locales.label(ui, "transport.driven_by", vehicle=subject.text, driver=driver.text)
            )
    day = None
    if filters.day is not None:
        date = plan.event.date_of(filters.day)
        day = (filters.day, date)
        chosen = tuple(t for t in chosen if t.start.date() == date)
        tz = plan.event.tz
        flights = [
            f
            for f in flights
            if (f.arrives if f.direction == "arrival" else f.departs).astimezone(tz).date() == date
        ]
    frozen_meets = {key: tuple(value) for key, value in meets.items()}
    return Manifest(
        ui=ui,
        plan=path,
        title=phrase(plan.event.title, order) or Phrase(""),
        timezone=plan.event.timezone,
        subject=subject,
        day=day,
        transfers=tuple(_transfer(plan, t, frozen_meets, order, contacts=contacts) for t in chosen),
        flights=tuple(_flight(plan, f, met[f.id], order) for f in flights),
        contacts=contacts,
        stamp=stamp,
        first_day=plan.event.start,
        day_count=plan.event.day_count,
    )


# ---- shared wording --------------------------------------------------------------------------


def _clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def _span(start: dt.datetime, end: dt.datetime) -> str:
    until = "24:00" if end.date() > start.date() else _clock(end)
    return f"{_clock(start)}–{until}"


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


def _rider_text(rider: Rider) -> str:
    return f"{rider.name.text} ({rider.title.text})" if rider.title else rider.name.text


def _party_text(party: Party) -> str:
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
        when = f"{_clock(entry.far_end)} ({utc_offset(entry.far_end)})"
    place = entry.other_end.text if entry.other_end else ""
    return labels[key].format(place=place, time=when).replace("  ", " ").strip()


def airport_text(entry: FlightEntry, labels: Mapping[str, str]) -> str:
    key = "lands" if entry.direction == "arrival" else "leaves"
    return labels[key].format(
        airport=entry.airport.name.text,
        time=f"{_clock(entry.at_airport)} ({utc_offset(entry.at_airport)})",
    )


def met_label(flight: FlightEntry) -> str:
    """The label of the transfers column: who meets an arrival, who takes people to a departure."""
    return "met_by" if flight.direction == "arrival" else "seen_off"


def pickup_text(pickup: Pickup, ui: str) -> str:
    vehicles = present.list_separator(ui).join(v.text for v in pickup.vehicles)
    return f"{_clock(pickup.start)} {pickup.id}" + (f" ({vehicles})" if vehicles else "")


def _contact_text(entries: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{kind}: {value}" for kind, value in entries)


def _by_date(
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
    riders = sep.join(_rider_text(r) for r in flight.people) or "—"
    met = sep.join(pickup_text(p, ui) for p in flight.transfers) or labels["no_transfer"]
    return [
        f"  {_clock(flight.at_airport)}  {flight.number}  {labels[flight.direction]}",
        f"{INDENT}{airport_text(flight, labels)}; {far_end_text(flight, labels)}",
        f"{INDENT}{labels['on_board'].format(n=flight.count)}: {riders}",
        *_labelled(labels, "delegations", [_party_text(p) for p in flight.delegations], sep),
        *_labelled(labels, "groups", [_party_text(p) for p in flight.groups], sep),
        f"{INDENT}{labels[met_label(flight)]}: {met}",
        *_labelled(labels, "notes", [flight.notes.text] if flight.notes else [], sep),
    ]


def _transfer_lines(manifest: Manifest, entry: TransferEntry) -> list[str]:
    labels = manifest.labels
    sep = present.list_separator(manifest.ui)
    contacts = [
        f"{INDENT}  {ride.name.text}: {_contact_text(ride.contact)}"
        for ride in entry.vehicles
        if ride.contact
    ]
    owner = []
    if entry.owner is not None:
        text = _rider_text(entry.owner)
        if entry.owner_contact:
            text += f" — {_contact_text(entry.owner_contact)}"
        owner = [text]
    return [
        f"  {_span(entry.start, entry.end)}  {entry.title.text} [{entry.id}]",
        f"{INDENT}{route_text(entry, labels)} · {load_text(entry, labels)}",
        *_labelled(labels, "vehicles", [ride_text(r, labels) for r in entry.vehicles], sep),
        *contacts,
        *_labelled(labels, "people", [_rider_text(r) for r in entry.people], sep),
        *_labelled(labels, "delegations", [_party_text(p) for p in entry.delegations], sep),
        *_labelled(labels, "groups", [_party_text(p) for p in entry.groups], sep),
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
    for date, flights, transfers in _by_date(manifest):
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
    return "\n".join(out)


# ---- Markdown --------------------------------------------------------------------------------


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(manifest: Manifest) -> str:
    labels, ui = manifest.labels, manifest.ui
    sep = present.list_separator(ui)
    out = [
        f"# {markdown_escape(heading(manifest))}",
        "",
        markdown_escape(labels["timezone"].format(zone=manifest.timezone)),
        "",
        markdown_escape(stamp_text(manifest.stamp, locales.Labels(ui, "runsheet"))),
        "",
    ]
    if not manifest.flights and not manifest.transfers:
        out += [markdown_escape(labels["nothing"]), ""]
    for date, flights, transfers in _by_date(manifest):
        day = manifest.day_of(date)
        out += [
            f"## {markdown_escape(date_heading(manifest, date, day))}",
            "",
        ]
        if flights:
            out += [f"### {markdown_escape(labels['flights'])}", ""]
            out.append(
                _md_row(
                    [
                        markdown_escape(labels[key])
                        for key in ("time", "flight", "route", "passengers", "transfers")
                    ]
                )
            )
            out.append("|---|---|---|---|---|")
            for flight in flights:
                riders = sep.join(markdown_escape(_rider_text(r)) for r in flight.people)
                parties = sep.join(
                    markdown_escape(_party_text(p)) for p in (*flight.delegations, *flight.groups)
                )
                out.append(
                    _md_row(
                        [
                            _clock(flight.at_airport),
                            f"**{markdown_escape(flight.number)}** "
                            + markdown_escape(labels[flight.direction]),
                            markdown_escape(airport_text(flight, labels))
                            + "<br>"
                            + markdown_escape(far_end_text(flight, labels)),
                            markdown_escape(labels["on_board"].format(n=flight.count))
                            + (f": {riders}" if riders else "")
                            + (f"<br>{parties}" if parties else ""),
                            sep.join(markdown_escape(pickup_text(p, ui)) for p in flight.transfers)
                            or markdown_escape(labels["no_transfer"]),
                        ]
                    )
                )
            out.append("")
        if transfers:
            out += [f"### {markdown_escape(labels['transfers'])}", ""]
            out.append(
                _md_row(
                    [
                        markdown_escape(labels[key])
                        for key in ("time", "transfer", "route", "vehicles", "passengers")
                    ]
                )
            )
            out.append("|---|---|---|---|---|")
            for entry in transfers:
                riders = sep.join(markdown_escape(_rider_text(r)) for r in entry.people)
                parties = sep.join(
                    markdown_escape(_party_text(p)) for p in (*entry.delegations, *entry.groups)
                )
                out.append(
                    _md_row(
                        [
                            _span(entry.start, entry.end),
                            f"**{markdown_escape(entry.title.text)}** \\[{entry.id}\\]",
                            markdown_escape(route_text(entry, labels)),
                            sep.join(markdown_escape(ride_text(r, labels)) for r in entry.vehicles)
                            + ("<br>" if entry.vehicles else "")
                            + markdown_escape(load_text(entry, labels)),
                            "<br>".join(part for part in (riders, parties) if part),
                        ]
                    )
                )
            out.append("")
    return "\n".join(out)


# ---- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "kind",
    "id",
    "date",
    "start",
    "end",
    "number",
    "from",
    "to",
    "vehicles",
    "seats",
    "count",
    "people",
    "delegations",
    "groups",
    "meets",
)


def render_csv(manifest: Manifest) -> str:
    """One row per flight and per transfer, in time order, for a spreadsheet."""
    sep = "; "
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows: list[tuple[dt.datetime, list[str]]] = []
    for flight in manifest.flights:
        arriving = flight.direction == "arrival"
        other = flight.other_end.text if flight.other_end else ""
        rows.append(
            (
                flight.at_airport,
                [
                    "flight",
                    flight.id,
                    f"{flight.date}",
                    _clock(flight.at_airport),
                    "",
                    flight.number,
                    other if arriving else flight.airport.name.text,
                    flight.airport.name.text if arriving else other,
                    "",
                    "",
                    str(flight.count),
                    sep.join(_rider_text(r) for r in flight.people),
                    sep.join(_party_text(p) for p in flight.delegations),
                    sep.join(_party_text(p) for p in flight.groups),
                    sep.join(p.id for p in flight.transfers),
                ],
            )
        )
    rows.extend(
        (
            entry.start,
            [
                "transfer",
                entry.id,
                f"{entry.date}",
                _clock(entry.start),
                "24:00" if entry.end.date() > entry.start.date() else _clock(entry.end),
                "",
                entry.source.name.text if entry.source else "",
                entry.to.name.text if entry.to else "",
                sep.join(r.name.text for r in entry.vehicles),
                "" if entry.seats is None else str(entry.seats),
                "" if entry.count is None else str(entry.count),
                sep.join(_rider_text(r) for r in entry.people),
                sep.join(_party_text(p) for p in entry.delegations),
                sep.join(_party_text(p) for p in entry.groups),
                sep.join(entry.flights),
            ],
        )
        for entry in manifest.transfers
    )
    rows.sort(key=lambda pair: pair[0])
    for _, row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


# ---- JSON (the contract's shape) -------------------------------------------------------------


def render_json(manifest: Manifest) -> str:
    """``{"plan", "transfers": [...], "flights": [...]}`` exactly as the format contract gives."""
    transfers = [
        {
            "id": entry.id,
            "date": f"{entry.date}",
            "start": _clock(entry.start),
            "end": "24:00" if entry.end.date() > entry.start.date() else _clock(entry.end),
            "from": entry.source.id if entry.source else None,
            "to": entry.to.id if entry.to else None,
            "vehicles": sorted(r.id for r in entry.vehicles),
            "seats": entry.seats,
            "count": entry.count,
            "people": sorted(r.id for r in entry.people),
            "delegations": sorted(p.id for p in entry.delegations),
            "groups": sorted(p.id for p in entry.groups),
        }
        for entry in manifest.transfers
    ]
    flights = [
        {
            "id": flight.id,
            "number": flight.number,
            "direction": flight.direction,
            "airport": flight.airport.id,
            "departs": flight.departs.isoformat(),
            "arrives": flight.arrives.isoformat(),
            "count": flight.count,
            "people": sorted(r.id for r in flight.people),
            "delegations": sorted(p.id for p in flight.delegations),
            "groups": sorted(p.id for p in flight.groups),
            "transfers": sorted(p.id for p in flight.transfers),
        }
        for flight in manifest.flights
    ]
    document = {"plan": manifest.plan, "transfers": transfers, "flights": flights}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---- HTML ------------------------------------------------------------------------------------


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
            f'<td class="time">{_clock(flight.at_airport)}</td>'
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
            + (f"<br><small>{_h(_contact_text(r.contact), ui)}</small>" if r.contact else "")
            + "</li>"
            for r in entry.vehicles
        )
        owner = ""
        if entry.owner is not None:
            owner = (
                f'<div class="owner">{_h(labels["owner"], ui)}: {_h(entry.owner.name, ui)}'
                + (
                    f" — {_h(_contact_text(entry.owner_contact), ui)}"
                    if entry.owner_contact
                    else ""
                )
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
            f'<td class="time">{_span(entry.start, entry.end)}</td>'
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
    for date, flights, transfers in _by_date(manifest):
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
