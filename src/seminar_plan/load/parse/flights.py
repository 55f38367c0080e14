"""``[[flights]]``: who lands or leaves where, and when, in whatever zone the times were written.

A local date-time is in the event zone; one with an offset keeps it, so the greeter's list can
show the origin's clock beside the airport's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from seminar_plan.load.parse.collect import duplicate
from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.scalars import FIRST_DATE, LAST_DATE, skipped_local_time
from seminar_plan.load.parse.schema import FLIGHT_KEYS
from seminar_plan.load.parse.words import quoted, type_name, unquoted
from seminar_plan.messages import Message, text
from seminar_plan.model import DIRECTIONS, Direction, Event, Flight, Origin


@dataclass(frozen=True)
class FlightRefs:
    """What one ``[[flights]]`` entry refers to, kept for the reference check even when the
    flight itself is left out of the plan."""

    # The flight's id; None for an entry without a usable one ("flight" in a message).
    referrer: str | None
    origin: Origin
    airport: str | None
    passengers: tuple[str, ...]


def read_flights(
    p: Parser, entries: list[Entry], event: Event | None
) -> tuple[tuple[Flight, ...], list[FlightRefs]]:
    """Every usable flight, and the references of every entry. One without a usable id, number,
    direction, airport or times is reported and left out; so is one that arrives before (or
    when) it departs (``bad-time``)."""
    first_origin: dict[str, Origin] = {}
    result = []
    refs = []
    for entry in entries:
        table, origin = entry.table, entry.origin
        subject = _flight_id(p, table, origin, first_origin)
        number = p.string(table, "number", origin, subject)
        if number is not None and not number.strip():
            p.schema(
                origin.child("number"),
                text("load.flight-number-empty"),
                text("load-hint.write-number"),
                subject,
            )
            number = None
        direction = p.choice(table, "direction", origin, subject, DIRECTIONS, "")
        airport = p.ref(table, "airport", origin, subject)
        departs = flight_time(p, table, "departs", origin, subject, event)
        arrives = flight_time(p, table, "arrives", origin, subject, event)
        passengers = p.ref_list(table, "passengers", origin, subject)
        from_place = p.text(table, "from", origin, subject)
        to_place = p.text(table, "to", origin, subject)
        notes = p.text(table, "notes", origin, subject)
        refs.append(FlightRefs(subject, origin, airport, passengers))
        if departs is not None and arrives is not None and arrives <= departs:
            p.report(
                "bad-time",
                origin.child("arrives"),
                text(
                    "load.flight-backwards",
                    id=quoted(subject or number or ""),
                    arrives=f"{arrives:%Y-%m-%d %H:%M %z}",
                    departs=f"{departs:%Y-%m-%d %H:%M %z}",
                ),
                text("load-hint.flight-zones"),
                (subject,) if subject else (),
            )
            continue
        if (
            subject is None
            or number is None
            or not direction
            or airport is None
            or departs is None
            or arrives is None
        ):
            continue
        result.append(
            Flight(
                id=subject,
                number=number.strip(),
                direction=cast("Direction", direction),
                airport=airport,
                departs=departs,
                arrives=arrives,
                origin=origin,
                from_place=from_place,
                to_place=to_place,
                passengers=passengers,
                notes=notes,
            )
        )
    return tuple(result), refs


def _flight_id(
    p: Parser, table: Mapping[str, Any], origin: Origin, first_origin: dict[str, Origin]
) -> str | None:
    """The flight's id, None when missing, bad or a repeat (each reported); then the keys
    every flight needs."""
    ident = table.get("id")
    subject = ident if isinstance(ident, str) and ident else None
    p.known_keys(table, origin, FLIGHT_KEYS, subject)
    if "id" not in table:
        p.schema(origin, text("load.flight-without-id"), text("load-hint.add-flight-id"))
    elif subject is None:
        p.schema(origin.child("id"), text("load.id-not-string-value", value=quoted(ident)))
    else:
        p.check_id(subject, origin.child("id"), "flight")
        if subject in first_origin:
            duplicate(
                p,
                subject,
                origin.child("id"),
                first_origin[subject].child("id"),
                text("load.what.flight", id=quoted(subject)),
            )
            subject = None
        else:
            first_origin[subject] = origin
    hints: tuple[tuple[str, Message], ...] = (
        ("number", text("load-hint.add-number")),
        ("direction", text("load-hint.add-direction")),
        ("airport", text("load-hint.add-airport")),
    )
    for key, hint in hints:
        if key not in table:
            p.schema(origin, missing_key(key), hint, subject)
    return subject


def flight_time(
    p: Parser,
    table: Mapping[str, Any],
    key: str,
    origin: Origin,
    subject: str | None,
    event: Event | None,
) -> dt.datetime | None:
    """A required date-time, aware: the written offset, else the event zone."""
    if key not in table:
        p.schema(origin, missing_key(key), text("load-hint.add-datetime", key=key), subject)
        return None
    value = table[key]
    if not isinstance(value, dt.datetime):
        p.schema(
            origin.child(key),
            text("load.not-datetime", key=key, type=type_name(value)),
            unquoted(key, value, dt.datetime) or text("load-hint.write-datetime", key=key),
            subject,
        )
        return None
    if event is None:
        return None
    tz = event.tz
    try:
        moment = value if value.tzinfo is not None else value.replace(tzinfo=tz)
        # Every view shows it in the event zone, and the checks compare it in UTC.
        moment.astimezone(tz)
        in_range = FIRST_DATE <= moment.astimezone(dt.UTC).date() <= LAST_DATE
    except (OverflowError, ValueError):
        in_range = False
    if not in_range:
        message = text(
            "load.flight-range",
            key=key,
            first=str(FIRST_DATE),
            last=str(LAST_DATE),
            value=str(value),
        )
        p.schema(origin.child(key), message, None, subject)
        return None
    skipped = skipped_local_time(key, moment, event.timezone) if value.tzinfo is None else None
    if skipped is not None:
        hint = text("load-hint.time-with-offset")
        p.report("bad-time", origin.child(key), skipped, hint, (subject,) if subject else ())
        return None
    return moment
