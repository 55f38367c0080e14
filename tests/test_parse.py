"""The pure parser: inline TOML in, model and schema / reference / id / time findings out."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import BASE, findings_of, plan_text, session, summary
from seminar_plan import load_text
from seminar_plan.load import PlanFormatError
from seminar_plan.load.parse import clock_minutes, duration_minutes, is_language_code, is_slug
from seminar_plan.model import Plan, Text


def parsed(text: str) -> Plan:
    loaded = load_text(text)
    assert loaded.findings == ()
    assert loaded.plan is not None
    return loaded.plan


def only(text: str) -> tuple[str, str, tuple[str, ...], int, str]:
    """The single finding: code, message, subjects, line and the text of that line."""
    (finding,) = findings_of(text)
    line = text.splitlines()[finding.place.line - 1] if finding.place.line else ""
    return finding.code, finding.message, finding.subjects, finding.place.line, line


class TestEvent:
    def test_the_base_plan_reads_into_the_model(self) -> None:
        plan = parsed(plan_text())
        assert plan.event.title.get(("zh",)) == "测试"
        assert plan.event.timezone == "Asia/Shanghai"
        assert plan.event.day_count == 2
        assert [d.date for d in plan.days] == [dt.date(2025, 7, 23), dt.date(2025, 7, 24)]
        assert plan.delegation_total == 9
        assert plan.travel_minutes[frozenset(("hotel", "center"))] == 30

    def test_missing_event_table(self) -> None:
        code, message, _, line, _ = only('format = 1\n[venues.a]\nname = "A"\n')
        assert (code, message, line) == ("schema", "the plan has no [event] table", 1)

    def test_empty_file_is_a_missing_event(self) -> None:
        assert summary("") == [("schema", ())]

    def test_invalid_zone_suggests_the_nearest(self) -> None:
        (finding,) = findings_of(plan_text().replace("Asia/Shanghai", "Asia/Shangai"))
        assert finding.code == "schema"
        assert finding.hint == "did you mean 'Asia/Shanghai'?"

    def test_posix_zone_strings_and_paths_are_not_zones(self) -> None:
        for name in ("UTC+8", "/etc/passwd", "../../etc/passwd", ""):
            assert summary(plan_text().replace("Asia/Shanghai", name)) == [("schema", ())], name

    def test_invalid_zone_still_checks_the_rest(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="hall")
        )
        codes = [code for code, _ in summary(text.replace("Asia/Shanghai", "Mars/Olympus"))]
        assert codes == ["schema", "room-overlap"]

    def test_missing_title_or_zone_still_checks_the_rest(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="hall")
        )
        for line in (
            'title = { ja = "試験", zh = "测试", en = "Test" }\n',
            'timezone = "Asia/Shanghai"\n',
        ):
            codes = [code for code, _ in summary(text.replace(line, ""))]
            assert codes == ["schema", "room-overlap"], line

    def test_end_before_start(self) -> None:
        code, _, _, _, line = only(plan_text().replace("end = 2025-07-24", "end = 2025-07-20"))
        assert (code, line) == ("schema", "end = 2025-07-20")

    def test_languages_default_to_english(self) -> None:
        plan = parsed(plan_text().replace('languages = ["ja", "zh", "en"]\n', ""))
        assert plan.event.languages == ("en",)

    def test_newer_format_is_refused(self) -> None:
        with pytest.raises(PlanFormatError, match=r"seminar.toml:1: plan format 2 is newer"):
            load_text(plan_text().replace("format = 1", "format = 2"))

    def test_format_must_be_a_positive_integer(self) -> None:
        assert summary(plan_text().replace("format = 1", 'format = "1"')) == [("schema", ())]


class TestSchema:
    def test_unknown_key_suggests_the_nearest(self) -> None:
        text = plan_text(session("a", "09:00", "10:00") + 'spekers = ["aoki"]\n')
        (finding,) = findings_of(text)
        assert (finding.code, finding.subjects, finding.hint) == (
            "schema",
            ("a",),
            "did you mean 'speakers'?",
        )
        assert text.splitlines()[finding.place.line - 1] == 'spekers = ["aoki"]'

    @pytest.mark.parametrize(
        ("written", "meant"),
        [
            ('delegations = ["japan"]', "attendees"),
            ('from = "hall-venue"', "venue"),
            ('description = "x"', "notes"),
            ("minutes = 30", "duration"),
        ],
    )
    def test_unknown_key_suggests_the_key_a_newcomer_meant(self, written: str, meant: str) -> None:
        # A near spelling alone suggests 'duration' for 'delegations' and 'room' for 'from'.
        text = plan_text(session("a", "09:00", "10:00") + written + "\n")
        (finding,) = findings_of(text)
        assert finding.hint == f"did you mean {meant!r}?"

    def test_a_synonym_is_suggested_only_where_its_key_is_known(self) -> None:
        # 'seats' means capacity in a room, but a vehicle has seats of its own.
        text = plan_text().replace("capacity = 100", "capacity = 100\nsize = 3")
        (finding,) = findings_of(text)
        assert finding.hint == "did you mean 'capacity'?"

    def test_unknown_top_level_table(self) -> None:
        (finding,) = findings_of(plan_text('[peple.x]\nname = "X"\n'))
        assert finding.hint == "did you mean 'people'?"

    def test_wrong_types_are_reported_not_raised(self) -> None:
        cases = {
            "capacity = 100": 'capacity = "many"',
            "headcount = 5": "headcount = -5",
            'name = "Aoki"': "name = 12",
            "minutes = 30": "minutes = 1.5",
            'language = "ja"': 'language = "Japanese"',
        }
        for old, new in cases.items():
            assert [c for c, _ in summary(plan_text().replace(old, new, 1))] == ["schema"], new

    def test_bad_ids(self) -> None:
        (finding,) = findings_of(plan_text('[people.Bad_Name]\nname = "B"\n'))
        assert (finding.code, finding.subjects) == ("schema", ("Bad_Name",))
        assert finding.hint == "rename it to 'bad_name'"

    def test_multilingual_text(self) -> None:
        plan = parsed(
            plan_text(
                session("a", "09:00", "10:00").replace(
                    'title = "a"', 'title = { ja = "開会", en = "Opening" }'
                )
            )
        )
        assert plan.sessions[0].title == Text((("ja", "開会"), ("en", "Opening")))
        assert plan.sessions[0].title.get(("zh", "en")) == "Opening"
        assert plan.sessions[0].title.get(("zh",)) == "開会"

    def test_bad_language_code_in_text(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00").replace('title = "a"', 'title = { Japanese = "開会" }')
        )
        codes = [c for c, _ in summary(text)]
        assert codes[0] == "schema"

    def test_kind_and_interpretation_values(self) -> None:
        text = plan_text(session("a", "09:00", "10:00", kind="keynot"))
        (finding,) = findings_of(text)
        assert finding.hint == "did you mean 'keynote'?"
        assert summary(plan_text(session("a", "09:00", "10:00", interpretation="whisper"))) == [
            ("schema", ("a",))
        ]

    def test_fixed_is_true_or_false(self) -> None:
        plan = parsed(plan_text(session("bus", "09:00", "09:15") + "fixed = true\n"))
        assert [s.fixed for s in plan.sessions] == [True]
        assert [s.fixed for s in parsed(plan_text(session("a", "09:00", "10:00"))).sessions] == [
            False
        ]
        text = plan_text(session("bus", "09:00", "09:15") + 'fixed = "yes"\n')
        assert only(text)[:4] == (
            "schema",
            "fixed must be true or false, not a string",
            ("bus",),
            text.splitlines().index('fixed = "yes"') + 1,
        )

    def test_contact_and_person_fields(self) -> None:
        text = plan_text(
            """
            [people.vip]
            name = { ja = "臼井", en = "Usui" }
            title = { ja = "公使", en = "Minister" }
            rank = 2
            languages = ["ja", "en"]
            arrive = 2025-07-23T13:05:00+09:00
            depart = 2025-07-24T18:00:00
            contact = { phone = "+86-10-0000-0000", room = 1203 }
            """
        )
        vip = parsed(text).person_by_id["vip"]
        tz = vip.arrive.tzinfo if vip.arrive else None
        assert vip.arrive == dt.datetime(2025, 7, 23, 12, 5, tzinfo=tz)
        assert vip.depart is not None
        assert vip.depart.utcoffset() == dt.timedelta(hours=8)
        assert vip.contact == (("phone", "+86-10-0000-0000"), ("room", "1203"))
        assert vip.rank == 2

    def test_arrive_must_be_a_date_time(self) -> None:
        text = plan_text('[people.vip]\nname = "V"\narrive = 2025-07-23\n')
        assert summary(text) == [("schema", ("vip",))]

    def test_depart_before_arrive(self) -> None:
        text = plan_text(
            '[people.vip]\nname = "V"\narrive = 2025-07-24T10:00:00\ndepart = 2025-07-23T10:00:00\n'
        )
        assert summary(text) == [("schema", ("vip",))]

    def test_check_table(self) -> None:
        text = plan_text(
            '[check]\nignore = ["room-closed"]\nseverity = { travel-time = "error" }\n'
        )
        assert parsed(text).check.ignore == ("room-closed",)
        bad = plan_text('[check]\nignore = ["room-close"]\nseverity = { travel-time = "fatal" }\n')
        assert [c for c, _ in summary(bad)] == ["schema", "schema"]

    def test_check_durations(self) -> None:
        check = parsed(plan_text('[check]\nsolo_limit = "1h"\ninterpreter_daily = 450\n')).check
        assert (check.solo_limit, check.interpreter_daily) == (60, 450)
        default = parsed(plan_text()).check
        assert (default.solo_limit, default.interpreter_daily) == (40, 360)
        bad = plan_text('[check]\nsolo_limit = "forty"\ninterpreter_daily = -5\n')
        assert [c for c, _ in summary(bad)] == ["schema", "schema"]
        (finding, _) = findings_of(bad)
        assert bad.splitlines()[finding.place.line - 1] == 'solo_limit = "forty"'

    def test_check_table_tunes_findings(self) -> None:
        travel = session("a", "09:00", "10:00", room="hall", speakers=["aoki"]) + session(
            "b", "10:00", "11:00", room="salon", speakers=["aoki"]
        )
        (finding,) = findings_of(
            plan_text(travel + '[check]\nseverity = { travel-time = "error" }\n')
        )
        assert (finding.code, finding.severity.value) == ("travel-time", "error")
        assert findings_of(plan_text(travel + '[check]\nignore = ["travel-time"]\n')) == []


class TestSessionTimes:
    def test_end_duration_forms(self) -> None:
        assert duration_minutes("90m") == 90
        assert duration_minutes("1h30m") == 90
        assert duration_minutes("2h") == 120
        assert duration_minutes(45) == 45
        assert duration_minutes("1 h 5 min") == 65
        assert duration_minutes("soon") is None
        assert duration_minutes("") is None
        assert duration_minutes(value=True) is None

    def test_clock_forms(self) -> None:
        assert clock_minutes("09:30", allow_midnight_end=False) == 570
        assert clock_minutes(dt.time(9, 30), allow_midnight_end=False) == 570
        assert clock_minutes("24:00", allow_midnight_end=False) is None
        assert clock_minutes("24:00", allow_midnight_end=True) == 1440
        assert clock_minutes("9:60", allow_midnight_end=True) is None
        assert clock_minutes("25:00", allow_midnight_end=True) is None


class TestPublicValueChecks:
    def test_slug(self) -> None:
        assert is_slug("tanaka-2")
        assert is_slug("a_b")
        assert not is_slug("-tanaka")
        assert not is_slug("Tanaka")
        assert not is_slug("")

    def test_language_code(self) -> None:
        assert is_language_code("ja")
        assert is_language_code("zh-Hant")
        assert not is_language_code("Japanese")
        assert not is_language_code("j")

    def test_toml_local_time_and_duration(self) -> None:
        text = plan_text(
            '[[sessions]]\nid = "a"\ntitle = "A"\ndate = 2025-07-24\n'
            'start = 09:30:00\nduration = "1h30m"\n'
        )
        (only_session,) = parsed(text).sessions
        assert (only_session.day, f"{only_session.start:%H:%M}", f"{only_session.end:%H:%M}") == (
            2,
            "09:30",
            "11:00",
        )
        assert only_session.start.utcoffset() == dt.timedelta(hours=8)

    def test_end_at_midnight(self) -> None:
        (only_session,) = parsed(plan_text(session("late", "22:00", "24:00"))).sessions
        assert only_session.end == dt.datetime(2025, 7, 24, tzinfo=only_session.start.tzinfo)

    def test_end_before_start_is_bad_time(self) -> None:
        code, _, subjects, _, line = only(plan_text(session("a", "10:00", "09:00")))
        assert (code, subjects, line) == ("bad-time", ("a",), 'end = "09:00"')

    def test_zero_length_is_bad_time(self) -> None:
        assert summary(plan_text(session("a", "10:00", "10:00"))) == [("bad-time", ("a",))]

    def test_past_midnight_is_bad_time(self) -> None:
        text = plan_text(session("a", "23:00", "23:30").replace('end = "23:30"', 'duration = "2h"'))
        code, message, _, _, line = only(text)
        assert (code, line) == ("bad-time", 'duration = "2h"')
        assert "past midnight" in message

    def test_day_outside_the_event(self) -> None:
        code, _, subjects, _, line = only(plan_text(session("a", "09:00", "10:00", day=3)))
        assert (code, subjects, line) == ("bad-time", ("a",), "day = 3")
        assert summary(plan_text(session("a", "09:00", "10:00", day=0))) == [("bad-time", ("a",))]

    def test_date_outside_the_event(self) -> None:
        text = plan_text(session("a", "09:00", "10:00").replace("day = 1", "date = 2025-08-01"))
        assert summary(text) == [("bad-time", ("a",))]

    def test_huge_numbers_do_not_overflow(self) -> None:
        # Past TOML's 64-bit range: a schema finding, and the value still reads as too large.
        assert summary(plan_text(session("a", "09:00", "10:00", day=10**30))) == [
            ("bad-time", ("a",)),
            ("schema", ()),
        ]
        text = plan_text(
            session("a", "09:00", "10:00").replace('end = "10:00"', f"duration = {2**63 - 1}")
        )
        assert summary(text) == [("bad-time", ("a",))]

    @pytest.mark.parametrize(
        "literal",
        ["1" * 5000, "-" + "9" * 4400, "0x" + "f" * 5000, "0o" + "7" * 30, "0b1" + "0" * 63],
    )
    def test_integers_past_64_bits_are_schema_findings_in_any_base(self, literal: str) -> None:
        text = plan_text(f'[rooms.big]\nvenue = "hotel"\ncapacity = {literal}\n')
        findings = findings_of(text)
        assert (
            "schema",
            (
                "rooms.big.capacity is out of range: a TOML integer is 64-bit,"
                " from -9223372036854775808 to 9223372036854775807"
            ),
            text.split("\n").index(f"capacity = {literal}") + 1,
        ) in [(f.code, f.message, f.place.line) for f in findings]
        # A negative one is also below the capacity's minimum; nothing else is said.
        assert len(findings) == 1 + literal.startswith("-")
        # Every output can print what the model holds.
        str(load_text(text).plan)

    def test_exactly_one_of_day_and_date_and_of_end_and_duration(self) -> None:
        both = session("a", "09:00", "10:00").replace("day = 1", "day = 1\ndate = 2025-07-23")
        assert summary(plan_text(both)) == [("schema", ("a",))]
        neither = session("a", "09:00", "10:00").replace('end = "10:00"\n', "")
        assert summary(plan_text(neither)) == [("schema", ("a",))]

    def test_repeated_days(self) -> None:
        text = plan_text(session("breakfast", "07:00", "08:00").replace("day = 1", "day = [1, 2]"))
        plan = parsed(text)
        assert [(s.id, s.base_id, s.day) for s in plan.sessions] == [
            ("breakfast@1", "breakfast", 1),
            ("breakfast@2", "breakfast", 2),
        ]
        assert summary(text.replace("day = [1, 2]", "day = [1, 1]")) == [("schema", ("breakfast",))]
        assert summary(text.replace("day = [1, 2]", "day = [1, 3]")) == [
            ("bad-time", ("breakfast@3",))
        ]

    def test_cues(self) -> None:
        text = plan_text(
            session("opening", "09:00", "10:00")
            + '[[sessions.cues]]\nat = "09:00"\nwhat = "MC opens"\nwho = "aoki"\n'
            + '[[sessions.cues]]\nat = "10:00"\nwhat = { ja = "閉会", en = "Close" }\n'
        )
        cues = parsed(text).sessions[0].cues
        assert [f"{c.at:%H:%M}" for c in cues] == ["09:00", "10:00"]
        assert cues[0].who == "aoki"
        outside = text.replace('at = "10:00"', 'at = "10:05"')
        code, _, subjects, _, line = only(outside)
        assert (code, subjects, line) == ("bad-time", ("opening",), 'at = "10:05"')

    def test_cue_outside_each_occurrence(self) -> None:
        text = plan_text(
            session("b", "07:00", "08:00").replace("day = 1", "day = [1, 2]")
            + '[[sessions.cues]]\nat = "08:30"\nwhat = "x"\n'
        )
        assert summary(text) == [("bad-time", ("b@1",)), ("bad-time", ("b@2",))]


class TestReferencesAndIds:
    def test_unknown_ref_with_suggestion_at_the_key(self) -> None:
        text = plan_text(session("a", "09:00", "10:00", speakers=["aoki", "chenn"]))
        (finding,) = findings_of(text)
        assert (finding.code, finding.subjects, finding.hint) == (
            "unknown-ref",
            ("a", "chenn"),
            "did you mean 'chen'?",
        )
        line = text.splitlines()[finding.place.line - 1]
        assert (line, finding.place.column) == ('speakers = ["aoki", "chenn"]', 1)

    def test_an_item_of_a_multi_line_array_is_placed_at_its_key(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00") + 'moderators = [\n  "aoki",\n  "ghost",\n]\n'
        )
        (finding,) = findings_of(text)
        assert text.splitlines()[finding.place.line - 1] == "moderators = ["

    def test_every_reference_kind(self) -> None:
        cases = [
            (session("a", "09:00", "10:00", room="hal"), ("a", "hal")),
            (session("a", "09:00", "10:00", venue="hotl"), ("a", "hotl")),
            (session("a", "09:00", "10:00", owner="nobody"), ("a", "nobody")),
            (session("a", "09:00", "10:00", attendees=["japn"]), ("a", "japn")),
            (
                session("a", "09:00", "10:00")
                + '[[sessions.cues]]\nat = "09:10"\nwhat = "x"\nwho = "ghost"\n',
                ("a", "ghost"),
            ),
            ('[rooms.x]\nvenue = "nowhere"\n', ("nowhere", "x")),
            ('[groups.g]\nmembers = ["zed"]\n', ("g", "zed")),
            ('[people.x]\nname = "X"\ndelegation = "korea"\n', ("korea", "x")),
        ]
        for extra, subjects in cases:
            assert summary(plan_text(extra)) == [("unknown-ref", tuple(sorted(subjects)))], extra

    def test_a_reference_to_a_declared_but_unusable_table_is_not_unknown(self) -> None:
        """[rooms.annex] without its venue is reported once, where it is written; the session
        that names it is not told the room "is not defined" (which it is)."""
        text = plan_text(
            '[rooms.annex]\nname = "Annex"\n' + session("a", "09:00", "10:00", room="annex")
        )
        assert summary(text) == [("schema", ("annex",))]
        # A misspelling of it is still unknown.
        text = plan_text(
            '[rooms.annex]\nname = "Annex"\n' + session("a", "09:00", "10:00", room="anex")
        )
        assert sorted(summary(text)) == [("schema", ("annex",)), ("unknown-ref", ("a", "anex"))]

    def test_references_of_an_unscheduled_session_are_still_checked(self) -> None:
        text = plan_text(session("a", "10:00", "09:00", room="hal"))
        assert sorted(summary(text)) == [("bad-time", ("a",)), ("unknown-ref", ("a", "hal"))]

    def test_duplicate_session_id_names_both_places(self) -> None:
        text = plan_text(session("a", "09:00", "10:00") + session("a", "11:00", "12:00"))
        (finding,) = findings_of(text)
        lines = [i for i, line in enumerate(text.splitlines(), 1) if line == 'id = "a"']
        assert (finding.code, finding.subjects, finding.place.line) == (
            "duplicate-id",
            ("a",),
            lines[1],
        )
        assert f"seminar.toml:{lines[0]}" in finding.message

    def test_delegations_groups_and_people_share_ids(self) -> None:
        text = plan_text('[groups.japan]\nmembers = ["aoki"]\n')
        assert summary(text) == [("duplicate-id", ("japan",))]

    def test_rooms_and_venues_may_share_an_id(self) -> None:
        assert summary(plan_text('[rooms.hotel]\nvenue = "hotel"\n')) == []


def test_base_plan_is_clean() -> None:
    assert summary(BASE) == []


class TestContractReview:
    """Cases from a black-box review of the check contract."""

    def test_closest_id_is_suggested_even_when_only_a_part_matches(self) -> None:
        text = plan_text(
            "[groups.jet-alumni]\nmembers = []\n"
            + session("a", "09:00", "10:00", attendees=["jet"])
        )
        (finding,) = findings_of(text)
        assert (finding.code, finding.hint) == ("unknown-ref", "did you mean 'jet-alumni'?")
        (finding,) = findings_of(
            plan_text(session("a", "09:00", "10:00", venue="conference-hotel"))
        )
        assert finding.hint == "did you mean 'hotel'?"

    def test_an_attendee_hint_names_the_tables_an_attendee_can_be(self) -> None:
        text = (
            'format = 1\n[event]\ntitle = "T"\ntimezone = "UTC"\n'
            "start = 2025-01-01\nend = 2025-01-01\n"
        )
        (finding,) = findings_of(text + session("a", "09:00", "10:00", attendees=["zzzz"]))
        assert (
            finding.hint
            == "define [delegations.zzzz], [groups.zzzz] or [people.zzzz], or fix the name"
        )

    def test_a_single_id_where_a_list_belongs_is_reported_and_still_used(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00")
            + 'speakers = "aoki"\n'
            + session("b", "09:30", "10:30", speakers=["aoki"])
        )
        assert sorted(summary(text)) == [("person-overlap", ("a", "aoki", "b")), ("schema", ("a",))]
        (schema,) = [f for f in findings_of(text) if f.code == "schema"]
        assert schema.hint == 'write speakers = ["aoki"]'
        assert (
            summary(
                plan_text(
                    session("a", "09:00", "10:00", attendees="all", interpretation="consecutive")
                )
            )
            == []
        )

    def test_huge_travel_minutes_are_a_schema_error_not_a_crash(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
            + session("b", "10:00", "11:00", room="salon", speakers=["aoki"])
        ).replace("minutes = 30", "minutes = 9223372036854775807")
        assert summary(text) == [("schema", ())]

    def test_event_dates_at_the_edge_of_the_calendar(self) -> None:
        text = plan_text(session("a", "23:00", "24:00", day=2)).replace(
            "start = 2025-07-23\nend = 2025-07-24", "start = 9999-12-30\nend = 9999-12-31"
        )
        assert [code for code, _ in summary(text)] == ["schema", "schema"]

    def test_a_room_implies_its_venue(self) -> None:
        assert summary(plan_text(session("a", "09:00", "10:00", room="hall", venue="center"))) == []
        assert summary(plan_text(session("a", "09:00", "10:00", room="hall", venue="hotel"))) == [
            ("schema", ("a",))
        ]


class TestOptionalAndTo:
    def test_optional_and_to_read_into_the_session(self) -> None:
        plan = parsed(
            plan_text(
                session("bus", "09:00", "09:30", kind="transfer", venue="hotel", to="center")
                + session("tour", "10:00", "11:00", venue="center", optional=True)
            )
        )
        bus, tour = plan.sessions
        assert (bus.to, bus.optional) == ("center", False)
        assert (tour.to, tour.optional) == (None, True)

    def test_optional_must_be_a_boolean(self) -> None:
        code, message, subjects, _, line = only(
            plan_text(session("a", "09:00", "10:00", optional="yes"))
        )
        assert (code, subjects, line) == ("schema", ("a",), 'optional = "yes"')
        assert message == "optional must be true or false, not a string"

    def test_to_names_a_venue(self) -> None:
        code, message, subjects, _, line = only(
            plan_text(session("bus", "09:00", "09:30", kind="transfer", venue="hotel", to="centre"))
        )
        assert (code, subjects, line) == ("unknown-ref", ("bus", "centre"), 'to = "centre"')
        assert message == "bus refers to venue 'centre', which is not defined"

    def test_to_must_be_a_string(self) -> None:
        code, message, _, _, line = only(
            plan_text(session("bus", "09:00", "09:30", kind="transfer", venue="hotel", to=3))
        )
        assert (code, line) == ("schema", "to = 3")
        assert message == "to must be a string, not an integer"

    def test_to_on_a_session_that_is_not_a_transfer_is_reported(self) -> None:
        code, _, subjects, _, line = only(
            plan_text(session("talk", "09:00", "09:30", room="hall", to="hotel"))
        )
        assert (code, subjects, line) == ("schema", ("talk",), 'to = "hotel"')

    def test_a_misspelt_key_suggests_the_new_ones(self) -> None:
        (finding,) = findings_of(plan_text(session("a", "09:00", "10:00", optinal=True)))
        assert finding.code == "schema"
        assert finding.hint == "did you mean 'optional'?"


class TestLimits:
    """What must be limited is, with a clear finding; the rest stays linear."""

    def test_an_event_longer_than_a_year_is_a_schema_finding(self) -> None:
        text = BASE.replace("end = 2025-07-24", "end = 2026-07-24")
        (finding,) = findings_of(text)
        assert (finding.code, finding.message) == (
            "schema",
            "the event lasts 367 days; seminar-plan plans events of at most 366 days",
        )
        assert findings_of(BASE.replace("end = 2025-07-24", "end = 2026-07-22")) == []

    def test_a_day_list_longer_than_any_event_is_one_finding(self) -> None:
        days = ", ".join(str(1 + n % 2) for n in range(40_000))
        text = plan_text(session("a", "09:00", "10:00").replace("day = 1", f"day = [{days}]"))
        assert [(f.code, f.message) for f in findings_of(text)] == [
            ("schema", "day lists 40,000 days; an event has at most 366")
        ]

    def test_duplicate_days_are_found_in_linear_time(self) -> None:
        long_event = BASE.replace("end = 2025-07-24", "end = 2026-07-22")
        days = ", ".join(str(1 + n % 183) for n in range(366))
        text = plan_text(
            session("a", "09:00", "10:00").replace("day = 1", f"day = [{days}]"), long_event
        )
        assert len(findings_of(text)) == 183

    @pytest.mark.parametrize("key", ["²", "❶", "٣", "1" * 5000, "-1"])
    def test_day_keys_in_other_digits_are_not_days(self, key: str) -> None:
        (finding,) = findings_of(plan_text(f'[days."{key}"]\nlabel = "x"\n'))
        assert finding.message == f"[days.{key}]: a day is a number, such as [days.2]"

    @pytest.mark.parametrize("value", ["9" * 5000 + "m", "٣٠m", "²h"])
    def test_durations_in_other_or_too_many_digits_are_schema_findings(self, value: str) -> None:
        text = plan_text(
            session("a", "09:00", "10:00").replace('end = "10:00"', f'duration = "{value}"')
        )
        assert [f.code for f in findings_of(text)] == ["schema"]


class TestLanguageCodes:
    def test_an_unknown_code_is_schema_with_the_code_meant(self) -> None:
        text = plan_text().replace('language = "ja"', 'language = "jp"')
        (finding,) = findings_of(text)
        assert (finding.code, finding.subjects, finding.hint) == (
            "schema",
            ("japan",),
            "did you mean 'ja'?",
        )

    def test_every_place_a_code_is_written(self) -> None:
        text = plan_text(
            """
            [people.kim]
            name = { kor = "김", en = "Kim" }
            languages = ["ko", "cn"]
            """
        ).replace('languages = ["ja", "zh", "en"]', 'languages = ["ja", "zh", "eng"]')
        hints = sorted(f.hint or "" for f in findings_of(text) if f.code == "schema")
        assert hints == ["did you mean 'en'?", "did you mean 'ko'?", "did you mean 'zh'?"]

    def test_kr_is_a_language_code_warning_and_is_kept(self) -> None:
        text = plan_text('[people.kim]\nname = "Kim"\nlanguages = ["kr", "ja"]\n')
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects, finding.hint) == (
            "language-code",
            "warning",
            (),
            "did you mean 'ko'?",
        )
        assert text.splitlines()[finding.place.line - 1] == 'languages = ["kr", "ja"]'
        assert parsed_with_findings(text).person_by_id["kim"].languages == ("kr", "ja")

    def test_case_is_ignored_and_codes_are_kept_in_canonical_case(self) -> None:
        text = plan_text(
            '[people.lin]\nname = { ZH-hant = "林", en = "Lin" }\nlanguages = ["ZH-tw"]\n'
        )
        lin = parsed(text).person_by_id["lin"]
        assert lin.languages == ("zh-TW",)
        assert lin.name.languages == ("zh-Hant", "en")

    def test_one_language_twice_in_a_text_table(self) -> None:
        text = plan_text('[people.lin]\nname = { ja = "林", JA = "リン" }\n')
        (finding,) = findings_of(text)
        assert (finding.code, finding.message) == ("schema", "name gives language 'ja' twice")


def parsed_with_findings(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


@pytest.mark.parametrize(
    "zone", ["localtime", "posixrules", "Factory", "right/Asia/Tokyo", "posix/Asia/Tokyo"]
)
def test_only_iana_zone_names(zone: str) -> None:
    (finding,) = findings_of(BASE.replace('"Asia/Shanghai"', f'"{zone}"'))
    assert finding.message == f"timezone {zone!r} is not an IANA time zone name"


@pytest.mark.parametrize(
    ("key", "value"), [("arrive", "0001-01-01T00:00:00"), ("depart", "9999-12-31T23:59:00-12:00")]
)
def test_stays_lie_in_the_years_of_events(key: str, value: str) -> None:
    text = BASE.replace('name = "Aoki"\n', f'name = "Aoki"\n{key} = {value}\n')
    (finding,) = findings_of(text)
    assert finding.message.startswith(f"{key} must be in the years 1900 to 9998")


def test_an_unreadable_event_start_hides_no_other_finding() -> None:
    text = plan_text(session("s", "09:00", "10:00", room="ghost", speakers=["nobody"])).replace(
        "start = 2025-07-23", 'start = "2025-07-23"'
    )
    loaded = load_text(text)
    assert loaded.plan is None
    assert sorted((f.code, f.subjects) for f in loaded.findings) == [
        ("schema", ()),
        ("unknown-ref", ("s", "ghost")),
        ("unknown-ref", ("s", "nobody")),
    ]


def test_tracks_name_the_sessions_track() -> None:
    named = '[tracks.main]\nname = { en = "Plenary", ja = "本会議" }\n'
    free = plan_text(session("a", "09:00", "10:00", track="anything"))
    assert summary(free) == []
    typo = plan_text(named + session("a", "09:00", "10:00", track="mian"))
    assert summary(typo) == [("unknown-ref", ("a", "mian"))]
    hint = load_text(typo).findings[0].hint
    assert hint == "did you mean 'main'?"
    assert summary(plan_text(named + "colour = 1\n" + session("a", "09:00", "10:00"))) == [
        ("schema", ("main",))
    ]
