"""``[protocol]``: the order of precedence and the head-table seating convention."""

from __future__ import annotations

from typing import cast

from seminar_plan.load.parse.parser import Entry, Parser
from seminar_plan.load.parse.schema import PROTOCOL_KEYS
from seminar_plan.model import CONVENTIONS, Convention, Protocol


def read_protocol(p: Parser, entry: Entry | None) -> Protocol:
    if entry is None:
        return Protocol()
    table, origin = entry.table, entry.origin
    p.known_keys(table, origin, PROTOCOL_KEYS, None)
    precedence = p.ref_list(table, "precedence", origin, None)
    convention = p.choice(table, "convention", origin, None, CONVENTIONS, "international")
    return Protocol(precedence, cast("Convention", convention), origin)
