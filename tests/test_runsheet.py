"""Run sheets: rows, order, gaps and overlaps, the stamp, escaping, findings and contacts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import plan_text, session
from seminar_plan import check, load_text
from seminar_plan.findings import Finding, Place, Severity
from seminar_plan.load import load_plan
from seminar_plan.model import Plan, Text
from seminar_plan.text import printable
from seminar_plan.views import runsheet
from seminar_plan.views.paper import Stamp
from seminar_plan.views.runsheet import (
    RunSheet,
    build,
    findings_on,
    render_html,
    render_markdown,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
GOLDEN = ROOT / "tests" / "golden" / "runsheet"
SHANGHAI = ZoneInfo("Asia/Shanghai")
STAMP = Stamp("seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=SHANGHAI))
HOSTILE = "<script>alert(1)</script>"


def example_plan() -> Plan:
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    return plan


def sheet_of(
    plan: Plan,
    day: int,
    *,
    lang: str | None = "en",
    room: str | None = None,
    findings: list[Finding] | None = None,
    contacts: bool = False,
    by_room: bool = False,
) -> RunSheet:
    return build(
        plan,
        day,
        lang=lang,
        findings=findings or [],
        stamp=STAMP,
        room=room,
        contacts=contacts,
        by_room=by_room,
    )


def plan_of(text: str) -> Plan:
    plan = load_text(text).plan
    assert plan is not None
    return plan


class Rows(HTMLParser):
    """The sheet's sections and rows as (section, kind, session, time, item text)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.sections: list[str] = []
        self.cells: dict[str, str] = {}
        self.row: dict[str, str] | None = None
        self.cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "section" and "data-place" in found:
            self.sections.append(found["data-place"])
        elif tag == "tr" and "data-kind" in found:
            self.row = found
            self.cells = {}
        elif tag == "td" and self.row is not None:
            self.cell = found.get("class", "")
            self.cells[self.cell] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(
                (
                    self.sections[-1],
                    self.row["data-kind"],
                    self.row["data-session"],
                    self.cells["time"],
                    self.cells["item"],
                )
            )
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cells[self.cell] += data


def parsed(page: str) -> Rows:
    rows = Rows()
    rows.feed(page)
    return rows


