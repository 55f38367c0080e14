"""diff: exactly what changed between two versions of a plan, for the office to pass on.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import plan_text, session
from export_plans import EXAMPLE, GOLDEN, parsed
from seminar_plan.authoring.diff import (
    PlanDiff,
    diff_plans,
    render_json,
    render_per_delegation,
    render_text,
)

LECTURE = 'start = "11:05"\nend = "11:55"'
LECTURE_MOVED = 'start = "11:10"\nend = "12:00"'


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def changes(old: str, new: str) -> PlanDiff:
    return diff_plans(parsed(old), parsed(new))


def summary(diff: PlanDiff) -> list[tuple[str, str]]:
    return [(c.kind, c.session.id) for c in diff.sessions] + [
        (c.kind, c.person.id) for c in diff.people
    ]


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / "diff" / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_one_moved_session_is_exactly_one_move() -> None:
    text = example_text()
    assert LECTURE in text
    diff = changes(text, text.replace(LECTURE, LECTURE_MOVED))
    assert summary(diff) == [("moved", "lecture")]
    (move,) = diff.sessions
    assert move.old is not None
    assert move.new is not None
    assert (f"{move.old.start:%H:%M}", f"{move.new.start:%H:%M}") == ("11:05", "11:10")
    assert move.delegations == ("japan", "china")


def test_the_same_plan_has_no_changes() -> None:
    diff = changes(example_text(), example_text())
    assert diff.count == 0
    assert render_text(diff, "a.toml", "b.toml", lang="en") == (
        "No changes from a.toml to b.toml.\n"
    )


def test_reordering_the_file_is_no_change() -> None:
    first = session("a", "09:00", "10:00")
    second = session("b", "10:00", "11:00")
    assert changes(plan_text(first + second), plan_text(second + first)).count == 0


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (session("a", "09:00", "10:00"), "", [("removed", "a")]),
        ("", session("a", "09:00", "10:00"), [("added", "a")]),
        (session("a", "09:00", "10:00"), session("a", "09:00", "10:00", day=2), [("moved", "a")]),
        (session("a", "09:00", "10:00"), session("a", "09:00", "10:30"), [("moved", "a")]),
        (
            session("a", "09:00", "10:00", room="hall"),
            session("a", "09:00", "10:00", room="salon"),
            [("moved", "a")],
        ),
        (
            session("a", "09:00", "10:00", venue="hotel"),
            session("a", "09:00", "10:00", venue="center"),
            [("moved", "a")],
        ),
        (
            session("a", "09:00", "10:00"),
            session("a", "09:00", "10:00").replace('title = "a"', 'title = "A"'),
            [("retitled", "a")],
        ),
        (
            session("a", "09:00", "10:00", speakers=["aoki", "chen"]),
            session("a", "09:00", "10:00", speakers=["chen", "aoki"]),
            [("speakers", "a")],
        ),
        # A new id is another session: the old one is gone.
        (
            session("a", "09:00", "10:00"),
            session("b", "09:00", "10:00"),
            [
                ("added", "b"),
                ("removed", "a"),
            ],
        ),
        (
            session("a", "09:00", "10:00", notes="x", attendees=["japan"]),
            session("a", "09:00", "10:00", notes="y", attendees=["china"]),
            [],
        ),
    ],
)
def test_each_kind_of_session_change(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(summary(changes(plan_text(old), plan_text(new)))) == sorted(expected)


def test_a_move_with_a_new_title_and_speakers_is_three_changes() -> None:
    old = session("a", "09:00", "10:00", speakers=["aoki"])
    new = session("a", "11:00", "12:00", speakers=["sato"]).replace('title = "a"', 'title = "b"')
    assert summary(changes(plan_text(old), plan_text(new))) == [
        ("moved", "a"),
        ("retitled", "a"),
        ("speakers", "a"),
    ]


def test_a_repeated_session_losing_a_day() -> None:
    old = session("breakfast", "07:00", "08:00").replace("day = 1", "day = [1, 2]")
    new = session("breakfast", "07:00", "08:00").replace("day = 1", "day = [1]")
    # day = [1] is one occurrence, written as plain "breakfast": matched to breakfast@1.
    assert summary(changes(plan_text(old), plan_text(new))) == [("removed", "breakfast@2")]


def test_people_added_removed_and_travel_changed() -> None:
    old = plan_text()
    new = (
        plan_text()
        .replace('[people.sato]\nname = "Sato"', '[people.suzuki]\nname = "Suzuki"')
        .replace(
            '[people.aoki]\nname = "Aoki"',
            '[people.aoki]\nname = "Aoki"\narrive = 2025-07-23T08:00:00',
        )
    )
    assert summary(changes(old, new)) == [
        ("arrival", "aoki"),
        ("person-removed", "sato"),
        ("person-added", "suzuki"),
    ]


def test_the_same_instant_written_in_another_zone_is_no_change() -> None:
    person = '[people.aoki]\nname = "Aoki"'
    old = plan_text().replace(person, person + "\ndepart = 2025-07-24T18:00:00")
    new = plan_text().replace(person, person + "\ndepart = 2025-07-24T19:00:00+09:00")
    assert changes(old, new).count == 0


def _example_edit() -> str:
    return (
        example_text()
        .replace(LECTURE, LECTURE_MOVED)
        .replace('speakers = ["hanaoka"]', 'speakers = ["hanaoka", "usui"]')
        .replace("arrive = 2025-07-23T16:30:00 ", "arrive = 2025-07-23T17:30:00 ")
    )


@pytest.mark.parametrize("lang", ["en", "ja", "zh", "ko"])
def test_the_report_matches_the_reviewed_golden_file(lang: str) -> None:
    diff = changes(example_text(), _example_edit())
    assert_golden(f"zhengzhou-{lang}.txt", render_text(diff, "old.toml", "new.toml", lang=lang))


def test_the_json_report() -> None:
    diff = changes(example_text(), _example_edit())
    document = json.loads(render_json(diff, "old.toml", "new.toml"))
    assert (document["old"], document["new"]) == ("old.toml", "new.toml")
    assert [(c["change"], c["session"]) for c in document["sessions"]] == [
        ("speakers", "keynote"),
        ("moved", "lecture"),
    ]
    moved = document["sessions"][1]
    assert (moved["old"]["start"], moved["new"]["start"]) == (
        "2025-07-24T11:05:00+08:00",
        "2025-07-24T11:10:00+08:00",
    )
    assert moved["delegations"] == ["japan", "china"]
    assert document["people"] == [
        {
            "change": "arrival",
            "person": "usui",
            "old": {"arrive": "2025-07-23T16:30:00+08:00", "depart": "2025-07-24T18:50:00+08:00"},
            "new": {"arrive": "2025-07-23T17:30:00+08:00", "depart": "2025-07-24T18:50:00+08:00"},
        }
    ]


def _shifted_example() -> str:
    """The closing runs 30 minutes late and the Japanese side's bus waits 15 more minutes."""
    text = example_text()
    closing = 'start = "15:45"\nend = "16:00"'
    bus = 'id = "bus-to-hotel-day2"'
    times = 'start = "16:30"\nend = "17:00"'
    assert text.count(closing) == 1
    head, found, tail = text.partition(bus)
    assert found
    assert tail.index(times) < tail.index("[[sessions]]")
    moved = head + found + tail.replace(times, 'start = "16:45"\nend = "17:15"', 1)
    return moved.replace(closing, 'start = "16:15"\nend = "16:30"')


