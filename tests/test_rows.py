"""Plan -> rows: filters, itineraries, error markers, option values, times, and the roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from conftest import plan_text, session
from seminar_plan import check, load_text
from seminar_plan.model import Plan
from seminar_plan.options import day_message, known_languages, resolve_day, tracks_of
from seminar_plan.views.roster import build_roster
from seminar_plan.views.rows import (
    Filters,
    build_agenda,
    day_heading,
    errors_by_session,
    places_shown,
    side_tracks,
    span,
    span_in_text,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Day 1: a plenary for everyone, a Japanese-side meeting in the salon, a Chinese-side lunch, a
# side track; day 2 is empty. kato arrives in Tokyo time and leaves on day 2.
SCHEDULE = plan_text(
    """
    [people.kato]
    name = { ja = "加藤", en = "KATO" }
    title = { ja = "課長", en = "Director" }
    organization = "Somewhere"
    delegation = "japan"
    rank = 1
    arrive = 2025-07-23T10:00:00+09:00
    depart = 2025-07-24T18:00:00
    notes = { ja = "便名 NH1", en = "Flight NH1" }
    contact = { phone = "+81-0-0000" }

    [groups.staff]
    members = ["sato"]
    """
    + session(
        "plenary",
        "09:00",
        "10:00",
        room="hall",
        track="main",
        attendees=["all"],
        speakers=["kato", "chen"],
        moderators=["aoki"],
        interpretation="simultaneous",
    )
    + session("japan-meeting", "10:30", "11:00", room="salon", attendees=["japan", "staff"])
    + session("china-lunch", "12:00", "13:00", room="salon", attendees=["china"])
    + session("side-talk", "10:30", "11:00", room="hall", track="side", owner="kato")
)


def loaded_plan(text: str = SCHEDULE) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


def ids(plan: Plan, filters: Filters) -> list[str]:
    return [row.id for row in build_agenda(plan, "seminar.toml", [], filters=filters).rows]


class TestAgenda:
    def test_every_day_in_order_of_date_start_and_room(self) -> None:
        agenda = build_agenda(loaded_plan(), "seminar.toml", [])
        assert [day.number for day in agenda.days] == [1, 2]
        assert [row.id for row in agenda.days[0].rows] == [
            "plenary",
            "side-talk",
            "japan-meeting",
            "china-lunch",
        ]
        assert agenda.days[1].rows == ()

    def test_texts_follow_the_language_order(self) -> None:
        plan = loaded_plan()
        english = build_agenda(plan, "p", [], lang="en", filters=Filters(day=1))
        japanese = build_agenda(plan, "p", [], filters=Filters(day=1))
        assert english.title == "Test"
        assert japanese.title == "試験"
        assert english.lang == "en"
        assert japanese.lang == "ja"
        plenary = english.rows[0]
        assert plenary.speaker_names == ("KATO", "Chen")
        assert plenary.moderator_names == ("Aoki",)
        assert japanese.rows[0].speaker_names == ("加藤", "Chen")
        assert plenary.place == "Hall"
        assert plenary.venue == "center"

    def test_day_filter(self) -> None:
        plan = loaded_plan()
        assert ids(plan, Filters(day=2)) == []
        agenda = build_agenda(plan, "p", [], filters=Filters(day=2))
        assert [day.number for day in agenda.days] == [2]

    def test_room_and_track_filters_combine(self) -> None:
        plan = loaded_plan()
        assert ids(plan, Filters(room="hall")) == ["plenary", "side-talk"]
        assert ids(plan, Filters(track="side")) == ["side-talk"]
        assert ids(plan, Filters(room="hall", track="main")) == ["plenary"]
        assert ids(plan, Filters(room="salon", track="main")) == []

    def test_narrowed_agenda_leaves_out_empty_days(self) -> None:
        agenda = build_agenda(loaded_plan(), "p", [], filters=Filters(room="hall"))
        assert [day.number for day in agenda.days] == [1]

    def test_delegation_filter_takes_all_listed_and_committed(self) -> None:
        plan = loaded_plan()
        # china: "all", its own lunch, and the plenary where chen speaks.
        assert ids(plan, Filters(delegation="china")) == ["plenary", "china-lunch"]
        # japan: "all", its listing, and kato's side talk (kato is on the Japanese side).
        assert ids(plan, Filters(delegation="japan")) == ["plenary", "side-talk", "japan-meeting"]

    def test_side_rows_are_apart_from_main(self) -> None:
        agenda = build_agenda(loaded_plan(), "p", [])
        side = {row.id: row.is_side for row in agenda.rows}
        assert side == {
            "plenary": False,
            "side-talk": True,
            "japan-meeting": False,
            "china-lunch": False,
        }
        assert tracks_of(loaded_plan()) == ("main", "side")


class TestItinerary:
    def test_commitments_with_roles_and_stays(self) -> None:
        agenda = build_agenda(loaded_plan(), "p", [], lang="en", filters=Filters(person="kato"))
        rows = [(row.id, row.kind, row.roles, span(row)) for row in agenda.rows]
        assert rows == [
            ("arrival", "arrival", (), "09:00"),
            ("plenary", "other", ("speaker",), "09:00-10:00"),
            ("side-talk", "other", ("owner",), "10:30-11:00"),
            # Kato's delegation attends; it commits Kato to nothing (side-talk is at 10:30 too).
            ("japan-meeting", "other", ("attending",), "10:30-11:00"),
            ("departure", "departure", (), "18:00"),
        ]
        arrival = agenda.rows[0]
        assert arrival.title == "Arrival"
        assert arrival.note == "Flight NH1"
        assert arrival.start == dt.datetime(2025, 7, 23, 9, 0, tzinfo=SHANGHAI)
        assert agenda.person is not None
        assert (agenda.person.name, agenda.person.title) == ("KATO", "Director")

    def test_group_membership_commits_a_delegation_listing_does_not(self) -> None:
        plan = loaded_plan()
        # sato is in the staff group listed at japan-meeting; aoki is only in the delegation:
        # both itineraries list it (and the plenary), with different roles.
        assert ids(plan, Filters(person="sato")) == ["plenary", "japan-meeting"]
        assert ids(plan, Filters(person="aoki")) == ["plenary", "japan-meeting"]
        sato = build_agenda(plan, "p", [], filters=Filters(person="sato"))
        assert [row.roles for row in sato.rows] == [("attending",), ("attendee",)]
        aoki = build_agenda(plan, "p", [], filters=Filters(person="aoki"))
        assert [row.roles for row in aoki.rows][1:] == [("attending",)]

    def test_stays_follow_the_day_filter_and_drop_with_room_or_track(self) -> None:
        plan = loaded_plan()
        assert ids(plan, Filters(person="kato", day=2)) == ["departure"]
        assert ids(plan, Filters(person="kato", room="hall")) == ["plenary", "side-talk"]
        assert ids(plan, Filters(person="kato", track="side")) == ["side-talk"]
        assert ids(plan, Filters(person="kato", delegation="china")) == ["plenary"]

    def test_arrival_before_the_event_is_its_own_day(self) -> None:
        earlier = "arrive = 2025-07-22T20:00:00"
        text = SCHEDULE.replace("arrive = 2025-07-23T10:00:00+09:00", earlier)
        agenda = build_agenda(loaded_plan(text), "p", [], lang="en", filters=Filters(person="kato"))
        first = agenda.days[0]
        assert (first.number, first.date, first.in_event) == (0, dt.date(2025, 7, 22), False)
        assert day_heading("en", first) == ("2025-07-22 (Tue)",)
        assert agenda.rows[0].day == 0


class TestErrorMarkers:
    def test_error_findings_mark_the_sessions_they_name(self) -> None:
        text = plan_text(
            session("talk-a", "10:00", "11:00", room="hall")
            + session("talk-b", "10:30", "11:30", room="hall")
            + session("calm", "12:00", "13:00", room="hall")
        )
        loaded = load_text(text)
        assert loaded.plan is not None
        marks = errors_by_session(loaded.plan, check(loaded))
        assert sorted(marks) == ["talk-a", "talk-b"]
        assert marks["talk-a"] == marks["talk-b"]
        assert marks["talk-a"][0].code == "room-overlap"

    def test_a_person_named_like_a_session_does_not_mark_it(self) -> None:
        # Subjects of person-overlap are [person, session, session]: "aoki" is the person here.
        text = plan_text(
            session("first", "10:00", "11:00", speakers=["aoki"])
            + session("second", "10:30", "11:30", speakers=["aoki"])
            + session("aoki", "14:00", "15:00")
        )
        loaded = load_text(text)
        assert loaded.plan is not None
        assert sorted(errors_by_session(loaded.plan, check(loaded))) == ["first", "second"]

    def test_warnings_do_not_mark(self) -> None:
        text = plan_text(
            session("mixed", "10:00", "11:00", attendees=["japan", "china"], room="hall")
        )
        loaded = load_text(text)
        assert loaded.plan is not None
        findings = check(loaded)
        assert [f.code for f in findings] == ["no-interpretation"]
        assert errors_by_session(loaded.plan, findings) == {}
        agenda = build_agenda(loaded.plan, "p", findings)
        assert (agenda.errors, agenda.warnings) == (0, 1)

    def test_occurrences_are_marked_one_by_one_or_all_by_base_id(self) -> None:
        daily = session("daily", "09:00", "10:00", room="hall").replace("day = 1", "day = [1, 2]")
        text = plan_text(daily + session("clash", "09:30", "10:30", day=2, room="hall"))
        loaded = load_text(text)
        assert loaded.plan is not None
        marks = errors_by_session(loaded.plan, check(loaded))
        assert sorted(marks) == ["clash", "daily@2"]
        # A finding that names the written id marks every occurrence.
        by_base = [replace(f, code="bad-time", subjects=("daily",)) for f in check(loaded)]
        assert sorted(errors_by_session(loaded.plan, by_base)) == ["daily@1", "daily@2"]


class TestOptionValues:
    def test_resolve_day_by_number_or_date(self) -> None:
        plan = loaded_plan()
        assert resolve_day(plan, "1") == 1
        assert resolve_day(plan, "2025-07-24") == 2
        for bad in ("0", "3", "2025-07-25", "tomorrow", "-1", ""):
            assert resolve_day(plan, bad) is None

    def test_day_message_lists_the_days_and_the_closest(self) -> None:
        message = day_message(loaded_plan(), "2025-07-25")
        assert message == (
            "unknown day '2025-07-25'; did you mean '2025-07-24'? (the event has days 1-2:"
            " 1 (2025-07-23), 2 (2025-07-24); give --day N or --day YYYY-MM-DD)"
        )

    def test_languages(self) -> None:
        plan = loaded_plan()
        assert known_languages(plan) == ("en", "ja", "ko", "zh")
        only_french = SCHEDULE.replace('languages = ["ja", "zh", "en"]', 'languages = ["fr"]')
        french = loaded_plan(only_french)
        assert known_languages(french) == ("en", "ja", "ko", "zh", "fr")


class TestTimes:
    def test_second_zone_shows_the_shift_of_date(self) -> None:
        text = plan_text(session("late", "23:30", "24:00"))
        agenda = build_agenda(loaded_plan(text), "p", [])
        row = agenda.rows[0]
        assert span(row) == "23:30-24:00"
        assert span_in_text(row, ZoneInfo("Asia/Tokyo")) == "00:30-01:00 +1d"
        assert span_in_text(row, ZoneInfo("Europe/London")) == "16:30-17:00"


class TestRoster:
    def test_order_counts_and_roles(self) -> None:
        roster = build_roster(loaded_plan(), "p", lang="en")
        rows = [(r.id, r.delegation, r.sessions, r.roles) for r in roster.rows]
        # By delegation (japan first in the file), then rank (kato is 1), then file order.
        assert rows == [
            ("kato", "japan", 2, ("speaker", "owner")),
            ("aoki", "japan", 1, ("moderator",)),
            ("sato", "japan", 1, ("attendee",)),
            ("chen", "china", 1, ("speaker",)),
        ]
        kato = roster.rows[0]
        assert (kato.name, kato.title, kato.organization, kato.delegation_name) == (
            "KATO",
            "Director",
            "Somewhere",
            "Japan",
        )
        assert kato.arrive == dt.datetime(2025, 7, 23, 9, 0, tzinfo=SHANGHAI)

    def test_contacts_only_when_asked(self) -> None:
        plan = loaded_plan()
        assert all(row.contact == () for row in build_roster(plan, "p").rows)
        asked = build_roster(plan, "p", contacts=True)
        assert asked.rows[0].contact == (("phone", "+81-0-0000"),)

    def test_delegation_filter(self) -> None:
        roster = build_roster(loaded_plan(), "p", delegation="china")
        assert [row.id for row in roster.rows] == ["chen"]

    def test_arrival_and_departure_from_flights_where_none_is_written(self) -> None:
        """As the checks and the rooming list see a stay: chen flies in and out; kato's written
        times stand (shown in the event's zone)."""
        text = SCHEDULE + (
            '[venues.pvg]\nname = "Pudong"\n'
            '[[flights]]\nid = "in"\nnumber = "MU1"\ndirection = "arrival"\nairport = "pvg"\n'
            'departs = 2025-07-22T20:00:00+09:00\narrives = 2025-07-22T21:30:00+08:00\n'
            'passengers = ["chen", "kato"]\n'
            '[[flights]]\nid = "out"\nnumber = "MU2"\ndirection = "departure"\n'
            'airport = "pvg"\ndeparts = 2025-07-24T15:00:00\narrives = 2025-07-24T19:00:00+09:00\n'
            'passengers = ["chen"]\n'
        )
        rows = {row.id: row for row in build_roster(loaded_plan(text), "p").rows}
        assert (rows["chen"].arrive, rows["chen"].depart) == (
            dt.datetime(2025, 7, 22, 21, 30, tzinfo=SHANGHAI),
            dt.datetime(2025, 7, 24, 15, 0, tzinfo=SHANGHAI),
        )
        assert (rows["kato"].arrive, rows["kato"].depart) == (
            dt.datetime(2025, 7, 23, 9, 0, tzinfo=SHANGHAI),
            dt.datetime(2025, 7, 24, 18, 0, tzinfo=SHANGHAI),
        )
        assert (rows["aoki"].arrive, rows["aoki"].depart) == (None, None)


class TestInterpretersDay:
    TEXT = plan_text(
        """
        [people.li]
        name = "Li"
        languages = ["zh", "ja"]
        """
        + session("a", "09:00", "10:00", room="hall", speakers=["aoki"], interpreters=["li"],
                  interpretation="simultaneous")
        + session("b", "09:30", "11:00", room="salon", attendees=["china"], speakers=["sato"],
                  interpreters=["li"], interpretation="consecutive")
        + session("c", "14:00", "15:00", room="salon", attendees=["li"])
    )  # fmt: skip

    def test_rows_show_booth_or_floor_and_the_pair_and_each_day_its_time(self) -> None:
        agenda = build_agenda(
            loaded_plan(self.TEXT), "p.toml", [], lang="en", filters=Filters(person="li")
        )
        rows = {row.id: row for row in agenda.rows}
        assert rows["a"].interpreting is not None
        assert (rows["a"].interpreting.languages, rows["a"].interpreting.booth) == (
            ("ja", "zh"),
            True,
        )
        assert rows["b"].interpreting is not None
        assert rows["b"].interpreting.booth is False
        assert rows["c"].interpreting is None
        # 09:00-11:00 with the overlap counted once; day 2 has no interpreting.
        assert [(day.number, day.interpreting) for day in agenda.days] == [(1, 120)]

    def test_the_day_total_ignores_the_filters_and_others_have_none(self) -> None:
        plan = loaded_plan(self.TEXT)
        only_hall = build_agenda(plan, "p.toml", [], filters=Filters(person="li", room="hall"))
        assert [day.interpreting for day in only_hall.days] == [120]
        someone = build_agenda(plan, "p.toml", [], filters=Filters(person="aoki"))
        assert all(day.interpreting is None for day in someone.days)
        assert all(row.interpreting is None for row in someone.rows)


def test_arrival_and_departure_notes_each_at_their_end() -> None:
    text = plan_text(
        """
        [people.guest]
        name = "Guest"
        arrive = 2025-07-23T10:00:00
        depart = 2025-07-24T18:00:00
        notes = "Vegetarian"
        arrive_notes = "Met by the protocol officer"
        depart_notes = "Car to the airport at 15:00"
        """
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    agenda = build_agenda(
        loaded.plan, "seminar.toml", [], lang="en", filters=Filters(person="guest")
    )
    notes = {row.kind: row.note for day in agenda.days for row in day.rows}
    assert notes == {
        "arrival": "Vegetarian\nMet by the protocol officer",
        "departure": "Car to the airport at 15:00",
    }


def test_an_itinerary_gives_the_address_where_the_person_changes_venue() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
        + session("b", "10:00", "11:00", room="hall", speakers=["aoki"])
        + session("c", "12:00", "13:00", room="salon", speakers=["aoki"])
    ).replace(
        '[venues.center]\nname = "Center"\n',
        '[venues.center]\nname = "Center"\naddress = "2 Main St"\n',
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    agenda = build_agenda(
        loaded.plan, "seminar.toml", [], lang="en", filters=Filters(person="aoki")
    )
    rows = agenda.days[0].rows
    # The hall is at the center (an address); the salon at the hotel (none written).
    assert places_shown(rows, itinerary=True) == ["Hall\n2 Main St", "Hall", "Salon"]
    assert places_shown(rows, itinerary=False) == ["Hall", "Hall", "Salon"]


def test_side_tracks_under_their_names_by_start_then_name() -> None:
    text = plan_text(
        '[tracks.b-side]\nname = "Breakouts"\n'
        + session("late", "11:00", "12:00", room="hall", track="z-side")
        + session("early", "09:00", "10:00", room="salon", track="b-side")
        + session("main", "09:00", "10:00", room="hall", track="main")
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    agenda = build_agenda(loaded.plan, "seminar.toml", [], lang="en")
    sides = side_tracks("en", agenda.days[0].rows)
    assert [(heading, [r.id for r in rows]) for heading, rows in sides] == [
        ("Breakouts", ["early"]),
        ("Side meetings (z-side)", ["late"]),
    ]


def test_an_arrival_in_the_second_pass_of_a_repeated_hour_follows_what_it_missed() -> None:
    # New York's fall-back night: 01:30 EST (06:30 UTC) comes after 01:40-01:50 EDT.
    text = (
        plan_text(session("a", "01:40", "01:50", day=2, attendees=["aoki"]))
        .replace('"Asia/Shanghai"', '"America/New_York"')
        .replace("start = 2025-07-23", "start = 2025-11-01")
        .replace("end = 2025-07-24", "end = 2025-11-02")
        .replace('name = "Aoki"\n', 'name = "Aoki"\narrive = 2025-11-02T01:30:00-05:00\n')
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    agenda = build_agenda(
        loaded.plan, "seminar.toml", [], lang="en", filters=Filters(person="aoki")
    )
    assert [row.kind for day in agenda.days for row in day.rows] == ["other", "arrival"]
