"""``[event]``, ``[days.N]`` and ``[check]``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from seminar_plan.checks.registry import SEVERITY
from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.scalars import (
    FIRST_DATE,
    LAST_DATE,
    MAX_EVENT_DAYS,
    MAX_TRAVEL_MINUTES,
    day_number,
    duration_minutes,
)
from seminar_plan.load.parse.schema import CHECK_KEYS, DAY_KEYS, EVENT_KEYS
from seminar_plan.load.parse.words import did_you_mean, meant, quoted, type_name, unquoted
from seminar_plan.load.zones import resolve_zone
from seminar_plan.messages import text
from seminar_plan.model import CheckConfig, Day, Event, Origin, Text


def read_event(p: Parser, entry: Entry | None) -> Event | None:
    if entry is None:
        return None
    table, origin = entry.table, entry.origin
    p.known_keys(table, origin, EVENT_KEYS, None)
    title = p.text(table, "title", origin, None, required=True)
    zone_name, tz = _zone(p, table, origin)
    start, end = _dates(p, table, origin)
    languages = p.languages(table, "languages", origin, None)
    if languages is not None and not languages:
        p.schema(
            origin.child("languages"),
            text("load.languages-empty"),
            text("load-hint.write-languages-ja"),
        )
    co_hosts = _co_hosts(p, table, origin)
    theme = p.text(table, "theme", origin, None)
    organizer = p.text(table, "organizer", origin, None)
    city = p.text(table, "city", origin, None)
    edition = p.integer(table, "edition", origin, None, minimum=0)
    participants = p.integer(table, "participants", origin, None, minimum=0)
    if start is None or end is None:
        return None
    # A missing title or zone is reported above; the rest of the plan is still checked,
    # with times in UTC when the zone is missing or misspelt.
    return Event(
        title=title or Text.plain(""),
        timezone=zone_name if tz is not None and zone_name is not None else "UTC",
        tz=tz or dt.UTC,
        start=start,
        end=end,
        languages=languages or ("en",),
        theme=theme,
        organizer=organizer,
        city=city,
        edition=edition,
        co_hosts=co_hosts,
        participants=participants,
        origin=origin,
    )


def _zone(
    p: Parser, table: Mapping[str, Any], origin: Origin
) -> tuple[str | None, dt.tzinfo | None]:
    """The zone's name as written and the zone, None when missing or unknown (reported)."""
    tz = None
    zone_name = p.string(table, "timezone", origin, None)
    if "timezone" not in table:
        p.schema(origin, missing_key("timezone"), text("load-hint.add-timezone"))
    elif zone_name is not None:
        tz, suggestion = resolve_zone(zone_name)
        if tz is None:
            p.schema(
                origin.child("timezone"),
                text("load.unknown-zone", zone=quoted(zone_name)),
                meant(suggestion) if suggestion else text("load-hint.such-as-zone"),
            )
    return zone_name, tz


def _dates(
    p: Parser, table: Mapping[str, Any], origin: Origin
) -> tuple[dt.date | None, dt.date | None]:
    """The event's start and end; None for one that is missing, not a date or out of order."""
    dates: list[dt.date | None] = []
    for key in ("start", "end"):
        value = table.get(key)
        if key not in table:
            p.schema(origin, missing_key(key), text("load-hint.add-date", key=key))
            dates.append(None)
        elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            p.schema(
                origin.child(key),
                text("load.not-date", key=key, type=type_name(value)),
                unquoted(key, value, dt.date),
            )
            dates.append(None)
        elif not FIRST_DATE <= value <= LAST_DATE:
            p.schema(
                origin.child(key),
                text(
                    "load.date-range",
                    key=key,
                    first=str(FIRST_DATE),
                    last=str(LAST_DATE),
                    value=str(value),
                ),
            )
            dates.append(None)
        else:
            dates.append(value)
    start, end = dates
    if start is not None and end is not None and end < start:
        p.schema(origin.child("end"), text("load.event-backwards", end=str(end), start=str(start)))
        end = None
    elif start is not None and end is not None and (end - start).days >= MAX_EVENT_DAYS:
        p.schema(
            origin.child("end"),
            text("load.event-too-long", days=f"{(end - start).days + 1:,}", most=MAX_EVENT_DAYS),
            text("load-hint.one-plan-per-event"),
        )
        end = None
    return start, end


