"""The foyer board opened in headless Chromium at two fake times (?at=...): the page's script
picks now and next from the embedded schedule as the terminal command does.

Needs Debian's chromium and fonts-noto-cjk (.ci/run installs them); skipped when absent. The
screenshots are kept in the test's temporary folder for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chromium import BROWSER, run_chromium
from export_plans import example
from seminar_plan.views.board import render_board

pytestmark = BROWSER


def chromium(folder: Path, url: str, *options: str) -> str:
    """The board at a foyer screen's size."""
    return run_chromium(folder, url, "--window-size=1600,900", *options)


def cards(dom: str) -> dict[str, str]:
    """Place id -> the text of its card, tags removed."""
    found = {}
    for match in re.finditer(r'<section data-place="([^"]+)">(.*?)</section>', dom, re.DOTALL):
        found[match.group(1)] = re.sub(r"<[^>]+>", "|", match.group(2))
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("board")
    path = folder / "board.html"
    path.write_text(render_board(example()), encoding="utf-8")
    return path


def test_the_keynote_at_five_past_ten(page: Path) -> None:
    dom = chromium(page.parent, page.as_uri() + "?at=2025-07-24T10:05", "--dump-dom")
    assert '<div id="clock">10:05</div>' in dom
    shown = cards(dom)
    assert list(shown) == ["main-hall", "foyer", "banquet-hall", "conference-hotel"]
    hall = shown["main-hall"]
    assert "基調講演：東御市の魅力とDXの取組" in hall
    assert "主旨演讲：东御市的魅力与数字化转型" in hall
    assert "10:00–10:50 · 残り45分 · 还剩45分钟" in hall
    assert "11:05–11:55 · 60分後 · 60分钟后开始" in hall
    assert "ただいまの予定はありません · 目前没有安排" in shown["foyer"]
    chromium(
        page.parent,
        page.as_uri() + "?at=2025-07-24T10:05",
        "--screenshot=" + str(page.parent / "at-1005.png"),
    )
    assert (page.parent / "at-1005.png").stat().st_size > 10_000


def test_the_site_visit_at_twenty_past_four_given_in_tokyo_time(page: Path) -> None:
    # 17:20 in Tokyo is 16:20 in Zhengzhou: an offset is honoured.
    dom = chromium(page.parent, page.as_uri() + "?at=2025-07-25T17:20%2B09:00", "--dump-dom")
    assert '<div id="clock">16:20</div>' in dom
    shown = cards(dom)
    assert list(shown) == ["smart-city-centre"]
    assert "14:30–16:30 · 残り10分 · 还剩10分钟" in shown["smart-city-centre"]
    assert "バス移動（視察先→ホテル）" in shown["smart-city-centre"]


def test_after_the_last_session_the_page_says_so(page: Path) -> None:
    dom = chromium(page.parent, page.as_uri() + "?at=2025-07-26T12:00", "--dump-dom")
    assert cards(dom) == {}
    assert "本日の予定は以上です · 今日日程已全部结束" in dom
