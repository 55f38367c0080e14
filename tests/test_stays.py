"""The derived stay: written arrive/depart win; else the flights that carry the person."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from seminar_plan.logistics.stays import Stay, stay_of
from seminar_plan.model import (
    Delegation,
    Event,
    Flight,
    Group,
    Origin,
    Person,
    Plan,
    Text,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
TOKYO = ZoneInfo("Asia/Tokyo")
EVENT = Event(
    title=Text.plain("Test"),
    timezone="Asia/Shanghai",
    tz=SHANGHAI,
    start=dt.date(2025, 7, 23),
    end=dt.date(2025, 7, 25),
)


def at(day: int, hour: int, minute: int = 0, tz: dt.tzinfo = SHANGHAI) -> dt.datetime:
    return dt.datetime(2025, 7, day, hour, minute, tzinfo=tz)


def flight(
    ident: str, direction: str, departs: dt.datetime, arrives: dt.datetime, *passengers: str
) -> Flight:
    return Flight(
        id=ident,
        number=ident.upper(),
        direction="arrival" if direction == "arrival" else "departure",
        airport="airport",
        departs=departs,
        arrives=arrives,
        origin=Origin(0, ("flights", 0)),
        passengers=passengers,
    )


def plan(*flights: Flight, arrive: dt.datetime | None = None) -> Plan:
    return Plan(
        event=EVENT,
        delegations=(Delegation("japan", Text.plain("Japan"), 5, "ja", Origin(0, ())),),
        people=(
            Person("aoki", Text.plain("Aoki"), delegation="japan", arrive=arrive),
            Person("chen", Text.plain("Chen")),
            Person("sato", Text.plain("Sato")),
        ),
        groups=(Group("vips", None, ("sato",), 1, Origin(0, ())),),
        flights=flights,
    )


def test_no_flights_and_nothing_written_is_an_open_stay() -> None:
    assert stay_of(plan(), "aoki") == Stay(None, None)
    assert stay_of(plan(), "nobody") == Stay(None, None)


def test_a_delegation_on_board_carries_its_named_members() -> None:
    # Written in Tokyo time (09:00 +09:00 is 08:00 in Shanghai); the stay is in the event zone.
    inbound = flight("in1", "arrival", at(23, 9, tz=TOKYO), at(23, 11, 30), "japan")
    stay = stay_of(plan(inbound), "aoki")
    assert stay.arrive == at(23, 11, 30)
    assert stay.arrive is not None
    assert stay.arrive.tzinfo is SHANGHAI
    assert stay.arrival_flight is inbound
    assert stay.depart is None
    assert stay_of(plan(inbound), "chen") == Stay(None, None)


def test_the_latest_arrival_and_the_earliest_departure_count() -> None:
    first = flight("in1", "arrival", at(23, 8), at(23, 10), "vips")
    second = flight("in2", "arrival", at(23, 12), at(23, 14), "sato")
    early = flight("out1", "departure", at(25, 9), at(25, 12), "sato")
    late = flight("out2", "departure", at(25, 15), at(25, 18), "vips")
    stay = stay_of(plan(late, first, early, second), "sato")
    assert (stay.arrive, stay.depart) == (at(23, 14), at(25, 9))
    assert (stay.arrival_flight, stay.departure_flight) == (second, early)


def test_a_written_arrive_wins_over_the_flight() -> None:
    inbound = flight("in1", "arrival", at(23, 8), at(23, 10), "aoki")
    outbound = flight("out1", "departure", at(25, 9), at(25, 12), "aoki")
    stay = stay_of(plan(inbound, outbound, arrive=at(23, 13)), "aoki")
    assert stay == Stay(at(23, 13), at(25, 9), None, outbound)


def test_covers() -> None:
    stay = Stay(at(23, 10), at(25, 9))
    assert stay.covers(at(23, 10))
    assert stay.covers(at(25, 9))
    assert not stay.covers(at(23, 9, 59))
    assert not stay.covers(at(25, 9, 1))
    assert Stay(None, None).covers(at(1, 0))
