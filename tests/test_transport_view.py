"""The transport manifests: reviewed golden text, Markdown, CSV and HTML; the contract's JSON.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import transport_plan
from seminar_plan import load_text
from seminar_plan.model import Plan
from seminar_plan.views.paper import Stamp
from seminar_plan.views.transport import (
    Filters,
    Manifest,
    build,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    render_text,
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "transport"
STAMP = Stamp(
    "seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
)


def assert_golden(name: str, rendered: str) -> None:
    # Bytes as they are: the CSV's line ends are CRLF.
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(rendered.encode("utf-8"))
    assert rendered == golden.read_bytes().decode("utf-8")


def plan() -> Plan:
    loaded = load_text(transport_plan())
    assert loaded.plan is not None
    return loaded.plan


def manifest(lang: str = "en", *, contacts: bool = False, **filters: object) -> Manifest:
    return build(
        plan(),
        "seminar.toml",
        lang=lang,
        stamp=STAMP,
        filters=Filters(**filters),  # type: ignore[arg-type]
        contacts=contacts,
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_text_matches_the_reviewed_golden_file(lang: str) -> None:
    assert_golden(f"all-{lang}.txt", render_text(manifest(lang)))


def test_markdown_matches_the_reviewed_golden_file() -> None:
    assert_golden("all-en.md", render_markdown(manifest("en")))


def test_csv_matches_the_reviewed_golden_file() -> None:
    assert_golden("all-en.csv", render_csv(manifest("en")))


def test_html_matches_the_reviewed_golden_file() -> None:
    assert_golden("day1-zh-contacts.html", render_html(manifest("zh", contacts=True, day=1)))


def test_json_is_the_contracts_shape() -> None:
    document = json.loads(render_json(manifest()))
    assert document == {
        "plan": "seminar.toml",
        "transfers": [
            {
                "id": "pickup",
                "date": "2025-07-23",
                "start": "12:30",
                "end": "13:30",
                "from": "airport",
                "to": "hotel",
                "vehicles": ["coach1"],
                "seats": 45,
                "count": 5,
                "people": ["aoki", "chen", "sato"],
                "delegations": ["japan"],
                "groups": [],
            },
            {
                "id": "to-center",
                "date": "2025-07-23",
                "start": "14:00",
                "end": "14:30",
                "from": "hotel",
                "to": "center",
                "vehicles": ["car", "coach1"],
                "seats": 48,
                "count": 6,
                "people": ["aoki", "chen", "sato"],
                "delegations": ["japan"],
                "groups": [],
            },
            {
                "id": "seeoff",
                "date": "2025-07-24",
                "start": "12:00",
                "end": "13:00",
                "from": "hotel",
                "to": "airport",
                "vehicles": ["coach2"],
                "seats": 45,
                "count": 5,
                "people": ["aoki", "sato"],
                "delegations": ["japan"],
                "groups": [],
            },
        ],
        "flights": [
            {
                "id": "nh-in",
                "number": "NH-IN",
                "direction": "arrival",
                "airport": "airport",
                "departs": "2025-07-23T09:10:00+09:00",
                "arrives": "2025-07-23T11:40:00+08:00",
                "count": 5,
                "people": ["aoki", "sato"],
                "delegations": ["japan"],
                "groups": [],
                "transfers": ["pickup"],
            },
            {
                "id": "nh-out",
                "number": "NH-OUT",
                "direction": "departure",
                "airport": "airport",
                "departs": "2025-07-24T16:00:00+08:00",
                "arrives": "2025-07-24T20:30:00+09:00",
                "count": 5,
                "people": ["aoki", "sato"],
                "delegations": ["japan"],
                "groups": [],
                "transfers": ["seeoff"],
            },
        ],
    }


def test_a_flight_keeps_itself_and_the_transfers_that_meet_it() -> None:
    document = json.loads(render_json(manifest(flight="nh-in")))
    assert [t["id"] for t in document["transfers"]] == ["pickup"]
    assert [f["id"] for f in document["flights"]] == ["nh-in"]


def test_a_drivers_day() -> None:
    chosen = manifest(vehicle="coach1", day=1)
    assert [t.id for t in chosen.transfers] == ["pickup", "to-center"]
    assert [f.id for f in chosen.flights] == ["nh-in"]
    assert chosen.subject is not None
    assert chosen.subject.text == "Coach 1, driver Wang"
    assert manifest(vehicle="coach1", day=2).transfers == ()


def test_contacts_only_when_asked_for() -> None:
    assert "+86-138-0000-0001" not in render_text(manifest())
    assert "+86-0" not in render_text(manifest())
    shown = render_text(manifest(contacts=True))
    assert "+86-138-0000-0001" in shown
    assert "+86-0" in shown


def test_plan_text_is_escaped_in_html_and_neutralised_in_csv() -> None:
    hostile = transport_plan().replace('notes = "Sign: JAPAN"', 'notes = "<script>x</script>"')
    hostile = hostile.replace('name = "Coach 1"', 'name = "=HYPERLINK(1)"')
    loaded = load_text(hostile)
    assert loaded.plan is not None
    made = build(loaded.plan, "p", lang="en", stamp=STAMP)
    page = render_html(made)
    assert "<script>x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert ",'=HYPERLINK(1)," in render_csv(made).replace('"', "")
