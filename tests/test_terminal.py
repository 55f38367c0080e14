"""Rows -> rich renderables: reviewed golden files at 100 columns, alignment, folding, markup.

Set UPDATE_GOLDEN=1 to rewrite the golden files, then read every changed one by eye.
"""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from conftest import plan_text, session
from seminar_plan import check, load_plan, load_text
from seminar_plan.load import LoadedPlan
from seminar_plan.text import cell_width
from seminar_plan.views import interpreters
from seminar_plan.views.roster import build_roster
from seminar_plan.views.rows import Agenda, Filters, build_agenda
from seminar_plan.views.terminal import (
    agenda_renderable,
    interpreters_renderable,
    roster_renderable,
)

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "agenda"
EXAMPLE = Path("examples/zhengzhou-2025/seminar.toml")
CONFLICTS = Path("examples/conflicts/seminar.toml")
WIDTH = 100


def render(renderable: RenderableType, width: int = WIDTH) -> str:
    """What a terminal of ``width`` columns without colour shows."""
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def assert_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans load by their relative path, so footnotes name them the same on every machine."""
    monkeypatch.chdir(ROOT)


def agenda_of(
    path: Path,
    *,
    lang: str | None = None,
    filters: Filters | None = None,
    tokyo: bool = False,
) -> Agenda:
    loaded = load_plan(path)
    assert loaded.plan is not None
    second = None
    if tokyo:
        from zoneinfo import ZoneInfo

        second = ("Asia/Tokyo", ZoneInfo("Asia/Tokyo"))
    return build_agenda(
        loaded.plan, loaded.path, check(loaded), lang=lang, filters=filters, second_zone=second
    )


# (golden file, plan, lang, filters, Tokyo column): the CLI tests compare against the same files.
AGENDA_GOLDENS = [
    ("zhengzhou-day2-ja.txt", EXAMPLE, None, Filters(day=2), False),
    ("zhengzhou-day2-zh-tokyo.txt", EXAMPLE, "zh", Filters(day=2), True),
    ("zhengzhou-day3-en.txt", EXAMPLE, "en", Filters(day=3), False),
    ("zhengzhou-yasuda-ja-tokyo.txt", EXAMPLE, None, Filters(person="yasuda"), True),
    ("conflicts-en.txt", CONFLICTS, None, None, False),
]


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize(("name", "path", "lang", "filters", "tokyo"), AGENDA_GOLDENS)
def test_agenda_matches_the_reviewed_golden_file(
    name: str, path: Path, lang: str | None, filters: Filters | None, tokyo: bool
) -> None:
    agenda = agenda_of(path, lang=lang, filters=filters, tokyo=tokyo)
    assert_golden(name, render(agenda_renderable(agenda)))


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize(
    ("name", "lang", "contacts"),
    [("zhengzhou-people-ja.txt", None, False), ("zhengzhou-people-en-contacts.txt", "en", True)],
)
def test_roster_matches_the_reviewed_golden_file(
    name: str, lang: str | None, contacts: bool
) -> None:
    loaded = load_plan(EXAMPLE)
    assert loaded.plan is not None
    roster = build_roster(loaded.plan, loaded.path, lang=lang, contacts=contacts)
    assert_golden(name, render(roster_renderable(roster, contacts=contacts)))


@pytest.mark.usefixtures("at_root")
def test_roster_at_80_columns_keeps_roles_and_latin_words_whole() -> None:
    loaded = load_plan(EXAMPLE)
    assert loaded.plan is not None
    roster = build_roster(loaded.plan, loaded.path, lang="en")
    lines = render(roster_renderable(roster), width=80).splitlines()
    cells = [cell for line in lines for cell in line.split("  ") if cell.strip()]
    for role in ("speaker", "attendee", "moderator", "owner"):
        assert any(cell.strip() == role for cell in cells), role
    assert any(cell.strip() == "Japanese" for cell in cells)  # "Japanese side" wraps whole
    assert not any(cell.strip() in ("attende", "Japane", "speaker,") for cell in cells)


def test_interpreters_match_the_reviewed_golden_file() -> None:
    loaded = load_plan(EXAMPLE)
    assert loaded.plan is not None
    roster = interpreters.build(loaded.plan, loaded.path, lang="en")
    assert_golden("zhengzhou-interpreters-en.txt", render(interpreters_renderable(roster)))


def header_starts(line: str) -> list[int]:
    """Cell offsets where the words of a table's header line begin."""
    starts, offset, previous = [], 0, " "
    for char in line:
        if char != " " and previous == " ":
            starts.append(offset)
        offset += cell_width(char)
        previous = char
    return starts


