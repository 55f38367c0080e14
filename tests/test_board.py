"""The foyer board page: what it embeds, in which languages, and that plan text stays text."""

from __future__ import annotations

import json
import re

from conftest import plan_text, session
from export_plans import example, parsed
from seminar_plan.views.board import board_languages, render_board, schedule


def embedded(page: str) -> dict[str, object]:
    match = re.search(
        r'<script type="application/json" id="schedule">(.*?)</script>', page, re.DOTALL
    )
    assert match is not None
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


def test_the_page_embeds_the_schedule_in_both_working_languages() -> None:
    page = render_board(example())
    data = embedded(page)
    assert data["languages"] == ["ja", "zh"]
    assert data["zone"] == "Asia/Shanghai"
    assert data == schedule(example(), ("ja", "zh"))
    places = data["places"]
    assert isinstance(places, list)
    hall = places[0]
    assert hall["id"] == "main-hall"
    assert hall["names"] == ["大会議場", "大会议厅"]
    keynote = next(s for s in hall["sessions"] if s["from"] == "10:00")
    assert keynote["titles"] == [
        "基調講演：東御市の魅力とDXの取組",
        "主旨演讲：东御市的魅力与数字化转型",
    ]
    # 10:00 in Zhengzhou is 02:00 UTC.
    assert keynote["start"] == 1753322400000
    assert keynote["date"] == "2025-07-24"
    # Rooms with nothing scheduled are left out of the page.
    assert "meeting-room-a" in [p["id"] for p in places]
    assert all(p["sessions"] for p in places)


def test_nothing_is_fetched() -> None:
    page = render_board(example())
    assert not re.search(r"""(src|href)\s*=|@import|url\(|fetch\(|XMLHttpRequest""", page)


def test_lang_chooses_the_first_language() -> None:
    assert board_languages(example(), "zh") == ("zh", "ja")
    assert board_languages(example(), "en") == ("en", "ja")
    assert embedded(render_board(example(), lang="en"))["labels"] == [
        {
            "now": "Now",
            "next": "Next",
            "left": "{n} min left",
            "starts_in": "in {n} min",
            "nothing": "Nothing on now",
            "nothing_next": "Nothing more today",
        },
        {
            "now": "ただいま",
            "next": "次",
            "left": "残り{n}分",
            "starts_in": "{n}分後",
            "nothing": "ただいまの予定はありません",
            "nothing_next": "本日の予定は以上です",
        },
    ]


def test_plan_text_cannot_end_the_script() -> None:
    plan = parsed(
        plan_text(session("x", "09:00", "10:00", room="hall")).replace(
            'title = "x"', 'title = "</script><script>alert(1)</script> & <b>"'
        )
    )
    page = render_board(plan)
    assert page.count("</script>") == 2
    assert embedded(page)["places"][0]["sessions"][0]["titles"][0] == (  # type: ignore[index]
        "</script><script>alert(1)</script> & <b>"
    )
