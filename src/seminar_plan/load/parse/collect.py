"""Merging the plan's files: each top-level table is gathered once, duplicates are reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from seminar_plan.load.parse.parser import Entry, Parser
from seminar_plan.load.parse.scalars import is_int
from seminar_plan.load.parse.schema import FORMAT_VERSION, ID_TABLES, SINGULAR, TOP_LEVEL
from seminar_plan.load.parse.words import quoted, type_name
from seminar_plan.messages import Message, text
from seminar_plan.model import Origin


@dataclass
class Tables:
    """The plan's tables gathered from every source file, by kind and id."""

    event: Entry | None = None
    check: Entry | None = None
    protocol: Entry | None = None
    named: dict[str, dict[str, Entry]] = field(
        default_factory=lambda: {key: {} for key in ID_TABLES}
    )
    sessions: list[Entry] = field(default_factory=list)
    travel: list[Entry] = field(default_factory=list)
    flights: list[Entry] = field(default_factory=list)
    bookings: list[Entry] = field(default_factory=list)


def collect(p: Parser) -> Tables:
    tables = Tables()
    for index, source in enumerate(p.sources.files):
        if source.data is None:
            continue
        data = source.data
        root = Origin(index, ())
        p.known_keys(data, root, TOP_LEVEL, None)
        _format(p, data, root)
        _single_tables(p, data, root, tables)
        _id_tables(p, data, root, tables)
        _arrays(p, data, root, tables)
    shared_attendee_ids(p, tables)
    if tables.event is None and any(s.data is not None for s in p.sources.files):
        p.schema(Origin(0, ()), text("load.no-event"), text("load-hint.no-event"))
    return tables


def _format(p: Parser, data: Mapping[str, Any], root: Origin) -> None:
    if "format" in data:
        value = data["format"]
        if not is_int(value) or value < 1:
            p.schema(
                root.child("format"),
                text("load.format", value=quoted(value)),
                text("load-hint.format", version=FORMAT_VERSION),
            )


def _single_tables(p: Parser, data: Mapping[str, Any], root: Origin, tables: Tables) -> None:
    """``[event]``, ``[check]`` and ``[protocol]``: one each in the whole plan."""
    for key in ("event", "check", "protocol"):
        if key not in data:
            continue
        origin = root.child(key)
        if not p.is_table(data[key], origin, f"[{key}]", None):
            continue
        earlier: Entry | None = getattr(tables, key)
        if earlier is not None:
            duplicate(p, key, origin, earlier.origin, f"[{key}]")
            continue
        setattr(tables, key, Entry(key, data[key], origin))


def _id_tables(p: Parser, data: Mapping[str, Any], root: Origin, tables: Tables) -> None:
    """``[days.N]``, ``[people.ID]``...: each id once across the plan's files."""
    for key in ID_TABLES:
        if key not in data:
            continue
        origin = root.child(key)
        if not p.is_table(data[key], origin, f"[{key}]", None):
            continue
        for ident, table in data[key].items():
            item_origin = origin.child(ident)
            earlier_entry = tables.named[key].get(ident)
            if earlier_entry is not None:
                duplicate(p, ident, item_origin, earlier_entry.origin, f"[{key}.{ident}]")
                continue
            if key != "days":
                p.check_id(ident, item_origin, SINGULAR.get(key, key.rstrip("s")))
            if p.is_table(table, item_origin, f"[{key}.{ident}]", ident):
                tables.named[key][ident] = Entry(ident, table, item_origin)


def _arrays(p: Parser, data: Mapping[str, Any], root: Origin, tables: Tables) -> None:
    """``[[sessions]]``, ``[[travel]]``, ``[[flights]]``, ``[[bookings]]``: the entries of every
    file, in order."""
    for key in ("sessions", "travel", "flights", "bookings"):
        if key not in data:
            continue
        origin = root.child(key)
        value = data[key]
        if not isinstance(value, list):
            p.schema(origin, text("load.not-array-of-tables", key=key, type=type_name(value)))
            continue
        target: list[Entry] = getattr(tables, key)
        for position, table in enumerate(value):
            item_origin = origin.child(position)
            if p.is_table(table, item_origin, text("load.what.entry", key=key), None):
                target.append(Entry(str(position), table, item_origin))


def shared_attendee_ids(p: Parser, tables: Tables) -> None:
    """Delegations, groups and people share one namespace: ``attendees`` names any of them."""
    owner: dict[str, str] = {}
    for key in ("delegations", "groups", "people"):
        for ident, entry in list(tables.named[key].items()):
            if ident in owner:
                earlier = tables.named[owner[ident]][ident]
                place = p.locator.place(earlier.origin)
                p.report(
                    "duplicate-id",
                    entry.origin,
                    text(
                        "load.shared-id",
                        table=key,
                        id=ident,
                        other=owner[ident],
                        place=f"{place.file}:{place.line}",
                    ),
                    text("load-hint.other-id"),
                    (ident,),
                )
            else:
                owner[ident] = key


def duplicate(p: Parser, ident: str, origin: Origin, earlier: Origin, what: Message | str) -> None:
    """``duplicate-id``: ``what`` (``[people.x]``, a session) is defined twice."""
    place = p.locator.place(earlier)
    p.report(
        "duplicate-id",
        origin,
        text("load.defined-twice", what=what, place=f"{place.file}:{place.line}"),
        text("load-hint.rename-or-remove"),
        (ident,),
    )
