"""Who needs a bed where, night by night, and what the bookings hold (pure).

A night is named by its date: the night of 2025-07-20 is the one that starts that evening.
A named person needs a bed from their arrival date to the night before their departure date
(as written, else from their flights: ``logistics.stays``);
a delegation's unnamed members need one every night of the event in the delegation's hotel.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from seminar_plan.logistics.stays import stay_of
from seminar_plan.model import Person, Plan


def _groups_of(plan: Plan, person: Person) -> tuple[str, ...]:
    # An index built once per plan: a scan of every group for each guest was quadratic.
    return plan.groups_by_person.get(person.id, ())


def hotel_of(plan: Plan, person: Person) -> str | None:
    """The person's own hotel, else their first listed group's that has one, else their
    delegation's."""
    if person.hotel is not None:
        return person.hotel
    for group_id in _groups_of(plan, person):
        group = plan.group_by_id[group_id]
        if group.hotel is not None:
            return group.hotel
    delegation = plan.delegation_by_id.get(person.delegation or "")
    return delegation.hotel if delegation is not None else None


def lodges(plan: Plan, person: Person) -> bool:
    """False when ``lodging = false`` reaches the person (own, first group's, delegation's)."""
    if person.lodging is not None:
        return person.lodging
    for group_id in _groups_of(plan, person):
        group = plan.group_by_id[group_id]
        if group.lodging is not None:
            return group.lodging
    delegation = plan.delegation_by_id.get(person.delegation or "")
    if delegation is not None and delegation.lodging is not None:
        return delegation.lodging
    return True


def lodging_in_use(plan: Plan) -> bool:
    """Lodging is checked only in a plan that names a hotel somewhere or has a booking."""
    return (
        bool(plan.bookings)
        or any(person.hotel is not None for person in plan.people)
        or any(group.hotel is not None for group in plan.groups)
        or any(delegation.hotel is not None for delegation in plan.delegations)
    )


@dataclass(frozen=True, slots=True)
class Guest:
    """A named person's stay in one hotel: nights ``check_in`` .. ``check_out`` - 1."""

    person: str
    hotel: str | None
    check_in: dt.date
    check_out: dt.date

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days


def guest_of(plan: Plan, person: Person) -> Guest | None:
    """The nights the person needs a bed, with their hotel; None when they need none."""
    if not lodges(plan, person):
        return None
    stay = stay_of(plan, person.id)
    arrive, depart = stay.arrive, stay.depart
    tz = plan.event.tz
    check_in = arrive.astimezone(tz).date() if arrive is not None else plan.event.start
    check_out = depart.astimezone(tz).date() if depart is not None else plan.event.end
    if check_out <= check_in:
        return None
    return Guest(person.id, hotel_of(plan, person), check_in, check_out)


def guests(plan: Plan) -> tuple[Guest, ...]:
    """Every named person who needs a bed, in plan order (``hotel`` None: no hotel given)."""
    found = (guest_of(plan, person) for person in plan.people)
    return tuple(guest for guest in found if guest is not None)


def unnamed_of(plan: Plan, delegation_id: str) -> int:
    """The delegation's members the plan does not name: headcount minus named, at least 0."""
    delegation = plan.delegation_by_id[delegation_id]
    named = len(plan.members_by_delegation.get(delegation_id, ()))
    return max(0, (delegation.headcount or 0) - named)


@dataclass(frozen=True, slots=True)
class Night:
    """One night at a hotel: beds needed and held, and who sleeps there."""

    date: dt.date
    needed: int
    beds: int
    people: tuple[str, ...]
    unnamed: int

    @property
    def short(self) -> int:
        return max(0, self.needed - self.beds)


@dataclass(frozen=True, slots=True)
class HotelNights:
    """A hotel's nights."""

    hotel: str
    nights: tuple[Night, ...]


def _dates(first: dt.date, stop: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((stop - first).days)]


def rooming(plan: Plan) -> tuple[HotelNights, ...]:
    """Per hotel (sorted by id), every night on which someone needs a bed there or a booking
    covers it, in date order."""
    people: dict[str, dict[dt.date, list[str]]] = defaultdict(lambda: defaultdict(list))
    unnamed: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    beds: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for guest in guests(plan):
        if guest.hotel is not None:
            for night in _dates(guest.check_in, guest.check_out):
                people[guest.hotel][night].append(guest.person)
    event_nights = _dates(plan.event.start, plan.event.end)
    for delegation in plan.delegations:
        count = unnamed_of(plan, delegation.id)
        if delegation.hotel is None or delegation.lodging is False or count == 0:
            continue
        for night in event_nights:
            unnamed[delegation.hotel][night] += count
    for booking in plan.bookings:
        for night in _dates(booking.first, booking.checkout):
            beds[booking.hotel][night] += booking.capacity
    result = []
    for hotel in sorted({*people, *unnamed, *beds}):
        nights = []
        for date in sorted({*people[hotel], *unnamed[hotel], *beds[hotel]}):
            named = tuple(sorted(people[hotel].get(date, ())))
            others = unnamed[hotel].get(date, 0)
            nights.append(Night(date, len(named) + others, beds[hotel].get(date, 0), named, others))
        result.append(HotelNights(hotel, tuple(nights)))
    return tuple(result)
