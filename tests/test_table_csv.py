"""The spreadsheet export: UTF-8 with BOM, one row per session, formulas neutralised.

Set UPDATE_GOLDEN=1 to rewrite the golden file, then read it by eye.
"""

from __future__ import annotations

import csv
import io
import os

import tomli_w

from conftest import plan_text, session
from export_plans import GOLDEN, example, parsed
from seminar_plan.exports import table_csv


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_utf8_with_a_bom_and_crlf_line_ends() -> None:
    data = table_csv.render(example())
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == len(example().sessions) + 1
    assert "開会あいさつ" in data.decode("utf-8-sig")


def test_one_row_per_session_with_headings_in_the_ui_language() -> None:
    plan = example()
    rows = rows_of(table_csv.render(plan, lang="en"))
    assert rows[0][:7] == ["Session id", "Day", "Date", "Start", "End", "Minutes", "Title"]
    assert len(rows[0]) == len(table_csv.COLUMNS)
    assert sorted(row[0] for row in rows[1:]) == sorted(s.id for s in plan.sessions)
    assert rows_of(table_csv.render(plan))[0][0] == "セッションID"


def test_the_day_two_spreadsheet_matches_the_reviewed_golden_file() -> None:
    rendered = table_csv.render(example(), day=2, lang="en")
    golden = GOLDEN / "export" / "zhengzhou-day2-en.csv"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(rendered)
    assert rendered == golden.read_bytes()


def test_a_persons_rows() -> None:
    rows = rows_of(table_csv.render(example(), person="hanaoka", lang="en"))
    assert [row[0] for row in rows[1:]] == ["pickup-hanaoka", "keynote"]


def test_midnight_is_written_as_24_00() -> None:
    plan = parsed(plan_text(session("late", "23:00", "24:00")))
    (row,) = rows_of(table_csv.render(plan, lang="en"))[1:]
    assert row[3:6] == ["23:00", "24:00", "60"]


def test_a_cell_that_would_be_a_formula_is_neutralised() -> None:
    title = '=HYPERLINK("http://example.invalid","x")'
    extra = session("talk", "09:00", "10:00", notes="+1 555", av="@SUM(A1)", track="-x")
    plan = parsed(plan_text(extra).replace('title = "talk"', tomli_w.dumps({"title": title})))
    (row,) = rows_of(table_csv.render(plan, lang="en"))[1:]
    columns = dict(zip(table_csv.COLUMNS, row, strict=True))
    assert columns["title"] == "'" + title
    assert columns["notes"] == "'+1 555"
    assert columns["av"] == "'@SUM(A1)"
    assert columns["track"] == "'-x"


def test_newlines_and_quotes_survive_the_round_trip() -> None:
    notes = 'line one\nline "two", three'
    plan = parsed(plan_text(session("talk", "09:00", "10:00") + tomli_w.dumps({"notes": notes})))
    (row,) = rows_of(table_csv.render(plan, lang="en"))[1:]
    assert row[table_csv.COLUMNS.index("notes")] == notes
