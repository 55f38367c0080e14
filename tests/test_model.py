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
    # japan's 5 include Sato; Chen (china, not listed) is 1; staff has 2 unnamed members.
    assert plan.attendance_of(talk) == 5 + 1 + 2
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


def attendance(attendees: list[str], extra: str = "", written: int | None = None) -> int | None:
    keys = {} if written is None else {"attendance": written}
    plan = plan_of(plan_text(extra + session("a", "09:00", "10:00", attendees=attendees, **keys)))
    return plan.attendance_of(plan.sessions[0])


class TestAttendance:
    """Version 2: attendance counts people, not list entries."""

    def test_named_members_of_a_listed_delegation_are_not_counted_again(self) -> None:
        assert attendance(["japan", "aoki", "sato"]) == 5

    def test_all_is_the_participants_whatever_else_is_listed(self) -> None:
        assert attendance(["all", "japan", "chen"]) == 9
        with_total = "[groups.g]\nmembers = []\nheadcount = 40\n"
        assert attendance(["all", "g"], with_total) == 9

    def test_all_uses_event_participants_when_given(self) -> None:
        text = plan_text(session("a", "09:00", "10:00", attendees=["all", "japan"])).replace(
            'languages = ["ja", "zh", "en"]', 'languages = ["ja", "zh", "en"]\nparticipants = 12'
        )
        plan = plan_of(text)
        assert plan.attendance_of(plan.sessions[0]) == 12

    def test_people_of_an_unlisted_delegation_count_one_each(self) -> None:
        assert attendance(["japan", "chen"]) == 6
        assert attendance(["aoki", "chen"]) == 2

    def test_a_group_counts_its_unnamed_members_once_and_its_named_people_once(self) -> None:
        group = '[groups.staff]\nmembers = ["aoki", "chen"]\nheadcount = 5\n'
        # aoki and chen named (2), 3 unnamed; listing aoki again adds nothing.
        assert attendance(["staff", "aoki"], group) == 5
        # japan covers aoki; chen still counts; the 3 unnamed stay.
        assert attendance(["staff", "japan"], group) == 5 + 1 + 3

    def test_a_group_with_fewer_headcount_than_members_adds_no_negative(self) -> None:
        group = '[groups.pair]\nmembers = ["aoki", "chen"]\nheadcount = 1\n'
        assert attendance(["pair"], group) == 2

    def test_written_attendance_wins_and_no_attendees_means_none(self) -> None:
        assert attendance(["japan"], written=3) == 3
        assert attendance([]) is None


class TestDelegationsPresent:
    def test_listed_delegations_sorted(self) -> None:
        plan = plan_of(
            plan_text(session("a", "09:00", "10:00", attendees=["japan", "chen", "china"]))
        )
        assert plan.delegations_present(plan.sessions[0]) == ("china", "japan")

    def test_all_means_every_delegation(self) -> None:
        plan = plan_of(plan_text(session("a", "09:00", "10:00", attendees="all")))
        assert plan.delegations_present(plan.sessions[0]) == ("china", "japan")

    def test_named_people_and_groups_make_no_delegation_present(self) -> None:
        plan = plan_of(
            plan_text(
                '[groups.g]\nmembers = ["aoki"]\n'
                + session("a", "09:00", "10:00", attendees=["aoki", "g"])
            )
        )
        assert plan.delegations_present(plan.sessions[0]) == ()


def test_groups_by_person_lists_each_persons_groups_once_in_plan_order() -> None:
    plan = plan_of(
        plan_text(
            '[groups.vips]\nmembers = ["chen", "aoki"]\nheadcount = 2\n'
            '[groups.press]\nmembers = ["aoki", "aoki"]\nheadcount = 2\n'
        )
    )
    assert plan.groups_by_person == {"chen": ("vips",), "aoki": ("vips", "press")}


def test_committed_lists_the_people_of_roles_of_in_its_order() -> None:
    plan = plan_of(
        plan_text(
            '[groups.vips]\nmembers = ["chen", "aoki", "ghost"]\nheadcount = 3\n'
            + session(
                "a",
                "09:00",
                "10:00",
                speakers=["sato", "aoki"],
                moderators=["aoki", "nobody"],
                owner="chen",
                attendees=["vips", "sato", "japan"],
            )
        )
    )
    (talk,) = plan.sessions
    assert plan.committed(talk) == tuple(plan.roles_of(talk)) == ("sato", "aoki", "chen")


def test_every_dataclass_has_a_docstring_so_defining_it_skips_inspect_signature() -> None:
    # dataclass() writes a missing docstring from inspect.signature(cls), which cost about a
    # fifth of importing the model; a class added without one would bring that back.
    import ast
    from pathlib import Path

    import seminar_plan

    package = Path(seminar_plan.__file__).parent
    missing = [
        f"{path.relative_to(package)}:{node.name}"
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
        and ast.get_docstring(node) is None
    ]
    assert missing == []