def char_at(line: str, cell: int) -> str:
    """The character covering terminal cell ``cell`` (a wide character covers two)."""
    offset = 0
    for char in line:
        width = cell_width(char)
        if offset <= cell < offset + width:
            return char
        offset += width
    return " "


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_wide_characters_take_two_cells_and_columns_align(lang: str) -> None:
    lines = render(agenda_renderable(agenda_of(EXAMPLE, lang=lang, filters=Filters(day=2))))
    table = lines.splitlines()
    rule = next(i for i, line in enumerate(table) if line.startswith("─"))
    header, body = table[rule - 1], table[rule + 1 :]
    assert any(unicodedata.east_asian_width(char) == "W" for line in body for char in line)
    for line in [header, *body]:
        assert cell_width(line) == WIDTH, line
    # Every column boundary of the header is blank in every row: nothing spills across.
    for start in header_starts(header)[1:]:
        for line in body:
            assert char_at(line, start - 1) == " ", (start, line)


def test_long_cjk_titles_fold_instead_of_being_cut() -> None:
    title = "パネルディスカッション：新たな時代の地域発展～DX、スマートシティ～の展望と課題"
    long = session("long", "09:00", "10:00", room="hall")
    text = plan_text(long.replace('title = "long"', f'title = "{title}"'))
    loaded = load_text(text)
    assert loaded.plan is not None
    shown = render(agenda_renderable(build_agenda(loaded.plan, "p", [])), width=60)
    assert "…" not in shown
    lines = [line for line in shown.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "パネル" in line)
    # The title is the second word of its first line, then the first word of the next ones.
    pieces = [line.split()[0 if i else 1] for i, line in enumerate(lines[start:])]
    folded = "".join(pieces)
    assert folded.startswith(title)
    assert max(cell_width(line) for line in shown.splitlines()) <= 60


def text_plan(extra: str) -> LoadedPlan:
    return load_text(plan_text(extra))


def test_plan_text_is_never_read_as_markup() -> None:
    loaded = text_plan(
        session("tricky", "09:00", "10:00").replace(
            'title = "tricky"', 'title = "[bold]Budget[/bold] for [days.2] :smile:"'
        )
    )
    assert loaded.plan is not None
    shown = render(agenda_renderable(build_agenda(loaded.plan, "p", [], lang="en")))
    assert "[bold]Budget[/bold] for" in shown
    assert "[days.2] :smile:" in shown


def test_no_escape_codes_without_colour() -> None:
    loaded = text_plan(
        session("a", "10:00", "11:00", room="hall") + session("b", "10:30", "11:30", room="hall")
    )
    assert loaded.plan is not None
    shown = render(agenda_renderable(build_agenda(loaded.plan, "p", check(loaded))))
    assert "\x1b" not in shown
    assert "!1" in shown


def test_markers_and_footnotes_for_errors() -> None:
    loaded = text_plan(
        session("talk-a", "10:00", "11:00", room="hall")
        + session("talk-b", "10:30", "11:30", room="hall")
        + session("calm", "12:00", "13:00", room="hall")
    )
    assert loaded.plan is not None
    agenda = build_agenda(loaded.plan, "seminar.toml", check(loaded), lang="en")
    lines = render(agenda_renderable(agenda)).splitlines()
    marked = [line.split()[1] for line in lines if line.startswith("!1 ") and ":" in line[:20]]
    assert marked == ["10:00-11:00", "10:30-11:30"]
    calm = next(line for line in lines if "calm" in line)
    assert calm.startswith("     12:00-13:00")
    footnote = next(line for line in lines if line.startswith("!1 room-overlap"))
    assert footnote.startswith("!1 room-overlap seminar.toml:")
    assert lines[-1] == "`seminar-plan check` finds 1 error(s) and 0 warning(s)."


def test_empty_day_and_nothing_matching() -> None:
    loaded = text_plan(session("only", "09:00", "10:00", room="hall"))
    assert loaded.plan is not None
    whole = render(agenda_renderable(build_agenda(loaded.plan, "p", [], lang="en")))
    assert whole.splitlines()[-2:] == ["Day 2  2025-07-24 (Thu)", "Nothing scheduled."]
    narrowed = build_agenda(loaded.plan, "p", [], lang="en", filters=Filters(room="salon"))
    assert render(agenda_renderable(narrowed)).splitlines()[-1] == "Nothing matches."


def test_a_narrow_terminal_stacks_kind_over_interpretation_and_keeps_names_whole() -> None:
    agenda = agenda_of(EXAMPLE, lang="en", filters=Filters(day=2))
    lines = render(agenda_renderable(agenda, width=80), width=80).splitlines()
    assert any("NISHIMURA" in line for line in lines)
    assert any("representative" in line for line in lines)
    assert max(len(line) for line in lines) <= 80
    header = next(i for i, line in enumerate(lines) if line.startswith("Time "))
    assert lines[header - 1].strip() == "Kind"
    assert "Interp." in lines[header]
    assert "Interp." in render(agenda_renderable(agenda, width=100)).splitlines()[5]
