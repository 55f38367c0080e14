"""Control characters in every text field, through every output: nothing reaches a terminal
raw, no calendar property or CSV row is injected, and the source lines `check` shows stay put.

The plan puts the drawn text into every human-readable field (event, day, delegation, venue,
room, person with contacts, session, cue, track); two sessions clash so that `check` and the
agenda show findings and source lines too.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE
from seminar_plan.cli import app

runner = CliRunner()

# Escape sequences that clear the screen, retitle the window or hide text; every line break
# str.splitlines knows; NUL, DEL, C1 (NEL, the 8-bit CSI) and a bidirectional override; a
# calendar property and spreadsheet formulas after a line break.
PIECES = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b[8mhidden\x1b[0m",
    "\x00",
    "\x7f",
    "\x85",
    "\x9b31m",
    "\u2028",
    "\u2029",
    "\r",
    "\r\n",
    "\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\u202e",
    "\nATTENDEE:mailto:x@example.org\n",
    '\r=HYPERLINK("http://x")',
    "\n@SUM(1)",
]
CONTROL_TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(st.characters(categories=["Cc", "Zl", "Zp", "Cf"]), max_size=3),
        st.text(max_size=3),
    ),
    min_size=1,
    max_size=4,
).map("".join)


def _toml(value: str) -> str:
    return tomli_w.dumps({"v": value}).removeprefix("v = ").strip()


def nasty_plan(text: str) -> str:
    value = _toml(f"a{text}b")
    fields = BASE.replace('title = { ja = "試験", zh = "测试", en = "Test" }', f"title = {value}")
    fields = fields.replace('name = "Japan"', f"name = {value}")
    fields = fields.replace('name = "Hotel"', f"name = {value}")
    fields = fields.replace('name = "Hall"', f"name = {value}")
    fields = fields.replace(
        'name = "Aoki"',
        f"name = {value}\ntitle = {value}\norganization = {value}\nnotes = {value}\n"
        f"contact = {{ email = {value} }}",
    )
    return (
        fields
        + f"""
[days.1]
label = {value}
notes = {value}

[[sessions]]
id = "opening"
title = {value}
day = 1
start = "09:00"
end = "10:00"
room = "hall"
speakers = ["aoki"]
notes = {value}
av = {value}

[[sessions.cues]]
at = "09:10"
what = {value}
notes = {value}

