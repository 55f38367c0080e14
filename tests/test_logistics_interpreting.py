"""Interpreters' languages, time, booths and receivers, as the checks and the views count them."""

from __future__ import annotations

from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.logistics.interpreting import (
    Booth,
    booth_plan,
    covered,
    first_past,
    hours_text,
    interpreting_by_day,
    merged,
    minutes_of,
    spoken,
)
from seminar_plan.model import Plan

PEOPLE = """
[delegations.korea]
name = "Korea"
headcount = 3
language = "ko"

[people.li]
name = "Li"
languages = ["zh", "ja"]

[people.park]
name = "Park"
languages = ["ko", "ja"]

[people.mori]
name = "Mori"
languages = ["ja", "zh", "ko"]

[people.nolang]
name = "Nobody"

[groups.guests]
name = "Guests"
members = ["aoki", "chen"]
headcount = 6
"""


def plan_of(sessions: str) -> Plan:
    plan = load_text(plan_text(PEOPLE + sessions)).plan
    assert plan is not None
    return plan


class TestLanguages:
    def test_own_languages_else_the_delegation_language(self) -> None:
        plan = plan_of("")
        assert spoken(plan, "li") == ("zh", "ja")
        assert spoken(plan, "sato") == ("ja",)
        assert spoken(plan, "nolang") == ()
        assert spoken(plan, "nobody-at-all") == ()

    def test_covered_is_the_session_languages_the_person_speaks(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", attendees=["korea"], speakers=["aoki"],
                    interpreters=["park", "li"])
        )  # fmt: skip
        (a,) = plan.sessions
        # Li's own Chinese makes zh one of the session's languages: committed people count.
        assert plan.languages_of(a) == ("ja", "ko", "zh")
        assert covered(plan, "park", a) == ("ja", "ko")
        assert covered(plan, "li", a) == ("ja", "zh")


class TestTime:
    def test_overlaps_merge_and_back_to_back_joins(self) -> None:
        plan = plan_of(
            session("a", "09:00", "11:00", interpreters=["li"])
            + session("b", "10:00", "12:00", interpreters=["li"])
            + session("c", "12:00", "12:30", interpreters=["li"])
            + session("d", "14:00", "15:00", interpreters=["li"])
            + session("e", "09:00", "10:00", day=2, interpreters=["li"])
        )
        days = interpreting_by_day(plan)["li"]
        assert sorted(days) == [1, 2]
        assert [(s.start.hour, s.end.hour) for s in merged(days[1])] == [(9, 12), (14, 15)]
        assert minutes_of(days[1]) == 270
        assert minutes_of(days[2]) == 60

    def test_the_session_that_passes_the_limit(self) -> None:
        plan = plan_of(
            session("a", "09:00", "11:00", interpreters=["li"])
            + session("b", "10:00", "12:00", interpreters=["li"])
            + session("c", "14:00", "15:00", interpreters=["li"])
        )
        day = interpreting_by_day(plan)["li"][1]
        # The running union: 2h after a, 3h after b (overlapping a), 4h after c.
        assert [s.id for s in (first_past(day, 119), first_past(day, 179)) if s] == ["a", "b"]
        assert [s.id for s in (first_past(day, 180), first_past(day, 239)) if s] == ["c", "c"]
        assert first_past(day, 240) is None

    def test_hours_text(self) -> None:
        texts = [hours_text(m) for m in (0, 40, 60, 265, 361)]
        assert texts == ["0m", "40m", "1h", "4h25m", "6h01m"]


class TestBooths:
    def test_two_languages_one_booth_both_ways(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", room="hall", attendees=["japan", "china"],
                    speakers=["aoki"], interpreters=["li", "mori"],
                    interpretation="simultaneous")
        )  # fmt: skip
        booths = booth_plan(plan, plan.sessions[0])
        assert booths.booths == (Booth(("ja", "zh"), ("li", "mori")),)
        assert booths.available == 2
        # Aoki speaks Japanese: the 4 of the Chinese delegation need receivers.
        assert (booths.floor, booths.receivers) == ("ja", 4)

    def test_three_languages_a_booth_into_each_by_the_interpreters_first_language(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", room="hall", attendees=["all"],
                    speakers=["chen"], interpreters=["li", "mori", "park", "nolang"],
                    interpretation="simultaneous")
        )  # fmt: skip
        booths = booth_plan(plan, plan.sessions[0])
        assert booths.booths == (
            Booth(("ja",), ("mori",)),
            Booth(("ko",), ("park",)),
            Booth(("zh",), ("li",)),
            Booth((), ("nolang",)),
        )
        # All 12 present (5 ja, 4 zh, 3 ko); Chen holds the floor in Chinese.
        assert (booths.floor, booths.receivers) == ("zh", 8)

    def test_a_floor_in_two_languages_gives_everyone_a_receiver(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", room="hall", attendees=["japan", "china"],
                    speakers=["aoki", "chen"], interpretation="simultaneous")
        )  # fmt: skip
        booths = booth_plan(plan, plan.sessions[0])
        assert (booths.floor, booths.receivers) == (None, 9)

    def test_without_speakers_the_floor_is_the_language_of_most(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", room="hall", attendees=["china", "korea", "guests"],
                    interpretation="simultaneous")
        )  # fmt: skip
        booths = booth_plan(plan, plan.sessions[0])
        # china 4 zh, korea 3 ko, the group's Aoki ja: Chinese is the language of most. Everyone
        # attendance counts but the 4 Chinese gets a receiver (the group's unnamed members too).
        attendance = plan.attendance_of(plan.sessions[0])
        assert attendance is not None
        assert (booths.floor, booths.receivers) == ("zh", attendance - 4)

    def test_a_written_attendance_stands_and_no_attendees_gives_no_count(self) -> None:
        plan = plan_of(
            session("a", "09:00", "10:00", room="hall", attendees=["japan"], attendance=3,
                    speakers=["aoki"], interpretation="simultaneous")
            + session("b", "11:00", "12:00", room="hall", speakers=["aoki", "chen"],
                      interpretation="simultaneous")
        )  # fmt: skip
        first, second = plan.sessions
        assert booth_plan(plan, first).receivers == 0
        assert booth_plan(plan, second).receivers is None
