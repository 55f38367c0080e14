"""The caterer's order sheet printed to PDF by headless Chromium, read back with pdftotext.

Needs Debian's chromium, fonts-noto-cjk and poppler-utils (.ci/run installs them); skipped
with the reason when they are absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from chromium import BROWSER, pdf_pages, print_pdf
from conftest import plan_text, session
from seminar_plan import load_text
from seminar_plan.load import load_plan
from seminar_plan.views.logistics import build_catering, catering_html
from seminar_plan.views.paper import Stamp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
STAMP = Stamp(
    "seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
)

pytestmark = BROWSER


def print_to_pdf(page: str, folder: Path) -> list[str]:
    """Print ``page`` with headless Chromium; the text of each page, white space removed."""
    return pdf_pages(print_pdf(page, folder, "order"))


def test_the_example_order_sheet_prints_counts_and_diets(tmp_path: Path) -> None:
    loaded = load_plan(EXAMPLE)
    assert loaded.plan is not None
    report = build_catering(loaded.plan, "seminar.toml", day=None, lang="ja")
    pages = print_to_pdf(catering_html(report, STAMP), tmp_path)
    text = "".join(pages)
    assert "食事発注書—第21回日中地域間交流推進セミナー" in pages[0]
    assert "seminar.toml·0123abcdef·作成2025-07-2009:05UTC+08:00" in pages[0]
    # The welcome dinner: 177 of 178 (one arrives after it starts), with its diets.
    assert "18:30-20:30歓迎夕食会" in text
    assert all(part in text for part in ("177", "halal:7", "no-pork:1", "vegetarian:5"))
    assert "1日目·2025年7月23日（水）" in text
    assert text.count("当日合計") == 4
    assert all(f"{n}/{len(pages)}ページ" in page for n, page in enumerate(pages, start=1))


def test_meal_rows_are_never_split_across_pages(tmp_path: Path) -> None:
    meals = "".join(
        session(
            f"meal-{n:02d}",
            f"{6 + n // 2:02d}:{(n % 2) * 30:02d}",
            f"{6 + n // 2:02d}:{(n % 2) * 30 + 29:02d}",
            kind="meal",
            attendees=["japan"],
            title=f"M{n:02d}begin {'a long meal name ' * 8}M{n:02d}end",
        ).replace(f'title = "meal-{n:02d}"\n', "")
        for n in range(30)
    )
    plan = load_text(plan_text(meals)).plan
    assert plan is not None
    report = build_catering(plan, "seminar.toml", day=None, lang="en")
    pages = print_to_pdf(catering_html(report, STAMP), tmp_path)
    assert len(pages) >= 2
    for number in range(30):
        begins = [i for i, page in enumerate(pages) if f"M{number:02d}begin" in page]
        ends = [i for i, page in enumerate(pages) if f"M{number:02d}end" in page]
        assert len(begins) == 1
        assert begins == ends, f"meal {number} is split across pages {begins} and {ends}"
    for page in pages:
        assert all(heading in page for heading in ("time", "meal", "count", "specialdiets"))
