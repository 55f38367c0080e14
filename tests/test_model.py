"""The model's derived values: texts, roles, attendance, languages, real durations."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateutil import tz

from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.model import Flight, Origin, Plan, Text, elapsed_minutes


def plan_of(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


def test_text_prefers_the_given_order_then_the_first_variant() -> None:
    text = Text((("ja", "開会"), ("en", "Opening")))
    assert text.get(("en", "ja")) == "Opening"
    assert text.get(("zh",)) == "開会"
    assert Text.plain("x").get(("ja",)) == "x"
    assert text.languages == ("ja", "en")


def test_roles_attendance_and_languages() -> None:
    plan = plan_of(
        plan_text(
            '[groups.staff]\nmembers = ["sato"]\nheadcount = 3\n'
            + session(
                "a",
                "09:00",
                "10:00",
                room="hall",
                speakers=["aoki"],
                moderators=["aoki"],
                attendees=["staff", "chen", "japan"],
                interpretation="consecutive",
            )
        )
    )
    (talk,) = plan.sessions
    assert plan.roles_of(talk) == {
        "aoki": ("speaker", "moderator"),
        "chen": ("attendee",),
        "sato": ("attendee",),
    }
    assert plan.attendance_of(talk) == 3 + 1 + 5
    assert plan.languages_of(talk) == ("ja", "zh")
    assert plan.sessions_by_person["sato"] == (talk,)
    assert plan.room_of(talk) is plan.room_by_id["hall"]
    assert plan.venue_of(talk) == "center"


def test_elapsed_minutes_across_a_change_of_clocks() -> None:
    berlin = tz.gettz("Europe/Berlin")
    start = dt.datetime(2025, 3, 30, 1, 0, tzinfo=berlin)
    end = dt.datetime(2025, 3, 30, 4, 0, tzinfo=berlin)
    assert elapsed_minutes(start, end) == 120
    assert elapsed_minutes(start, start + dt.timedelta(minutes=45)) == 45


def test_a_session_over_the_spring_change_lasts_its_real_length() -> None:
    text = plan_text(session("night", "01:00", "04:00")).replace(
        'timezone = "Asia/Shanghai"\nstart = 2025-07-23\nend = 2025-07-24',
        'timezone = "Europe/Berlin"\nstart = 2025-03-30\nend = 2025-03-31',
    )
    (night,) = plan_of(text).sessions
    assert night.minutes == 120


def test_a_flight_carries_people_group_members_and_named_delegation_members() -> None:
    plan = plan_of(plan_text('[groups.vips]\nmembers = ["chen"]\nheadcount = 2\n'))
    moment = dt.datetime(2025, 7, 23, 10, 0, tzinfo=plan.event.tz)
    flight = Flight(
        "in1",
        "CA168",
        "arrival",
        "hotel",
        moment,
        moment + dt.timedelta(hours=2),
        Origin(0, ("flights", 0)),
        passengers=("japan", "vips", "aoki", "nobody"),
    )
    plan = dataclasses.replace(plan, flights=(flight,))
    assert plan.members_by_delegation == {"japan": ("aoki", "sato"), "china": ("chen",)}
    assert plan.passengers_of(flight) == ("aoki", "sato", "chen")
    assert plan.flights_by_person == {"aoki": (flight,), "sato": (flight,), "chen": (flight,)}
    assert flight.minutes == 120