class TestExampleDay2:
    def test_by_default_the_day_is_one_timeline_across_rooms(self) -> None:
        rows = parsed(render_html(sheet_of(example_plan(), 2))).rows
        assert {section for section, *_ in rows} == {"day"}
        sessions = [(session, time) for _, kind, session, time, _ in rows if kind == "session"]
        assert sessions[:4] == [
            ("breakfast@2", "06:30–08:00"),
            ("bus-to-venue-day2", "08:15–08:45"),
            ("registration", "09:00–09:30"),
            ("opening", "09:30–10:00"),
        ]
        starts = [time[:5] for _, kind, _, time, _ in rows if kind == "session"]
        assert starts == sorted(starts)
        # A gap row only where nothing runs in any room.
        gaps = [time for _, kind, _, time, _ in rows if kind == "gap"]
        assert "08:00–08:15" in gaps
        assert not any(kind == "overlap" for _, kind, *_ in rows)

    def test_by_room_the_sections_are_the_places_in_order_of_their_first_item(self) -> None:
        rows = parsed(render_html(sheet_of(example_plan(), 2, by_room=True)))
        assert rows.sections == [
            "room:hotel-restaurant",
            "room:hotel-lobby",
            "room:foyer",
            "room:main-hall",
            "room:banquet-hall",
            "venue:conference-hotel",
        ]

    def test_main_hall_rows_in_time_order_with_cues_and_gaps(self) -> None:
        rows = parsed(render_html(sheet_of(example_plan(), 2, room="main-hall")))
        assert [(kind, session, time, item) for _, kind, session, time, item in rows.rows] == [
            ("session", "opening", "09:30–10:00", "Opening remarks"),
            ("cue", "opening", "09:30", "MC opens the seminar"),
            ("cue", "opening", "09:32", "Chairman Yasuda to the podium (organiser's remarks)"),
            ("cue", "opening", "09:40", "Minister Usui to the podium"),
            ("cue", "opening", "09:47", "Mayor Shimizu to the podium"),
            ("cue", "opening", "09:54", "Photo session (guests on stage)"),
            # The opening's last cue comes before the keynote that starts at the same minute.
            ("cue", "opening", "10:00", "MC introduces the keynote speaker"),
            ("session", "keynote", "10:00–10:50", "Keynote: Tomi City's attractions and its DX"),
            ("gap", "keynote", "10:50–11:05", "Gap"),
            (
                "session",
                "lecture",
                "11:05–11:55",
                "Lecture: Nara's tourism and community-rooted DX",
            ),
            ("gap", "lecture", "11:55–13:30", "Gap"),
            (
                "session",
                "panel",
                "13:30–15:30",
                "Panel discussion: regional development in a new era — DX and smart cities",
            ),
            ("cue", "panel", "13:30", "Moderator introduces the panelists"),
            ("cue", "panel", "14:35", "Discussion begins"),
            ("gap", "panel", "15:30–15:45", "Gap"),
            ("session", "closing", "15:45–16:00", "Closing remarks"),
        ]

    def test_every_session_and_cue_of_the_day_is_a_row(self) -> None:
        plan = example_plan()
        rows = parsed(render_html(sheet_of(plan, 2))).rows
        sessions = plan.sessions_on(2)
        assert sorted(r[2] for r in rows if r[1] == "session") == sorted(s.id for s in sessions)
        assert sum(1 for r in rows if r[1] == "cue") == sum(len(s.cues) for s in sessions)

    def test_columns_of_a_session_row(self) -> None:
        sheet = sheet_of(example_plan(), 2, room="main-hall")
        opening = next(row for row in sheet.rows if row.session == "opening")
        page = render_html(sheet)
        row_html = re.search(r'<tr class="session" data-session="opening".*?</tr>', page)
        assert row_html is not None
        cells = row_html.group()
        assert '<td class="duration">30 min</td>' in cells
        assert "Speakers:</span> YASUDA, USUI, SHIMIZU Hayato" in cells
        assert "Owner:</span> MC (Beijing Office staff)" in cells
        # Two languages: one booth of the two works both ways; the Japanese speakers hold the
        # floor, so the 121 of the Chinese delegation need receivers.
        assert "simultaneous · 1 of 2 booths in use · Receivers: 121" in cells
        assert "Booth ja-zh:</span> Simultaneous interpreter A, Simultaneous interpreter B" in cells
        assert "Lectern mic, 2 booths, 200 receivers, screen" in cells
        assert '<td class="done"><span></span></td>' in cells
        # Running time counts from the programme's start (the opening), not from breakfast.
        assert opening.elapsed == 0
        assert '<td class="running">+0:00</td>' in cells
        breakfast = next(row for row in sheet_of(example_plan(), 2).rows if row.kind == "session")
        assert (breakfast.session, breakfast.elapsed) == ("breakfast@2", -180)
        assert runsheet.running_text(breakfast) == "−3:00"

    def test_cue_duration_runs_to_the_next_cue_or_the_session_end(self) -> None:
        sheet = sheet_of(example_plan(), 2, room="main-hall")
        cues = [(f"{r.start:%H:%M}", r.minutes) for r in sheet.rows if r.kind == "cue"]
        assert cues[:6] == [
            ("09:30", 2),
            ("09:32", 8),
            ("09:40", 7),
            ("09:47", 7),
            ("09:54", 6),
            ("10:00", None),
        ]

    def test_header_with_day_date_weekday_room_language_and_stamp(self) -> None:
        page = render_html(sheet_of(example_plan(), 2, room="main-hall"))
        assert "Day 2 · Thu 24 July 2025 · Main conference · Main hall · Language: English" in page
        assert "seminar.toml · 0123abcdef · generated 2025-07-20 09:05 UTC+08:00" in page
        assert '<meta name="plan-digest" content="0123abcdef">' in page

    def test_all_rooms_header(self) -> None:
        page = render_html(sheet_of(example_plan(), 2))
        assert "Main conference · all rooms · Language: English" in page

    @pytest.mark.parametrize(
        ("lang", "header"),
        [
            ("ja", "2日目 · 2025年7月24日（木） · 本会議 · 全会場 · 言語: 日本語"),
            ("zh", "第2天 · 2025年7月24日 周四 · 全体会议 · 全部会场 · 语言: 中文"),
        ],
    )
    def test_header_in_japanese_and_chinese(self, lang: str, header: str) -> None:
        page = render_html(sheet_of(example_plan(), 2, lang=lang))
        assert header in page
        assert f'<html lang="{"zh-Hans" if lang == "zh" else lang}">' in page


