"""The schema: every key each plan table knows, and the plan format version this reads."""

from __future__ import annotations

FORMAT_VERSION = 1

TOP_LEVEL = (
    "format",
    "include",
    "event",
    "days",
    "delegations",
    "venues",
    "travel",
    "rooms",
    "people",
    "groups",
    "sessions",
    "check",
    "vehicles",
    "flights",
    "bookings",
    "protocol",
    "tracks",
)
EVENT_KEYS = (
    "title",
    "timezone",
    "start",
    "end",
    "languages",
    "theme",
    "organizer",
    "city",
    "edition",
    "co_hosts",
    "participants",
)
DAY_KEYS = ("label", "notes")
DELEGATION_KEYS = ("name", "headcount", "language", "hotel", "lodging", "diets")
VENUE_KEYS = ("name", "address")
TRAVEL_KEYS = ("between", "minutes")
ROOM_KEYS = ("venue", "name", "capacity", "booths", "open", "close")
PERSON_KEYS = (
    "name",
    "title",
    "organization",
    "delegation",
    "rank",
    "languages",
    "arrive",
    "depart",
    "contact",
    "notes",
    "arrive_notes",
    "depart_notes",
    "hotel",
    "lodging",
    "diet",
)
GROUP_KEYS = ("name", "members", "headcount", "hotel", "lodging", "diets")
BOOKING_KEYS = ("hotel", "from", "to", "rooms", "beds", "kind", "notes")
SESSION_KEYS = (
    "id",
    "title",
    "day",
    "date",
    "start",
    "end",
    "duration",
    "kind",
    "track",
    "room",
    "venue",
    "speakers",
    "moderators",
    "interpreters",
    "owner",
    "attendees",
    "attendance",
    "interpretation",
    "av",
    "notes",
    "cues",
    "vehicles",
    "optional",
    "to",
    "fixed",
    "seating",
    "order",
    "public",
)
CUE_KEYS = ("at", "what", "who", "notes")
PROTOCOL_KEYS = ("precedence", "convention")
TRACK_KEYS = ("name",)
CHECK_KEYS = (
    "ignore",
    "severity",
    "landing_buffer",
    "pickup_window",
    "checkin_buffer",
    "solo_limit",
    "interpreter_daily",
)
VEHICLE_KEYS = ("name", "seats", "kind", "driver", "contact", "notes")
FLIGHT_KEYS = (
    "id",
    "number",
    "direction",
    "airport",
    "from",
    "to",
    "departs",
    "arrives",
    "passengers",
    "notes",
)
ID_TABLES = ("days", "delegations", "venues", "rooms", "people", "groups", "vehicles", "tracks")
# The singular of a table's name, for messages about one entry of it.
SINGULAR = {
    "venues": "venue",
    "rooms": "room",
    "people": "person",
    "delegations": "delegation",
    "attendees": "attendee",
    "vehicles": "vehicle",
    "passengers": "passenger",
    "tracks": "track",
}

# Words a newcomer writes for a key the format spells otherwise, beyond what a near spelling
# finds ("delegations" on a session is nearest to "duration"): an unknown key's hint names the
# first of its candidates that the table knows, else the nearest spelling.
KEY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "delegations": ("attendees",),
    "participants": ("attendees",),
    "audience": ("attendees",),
    "guests": ("attendees",),
    "who": ("attendees",),
    "chair": ("moderators",),
    "chairs": ("moderators",),
    "mc": ("moderators",),
    "from": ("venue",),
    "origin": ("venue",),
    "place": ("room", "venue"),
    "location": ("room", "venue"),
    "where": ("room", "venue"),
    "destination": ("to",),
    "begin": ("start",),
    "time": ("start", "at"),
    "finish": ("end",),
    "until": ("end",),
    "length": ("duration",),
    "minutes": ("duration",),
    "type": ("kind",),
    "category": ("kind",),
    "description": ("notes",),
    "comment": ("notes",),
    "comments": ("notes",),
    "remarks": ("notes",),
    "memo": ("notes",),
    "vehicle": ("vehicles",),
    "bus": ("vehicles",),
    "coach": ("vehicles",),
    "size": ("capacity", "headcount"),
    "seats": ("capacity",),
    "count": ("headcount",),
    "tz": ("timezone",),
    "zone": ("timezone",),
    "time_zone": ("timezone",),
    "email": ("contact",),
    "phone": ("contact",),
    "tel": ("contact",),
    "mobile": ("contact",),
    "company": ("organization",),
    "affiliation": ("organization",),
    "position": ("title",),
    "job": ("title",),
    "lang": ("languages", "language"),
    "flight": ("notes",),
}
