"""Stays: a person committed to a session, or called by a cue, outside their stay; a stay that
lies far from the event's dates.

A stay is the person's arrival and departure as ``logistics.stays.stay_of`` gives them: written
on the person, else derived from the flights that carry them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from seminar_plan.checks.registry import RELATED, Issue, rule
from seminar_plan.checks.rules.common import span, where_named
from seminar_plan.logistics.stays import Stay, stay_of
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


def _outside(stay: Stay, start: dt.datetime, end: dt.datetime, what: str) -> str | None:
    """Why [start, end] is not within the stay, else None; ``what`` names it, or, for a
    moment (start == end), says when it is."""
    starts, ends = (" starts", " ends") if start != end else ("", "")
    # In absolute time: an arrival in the repeated hour of a fall-back night has the event
    # zone's tzinfo and fold=1, which Python's comparison would ignore.
    if stay.arrive is not None and instant(start) < instant(stay.arrive):
        return f"arrives {_moment(stay.arrive)}, after {what}{starts}"
    if stay.depart is not None and instant(end) > instant(stay.depart):
        return f"departs {_moment(stay.depart)}, before {what}{ends}"
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
            problem = _outside(stay(person_id), session.start, session.end, repr(session.id))
            if problem is None:
                continue
            reported.add((person_id, session.id))
            yield Issue(
                "outside-stay",
                where_named(plan, session, person_id),
                f"{person_id!r} {problem} ({span(session)}; stay at {RELATED})",
                "change the arrival or departure, or take the person out of the session",
                (person_id, session.id),
                related=_related(plan, person_id, stay(person_id), problem),
            )
    for session in plan.sessions:
        for cue in session.cues:
            who = cue.who
            if who is None or who not in plan.person_by_id or (who, session.id) in reported:
                continue
            problem = _outside(stay(who), cue.at, cue.at, f"the cue at {cue.at:%H:%M}")
            if problem is None:
                continue
            reported.add((who, session.id))
            yield Issue(
                "outside-stay",
                cue.origin.child("who"),
                f"{who!r} {problem} in {session.id!r} ({span(session)}; stay at {RELATED})",
                "move the cue, give it to someone who is there, or change the travel",
                (who, session.id),
                related=_related(plan, who, stay(who), problem),
            )


def _related(plan: Plan, person_id: str, stay: Stay, problem: str) -> Origin:
    return _where(plan, person_id, stay, "arrive" if problem.startswith("arrives") else "depart")


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
            word = "arrives" if end == "arrive" else "departs"
            yield Issue(
                "stay-range",
                _where(plan, person.id, stay, end),
                f"{person.id!r} {word} on {day}, more than 7 days from the event"
                f" ({plan.event.start} .. {plan.event.end})",
                "check the date: often the month or the year is mistyped",
                (person.id,),
            )