class TestHtmlPage:
    def test_self_contained(self) -> None:
        page = render_html(sheet_of(example_plan(), 2))
        for forbidden in ("http://", "https://", "@import", "url(", "<link", "<script", "src="):
            assert forbidden not in page

    def test_print_css(self) -> None:
        page = render_html(sheet_of(example_plan(), 2))
        assert "@page{size:A4 landscape" in page
        assert "thead{display:table-header-group}" in page
        assert "tr{break-inside:avoid;page-break-inside:avoid}" in page
        assert "section.room+section.room{break-before:page}" in page
        assert '@bottom-right{content:"page " counter(page) " of " counter(pages)' in page

    def test_every_section_repeats_the_page_header_in_its_table_head(self) -> None:
        page = render_html(sheet_of(example_plan(), 2, by_room=True))
        heads = re.findall(r"<thead>(.*?)</thead>", page)
        assert len(heads) == 6
        assert all("0123abcdef" in head and '<th class="time">Time</th>' in head for head in heads)

    def test_text_in_another_language_is_marked(self) -> None:
        text = plan_text(
            """
            [[sessions]]
            id = "only-zh"
            title = { zh = "欢迎晚宴" }
            day = 1
            start = "18:00"
            end = "20:00"
            room = "hall"
            notes = "plain notes"
            """
        )
        page = render_html(sheet_of(plan_of(text), 1, lang="ja"))
        assert '<span lang="zh-Hans">欢迎晚宴</span>' in page
        assert '<td class="notes">plain notes</td>' in page

    def test_nothing_scheduled(self) -> None:
        page = render_html(sheet_of(plan_of(plan_text()), 2))
        assert "Nothing scheduled." in page
        assert parsed(page).rows == []


class TestGapsAndOverlaps:
    TEXT = plan_text(
        session("first", "09:00", "10:00", room="hall")
        + session("second", "10:30", "11:30", room="hall")
        + session("third", "11:00", "12:00", room="hall")
        + session("elsewhere", "10:00", "10:30", room="salon")
    )

    def test_rows(self) -> None:
        sheet = sheet_of(plan_of(self.TEXT), 1, room="hall")
        assert [(r.kind, r.session, f"{r.start:%H:%M}", r.minutes) for r in sheet.rows] == [
            ("session", "first", "09:00", 60),
            ("gap", "first", "10:00", 30),
            ("session", "second", "10:30", 60),
            ("overlap", "third", "11:00", 30),
            ("session", "third", "11:00", 60),
        ]

    def test_overlap_row_names_both_sessions(self) -> None:
        page = render_html(sheet_of(plan_of(self.TEXT), 1, room="hall"))
        assert "Overlap: second / third" in page

    def test_a_nested_session_does_not_hide_a_gap(self) -> None:
        text = plan_text(
            session("long", "09:00", "12:00", room="hall")
            + session("inside", "09:30", "10:00", room="hall")
            + session("after", "12:30", "13:00", room="hall")
        )
        sheet = sheet_of(plan_of(text), 1, room="hall")
        kinds = [(r.kind, f"{r.start:%H:%M}", r.minutes) for r in sheet.rows]
        assert ("overlap", "09:30", 30) in kinds
        assert ("gap", "12:00", 30) in kinds
        assert not any(kind == "gap" and start == "10:00" for kind, start, _ in kinds)

    def test_back_to_back_is_neither(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "10:00", "11:00", room="hall")
        )
        assert [r.kind for r in sheet_of(plan_of(text), 1).rows] == ["session", "session"]

    def test_running_time_counts_from_the_first_item_in_any_room(self) -> None:
        sheet = sheet_of(plan_of(self.TEXT), 1, room="salon")
        assert [(r.session, r.elapsed) for r in sheet.rows] == [("elsewhere", 60)]


