"""The transport manifest as data: each transfer and flight with who it carries (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from seminar_plan import locales, present
from seminar_plan.logistics import transport as logistics
from seminar_plan.model import Flight, Plan, Session
from seminar_plan.text import language_order
from seminar_plan.views.paper import Phrase, Stamp, phrase


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
    """An airport or venue by id and name."""

    id: str
    name: Phrase


@dataclass(frozen=True, slots=True)
class TransferEntry:
    """One transfer in the transport manifest."""

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
    """One flight in the transport manifest."""

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
    """The transport manifest."""

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
    """Which day, flight or vehicle the manifest is limited to."""

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
