"""The plan as a frab / pentabarf ``schedule.xml``, which Giggity, ConfClerk and others read.

The output validates against the published schema (shared/schemas/frab-schedule.xml.xsd): ids
are positive integers, GUIDs are UUIDs, the acronym and the slugs are ASCII.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seminar_plan import __version__
from seminar_plan.exports.conference import GENERATOR, Item, build

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from seminar_plan.model import Plan

# XML 1.0 forbids most control characters even when escaped; a plan's text may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return _NOT_XML.sub("", value)


def _child(parent: Element, tag: str, text: str, **attributes: str) -> Element:
    from xml.etree.ElementTree import SubElement

    element = SubElement(parent, tag, {k: _clean(v) for k, v in attributes.items()})
    element.text = _clean(text)
    return element


def _event(parent: Element, item: Item) -> None:
    from xml.etree.ElementTree import SubElement

    event = SubElement(parent, "event", {"id": str(item.number), "guid": item.guid})
    _child(event, "room", item.room)
    _child(event, "title", item.title)
    _child(event, "type", item.kind)
    _child(event, "date", item.start.isoformat())
    _child(event, "start", item.start.strftime("%H:%M"))
    _child(event, "duration", item.duration)
    _child(event, "abstract", item.abstract)
    _child(event, "slug", item.slug)
    _child(event, "track", item.track or "")
    persons = SubElement(event, "persons")
    for person in item.persons:
        _child(persons, "person", person.name, guid=person.guid)
    if item.languages:
        _child(event, "language", ",".join(item.languages))
    if item.description:
        _child(event, "description", item.description)


def render(
    plan: Plan, *, day: int | None = None, person: str | None = None, lang: str | None = None
) -> bytes:
    """``schedule.xml`` as UTF-8 bytes with an XML declaration."""
    from xml.etree.ElementTree import Element, SubElement, indent, tostring

    schedule = build(plan, day=day, person=person, lang=lang)
    root = Element("schedule")
    SubElement(root, "generator", {"name": GENERATOR, "version": __version__})
    _child(root, "version", schedule.version)
    conference = SubElement(root, "conference")
    _child(conference, "acronym", schedule.acronym)
    _child(conference, "title", schedule.title)
    _child(conference, "start", schedule.start.isoformat())
    _child(conference, "end", schedule.end.isoformat())
    _child(conference, "days", str(schedule.day_count))
    _child(conference, "timeslot_duration", schedule.timeslot)
    _child(conference, "time_zone_name", schedule.timezone)
    for day_entry in schedule.days:
        day_element = SubElement(
            root,
            "day",
            {
                "index": str(day_entry.index),
                "date": day_entry.date.isoformat(),
                "start": day_entry.start.isoformat(),
                "end": day_entry.end.isoformat(),
            },
        )
        for room in day_entry.rooms:
            room_element = SubElement(day_element, "room", {"name": _clean(room.name)})
            room_element.set("guid", room.guid)
            for item in room.items:
                _event(room_element, item)
    indent(root)
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
