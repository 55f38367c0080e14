"""The schedule JSON export validates against the published JSON schema."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest

from export_plans import AWKWARD, SCHEMAS, example, parsed
from seminar_plan.exports import schedule_json, session_uuid
from seminar_plan.model import Plan

SCHEMA = SCHEMAS / "c3voc-schedule.schema.json"

needs_schema = pytest.mark.skipif(
    not SCHEMA.is_file(), reason=f"the published JSON schema is not at {SCHEMA} (shared/ is absent)"
)


def exported(
    plan: Plan, day: int | None = None, person: str | None = None, lang: str | None = None
) -> dict[str, Any]:
    rendered = schedule_json.render(plan, day=day, person=person, lang=lang)
    document: dict[str, Any] = json.loads(rendered)
    return document


def validate(document: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    validator.validate(document)


@needs_schema
def test_the_example_validates() -> None:
    validate(exported(example()))


@needs_schema
@pytest.mark.parametrize("lang", ["ja", "zh", "en"])
def test_an_awkward_plan_validates_in_every_language(lang: str) -> None:
    validate(exported(parsed(AWKWARD), lang=lang))


@needs_schema
def test_a_zone_name_the_schema_does_not_allow_is_left_out() -> None:
    plan = parsed(AWKWARD.replace('timezone = "Asia/Shanghai"', 'timezone = "Etc/GMT-8"'))
    document = exported(plan)
    validate(document)
    assert "time_zone_name" not in document["schedule"]["conference"]
    assert exported(example())["schedule"]["conference"]["time_zone_name"] == "Asia/Shanghai"


@needs_schema
def test_one_day_and_one_persons_schedule_validate() -> None:
    validate(exported(example(), day=2))
    validate(exported(example(), person="yasuda"))


def test_every_session_is_an_event_under_its_day_and_room() -> None:
    plan = example()
    conference = exported(plan, lang="en")["schedule"]["conference"]
    assert conference["acronym"] == "jcireps21"
    assert conference["daysCount"] == 4
    by_guid = {str(session_uuid(plan, s)): s for s in plan.sessions}
    seen = []
    for day in conference["days"]:
        for room, events in day["rooms"].items():
            for event in events:
                item = by_guid[event["guid"]]
                seen.append(item.id)
                assert day["index"] == item.day
                assert event["room"] == room
                assert dt.datetime.fromisoformat(event["date"]) == item.start
                assert dt.datetime.fromisoformat(event["end"]) == item.end
                # This jsonschema has no checkers for these formats: check them here.
                assert event["url"] == uuid.UUID(event["guid"]).urn
    assert sorted(seen) == sorted(s.id for s in plan.sessions)
    assert {room["name"] for room in conference["rooms"]} == {
        room for day in conference["days"] for room in day["rooms"]
    }


def test_persons_are_named_with_a_guid_only() -> None:
    conference = exported(example(), lang="en")["schedule"]["conference"]
    events = [e for day in conference["days"] for es in day["rooms"].values() for e in es]
    keynote = next(e for e in events if e["slug"] == "jcireps21-keynote")
    (person,) = keynote["persons"]
    assert set(person) == {"guid", "name"}
    assert person["name"] == "HANAOKA Toshio"
    assert keynote["abstract"].startswith("Tomi wine")
    lunch = next(e for e in events if e["slug"] == "jcireps21-lunch-day2")
    assert (lunch["persons"], lunch["language"], lunch["track"]) == ([], None, None)
