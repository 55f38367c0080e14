"""A person's stay: their arrival and departure, as written or derived from their flights.

A named person's arrival is their ``arrive``, else the latest ``arrives`` of the arrival flights
that carry them (as a person, a group member or a delegation member); their departure is their
``depart``, else the earliest ``departs`` of the departure flights that carry them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seminar_plan.model import Flight, Plan, instant


@dataclass(frozen=True, slots=True)
class Stay:
    """When a person is at the event; times are aware datetimes in the event zone.

    ``arrival_flight`` / ``departure_flight`` name the flight a derived time comes from; they
    are None when the time was written on the person (or when there is none).
    """

    arrive: dt.datetime | None
    depart: dt.datetime | None
    arrival_flight: Flight | None = None
    departure_flight: Flight | None = None

    def covers(self, moment: dt.datetime) -> bool:
        """Whether ``moment`` lies within the stay (an open end covers everything that way)."""
        at = instant(moment)
        return (self.arrive is None or instant(self.arrive) <= at) and (
            self.depart is None or at <= instant(self.depart)
        )


def latest_arrival(plan: Plan, person: str) -> Flight | None:
    """The arrival flight carrying ``person`` that lands last (the earlier in the file at a tie)."""
    flights = [f for f in plan.flights_by_person.get(person, ()) if f.direction == "arrival"]
    return max(reversed(flights), key=lambda f: f.arrives, default=None)


def earliest_departure(plan: Plan, person: str) -> Flight | None:
    """The departure flight carrying ``person`` that leaves first (the earlier in the file)."""
    flights = [f for f in plan.flights_by_person.get(person, ()) if f.direction == "departure"]
    return min(flights, key=lambda f: f.departs, default=None)


def stay_of(plan: Plan, person_id: str) -> Stay:
    """The stay of ``person_id``; both ends None for an id that is not a person."""
    person = plan.person_by_id.get(person_id)
    if person is None:
        return Stay(None, None)
    tz = plan.event.tz
    arrive, arrival_flight = person.arrive, None
    if arrive is None:
        arrival_flight = latest_arrival(plan, person_id)
        if arrival_flight is not None:
            arrive = arrival_flight.arrives.astimezone(tz)
    depart, departure_flight = person.depart, None
    if depart is None:
        departure_flight = earliest_departure(plan, person_id)
        if departure_flight is not None:
            depart = departure_flight.departs.astimezone(tz)
    return Stay(arrive, depart, arrival_flight, departure_flight)
