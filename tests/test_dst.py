"""Daylight saving time: a wall-clock time the clocks skip is a bad-time error; a repeated one
reads as its first occurrence. Checked against a brute-force list of the wall times that exist,
over the change days of several zones."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import zoneinfo
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BASE, findings_of, flight, session

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
        (
            "session 's' starts at 02:30 on 2025-03-30, a time that does not exist in"
            " Europe/Berlin: the clocks skip it"
        ),
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


# CI runs a sample; HYPOTHESIS_PROFILE=long sweeps the grid ten times as densely.
SWEEP = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1

# The stay sweep: a person's arrival and departure (written on them, or a flight's) against a
# session, over the days around a change in several zones, compared with a brute force in UTC.
# (zone, the day of the change): spring forward and fall back; Lord Howe's half hour; Santiago
# and Tehran change at midnight (their repeated hour is 23:00 of the day before); Shanghai in
# 1991 had summer time, in 2025 none; Apia skipped 2011-12-30 whole.
STAY_CHANGES = [
    ("Europe/Berlin", dt.date(2025, 3, 30)),
    ("Europe/Berlin", dt.date(2025, 10, 26)),
    ("America/New_York", dt.date(2025, 3, 9)),
    ("America/New_York", dt.date(2025, 11, 2)),
    ("Australia/Lord_Howe", dt.date(2025, 4, 6)),
    ("Australia/Lord_Howe", dt.date(2025, 10, 5)),
    ("America/Santiago", dt.date(2025, 4, 6)),
    ("America/Santiago", dt.date(2025, 9, 7)),
    ("Asia/Tehran", dt.date(2021, 3, 22)),
    ("Asia/Tehran", dt.date(2021, 9, 22)),
    ("Asia/Shanghai", dt.date(1991, 4, 14)),
    ("Asia/Shanghai", dt.date(1991, 9, 15)),
    ("Asia/Shanghai", dt.date(2025, 3, 30)),
    ("Pacific/Apia", dt.date(2011, 12, 30)),
]


@functools.cache
def instants_of_wall_times(zone: str, day: dt.date) -> dict[dt.datetime, tuple[dt.datetime, ...]]:
    """Every wall-clock minute from the day before ``day`` to the day after, with the UTC
    instants that show it in ``zone``, earliest first (brute force over every minute)."""
    tz = zoneinfo.ZoneInfo(zone)
    first = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    first -= dt.timedelta(hours=16)
    shown: dict[dt.datetime, list[dt.datetime]] = {}
    for minute in range((3 * 24 + 32) * 60):
        moment = first + dt.timedelta(minutes=minute)
        shown.setdefault(moment.astimezone(tz).replace(tzinfo=None), []).append(moment)
    return {wall: tuple(moments) for wall, moments in shown.items()}


@st.composite
def wall_times(draw: st.DrawFn, day: dt.date) -> dt.datetime:
    """A wall-clock minute from 00:00 of the day before ``day`` to 23:59 of the day after,
    mostly on the quarter hours of the change's night."""
    midnight = dt.datetime.combine(day - dt.timedelta(days=1), dt.time())
    near = st.integers(-4 * 4, 6 * 4).map(lambda q: 24 * 60 + q * 15)
    minute = draw(st.one_of(near, near.map(lambda m: m + 1), st.integers(0, 3 * 24 * 60 - 1)))
    return midnight + dt.timedelta(minutes=minute)


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@st.composite
def stay_ends(
    draw: st.DrawFn, zone: str, day: dt.date, near: dt.datetime | None = None
) -> tuple[dt.datetime, str | None] | None:
    """None (no such end), or a wall time and its offset (None: local, in the event zone);
    often within two hours of ``near`` (the other end), where the order is in doubt."""
    if draw(st.integers(0, 4)) == 0:
        return None
    wall = draw(wall_times(day))
    if near is not None and draw(st.booleans()):
        wall = near + dt.timedelta(minutes=draw(st.integers(-8, 8)) * 15)
    tz = zoneinfo.ZoneInfo(zone)
    # The zone's offsets before and after the change, as written on tickets.
    offsets = sorted(
        {
            offset
            for hours in (-3, 0, 3)
            if (offset := (wall + dt.timedelta(hours=hours)).replace(tzinfo=tz).utcoffset())
            is not None
        }
    )
    choice = draw(st.sampled_from([None, "+09:00", *map(_offset_text, offsets)]))
    return wall, choice


def _toml_moment(end: tuple[dt.datetime, str | None]) -> str:
    wall, offset = end
    return f"{wall:%Y-%m-%dT%H:%M:%S}{offset or ''}"


