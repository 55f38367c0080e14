"""Daylight saving time: a wall-clock time the clocks skip is a bad-time error; a repeated one
reads as its first occurrence. Checked against a brute-force list of the wall times that exist,
over the change days of several zones."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BASE, findings_of, session

# (zone, a day with a change): spring forward, fall back, half-hour steps, changes at midnight.
CHANGE_DAYS = [
    ("Europe/Berlin", dt.date(2025, 3, 30)),
    ("Europe/Berlin", dt.date(2025, 10, 26)),
    ("America/New_York", dt.date(2025, 3, 9)),
    ("America/New_York", dt.date(2025, 11, 2)),
    ("Australia/Lord_Howe", dt.date(2025, 10, 5)),
    ("America/Santiago", dt.date(2025, 9, 7)),
    ("Asia/Tokyo", dt.date(2025, 3, 30)),
]


def existing_wall_times(zone: str, day: dt.date) -> set[dt.datetime]:
    """Every wall-clock minute of ``day`` that some instant shows in ``zone`` (brute force)."""
    tz = zoneinfo.ZoneInfo(zone)
    first = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) - dt.timedelta(hours=16)
    minutes = (first + dt.timedelta(minutes=m) for m in range(56 * 60))
    return {moment.astimezone(tz).replace(tzinfo=None) for moment in minutes}


def plan_on(zone: str, day: dt.date, start: str, end: str) -> str:
    text = BASE.replace('"Asia/Shanghai"', f'"{zone}"')
    text = text.replace("start = 2025-07-23", f"start = {day}")
    text = text.replace("end = 2025-07-24", f"end = {day}")
    return text + "\n" + session("s", start, end)


@settings(max_examples=120, deadline=None)
@given(
    change=st.sampled_from(CHANGE_DAYS),
    start=st.integers(0, 24 * 4 - 2),
    length=st.integers(1, 8),
)
def test_a_skipped_time_is_bad_time_and_every_other_is_placed(
    change: tuple[str, dt.date], start: int, length: int
) -> None:
    zone, day = change
    begin = start * 15
    end = min(begin + length * 15, 24 * 60)
    text = plan_on(
        zone, day, f"{begin // 60:02d}:{begin % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"
    )
    existing = existing_wall_times(zone, day)
    midnight = dt.datetime.combine(day, dt.time())
    wall = [midnight + dt.timedelta(minutes=begin), midnight + dt.timedelta(minutes=end)]
    # 24:00 is the next midnight; it exists unless the change is at that midnight.
    skipped = any(w not in existing and w.date() == day for w in wall) or (
        wall[1].date() > day and wall[1] not in existing_wall_times(zone, wall[1].date())
    )
    codes = [f.code for f in findings_of(text)]
    assert ("bad-time" in codes) == skipped, (zone, day, begin, end, codes)


def test_spring_forward_in_berlin_is_named() -> None:
    (finding,) = findings_of(plan_on("Europe/Berlin", dt.date(2025, 3, 30), "02:30", "03:30"))
    assert (finding.code, finding.message) == (
        "bad-time",
        ("session 's' starts at 02:30 on 2025-03-30, a time that does not exist in"
        " Europe/Berlin: the clocks skip it"),
    )


def test_a_repeated_time_reads_as_its_first_occurrence() -> None:
    from seminar_plan import load_text

    plan = load_text(plan_on("Europe/Berlin", dt.date(2025, 10, 26), "02:30", "02:45")).plan
    assert plan is not None
    (item,) = plan.sessions
    assert item.start.utcoffset() == dt.timedelta(hours=2)  # CEST, before the clocks go back


# The first person arrives in the second pass of 01:30 on New York's fall-back night (EST,
# 06:30 UTC), after the 01:45 session of the first pass (EDT, 05:45 UTC) has begun; the second
# arrives in the first pass (05:30 UTC), before it. Compared by wall clock, 01:30 < 01:45 both
# times and the first would be missed.
FALL_BACK = """
[people.late]
name = "Late"
arrive = 2025-11-02T01:30:00-05:00

[people.early]
name = "Early"
arrive = 2025-11-02T01:30:00-04:00
"""


def test_stays_in_the_repeated_hour_compare_in_absolute_time() -> None:
    text = plan_on("America/New_York", dt.date(2025, 11, 2), "01:45", "02:30")
    text = text.replace('end = "02:30"\n', 'end = "02:30"\nspeakers = ["late", "early"]\n')
    found = [(f.code, f.subjects) for f in findings_of(text + FALL_BACK)]
    assert found == [("outside-stay", ("late", "s"))]
