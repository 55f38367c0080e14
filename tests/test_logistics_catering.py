"""Meal counts by diet: who is counted at a meal, and how many of each diet."""

from __future__ import annotations

from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.logistics import catering
from seminar_plan.model import Plan


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
