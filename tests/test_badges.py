"""Name badges and place cards: who gets one, what is on it, mirrored backs, escaping."""

from __future__ import annotations

import re

from conftest import plan_text
from print_plans import HOSTILE, STAMP, example_plan, matches_golden
from seminar_plan import load_text
from seminar_plan.views.badges import (
    NO_DELEGATION,
    PALETTE,
    CardSheet,
    cards,
    name_size,
    render_badges_html,
    render_placecards_html,
)


def test_a_card_in_the_persons_language_first() -> None:
    plan = example_plan()
    usui, zhengzhou = cards(plan, ["usui", "zhengzhou-official"])
    assert [n.text for n in usui.names] == ["臼井", "USUI"]
    assert usui.delegation is not None
    assert usui.delegation.text == "日本側"
    assert usui.colour == PALETTE[0]
    # A Chinese guest: the Chinese name first, then the Japanese and English ones.
    assert [n.lang for n in zhengzhou.names] == ["zh", "ja", "en"]
    assert zhengzhou.colour == PALETTE[1]


def test_no_delegation_is_grey() -> None:
    plan = load_text(plan_text('[people.x]\nname = "X"\n')).plan
    assert plan is not None
    assert cards(plan, ["x"])[0].colour == NO_DELEGATION


def people_in(page: str) -> list[str]:
    return re.findall(r'data-person="([^"]+)"', page)


def cells_in(page: str) -> list[str]:
    """One entry a badge slot: "" for a badge, " empty" for an empty slot."""
    return re.findall(r'class="badge( empty)?"', page)


def test_backs_mirror_each_row_of_fronts() -> None:
    plan = example_plan()
    people = [p.id for p in plan.people][:3]
    page = render_badges_html(CardSheet("ja", cards(plan, people), STAMP))
    fronts, backs = page.split('<section class="sheet back">')
    # Row 1 holds people 1 and 2, row 2 person 3 and an empty slot; backs swap each row.
    assert people_in(fronts) == people
    assert people_in(backs) == [people[1], people[0], people[2]]
    assert cells_in(fronts) == ["", "", "", *[" empty"] * 5]
    assert cells_in(backs) == ["", "", " empty", "", *[" empty"] * 4]


def test_escaping_and_nobody() -> None:
    plan = load_text(plan_text(f'[people.x]\nname = "{HOSTILE}"\n')).plan
    assert plan is not None
    sheet = CardSheet("en", cards(plan, ["x"]), STAMP)
    for page in (render_badges_html(sheet), render_placecards_html(sheet)):
        assert HOSTILE not in page
        assert "&lt;script&gt;" in page
    empty = CardSheet("en", (), STAMP)
    assert "Nobody to print" in render_badges_html(empty)
    assert "Nobody to print" in render_placecards_html(empty)


def test_long_names_get_smaller_type() -> None:
    assert name_size("安田") == 72.0
    assert name_size("Zhengzhou city representative (illustrative)") < 30


def test_golden_pages_of_the_example() -> None:
    plan = example_plan()
    vips = ["usui", "yasuda", "shimizu", "hanaoka", "nishimura", "zhengzhou-official"]
    sheet = CardSheet("ja", cards(plan, vips), STAMP)
    assert matches_golden(render_badges_html(sheet), "badges-vips-ja.html")
    assert matches_golden(render_placecards_html(sheet), "placecards-vips-ja.html")
