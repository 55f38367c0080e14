"""``[delegations.ID]``, ``[people.ID]`` and ``[groups.ID]``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from seminar_plan.load.parse.parser import Entry, Parser
from seminar_plan.load.parse.scalars import FIRST_DATE, LAST_DATE, skipped_local_time
from seminar_plan.load.parse.schema import DELEGATION_KEYS, GROUP_KEYS, PERSON_KEYS
from seminar_plan.load.parse.words import type_name, unquoted
from seminar_plan.messages import text
from seminar_plan.model import Delegation, Event, Group, Origin, Person, Text, instant


def read_delegations(p: Parser, entries: dict[str, Entry]) -> tuple[Delegation, ...]:
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, DELEGATION_KEYS, ident)
        result.append(
            Delegation(
                id=ident,
                name=p.text(table, "name", origin, ident) or Text.plain(ident),
                headcount=p.integer(table, "headcount", origin, ident, minimum=0),
                language=p.language(table, "language", origin, ident),
                origin=origin,
            )
        )
    return tuple(result)


def read_people(p: Parser, entries: dict[str, Entry], event: Event | None) -> tuple[Person, ...]:
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, PERSON_KEYS, ident)
        name = p.text(table, "name", origin, ident, required=True)
        arrive = moment(p, table, "arrive", origin, ident, event)
        depart = moment(p, table, "depart", origin, ident, event)
        # In absolute time: either may lie in the repeated hour of a fall-back night.
        if arrive is not None and depart is not None and instant(depart) < instant(arrive):
            # When the wall clocks do not show the order (a fall-back night), the offsets do.
            walls = depart.replace(tzinfo=None), arrive.replace(tzinfo=None)
            shown = "%Y-%m-%d %H:%M" + (" %z" if walls[0] >= walls[1] else "")
            p.schema(
                origin.child("depart"),
                text(
                    "load.departs-before-arriving",
                    id=ident,
                    depart=f"{depart:{shown}}",
                    arrive=f"{arrive:{shown}}",
                ),
                text("load-hint.swap-arrive-depart"),
                ident,
            )
        result.append(
            Person(
                id=ident,
                name=name or Text.plain(ident),
                title=p.text(table, "title", origin, ident),
                organization=p.text(table, "organization", origin, ident),
                delegation=p.ref(table, "delegation", origin, ident),
                rank=p.integer(table, "rank", origin, ident, minimum=1),
                languages=p.languages(table, "languages", origin, ident) or (),
                arrive=arrive,
                depart=depart,
                contact=p.contact(table, origin, ident),
                notes=p.text(table, "notes", origin, ident),
                arrive_notes=p.text(table, "arrive_notes", origin, ident),
                depart_notes=p.text(table, "depart_notes", origin, ident),
                origin=origin,
            )
        )
    return tuple(result)


def read_groups(p: Parser, entries: dict[str, Entry]) -> tuple[Group, ...]:
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, GROUP_KEYS, ident)
        members = p.ref_list(table, "members", origin, ident)
        headcount = p.integer(table, "headcount", origin, ident, minimum=0)
        result.append(
            Group(
                id=ident,
                name=p.text(table, "name", origin, ident),
                members=members,
                headcount=len(members) if headcount is None else headcount,
                origin=origin,
            )
        )
    return tuple(result)


def moment(
    p: Parser, table: Mapping[str, Any], key: str, origin: Origin, ident: str, event: Event | None
) -> dt.datetime | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, dt.datetime):
        p.schema(
            origin.child(key),
            text("load.not-datetime", key=key, type=type_name(value)),
            unquoted(key, value, dt.datetime) or text("load-hint.write-datetime", key=key),
            ident,
        )
        return None
    if event is None:
        return None
    tz = event.tz
    # Within the years an event may have (and far from what datetime can hold), so that every
    # view and export can convert it to another zone.
    if not FIRST_DATE <= value.date() <= LAST_DATE:
        message = text(
            "load.years", key=key, first=FIRST_DATE.year, last=LAST_DATE.year, year=value.year
        )
        p.schema(origin.child(key), message, None, ident)
        return None
    try:
        if value.tzinfo is None:
            local = value.replace(tzinfo=tz)
            skipped = skipped_local_time(key, local, event.timezone)
            if skipped is not None:
                hint = text("load-hint.time-with-offset")
                p.report("bad-time", origin.child(key), skipped, hint, (ident,))
                return None
            return local
        return value.astimezone(tz)
    except (OverflowError, ValueError):
        message = text("load.moment-out-of-range", key=key, value=str(value))
        p.schema(origin.child(key), message, None, ident)
        return None
