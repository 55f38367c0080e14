"""Plans the export and authoring tests share: the example, inline plans, an awkward one."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from conftest import plan_text, session
from seminar_plan import load_plan, load_text
from seminar_plan.model import Plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
GOLDEN = ROOT / "tests" / "golden"
# CI clones the repository beside a copy of shared/, which holds the published schemas.
SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas"

# Short ids, a repeated session, an off-site item, one with no place, markup, quotes,
# backslashes and a control character in the text, and a title with no Latin letters (the
# conference acronym falls back).
AWKWARD = plan_text(
    session("a", "09:00", "10:00", room="hall")
    + session("b_", "09:00", "09:45", venue="hotel")
    + session("nowhere", "10:00", "10:30")
    + session("daily", "07:00", "07:30", room="salon").replace("day = 1", "day = [1, 2]")
    + tomli_w.dumps({"notes": 'a < b & c > d "quoted" \\ \u0001 end'})
).replace('title = { ja = "試験", zh = "测试", en = "Test" }', 'title = "日中交流セミナー"')


def example() -> Plan:
    """The Zhengzhou example plan (four days, ja / zh / en)."""
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    return plan


def parsed(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan
