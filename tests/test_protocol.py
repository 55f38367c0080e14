"""Precedence, head-table seating by convention, and the speaking-order rule."""

from __future__ import annotations

import pytest

from conftest import plan_text, session, summary
from seminar_plan import load_text
from seminar_plan.model import Plan
from seminar_plan.protocol import (
    head_table,
    head_table_people,
    precedence,
    seat_people,
    speakers_out_of_order,
)

PEOPLE = """
[people.minister]
name = "Minister"
rank = 2

[people.mayor]
name = "Mayor"
rank = 1

[people.chair]
name = "Chair"

[people.guest]
name = "Guest"

[people.peer]
name = "Peer"
rank = 1
"""


def plan_of(extra: str) -> Plan:
    loaded = load_text(plan_text(PEOPLE + extra))
    assert loaded.plan is not None
    return loaded.plan


class TestPrecedence:
    def test_by_rank_without_a_protocol_table(self) -> None:
        # Only ranked people have a place; aoki, chen and sato (the base plan's) have no rank.
        assert precedence(plan_of("")) == ("mayor", "peer", "minister")

    def test_the_listed_order_first_then_the_rest_by_rank(self) -> None:
        plan = plan_of('[protocol]\nprecedence = ["chair", "minister"]\n')
        assert precedence(plan) == ("chair", "minister", "mayor", "peer")


class TestSeats:
    @pytest.mark.parametrize(
        ("convention", "count", "expected"),
        [
            # Seen from the audience, the host's right is the audience's left.
            ("international", 1, ["p1"]),
            ("international", 2, ["p2", "p1"]),
            ("international", 3, ["p2", "p1", "p3"]),
            ("international", 5, ["p4", "p2", "p1", "p3", "p5"]),
            ("chinese", 3, ["p3", "p1", "p2"]),
            ("chinese", 4, ["p3", "p1", "p2", "p4"]),
        ],
    )
    def test_the_most_senior_in_the_middle_then_alternately(
        self, convention: str, count: int, expected: list[str]
    ) -> None:
        people = tuple(f"p{n}" for n in range(1, count + 1))
        seats = seat_people(people, convention)
        assert [seat.person for seat in seats] == expected
        assert [seat.number for seat in seats] == list(range(1, count + 1))
        assert [seat.precedence for seat in seats] == [int(p[1:]) for p in expected]

    def test_generated_from_the_speakers_by_precedence(self) -> None:
        plan = plan_of(session("open", "09:00", "10:00", speakers=["chair", "minister", "mayor"]))
        assert head_table_people(plan, plan.sessions[0]) == ("mayor", "minister", "chair")
        assert [seat.person for seat in head_table(plan, plan.sessions[0])] == [
            "minister",
            "mayor",
            "chair",
        ]

    def test_seating_as_written_wins(self) -> None:
        plan = plan_of(
            '[protocol]\nconvention = "chinese"\n'
            + session("open", "09:00", "10:00", speakers=["mayor"], seating=["guest", "mayor"])
        )
        assert [seat.person for seat in head_table(plan, plan.sessions[0])] == ["guest", "mayor"]


class TestSpeakingOrder:
    def test_out_of_order_ceremony(self) -> None:
        text = plan_text(
            PEOPLE
            + session("open", "09:00", "10:00", kind="ceremony", speakers=["minister", "mayor"])
        )
        assert summary(text, "speaking-order") == [("speaking-order", ("open",))]
        plan = load_text(text).plan
        assert plan is not None
        assert speakers_out_of_order(plan, plan.sessions[0]) == ("mayor", "minister")

    @pytest.mark.parametrize(
        "keys",
        [
            # In order; unranked speakers are not compared.
            {"kind": "ceremony", "speakers": ["mayor", "chair", "minister"]},
            # Deliberately as listed: the host speaks first.
            {"kind": "ceremony", "speakers": ["minister", "mayor"], "order": "as-listed"},
            # Only ceremonies follow precedence.
            {"kind": "panel", "speakers": ["minister", "mayor"]},
            # Equal ranks (two heads of delegation) are in order either way.
            {"kind": "ceremony", "speakers": ["peer", "mayor"]},
            {"kind": "ceremony", "speakers": ["mayor", "peer"]},
        ],
    )
    def test_near_misses(self, keys: dict[str, str | list[str]]) -> None:
        text = plan_text(PEOPLE + session("open", "09:00", "10:00", 1, **keys))
        assert summary(text, "speaking-order") == []
