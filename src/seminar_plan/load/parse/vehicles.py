"""``[vehicles.ID]`` and a transfer's ``vehicles``."""

from __future__ import annotations

from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.schema import VEHICLE_KEYS
from seminar_plan.messages import text
from seminar_plan.model import Vehicle


def read_vehicles(p: Parser, entries: dict[str, Entry]) -> tuple[Vehicle, ...]:
    """Every vehicle; one whose ``seats`` is missing or unusable is kept with ``seats`` None, so
    the transfers that name it are not also reported as naming nothing."""
    result = []
    for ident, entry in entries.items():
        table, origin = entry.table, entry.origin
        p.known_keys(table, origin, VEHICLE_KEYS, ident)
        if "seats" not in table:
            p.schema(origin, missing_key("seats"), text("load-hint.add-seats"), ident)
        result.append(
            Vehicle(
                id=ident,
                seats=p.integer(table, "seats", origin, ident, minimum=0),
                origin=origin,
                name=p.text(table, "name", origin, ident),
                kind=p.text(table, "kind", origin, ident),
                driver=p.text(table, "driver", origin, ident),
                contact=p.contact(table, origin, ident),
                notes=p.text(table, "notes", origin, ident),
            )
        )
    return tuple(result)
