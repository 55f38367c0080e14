"""Rows -> Markdown, JSON and CSV: reviewed golden Markdown, the JSON shape, the roster files.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from conftest import plan_text, session
from seminar_plan import check, load_plan, load_text
from seminar_plan.model import Plan
from seminar_plan.views.agenda_formats import (
    ROSTER_COLUMNS,
    agenda_json,
    agenda_markdown,
    roster_csv,
    roster_json,
)
from seminar_plan.views.roster import build_roster
from seminar_plan.views.rows import Filters, build_agenda

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "agenda"
EXAMPLE = Path("examples/zhengzhou-2025/seminar.toml")
CONFLICTS = Path("examples/conflicts/seminar.toml")
TOKYO = ("Asia/Tokyo", ZoneInfo("Asia/Tokyo"))

SPEC_KEYS = [
    "id",
    "day",
    "date",
    "start",
    "end",
    "title",
    "kind",
    "track",
    "room",
    "speakers",
    "moderators",
    "interpretation",
]

SMALL = plan_text(
    """
    [people.kato]
    name = { ja = "加藤", en = "KATO" }
    delegation = "japan"
    arrive = 2025-07-23T08:00:00
    depart = 2025-07-24T20:00:00+09:00
    notes = "Flight NH1 | seat 1A"
    contact = { phone = "+81-0-0000", email = "kato@example.invalid" }
    """
    + session(
        "plenary",
        "09:00",
        "10:00",
        room="hall",
        track="main",
        speakers=["kato"],
        moderators=["aoki"],
        interpretation="simultaneous",
    )
    + session("late", "23:00", "24:00", day=2, owner="kato")
    + session("coffee", "09:00", "09:30", room="salon")
)


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def small_plan() -> Plan:
    plan = load_text(SMALL).plan
    assert plan is not None
    return plan


def items(
    plan: Plan, filters: Filters | None = None, second_zone: tuple[str, ZoneInfo] | None = None
) -> list[dict[str, Any]]:
    agenda = build_agenda(plan, "seminar.toml", [], filters=filters, second_zone=second_zone)
    result: list[dict[str, Any]] = json.loads(agenda_json(agenda))["items"]
    return result


@pytest.mark.parametrize(
    ("name", "path", "lang", "filters", "second"),
    [
        ("zhengzhou-day2-en-tokyo.md", EXAMPLE, "en", Filters(day=2), TOKYO),
        ("zhengzhou-day3-zh.md", EXAMPLE, "zh", Filters(day=3), None),
        ("conflicts-en.md", CONFLICTS, None, None, None),
    ],
)
def test_markdown_matches_the_reviewed_golden_file(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    path: Path,
    lang: str | None,
    filters: Filters | None,
    second: tuple[str, ZoneInfo] | None,
) -> None:
    monkeypatch.chdir(ROOT)
    loaded = load_plan(path)
    assert loaded.plan is not None
    agenda = build_agenda(
        loaded.plan, loaded.path, check(loaded), lang=lang, filters=filters, second_zone=second
    )
    assert_golden(name, agenda_markdown(agenda))


class TestMarkdown:
    def test_cells_escape_pipes_and_break_lines(self) -> None:
        agenda = build_agenda(small_plan(), "p", [], lang="en", filters=Filters(person="kato"))
        text = agenda_markdown(agenda)
        assert "| 08:00 | Arrival<br>Flight NH1 \\| seat 1A | arrival |  | " in text
        assert "**Itinerary: KATO**" in text


class TestJson:
    def test_document_and_item_shape(self) -> None:
        document = json.loads(agenda_json(build_agenda(small_plan(), "seminar.toml", [])))
        assert list(document) == ["plan", "timezone", "summary", "items", "unattached_errors"]
        assert document["plan"] == "seminar.toml"
        assert document["timezone"] == "Asia/Shanghai"
        first = document["items"][0]
        assert list(first)[: len(SPEC_KEYS)] == SPEC_KEYS
        assert {key: first[key] for key in SPEC_KEYS} == {
            "id": "plenary",
            "day": 1,
            "date": "2025-07-23",
            "start": "09:00",
            "end": "10:00",
            "title": "plenary",
            "kind": "other",
            "track": "main",
            "room": "hall",
            "speakers": ["kato"],
            "moderators": ["aoki"],
            "interpretation": "simultaneous",
        }
        assert first["speaker_names"] == ["加藤"]
        assert "role" not in first
        assert "start_tz" not in first

    def test_items_sorted_by_date_start_room(self) -> None:
        found = [(i["date"], i["start"], i["room"]) for i in items(small_plan())]
        assert found == [
            ("2025-07-23", "09:00", "hall"),
            ("2025-07-23", "09:00", "salon"),
            ("2025-07-24", "23:00", None),
        ]

    def test_midnight_end_and_second_zone(self) -> None:
        late = items(small_plan(), second_zone=TOKYO)[-1]
        assert (late["start"], late["end"]) == ("23:00", "24:00")
        assert (late["start_tz"], late["end_tz"]) == ("00:00", "01:00")

    def test_itinerary_items_have_roles_and_stays(self) -> None:
        found = items(small_plan(), filters=Filters(person="kato"))
        assert [(i["id"], i["kind"], i["role"], i["start"]) for i in found] == [
            ("arrival", "arrival", None, "08:00"),
            ("plenary", "other", "speaker", "09:00"),
            ("departure", "departure", None, "19:00"),
            ("late", "other", "owner", "23:00"),
        ]
        assert found[0]["note"] == "Flight NH1 | seat 1A"

    def test_error_findings_travel_with_their_items(self) -> None:
        overlap = session("a", "10:00", "11:00", room="hall")
        text = plan_text(overlap + session("b", "10:30", "11:30", room="hall"))
        loaded = load_text(text)
        assert loaded.plan is not None
        document = json.loads(agenda_json(build_agenda(loaded.plan, "p", check(loaded))))
        assert document["summary"] == {"error": 1, "warning": 0}
        assert [i["errors"][0]["code"] for i in document["items"]] == ["room-overlap"] * 2


class TestRoster:
    def test_json_without_and_with_contacts(self) -> None:
        roster = build_roster(small_plan(), "seminar.toml", lang="en")
        people = json.loads(roster_json(roster))["people"]
        kato = next(p for p in people if p["id"] == "kato")
        assert kato == {
            "id": "kato",
            "name": "KATO",
            "title": "",
            "organization": "",
            "delegation": "japan",
            "delegation_name": "Japan",
            "arrive": "2025-07-23T08:00+08:00",
            "depart": "2025-07-24T19:00+08:00",
            "sessions": 2,
            "roles": ["speaker", "owner"],
        }
        private = build_roster(small_plan(), "seminar.toml", contacts=True)
        people = json.loads(roster_json(private, contacts=True))["people"]
        assert [p["contact"] for p in people if p["id"] == "aoki"] == [{}]
        kato = next(p for p in people if p["id"] == "kato")
        assert kato["contact"] == {"phone": "+81-0-0000", "email": "kato@example.invalid"}

    def test_csv_rows_and_quoting(self) -> None:
        roster = build_roster(small_plan(), "seminar.toml", lang="en")
        text = roster_csv(roster)
        assert "example.invalid" not in text
        table = list(csv.reader(io.StringIO(text)))
        assert tuple(table[0]) == ROSTER_COLUMNS
        assert table[1] == [
            "aoki",
            "Aoki",
            "",
            "",
            "Japan",
            "",
            "",
            "1",
            "moderator",
        ]
        kato = next(row for row in table if row[0] == "kato")
        assert kato[5:9] == ["2025-07-23 08:00", "2025-07-24 19:00", "2", "speaker owner"]

    def test_csv_neutralises_formulas(self) -> None:
        text = SMALL.replace('name = { ja = "加藤", en = "KATO" }', 'name = "=HYPERLINK(1)"')
        plan = load_text(text).plan
        assert plan is not None
        table = list(csv.reader(io.StringIO(roster_csv(build_roster(plan, "p")))))
        assert next(row for row in table if row[0] == "kato")[1] == "'=HYPERLINK(1)"

    def test_csv_contacts_column_only_when_asked(self) -> None:
        roster = build_roster(small_plan(), "seminar.toml", contacts=True)
        table = list(csv.reader(io.StringIO(roster_csv(roster, contacts=True))))
        assert table[0][-1] == "contact"
        kato = next(row for row in table if row[0] == "kato")
        assert kato[-1] == "phone: +81-0-0000; email: kato@example.invalid"


def test_markdown_escapes_plan_text_but_keeps_its_own_markers() -> None:
    text = plan_text(
        session("evil", "09:00", "10:00", room="hall")
        + session("clash", "09:30", "10:30", room="hall")
    ).replace('title = "evil"', 'title = "<script>alert(1)</script> | *bold*"')
    loaded = load_text(text)
    assert loaded.plan is not None
    page = agenda_markdown(build_agenda(loaded.plan, "seminar.toml", check(loaded)))
    row = next(line for line in page.splitlines() if line.startswith("| 09:00"))
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*bold\\*" in row
    assert "<script>" not in page
    assert "[^e1]" in page


def test_errors_no_session_shows_are_listed_after_the_days() -> None:
    text = plan_text(session("ok", "09:00", "10:00") + session("backwards", "10:00", "09:00"))
    loaded = load_text(text)
    assert loaded.plan is not None
    agenda = build_agenda(loaded.plan, "seminar.toml", check(loaded), lang="en")
    document = json.loads(agenda_json(agenda))
    assert [item["id"] for item in document["items"]] == ["ok"]
    (error,) = document["unattached_errors"]
    assert (error["code"], error["subjects"], error["message"]) == (
        "bad-time",
        ["backwards"],
        "session 'backwards' ends before or when it starts",
    )
    assert "- bad-time seminar.toml:" in agenda_markdown(agenda)


def test_markdown_footnotes_speak_the_agenda_s_language_and_json_stays_english() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall")
        + session("b", "09:30", "10:30", room="hall")
        + session("backwards", "12:00", "11:00")
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    findings = check(loaded)
    agenda = build_agenda(loaded.plan, "seminar.toml", findings, lang="zh")
    page = agenda_markdown(agenda)
    overlap = next(f for f in findings if f.code == "room-overlap")
    footnote = next(line for line in page.splitlines() if line.startswith("[^e1]: "))
    assert footnote.endswith(overlap.message_in("zh"))
    assert "与 'a'（2025-07-23 09:00-10:00" in footnote
    unattached = next(line for line in page.splitlines() if line.startswith("- bad-time "))
    assert unattached.endswith(next(f for f in findings if f.code == "bad-time").message_in("zh"))
    document = json.loads(agenda_json(agenda))
    assert (
        document["unattached_errors"][0]["message"]
        == "session 'backwards' ends before or when it starts"
    )
