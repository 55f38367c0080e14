"""The interpreters' roster: rows by person and day, and its Markdown, CSV and JSON."""

from __future__ import annotations

import json

from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.views import interpreters

TEXT = plan_text(
    """
    [people.li]
    name = "=Li | *bold*"
    languages = ["zh", "ja"]
    """
    + session("a", "09:00", "10:00", room="hall", speakers=["aoki"], interpreters=["li"],
              interpretation="simultaneous")
    + session("b", "09:30", "11:00", speakers=["sato", "chen"], interpreters=["li"],
              interpretation="consecutive")
    + session("c", "09:00", "09:30", day=2, room="salon", speakers=["chen"],
              interpreters=["li"], interpretation="consecutive")
)  # fmt: skip


def roster() -> interpreters.InterpreterRoster:
    plan = load_text(TEXT).plan
    assert plan is not None
    return interpreters.build(plan, "p.toml", lang="en")


def test_rows_by_person_and_day_with_merged_time_and_pairs() -> None:
    (row,) = roster().rows
    assert (row.id, row.languages, row.pairs, row.sessions) == ("li", ("zh", "ja"), ("ja-zh",), 3)
    assert [(d.number, d.minutes, [s.id for s in d.sessions]) for d in row.days] == [
        (1, 120, ["a", "b"]),
        (2, 30, ["c"]),
    ]
    assert [s.place for s in row.days[0].sessions] == ["Hall", ""]


def test_csv_is_the_shared_writer_and_guards_formulas() -> None:
    assert interpreters.csv_text(roster()) == (
        "id,name,languages,day,date,sessions,minutes,pairs\r\n"
        "li,'=Li | *bold*,zh ja,1,2025-07-23,a b,120,ja-zh\r\n"
        "li,'=Li | *bold*,zh ja,2,2025-07-24,c,30,\r\n"
    )


def test_markdown_escapes_plan_text() -> None:
    page = interpreters.markdown(roster())
    assert "| =Li \\| \\*bold\\* | zh, ja | Day 1 2025-07-23 |" in page
    assert "09:00-10:00 a (Hall)<br>09:30-11:00 b | 2h | ja-zh |" in page


def test_json() -> None:
    document = json.loads(interpreters.json_text(roster()))
    (person,) = document["interpreters"]
    assert [day["minutes"] for day in person["days"]] == [120, 30]
    assert person["days"][1]["sessions"] == [
        {
            "id": "c",
            "start": "09:00",
            "end": "09:30",
            "title": "c",
            "room": "salon",
            "interpretation": "consecutive",
            "languages": ["zh"],
        }
    ]
    assert person["days"][1]["pairs"] == []
