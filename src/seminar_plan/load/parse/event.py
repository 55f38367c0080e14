"""``[event]``, ``[days.N]`` and ``[check]``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from seminar_plan.checks.registry import SEVERITY
from seminar_plan.load.parse.parser import Entry, Parser
from seminar_plan.load.parse.scalars import (
    FIRST_DATE,
    LAST_DATE,
    MAX_EVENT_DAYS,
    MAX_TRAVEL_MINUTES,
    day_number,
    did_you_mean,
    duration_minutes,
    type_name,
)
from seminar_plan.load.parse.schema import CHECK_KEYS, DAY_KEYS, EVENT_KEYS
from seminar_plan.load.zones import resolve_zone
from seminar_plan.model import CheckConfig, Day, Event, Origin, Text
from seminar_plan.suggest import mean


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
        p.schema(origin.child("languages"), "languages is empty", 'write languages = ["ja"]')
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
        p.schema(origin, "missing required key 'timezone'", 'add timezone = "Asia/Shanghai"')
    elif zone_name is not None:
        tz, suggestion = resolve_zone(zone_name)
        if tz is None:
            p.schema(
                origin.child("timezone"),
                f"timezone {zone_name!r} is not an IANA time zone name",
                mean(suggestion) if suggestion else 'such as "Asia/Shanghai"',
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
            p.schema(origin, f"missing required key {key!r}", f"add {key} = 2025-07-23")
            dates.append(None)
        elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            p.schema(
                origin.child(key),
                f"{key} must be a TOML date such as 2025-07-23, not {type_name(value)}",
            )
            dates.append(None)
        elif not FIRST_DATE <= value <= LAST_DATE:
            p.schema(
                origin.child(key),
                f"{key} must be a date from {FIRST_DATE} to {LAST_DATE}, not {value}",
            )
            dates.append(None)
        else:
            dates.append(value)
    start, end = dates
    if start is not None and end is not None and end < start:
        p.schema(origin.child("end"), f"the event ends ({end}) before it starts ({start})")
        end = None
    elif start is not None and end is not None and (end - start).days >= MAX_EVENT_DAYS:
        p.schema(
            origin.child("end"),
            f"the event lasts {(end - start).days + 1:,} days; seminar-plan plans events of"
            f" at most {MAX_EVENT_DAYS} days",
            "split it into one plan per event",
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
            p.schema(
                entry.origin,
                f"[days.{ident}]: a day is a number, such as [days.2]",
                None,
                ident,
            )
            continue
        if event is None:
            continue
        if not 1 <= number <= event.day_count:
            p.schema(
                entry.origin,
                f"[days.{ident}] is outside the event, which has days 1..{event.day_count}",
                None,
                ident,
            )
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
                f"unknown finding code {code!r}",
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
                    f"unknown finding code {code!r}",
                    did_you_mean(code, tuple(SEVERITY)),
                )
            elif level not in ("error", "warning"):
                p.schema(
                    key_origin,
                    f'severity of {code} must be "error" or "warning", not {level!r}',
                )
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
            f'{key} must be a duration from 0 to a week, such as "45m", "1h30m" or "2h",'
            f" not {table[key]!r}",
            f'write {key} = "45m"',
        )
        return None
    return minutes
