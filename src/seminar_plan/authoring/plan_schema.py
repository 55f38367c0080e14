"""The JSON Schema of the plan format, generated from the parser's schema of known keys.

Editors read it to complete keys and show what each means (Taplo, and VS Code's Even Better
TOML through it); ``seminar-plan init`` points a new plan at it with a ``#:schema`` line. The
key names come from ``load/parse/schema.py`` (the parser's own lists), so the two cannot drift:
a key the parser knows and this module does not describe fails the tests, and so does a shipped
``seminar-plan.schema.json`` that differs from ``generate()``.

Draft 7: Taplo validates with the Rust ``jsonschema`` crate, which reads drafts 4, 6 and 7; draft
7 is the newest of those and the one its documentation and schema store use.
"""

from __future__ import annotations

import json
from typing import Any

from seminar_plan.authoring.init import SCHEMA_FILE
from seminar_plan.load.parse import schema as keys
from seminar_plan.model import KINDS

__all__ = ["SCHEMA_FILE", "TABLES", "generate", "render"]
SCHEMA_ID = "https://pypi.org/project/seminar-plan/seminar-plan.schema.json"

Fragment = dict[str, Any]

_SLUG = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}
_TEXT: Fragment = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "additionalProperties": {"type": "string"}},
    ]
}
_STRING: Fragment = {"type": "string"}
_INT0: Fragment = {"type": "integer", "minimum": 0}
_BOOL: Fragment = {"type": "boolean"}
_REF = _SLUG
_REFS: Fragment = {"type": "array", "items": _REF}
_CODES: Fragment = {"type": "array", "items": {"type": "string"}}
# TOML dates and times arrive as strings in Taplo's view of the document.
_DATE: Fragment = {"type": "string"}
_CLOCK: Fragment = {"type": "string"}
_DURATION: Fragment = {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}
_CONTACT: Fragment = {"type": "object", "additionalProperties": {"type": "string"}}


def _d(fragment: Fragment, description: str) -> Fragment:
    return {**fragment, "description": description}


