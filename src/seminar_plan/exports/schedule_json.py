"""The plan as a c3voc schedule JSON (``schedule.json``), the JSON twin of frab's XML.

The output validates against the published JSON schema (shared/schemas/c3voc-schedule.schema.json).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from seminar_plan import __version__
from seminar_plan.exports.conference import GENERATOR, Item, build

if TYPE_CHECKING:
    from seminar_plan.model import Plan

SCHEMA = "https://c3voc.de/schedule/schema.json"
# The schema's own pattern for time_zone_name; other IANA names ("Etc/GMT-8") are left out.
_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")


def _event(item: Item) -> dict[str, Any]:
    return {
        "guid": item.guid,
        "id": item.number,
        # The schema requires a URL; the session has none, so it gets the URN of its GUID.
        "url": f"urn:uuid:{item.guid}",
        "date": item.start.isoformat(),
        "start": item.start.strftime("%H:%M"),
        "end": item.end.isoformat(),
        "duration": item.duration,
        "room": item.room,
        "slug": item.slug,
        "title": item.title,
        "subtitle": None,
        "track": item.track,
        "type": item.kind,
        "language": ",".join(item.languages) or None,
        "abstract": item.abstract or None,
        "description": item.description or None,
        "persons": [{"guid": person.guid, "name": person.name} for person in item.persons],
        "links": [],
    }


def render(
    plan: Plan, *, day: int | None = None, person: str | None = None, lang: str | None = None
) -> str:
    schedule = build(plan, day=day, person=person, lang=lang)
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": schedule.start.isoformat(),
        "end": schedule.end.isoformat(),
        "daysCount": schedule.day_count,
        "timeslot_duration": schedule.timeslot,
    }
    if _ZONE_NAME.search(schedule.timezone):
        conference["time_zone_name"] = schedule.timezone
    conference["rooms"] = [{"name": name, "guid": guid} for name, guid in schedule.rooms]
    conference["days"] = [
        {
            "index": entry.index,
            "date": entry.date.isoformat(),
            "day_start": entry.start.isoformat(),
            "day_end": entry.end.isoformat(),
            "rooms": {room.name: [_event(item) for item in room.items] for room in entry.rooms},
        }
        for entry in schedule.days
    ]
    document = {
        "$schema": SCHEMA,
        "generator": {"name": GENERATOR, "version": __version__},
        "schedule": {"version": schedule.version, "conference": conference},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
