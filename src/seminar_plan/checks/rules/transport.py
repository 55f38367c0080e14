"""Transport: seats, vehicles in two places, trips shorter than the road, and flights met too
early, too late or not at all."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import ordered, spans
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.logistics.stays import earliest_departure, latest_arrival
from seminar_plan.logistics.transport import (
    airport_transfers,
    arrives_at,
    flight_carries,
    landing,
    leaves_from,
    meets,
    seats_of,
    take_off,
    transfer_carries,
    transfers,
)
from seminar_plan.messages import text
from seminar_plan.model import Flight, Origin, Plan, Session, elapsed_minutes, instant


def _moment(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _vehicle_key(transfer: Session, vehicle: str) -> Origin:
    return transfer.origin.child("vehicles", transfer.vehicles.index(vehicle))


def transfers_by_vehicle(plan: Plan) -> dict[str, list[Session]]:
    """Vehicle id -> the transfers that name it, in time order (known vehicles only)."""
    found: dict[str, list[Session]] = defaultdict(list)
    for transfer in transfers(plan):
        for vehicle in transfer.vehicles:
            if vehicle in plan.vehicle_by_id:
                found[vehicle].append(transfer)
    return found


@rule("over-seats")
def over_seats(plan: Plan) -> Iterator[Issue]:
    for transfer in transfers(plan):
        seats = seats_of(plan, transfer)
        count = plan.attendance_of(transfer)
        if seats is None or count is None or count <= seats:
            continue
        yield Issue(
            "over-seats",
            transfer.origin.child("vehicles"),
            text(
                "finding.over-seats",
                transfer=transfer.id,
                count=count,
                vehicles=transfer.vehicles,
                seats=seats,
            ),
            text("finding-hint.over-seats"),
            (transfer.id,),
        )


@rule("vehicle-overlap")
def vehicle_overlap(plan: Plan) -> Iterator[Issue]:
    hint = text("finding-hint.vehicle-overlap")
    span_of = spans()
    for vehicle, trips in transfers_by_vehicle(plan).items():
        for a, b in overlapping_pairs(trips):
            earlier, later = ordered(a, b)
            message = text(
                "finding.vehicle-overlap",
                vehicle=vehicle,
                later=later.id,
                later_span=span_of(later),
                earlier=earlier.id,
                earlier_span=span_of(earlier),
            )
            yield Issue(
                "vehicle-overlap",
                _vehicle_key(later, vehicle),
                message,
                hint,
                (vehicle, earlier.id, later.id),
                related=earlier.origin,
            )


@rule("vehicle-travel")
def vehicle_travel(plan: Plan) -> Iterator[Issue]:
    if not plan.travel:
        return
    longest = dt.timedelta(minutes=max(t.minutes for t in plan.travel))
    for vehicle, trips in transfers_by_vehicle(plan).items():
        # In absolute time, as travel-time: wall-clock arithmetic misses a clock change.
        by_end = sorted(trips, key=lambda t: instant(t.end))
        ends = [instant(t.end) for t in by_end]
        for later in trips:
            source = leaves_from(plan, later)
            if source is None:
                continue
            # Earlier trips that ended no more than the longest drive before this one starts.
            low = bisect.bisect_left(ends, instant(later.start) - longest)
            high = bisect.bisect_right(ends, instant(later.start))
            for earlier in by_end[low:high]:
                if earlier is later:
                    continue
                parked = arrives_at(plan, earlier)
                if parked is None or parked == source:
                    continue
                minutes = plan.travel_minutes.get(frozenset((parked, source)))
                gap = elapsed_minutes(earlier.end, later.start)
                if minutes is None or gap >= minutes:
                    continue
                yield Issue(
                    "vehicle-travel",
                    _vehicle_key(later, vehicle),
                    text(
                        "finding.vehicle-travel",
                        vehicle=vehicle,
                        earlier=earlier.id,
                        parked=parked,
                        gap=gap,
                        source=source,
                        later=later.id,
                        minutes=minutes,
                    ),
                    text("finding-hint.vehicle-travel", minutes=minutes),
                    (vehicle, earlier.id, later.id),
                    related=earlier.origin,
                )


@rule("transfer-short")
def transfer_short(plan: Plan) -> Iterator[Issue]:
    for transfer in transfers(plan):
        source = leaves_from(plan, transfer)
        if transfer.to is None or source is None or source == transfer.to:
            continue
        minutes = plan.travel_minutes.get(frozenset((source, transfer.to)))
        if minutes is None or transfer.minutes >= minutes:
            continue
        yield Issue(
            "transfer-short",
            transfer.origin.child("to"),
            text(
                "finding.transfer-short",
                transfer=transfer.id,
                length=transfer.minutes,
                source=source,
                to=transfer.to,
                minutes=minutes,
            ),
            text("finding-hint.transfer-short", minutes=minutes),
            (transfer.id,),
        )


@rule("transfer-loop")
def transfer_loop(plan: Plan) -> Iterator[Issue]:
    for transfer in transfers(plan):
        if transfer.to is not None and transfer.to == leaves_from(plan, transfer):
            yield Issue(
                "transfer-loop",
                transfer.origin.child("to"),
                text("finding.transfer-loop", transfer=transfer.id, venue=transfer.to),
                text("finding-hint.transfer-loop"),
                (transfer.id,),
            )


@rule("unused-vehicle")
def unused_vehicle(plan: Plan) -> Iterator[Issue]:
    named = {vehicle for session in plan.sessions for vehicle in session.vehicles}
    for vehicle in plan.vehicles:
        if vehicle.id not in named:
            yield Issue(
                "unused-vehicle",
                vehicle.origin,
                text("finding.unused-vehicle", vehicle=vehicle.id),
                text("finding-hint.unused-vehicle", vehicle=vehicle.id),
                (vehicle.id,),
            )


@rule("empty-flight")
def empty_flight(plan: Plan) -> Iterator[Issue]:
    for flight in plan.flights:
        if not flight.passengers:
            yield Issue(
                "empty-flight",
                flight.origin.child("passengers"),
                text("finding.empty-flight", flight=flight.id, number=flight.number),
                text("finding-hint.empty-flight"),
                (flight.id,),
            )


def _unexplained(
    plan: Plan, flight: Flight, transfer: Session, others: list[Flight], fits: set[str]
) -> frozenset[str]:
    """Who the flight and the transfer both carry, less those that another flight in ``fits``
    (one the transfer suits in time) also carries: they may be the ones on board."""
    shared = flight_carries(plan, flight).tokens & transfer_carries(plan, transfer).tokens
    for other in others:
        if other.id in fits:
            shared -= flight_carries(plan, other).tokens
    return shared


def _same_way(plan: Plan, flight: Flight) -> list[Flight]:
    return [
        f
        for f in plan.flights
        if f is not flight and f.direction == flight.direction and f.airport == flight.airport
    ]


@rule("pickup-early")
def pickup_early(plan: Plan) -> Iterator[Issue]:
    buffer = dt.timedelta(minutes=plan.check.landing_buffer)
    for flight in plan.flights:
        if flight.direction != "arrival":
            continue
        # In absolute time: 45 minutes after a landing at 01:30 on the night the clocks go
        # forward is 03:15, not the 02:15 that wall-clock arithmetic gives.
        ready = (instant(landing(plan, flight)) + buffer).astimezone(plan.event.tz)
        others = _same_way(plan, flight)
        for transfer in airport_transfers(plan, flight):
            # Only a transfer of the landing's day can be its pickup.
            if (
                instant(transfer.start) >= instant(ready)
                or transfer.start.date() != landing(plan, flight).date()
            ):
                continue
            fits = {
                f.id
                for f in others
                if instant(landing(plan, f)) + buffer <= instant(transfer.start)
            }
            if not _unexplained(plan, flight, transfer, others, fits):
                continue
            yield Issue(
                "pickup-early",
                transfer.origin.child("start"),
                text(
                    "finding.pickup-early",
                    transfer=transfer.id,
                    airport=flight.airport,
                    leaves=_moment(transfer.start),
                    number=flight.number,
                    lands=_moment(landing(plan, flight)),
                    buffer=plan.check.landing_buffer,
                    ready=_moment(ready),
                ),
                text("finding-hint.pickup-early", ready=_moment(ready)),
                (flight.id, transfer.id),
                related=flight.origin,
            )


@rule("no-pickup")
def no_pickup(plan: Plan) -> Iterator[Issue]:
    for flight in plan.flights:
        if flight.direction != "arrival" or not flight_carries(plan, flight).tokens:
            continue
        if meets(plan, flight):
            continue
        window = plan.check.pickup_window
        yield Issue(
            "no-pickup",
            flight.origin.child("arrives"),
            text(
                "finding.no-pickup",
                number=flight.number,
                flight=flight.id,
                airport=flight.airport,
                lands=_moment(landing(plan, flight)),
                window=window,
            ),
            text("finding-hint.no-pickup", airport=flight.airport),
            (flight.id,),
        )


@rule("late-to-airport")
def late_to_airport(plan: Plan) -> Iterator[Issue]:
    buffer = dt.timedelta(minutes=plan.check.checkin_buffer)
    for flight in plan.flights:
        if flight.direction != "departure":
            continue
        leaves = take_off(plan, flight)
        # In absolute time, as pickup-early.
        deadline = (instant(leaves) - buffer).astimezone(plan.event.tz)
        others = _same_way(plan, flight)
        # Only a transfer that sets off on the flight's day, before it leaves, can take its
        # passengers to it: the ones ``meets`` gives.
        for transfer in meets(plan, flight):
            if instant(transfer.end) <= instant(deadline):
                continue
            fits = {
                f.id for f in others if instant(transfer.end) <= instant(take_off(plan, f)) - buffer
            }
            if not _unexplained(plan, flight, transfer, others, fits):
                continue
            yield Issue(
                "late-to-airport",
                transfer.origin.child("start"),
                text(
                    "finding.late-to-airport",
                    transfer=transfer.id,
                    airport=flight.airport,
                    reaches=_moment(transfer.end),
                    number=flight.number,
                    leaves=_moment(leaves),
                    buffer=plan.check.checkin_buffer,
                    deadline=_moment(deadline),
                ),
                text("finding-hint.late-to-airport", deadline=_moment(deadline)),
                (flight.id, transfer.id),
                related=flight.origin,
            )


def _flight_times(plan: Plan, person: str) -> Iterator[tuple[str, Flight, dt.datetime]]:
    """(key, flight, its time at the airport) for the person's arrival and departure flights."""
    arrival = latest_arrival(plan, person)
    if arrival is not None:
        yield "arrive", arrival, landing(plan, arrival)
    departure = earliest_departure(plan, person)
    if departure is not None:
        yield "depart", departure, take_off(plan, departure)


@rule("flight-mismatch")
def flight_mismatch(plan: Plan) -> Iterator[Issue]:
    for person in plan.people:
        for key, flight, flown in _flight_times(plan, person.id):
            written = person.arrive if key == "arrive" else person.depart
            if written is None:
                continue
            apart = abs(elapsed_minutes(flown, written))
            if apart <= plan.check.landing_buffer:
                continue
            yield Issue(
                "flight-mismatch",
                person.origin.child(key),
                text(
                    f"finding.flight-mismatch-{key}",
                    person=person.id,
                    written=_moment(written),
                    number=flight.number,
                    flown=_moment(flown),
                    apart=apart,
                ),
                text(f"finding-hint.flight-mismatch-{key}"),
                (person.id, flight.id),
                related=flight.origin,
            )
