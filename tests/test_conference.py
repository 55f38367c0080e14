"""What frab XML and schedule JSON share: ASCII acronym and slugs, ids, rooms, days."""

from __future__ import annotations

import re

from conftest import plan_text, session
from export_plans import example, parsed
from seminar_plan.exports import session_uuid
from seminar_plan.exports.conference import acronym, ascii_fold, build, slugify

# The stricter of the two schemas' patterns (frab's voc-slug-new, the JSON schema's acronym).
SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}\Z")
ACRONYM = re.compile(r"[a-z0-9_-][a-z0-9_]{3,}\Z")


def test_the_acronym_is_the_english_titles_initials_and_the_edition() -> None:
    assert acronym(example()) == "jcireps21"


def test_a_title_without_latin_words_and_without_an_edition() -> None:
    title = 'title = { ja = "試験", zh = "测试", en = "Test" }'
    plan = parsed(plan_text().replace(title, 'title = "日中セミナー"'))
    assert acronym(plan) == "seminar2025"


def test_accents_are_folded_and_minor_words_left_out() -> None:
    plan = parsed(plan_text().replace('en = "Test"', 'en = "Séminaire of Économie and Ärzte"'))
    assert acronym(plan) == "sea2025"
    assert ascii_fold("Zoë–Müller") == "Zoe Muller"
    assert slugify("  Zoë MÜLLER  ") == "zoe-muller"


def test_slugs_are_ascii_unique_and_fit_both_schemas() -> None:
    extra = session("a", "09:00", "10:00") + session("a_", "10:00", "11:00")
    extra += session("x-y", "11:00", "12:00") + session("x_y", "12:00", "13:00")
    extra += session("breakfast", "07:00", "08:00").replace("day = 1", "day = [1, 2]")
    schedule = build(parsed(plan_text(extra)))
    slugs = [item.slug for day in schedule.days for room in day.rooms for item in room.items]
    assert len(slugs) == 6
    assert len(set(slugs)) == 6
    for slug in slugs:
        assert SLUG.match(slug), slug
        assert slug.isascii()
    # "Test" gives one initial, too short for an acronym: the generic one stands in.
    assert {"seminar2025-breakfast-1", "seminar2025-breakfast-2"} <= set(slugs)
    assert {"seminar2025-session-a", "seminar2025-session-a-2"} <= set(slugs)
    assert {"seminar2025-session-x-y", "seminar2025-session-x-y-2"} <= set(slugs)


def test_the_example_acronym_and_slugs_fit_the_schemas() -> None:
    schedule = build(example())
    assert ACRONYM.match(schedule.acronym)
    for day in schedule.days:
        for room in day.rooms:
            for item in room.items:
                assert SLUG.match(item.slug), item.slug


def test_ids_are_unique_positive_and_stable() -> None:
    plan = example()
    items = [item for day in build(plan).days for room in day.rooms for item in room.items]
    numbers = [item.number for item in items]
    assert len(set(numbers)) == len(plan.sessions)
    assert min(numbers) >= 1
    again = [item for day in build(plan).days for room in day.rooms for item in room.items]
    assert [(i.number, i.guid, i.slug) for i in again] == [
        (i.number, i.guid, i.slug) for i in items
    ]
    by_id = {s.id: s for s in plan.sessions}
    assert all(item.guid == str(session_uuid(plan, by_id[item.session.id])) for item in items)


def test_rooms_then_venues_then_no_place_each_day() -> None:
    extra = session("in-hall", "09:00", "10:00", room="hall")
    extra += session("at-hotel", "09:00", "10:00", venue="hotel")
    extra += session("nowhere", "09:00", "10:00")
    schedule = build(parsed(plan_text(extra)), lang="en")
    (day_one, day_two) = schedule.days
    assert [room.name for room in day_one.rooms] == ["Hall", "Hotel", "(no room)"]
    assert day_two.rooms == ()
    assert day_two.start.isoformat() == "2025-07-24T00:00:00+08:00"
    assert day_two.end.isoformat() == "2025-07-25T00:00:00+08:00"
    assert day_one.start.isoformat() == "2025-07-23T09:00:00+08:00"


def test_two_places_with_one_name_are_told_apart() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall") + session("b", "09:00", "10:00", room="salon")
    ).replace('name = "Salon"', 'name = "Hall"')
    schedule = build(parsed(text))
    assert [room.name for room in schedule.days[0].rooms] == ["Hall (hall)", "Hall (salon)"]


def test_the_timeslot_is_the_common_step_of_every_time() -> None:
    assert build(example()).timeslot == "00:05"
    hourly = session("a", "09:00", "10:00") + session("b", "12:00", "14:00")
    assert build(parsed(plan_text(hourly))).timeslot == "01:00"


def test_the_version_changes_when_the_schedule_does() -> None:
    before = build(parsed(plan_text(session("a", "09:00", "10:00"))))
    after = build(parsed(plan_text(session("a", "09:30", "10:00"))))
    assert before.version != after.version
    assert before.version == build(parsed(plan_text(session("a", "09:00", "10:00")))).version
