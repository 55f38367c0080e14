"""The PDF run sheet (fpdf2, the [pdf] extra) with the system's CJK font, and font discovery."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import plan_text, session, tall_sessions
from seminar_plan import check, load_text
from seminar_plan.load import load_plan
from seminar_plan.model import Plan
from seminar_plan.views.paper import Stamp
from seminar_plan.views.pdf import (
    _MARGIN,
    _WIDTHS,
    SYSTEM_CJK_FONTS,
    PdfError,
    _faces,
    find_font,
    render_pdf,
)
from seminar_plan.views.runsheet import RunSheet, build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
STAMP = Stamp(
    "seminar.toml", "0123abcdef", dt.datetime(2025, 7, 20, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
)
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# A font with Latin glyphs only (Debian's fonts-dejavu-core, which .ci/run installs).
LATIN_ONLY = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def example_plan() -> Plan:
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    return plan


def sheet(
    plan: Plan, day: int, lang: str, *, room: str | None = None, by_room: bool = False
) -> RunSheet:
    return build(plan, day, lang=lang, findings=[], stamp=STAMP, room=room, by_room=by_room)


@pytest.fixture
def system_font() -> Path:
    pytest.importorskip("fpdf", reason="the [pdf] extra (fpdf2) is not installed")
    font = find_font(SYSTEM_CJK_FONTS)
    if font is None:
        pytest.skip("no system CJK font (Debian: apt-get install fonts-noto-cjk)")
    return font


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is missing (Debian: apt-get install poppler-utils)")
    return found


def pages_of(document: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it, with all white space removed."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(document)
    text = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def fonts_of(document: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(document)
    return subprocess.run(
        [poppler("pdffonts"), str(path)], check=True, capture_output=True, text=True
    ).stdout


class TestFindFont:
    def test_the_first_candidate_that_exists(self, tmp_path: Path) -> None:
        second = tmp_path / "b.ttc"
        third = tmp_path / "c.otf"
        second.write_bytes(b"")
        third.write_bytes(b"")
        assert find_font([tmp_path / "a.ttc", second, third]) == second

    def test_none_when_nothing_exists(self, tmp_path: Path) -> None:
        assert find_font([tmp_path / "a.ttc", tmp_path]) is None

    def test_the_debian_path_is_a_candidate(self) -> None:
        assert SYSTEM_CJK_FONTS[0] == NOTO


def test_faces_of_the_noto_collection() -> None:
    if not NOTO.is_file():
        pytest.skip("fonts-noto-cjk is not installed")
    pytest.importorskip("fontTools", reason="fontTools comes with the [pdf] extra")
    assert _faces(NOTO) == {"ja": 0, "ko": 1, "zh": 2}


class TestRender:
    def test_example_day2(self, system_font: Path, tmp_path: Path) -> None:
        document = render_pdf(sheet(example_plan(), 2, "ja", by_room=True), system_font)
        assert document.startswith(b"%PDF-")
        pages = pages_of(document, tmp_path)
        # By room: six places on day 2, each on its own pages; all but the main hall fit on one.
        assert len(pages) == 6
        for number, page in enumerate(pages, start=1):
            assert "進行表—第21回日中地域間交流推進セミナー" in page
            assert "seminar.toml·0123abcdef·作成2025-07-2009:05UTC+08:00" in page
            assert f"{number}/{len(pages)}ページ" in page
            assert all(heading in page for heading in ("時刻", "所要", "経過", "備考", "済"))
        assert "開会あいさつ" in pages[3]
        assert "+86-10" not in "".join(pages)
        assert "NotoSansCJKJP" in fonts_of(document, tmp_path)

    def test_the_day_as_one_timeline(self, system_font: Path, tmp_path: Path) -> None:
        pages = pages_of(render_pdf(sheet(example_plan(), 2, "ja"), system_font), tmp_path)
        assert len(pages) == 2
        text = "".join(pages)
        assert text.index("朝食") < text.index("開会あいさつ") < text.index("閉会あいさつ")

    def test_chinese_sheet_uses_the_simplified_chinese_face(
        self, system_font: Path, tmp_path: Path
    ) -> None:
        document = render_pdf(sheet(example_plan(), 2, "zh", room="main-hall"), system_font)
        pages = pages_of(document, tmp_path)
        assert "开幕致辞" in pages[0]
        assert "第21届中日地区间交流促进研讨会" in pages[0]
        fonts = fonts_of(document, tmp_path)
        assert "NotoSansCJKSC" in fonts
        assert "NotoSansCJKJP" not in fonts

    def test_rows_are_never_split(self, system_font: Path, tmp_path: Path) -> None:
        sessions = tall_sessions()
        plan = load_text(plan_text(sessions)).plan
        assert plan is not None
        pages = pages_of(render_pdf(sheet(plan, 1, "en"), system_font), tmp_path)
        assert len(pages) > 2
        # The column headings repeat on every page.
        assert all("Running" in page and "Interpretation" in page for page in pages)
        for number in range(30):
            begins = [i for i, page in enumerate(pages) if f"R{number:02d}begin" in page]
            ends = [i for i, page in enumerate(pages) if f"R{number:02d}end" in page]
            assert begins == ends, f"row {number} is split across pages {begins} and {ends}"
            assert len(begins) == 1

    def test_the_error_box_speaks_the_sheet_s_language(
        self, system_font: Path, tmp_path: Path
    ) -> None:
        text = plan_text(
            session("a", "09:00", "10:00", room="hall")
            + session("b", "09:30", "10:30", room="hall")
        )
        loaded = load_text(text)
        assert loaded.plan is not None
        findings = check(loaded)
        built = build(loaded.plan, 1, lang="ko", findings=findings, stamp=STAMP)
        page = pages_of(render_pdf(built, system_font), tmp_path)[0]
        message = findings[0].message_in("ko")
        assert message.startswith("회의장 'hall'에서 'b'")
        assert re.sub(r"\s+", "", message) in page

    def test_a_font_without_japanese_glyphs_is_refused(self) -> None:
        pytest.importorskip("fpdf", reason="the [pdf] extra (fpdf2) is not installed")
        if not LATIN_ONLY.exists():
            pytest.skip(f"{LATIN_ONLY} is not installed (Debian: fonts-dejavu-core)")
        with pytest.raises(
            PdfError,
            match=r"DejaVuSans.ttf has no glyphs for \d+ characters of the sheet \(.+\); use",
        ):
            render_pdf(sheet(example_plan(), 2, "ja"), LATIN_ONLY)

    def test_a_file_that_is_no_font(self, tmp_path: Path) -> None:
        pytest.importorskip("fpdf", reason="the [pdf] extra (fpdf2) is not installed")
        font = tmp_path / "font.ttc"
        font.write_bytes(b"ttcf and then nothing")
        with pytest.raises(PdfError, match=r"font\.ttc: cannot use this font"):
            render_pdf(sheet(example_plan(), 2, "en"), font)


def test_cells_break_lines_by_kinsoku(tmp_path: Path, system_font: Path) -> None:
    from seminar_plan.text import NO_LINE_END, NO_LINE_START

    document = render_pdf(sheet(example_plan(), 2, "ja"), system_font)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(document)
    text = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [line for line in text.splitlines() if line.strip()]
    # The lobby's name no longer breaks after its opening bracket: ホテルロビー（ / 日本側...
    assert "ホテルロビー" in lines
    assert [line for line in lines if line[0] in NO_LINE_START or line[-1] in NO_LINE_END] == []


LATIN_NOTE = " ".join(f"word{number:05d}" for number in range(2_500))  # 25,000 characters
JAPANESE_NOTE = "".join(
    f"第{number}項：会場の設営は午前七時に開始し、通訳ブースの点検を行う。" for number in range(600)
)


def long_note_plan(note: str, field: str = "notes") -> Plan:
    """Day 1: a session whose ``field`` holds ``note`` (a TOML basic string), a cue in it and
    a session after it, neither with notes."""
    import json

    extra = (
        session("before", "08:00", "09:00", room="hall")
        + session("long", "09:00", "10:00", room="hall").replace(
            'title = "long"', 'title = "long"' if field != "title" else ""
        )
        + f"{field} = {json.dumps(note, ensure_ascii=False)}\n"
        + '[[sessions.cues]]\nat = "09:30"\nwhat = "cue in the middle"\n'
        + session("after", "10:00", "11:00", room="hall")
    )
    plan = load_text(plan_text(extra)).plan
    assert plan is not None
    return plan


def notes_column(document: bytes, tmp_path: Path) -> str:
    """The text pdftotext reads in the notes column, below the page header and above the
    footer, page after page (the column heading included)."""
    path = tmp_path / "notes.pdf"
    path.write_bytes(document)
    point = 72 / 25.4
    width = 297 - 2 * _MARGIN
    left = _MARGIN + width * sum(_WIDTHS[:8]) / sum(_WIDTHS)
    crop = {
        "-x": left * point + 1,
        "-y": 22 * point,
        "-W": width * _WIDTHS[8] / sum(_WIDTHS) * point - 2,
        "-H": (210 - 22 - _MARGIN - 4) * point,
    }
    options = [str(part) for key, value in crop.items() for part in (key, round(value))]
    return subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", "-raw", *options, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def without_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


class TestRowsTallerThanAPage:
    """A row that no page can hold (a note of thousands of characters) continues on the next
    pages, under the column headings, marked as continued; nothing of it is lost."""

    @pytest.mark.parametrize(("lang", "mark"), [("en", "(cont.)"), ("ja", "（続き）")])
    def test_a_latin_note_every_word_in_order(
        self, system_font: Path, tmp_path: Path, lang: str, mark: str
    ) -> None:
        document = render_pdf(sheet(long_note_plan(LATIN_NOTE), 1, lang), system_font)
        pages = pages_of(document, tmp_path)
        assert len(pages) > 5
        heading = "Notes" if lang == "en" else "備考"
        column = notes_column(document, tmp_path).replace(heading, " ")
        assert column.split() == LATIN_NOTE.split()
        assert all(heading in page for page in pages)
        # Each page after the first continues the row, its time repeated and marked.
        assert all(f"09:00–10:00{without_space(mark)}" in page for page in pages[1:])
        assert f"09:00–10:00{without_space(mark)}" not in pages[0]
        # The rows after it follow the last piece, on the same page.
        assert "cueinthemiddle" in pages[-1]
        assert "after" in pages[-1]

    @pytest.mark.parametrize("lang", ["ja", "ko"])
    def test_a_japanese_note_every_character_in_order(
        self, system_font: Path, tmp_path: Path, lang: str
    ) -> None:
        document = render_pdf(sheet(long_note_plan(JAPANESE_NOTE), 1, lang), system_font)
        heading = {"ja": "備考", "ko": "비고"}[lang]
        column = notes_column(document, tmp_path).replace(heading, "")
        assert without_space(column) == without_space(JAPANESE_NOTE)

    @pytest.mark.parametrize("field", ["title", "av"])
    def test_any_tall_cell_continues(self, system_font: Path, tmp_path: Path, field: str) -> None:
        document = render_pdf(sheet(long_note_plan(LATIN_NOTE, field), 1, "en"), system_font)
        text = " ".join(pages_of(document, tmp_path))
        positions = [text.find(word) for word in ("word00000", "word01234", "word02499")]
        assert -1 not in positions
        assert positions == sorted(positions)

    def test_a_note_that_fills_exactly_one_page_is_not_split(
        self, system_font: Path, tmp_path: Path
    ) -> None:
        # 40 lines fit under the headings of a fresh page: the row moves there whole, as before.
        note = "\n".join(f"line{number:02d}" for number in range(40))
        pages = pages_of(render_pdf(sheet(long_note_plan(note), 1, "en"), system_font), tmp_path)
        assert "(cont.)" not in "".join(pages)
        assert [i for i, page in enumerate(pages) if "line00" in page] == [
            i for i, page in enumerate(pages) if "line39" in page
        ]


_NOTE_CHARACTERS = st.sampled_from(
    list("abcxyzABC0189  \n、。（）「」・会場通訳設営あいうえおっアイウエオー中国语한국어.,:;!?()-")
)


@st.composite
def notes(draw: st.DrawFn) -> str:
    """0..20,000 characters: a random mix of Latin, CJK, spaces and line feeds, repeated."""
    length = draw(st.integers(0, 20_000))
    unit = draw(st.text(alphabet=_NOTE_CHARACTERS, min_size=1, max_size=500))
    return (unit * (length // len(unit) + 1))[:length]


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(note=notes(), lang=st.sampled_from(["en", "ja"]))
def test_any_note_renders_whole(system_font: Path, tmp_path: Path, note: str, lang: str) -> None:
    """Notes of 0..20,000 characters, Latin, CJK and spaces mixed: the sheet is made, and its
    notes column reads back as the note, white space aside."""
    document = render_pdf(sheet(long_note_plan(note), 1, lang), system_font)
    heading = {"en": "Notes", "ja": "備考"}[lang]
    column = notes_column(document, tmp_path)
    assert without_space(column).replace(heading, "") == without_space(note)


class TestLongHeadings:
    """An event title or a room name longer than a line is printed whole, not cut at the
    page's edge: the page header shows it cut with "…", the first page in full."""

    LONG = " ".join(f"title{n:03d}" for n in range(120))

    def first_page(self, written: str, font: Path, tmp_path: Path, *, by_room: bool) -> str:
        """Page 1 of day 1's sheet, the base plan's ``written`` line naming ``LONG`` instead."""
        key = written.split(" = ", maxsplit=1)[0]
        text = plan_text(session("talk", "09:00", "10:00", room="hall"))
        plan = load_text(text.replace(written, f'{key} = "{self.LONG}"')).plan
        assert plan is not None
        document = render_pdf(sheet(plan, 1, "en", by_room=by_room), font)
        return pages_of(document, tmp_path)[0]

    def test_a_long_event_title_is_whole_on_the_first_page(
        self, system_font: Path, tmp_path: Path
    ) -> None:
        written = 'title = { ja = "試験", zh = "测试", en = "Test" }'
        page = self.first_page(written, system_font, tmp_path, by_room=False)
        assert without_space(self.LONG) in page
        assert "…" in page

    def test_a_long_room_name_is_whole_above_its_table(
        self, system_font: Path, tmp_path: Path
    ) -> None:
        page = self.first_page('name = "Hall"', system_font, tmp_path, by_room=True)
        assert without_space(self.LONG) in page
