"""Lodging and catering keys: ``hotel``, ``lodging``, ``diet`` / ``diets`` on people, groups and
delegations, and the ``[[bookings]]`` table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.references import References
from seminar_plan.load.parse.schema import BOOKING_KEYS
from seminar_plan.load.parse.words import quoted, type_name
from seminar_plan.messages import text
from seminar_plan.model import Booking, Delegation, Group, Origin, Person, Plan

# A booking longer than this is a typo in a year, not a stay; it would also cost a loop per night.
MAX_BOOKING_NIGHTS = 366

Holder = TypeVar("Holder", Delegation, Group, Person)


def _lodging(p: Parser, table: Mapping[str, Any], origin: Origin, ident: str) -> bool | None:
    if "lodging" not in table:
        return None
    value = table["lodging"]
    if not isinstance(value, bool):
        p.schema(
            origin.child("lodging"),
            text("load.lodging-not-boolean", type=type_name(value)),
            text("load-hint.no-bed"),
            ident,
        )
        return None
    return value


def _diet(p: Parser, table: Mapping[str, Any], origin: Origin, ident: str) -> tuple[str, ...]:
    if "diet" not in table:
        return ()
    value = table["diet"]
    if isinstance(value, str):
        value = [value]
        p.schema(
            origin.child("diet"),
            text("load.diet-not-list"),
            text("load-hint.write-diet", value=quoted(table["diet"]).replace("'", '"')),
            ident,
        )
    if not isinstance(value, list):
        message = text("load.diet-not-list-type", type=type_name(value))
        p.schema(origin.child("diet"), message, None, ident)
        return ()
    tags: list[str] = []
    for position, item in enumerate(value):
        if not isinstance(item, str) or not item:
            p.schema(
                origin.child("diet", position),
                text("load.diet-not-tag", position=position, type=type_name(item)),
                text("load-hint.diet-tags"),
                ident,
            )
        else:
            tags.append(item)
    return tuple(tags)


def _diets(
    p: Parser, table: Mapping[str, Any], origin: Origin, ident: str
) -> tuple[tuple[str, int], ...]:
    if "diets" not in table:
        return ()
    value = table["diets"]
    if not isinstance(value, dict):
        p.schema(
            origin.child("diets"),
            text("load.diets-not-table", type=type_name(value)),
            text("load-hint.write-diets"),
            ident,
        )
        return ()
    counts: list[tuple[str, int]] = []
    for tag in value:
        number = p.integer(value, tag, origin.child("diets"), ident, minimum=0)
        if number is not None:
            counts.append((tag, number))
    return tuple(counts)


def with_lodging(
    p: Parser, holders: tuple[Holder, ...], entries: dict[str, Entry]
) -> tuple[Holder, ...]:
    """``holders`` with their ``hotel``, ``lodging`` and ``diet`` (people) or ``diets``."""
    result = []
    for holder in holders:
        entry = entries[holder.id]
        table, origin = entry.table, entry.origin
        hotel = p.ref(table, "hotel", origin, holder.id)
        lodging = _lodging(p, table, origin, holder.id)
        # Most people and groups give none of these: they are kept as they are (replace()
        # copies every field, a tenth of a large plan's parse).
        kept: Holder = holder
        if isinstance(holder, Person):
            diet = _diet(p, table, origin, holder.id)
            if (hotel, lodging, diet) != (holder.hotel, holder.lodging, holder.diet):
                kept = replace(holder, hotel=hotel, lodging=lodging, diet=diet)
        else:
            diets = _diets(p, table, origin, holder.id)
            if (hotel, lodging, diets) != (holder.hotel, holder.lodging, holder.diets):
                kept = replace(holder, hotel=hotel, lodging=lodging, diets=diets)
        result.append(kept)
    return tuple(result)


def _date(p: Parser, table: Mapping[str, Any], key: str, origin: Origin) -> dt.date | None:
    if key not in table:
        p.schema(origin, missing_key(key), text("load-hint.add-booking-date", key=key))
        return None
    value = table[key]
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        p.schema(
            origin.child(key),
            text("load.booking-date", key=key, type=type_name(value)),
            text("load-hint.first-night" if key == "from" else "load-hint.check-out", key=key),
        )
        return None
    return value


def read_bookings(p: Parser, entries: list[Entry]) -> tuple[Booking, ...]:
    result = []
    for entry in entries:
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, BOOKING_KEYS, None)
        hotel = p.ref(table, "hotel", origin, None)
        if "hotel" not in table:
            p.schema(origin, missing_key("hotel"), text("load-hint.add-hotel"))
        first = _date(p, table, "from", origin)
        checkout = _date(p, table, "to", origin)
        rooms = p.integer(table, "rooms", origin, None, minimum=0, required=True)
        beds = p.integer(table, "beds", origin, None, minimum=1)
        kind = p.text(table, "kind", origin, None)
        notes = p.text(table, "notes", origin, None)
        if first is not None and checkout is not None:
            if checkout <= first:
                p.schema(
                    origin.child("to"),
                    text("load.booking-backwards", to=str(checkout), first=str(first)),
                    text("load-hint.one-night", date=str(first + dt.timedelta(days=1))),
                )
                continue
            if (checkout - first).days > MAX_BOOKING_NIGHTS:
                nights = (checkout - first).days
                p.schema(
                    origin.child("to"),
                    text("load.booking-too-long", nights=nights, most=MAX_BOOKING_NIGHTS),
                    text("load-hint.booking-years"),
                )
                continue
        if hotel is None or first is None or checkout is None or rooms is None:
            continue
        result.append(
            Booking(hotel, first, checkout, rooms, 1 if beds is None else beds, origin, kind, notes)
        )
    return tuple(result)


def check_hotels(refs: References, plan: Plan) -> None:
    """``unknown-ref`` for a hotel that names no venue."""
    venues = lambda: list(plan.venue_by_id)  # noqa: E731 - deferred: only built when needed
    holders: list[tuple[str | None, Origin, str]] = [
        (person.hotel, person.origin, person.id) for person in plan.people
    ]
    holders += [(group.hotel, group.origin, group.id) for group in plan.groups]
    holders += [(d.hotel, d.origin, d.id) for d in plan.delegations]
    for hotel, origin, ident in holders:
        if hotel is not None and hotel not in plan.venue_by_id:
            refs.missing(origin.child("hotel"), ident, hotel, "venues", venues)
    for booking in plan.bookings:
        if booking.hotel not in plan.venue_by_id:
            refs.missing(booking.origin.child("hotel"), "bookings", booking.hotel, "venues", venues)