def test_booths_are_counted_in_words() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", room="hall", interpretation="simultaneous")
    ).replace("booths = 2", "booths = 1")
    page = render_markdown(sheet_of(plan_of(text), 1))
    assert "| Hall | simultaneous · 1 booth |" in page


class TestEscaping:
    TEXT = plan_text(
        f"""
        [rooms.evil]
        venue = "hotel"
        name = "{HOSTILE}"

        [[sessions]]
        id = "evil"
        title = "{HOSTILE}"
        day = 1
        start = "09:00"
        end = "10:00"
        room = "evil"
        speakers = ["aoki"]
        av = "a | b"
        notes = \"\"\"line one | pipe
        line two <b>bold</b>\"\"\"
        """
    ).replace('name = "Aoki"', f'name = "{HOSTILE}"')

    def test_html_prints_plan_text_as_text(self) -> None:
        page = render_html(sheet_of(plan_of(self.TEXT), 1))
        assert "<script" not in page
        assert "<b>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "line one | pipe<br>line two &lt;b&gt;bold&lt;/b&gt;" in page
        rows = parsed(page).rows
        assert rows[0][4] == HOSTILE

    def test_markdown_cells_cannot_break_the_table(self) -> None:
        page = render_markdown(sheet_of(plan_of(self.TEXT), 1))
        row = next(line for line in page.splitlines() if line.startswith("| 09:00"))
        sheet = sheet_of(plan_of(self.TEXT), 1)
        assert len(re.findall(r"(?<!\\)\|", row)) == len(sheet.columns) + 1
        assert "\\<script\\>alert(1)\\</script\\>" in row
        assert "line one \\| pipe<br>line two \\<b\\>bold\\</b\\>" in row
        assert not re.search(r"(?<!\\)<(?!br>)", page)

    @given(st.text())
    def test_html_title_round_trips(self, title: str) -> None:
        text = plan_text(session("s", "09:00", "10:00", room="hall"))
        plan = plan_of(text)
        changed = dataclasses.replace(
            plan, sessions=(dataclasses.replace(plan.sessions[0], title=Text.plain(title)),)
        )
        rows = parsed(render_html(sheet_of(changed, 1))).rows
        # Line breaks become <br> elements, which carry no text; other control characters are
        # shown escaped, as in the terminal.
        assert rows[0][4] == printable("".join(title.splitlines()))


