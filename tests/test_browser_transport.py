"""The transport manifest's HTML printed to PDF by headless Chromium, read back with pdftotext.

Needs Debian's chromium, fonts-noto-cjk and poppler-utils (.ci/run installs them); skipped
with the reason when they are absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import transport_plan
from seminar_plan import load_text
from seminar_plan.views.paper import Stamp
from seminar_plan.views.transport import Filters, build, render_html
from test_browser_runsheet import print_to_pdf
from test_browser_runsheet import pytestmark as browser_marks

pytestmark = browser_marks
STAMP = Stamp(
    "seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
)


def page_text(lang: str, tmp_path: Path, **filters: object) -> list[str]:
    plan = load_text(transport_plan()).plan
    assert plan is not None
    manifest = build(
        plan,
        "seminar.toml",
        lang=lang,
        stamp=STAMP,
        filters=Filters(**filters),  # type: ignore[arg-type]
        contacts=True,
    )
    return print_to_pdf(render_html(manifest), tmp_path)


def test_each_day_on_its_own_page_with_heading_stamp_and_page_numbers(tmp_path: Path) -> None:
    pages = page_text("ja", tmp_path)
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert "輸送—試験" in page
        assert "seminar.toml·0123abcdef·作成2025-07-2009:05UTC+08:00" in page
        assert f"{number}/2ページ" in page
    assert "1日目·2025年7月23日（水）·フライト" in pages[0]
    assert "1日目·2025年7月23日（水）·送迎" in pages[0]
    assert "NH-IN" in pages[0]
    assert "Airport着11:40(UTC+08:00)" in pages[0]
    assert "成田発09:10(UTC+09:00)" in pages[0]
    assert "phone:+86-138" in pages[0]
    assert "2日目·2025年7月24日（木）" in pages[1]
    assert "NH-OUT" in pages[1]


def test_a_drivers_day_in_chinese(tmp_path: Path) -> None:
    (page,) = page_text("zh", tmp_path, vehicle="coach1")
    assert "交通—测试—Coach1（司机Wang）" in page
    assert "第1页，共1页" in page
    assert "seeoff" not in page
