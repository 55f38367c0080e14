"""``[tracks.ID]``: a translated name for a session's ``track``."""

from __future__ import annotations

from seminar_plan.load.parse.parser import Entry, Parser
from seminar_plan.load.parse.schema import TRACK_KEYS
from seminar_plan.model import Track


def read_tracks(p: Parser, entries: dict[str, Entry]) -> tuple[Track, ...]:
    result = []
    for ident, entry in entries.items():
        p.known_keys(entry.table, entry.origin, TRACK_KEYS, ident)
        result.append(Track(ident, p.text(entry.table, "name", entry.origin, ident), entry.origin))
    return tuple(result)
