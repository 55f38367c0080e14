"""Travel: too little time for a person to get from one venue to the next."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator

from seminar_plan.checks.registry import RELATED, Issue, rule
from seminar_plan.checks.rules.common import where_named
from seminar_plan.model import Plan, elapsed_minutes


@rule("travel-time")
def travel_time(plan: Plan) -> Iterator[Issue]:
    if not plan.travel:
        return
    longest = dt.timedelta(minutes=max(t.minutes for t in plan.travel))
    for person, sessions in plan.sessions_by_person.items():
        placed = [s for s in sessions if plan.venue_of(s) is not None]
        placed.sort(key=lambda s: s.end)
        ends = [s.end for s in placed]
        for later in placed:
            # Earlier sessions that ended no more than the longest trip before this one starts.
            low = bisect.bisect_left(ends, later.start - longest)
            high = bisect.bisect_right(ends, later.start)
            for earlier in placed[low:high]:
                if earlier is later or earlier.start >= later.start:
                    continue
                a, b = plan.venue_of(earlier), plan.venue_of(later)
                if a == b or a is None or b is None:
                    continue
                minutes = plan.travel_minutes.get(frozenset((a, b)))
                if minutes is None:
                    continue
                gap = elapsed_minutes(earlier.end, later.start)
                if gap >= minutes:
                    continue
                yield Issue(
                    "travel-time",
                    where_named(plan, later, person),
                    f"{person!r} has {gap} minutes from {earlier.id!r}"
                    f" at {a!r} ({RELATED}) to {later.id!r} at {b!r};"
                    f" the trip takes {minutes}",
                    f"leave at least {minutes} minutes between them, or hold both at one venue",
                    (person, earlier.id, later.id),
                    related=earlier.origin,
                )
