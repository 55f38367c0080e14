"""The printed products printed by headless Chromium and read back with pdftotext: page counts,
CJK text as text, and line breaking (no line starts with a closing mark, no Latin word split)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chromium import BROWSER, pdf_pages, print_pdf
from print_plans import STAMP, example_plan
from seminar_plan.views.badges import CardSheet, cards, render_badges_html, render_placecards_html
from seminar_plan.views.programme import build, render_html
from seminar_plan.views.seating import build as build_seating
from seminar_plan.views.seating import render_html as render_seating

pytestmark = BROWSER

# Japanese and Chinese line breaking (kinsoku): none of these may begin a line.
NO_LINE_START = "、。，．）」』】〕〉》”’：；？！"


def test_the_booklet_in_japanese_and_chinese(tmp_path: Path) -> None:
    pdf = print_pdf(render_html(build(example_plan(), ("ja", "zh"), STAMP)), tmp_path)
    pages = pdf_pages(pdf)
    # The cover, then four days, each on its own page or pages.
    assert 5 <= len(pages) <= 8
    assert "第21回日中地域間交流推進セミナー" in pages[0]
    assert "第21届中日地区间交流促进研讨会" in pages[0]
    text = "".join(pages)
    for words in ("開会あいさつ", "开幕致辞", "基調講演：東御市の魅力とDXの取組", "臼井公使"):
        assert words in text
    for number, page in enumerate(pages, start=1):
        assert f"{number}/{len(pages)}ページ" in page
    lines = [line.strip() for page in pdf_pages(pdf, keep_lines=True) for line in page.splitlines()]
    assert [line for line in lines if line and line[0] in NO_LINE_START] == []


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_latin_words_are_never_split(tmp_path: Path, paper: str) -> None:
    plan = example_plan()
    pdf = print_pdf(render_html(build(plan, ("en", "ja"), STAMP, paper)), tmp_path)
    text = "\n".join(pdf_pages(pdf, keep_lines=True))
    words = {
        word
        for session in plan.sessions
        if session.public
        for word in re.findall(r"[A-Za-z]{7,}", session.title.get(("en",)))
    }
    assert len(words) > 10
    assert sorted(word for word in words if word not in text) == []


def test_a_sheet_of_badges_and_its_backs(tmp_path: Path) -> None:
    plan = example_plan()
    people = [p.id for p in plan.people][:9]
    pages = pdf_pages(
        print_pdf(render_badges_html(CardSheet("ja", cards(plan, people), STAMP)), tmp_path)
    )
    # Nine badges: a full sheet (front, back) and a second sheet with one (front, back).
    assert len(pages) == 4
    assert "表面" in pages[0]
    assert "裏面" in pages[1]
    for page in pages[:2]:
        assert "臼井" in page
        assert "日本側" in page


def test_place_cards_one_sheet_each(tmp_path: Path) -> None:
    plan = example_plan()
    sheet = CardSheet("ja", cards(plan, ["usui", "zhengzhou-official"]), STAMP)
    pages = pdf_pages(print_pdf(render_placecards_html(sheet), tmp_path))
    assert len(pages) == 2
    # Both faces: the upper one is upside down, so its text reads back to front.
    assert "臼井" in pages[0]
    assert "井臼" in pages[0]
    assert "郑州市代表" in pages[1]


def test_the_opening_head_table(tmp_path: Path) -> None:
    plan = example_plan()
    opening = next(s for s in plan.sessions if s.id == "opening")
    page = render_seating(build_seating(plan, opening, ("ja", "zh"), STAMP))
    pages = pdf_pages(print_pdf(page, tmp_path))
    assert len(pages) == 1
    assert re.search("席1.*安田.*席2.*臼井.*席3.*清水勇人", pages[0])
