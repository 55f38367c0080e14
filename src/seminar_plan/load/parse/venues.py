"""``[venues.ID]``, ``[rooms.ID]`` and ``[[travel]]``."""

from __future__ import annotations

import datetime as dt

from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.scalars import MAX_TRAVEL_MINUTES, MINUTES_PER_DAY, minutes_text
from seminar_plan.load.parse.schema import ROOM_KEYS, TRAVEL_KEYS, VENUE_KEYS
from seminar_plan.messages import text
from seminar_plan.model import Room, Text, Travel, Venue


def read_venues(p: Parser, entries: dict[str, Entry]) -> tuple[Venue, ...]:
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, VENUE_KEYS, ident)
        result.append(
            Venue(
                id=ident,
                name=p.text(table, "name", origin, ident) or Text.plain(ident),
                address=p.text(table, "address", origin, ident),
                origin=origin,
            )
        )
    return tuple(result)


def read_rooms(p: Parser, entries: dict[str, Entry]) -> tuple[Room, ...]:
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, ROOM_KEYS, ident)
        venue = p.ref(table, "venue", origin, ident)
        if "venue" not in table:
            p.schema(origin, missing_key("venue"), text("load-hint.add-venue"), ident)
        name = p.text(table, "name", origin, ident) or Text.plain(ident)
        capacity = p.integer(table, "capacity", origin, ident, minimum=0)
        booths = p.integer(table, "booths", origin, ident, minimum=0) or 0
        opens = p.clock(table, "open", origin, ident, allow_midnight_end=False)
        closes = p.clock(table, "close", origin, ident, allow_midnight_end=True)
        opens = 0 if opens is None else opens
        closes = MINUTES_PER_DAY if closes is None else closes
        if closes <= opens:
            message = text(
                "load.room-closes-early", close=minutes_text(closes), open=minutes_text(opens)
            )
            p.schema(origin.child("close"), message, None, ident)
            opens, closes = 0, MINUTES_PER_DAY
        if venue is None:
            continue
        result.append(
            Room(
                id=ident,
                venue=venue,
                name=name,
                capacity=capacity,
                booths=booths,
                open=dt.time(opens // 60, opens % 60),
                close=None if closes == MINUTES_PER_DAY else dt.time(closes // 60, closes % 60),
                origin=origin,
            )
        )
    return tuple(result)


def read_travel(p: Parser, entries: list[Entry]) -> tuple[Travel, ...]:
    result = []
    for entry in entries:
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, TRAVEL_KEYS, None)
        between = table.get("between")
        minutes = p.integer(table, "minutes", origin, None, minimum=0, required=True)
        if minutes is not None and minutes > MAX_TRAVEL_MINUTES:
            p.schema(
                origin.child("minutes"),
                text("load.travel-too-long", most=MAX_TRAVEL_MINUTES, value=minutes),
            )
            minutes = None
        if (
            not isinstance(between, list)
            or len(between) != 2
            or not all(isinstance(v, str) and v for v in between)
        ):
            p.schema(
                origin.child("between") if "between" in table else origin,
                text("load.between-two"),
                text("load-hint.write-between"),
            )
            continue
        if between[0] == between[1]:
            p.schema(origin.child("between"), text("load.between-same"))
            continue
        if minutes is not None:
            result.append(Travel((between[0], between[1]), minutes, origin))
    return tuple(result)
