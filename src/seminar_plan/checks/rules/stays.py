"""Stays: a person committed to a session, or called by a cue, outside their stay; a stay that
lies far from the event's dates.

A stay is the person's arrival and departure as ``logistics.stays.stay_of`` gives them: written
on the person, else derived from the flights that carry them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.checks.rules.common import clock, span, where_named
from seminar_plan.logistics.stays import Stay, stay_of
from seminar_plan.messages import text
from seminar_plan.model import Origin, Plan, instant

# An arrival or departure further than this from the event's dates is most likely a typo.
STAY_RANGE = dt.timedelta(days=7)


def _moment(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _where(plan: Plan, person_id: str, stay: Stay, end: str) -> Origin:
    """Where the arrival (``end = "arrive"``) or departure was written: the person's key, else
    the flight it comes from."""
    person = plan.person_by_id[person_id]
    flight = stay.arrival_flight if end == "arrive" else stay.departure_flight
    if flight is not None:
        return flight.origin.child("arrives" if end == "arrive" else "departs")
    return person.origin.child(end)


def _outside(stay: Stay, start: dt.datetime, end: dt.datetime) -> tuple[str, str] | None:
    """Which end of the stay [start, end] is outside (``"arrive"``, ``"depart"``) and that end's
    moment, else None."""
    # In absolute time: an arrival in the repeated hour of a fall-back night has the event
    # zone's tzinfo and fold=1, which Python's comparison would ignore.
    if stay.arrive is not None and instant(start) < instant(stay.arrive):
        return "arrive", _moment(stay.arrive)
    if stay.depart is not None and instant(end) > instant(stay.depart):
        return "depart", _moment(stay.depart)
    return None


@rule("outside-stay")
def outside_stay(plan: Plan) -> Iterator[Issue]:
    stays: dict[str, Stay] = {}

    def stay(person_id: str) -> Stay:
        if person_id not in stays:
            stays[person_id] = stay_of(plan, person_id)
        return stays[person_id]

    # One finding per person and session: a cue is reported only when the session is not.
    reported: set[tuple[str, str]] = set()
    for person_id, sessions in plan.sessions_by_person.items():
        for session in sessions:
            problem = _outside(stay(person_id), session.start, session.end)
            if problem is None:
                continue
            end, moment = problem
            reported.add((person_id, session.id))
            yield Issue(
                "outside-stay",
                where_named(plan, session, person_id),
                text(
                    f"finding.outside-stay-{end}",
                    person=person_id,
                    moment=moment,
                    session=session.id,
                    span=span(session),
                ),
                text("finding-hint.outside-stay"),
                (person_id, session.id),
                related=_where(plan, person_id, stay(person_id), end),
            )
    for session in plan.sessions:
        for cue in session.cues:
            who = cue.who
            if who is None or who not in plan.person_by_id or (who, session.id) in reported:
                continue
            problem = _outside(stay(who), cue.at, cue.at)
            if problem is None:
                continue
            end, moment = problem
            reported.add((who, session.id))
            yield Issue(
                "outside-stay",
                cue.origin.child("who"),
                text(
                    f"finding.outside-stay-cue-{end}",
                    person=who,
                    moment=moment,
                    # A cue at the midnight that ends its session is 24:00, as written.
                    cue="24:00" if cue.at.date() > session.start.date() else clock(cue.at),
                    session=session.id,
                    span=span(session),
                ),
                text("finding-hint.outside-stay-cue"),
                (who, session.id),
                related=_where(plan, who, stay(who), end),
            )


@rule("stay-range")
def stay_range(plan: Plan) -> Iterator[Issue]:
    first = plan.event.start - STAY_RANGE
    last = plan.event.end + STAY_RANGE
    for person in plan.people:
        stay = stay_of(plan, person.id)
        for end, moment in (("arrive", stay.arrive), ("depart", stay.depart)):
            if moment is None:
                continue
            day = moment.astimezone(plan.event.tz).date()
            if first <= day <= last:
                continue
            yield Issue(
                "stay-range",
                _where(plan, person.id, stay, end),
                text(
                    f"finding.stay-range-{end}",
                    person=person.id,
                    day=str(day),
                    days=STAY_RANGE.days,
                    start=str(plan.event.start),
                    end=str(plan.event.end),
                ),
                text("finding-hint.stay-range"),
                (person.id,),
            )
