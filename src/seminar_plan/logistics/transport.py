"""Who a transfer or a flight carries, a transfer's seats and places, and which transfers meet
which flight: the facts the transport checks and the ``transport`` command share.

A transfer carries a named person who is committed to it or whose delegation is present, and
every delegation that is present. A flight carries the people, groups and delegations listed
among its passengers (a delegation carries its named members, a group its members).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seminar_plan.model import Flight, Plan, Session, instant


@dataclass(frozen=True, slots=True)
class Carried:
    """Who is on board: named people, delegations and listed groups, each sorted by id."""

    people: tuple[str, ...]
    delegations: tuple[str, ...]
    groups: tuple[str, ...] = ()

    @property
    def tokens(self) -> frozenset[str]:
        """Every id on board. People, groups and delegations share one id space, so one set
        tells whether two trips carry anyone in common."""
        return frozenset((*self.people, *self.delegations, *self.groups))


def transfers(plan: Plan) -> tuple[Session, ...]:
    """The sessions of kind ``transfer``, in time order."""
    return tuple(
        sorted(
            (s for s in plan.sessions if s.kind == "transfer"),
            key=lambda s: (s.start, s.end, s.id),
        )
    )


def leaves_from(plan: Plan, transfer: Session) -> str | None:
    """The venue a transfer departs from: its room's venue, else its ``venue``."""
    return plan.venue_of(transfer)


def arrives_at(plan: Plan, transfer: Session) -> str | None:
    """Where a transfer is at its end: its ``to``, else where it left from."""
    return transfer.to if transfer.to is not None else plan.venue_of(transfer)


def transfer_carries(plan: Plan, transfer: Session) -> Carried:
    present = plan.delegations_present(transfer)
    people = set(plan.committed(transfer))
    for delegation in present:
        people.update(plan.members_by_delegation.get(delegation, ()))
    groups = {ref for ref in transfer.attendees if ref in plan.group_by_id}
    return Carried(tuple(sorted(people)), tuple(sorted(present)), tuple(sorted(groups)))


def flight_carries(plan: Plan, flight: Flight) -> Carried:
    delegations = {ref for ref in flight.passengers if ref in plan.delegation_by_id}
    groups = {ref for ref in flight.passengers if ref in plan.group_by_id}
    return Carried(
        tuple(sorted(plan.passengers_of(flight))), tuple(sorted(delegations)), tuple(sorted(groups))
    )


def flight_count(plan: Plan, flight: Flight) -> int:
    """How many people are on board: the attendance rule over the flight's passengers."""
    return plan.headcount_of(flight.passengers)


def seats_of(plan: Plan, transfer: Session) -> int | None:
    """The seats of the transfer's vehicles together; None without vehicles, or when one of them
    is unknown or has no usable seat count (reported by the parser, so not checked again)."""
    if not transfer.vehicles:
        return None
    total = 0
    for ident in transfer.vehicles:
        vehicle = plan.vehicle_by_id.get(ident)
        if vehicle is None or vehicle.seats is None:
            return None
        total += vehicle.seats
    return total


def airport_transfers(plan: Plan, flight: Flight) -> tuple[Session, ...]:
    """The transfers that carry someone the flight carries, leaving its airport (an arrival) or
    going to it (a departure), in time order."""
    on_board = flight_carries(plan, flight).tokens
    if not on_board:
        return ()
    found = []
    for transfer in transfers(plan):
        place = leaves_from(plan, transfer) if flight.direction == "arrival" else transfer.to
        if place == flight.airport and on_board & transfer_carries(plan, transfer).tokens:
            found.append(transfer)
    return tuple(found)


def landing(plan: Plan, flight: Flight) -> dt.datetime:
    """When the flight lands, in the event zone."""
    return flight.arrives.astimezone(plan.event.tz)


def take_off(plan: Plan, flight: Flight) -> dt.datetime:
    """When the flight leaves, in the event zone."""
    return flight.departs.astimezone(plan.event.tz)


def meets(plan: Plan, flight: Flight) -> tuple[Session, ...]:
    """The transfers that meet the flight: for an arrival, those leaving its airport with one of
    its passengers within ``[check] pickup_window`` after it lands; for a departure, those going
    to its airport with one of its passengers that start before it leaves, on its day."""
    if flight.direction == "arrival":
        # In absolute time: the window may span a change of clocks.
        lands = instant(landing(plan, flight))
        latest = lands + dt.timedelta(minutes=plan.check.pickup_window)
        return tuple(
            t for t in airport_transfers(plan, flight) if lands <= instant(t.start) <= latest
        )
    leaves = take_off(plan, flight)
    return tuple(
        t
        for t in airport_transfers(plan, flight)
        if instant(t.start) < instant(leaves) and t.start.date() == leaves.date()
    )
