"""Travel: too little time for a person to get from one venue to the next; two travel times
for one pair of venues."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import where_named
from seminar_plan.messages import text
from seminar_plan.model import Plan, Session, Travel, elapsed_minutes, instant


def arrives_at(plan: Plan, session: Session) -> str | None:
    """Where the session leaves its people at its end: a transfer's ``to``, else its venue."""
    return session.to if session.to is not None else plan.venue_of(session)


@rule("travel-time")
def travel_time(plan: Plan) -> Iterator[Issue]:
    if not plan.travel:
        return
    longest = dt.timedelta(minutes=max(t.minutes for t in plan.travel))
    # Worked out once a session, not once for each of its people: start and end in absolute
    # time (on the night the clocks go forward, an hour before 03:30 is 01:30, not the 02:30
    # that wall-clock arithmetic gives), its venue, and where it leaves its people.
    starts: dict[int, dt.datetime] = {}
    ends: dict[int, dt.datetime] = {}
    venues: dict[int, str | None] = {}
    arrivals: dict[int, str | None] = {}
    for session in plan.sessions:
        key = id(session)
        starts[key], ends[key] = instant(session.start), instant(session.end)
        venues[key] = plan.venue_of(session)
        arrivals[key] = arrives_at(plan, session)
    for person, sessions in plan.sessions_by_person.items():
        placed = [s for s in sessions if arrivals[id(s)] is not None]
        placed.sort(key=lambda s: ends[id(s)])
        placed_ends = [ends[id(s)] for s in placed]
        for later in placed:
            # Earlier sessions that ended no more than the longest trip before this one starts.
            starts_at = starts[id(later)]
            low = bisect.bisect_left(placed_ends, starts_at - longest)
            high = bisect.bisect_right(placed_ends, starts_at)
            for earlier in placed[low:high]:
                if earlier is later or earlier.start >= later.start:
                    continue
                # A transfer with ``to`` is at its departure venue at its start and at ``to``
                # at its end: a bus that is itself the trip is never a missing trip.
                a, b = arrivals[id(earlier)], venues[id(later)]
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
                    text(
                        "finding.travel-time",
                        person=person,
                        gap=gap,
                        earlier=earlier.id,
                        venue_from=a,
                        later=later.id,
                        venue_to=b,
                        minutes=minutes,
                    ),
                    text("finding-hint.travel-time", minutes=minutes),
                    (person, earlier.id, later.id),
                    related=earlier.origin,
                )


@rule("travel-conflict")
def travel_conflict(plan: Plan) -> Iterator[Issue]:
    """Each entry that gives a pair of venues other minutes than the pair's first entry."""
    first: dict[frozenset[str], Travel] = {}
    for travel in plan.travel:
        pair = frozenset(travel.between)
        earlier = first.setdefault(pair, travel)
        if earlier is travel or earlier.minutes == travel.minutes:
            continue
        a, b = earlier.between
        yield Issue(
            "travel-conflict",
            travel.origin.child("minutes"),
            text(
                "finding.travel-conflict",
                a=a,
                b=b,
                minutes=travel.minutes,
                earlier_minutes=earlier.minutes,
            ),
            text("finding-hint.travel-conflict"),
            (a, b),
            related=earlier.origin,
        )