def _utc_of(zone: str, day: dt.date, end: tuple[dt.datetime, str | None]) -> dt.datetime | None:
    """The instant a written time means (a local one: its first occurrence); None when the
    clocks skip it."""
    wall, offset = end
    if offset is not None:
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        sign = -1 if offset[0] == "-" else 1
        shift = sign * dt.timedelta(hours=hours, minutes=minutes)
        return (wall - shift).replace(tzinfo=dt.UTC)
    instants = instants_of_wall_times(zone, day).get(wall)
    return instants[0] if instants else None


def stay_plan(
    zone: str,
    day: dt.date,
    session_span: tuple[dt.datetime, dt.datetime],
    ends: Mapping[str, tuple[dt.datetime, str | None] | None],
    by_flight: bool,
) -> str:
    text = BASE.replace('"Asia/Shanghai"', f'"{zone}"')
    text = text.replace("start = 2025-07-23", f"start = {day - dt.timedelta(days=1)}")
    text = text.replace("end = 2025-07-24", f"end = {day + dt.timedelta(days=1)}")
    begins, ends_at = session_span
    number = (begins.date() - day).days + 2
    end_text = "24:00" if ends_at.date() > begins.date() else f"{ends_at:%H:%M}"
    text += "\n" + session("s", f"{begins:%H:%M}", end_text, day=number, speakers=["aoki"])
    keys = ""
    for key, end in ends.items():
        if end is None:
            continue
        if not by_flight:
            keys += f"{key} = {_toml_moment(end)}\n"
            continue
        # The other end of the flight is far away in time, so that the flight itself is sound.
        far = dt.datetime.combine(day, dt.time()) + dt.timedelta(days=3 if key == "depart" else -3)
        times = (f"{far:%Y-%m-%dT%H:%M:%S}+00:00", _toml_moment(end))
        departs, arrives = times if key == "arrive" else times[::-1]
        text += "\n" + flight(
            f"f-{key}",
            "arrival" if key == "arrive" else "departure",
            departs,
            arrives,
            passengers=["aoki"],
        ).replace('airport = "airport"', 'airport = "hotel"')
    return text.replace('name = "Aoki"\n', f'name = "Aoki"\n{keys}')


