"""The calendar export: parsed back with icalendar it gives the same sessions and times."""

from __future__ import annotations

import datetime as dt
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import plan_text, session
from export_plans import example, parsed
from seminar_plan.exports import ics, session_uuid, stable_uuid
from seminar_plan.text import pick, plain_text

NOW = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)


def events(data: bytes) -> list[Any]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_every_session_comes_back_with_its_uid_title_and_times() -> None:
    plan = example()
    found = {str(e["UID"]): e for e in events(ics.render(plan, now=NOW, lang="en"))}
    assert len(found) == len(plan.sessions)
    for item in plan.sessions:
        event = found[str(session_uuid(plan, item))]
        assert event.decoded("DTSTART") == item.start
        assert event.decoded("DTEND") == item.end
        assert str(event["SUMMARY"]) == pick(item.title, ("en",))
        assert event.decoded("DTSTAMP") == NOW


def test_times_carry_the_event_zone_and_its_vtimezone() -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics.render(example(), now=NOW))
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Asia/Shanghai"]
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=8)


def test_the_default_language_is_the_events_first() -> None:
    plan = example()
    titles = {str(e["SUMMARY"]) for e in events(ics.render(plan, now=NOW))}
    assert "開会あいさつ" in titles


def test_location_and_description() -> None:
    plan = example()
    found = {str(e["UID"]): e for e in events(ics.render(plan, now=NOW, lang="en"))}
    opening = next(s for s in plan.sessions if s.id == "opening")
    event = found[str(session_uuid(plan, opening))]
    assert str(event["LOCATION"]) == (
        "Main hall, Central Plains International Conference Hotel (illustrative),"
        " Zhengdong New District, Zhengzhou (illustrative)"
    )
    assert str(event["DESCRIPTION"]) == (
        "Speakers: YASUDA, USUI, SHIMIZU Hayato\n"
        "Interpreters: Simultaneous interpreter A, Simultaneous interpreter B\n"
        "Interpretation: simultaneous (ja, zh)\n"
        "\n"
        "Speakers in protocol order"
    )
    assert [str(c) for c in event["CATEGORIES"].cats] == ["ceremony"]


def test_reexporting_a_moved_session_keeps_its_uid() -> None:
    before = parsed(plan_text(session("talk", "09:00", "10:00", room="hall")))
    after = parsed(plan_text(session("talk", "11:00", "12:00", day=2, room="salon")))
    (old,) = events(ics.render(before, now=NOW))
    (new,) = events(ics.render(after, now=NOW))
    assert old["UID"] == new["UID"]
    assert old.decoded("DTSTART") != new.decoded("DTSTART")


def test_one_day() -> None:
    plan = example()
    found = events(ics.render(plan, now=NOW, day=4))
    assert sorted(str(e["UID"]) for e in found) == sorted(
        str(session_uuid(plan, s)) for s in plan.sessions if s.day == 4
    )


def test_a_persons_calendar_has_their_sessions_arrival_and_departure() -> None:
    plan = example()
    found = events(ics.render(plan, now=NOW, person="usui", lang="en"))
    by_summary = {str(e["SUMMARY"]): e for e in found}
    assert set(by_summary) == {
        "Airport pickup (Minister Usui)",
        "Opening remarks",
        "Arrival: USUI",
        "Departure: USUI",
    }
    arrival = by_summary["Arrival: USUI"]
    usui = plan.person_by_id["usui"]
    assert arrival.decoded("DTSTART") == usui.arrive
    assert "DTEND" not in arrival
    assert str(arrival["UID"]) == str(stable_uuid(plan, "arrival", "usui"))
    # Tokyo time on the ticket, the event's zone in the calendar.
    yasuda = events(ics.render(plan, now=NOW, person="yasuda", day=1, lang="en"))
    arrive = next(e for e in yasuda if str(e["SUMMARY"]).startswith("Arrival"))
    assert arrive["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert arrive.decoded("DTSTART").hour == 14


def test_a_persons_calendar_on_a_day_without_their_travel() -> None:
    found = events(ics.render(example(), now=NOW, person="yasuda", day=2, lang="en"))
    assert {str(e["SUMMARY"]) for e in found} == {"Opening remarks"}


def test_an_empty_selection_is_still_a_calendar() -> None:
    from icalendar import Calendar

    plan = parsed(plan_text())
    calendar = Calendar.from_ical(ics.render(plan, now=NOW))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["VERSION"]) == "2.0"


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters=",;:\\\n\"'"),
    min_size=1,
    max_size=40,
).filter(lambda value: value.strip() == value and value.strip())


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, notes=_TEXT)
def test_any_text_is_escaped_and_comes_back_unchanged(title: str, notes: str) -> None:
    extra = session("talk", "09:00", "10:00") + tomli_w.dumps({"notes": notes})
    plan = parsed(plan_text(extra).replace('title = "talk"', tomli_w.dumps({"title": title})))
    (event,) = events(ics.render(plan, now=NOW))
    # Unchanged but for line separators (U+2028...), which a calendar holds as line breaks.
    assert str(event["SUMMARY"]) == plain_text(title)
    assert str(event["DESCRIPTION"]) == plain_text(notes)


def test_an_arrival_in_the_second_pass_of_a_repeated_hour_is_written_in_utc() -> None:
    # 01:30 EST on New York's fall-back night: with the zone's TZID it would read as 01:30 EDT,
    # an hour earlier (RFC 5545 takes the first occurrence).
    text = plan_text(session("talk", "10:00", "11:00", day=2, speakers=["aoki"]))
    text = text.replace('"Asia/Shanghai"', '"America/New_York"')
    text = text.replace("start = 2025-07-23", "start = 2025-11-01")
    text = text.replace("end = 2025-07-24", "end = 2025-11-02")
    text = text.replace('name = "Aoki"\n', 'name = "Aoki"\narrive = 2025-11-02T01:30:00-05:00\n')
    plan = parsed(text)
    found = {str(e["UID"]): e for e in events(ics.render(plan, now=NOW, person="aoki"))}
    arrival = found[str(stable_uuid(plan, "arrival", "aoki"))]
    assert arrival["DTSTART"].to_ical() == b"20251102T063000Z"
    talk = found[str(session_uuid(plan, plan.sessions[0]))]
    assert talk["DTSTART"].params["TZID"] == "America/New_York"


def test_a_written_backslash_n_stays_two_characters() -> None:
    # icalendar's own TEXT escaping reads the two characters \N as a line break.
    plan = parsed(
        plan_text(session("talk", "09:00", "10:00")).replace(
            'title = "talk"', tomli_w.dumps({"title": "a\\Nb; c, d\\e\nf"})
        )
    )
    calendar = ics.render(plan, now=NOW)
    assert b"SUMMARY:a\\\\Nb\\; c\\, d\\\\e\\nf\r\n" in calendar
    (event,) = events(calendar)
    assert str(event["SUMMARY"]) == "a\\Nb; c, d\\e\nf"
