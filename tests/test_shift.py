"""shift: what moves, what holds, what is refused, and that only the shifted values change."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import plan_text, session
from export_plans import EXAMPLE, parsed
from seminar_plan import load_text
from seminar_plan.authoring.shift import (
    Edit,
    EditError,
    Shift,
    Until,
    apply_edits,
    findings_delta,
    parse_offset,
    plan_shift,
    rehearse,
    render_text,
    session_ids,
    shift_edits,
)
from seminar_plan.findings import Finding, Place, Severity
from seminar_plan.load import load_plan
from seminar_plan.load.read import Sources, parse_text


def moved(shift: Shift) -> list[tuple[str, str, str]]:
    """(id, new start, reason) of every move."""
    return [(m.session.id, f"{m.start:%H:%M}", m.reason) for m in shift.moves]


def held(shift: Shift) -> list[tuple[str, str]]:
    return [(h.session.id, h.reason) for h in shift.held]


HALL_DAY = plan_text(
    session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
    + session("b", "10:00", "11:00", room="hall")
    + session("c", "11:30", "12:00", room="hall")
    + "fixed = true\n"
    + session("d", "13:00", "14:00", room="hall")
    # In the salon, straight after a, with a's speaker: it follows a directly.
    + session("e", "10:00", "10:30", room="salon", speakers=["aoki"])
    # Straight after a but nobody in common: it stays.
    + session("f", "10:00", "10:30", venue="hotel", speakers=["chen"])
    + session("other-day", "10:00", "11:00", room="hall", day=2)
)


class TestWhatMoves:
    def test_without_ripple_only_the_session_moves(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "a", 15)
        assert moved(shift) == [("a", "09:15", "asked")]
        assert shift.refusal is None

    def test_ripple_moves_the_room_and_the_followers_and_stops_at_a_fixed_session(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "a", 15, ripple=True)
        assert moved(shift) == [
            ("a", "09:15", "asked"),
            ("b", "10:15", "room"),
            ("e", "10:15", "follows"),
        ]
        # d comes after the fixed c in the hall: the ripple stops at c.
        assert held(shift) == [("c", "fixed")]

    def test_a_negative_shift_pulls_the_same_sessions_earlier(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "a", -30, ripple=True)
        assert moved(shift) == [
            ("a", "08:30", "asked"),
            ("b", "09:30", "room"),
            ("e", "09:30", "follows"),
        ]

    def test_until_a_time_holds_what_starts_then_or_later(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "a", 15, ripple=True, until=Until(clock=10 * 60))
        assert moved(shift) == [("a", "09:15", "asked")]
        assert held(shift) == [("b", "until"), ("e", "until")]

    def test_until_a_session_holds_it(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "a", 15, ripple=True, until=Until(session="b"))
        assert moved(shift) == [("a", "09:15", "asked")]
        # e starts with b, so it holds too.
        assert held(shift) == [("b", "until"), ("e", "until")]
        shift = plan_shift(parsed(HALL_DAY), "a", 15, ripple=True, until=Until(session="d"))
        assert held(shift) == [("c", "fixed")]

    def test_a_delegation_at_both_makes_a_follower(self) -> None:
        text = plan_text(
            session("talk", "09:00", "10:00", room="hall", attendees=["all"])
            + session("bus", "10:00", "10:15", venue="center", attendees=["japan"])
        )
        assert moved(plan_shift(parsed(text), "talk", 10, ripple=True)) == [
            ("talk", "09:10", "asked"),
            ("bus", "10:10", "follows"),
        ]

    def test_a_repeated_session_moves_on_every_day(self) -> None:
        text = plan_text(
            session("breakfast", "07:00", "08:00", room="salon").replace("day = 1", "day = [1, 2]")
        )
        shift = plan_shift(parsed(text), "breakfast", 15)
        assert moved(shift) == [
            ("breakfast@1", "07:15", "asked"),
            ("breakfast@2", "07:15", "asked"),
        ]

    def test_the_ripple_holds_a_session_that_repeats_on_a_day_it_does_not_reach(self) -> None:
        text = plan_text(
            session("talk", "09:00", "10:00", room="hall")
            + session("coffee", "10:00", "10:30", room="hall").replace("day = 1", "day = [1, 2]")
            + session("late", "11:00", "12:00", room="hall")
        )
        shift = plan_shift(parsed(text), "talk", 10, ripple=True)
        assert moved(shift) == [("talk", "09:10", "asked")]
        assert held(shift) == [("coffee@1", "repeats")]

    def test_ids_to_name(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00")
            + session("r", "07:00", "08:00").replace("day = 1", "day = [1, 2]")
        )
        assert session_ids(parsed(text)) == ("a", "r", "r@1", "r@2")


class TestRefusals:
    def test_a_fixed_session_is_never_moved(self) -> None:
        shift = plan_shift(parsed(HALL_DAY), "c", 5)
        assert shift.moves == ()
        assert shift.refusal is not None
        assert (shift.refusal.kind, shift.refusal.session) == ("fixed", "c")

    @pytest.mark.parametrize(
        ("target", "minutes", "span"),
        [("d", 10 * 60 + 5, "23:05-24:05"), ("a", -9 * 60 - 1, "-00:01-00:59")],
    )
    def test_crossing_midnight(self, target: str, minutes: int, span: str) -> None:
        shift = plan_shift(parsed(HALL_DAY), target, minutes)
        assert shift.refusal is not None
        assert (shift.refusal.kind, shift.refusal.session, shift.refusal.detail) == (
            "midnight",
            target,
            span,
        )

    def test_a_rippled_session_crossing_midnight_refuses_the_whole_shift(self) -> None:
        text = plan_text(
            session("a", "20:00", "21:00", room="hall")
            + session("b", "22:00", "23:30", room="hall")
        )
        shift = plan_shift(parsed(text), "a", 45, ripple=True)
        assert shift.refusal is not None
        assert (shift.refusal.kind, shift.refusal.session) == ("midnight", "b")
        assert plan_shift(parsed(text), "a", 45).refusal is None

    def test_one_day_of_a_repeated_session(self) -> None:
        text = plan_text(session("r", "07:00", "08:00").replace("day = 1", "day = [1, 2]"))
        shift = plan_shift(parsed(text), "r@2", 10)
        assert shift.refusal is not None
        assert (shift.refusal.kind, shift.refusal.detail) == ("occurrence", "1, 2")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("15m", 15),
        ("-15m", -15),
        ("+1h", 60),
        ("1h30m", 90),
        ("-20", -20),
        ("45", 45),
        (" 2 h ", 120),
    ],
)
def test_offsets(text: str, minutes: int) -> None:
    assert parse_offset(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "m", "15s", "1.5h", "--5m", "soon", "١٥", "²m", "9" * 5000, "9" * 10 + "h"]
)
def test_not_offsets(text: str) -> None:
    assert parse_offset(text) is None


def edited(text: str, target: str, minutes: int, *, ripple: bool = False) -> str:
    loaded = load_text(text)
    assert loaded.plan is not None
    shift = plan_shift(loaded.plan, target, minutes, ripple=ripple)
    assert shift.refusal is None
    return rehearse(loaded, shift).texts[0]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


class TestEdits:
    def test_end_moves_and_a_duration_stays(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00").replace('end = "10:00"', 'duration = "1h"  # one hour')
            + session("b", "10:00", "10:45")
        )
        assert changed_lines(text, edited(text, "a", 5, ripple=False)) == [
            '-start = "09:00"',
            '+start = "09:05"',
        ]
        assert changed_lines(text, edited(text, "b", -5)) == [
            '-start = "10:00"',
            '-end = "10:45"',
            '+start = "09:55"',
            '+end = "10:40"',
        ]

    def test_cues_move_with_their_session_and_comments_stay(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00")
            + "# the cue below is read out\n[[sessions.cues]]\n"
            + 'at = "09:30"   # half time\nwhat = "x"\n'
        )
        assert changed_lines(text, edited(text, "a", 20)) == [
            '-start = "09:00"',
            '-end = "10:00"',
            '+start = "09:20"',
            '+end = "10:20"',
            '-at = "09:30"   # half time',
            '+at = "09:50"   # half time',
        ]

    def test_the_way_a_time_is_written_is_kept(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00")
            .replace('start = "09:00"', "start = 09:00:00")
            .replace('end = "10:00"', "end = '10:00'")
        )
        assert changed_lines(text, edited(text, "a", -70)) == [
            "-start = 09:00:00",
            "-end = '10:00'",
            "+start = 07:50:00",
            "+end = '08:50'",
        ]

    def test_a_one_digit_hour_stays_one_digit(self) -> None:
        text = plan_text(session("a", "9:00", "9:30"))
        assert changed_lines(text, edited(text, "a", 15)) == [
            '-start = "9:00"',
            '-end = "9:30"',
            '+start = "9:15"',
            '+end = "9:45"',
        ]

    def test_an_end_at_midnight(self) -> None:
        text = plan_text(session("a", "22:00", "23:30"))
        assert changed_lines(text, edited(text, "a", 30))[-1] == '+end = "24:00"'

    def test_windows_line_ends_are_kept(self) -> None:
        text = plan_text(session("a", "09:00", "10:00")).replace("\n", "\r\n")
        after = edited(text, "a", 10)
        assert after == text.replace('"09:00"', '"09:10"').replace('"10:00"', '"10:10"')

    def test_an_inline_table_session(self) -> None:
        line = 'sessions = [{ id = "a", title = "A", day = 1, start = "%s", end = "%s" }]\n'
        text = plan_text().replace("format = 1\n", "format = 1\n" + line % ("09:00", "10:00"))
        assert changed_lines(text, edited(text, "a", 5)) == [
            "-" + line.rstrip() % ("09:00", "10:00"),
            "+" + line.rstrip() % ("09:05", "10:05"),
        ]

    def test_a_value_it_cannot_replace_safely_stops_the_edit(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00").replace('start = "09:00"', 'start = """09:00"""')
        )
        source = parse_text(text, "seminar.toml")
        assert source.data is not None
        edit = Edit(0, ("sessions", 0, "start"), "09:00", "09:10")
        with pytest.raises(EditError, match=r"more than the shifted times|not be valid TOML"):
            apply_edits(text, [edit], source.data)

    def test_a_key_that_is_not_written_stops_the_edit(self) -> None:
        text = plan_text(session("a", "09:00", "10:00"))
        source = parse_text(text, "seminar.toml")
        assert source.data is not None
        with pytest.raises(EditError, match=r"cannot find where sessions\[0\]\.duration"):
            apply_edits(text, [Edit(0, ("sessions", 0, "duration"), 1, 2)], source.data)

    def test_the_session_is_edited_in_its_own_file(self) -> None:
        main = plan_text().replace("format = 1\n", 'format = 1\ninclude = ["day1.toml"]\n')
        day1 = "# day one\n" + session("a", "09:00", "10:00", room="hall")
        sources = Sources((parse_text(main, "seminar.toml"), parse_text(day1, "day1.toml")))
        from seminar_plan.load import load_sources

        loaded = load_sources(sources)
        assert loaded.plan is not None
        rehearsal = rehearse(loaded, plan_shift(loaded.plan, "a", 10))
        assert list(rehearsal.texts) == [1]
        assert changed_lines(day1, rehearsal.texts[1]) == [
            '-start = "09:00"',
            '-end = "10:00"',
            '+start = "09:10"',
            '+end = "10:10"',
        ]

    def test_edits_of_a_repeated_session_are_made_once(self) -> None:
        text = plan_text(session("r", "07:00", "08:00").replace("day = 1", "day = [1, 2]"))
        plan = parsed(text)
        source = parse_text(text, "seminar.toml")
        edits = shift_edits([source.data], plan_shift(plan, "r", 10))
        assert [(e.path, e.new) for e in edits] == [
            (("sessions", 0, "start"), "07:10"),
            (("sessions", 0, "end"), "08:10"),
        ]


class TestRehearsal:
    def test_the_findings_a_shift_creates_and_removes(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
            + session("b", "10:00", "11:00", room="hall", speakers=["aoki"])
            + session("c", "09:30", "10:30", room="salon", speakers=["chen"])
            + session("d", "10:00", "10:30", room="salon", speakers=["chen"])
        )
        loaded = load_text(text)
        assert loaded.plan is not None
        shift_a = plan_shift(loaded.plan, "a", 15)
        rehearsal = rehearse(loaded, shift_a)
        assert [(f.code, tuple(sorted(f.subjects))) for f in rehearsal.created] == [
            ("room-overlap", ("a", "b", "hall")),
            ("person-overlap", ("a", "aoki", "b")),
        ]
        for lang in ("ja", "ko"):
            shown = render_text(loaded.plan, shift_a, rehearsal, lang=lang)
            for created in rehearsal.created:
                assert f"    {created.message_in(lang)}\n" in shown, lang
        assert (
            "'aoki' が 'b'（2025-07-23 10:00-11:00）と 'a'（2025-07-23 09:15-10:15、"
            in render_text(loaded.plan, shift_a, rehearsal, lang="ja")
        )
        moved_back = rehearse(loaded, plan_shift(loaded.plan, "d", 30))
        assert [(f.code, tuple(sorted(f.subjects))) for f in moved_back.removed] == [
            ("room-overlap", ("c", "d", "salon")),
            ("person-overlap", ("c", "chen", "d")),
        ]
        assert moved_back.created == ()


def finding(code: str, *subjects: str) -> Finding:
    return Finding(code, Severity.ERROR, "m", None, subjects, Place("f", 1, 1))


@given(
    st.lists(st.sampled_from([("a", "x"), ("a", "y"), ("b", "x")]), max_size=6),
    st.lists(st.sampled_from([("a", "x"), ("a", "y"), ("b", "x")]), max_size=6),
)
def test_the_delta_counts_each_finding_once(
    before: list[tuple[str, str]], after: list[tuple[str, str]]
) -> None:
    old = [finding(code, subject) for code, subject in before]
    new = [finding(code, subject) for code, subject in after]
    created, removed = findings_delta(old, new)
    assert len(new) - len(created) == len(old) - len(removed)
    # Brute force: what remains after taking each created one out of the new list is the old
    # list without the removed ones, as multisets.
    rest = list(new)
    for f in created:
        rest.remove(f)
    kept = list(old)
    for f in removed:
        kept.remove(f)
    assert sorted((f.code, f.subjects) for f in rest) == sorted((f.code, f.subjects) for f in kept)


EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
EXAMPLE_LOADED = load_plan(EXAMPLE)
assert EXAMPLE_LOADED.plan is not None
EXAMPLE_IDS = sorted({s.base_id for s in EXAMPLE_LOADED.plan.sessions})


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(EXAMPLE_IDS), st.integers(-180, 180).filter(bool), st.booleans())
def test_a_shift_and_its_reverse_give_back_the_file(
    target: str, minutes: int, ripple: bool
) -> None:
    """Every shift of the example either is refused or edits only times, and shifting the
    same sessions back restores the file byte for byte."""
    plan = EXAMPLE_LOADED.plan
    assert plan is not None
    shift = plan_shift(plan, target, minutes, ripple=ripple)
    if shift.refusal is not None:
        assert shift.moves == ()
        return
    texts = rehearse(EXAMPLE_LOADED, shift).texts
    after = load_text(texts[0], str(EXAMPLE))
    assert after.plan is not None
    moved_ids = {m.session.id for m in shift.moves}
    for before_session, after_session in zip(plan.sessions, after.plan.sessions, strict=True):
        delta = dt.timedelta(minutes=minutes if before_session.id in moved_ids else 0)
        assert after_session.start == before_session.start + delta
        assert after_session.end - after_session.start == before_session.end - before_session.start
    back = Shift(
        target,
        -minutes,
        ripple,
        tuple(
            type(m)(
                s,
                s.start - dt.timedelta(minutes=minutes),
                s.end - dt.timedelta(minutes=minutes),
                m.reason,
            )
            for m in shift.moves
            for s in [next(x for x in after.plan.sessions if x.id == m.session.id)]
        ),
    )
    assert rehearse(after, back).texts[0] == EXAMPLE_TEXT