@st.composite
def session_spans(draw: st.DrawFn, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    begins = draw(wall_times(day))
    midnight = dt.datetime.combine(begins.date(), dt.time())
    latest = (midnight + dt.timedelta(days=1) - begins) // dt.timedelta(minutes=1)
    length = draw(st.one_of(st.integers(1, min(latest, 4 * 60)), st.just(latest)))
    return begins, begins + dt.timedelta(minutes=length)


@settings(max_examples=300 * SWEEP, deadline=None)
@given(data=st.data(), change=st.sampled_from(STAY_CHANGES), by_flight=st.booleans())
def test_stays_against_sessions_equal_a_brute_force_in_utc(
    data: st.DataObject, change: tuple[str, dt.date], by_flight: bool
) -> None:
    zone, day = change
    span = data.draw(session_spans(day))
    arrive_end = data.draw(stay_ends(zone, day), label="arrive")
    near = None if arrive_end is None else arrive_end[0]
    ends = {"arrive": arrive_end, "depart": data.draw(stay_ends(zone, day, near), label="depart")}
    text = stay_plan(zone, day, span, ends, by_flight)
    start_utc, end_utc = (_utc_of(zone, day, (wall, None)) for wall in span)
    stay = {key: None if end is None else _utc_of(zone, day, end) for key, end in ends.items()}
    expected: set[tuple[str, tuple[str, ...]]] = set()
    if start_utc is None or end_utc is None:
        expected.add(("bad-time", ("s",)))
    subject = {"arrive": "f-arrive", "depart": "f-depart"} if by_flight else {}
    for key, end in ends.items():
        if end is not None and stay[key] is None:
            expected.add(("bad-time", (subject.get(key, "aoki"),)))
    arrive, depart = stay["arrive"], stay["depart"]
    if not by_flight and arrive is not None and depart is not None and depart < arrive:
        expected.add(("schema", ("aoki",)))
    if (
        start_utc is not None
        and end_utc is not None
        and (
            (arrive is not None and start_utc < arrive) or (depart is not None and end_utc > depart)
        )
    ):
        expected.add(("outside-stay", ("aoki", "s")))
    found = {
        (f.code, f.subjects)
        for f in findings_of(text)
        if f.code in ("bad-time", "outside-stay", "schema")
    }
    assert found == expected, text


def wall(text: str) -> dt.datetime:
    """A wall-clock time, in no zone yet."""
    return dt.datetime.fromisoformat(text)


def test_an_arrival_the_clocks_skip_is_named() -> None:
    day = dt.date(2025, 3, 30)
    span = (wall("2025-03-30T10:00"), wall("2025-03-30T11:00"))
    arrive = (wall("2025-03-30T02:30"), None)
    for by_flight, key in ((False, "arrive"), (True, "arrives")):
        text = stay_plan("Europe/Berlin", day, span, {"arrive": arrive, "depart": None}, by_flight)
        found = [(f.code, f.message, f.hint) for f in findings_of(text) if f.code == "bad-time"]
        assert found == [
            (
                "bad-time",
                (
                    f"{key} 2025-03-30 02:30 is a time that does not exist in Europe/Berlin:"
                    " the clocks skip it"
                ),
                "give the time with its offset (as on the ticket), or a time the clocks show",
            )
        ]


def test_a_departure_before_the_arrival_in_the_repeated_hour_shows_the_offsets() -> None:
    day = dt.date(2025, 11, 2)
    span = (wall("2025-11-02T10:00"), wall("2025-11-02T11:00"))
    ends = {
        "arrive": (wall("2025-11-02T01:30"), "-05:00"),
        "depart": (wall("2025-11-02T01:45"), None),
    }
    found = [
        f.message
        for f in findings_of(stay_plan("America/New_York", day, span, ends, by_flight=False))
        if f.code == "schema"
    ]
    assert found == [
        "aoki departs (2025-11-02 01:45 -0400) before arriving (2025-11-02 01:30 -0500)"
    ]


# The export sweep: sessions with cues over the same change days, a speaker whose stay may lie
# in a repeated hour; every export and view must place each time at the instant the plan means.
@st.composite
def cue_clocks(draw: st.DrawFn, span: tuple[dt.datetime, dt.datetime]) -> str:
    """A cue's "HH:MM" on the session's day: often inside it, sometimes 24:00 or anywhere."""
    begins, ends = span
    midnight = dt.datetime.combine(begins.date(), dt.time())
    inside = (ends - begins) // dt.timedelta(minutes=1)
    minute = draw(
        st.one_of(
            st.integers(0, inside).map(
                lambda m: (begins - midnight) // dt.timedelta(minutes=1) + m
            ),
            st.integers(0, 24 * 60),
        )
    )
    return f"{minute // 60:02d}:{minute % 60:02d}"


def export_plan(
    zone: str,
    day: dt.date,
    spans: list[tuple[dt.datetime, dt.datetime]],
    cues: list[list[str]],
    ends: Mapping[str, tuple[dt.datetime, str | None] | None],
) -> str:
    text = stay_plan(zone, day, spans[0], ends, by_flight=False).replace('id = "s"', 'id = "s0"')
    text = text.replace('title = "s"', 'title = "s0"')
    for number, (begins, ends_at) in enumerate(spans[1:], start=1):
        end_text = "24:00" if ends_at.date() > begins.date() else f"{ends_at:%H:%M}"
        day_number = (begins.date() - day).days + 2
        text += "\n" + session(f"s{number}", f"{begins:%H:%M}", end_text, day=day_number)
    # Cues follow their session: put each session's cues right after its table.
    blocks = text.split("[[sessions]]")
    for number, clocks in enumerate(cues):
        blocks[number + 1] += "".join(
            f'\n[[sessions.cues]]\nat = "{at}"\nwhat = "cue {at}"\nwho = "aoki"\n' for at in clocks
        )
    return "[[sessions]]".join(blocks)


def _cue_utc(zone: str, day: dt.date, span_start: dt.datetime, at: str) -> dt.datetime | None:
    hours, minutes = int(at[:2]), int(at[3:])
    wall = dt.datetime.combine(span_start.date(), dt.time()) + dt.timedelta(
        hours=hours, minutes=minutes
    )
    return _utc_of(zone, day, (wall, None))


@settings(max_examples=60 * SWEEP, deadline=None)
@given(data=st.data(), change=st.sampled_from(STAY_CHANGES))
def test_every_export_places_every_time_at_its_instant(
    data: st.DataObject, change: tuple[str, dt.date]
) -> None:
    from icalendar import Calendar

    from seminar_plan import load_text
    from seminar_plan.exports import ics, schedule_json, table_csv

    zone, day = change
    spans = data.draw(st.lists(session_spans(day), min_size=1, max_size=3), label="spans")
    cues = [data.draw(st.lists(cue_clocks(span), max_size=3), label="cues") for span in spans]
    arrive_end = data.draw(stay_ends(zone, day), label="arrive")
    near = None if arrive_end is None else arrive_end[0]
    ends = {"arrive": arrive_end, "depart": data.draw(stay_ends(zone, day, near), label="depart")}
    text = export_plan(zone, day, spans, cues, ends)

    instants = {
        f"s{n}": (_utc_of(zone, day, (a, None)), _utc_of(zone, day, (b, None)))
        for n, (a, b) in enumerate(spans)
    }
    expected_bad = {ident for ident, (a, b) in instants.items() if a is None or b is None}
    for number, clocks in enumerate(cues):
        start_utc, end_utc = instants[f"s{number}"]
        for at in clocks:
            moment = _cue_utc(zone, day, spans[number][0], at)
            if start_utc is None or end_utc is None:
                continue
            if moment is None or not start_utc <= moment <= end_utc:
                expected_bad.add(f"s{number}")
    stay = {key: None if end is None else _utc_of(zone, day, end) for key, end in ends.items()}
    for key, end in ends.items():
        if end is not None and stay[key] is None:
            expected_bad.add("aoki")
    loaded = load_text(text)
    from seminar_plan import check

    bad = {subject for f in check(loaded) if f.code == "bad-time" for subject in f.subjects}
    assert bad == expected_bad, text
    plan = loaded.plan
    assert plan is not None
    # A session at a time the clocks skip is left out of the plan; the rest are placed.
    placed = {ident: span for ident, span in instants.items() if None not in span}

    # The calendar, whole and the speaker's own: every event at its instants, ends after starts.
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for person in (None, "aoki"):
        calendar = Calendar.from_ical(ics.render(plan, now=now, person=person))
        for event in calendar.walk("VEVENT"):
            title = str(event["SUMMARY"])
            start = event.decoded("DTSTART").astimezone(dt.UTC)
            if title in placed:
                end = event.decoded("DTEND").astimezone(dt.UTC)
                assert (start, end) == placed[title], (title, text)
                assert end > start
            else:
                key = "arrive" if start == stay["arrive"] else "depart"
                assert start == stay[key], (title, text)

    # Durations in every table are the real minutes between the instants.
    minutes = {
        ident: (b - a) // dt.timedelta(minutes=1)
        for ident, (a, b) in placed.items()
        if a is not None and b is not None
    }
    rows = list(csv.reader(io.StringIO(table_csv.render(plan).decode("utf-8-sig"))))[1:]
    assert {row[0]: int(row[5]) for row in rows} == minutes, text
    schedule = json.loads(schedule_json.render(plan))
    talks = [
        talk
        for day_entry in schedule["schedule"]["conference"]["days"]
        for room in day_entry["rooms"].values()
        for talk in room
    ]
    assert len(talks) == len(placed)
    for talk in talks:
        hours, mins = map(int, talk["duration"].split(":"))
        assert hours * 60 + mins == minutes[talk["title"]]
        assert dt.datetime.fromisoformat(talk["date"]) == placed[talk["title"]][0]


@settings(max_examples=150 * SWEEP, deadline=None)
@given(
    data=st.data(),
    change=st.sampled_from(STAY_CHANGES),
    minutes=st.sampled_from([15, 30, 60, 90, 150]),
)
def test_travel_time_across_a_change_equals_a_brute_force_in_utc(
    data: st.DataObject, change: tuple[str, dt.date], minutes: int
) -> None:
    zone, day = change
    spans = [data.draw(session_spans(day), label=name) for name in ("a", "b")]
    text = stay_plan(zone, day, spans[0], {}, by_flight=False).replace(
        "minutes = 30", f"minutes = {minutes}"
    )
    text = text.replace('id = "s"', 'id = "a"').replace('title = "s"', 'title = "a"')
    text = text.replace('speakers = ["aoki"]', 'room = "hall"\nspeakers = ["aoki"]')
    begins, ends_at = spans[1]
    end_text = "24:00" if ends_at.date() > begins.date() else f"{ends_at:%H:%M}"
    day_number = (begins.date() - day).days + 2
    text += "\n" + session(
        "b", f"{begins:%H:%M}", end_text, day=day_number, room="salon", speakers=["aoki"]
    )
    instants = [tuple(_utc_of(zone, day, (wall, None)) for wall in span) for span in spans]
    expected = False
    if all(None not in pair for pair in instants):
        (a_start, a_end), (b_start, b_end) = instants
        earlier, later = sorted(instants)
        overlap = a_start < b_end and b_start < a_end  # type: ignore[operator]
        gap = (later[0] - earlier[1]) // dt.timedelta(minutes=1)  # type: ignore[operator]
        expected = not overlap and gap < minutes and later[0] != earlier[0]
    found = [f.subjects for f in findings_of(text) if f.code == "travel-time"]
    assert bool(found) == expected, text