def _co_hosts(p: Parser, table: Mapping[str, Any], origin: Origin) -> tuple[Text, ...]:
    """``co_hosts``: one text or a list of them."""
    co_hosts: list[Text] = []
    if "co_hosts" in table:
        value = table["co_hosts"]
        values = value if isinstance(value, list) else [value]
        for position, item in enumerate(values):
            key_origin = (
                origin.child("co_hosts", position)
                if isinstance(value, list)
                else origin.child("co_hosts")
            )
            text = p.text_value(item, key_origin, "co_hosts", None)
            if text is not None:
                co_hosts.append(text)
    return tuple(co_hosts)


def read_days(p: Parser, entries: dict[str, Entry], event: Event | None) -> tuple[Day, ...]:
    days: list[Day] = []
    for ident, entry in entries.items():
        p.known_keys(entry.table, entry.origin, DAY_KEYS, ident)
        label = p.text(entry.table, "label", entry.origin, ident)
        notes = p.text(entry.table, "notes", entry.origin, ident)
        number = day_number(ident)
        if number is None:
            p.schema(entry.origin, text("load.day-not-number", id=ident), None, ident)
            continue
        if event is None:
            continue
        if not 1 <= number <= event.day_count:
            message = text("load.day-outside", id=ident, count=event.day_count)
            p.schema(entry.origin, message, None, ident)
            continue
        days.append(Day(number, event.date_of(number), label, notes))
    if event is not None:
        given = {d.number for d in days}
        days.extend(
            Day(n, event.date_of(n)) for n in range(1, event.day_count + 1) if n not in given
        )
    return tuple(sorted(days, key=lambda d: d.number))


def read_check(p: Parser, entry: Entry | None) -> CheckConfig:
    if entry is None:
        return CheckConfig()
    table, origin = entry.table, entry.origin
    p.known_keys(table, origin, CHECK_KEYS, None)
    ignore: list[str] = []
    for position, code in enumerate(p.ref_list(table, "ignore", origin, None)):
        if code in SEVERITY:
            ignore.append(code)
        else:
            p.schema(
                origin.child("ignore", position),
                text("load.unknown-code", code=quoted(code)),
                did_you_mean(code, tuple(SEVERITY)),
            )
    severity: list[tuple[str, str]] = []
    if "severity" in table and p.is_table(
        table["severity"], origin.child("severity"), "check.severity", None
    ):
        for code, level in table["severity"].items():
            key_origin = origin.child("severity", code)
            if code not in SEVERITY:
                p.schema(
                    key_origin,
                    text("load.unknown-code", code=quoted(code)),
                    did_you_mean(code, tuple(SEVERITY)),
                )
            elif level not in ("error", "warning"):
                p.schema(key_origin, text("load.severity-level", code=code, value=quoted(level)))
            else:
                severity.append((code, level))
    durations = {
        key: minutes
        for key in (
            "landing_buffer",
            "pickup_window",
            "checkin_buffer",
            "solo_limit",
            "interpreter_daily",
        )
        if (minutes := check_duration(p, table, key, origin)) is not None
    }
    return CheckConfig(tuple(ignore), tuple(severity), **durations)


def check_duration(p: Parser, table: Mapping[str, Any], key: str, origin: Origin) -> int | None:
    """A ``[check]`` duration in minutes: "45m", "1h30m", "2h" or an integer of minutes."""
    if key not in table:
        return None
    minutes = duration_minutes(table[key])
    if minutes is None or not 0 <= minutes <= MAX_TRAVEL_MINUTES:
        p.schema(
            origin.child(key),
            text("load.check-duration", key=key, value=quoted(table[key])),
            text("load-hint.write-duration-check", key=key),
        )
        return None
    return minutes