class TestFindings:
    TEXT = plan_text(
        session("a", "09:00", "10:00", room="hall")
        + session("b", "09:30", "10:30", room="hall")
        + session("c", "09:00", "10:00", day=2, room="salon", owner="nobody")
        + session("d", "09:00", "10:00", day=2, room="salon", interpretation="simultaneous")
    )

    def findings(self) -> list[Finding]:
        return check(load_text(self.TEXT))

    def test_only_errors_that_touch_the_day(self) -> None:
        plan = plan_of(self.TEXT)
        day1 = findings_on(plan, 1, self.findings())
        day2 = findings_on(plan, 2, self.findings())
        assert [(f.code, sorted(f.subjects)) for f in day1] == [
            ("room-overlap", ["a", "b", "hall"])
        ]
        assert sorted((f.code, tuple(sorted(f.subjects))) for f in day2) == [
            ("room-overlap", ("c", "d", "salon")),
            ("unknown-ref", ("c", "nobody")),
        ]
        # The no-booth warning on day 2 is not an error: it stays off the sheet.
        assert any(f.code == "no-booth" for f in self.findings())

    def test_plan_wide_and_unplaceable_errors_touch_every_day(self) -> None:
        plan = plan_of(self.TEXT)
        place = Place("seminar.toml", 1, 1)
        plan_wide = Finding("schema", Severity.ERROR, "bad", None, (), place)
        dropped = Finding("schema", Severity.ERROR, "bad", None, ("gone",), place)
        person = Finding("schema", Severity.ERROR, "bad", None, ("sato",), place)
        assert findings_on(plan, 1, [plan_wide, dropped, person]) == (plan_wide, dropped)

    def test_person_whose_id_is_a_session_id_stays_on_the_overlaps_day(self) -> None:
        # Person sato and session sato (day 1): sato's overlap on day 2 is day 2's only.
        text = plan_text(
            session("sato", "09:00", "10:00", room="hall")
            + session("e", "09:00", "10:00", day=2, room="hall", speakers=["sato"])
            + session("f", "09:30", "10:30", day=2, room="salon", speakers=["sato"])
        )
        plan = plan_of(text)
        findings = check(load_text(text))
        assert [(f.code, f.subjects) for f in findings] == [("person-overlap", ("sato", "e", "f"))]
        assert findings_on(plan, 1, findings) == ()
        assert findings_on(plan, 2, findings) == tuple(findings)

    def test_box_at_the_top_of_the_sheet(self) -> None:
        plan = plan_of(self.TEXT)
        page = render_html(sheet_of(plan, 1, findings=self.findings()))
        box = re.search(r'<div class="findings" role="alert">.*?</div>', page)
        assert box is not None
        assert "Errors in the plan that touch this day (1)" in box.group()
        assert "room-overlap seminar.toml:" in box.group()
        assert page.index("findings") < page.index('data-kind="session"')
        assert parsed(page).rows[0][2] == "a"
        markdown = render_markdown(sheet_of(plan, 1, findings=self.findings()))
        heading = "> **Errors in the plan that touch this day (1); run seminar-plan check**"
        assert heading in markdown

    def test_box_in_the_sheet_s_language(self) -> None:
        plan = plan_of(self.TEXT)
        for lang, words in (
            ("ja", "'b'（2025-07-23 09:30-10:30）が部屋 'hall' で 'a'"),
            ("zh", "'b'（2025-07-23 09:30-10:30）与 'a'"),
            ("ko", "회의장 'hall'에서 'b'(2025-07-23 09:30-10:30) 일정이 'a'"),
        ):
            sheet = sheet_of(plan, 1, lang=lang, findings=self.findings())
            box = re.search(r'<div class="findings" role="alert">.*?</div>', render_html(sheet))
            assert box is not None
            assert f"room-overlap seminar.toml:{self.findings()[0].place.line}: " in box.group()
            assert html.escape(words) in box.group(), lang
            assert words in render_markdown(sheet), lang

    def test_no_box_without_errors(self) -> None:
        page = render_html(sheet_of(example_plan(), 2, findings=[]))
        assert 'class="findings"' not in page


