"""The JSON export: the whole resolved plan, as documented in docs/export-json.md."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from conftest import plan_text, session
from export_plans import ROOT, example, parsed
from seminar_plan.exports import plan_json, session_uuid
from seminar_plan.model import Plan

DOCS = ROOT / "docs" / "export-json.md"


def exported(plan: Plan, day: int | None = None, person: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(plan_json.render(plan, day=day, person=person))
    return document


def test_every_session_occurrence_with_absolute_aware_times() -> None:
    plan = example()
    document = exported(plan)
    assert (document["format"], document["version"]) == ("seminar-plan.plan", 1)
    by_id = {s.id: s for s in plan.sessions}
    assert sorted(item["id"] for item in document["sessions"]) == sorted(by_id)
    for item in document["sessions"]:
        start = dt.datetime.fromisoformat(item["start"])
        end = dt.datetime.fromisoformat(item["end"])
        assert start.tzinfo is not None
        assert end.tzinfo is not None
        assert start == by_id[item["id"]].start
        assert end == by_id[item["id"]].end
        assert item["uid"] == str(session_uuid(plan, by_id[item["id"]]))


def test_repeated_sessions_are_separate_occurrences() -> None:
    document = exported(example())
    breakfasts = [s for s in document["sessions"] if s["base_id"] == "breakfast"]
    assert [(s["id"], s["day"]) for s in breakfasts] == [
        ("breakfast@2", 2),
        ("breakfast@3", 3),
        ("breakfast@4", 4),
    ]


def test_computed_values_are_written_out() -> None:
    document = exported(example())
    opening = next(s for s in document["sessions"] if s["id"] == "opening")
    assert opening["venue"] == "conference-hotel"
    assert opening["attendance"] == 178
    assert opening["languages"] == ["ja", "zh"]
    assert opening["committed"]["mc"] == ["owner"]
    assert opening["cues"][0] == {
        "at": "2025-07-24T09:30:00+08:00",
        "what": {"ja": "司会、開会を宣言", "zh": "主持人宣布开幕", "en": "MC opens the seminar"},
        "who": "mc",
        "notes": None,
    }
    visit = next(s for s in document["sessions"] if s["id"] == "site-visit")
    assert (visit["room"], visit["venue"]) == (None, "smart-city-centre")


def test_arrivals_are_in_the_event_zone() -> None:
    document = exported(example())
    yasuda = next(p for p in document["people"] if p["id"] == "yasuda")
    assert yasuda["arrive"] == "2025-07-23T14:40:00+08:00"
    assert yasuda["language"] == "ja"


def test_plain_text_is_undetermined_and_rooms_close_at_24_00() -> None:
    document = exported(parsed(plan_text(session("talk", "09:00", "10:00", room="hall"))))
    assert document["venues"][0]["name"] == {"und": "Hotel"}
    hall = next(r for r in document["rooms"] if r["id"] == "hall")
    assert (hall["open"], hall["close"]) == ("00:00", "24:00")
    assert document["event"]["title"] == {"ja": "試験", "zh": "测试", "en": "Test"}


def test_contact_details_are_never_exported() -> None:
    text = plan_json.render(example())
    assert "contact" not in text
    assert "protocol@example.invalid" not in text
    assert "+86-10-0000-0001" not in text


def test_selection_narrows_sessions_only() -> None:
    plan = example()
    document = exported(plan, day=3, person="director")
    assert document["selection"] == {"day": 3, "person": "director"}
    assert [s["id"] for s in document["sessions"]] == ["liaison-conference"]
    assert len(document["people"]) == len(plan.people)
    assert len(document["days"]) == 4


def _documented_keys() -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", DOCS.read_text(encoding="utf-8")))


def test_every_key_written_is_documented() -> None:
    documented = _documented_keys()
    document = exported(example())
    written = set(document) | set(document["event"]) | set(document["days"][0])
    for table in ("delegations", "venues", "travel", "rooms", "people", "groups", "sessions"):
        written |= set(document[table][0])
    opening = next(s for s in document["sessions"] if s["id"] == "opening")
    written |= set(opening["cues"][0])
    assert written - documented == set()
