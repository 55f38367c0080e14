"""The starter plan: shipped as package data, commented, and clean under every check."""

from __future__ import annotations

from pathlib import Path

from seminar_plan import check, load_text
from seminar_plan.authoring.init import PLAN_NAME, next_commands, starter_plan


def test_the_starter_plan_has_no_findings_at_all() -> None:
    loaded = load_text(starter_plan(), PLAN_NAME)
    assert loaded.plan is not None
    assert check(loaded) == []


def test_the_starter_plan_has_what_the_issue_promises() -> None:
    loaded = load_text(starter_plan(), PLAN_NAME)
    plan = loaded.plan
    assert plan is not None
    assert len(plan.delegations) == 2
    assert len(plan.venues) == 1
    assert len(plan.rooms) >= 2
    assert len(plan.people) >= 3
    assert len(plan.sessions) >= 3


def test_the_starter_plan_explains_itself() -> None:
    text = starter_plan()
    schema_line, first, *_ = text.splitlines()
    assert schema_line == "#:schema ./seminar-plan.schema.json"
    assert first == "# seminar.toml: a starter plan written by `seminar-plan init`."
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert len(comments) >= 20


def test_next_commands_in_the_current_folder() -> None:
    assert next_commands(Path()) == (
        "seminar-plan check",
        "seminar-plan agenda",
        "seminar-plan export --format ics -o seminar.ics",
    )


def test_next_commands_name_another_folder() -> None:
    assert next_commands(Path("my seminar")) == (
        "seminar-plan check 'my seminar/seminar.toml'",
        "seminar-plan agenda 'my seminar/seminar.toml'",
        "seminar-plan export 'my seminar/seminar.toml' --format ics -o 'my seminar/seminar.ics'",
    )