class TestContacts:
    def test_never_without_the_flag(self) -> None:
        sheet = sheet_of(example_plan(), 2)
        assert sheet.contacts == ()
        for page in (render_html(sheet), render_markdown(sheet)):
            assert "+86-10-0000-0001" not in page
            assert "Contacts" not in page

    def test_the_people_responsible_with_the_flag(self) -> None:
        sheet = sheet_of(example_plan(), 2, contacts=True)
        people = {contact.person: contact for contact in sheet.contacts}
        assert people["logistics-officer"].entries == (
            ("phone", "+86-10-0000-0001"),
            ("wechat", "clair-bj-transport-example"),
        )
        assert people["mc"].roles == ("owner", "cue")
        assert people["director"].roles == ("moderators", "cue")
        assert "yasuda" in people  # holds a cue
        assert "hanaoka" not in people  # a speaker only
        page = render_html(sheet)
        assert "phone: +86-10-0000-0001<br>wechat: clair-bj-transport-example" in page
        assert "no contact on file" in page

    def test_only_the_people_of_the_chosen_room(self) -> None:
        sheet = sheet_of(example_plan(), 2, room="main-hall", contacts=True)
        assert "logistics-officer" not in {contact.person for contact in sheet.contacts}


class TestMarkdownGolden:
    @pytest.mark.parametrize("lang", ["en", "ja", "ko"])
    def test_example_day2(self, lang: str) -> None:
        rendered = render_markdown(sheet_of(example_plan(), 2, lang=lang))
        golden = GOLDEN / f"zhengzhou-day2-{lang}.md"
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(rendered, encoding="utf-8")
        assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Thu 24 July 2025"), ("ja", "2025年7月24日（木）"), ("zh", "2025年7月24日 周四")],
)
def test_date_with_weekday(lang: str, expected: str) -> None:
    assert runsheet.date_text(sheet_of(example_plan(), 2, lang=lang)) == expected


def test_simultaneous_rows_show_booths_in_use_crews_and_receivers() -> None:
    text = plan_text(
        """
        [delegations.korea]
        name = "Korea"
        headcount = 3
        language = "ko"

        [people.li]
        name = "Li"
        languages = ["zh", "ja"]

        [people.mori]
        name = "Mori"
        languages = ["ja", "zh"]

        [people.park]
        name = "Park"
        languages = ["ko", "ja"]
        """
        + session("a", "09:00", "10:00", room="hall", attendees=["all"], speakers=["aoki"],
                  interpreters=["li", "mori", "park"], interpretation="simultaneous")
    ).replace("booths = 2", "booths = 3")  # fmt: skip
    (row,) = sheet_of(plan_of(text), 1).rows
    assert (row.booths_in_use, row.receivers) == (3, 7)
    page = render_markdown(sheet_of(plan_of(text), 1))
    assert (
        "| Hall | simultaneous · 3 of 3 booths in use · Receivers: 7"
        "<br>Booth ja: Mori<br>Booth ko: Park<br>Booth zh: Li |"
    ) in page


class TestOneDay:
    def test_a_cue_outside_its_session_is_shown_flagged_where_it_runs(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + '[[sessions.cues]]\nat = "10:30"\nwhat = "Late cue"\n'
            + session("b", "10:15", "11:00", room="hall")
        )
        sheet = sheet_of(plan_of(text), 1)
        rows = [(r.kind, f"{r.start:%H:%M}", r.outside) for r in sheet.rows]
        assert rows == [
            ("session", "09:00", False),
            ("gap", "10:00", False),
            ("session", "10:15", False),
            ("cue", "10:30", True),
        ]
        page = render_html(sheet)
        assert '<tr class="cue outside"' in page
        assert '<span class="flag">outside its session</span>' in page
        assert "(outside its session)" in render_markdown(sheet)

    def test_parallel_sessions_are_marked_and_empty_columns_left_out(self) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="salon")
            + session("c", "11:00", "12:00", room="hall")
        )
        sheet = sheet_of(plan_of(text), 1)
        assert [(r.session, r.kind, r.parallel) for r in sheet.rows] == [
            ("a", "session", True),
            ("b", "session", True),
            ("b", "gap", False),
            ("c", "session", False),
        ]
        # Nobody, no interpretation, no AV and no notes anywhere: those columns are left out.
        assert sheet.columns == ("time", "duration", "running", "item", "room", "done")
        assert '<tr class="session parallel"' in render_html(sheet)
        assert "| ∥ 09:00–10:00 |" in render_markdown(sheet)
