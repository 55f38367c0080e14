import datetime as dt
from zoneinfo import ZoneInfo

from conftest import plan_text, session
from seminar_plan import load_text, present
from seminar_plan.model import Plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def plan_of(text: str | None = None) -> Plan:
    loaded = load_text(text or plan_text(session("talk", "10:00", "11:00")), "p.toml")
    assert loaded.plan is not None
    return loaded.plan


def test_ui_language_is_lang_then_the_events_languages_with_a_catalogue_then_english() -> None:
    plan = plan_of()
    assert plan.event.languages[0] == "ja"
    assert present.ui_language(plan, None) == "ja"
    assert present.ui_language(plan, "zh") == "zh"
    french = plan_of(plan_text().replace('languages = ["ja", "zh", "en"]', 'languages = ["fr"]'))
    assert present.ui_language(french, None) == "en"
    assert present.ui_language(french, "fr") == "en"


def test_names_of_people_and_places_with_unknown_ids_as_written() -> None:
    plan = plan_of()
    talk = plan.sessions[0]
    order = ("en",)
    assert present.person_name(plan, "nobody", order) == "nobody"
    someone = plan.people[0]
    assert present.person_name(plan, someone.id, order) == someone.name.get(order)
    assert present.person_names(plan, [someone.id, "x"], order)[1] == "x"
    assert present.place_name(plan, talk, order) in {
        present.room_name(plan, talk, order),
        present.venue_name(plan, talk, order),
    }


def test_list_separator_follows_the_catalogue() -> None:
    assert present.list_separator("ja") == "、"
    assert present.list_separator("zh") == "、"
    assert present.list_separator("en") == ", "
    assert present.list_separator("fr") == ", "


def test_midnight_that_ends_the_day_is_24_00() -> None:
    date = dt.date(2025, 7, 23)
    midnight = dt.datetime(2025, 7, 24, 0, 0, tzinfo=SHANGHAI)
    assert present.clock(midnight, date) == "24:00"
    assert present.clock(midnight, midnight.date()) == "00:00"
    assert present.clock(dt.datetime(2025, 7, 23, 9, 5, tzinfo=SHANGHAI), date) == "09:05"
    assert present.clock_of_day(None) == "24:00"
    assert present.clock_of_day(dt.time(7, 30)) == "07:30"
