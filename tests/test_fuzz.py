"""Fuzzing every command: no plan a person can write crashes seminar-plan or breaks its JSON.

Plans are the example plan with structural mutations (keys dropped, types swapped, ids
duplicated, references broken, times out of range, CJK, emoji, RTL and very long text, deep
include chains) written back with tomli-w, plus raw text mutations for syntax errors. Every
command must exit 0, 1 or 2, never show a traceback, and print valid JSON where JSON was asked
for. Example counts are small so CI stays quick; run with HYPOTHESIS_PROFILE=long for more.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from seminar_plan.cli import app
from seminar_plan.views.pdf import SYSTEM_CJK_FONTS, find_font

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_TEXT = (ROOT / "examples" / "zhengzhou-2025" / "seminar.toml").read_text(encoding="utf-8")
EXAMPLE = tomllib.loads(EXAMPLE_TEXT)

EXAMPLES = 400 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 25

NASTY_VALUES: list[Any] = [
    "",
    "x" * 10_000,
    "開会あいさつ" * 50,
    "مرحبا بالعالم",  # right-to-left
    "🎉🇯🇵🇨🇳",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "| pipe | and\nnewline",
    "25:61",
    "24:00",
    "00:00",
    -1,
    0,
    2**63,
    10**30,
    1.5,
    True,
    [],
    {},
    {"ja": 1},
    [1, "a", 2.5],
    "Mars/Olympus",
    "../../../etc/passwd",
    "kr",  # a real language code, usually a mistyped country
    "jp",
    "ZH-hant",
    # Values at the limits: the years a plan may use and just past them, the widest offsets,
    # 64-bit integers, ids that look like numbers or are not ASCII, zones with odd clocks.
    dt.date(1900, 1, 1),
    dt.date(9998, 12, 31),
    dt.date(9999, 12, 31),
    dt.datetime(1900, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14))),
    dt.datetime(9998, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
    dt.datetime(2025, 3, 30, 2, 30),  # noqa: DTZ001 - a local time, as a plan writes it
    dt.time(23, 59, 59),
    2**63 - 1,
    -(2**63),
    "007",
    "1",
    "日本",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
]

runner = CliRunner()


def _paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*prefix, key))
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.append((*prefix, index))
            found.extend(_paths(value, (*prefix, index)))
    return found


def _parent(document: dict[str, Any], path: tuple[Any, ...]) -> Any:  # noqa: ANN401 - a table or a list
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    return node


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 5))):
        paths = _paths(document)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(document, path)
        key = path[-1]
        action = draw(st.sampled_from(["drop", "nasty", "duplicate", "swap"]))
        if action == "drop":
            del parent[key]
        elif action == "nasty":
            parent[key] = copy.deepcopy(draw(st.sampled_from(NASTY_VALUES)))
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif action == "swap":
            other = draw(st.sampled_from(paths))
            other_parent = _parent(document, other)
            if other[:-1] != path[: len(other) - 1] and path[:-1] != other[: len(path) - 1]:
                parent[key], other_parent[other[-1]] = other_parent[other[-1]], parent[key]
    return document


@st.composite
def plan_texts(draw: st.DrawFn) -> str:
    document = draw(mutated_documents())
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):
        text = EXAMPLE_TEXT
    if draw(st.booleans()):
        lines = text.splitlines()
        position = draw(st.integers(0, max(len(lines) - 1, 0)))
        lines.insert(
            position, draw(st.sampled_from(["[", "x = ", "[[sessions]", "a = 1\na = 2", '"']))
        )
        text = "\n".join(lines)
    return text


def _invoke(arguments: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, arguments, prog_name="seminar-plan")
    assert result.exit_code in (0, 1, 2), (arguments, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    combined = result.stdout + result.stderr
    assert "Traceback" not in combined
    assert "internal error" not in combined
    return result.exit_code, result.stdout


def _write(folder: Path, text: str) -> Path:
    plan = folder / "seminar.toml"
    plan.write_text(text, encoding="utf-8")
    return plan


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(text=plan_texts())
def test_check(tmp_path: Path, text: str) -> None:
    plan = _write(tmp_path, text)
    code, out = _invoke(["check", str(plan), "--format", "json"])
    if code != 2:
        json.loads(out)
    _invoke(["check", str(plan)])


@FUZZ
@given(text=plan_texts(), day=st.sampled_from(["1", "2", "4", "9", "2025-07-24", "x"]))
def test_agenda_and_people(tmp_path: Path, text: str, day: str) -> None:
    plan = _write(tmp_path, text)
    code, out = _invoke(["agenda", str(plan), "--day", day, "--format", "json"])
    if code == 0:
        json.loads(out)
    _invoke(["agenda", str(plan), "--day", day])
    _invoke(["agenda", str(plan), "--format", "markdown", "--lang", "zh", "--tz", "Asia/Tokyo"])
    code, out = _invoke(["people", str(plan), "--format", "json"])
    if code == 0:
        json.loads(out)
    _invoke(["people", str(plan), "--format", "csv"])
    code, out = _invoke(["people", str(plan), "--role", "interpreter", "--format", "json"])
    if code == 0:
        json.loads(out)
    _invoke(["people", str(plan), "--role", "interpreter", "--format", "markdown"])
    _invoke(["agenda", str(plan), "--person", "interpreter-a", "--format", "json"])


@FUZZ
@given(text=plan_texts(), output=st.sampled_from(["html", "markdown"]))
def test_runsheet(tmp_path: Path, text: str, output: str) -> None:
    plan = _write(tmp_path, text)
    _invoke(
        [
            "runsheet",
            str(plan),
            "--day",
            "2",
            "--format",
            output,
            "-o",
            str(tmp_path / "out"),
            "--force",
        ]
    )


# Each more than a page of one run-sheet cell holds.
LONG_TEXTS = ("word " * 600, "開会あいさつ、" * 400, "x" * 5_000, "。" * 2_500)


def with_a_tall_row(text: str, field: str, long_text: str) -> str:
    """``text`` with ``field`` of its first day-2 session (or that session's room name) set
    to ``long_text``: a run-sheet row taller than a page. Text that is no TOML stays as it is."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return text
    sessions = document.get("sessions")
    chosen = (
        next(
            (s for s in sessions if isinstance(s, dict) and s.get("day") == 2),
            None,
        )
        if isinstance(sessions, list)
        else None
    )
    if chosen is None:
        return text
    rooms = document.get("rooms")
    if (
        field == "room"
        and isinstance(rooms, dict)
        and isinstance(rooms.get(chosen.get("room")), dict)
    ):
        rooms[chosen["room"]]["name"] = long_text
    else:
        chosen[field if field != "room" else "notes"] = long_text
    try:
        return tomli_w.dumps(document)
    except (TypeError, ValueError):
        return text


@settings(FUZZ, max_examples=max(EXAMPLES // 5, 3))
@given(
    text=plan_texts(),
    field=st.sampled_from(["title", "notes", "av", "room"]),
    long_text=st.sampled_from(range(len(LONG_TEXTS))),
    by_room=st.booleans(),
)
def test_runsheet_pdf(tmp_path: Path, text: str, field: str, long_text: int, by_room: bool) -> None:
    """The PDF run sheet (the [pdf] extra and a CJK font) with a row taller than a page: it
    continues on the next ones; no plan gives a traceback."""
    pytest.importorskip("fpdf", reason="the [pdf] extra (fpdf2) is not installed")
    if find_font(SYSTEM_CJK_FONTS) is None:
        pytest.skip("no system CJK font (Debian: apt-get install fonts-noto-cjk)")
    plan = _write(tmp_path, with_a_tall_row(text, field, LONG_TEXTS[long_text]))
    arguments = ["runsheet", str(plan), "--day", "2", "--format", "pdf", "--force"]
    arguments += ["-o", str(tmp_path / "out.pdf"), *(["--by-room"] if by_room else [])]
    result = runner.invoke(app, arguments, prog_name="seminar-plan")
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    # A tall row is laid out, never refused.
    assert "cannot lay out" not in result.stderr


@FUZZ
@given(
    text=plan_texts(), output=st.sampled_from(["ics", "csv", "json", "frab-xml", "schedule-json"])
)
def test_export(tmp_path: Path, text: str, output: str) -> None:
    plan = _write(tmp_path, text)
    target = tmp_path / "export.out"
    code, _ = _invoke(["export", str(plan), "--format", output, "-o", str(target), "--force"])
    if code == 0 and output in ("json", "schedule-json"):
        json.loads(target.read_text(encoding="utf-8"))


@FUZZ
@given(
    text=plan_texts(),
    output=st.sampled_from(["text", "markdown", "csv", "json", "html"]),
    narrow=st.sampled_from(
        [[], ["--day", "1"], ["--day", "4"], ["--flight", "nh9601"], ["--vehicle", "coach-1"]]
    ),
)
def test_transport(tmp_path: Path, text: str, output: str, narrow: list[str]) -> None:
    plan = _write(tmp_path, text)
    code, out = _invoke(["transport", str(plan), "--format", output, "--contacts", *narrow])
    if code == 0 and output == "json":
        json.loads(out)


@FUZZ
@given(text=plan_texts(), choice=st.integers(0, 5))
def test_logistics_and_printed_pages(tmp_path: Path, text: str, choice: int) -> None:
    plan = _write(tmp_path, text)
    page = str(tmp_path / "page.html")
    for arguments in (
        [["rooming", str(plan), "--format", "json"], ["rooming", str(plan), "--format", "csv"]],
        [["catering", str(plan), "--format", "json"], ["catering", str(plan), "--format", "html"]],
        [["now", str(plan), "--at", "2025-07-24T10:05"], ["board", str(plan), "-o", page]],
        [["programme", str(plan), "-o", page], ["badges", str(plan), "-o", page]],
        [["placecards", str(plan), "-o", page], ["seating", "opening", str(plan)]],
        [["shift", "opening", str(plan), "--by", "15m", "--ripple"]],
    )[choice]:
        code, out = _invoke([*arguments, "--force"] if "-o" in arguments else arguments)
        if code != 2 and "json" in arguments:
            json.loads(out)


@FUZZ
@given(old=plan_texts(), new=plan_texts())
def test_diff(tmp_path: Path, old: str, new: str) -> None:
    old_plan = tmp_path / "old.toml"
    new_plan = tmp_path / "new.toml"
    old_plan.write_text(old, encoding="utf-8")
    new_plan.write_text(new, encoding="utf-8")
    code, out = _invoke(["diff", str(old_plan), str(new_plan), "--format", "json"])
    if code != 2:
        json.loads(out)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(depth=st.one_of(st.sampled_from([63, 64]), st.integers(1, 80)))
def test_deep_include_chains(tmp_path: Path, depth: int) -> None:
    for level in range(depth):
        (tmp_path / f"part{level}.toml").write_text(
            f'include = ["part{level + 1}.toml"]\n', encoding="utf-8"
        )
    (tmp_path / f"part{depth}.toml").write_text('[people.deep]\nname = "Deep"\n', encoding="utf-8")
    plan = _write(tmp_path, 'include = ["part0.toml"]\n' + EXAMPLE_TEXT)
    code, out = _invoke(["check", str(plan), "--format", "json"])
    json.loads(out)
    # The plan includes part0 at level 1, so part{depth} stands at level depth + 1.
    assert code == (1 if depth + 1 > 64 else 0)