[[sessions]]
id = "clash"
title = {value}
day = 1
start = "09:30"
end = "10:30"
room = "hall"
track = {value}
speakers = ["aoki"]
"""
    )


def _raw_controls(output: str) -> list[str]:
    """Characters a terminal would obey: controls but tab and line feed, and separators."""
    return [
        char
        for char in output
        if char not in "\t\n" and unicodedata.category(char) in ("Cc", "Zl", "Zp")
    ]


def _run(*arguments: str) -> str:
    result = runner.invoke(app, list(arguments), prog_name="seminar-plan", env={"COLUMNS": "120"})
    assert result.exit_code in (0, 1), (arguments, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


FUZZ = settings(
    max_examples=60 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(text=CONTROL_TEXT)
def test_terminal_outputs_show_control_characters_escaped(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text(nasty_plan(text), encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text(nasty_plan(text + "x"), encoding="utf-8")
    for arguments in (
        ("check", str(plan)),
        ("agenda", str(plan)),
        ("agenda", str(plan), "--person", "aoki"),
        ("agenda", str(plan), "--format", "markdown"),
        ("people", str(plan), "--contacts"),
        ("runsheet", str(plan), "--day", "1", "--format", "markdown", "-o", "-", "--contacts"),
        ("diff", str(other), str(plan)),
        ("transport", str(plan)),
        ("seating", "opening", str(plan)),
        ("now", str(plan), "--at", "2025-07-23T09:15"),
    ):
        assert _raw_controls(_run(*arguments)) == [], arguments


@FUZZ
@given(text=CONTROL_TEXT)
def test_printed_pages_show_control_characters_escaped(tmp_path: Path, text: str) -> None:
    # HTML allows no control characters, and a page written with -o - reaches a terminal.
    plan = tmp_path / "seminar.toml"
    plan.write_text(nasty_plan(text), encoding="utf-8")
    for arguments in (
        ("runsheet", str(plan), "--day", "1", "--format", "html", "-o", "-", "--contacts"),
        ("programme", str(plan), "-o", "-"),
        ("badges", str(plan), "-o", "-"),
        ("placecards", str(plan), "-o", "-"),
        ("board", str(plan), "-o", "-"),
        ("catering", str(plan), "--format", "html"),
        ("transport", str(plan), "--format", "html", "--contacts"),
        ("seating", "opening", str(plan), "--format", "html"),
    ):
        assert _raw_controls(_run(*arguments)) == [], arguments
    # The board's schedule stays JSON its script can parse, with the room's name as written.
    page = _run("board", str(plan), "-o", "-")
    schedule = json.loads(page.split('id="schedule">')[1].split("</script>")[0])
    assert schedule["places"][0]["names"][0] == f"a{text}b"


@FUZZ
@given(text=CONTROL_TEXT)
def test_the_calendar_holds_only_its_own_properties(tmp_path: Path, text: str) -> None:
    from icalendar import Calendar

    plan = tmp_path / "seminar.toml"
    plan.write_text(nasty_plan(text), encoding="utf-8")
    for person in ((), ("--person", "aoki")):
        data = runner.invoke(
            app, ["export", str(plan), "--format", "ics", *person], prog_name="seminar-plan"
        ).stdout_bytes
        lines = data.decode("utf-8").split("\r\n")
        assert lines[-1] == ""
        for line in lines[:-1]:
            # RFC 5545: no control character but HTAB in a content line.
            assert [c for c in line if c != "\t" and unicodedata.category(c) == "Cc"] == []
        names = [line.split(":")[0].split(";")[0] for line in lines if line and line[0] != " "]
        assert "ATTENDEE" not in names
        assert names.count("X-WR-CALNAME") == 1
        calendar = Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 2


@FUZZ
@given(text=CONTROL_TEXT)
def test_every_csv_keeps_its_rows_and_its_formula_guard(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text(nasty_plan(text), encoding="utf-8")
    for arguments, rows in (
        (("export", str(plan), "--format", "csv"), 3),
        (("people", str(plan), "--format", "csv", "--contacts"), 4),
    ):
        result = runner.invoke(app, list(arguments), prog_name="seminar-plan")
        document = result.stdout_bytes.decode("utf-8-sig")
        parsed = list(csv.reader(io.StringIO(document, newline="")))
        assert len(parsed) == rows, arguments
        assert len({len(row) for row in parsed}) == 1
        for row in parsed:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_a_line_break_in_the_calendar_name_injects_nothing_under_python_optimised(
    tmp_path: Path,
) -> None:
    # icalendar guards content lines with assert, which `python -O` removes.
    plan = tmp_path / "seminar.toml"
    plan.write_text(nasty_plan("\nATTENDEE:mailto:x@example.org\n"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-O", "-m", "seminar_plan", "export", str(plan), "--format", "ics"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\r\nATTENDEE" not in result.stdout
    assert b"X-WR-CALNAME:a\\nATTENDEE:mailto:x@example.org\\nb\r\n" in result.stdout


LINE_BREAKS_INSIDE_STRINGS = ["\u2028", "\u2029", "\x85"]


@settings(max_examples=10, deadline=None)
@given(
    breaks=st.lists(st.sampled_from(LINE_BREAKS_INSIDE_STRINGS), min_size=1, max_size=5),
    where=st.sampled_from(["string", "comment"]),
)
def test_check_shows_the_line_toml_counts(breaks: list[str], where: str) -> None:
    from seminar_plan import check, load_text
    from seminar_plan.views.findings import render_text

    separators = "".join(breaks)
    odd = (
        f'notes = "before{separators}after"\n'
        if where == "string"
        else f"# a comment{separators}with breaks\n"
    )
    text = BASE.replace('name = "Aoki"\n', f'name = "Aoki"\n{odd}') + (
        '\n[people.secret]\nname = "Secret"\ncontact = { phone = "+86 555" }\n'
        '\n[people.bad]\nname = "Bad"\ndelegation = "nowhere"\n'
    )
    loaded = load_text(text)
    report = render_text(check(loaded), {"seminar.toml": text}, "seminar.toml")
    line = text.split("\n").index('delegation = "nowhere"') + 1
    assert f"error[unknown-ref] seminar.toml:{line}:" in report
    assert f' {line} | delegation = "nowhere"' in report
    assert "+86 555" not in report
