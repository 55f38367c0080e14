"""Meal counts by diet (pure).

A meal is a session of kind ``meal`` or ``reception``. Its count is its computed attendance,
less the named people counted in it whose stay does not cover the meal's start (an
``attendance`` override stands as given). Its count by diet is the named people at the meal
who are counted, by tag, plus the ``diets`` of every present delegation and listed group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from seminar_plan.logistics.stays import stay_of
from seminar_plan.model import ALL, Plan, Session

MEAL_KINDS = ("meal", "reception")


def is_meal(session: Session) -> bool:
    return session.kind in MEAL_KINDS


def meals(plan: Plan, day: int | None = None) -> tuple[Session, ...]:
    """The meals (of one day, or all), in time order."""
    return tuple(
        sorted(
            (s for s in plan.sessions if is_meal(s) and (day is None or s.day == day)),
            key=lambda s: (s.start, s.end, s.id),
        )
    )


def _members(plan: Plan, delegations: tuple[str, ...]) -> set[str]:
    wanted = set(delegations)
    return {p.id for p in plan.people if p.delegation in wanted}


def counted_people(plan: Plan, session: Session) -> set[str]:
    """The named people the computed attendance counts: everyone for ``"all"``, else the named
    members of listed delegations and the people listed by id or through a listed group."""
    if ALL in session.attendees:
        return set(plan.person_by_id)
    found = _members(plan, plan.delegations_present(session))
    for ref in session.attendees:
        if ref in plan.person_by_id:
            found.add(ref)
        elif ref in plan.group_by_id:
            found.update(m for m in plan.group_by_id[ref].members if m in plan.person_by_id)
    return found


def people_at(plan: Plan, session: Session) -> set[str]:
    """The named people at the meal: those committed to it and the named members of every
    present delegation (every named person for ``"all"``)."""
    return (
        set(plan.committed(session))
        | _members(plan, plan.delegations_present(session))
        | counted_people(plan, session)
    )


@dataclass(frozen=True, slots=True)
class MealCount:
    """Who eats at one meal: the count, the diets and the named people."""

    session: Session
    count: int
    # Tag -> count, sorted by tag; only tags with a count above 0.
    diets: tuple[tuple[str, int], ...]
    # The named people counted at the meal, sorted.
    people: tuple[str, ...]


def meal_count(plan: Plan, session: Session) -> MealCount:
    absent = {p for p in people_at(plan, session) if not stay_of(plan, p).covers(session.start)}
    present = sorted(people_at(plan, session) - absent)
    if session.attendance is not None:
        count = session.attendance
    else:
        computed = plan.attendance_of(session) or 0
        count = max(0, computed - len(counted_people(plan, session) & absent))
    tags: Counter[str] = Counter()
    for person_id in present:
        tags.update(set(plan.person_by_id[person_id].diet))
    for delegation_id in plan.delegations_present(session):
        for tag, number in plan.delegation_by_id[delegation_id].diets:
            tags[tag] += number
    if ALL not in session.attendees:
        for ref in dict.fromkeys(session.attendees):
            group = plan.group_by_id.get(ref)
            if group is not None:
                for tag, number in group.diets:
                    tags[tag] += number
    diets = tuple(sorted((tag, n) for tag, n in tags.items() if n > 0))
    return MealCount(session, count, diets, tuple(present))


def catering(plan: Plan, day: int | None = None) -> tuple[MealCount, ...]:
    return tuple(meal_count(plan, session) for session in meals(plan, day))
