"""Each rule of the check contract: a plan that makes it fire, and one where it must not."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import findings_of, plan_text, session, summary
from seminar_plan import load_text
from seminar_plan.checks.rules import travel_time
from seminar_plan.model import Plan


def loaded_plan(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


class TestRoomOverlap:
    def test_two_sessions_in_one_room_overlap(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="hall")
        )
        assert summary(text) == [("room-overlap", ("a", "b", "hall"))]

    def test_back_to_back_is_not_an_overlap(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "10:00", "11:00", room="hall")
        )
        assert summary(text) == []

    def test_same_time_in_two_rooms_is_fine(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:00", "10:00", room="salon")
        )
        assert summary(text) == []

    def test_same_time_on_two_days_is_fine(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:00", "10:00", day=2, room="hall")
        )
        assert summary(text) == []

    def test_three_overlapping_sessions_give_three_findings(self) -> None:
        text = plan_text(
            session("a", "09:00", "12:00", room="hall")
            + session("b", "09:30", "11:00", room="hall")
            + session("c", "10:00", "10:30", room="hall")
        )
        assert sorted(summary(text)) == [
            ("room-overlap", ("a", "b", "hall")),
            ("room-overlap", ("a", "c", "hall")),
            ("room-overlap", ("b", "c", "hall")),
        ]

    def test_place_is_the_later_session_and_message_names_the_other_line(self) -> None:
        # "late" is written first but starts later: the finding stands at its room key.
        text = plan_text(
            session("late", "09:30", "10:30", room="hall")
            + session("early", "09:00", "10:00", room="hall")
        )
        lines = text.splitlines()
        (finding,) = findings_of(text)
        late_room = next(i for i, line in enumerate(lines, 1) if line == 'room = "hall"')
        early_header = max(i for i, line in enumerate(lines, 1) if line == "[[sessions]]")
        assert (finding.place.line, finding.place.column) == (late_room, 1)
        assert f"seminar.toml:{early_header}" in finding.message

    def test_at_a_tie_the_place_is_the_later_in_the_file(self) -> None:
        text = plan_text(
            session("first", "09:00", "10:00", room="hall")
            + session("second", "09:00", "10:00", room="hall")
        )
        lines = text.splitlines()
        (finding,) = findings_of(text)
        second_room = max(i for i, line in enumerate(lines, 1) if line == 'room = "hall"')
        assert finding.place.line == second_room


class TestPersonOverlap:
    def test_speaker_in_two_overlapping_sessions(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
            + session("b", "09:30", "10:30", room="salon", moderators=["aoki"])
        )
        assert ("person-overlap", ("a", "aoki", "b")) in summary(text)

    def test_each_role_commits(self) -> None:
        for key in ("speakers", "moderators", "interpreters", "attendees"):
            text = plan_text(
                session("a", "09:00", "10:00", speakers=["aoki"])
                # mypy cannot see that key is never "day", the one int parameter.
                + session("b", "09:30", "10:30", **{key: ["aoki"]})  # type: ignore[arg-type]
            )
            assert summary(text, "person-overlap") == [("person-overlap", ("a", "aoki", "b"))], key
        text = plan_text(
            session("a", "09:00", "10:00", owner="aoki")
            + session("b", "09:30", "10:30", owner="aoki")
        )
        assert summary(text, "person-overlap") == [("person-overlap", ("a", "aoki", "b"))]

    def test_group_members_are_committed(self) -> None:
        text = plan_text(
            """
            [groups.staff]
            members = ["aoki", "chen"]
            """
            + session("a", "09:00", "10:00", attendees=["staff"])
            + session("b", "09:30", "10:30", speakers=["chen"])
        )
        assert summary(text, "person-overlap") == [("person-overlap", ("a", "b", "chen"))]

    def test_a_delegation_listed_in_two_parallel_meetings_commits_no_one(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", attendees=["japan"])
            + session("b", "09:00", "10:00", room="salon", attendees=["japan"])
        )
        # No named person is committed; the delegation itself is (delegation-overlap).
        assert summary(text) == [("delegation-overlap", ("a", "b", "japan"))]

    def test_all_commits_no_named_person(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", attendees=["all"], interpretation="consecutive")
            + session("b", "09:00", "10:00", attendees="all", interpretation="consecutive")
        )
        assert summary(text, "person-overlap") == []
        assert summary(text) == [
            ("delegation-overlap", ("a", "b", "china")),
            ("delegation-overlap", ("a", "b", "japan")),
        ]

    def test_place_is_the_key_that_names_the_person_in_the_later_session(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", speakers=["aoki"])
            + session("b", "09:30", "10:30", owner="sato", moderators=["sato", "aoki"])
        )
        (finding,) = findings_of(text)
        line = text.splitlines()[finding.place.line - 1]
        assert (line, finding.place.column) == ('moderators = ["sato", "aoki"]', 1)

    def test_back_to_back_is_fine(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", speakers=["aoki"])
            + session("b", "10:00", "10:30", speakers=["aoki"])
        )
        assert summary(text) == []


class TestOutsideStay:
    STAY = """
    [people.vip]
    name = "VIP"
    delegation = "japan"
    arrive = 2025-07-23T10:00:00+09:00
    depart = 2025-07-24T15:00:00
    """

    def test_session_before_arrival_in_another_zone(self) -> None:
        # 10:00 in Tokyo is 09:00 in Shanghai: a session at 08:30 starts before the arrival.
        text = plan_text(self.STAY + session("early", "08:30", "09:30", speakers=["vip"]))
        assert summary(text) == [("outside-stay", ("early", "vip"))]

    def test_session_starting_at_arrival_is_fine(self) -> None:
        text = plan_text(self.STAY + session("ok", "09:00", "09:30", speakers=["vip"]))
        assert summary(text) == []

    def test_session_after_departure_local_time(self) -> None:
        text = plan_text(self.STAY + session("late", "14:30", "15:30", day=2, speakers=["vip"]))
        assert summary(text) == [("outside-stay", ("late", "vip"))]

    def test_session_ending_at_departure_is_fine(self) -> None:
        text = plan_text(self.STAY + session("ok", "14:00", "15:00", day=2, speakers=["vip"]))
        assert summary(text) == []


class TestCueOutsideStay:
    STAY = TestOutsideStay.STAY

    def cue(self, at: str, who: str = "vip", day: int = 1, start: str = "08:00") -> str:
        return (
            session("open", start, "24:00" if at == "24:00" else "18:00", day=day)
            + f'\n[[sessions.cues]]\nat = "{at}"\nwhat = "To the podium"\nwho = "{who}"\n'
        )

    def test_a_cue_before_the_arrival(self) -> None:
        # The VIP lands at 09:00 Shanghai time; the cue calls them at 08:30.
        findings = findings_of(plan_text(self.STAY + self.cue("08:30")))
        assert [(f.code, f.subjects) for f in findings] == [("outside-stay", ("vip", "open"))]
        assert "the cue at 08:30" in findings[0].message

    def test_a_cue_after_the_departure(self) -> None:
        text = plan_text(self.STAY + self.cue("15:30", day=2))
        assert summary(text) == [("outside-stay", ("open", "vip"))]

    def test_a_cue_at_midnight_after_the_departure_reads_24_00(self) -> None:
        stay = self.STAY.replace("2025-07-24T15:00:00", "2025-07-24T23:30:00")
        findings = findings_of(plan_text(stay + self.cue("24:00", day=2, start="23:00")))
        assert [(f.code, f.subjects) for f in findings] == [("outside-stay", ("vip", "open"))]
        assert "before the cue at 24:00 in 'open'" in findings[0].message

    def test_a_cue_within_the_stay_or_for_someone_without_one(self) -> None:
        assert summary(plan_text(self.STAY + self.cue("09:00"))) == []
        assert summary(plan_text(self.STAY + self.cue("08:30", who="aoki"))) == []

    def test_one_finding_when_the_person_is_also_committed(self) -> None:
        text = plan_text(
            self.STAY
            + session("open", "08:00", "10:00", speakers=["vip"])
            + '\n[[sessions.cues]]\nat = "08:30"\nwhat = "Speech"\nwho = "vip"\n'
        )
        assert summary(text) == [("outside-stay", ("open", "vip"))]


class TestStayRange:
    def person(self, arrive: str = "", depart: str = "") -> str:
        lines = ["[people.far]", 'name = "Far"']
        if arrive:
            lines.append(f"arrive = {arrive}")
        if depart:
            lines.append(f"depart = {depart}")
        return "\n".join(lines) + "\n"

    def test_an_arrival_a_month_early_and_a_departure_a_year_late(self) -> None:
        text = plan_text(self.person("2025-06-23T10:00:00", "2026-07-24T10:00:00"))
        findings = findings_of(text)
        assert [(f.code, f.subjects) for f in findings] == [
            ("stay-range", ("far",)),
            ("stay-range", ("far",)),
        ]
        lines = text.splitlines()
        assert [lines[f.place.line - 1].split(" =")[0] for f in findings] == ["arrive", "depart"]

    def test_seven_days_either_side_is_fine(self) -> None:
        # The event runs 2025-07-23 .. 2025-07-24.
        text = plan_text(self.person("2025-07-16T00:00:00", "2025-07-31T23:59:00"))
        assert summary(text) == []

    def test_eight_days_is_reported(self) -> None:
        assert summary(plan_text(self.person("2025-07-15T23:59:00"))) == [("stay-range", ("far",))]
        assert summary(plan_text(self.person(depart="2025-08-01T00:00:00"))) == [
            ("stay-range", ("far",))
        ]


class TestCapacity:
    def test_delegations_over_capacity(self) -> None:
        text = plan_text(
            session(
                "a",
                "09:00",
                "10:00",
                room="salon",
                attendees=["japan", "china"],
                interpretation="consecutive",
            )
        )
        assert summary(text) == []
        small = text.replace("capacity = 20", "capacity = 8")
        assert summary(small) == [("over-capacity", ("a", "salon"))]

    def test_all_counts_participants_else_delegations(self) -> None:
        text = plan_text(
            session(
                "a", "09:00", "10:00", room="salon", attendees=["all"], interpretation="consecutive"
            )
        )
        assert summary(text.replace("capacity = 20", "capacity = 9")) == []
        assert summary(text.replace("capacity = 20", "capacity = 8")) == [
            ("over-capacity", ("a", "salon"))
        ]
        with_total = text.replace(
            'languages = ["ja", "zh", "en"]', 'languages = ["ja"]\nparticipants = 30'
        )
        found = summary(with_total.replace("capacity = 20", "capacity = 29"))
        assert ("over-capacity", ("a", "salon")) in found

    def test_attendance_overrides(self) -> None:
        text = plan_text(
            session(
                "a",
                "09:00",
                "10:00",
                room="salon",
                attendees=["all"],
                attendance=15,
                interpretation="consecutive",
            )
        )
        assert summary(text.replace("capacity = 20", "capacity = 14")) == [
            ("over-capacity", ("a", "salon"))
        ]
        assert summary(text.replace("capacity = 20", "capacity = 15")) == []

    def test_groups_and_people_count(self) -> None:
        text = plan_text(
            """
            [groups.press]
            headcount = 7
            """
            + session("a", "09:00", "10:00", room="salon", attendees=["press", "aoki", "sato"])
        )
        assert summary(text.replace("capacity = 20", "capacity = 9")) == []
        assert summary(text.replace("capacity = 20", "capacity = 8")) == [
            ("over-capacity", ("a", "salon"))
        ]

    def test_no_attendees_no_check_and_no_capacity_no_check(self) -> None:
        text = plan_text(session("a", "09:00", "10:00", room="salon"))
        assert summary(text.replace("capacity = 20", "capacity = 0")) == []
        text = plan_text(session("a", "09:00", "10:00", room="salon", attendance=500))
        assert summary(text.replace("capacity = 20\n", "")) == []


class TestRoomClosed:
    def test_outside_hours_warns(self) -> None:
        text = plan_text(session("a", "07:30", "08:30", room="salon")).replace(
            "capacity = 20", 'capacity = 20\nopen = "08:00"\nclose = "18:00"'
        )
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "room-closed",
            "warning",
            ("a", "salon"),
        )

    def test_exactly_the_opening_hours_is_fine(self) -> None:
        text = plan_text(session("a", "08:00", "18:00", room="salon")).replace(
            "capacity = 20", 'capacity = 20\nopen = "08:00"\nclose = "18:00"'
        )
        assert summary(text) == []

    def test_close_at_midnight(self) -> None:
        text = plan_text(session("a", "22:00", "24:00", room="salon")).replace(
            "capacity = 20", 'capacity = 20\nclose = "24:00"'
        )
        assert summary(text) == []


class TestTravelTime:
    def test_too_little_time_between_venues(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
            + session("b", "10:15", "11:00", room="salon", speakers=["aoki"])
        )
        (finding,) = findings_of(text)
        assert (finding.code, sorted(finding.subjects)) == ("travel-time", ["a", "aoki", "b"])

    def test_enough_time_same_venue_or_unknown_pair_is_fine(self) -> None:
        enough = session("a", "09:00", "10:00", room="hall", speakers=["aoki"]) + session(
            "b", "10:30", "11:00", room="salon", speakers=["aoki"]
        )
        assert summary(plan_text(enough)) == []
        same_venue = session("a", "09:00", "10:00", room="hall", speakers=["aoki"]) + session(
            "b", "10:00", "11:00", venue="center", speakers=["aoki"]
        )
        assert summary(plan_text(same_venue)) == []
        no_entry = plan_text(
            """
            [venues.park]
            name = "Park"
            """
            + session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
            + session("b", "10:00", "11:00", venue="park", speakers=["aoki"])
        )
        assert summary(no_entry) == []

    def test_delegation_travel_is_not_checked(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", attendees=["japan"])
            + session("b", "10:00", "11:00", room="salon", attendees=["japan"])
        )
        assert summary(text) == []


class TestTransfersTo:
    """A transfer with ``to`` is at its departure venue at its start and at ``to`` at its end."""

    def bus(self, start: str, end: str, to: str | None = None) -> str:
        """A bus from the center that carries Aoki."""
        bus = session("bus", start, end, kind="transfer", venue="center", attendees=["aoki"])
        return bus if to is None else bus + f'to = "{to}"\n'

    def test_a_bus_that_is_the_trip_is_not_a_missing_trip(self) -> None:
        text = plan_text(
            session("panel", "16:00", "17:00", room="hall", speakers=["aoki"])
            + self.bus("17:00", "17:30", to="hotel")
            + session("dinner", "17:30", "19:00", room="salon", kind="meal", attendees=["aoki"])
        )
        assert summary(text) == []

    def test_without_to_the_bus_stays_at_its_venue(self) -> None:
        text = plan_text(
            self.bus("17:00", "17:30")
            + session("dinner", "17:30", "19:00", room="salon", kind="meal", attendees=["aoki"])
        )
        assert summary(text) == [("travel-time", ("aoki", "bus", "dinner"))]

    def test_the_bus_still_leaves_from_its_venue(self) -> None:
        # Aoki is at the hotel until 16:50; the bus leaves the center at 17:00.
        text = plan_text(
            session("call", "16:00", "16:50", room="salon", speakers=["aoki"])
            + self.bus("17:00", "17:30", to="hotel")
        )
        assert summary(text) == [("travel-time", ("aoki", "bus", "call"))]

    def test_a_bus_to_elsewhere_is_a_trip_from_there(self) -> None:
        text = plan_text(
            """
            [venues.park]
            name = "Park"

            [[travel]]
            between = ["park", "hotel"]
            minutes = 40
            """
            + self.bus("17:00", "17:30", to="park")
            + session("dinner", "17:45", "19:00", room="salon", kind="meal", attendees=["aoki"])
        )
        assert summary(text) == [("travel-time", ("aoki", "bus", "dinner"))]


class TestTravelConflict:
    TWICE = """
    [[travel]]
    between = ["center", "hotel"]
    minutes = {minutes}
    """

    def test_two_entries_for_one_pair_with_different_minutes(self) -> None:
        text = plan_text(self.TWICE.format(minutes=45))
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, set(finding.subjects)) == (
            "travel-conflict",
            "error",
            {"hotel", "center"},
        )
        assert text.splitlines()[finding.place.line - 1].strip() == "minutes = 45"
        assert "30 minutes at seminar.toml:" in finding.message

    def test_the_same_minutes_twice_is_no_conflict(self) -> None:
        assert summary(plan_text(self.TWICE.format(minutes=30))) == []


class TestDelegationOverlap:
    def test_a_delegation_at_two_places_at_once(self) -> None:
        text = plan_text(
            session("panel", "16:00", "17:30", room="hall", attendees=["japan"])
            + session("bus", "17:15", "18:00", kind="transfer", venue="center",
                      attendees=["japan", "china"])
        )  # fmt: skip
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "delegation-overlap",
            "warning",
            ("japan", "panel", "bus"),
        )
        line = text.splitlines()[finding.place.line - 1]
        assert line == 'attendees = ["japan", "china"]'

    def test_all_makes_every_delegation_present(self) -> None:
        text = plan_text(
            session("plenary", "09:00", "10:00", room="hall", attendees="all",
                    interpretation="simultaneous")
            + session("visit", "09:30", "11:00", venue="center", attendees=["china"])
        )  # fmt: skip
        assert summary(text) == [("delegation-overlap", ("china", "plenary", "visit"))]

    def test_a_delegation_in_two_optional_breakouts(self) -> None:
        text = plan_text(
            session("breakout-a", "14:00", "15:00", room="hall", attendees=["japan"],
                    optional=True)
            + session("breakout-b", "14:00", "15:00", room="salon", attendees=["japan"],
                      optional=True)
        )  # fmt: skip
        assert summary(text) == []

    def test_one_optional_session_is_enough(self) -> None:
        text = plan_text(
            session("tour", "14:00", "16:00", venue="center", attendees=["japan"], optional=True)
            + session("talk", "15:00", "16:00", room="hall", attendees=["japan"])
        )
        assert summary(text) == []

    def test_back_to_back_is_not_an_overlap(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", attendees=["japan"])
            + session("b", "10:00", "11:00", room="hall", attendees=["japan"])
        )
        assert summary(text) == []

    def test_named_people_do_not_make_their_delegation_present(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", attendees=["aoki"])
            + session("b", "09:00", "10:00", room="salon", attendees=["sato"])
        )
        assert summary(text) == []

    def test_optional_keeps_named_people_committed(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", speakers=["aoki"], optional=True)
            + session("b", "09:00", "10:00", room="salon", speakers=["aoki"], optional=True)
        )
        assert summary(text) == [("person-overlap", ("a", "aoki", "b"))]


class TestInterpretation:
    def test_two_languages_need_interpretation(self) -> None:
        text = plan_text(session("a", "09:00", "10:00", speakers=["aoki", "chen"]))
        assert summary(text) == [("no-interpretation", ("a",))]
        assert (
            summary(text.replace('end = "10:00"', 'end = "10:00"\ninterpretation = "consecutive"'))
            == []
        )

    def test_languages_come_from_delegations_all_and_person_languages(self) -> None:
        assert summary(plan_text(session("a", "09:00", "10:00", attendees=["japan", "china"]))) == [
            ("no-interpretation", ("a",))
        ]
        assert summary(plan_text(session("a", "09:00", "10:00", attendees=["all"]))) == [
            ("no-interpretation", ("a",))
        ]
        one_language = plan_text(
            session("a", "09:00", "10:00", attendees=["japan"], speakers=["sato"])
        )
        assert summary(one_language) == []
        bilingual = plan_text(
            session("a", "09:00", "10:00", attendees=["japan"], speakers=["aoki"])
        ).replace('name = "Aoki"', 'name = "Aoki"\nlanguages = ["zh", "ja"]')
        assert summary(bilingual) == [("no-interpretation", ("a",))]

    def test_meals_breaks_transfers_and_registration_are_exempt(self) -> None:
        for kind in ("meal", "break", "transfer", "registration"):
            text = plan_text(session("a", "12:00", "13:00", kind=kind, attendees=["all"]))
            assert summary(text) == [], kind
        for kind in ("reception", "visit", "other", "ceremony"):
            text = plan_text(session("a", "12:00", "13:00", kind=kind, attendees=["all"]))
            assert summary(text) == [("no-interpretation", ("a",))], kind

    def test_simultaneous_needs_booths(self) -> None:
        text = plan_text(
            session(
                "a",
                "09:00",
                "10:00",
                room="salon",
                speakers=["aoki", "chen"],
                interpretation="simultaneous",
            )
        )
        assert summary(text) == [("no-booth", ("a", "salon"))]
        in_hall = text.replace('room = "salon"', 'room = "hall"')
        assert summary(in_hall) == []


class TestHeadcount:
    def test_participants_differ_from_delegations(self) -> None:
        text = plan_text().replace(
            'languages = ["ja", "zh", "en"]', 'languages = ["ja"]\nparticipants = 10'
        )
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "headcount",
            "warning",
            (),
        )
        assert text.splitlines()[finding.place.line - 1] == "participants = 10"

    def test_a_headcount_of_the_wrong_type_is_reported_once(self) -> None:
        text = (
            plan_text()
            .replace('languages = ["ja", "zh", "en"]', 'languages = ["ja"]\nparticipants = 9')
            .replace("headcount = 5", 'headcount = "5"')
        )
        assert summary(text) == [("schema", ("japan",))]

    def test_participants_equal_to_the_sum(self) -> None:
        text = plan_text().replace(
            'languages = ["ja", "zh", "en"]', 'languages = ["ja"]\nparticipants = 9'
        )
        assert summary(text) == []


class TestRepeatedSessions:
    def test_each_day_is_checked_on_its_own_and_named_id_at_day(self) -> None:
        text = plan_text(
            session("breakfast", "07:00", "08:00", room="salon").replace("day = 1", "day = [1, 2]")
            + session("briefing", "07:30", "08:30", day=2, room="salon")
        )
        assert summary(text) == [("room-overlap", ("breakfast@2", "briefing", "salon"))]


# -- properties: the sweep equals a brute-force pairwise check ---------------------------------

clock = st.integers(min_value=0, max_value=23 * 60 + 58)
Row = tuple[int, int, int, str, str, str | None, bool, str | None]


@st.composite
def timetables(draw: st.DrawFn) -> list[Row]:
    """(day, start, end, room, speaker, attendees, optional, to) rows for a two-day plan; a row
    with ``to`` is a transfer from its room's venue."""
    count = draw(st.integers(min_value=0, max_value=12))
    rows = []
    for _ in range(count):
        start = draw(clock)
        end = draw(st.integers(min_value=start + 1, max_value=min(start + 240, 24 * 60)))
        rows.append(
            (
                draw(st.integers(1, 2)),
                start,
                end,
                draw(st.sampled_from(["hall", "salon"])),
                draw(st.sampled_from(["aoki", "sato"])),
                draw(st.sampled_from([None, "japan", "china", "all"])),
                draw(st.booleans()),
                draw(st.sampled_from([None, None, "hotel", "center"])),
            )
        )
    return rows


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timetable_plan(rows: list[Row]) -> str:
    sessions = []
    for i, (day, start, end, room, speaker, attendee, optional, to) in enumerate(rows):
        # One language per session (consecutive): overlaps and travel are the subject here.
        text = session(
            f"s{i}",
            _hhmm(start),
            _hhmm(end),
            day=day,
            room=room,
            speakers=[speaker],
            optional=optional,
            interpretation="consecutive",
            kind="other" if to is None else "transfer",
        )
        if attendee is not None:
            text += f'attendees = ["{attendee}"]\n'
        if to is not None:
            text += f'to = "{to}"\n'
        sessions.append(text)
    return plan_text("".join(sessions))


