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
PROTOCOL_KEYS = ("precedence", "convention")
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
