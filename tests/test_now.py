"""now/next: what is on in each place at a moment, against a brute-force reading of the plan."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import plan_text, session
from export_plans import example, parsed
from seminar_plan.views.now import minutes_until, now_next, places

SHANGHAI = ZoneInfo("Asia/Shanghai")
EXAMPLE = example()


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def summary(moment: dt.datetime, room: str | None = None) -> list[tuple[str, list[str], str]]:
    board = now_next(EXAMPLE, moment, room=room)
    return [
        (p.place, [s.id for s in p.current], p.next.id if p.next else "")
        for p in board.places
        if p.current or p.next
    ]


def test_the_keynote_is_on_at_ten_past_ten() -> None:
    assert summary(at("2025-07-24T10:05")) == [
        ("main-hall", ["keynote"], "lecture"),
        ("foyer", [], "break-am"),
        ("banquet-hall", [], "lunch-day2"),
        ("conference-hotel", [], "bus-to-hotel-day2"),
    ]


def test_a_session_ends_at_its_end() -> None:
    # At 10:00 the opening has ended and the keynote begun: [start, end).
    assert summary(at("2025-07-24T10:00"), room="main-hall") == [
        ("main-hall", ["keynote"], "lecture")
    ]


def test_next_is_the_same_day_only() -> None:
    assert summary(at("2025-07-24T21:00")) == []


def test_an_instant_in_another_zone_is_read_in_the_event_zone() -> None:
    tokyo = dt.datetime(2025, 7, 24, 11, 5, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert summary(tokyo) == summary(at("2025-07-24T10:05"))
    assert now_next(EXAMPLE, tokyo).at.tzinfo is EXAMPLE.event.tz


def test_every_room_is_listed_then_the_venues_without_rooms() -> None:
    listed = [(p.place, p.is_room) for p in now_next(EXAMPLE, at("2025-07-24T10:05")).places]
    assert listed == [(r.id, True) for r in EXAMPLE.rooms] + [
        ("conference-hotel", False),
        ("smart-city-centre", False),
        ("cgo", False),
    ]


def test_minutes_are_rounded_up() -> None:
    start = at("2025-07-24T10:05")
    assert minutes_until(start, start + dt.timedelta(seconds=30)) == 1
    assert minutes_until(start, start + dt.timedelta(minutes=45)) == 45
    assert minutes_until(start, start - dt.timedelta(minutes=1)) == 0


def test_two_sessions_at_once_in_one_room_are_both_shown() -> None:
    plan = parsed(
        plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="hall")
        )
    )
    (hall,) = [p for p in now_next(plan, at("2025-07-23T09:45")).places if p.place == "hall"]
    assert [s.id for s in hall.current] == ["a", "b"]


def test_a_moment_in_the_second_pass_of_a_repeated_hour_is_compared_in_absolute_time() -> None:
    # New York's fall-back night: a ran 01:15-01:45 EDT; at 01:30 EST it is over, b is still on.
    plan = parsed(
        plan_text(
            session("a", "01:15", "01:45", day=2, room="hall")
            + session("b", "01:00", "03:00", day=2, room="salon")
        )
        .replace('"Asia/Shanghai"', '"America/New_York"')
        .replace("start = 2025-07-23", "start = 2025-11-01")
        .replace("end = 2025-07-24", "end = 2025-11-02")
    )
    second_pass = dt.datetime.fromisoformat("2025-11-02T01:30-05:00")
    board = {p.place: p for p in now_next(plan, second_pass).places}
    assert [s.id for s in board["hall"].current] == []
    assert [s.id for s in board["salon"].current] == ["b"]


MINUTES = st.integers(0, EXAMPLE.event.day_count * 24 * 60 - 1)


@settings(max_examples=200, deadline=None)
@given(MINUTES)
def test_now_and_next_equal_a_brute_force_reading(minute: int) -> None:
    moment = dt.datetime.combine(EXAMPLE.event.start, dt.time(), tzinfo=SHANGHAI) + dt.timedelta(
        minutes=minute
    )
    board = {(p.place, p.is_room): p for p in now_next(EXAMPLE, moment).places}
    for place, sessions in places(EXAMPLE):
        found = board[place]
        assert {s.id for s in found.current} == {
            s.id for s in EXAMPLE.sessions if s in sessions and s.start <= moment < s.end
        }
        starts = [s for s in sessions if moment < s.start and s.date == moment.date()]
        first = min((s.start for s in starts), default=None)
        assert (found.next.start if found.next else None) == first