# Every key of every table, with its type and a line for hover help. The key sets must equal the
# parser's (tests/test_plan_schema.py).
EVENT: dict[str, Fragment] = {
    "title": _d(_TEXT, "The event's title (required)."),
    "timezone": _d(_STRING, "IANA time zone of every local time in the plan (required)."),
    "start": _d(_DATE, "First day (TOML date, required); day 1."),
    "end": _d(_DATE, "Last day (TOML date, required), inclusive."),
    "languages": _d(_CODES, 'Language codes in fallback order (default ["en"]).'),
    "theme": _d(_TEXT, "The theme."),
    "organizer": _d(_TEXT, "Who organises it."),
    "city": _d(_TEXT, "Where it is held."),
    "edition": _d({"type": "integer"}, "The edition number (21 for the 21st)."),
    "co_hosts": _d({"type": "array", "items": _TEXT}, "Co-hosting bodies."),
    "participants": _d(_INT0, "Expected total; checked against the delegations' headcounts."),
}
DAY = {
    "label": _d(_TEXT, "The day's name in the agenda (本会議, Plenary)."),
    "notes": _d(_TEXT, "Notes shown under the day's heading."),
}
_DIETS = _d(
    {"type": "object", "additionalProperties": _INT0},
    "Diet tag -> number among the unnamed members (halal = 2).",
)
_HOTEL = _d(_REF, "Venue id of the hotel where they sleep.")
_LODGING = _d(_BOOL, "false: they need no bed (locals).")
DELEGATION = {
    "name": _d(_TEXT, "The delegation's name."),
    "headcount": _d(_INT0, "How many people it has, named or not."),
    "language": _d(_STRING, "Its working language (a language code)."),
    "hotel": _HOTEL,
    "lodging": _LODGING,
    "diets": _DIETS,
}
VENUE = {
    "name": _d(_TEXT, "The venue's name."),
    "address": _d(_TEXT, "Its address."),
}
TRAVEL = {
    "between": _d({"type": "array", "items": _REF, "minItems": 2, "maxItems": 2}, "Two venues."),
    "minutes": _d(_INT0, "Minutes from one to the other (either way)."),
}
ROOM = {
    "venue": _d(_REF, "The venue it is in (required)."),
    "name": _d(_TEXT, "The room's name."),
    "capacity": _d(_INT0, "Seats; none: no capacity check."),
    "booths": _d(_INT0, "Interpretation booths (default 0)."),
    "open": _d(_CLOCK, "Opens at HH:MM (default 00:00)."),
    "close": _d(_CLOCK, "Closes at HH:MM (default 24:00)."),
}
PERSON = {
    "name": _d(_TEXT, "The person's name (required)."),
    "title": _d(_TEXT, "Their title or position."),
    "organization": _d(_TEXT, "Their organisation."),
    "delegation": _d(_REF, "The delegation they belong to."),
    "rank": _d({"type": "integer", "minimum": 1}, "Protocol precedence, 1 = most senior."),
    "languages": _d(_CODES, "Languages they work in; the first is their own."),
    "arrive": _d(_DATE, "Arrival (TOML date-time; a local one is in the event zone)."),
    "depart": _d(_DATE, "Departure (TOML date-time)."),
    "contact": _d(_CONTACT, "Private contact details; printed only when asked."),
    "notes": _d(_TEXT, "Notes (on their itinerary, once, at the arrival)."),
    "arrive_notes": _d(_TEXT, "What to know at the arrival (who meets them)."),
    "depart_notes": _d(_TEXT, "What to know at the departure (the car to the airport)."),
    "hotel": _HOTEL,
    "lodging": _LODGING,
    "diet": _d({"type": "array", "items": _STRING}, "Diet tags: halal, vegetarian, ..."),
}
GROUP = {
    "name": _d(_TEXT, "The group's name."),
    "members": _d(_REFS, "People in the group."),
    "headcount": _d(_INT0, "How many it has (default: its members)."),
    "hotel": _HOTEL,
    "lodging": _LODGING,
    "diets": _DIETS,
}
BOOKING = {
    "hotel": _d(_REF, "The hotel (a venue id)."),
    "from": _d(_DATE, "The first night (TOML date)."),
    "to": _d(_DATE, "The morning of check-out (TOML date)."),
    "rooms": _d(_INT0, "Rooms booked."),
    "beds": _d({"type": "integer", "minimum": 1}, "Beds per room (default 1)."),
    "kind": _d(_TEXT, "single, twin, ..."),
    "notes": _d(_TEXT, "Notes."),
}
CUE = {
    "at": _d(_CLOCK, "When (HH:MM)."),
    "what": _d(_TEXT, "What happens."),
    "who": _d(_REF, "Who does it (a person id)."),
    "notes": _d(_TEXT, "Notes."),
}
SESSION = {
    "id": _d(_SLUG, "Unique id (required)."),
    "title": _d(_TEXT, "The title (required)."),
    "day": _d(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "array", "items": {"type": "integer"}},
            ]
        },
        "Day number, or a list of days it repeats on (or give date).",
    ),
    "date": _d(_DATE, "The date (TOML date), instead of day."),
    "start": _d(_CLOCK, "Starts at HH:MM (required)."),
    "end": _d(_CLOCK, "Ends at HH:MM (or give duration); 24:00 is midnight."),
    "duration": _d(_DURATION, '"90m", "1h30m", "2h" or minutes, instead of end.'),
    "kind": _d({"enum": list(KINDS)}, "What it is (default other)."),
    "track": _d(_STRING, "Track: main, side, ..."),
    "room": _d(_REF, "The room (implies its venue)."),
    "venue": _d(_REF, "The venue, for an item off-site or without a room."),
    "speakers": _d(_REFS, "Speakers, in speaking order."),
    "moderators": _d(_REFS, "Moderators."),
    "interpreters": _d(_REFS, "Interpreters."),
    "owner": _d(_REF, "The staff member responsible."),
    "attendees": _d(
        {"anyOf": [{"type": "array", "items": _STRING}, {"const": "all"}]},
        'Delegations, groups or people attending, or "all".',
    ),
    "attendance": _d(_INT0, "Overrides the computed attendance."),
    "interpretation": _d({"enum": ["none", "consecutive", "simultaneous"]}, "Default none."),
    "av": _d(_TEXT, "Audio-visual needs."),
    "notes": _d(_TEXT, "Notes."),
    "cues": _d({"type": "array", "items": {"$ref": "#/definitions/cue"}}, "The run sheet's lines."),
    "vehicles": _d(_REFS, "Vehicles carrying a transfer."),
    "optional": _d(_BOOL, "Attendees may choose it over a parallel session."),
    "to": _d(_REF, "Where a transfer arrives (a venue id)."),
    "fixed": _d(_BOOL, "A hard start: shift never moves it."),
    "seating": _d(_REFS, "The head table, most senior first (default: speakers, moderators)."),
    "order": _d(
        {"enum": ["precedence", "as-listed"]},
        "A ceremony's speaking order: as-listed when not the order of precedence.",
    ),
    "public": _d(_BOOL, "In the printed programme (default true; false for a transfer)."),
}
PROTOCOL = {
    "precedence": _d(_REFS, "The order of precedence, most senior first."),
    "convention": _d(
        {"enum": ["international", "chinese"]},
        "Which side of the host is the seat of honour (default international).",
    ),
}
CHECK = {
    "ignore": _d(_CODES, "Finding codes to leave out."),
    "severity": _d(
        {"type": "object", "additionalProperties": {"enum": ["error", "warning"]}},
        "Finding code -> error or warning.",
    ),
    "landing_buffer": _d(_DURATION, "Time from landing to a pickup (default 45m)."),
    "pickup_window": _d(_DURATION, "How soon after landing a pickup must leave (default 3h)."),
    "checkin_buffer": _d(_DURATION, "Time before a departure flight (default 2h)."),
    "solo_limit": _d(_DURATION, "Longest simultaneous stint for one interpreter (default 40m)."),
    "interpreter_daily": _d(_DURATION, "Most interpreting per person per day (default 6h)."),
}
VEHICLE = {
    "name": _d(_TEXT, "The vehicle's name."),
    "seats": _d(_INT0, "Seats (required)."),
    "kind": _d(_TEXT, "coach, car, ..."),
    "driver": _d(_TEXT, "The driver."),
    "contact": _d(_CONTACT, "Private contact details."),
    "notes": _d(_TEXT, "Notes."),
}
TRACK = {"name": _d(_TEXT, "The track's name, in each language.")}
FLIGHT = {
    "id": _d(_SLUG, "Unique id (required)."),
    "number": _d(_STRING, "Flight number, e.g. CA168 (required)."),
    "direction": _d({"enum": ["arrival", "departure"]}, "Arrival or departure (required)."),
    "airport": _d(_REF, "Where it lands or leaves (a venue id, required)."),
    "from": _d(_TEXT, "The other end, for an arrival."),
    "to": _d(_TEXT, "The other end, for a departure."),
    "departs": _d(_DATE, "Departure (TOML date-time, required)."),
    "arrives": _d(_DATE, "Arrival (TOML date-time, required)."),
    "passengers": _d(_REFS, "People, groups or delegations on board."),
    "notes": _d(_TEXT, "Notes."),
}

