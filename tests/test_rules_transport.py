"""The transport rules: each code fires, and stays silent in the near miss beside it."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TRANSPORT, findings_of, flight, plan_text, session, summary
from seminar_plan import load_text
from seminar_plan.checks.rules.transport import transfers_by_vehicle
from seminar_plan.checks.sweep import overlapping_pairs
from seminar_plan.model import Plan

# Vehicles the plan defines but a test does not use give unused-vehicle; left out here.
UNUSED = "unused-vehicle"


def found(text: str, code: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    return [item for item in summary(text, code) if item[0] != UNUSED or code == UNUSED]


def trip(
    ident: str,
    start: str,
    end: str,
    source: str,
    to: str | None = None,
    day: int = 1,
    **keys: object,
) -> str:
    extra: dict[str, object] = {"kind": "transfer", "venue": source, **keys}
    if to is not None:
        extra["to"] = to
    return session(ident, start, end, day=day, **extra)


def landing_at(clock: str, passengers: list[str], ident: str = "in1", day: int = 23) -> str:
    """An arrival from Tokyo (written in Tokyo time) that lands at ``clock`` Shanghai time."""
    hour, minute = (int(part) for part in clock.split(":"))
    tokyo = dt.timezone(dt.timedelta(hours=9))
    shanghai = dt.timezone(dt.timedelta(hours=8))
    lands = dt.datetime(2025, 7, day, hour, minute, tzinfo=shanghai).astimezone(tokyo)
    departs = lands - dt.timedelta(hours=4)
    return flight(
        ident,
        "arrival",
        departs.isoformat(),
        lands.isoformat(),
        passengers=passengers,
    )


def leaving_at(clock: str, passengers: list[str], ident: str = "out1", day: int = 24) -> str:
    return flight(
        ident,
        "departure",
        f"2025-07-{day}T{clock}:00",
        f"2025-07-{day}T23:00:00+09:00",
        passengers=passengers,
    )


def in_berlin_spring_forward(text: str) -> str:
    """``text`` moved to Berlin, 2025-03-29..30 (day 2: the clocks skip 02:00 to 03:00)."""
    return (
        text.replace('"Asia/Shanghai"', '"Europe/Berlin"')
        .replace("start = 2025-07-23", "start = 2025-03-29")
        .replace("end = 2025-07-24", "end = 2025-03-30")
    )


class TestOverSeats:
    def test_more_people_than_seats(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip(
                "bus", "09:00", "10:00", "hotel", "center", vehicles=["car"], attendees=["japan"]
            )
        )
        assert found(text) == [("over-seats", ("bus",))]

    def test_exactly_full_is_fine_and_seats_add_up(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip(
                "bus",
                "09:00",
                "10:00",
                "hotel",
                "center",
                vehicles=["car"],
                attendance=3,
            )
            + trip(
                "big",
                "11:00",
                "12:00",
                "center",
                "hotel",
                vehicles=["car", "coach1"],
                attendance=48,
            )
        )
        assert found(text) == []


class TestVehicleOverlap:
    def test_one_coach_on_two_trips_at_once(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip("a", "09:00", "10:00", "hotel", "center", vehicles=["coach1"])
            + trip("b", "09:30", "10:30", "hotel", "center", vehicles=["coach2", "coach1"])
        )
        assert found(text) == [("vehicle-overlap", ("a", "b", "coach1"))]
        (finding,) = [f for f in findings_of(text) if f.code == "vehicle-overlap"]
        assert text.splitlines()[finding.place.line - 1] == 'vehicles = ["coach2", "coach1"]'

    def test_coaches_back_to_back_at_the_same_hotel(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip("in", "17:00", "17:30", "center", "hotel", vehicles=["coach1", "coach2"])
            + trip("out", "17:30", "18:00", "hotel", "center", vehicles=["coach1", "coach2"])
        )
        assert found(text) == []


class TestVehicleTravel:
    def test_the_coach_cannot_reach_the_next_pickup(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip("a", "09:00", "09:30", "center", "hotel", vehicles=["coach1"])
            + trip("b", "10:00", "11:00", "airport", "hotel", vehicles=["coach1"])
        )
        assert found(text) == [("vehicle-travel", ("a", "b", "coach1"))]

    def test_the_clocks_going_forward_take_no_time_off_the_drive(self) -> None:
        # Berlin, 2025-03-30: from 01:30 to 03:10 is 40 minutes, less than the 60 to the airport.
        text = (
            plan_text(
                TRANSPORT
                + trip("a", "01:00", "01:30", "center", "hotel", day=2, vehicles=["coach1"])
                + trip("b", "03:10", "04:30", "airport", "hotel", day=2, vehicles=["coach1"])
            )
            .replace('"Asia/Shanghai"', '"Europe/Berlin"')
            .replace("start = 2025-07-23", "start = 2025-03-29")
            .replace("end = 2025-07-24", "end = 2025-03-30")
        )
        assert found(text, "vehicle-travel") == [("vehicle-travel", ("a", "b", "coach1"))]

    def test_enough_time_for_the_drive(self) -> None:
        text = plan_text(
            TRANSPORT
            + trip("a", "09:00", "09:30", "center", "hotel", vehicles=["coach1"])
            + trip("b", "10:30", "11:30", "airport", "hotel", vehicles=["coach1"])
        )
        assert found(text) == []


class TestTransferShort:
    def test_a_trip_shorter_than_the_road(self) -> None:
        text = plan_text(TRANSPORT + trip("bus", "09:00", "09:59", "hotel", "airport"))
        assert found(text) == [("transfer-short", ("bus",))]

    def test_exactly_the_travel_time(self) -> None:
        text = plan_text(TRANSPORT + trip("bus", "09:00", "10:00", "hotel", "airport"))
        assert found(text) == []


class TestTransferLoop:
    def test_to_is_where_it_leaves_from(self) -> None:
        text = plan_text(TRANSPORT + trip("bus", "09:00", "10:00", "hotel", "hotel"))
        assert found(text) == [("transfer-loop", ("bus",))]


class TestPickupEarly:
    def test_the_coach_leaves_before_the_landing_buffer_is_over(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["japan"])
            + trip("pickup", "10:44", "11:44", "airport", "hotel", attendees=["japan"])
        )
        assert found(text) == [("pickup-early", ("in1", "pickup"))]

    def test_the_buffer_runs_in_real_minutes_across_the_change_of_clocks(self) -> None:
        # Landing at 01:30 CET, the passengers are ready at 03:15 CEST, not 02:15.
        landing = flight(
            "in1",
            "arrival",
            "2025-03-29T22:00:00+00:00",
            "2025-03-30T01:30:00",
            passengers=["japan"],
        )
        text = in_berlin_spring_forward(
            plan_text(
                TRANSPORT
                + landing
                + trip("pickup", "03:00", "04:00", "airport", "hotel", day=2, attendees=["japan"])
            )
        )
        assert found(text, "pickup-early") == [("pickup-early", ("in1", "pickup"))]

    def test_a_pickup_exactly_at_landing_plus_buffer(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["japan"])
            + trip("pickup", "10:45", "11:45", "airport", "hotel", attendees=["japan"])
        )
        assert found(text) == []

    def test_the_buffer_comes_from_check(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["aoki"])
            + trip("pickup", "10:45", "11:45", "airport", "hotel", attendees=["aoki"])
            + '\n[check]\nlanding_buffer = "1h"\n'
        )
        assert found(text) == [("pickup-early", ("in1", "pickup"))]

    def test_a_delegation_on_two_flights_is_picked_up_after_each(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["japan"])
            + landing_at("15:00", ["japan"], ident="in2")
            + trip("first", "11:00", "12:00", "airport", "hotel", attendees=["japan"])
            + trip("second", "16:00", "17:00", "airport", "hotel", attendees=["japan"])
        )
        assert found(text) == []


class TestNoPickup:
    def test_nobody_meets_the_flight(self) -> None:
        text = plan_text(TRANSPORT + landing_at("10:00", ["chen"]))
        assert found(text) == [("no-pickup", ("in1",))]

    def test_a_transfer_for_someone_else_does_not_count(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["chen"])
            + trip("pickup", "11:00", "12:00", "airport", "hotel", attendees=["japan"])
        )
        assert found(text) == [("no-pickup", ("in1",))]

    def test_the_window_ends_three_hours_after_landing(self) -> None:
        late = plan_text(
            TRANSPORT
            + landing_at("10:00", ["chen"])
            + trip("pickup", "13:01", "14:01", "airport", "hotel", attendees=["chen"])
        )
        assert found(late) == [("no-pickup", ("in1",))]
        in_time = late.replace('start = "13:01"', 'start = "13:00"')
        assert found(in_time) == []
        wider = late + '\n[check]\npickup_window = "3h1m"\n'
        assert found(wider) == []


class TestLateToAirport:
    def test_the_bus_reaches_the_airport_after_check_in_closes(self) -> None:
        text = plan_text(
            TRANSPORT
            + leaving_at("15:00", ["japan"])
            + trip("seeoff", "12:00", "13:01", "hotel", "airport", day=2, attendees=["japan"])
        )
        assert found(text) == [("late-to-airport", ("out1", "seeoff"))]

    def test_the_buffer_runs_in_real_minutes_across_the_change_of_clocks(self) -> None:
        # Leaving at 04:00 CEST, check-in closes at 01:00 CET, not 02:00.
        leaving = flight(
            "out1",
            "departure",
            "2025-03-30T04:00:00",
            "2025-03-30T09:00:00+00:00",
            passengers=["japan"],
        )
        text = in_berlin_spring_forward(
            plan_text(
                TRANSPORT
                + leaving
                + trip("seeoff", "00:30", "01:30", "hotel", "airport", day=2, attendees=["japan"])
            )
        )
        assert found(text, "late-to-airport") == [("late-to-airport", ("out1", "seeoff"))]

    def test_arriving_exactly_at_the_check_in_buffer(self) -> None:
        text = plan_text(
            TRANSPORT
            + leaving_at("15:00", ["japan"])
            + trip("seeoff", "12:00", "13:00", "hotel", "airport", day=2, attendees=["japan"])
        )
        assert found(text) == []

    def test_checkin_buffer_from_check(self) -> None:
        text = plan_text(
            TRANSPORT
            + leaving_at("15:00", ["japan"])
            + trip("seeoff", "12:00", "13:00", "hotel", "airport", day=2, attendees=["japan"])
            + "\n[check]\ncheckin_buffer = 121\n"
        )
        assert found(text) == [("late-to-airport", ("out1", "seeoff"))]


class TestOnlyTheFlightsDay:
    def test_a_delegation_bus_days_after_a_flight_left_is_not_late_for_it(self) -> None:
        text = plan_text(
            TRANSPORT
            + leaving_at("15:00", ["aoki"], day=23)
            + trip("early-seeoff", "11:00", "12:00", "hotel", "airport", attendees=["aoki"])
            + trip("seeoff", "12:00", "13:00", "hotel", "airport", day=2, attendees=["japan"])
        )
        assert found(text) == []

    def test_a_delegation_pickup_the_day_before_is_not_early(self) -> None:
        # The delegation came by train; Aoki flies in the next day.
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["aoki"], ident="in2", day=24)
            + trip("first", "11:00", "12:00", "airport", "hotel", attendees=["japan"])
            + trip("second", "11:00", "12:00", "airport", "hotel", day=2, attendees=["aoki"])
        )
        assert found(text) == []


class TestBadInput:
    def test_an_empty_flight(self) -> None:
        text = plan_text(
            TRANSPORT + flight("in1", "arrival", "2025-07-23T09:00:00", "2025-07-23T11:00:00")
        )
        assert found(text) == [("empty-flight", ("in1",))]

    def test_a_vehicle_on_no_transfer(self) -> None:
        text = plan_text(
            TRANSPORT + trip("bus", "09:00", "10:00", "hotel", "center", vehicles=["coach1"])
        )
        assert sorted(found(text, UNUSED)) == [(UNUSED, ("car",)), (UNUSED, ("coach2",))]


class TestFlightMismatch:
    def test_arrive_far_from_the_landing(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["aoki"])
            + trip("pickup", "11:00", "12:00", "airport", "hotel", attendees=["aoki"])
        ).replace('name = "Aoki"', 'name = "Aoki"\narrive = 2025-07-23T10:46:00')
        assert found(text) == [("flight-mismatch", ("aoki", "in1"))]

    def test_arrive_within_the_landing_buffer(self) -> None:
        text = plan_text(
            TRANSPORT
            + landing_at("10:00", ["aoki"])
            + leaving_at("15:00", ["aoki"])
            + trip("pickup", "11:00", "12:00", "airport", "hotel", attendees=["aoki"])
            + trip("seeoff", "11:00", "12:00", "hotel", "airport", day=2, attendees=["aoki"])
        ).replace(
            'name = "Aoki"',
            'name = "Aoki"\narrive = 2025-07-23T10:45:00\ndepart = 2025-07-24T14:15:00',
        )
        assert found(text) == []


def plan_of(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 20),
            st.integers(1, 8),
            st.sets(st.sampled_from(["coach1", "coach2", "car"]), min_size=1),
        ),
        max_size=8,
    )
)
def test_the_vehicle_sweep_equals_a_brute_force_check(
    trips: list[tuple[int, int, set[str]]],
) -> None:
    text = plan_text(
        TRANSPORT
        + "".join(
            trip(
                f"t{index}",
                f"{8 + start // 2:02d}:{start % 2 * 30:02d}",
                f"{8 + (start + length) // 2:02d}:{(start + length) % 2 * 30:02d}",
                "hotel",
                vehicles=sorted(vehicles),
            )
            for index, (start, length, vehicles) in enumerate(trips)
        )
    )
    plan = plan_of(text)
    brute = {
        (vehicle, *sorted((a.id, b.id)))
        for a, b in itertools.combinations(plan.sessions, 2)
        for vehicle in set(a.vehicles) & set(b.vehicles)
        if a.start < b.end and b.start < a.end
    }
    swept = {
        (vehicle, *sorted((a.id, b.id)))
        for vehicle, sessions in transfers_by_vehicle(plan).items()
        for a, b in overlapping_pairs(sessions)
    }
    assert swept == brute
    reported = {
        (f.subjects[0], *sorted(f.subjects[1:]))
        for f in findings_of(text)
        if f.code == "vehicle-overlap"
    }
    assert reported == brute