def test_each_delegation_is_told_in_its_own_language() -> None:
    diff = changes(example_text(), _shifted_example())
    assert_golden("zhengzhou-per-delegation.txt", render_per_delegation(diff))


def test_one_delegation_in_the_language_asked_for() -> None:
    diff = changes(example_text(), _shifted_example())
    assert render_per_delegation(diff, lang="en", delegation="japan") == (
        "For Japanese side: 2\n"
        "  Closing remarks: now day 2 16:15–16:30 (was day 2 15:45–16:00)\n"
        "  Bus (venue → hotel): now leaves day 2 16:45 (was day 2 16:30)\n"
    )


def test_a_moved_room_is_named_and_additions_and_cancellations_are_told() -> None:
    old = session("a", "09:00", "10:00", room="hall", attendees=["japan"]) + session(
        "b", "11:00", "12:00", room="hall", attendees=["china"]
    )
    new = session("a", "09:30", "10:30", room="salon", attendees=["japan"]) + session(
        "c", "14:00", "15:00", room="hall", attendees=["china"]
    )
    diff = changes(plan_text(old), plan_text(new))
    assert render_per_delegation(diff, lang="en") == (
        "For Japan: 1\n"
        "  a: now day 1 09:30–10:30 Salon (was day 1 09:00–10:00 Hall)\n"
        "\n"
        "For China: 2\n"
        "  b: cancelled (was day 1 11:00–12:00 Hall)\n"
        "  c: new, day 1 14:00–15:00 Hall\n"
    )


def test_a_delegation_with_nothing_to_tell_is_told_so() -> None:
    diff = changes(example_text(), example_text())
    assert render_per_delegation(diff, lang="en", delegation="china") == (
        "For China side: 0\n  nothing to tell\n".replace("China side", "Chinese side")
    )
