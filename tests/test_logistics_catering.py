"""Meal counts by diet: who is counted at a meal, and how many of each diet."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.logistics import catering
from seminar_plan.model import ALL, Delegation, Event, Group, Origin, Person, Plan, Session, Text


def loaded(extra: str = "", inserts: dict[str, str] | None = None) -> Plan:
    """The base plan with ``extra`` appended and, after each header in ``inserts``, its lines."""
    text = plan_text(extra)
    for header, lines in (inserts or {}).items():
        text = text.replace(f"{header}\n", f"{header}\n{lines}\n", 1)
    found = load_text(text)
    assert found.plan is not None
    assert [f for f in found.findings if f.code == "schema"] == []
    return found.plan


DIETS = {
    "[delegations.japan]": "diets = { vegetarian = 1, halal = 0 }",
    "[delegations.china]": "diets = { halal = 2 }",
    "[people.aoki]": 'diet = ["vegetarian", "gluten-free"]',
    "[people.chen]": 'diet = ["halal"]',
}


def counts(plan: Plan) -> list[tuple[str, int, dict[str, int]]]:
    return [(m.session.id, m.count, dict(m.diets)) for m in catering.catering(plan)]


class TestMeals:
    def test_only_meals_and_receptions_in_time_order(self) -> None:
        plan = loaded(
            session("dinner", "18:00", "20:00", kind="reception", attendees=["japan"])
            + session("talk", "09:00", "10:00", kind="lecture", attendees=["japan"])
            + session("lunch", "12:00", "13:00", kind="meal", attendees=["china"])
            + session("breakfast", "07:00", "08:00", day=2, kind="meal", attendees=["china"])
        )
        assert [m.id for m in catering.meals(plan)] == ["lunch", "dinner", "breakfast"]
        assert [m.id for m in catering.meals(plan, day=2)] == ["breakfast"]

    def test_delegations_diets_and_named_members(self) -> None:
        plan = loaded(session("lunch", "12:00", "13:00", kind="meal", attendees=["all"]), DIETS)
        # all: 9 participants; vegetarian: aoki + japan's 1; halal: chen + china's 2.
        assert counts(plan) == [
            ("lunch", 9, {"gluten-free": 1, "halal": 3, "vegetarian": 2}),
        ]

    def test_a_person_who_has_not_arrived_is_not_counted(self) -> None:
        plan = loaded(
            session("lunch", "12:00", "13:00", kind="meal", attendees=["japan", "chen"]),
            {**DIETS, "[people.aoki]": DIETS["[people.aoki]"] + "\narrive = 2025-07-23T15:00:00"},
        )
        # japan 5 - aoki + chen 1.
        assert counts(plan) == [("lunch", 5, {"halal": 1, "vegetarian": 1})]

    def test_a_person_who_has_left_is_not_counted(self) -> None:
        plan = loaded(
            session("dinner", "18:00", "20:00", day=2, kind="meal", attendees=["china"]),
            {**DIETS, "[people.chen]": DIETS["[people.chen]"] + "\ndepart = 2025-07-24T10:00:00"},
        )
        assert counts(plan) == [("dinner", 3, {"halal": 2})]

    def test_an_attendance_override_stands(self) -> None:
        plan = loaded(
            session("lunch", "12:00", "13:00", kind="meal", attendees=["china"], attendance=30),
            {**DIETS, "[people.chen]": DIETS["[people.chen]"] + "\narrive = 2025-07-24T10:00:00"},
        )
        assert counts(plan) == [("lunch", 30, {"halal": 2})]

    def test_group_diets_and_its_members(self) -> None:
        plan = loaded(
            '[groups.guests]\nmembers = ["aoki"]\nheadcount = 4\ndiets = { vegan = 2 }\n'
            + session("lunch", "12:00", "13:00", kind="meal", attendees=["guests"]),
            DIETS,
        )
        assert counts(plan) == [
            ("lunch", 4, {"gluten-free": 1, "vegan": 2, "vegetarian": 1}),
        ]

    def test_a_speaker_at_a_dinner_is_there_but_not_in_the_count(self) -> None:
        plan = loaded(
            session(
                "dinner", "18:00", "20:00", kind="meal", attendees=["china"], speakers=["aoki"]
            ),
            DIETS,
        )
        (meal,) = catering.catering(plan)
        assert meal.count == 4
        assert meal.people == ("aoki", "chen")


# --- the property: the meal counts equal a brute-force count over generated plans -----------

ZONE = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2025, 7, 20)
TAGS = ("halal", "vegan", "no-pork")
NOON = dt.datetime.combine(DAY, dt.time(12), ZONE)
moment = st.one_of(
    st.none(), st.builds(lambda h: NOON + dt.timedelta(hours=h), st.integers(-30, 30))
)
diets = st.lists(
    st.tuples(st.sampled_from(TAGS), st.integers(0, 3)), max_size=2, unique_by=lambda t: t[0]
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    event = Event(Text.plain("t"), "Asia/Shanghai", ZONE, DAY, DAY + dt.timedelta(days=1))
    delegations = tuple(
        Delegation(
            f"d{i}",
            Text.plain("d"),
            draw(st.one_of(st.none(), st.integers(0, 6))),
            None,
            Origin(0, ()),
            diets=tuple(draw(diets)),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    people = tuple(
        Person(
            f"p{i}",
            Text.plain("p"),
            delegation=draw(st.sampled_from((None, *(d.id for d in delegations)))),
            arrive=draw(moment),
            depart=draw(moment),
            diet=tuple(draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=2))),
        )
        for i in range(draw(st.integers(0, 6)))
    )
    ids = [p.id for p in people]
    groups = tuple(
        Group(
            f"g{i}",
            None,
            members := tuple(draw(st.lists(st.sampled_from(ids), unique=True)) if ids else ()),
            draw(st.integers(0, 5)) + len(members) * draw(st.integers(0, 1)),
            Origin(0, ()),
            diets=tuple(draw(diets)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    refs = [d.id for d in delegations] + [g.id for g in groups] + ids
    sessions = []
    for i in range(draw(st.integers(1, 3))):
        start = NOON + dt.timedelta(hours=draw(st.integers(-6, 6)))
        attendees = (
            (ALL,)
            if draw(st.booleans()) and not draw(st.booleans())
            else tuple(draw(st.lists(st.sampled_from(refs), unique=True)) if refs else ())
        )
        sessions.append(
            Session(
                f"m{i}",
                f"m{i}",
                Text.plain("m"),
                1,
                start,
                start + dt.timedelta(hours=1),
                Origin(0, ()),
                kind=draw(st.sampled_from(("meal", "reception", "lecture"))),
                attendees=attendees,
                speakers=tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=1)))
                if ids
                else (),
                attendance=draw(st.one_of(st.none(), st.none(), st.integers(0, 20))),
            )
        )
    return Plan(
        event=event,
        delegations=delegations,
        people=people,
        groups=groups,
        sessions=tuple(sessions),
    )


def brute_force(plan: Plan, meal: Session) -> tuple[int, dict[str, int]]:
    """Seat by seat, from the contract's words."""

    def here(person: Person) -> bool:
        return (person.arrive is None or person.arrive <= meal.start) and (
            person.depart is None or meal.start <= person.depart
        )

    people = plan.person_by_id
    if ALL in meal.attendees:
        present = list(plan.delegations)
        counted = list(plan.people)
        count = (
            plan.event.participants
            if plan.event.participants is not None
            else sum(d.headcount or 0 for d in plan.delegations)
        )
        groups: list[Group] = []
    else:
        present = [d for d in plan.delegations if d.id in meal.attendees]
        groups = [g for g in plan.groups if g.id in meal.attendees]
        by_id = [people[ref] for ref in meal.attendees if ref in people]
        members = [people[m] for g in groups for m in g.members]
        counted = [p for p in plan.people if p.delegation in {d.id for d in present}]
        counted += [p for p in dict.fromkeys(by_id + members) if p not in counted]
        count = sum(d.headcount or 0 for d in present)
        count += sum(max(0, g.headcount - len(g.members)) for g in groups)
        count += len({p.id for p in by_id + members if p.delegation not in {d.id for d in present}})
    count -= sum(1 for p in counted if not here(p))
    if meal.attendance is not None:
        count = meal.attendance
    at_meal = {people[p].id for p in plan.committed(meal)} | {p.id for p in counted}
    tags: dict[str, int] = {}
    for person_id in at_meal:
        if here(people[person_id]):
            for tag in set(people[person_id].diet):
                tags[tag] = tags.get(tag, 0) + 1
    holders: list[Delegation | Group] = [*present, *groups]
    for holder in holders:
        for tag, n in holder.diets:
            tags[tag] = tags.get(tag, 0) + n
    return max(0, count), {tag: n for tag, n in tags.items() if n > 0}


@settings(max_examples=300, deadline=None)
@given(plans())
def test_meal_counts_equal_a_brute_force_count(plan: Plan) -> None:
    for meal in catering.catering(plan):
        assert (meal.count, dict(meal.diets)) == brute_force(plan, meal.session)
