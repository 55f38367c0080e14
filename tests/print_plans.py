"""The example plan and a fixed stamp for the printed products' tests."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from seminar_plan.load import load_plan
from seminar_plan.model import Plan
from seminar_plan.views.paper import Stamp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
GOLDEN = ROOT / "tests" / "golden" / "print"
STAMP = Stamp(
    "seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
)
HOSTILE = "<script>alert(1)</script>"


def example_plan() -> Plan:
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    return plan


def matches_golden(rendered: str, name: str) -> bool:
    """``rendered`` equals the reviewed golden file (rewritten when UPDATE_GOLDEN is set)."""
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    return rendered == golden.read_text(encoding="utf-8")