# Table -> (parser's key list, description of each key).
TABLES: dict[str, tuple[tuple[str, ...], dict[str, Fragment]]] = {
    "event": (keys.EVENT_KEYS, EVENT),
    "day": (keys.DAY_KEYS, DAY),
    "delegation": (keys.DELEGATION_KEYS, DELEGATION),
    "venue": (keys.VENUE_KEYS, VENUE),
    "travel": (keys.TRAVEL_KEYS, TRAVEL),
    "room": (keys.ROOM_KEYS, ROOM),
    "person": (keys.PERSON_KEYS, PERSON),
    "group": (keys.GROUP_KEYS, GROUP),
    "session": (keys.SESSION_KEYS, SESSION),
    "cue": (keys.CUE_KEYS, CUE),
    "check": (keys.CHECK_KEYS, CHECK),
    "vehicle": (keys.VEHICLE_KEYS, VEHICLE),
    "flight": (keys.FLIGHT_KEYS, FLIGHT),
    "booking": (keys.BOOKING_KEYS, BOOKING),
    "protocol": (keys.PROTOCOL_KEYS, PROTOCOL),
    "track": (keys.TRACK_KEYS, TRACK),
}
_REQUIRED = {
    "event": ["title", "timezone", "start", "end"],
    "room": ["venue"],
    "person": ["name"],
    "session": ["id", "title", "start"],
    "cue": ["at"],
    "vehicle": ["seats"],
    "flight": ["id", "number", "direction", "airport", "departs", "arrives"],
}


def _ref(name: str) -> Fragment:
    return {"$ref": f"#/definitions/{name}"}


def _by_id(name: str, description: str) -> Fragment:
    return {
        "type": "object",
        "description": description,
        "propertyNames": _SLUG,
        "additionalProperties": _ref(name),
    }


def _array_of(name: str, description: str) -> Fragment:
    return {"type": "array", "description": description, "items": _ref(name)}


TOP_LEVEL: dict[str, Fragment] = {
    "format": _d({"type": "integer", "minimum": 1}, "The plan format version (1)."),
    "include": _d(
        {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "More files to merge, relative to this one.",
    ),
    "event": _ref("event"),
    "days": {
        "type": "object",
        "description": "[days.N]: a label and notes for day N.",
        "propertyNames": {"pattern": "^[0-9]+$"},
        "additionalProperties": _ref("day"),
    },
    "delegations": _by_id("delegation", "[delegations.ID]: the parties."),
    "venues": _by_id("venue", "[venues.ID]: buildings and hotels."),
    "travel": _array_of("travel", "[[travel]]: minutes between two venues."),
    "rooms": _by_id("room", "[rooms.ID]: rooms in the venues."),
    "people": _by_id("person", "[people.ID]: the people named in the plan."),
    "groups": _by_id("group", "[groups.ID]: named groups of people."),
    "sessions": _array_of("session", "[[sessions]]: the schedule."),
    "check": _ref("check"),
    "vehicles": _by_id("vehicle", "[vehicles.ID]: coaches and cars."),
    "flights": _array_of("flight", "[[flights]]: arrivals and departures."),
    "bookings": _array_of("booking", "[[bookings]]: hotel rooms booked."),
    "protocol": _ref("protocol"),
    "tracks": _by_id("track", "[tracks.ID]: the names of the sessions' tracks."),
}


def _table(name: str) -> Fragment:
    """A table's keys in the parser's order; a key the parser knows and this module does not
    describe is a KeyError, so the schema cannot fall behind the parser unnoticed."""
    known, described = TABLES[name]
    table: Fragment = {
        "type": "object",
        "properties": {key: described[key] for key in known},
        "additionalProperties": False,
    }
    if name in _REQUIRED:
        table["required"] = _REQUIRED[name]
    return table


def generate() -> dict[str, Any]:
    """The schema as a JSON-ready mapping."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "seminar-plan plan (seminar.toml)",
        "description": "A multi-day seminar in one TOML file (seminar-plan docs/plan-format.md).",
        "type": "object",
        "properties": {key: TOP_LEVEL[key] for key in keys.TOP_LEVEL},
        "additionalProperties": False,
        "definitions": {name: _table(name) for name in TABLES},
    }


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"