@settings(max_examples=150, deadline=None)
@given(timetables())
def test_overlaps_equal_brute_force(rows: list[Row]) -> None:
    expected = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(rows), 2):
        if a[0] == b[0] and a[1] < b[2] and b[1] < a[2]:
            if a[3] == b[3]:
                expected.add(("room-overlap", tuple(sorted((a[3], f"s{i}", f"s{j}")))))
            if a[4] == b[4]:
                expected.add(("person-overlap", tuple(sorted((a[4], f"s{i}", f"s{j}")))))
            if not a[6] and not b[6]:
                for delegation in ("japan", "china"):
                    if {a[5], b[5]} <= {delegation, "all"}:
                        subjects = tuple(sorted((delegation, f"s{i}", f"s{j}")))
                        expected.add(("delegation-overlap", subjects))
    codes = ("room-overlap", "person-overlap", "delegation-overlap")
    found = summary(_timetable_plan(rows))
    overlaps = [item for item in found if item[0] in codes]
    assert len(overlaps) == len(set(overlaps))
    assert set(overlaps) == expected


@settings(max_examples=100, deadline=None)
@given(timetables())
def test_travel_time_equals_brute_force(rows: list[Row]) -> None:
    plan = loaded_plan(_timetable_plan(rows))
    expected = set()
    for person, sessions in plan.sessions_by_person.items():
        for a, b in itertools.permutations(sessions, 2):
            # Where a leaves the person (a transfer's to) and where b expects them.
            venues = {a.to or plan.venue_of(a), plan.venue_of(b)}
            gap = b.start - a.end
            short = dt.timedelta(0) <= gap < dt.timedelta(minutes=30)
            if a.start < b.start and short and len(venues) == 2:
                expected.add((person, a.id, b.id))
    found = {f.subjects for f in travel_time(plan)}
    assert found == expected
