"""The interval sweep shared by every overlap rule: O(n log n + k) for n sessions, k overlaps."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from seminar_plan.model import Session


def overlapping_pairs(sessions: Iterable[Session]) -> Iterator[tuple[Session, Session]]:
    """Every pair (earlier, later) of sessions whose [start, end) intervals overlap.

    Sorted by start; a heap keyed by end holds the sessions still running. Those that ended at
    or before the new start leave the heap (back-to-back is not an overlap); every one left
    overlaps the new session. Sessions always have start < end (the parser guarantees it).
    """
    ordered = sorted(enumerate(sessions), key=lambda pair: pair[1].start)
    running: list[tuple[object, int, Session]] = []
    for position, session in ordered:
        while running and running[0][2].end <= session.start:
            heapq.heappop(running)
        for _, _, other in running:
            yield other, session
        heapq.heappush(running, (session.end, position, session))
