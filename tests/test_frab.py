"""The frab schedule.xml export validates against the published XSD and holds every session."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from export_plans import AWKWARD, SCHEMAS, example, parsed
from seminar_plan.exports import frab, session_uuid

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

XSD = SCHEMAS / "frab-schedule.xml.xsd"

needs_schema = pytest.mark.skipif(
    not XSD.is_file(), reason=f"the published frab XSD is not at {XSD} (shared/ is absent)"
)


def validate(data: bytes) -> None:
    import xmlschema

    xmlschema.XMLSchema(str(XSD)).validate(data.decode("utf-8"))


def tree(data: bytes) -> Element:
    from xml.etree.ElementTree import fromstring

    return fromstring(data)  # noqa: S314 - the exporter's own output, not untrusted data


@needs_schema
def test_the_example_validates() -> None:
    validate(frab.render(example()))


@needs_schema
@pytest.mark.parametrize("lang", ["ja", "zh", "en"])
def test_an_awkward_plan_validates_in_every_language(lang: str) -> None:
    validate(frab.render(parsed(AWKWARD), lang=lang))


@needs_schema
def test_one_day_and_one_persons_schedule_validate() -> None:
    validate(frab.render(example(), day=3))
    validate(frab.render(example(), person="director"))


def test_every_session_is_an_event_in_its_day_and_room() -> None:
    plan = example()
    root = tree(frab.render(plan, lang="en"))
    by_guid = {str(session_uuid(plan, s)): s for s in plan.sessions}
    seen = []
    for day in root.iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                item = by_guid[event.get("guid", "")]
                seen.append(item.id)
                assert int(day.get("index", "0")) == item.day
                assert event.findtext("room") == room.get("name")
                assert dt.datetime.fromisoformat(event.findtext("date", "")) == item.start
                assert event.findtext("start") == item.start.strftime("%H:%M")
                hours, minutes = divmod(item.minutes, 60)
                assert event.findtext("duration") == f"{hours:02d}:{minutes:02d}"
    assert sorted(seen) == sorted(s.id for s in plan.sessions)


def test_the_conference_header() -> None:
    root = tree(frab.render(example(), lang="en"))
    conference = root.find("conference")
    assert conference is not None
    assert conference.findtext("acronym") == "jcireps21"
    assert conference.findtext("title") == (
        "The 21st Japan–China Inter-regional Exchange Promotion Seminar"
    )
    assert conference.findtext("time_zone_name") == "Asia/Shanghai"
    assert conference.findtext("days") == "4"
    assert [day.get("date") for day in root.iter("day")] == [
        "2025-07-23",
        "2025-07-24",
        "2025-07-25",
        "2025-07-26",
    ]


def test_speakers_and_moderators_are_the_persons() -> None:
    root = tree(frab.render(example(), lang="en"))
    panel = next(e for e in root.iter("event") if e.findtext("slug") == "jcireps21-panel")
    names = [person.text for person in panel.iter("person")]
    assert names[-1] == "Director, CLAIR Beijing Office"
    assert len(names) == 7
    assert panel.findtext("language") == "ja,zh"
    assert panel.findtext("track") == "main"


def test_text_is_escaped_and_characters_xml_forbids_are_dropped() -> None:
    root = tree(frab.render(parsed(AWKWARD)))
    abstracts = [e.findtext("abstract") for e in root.iter("event")]
    assert 'a < b & c > d "quoted" \\  end' in abstracts
