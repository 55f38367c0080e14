"""The position scanner: every key path of a TOML text maps to where it is written."""

from __future__ import annotations

import string
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from seminar_plan.load.places import LazyPlaces, Path, _Walker, index_places

TEXT = '''\
format = 1
# a comment with [brackets] and "quotes"
[event]
title = { ja = "開会", en = "x" }
numbers = [1.5, 2, "three"]

[[sessions]]
id = "a"
speakers = [
  "p1", # first
  "p2",
]
notes = """
[not.a.table]
x = 1
"""
[[sessions.cues]]
at = "09:00"

[[sessions]]
id = "b"
"quoted key".inner = 2
when = 2025-07-23T09:00:00.5+08:00
after = 'literal'
'''


def test_positions_of_a_hand_written_plan() -> None:
    places = index_places(TEXT)
    assert not isinstance(places, LazyPlaces)  # multi-line strings need the full scan
    expected: dict[Path, tuple[int, int]] = {
        ("format",): (1, 1),
        ("event",): (3, 1),
        ("event", "title", "en"): (4, 22),
        ("sessions", 0): (7, 1),
        ("sessions", 0, "notes"): (13, 1),
        ("sessions", 0, "cues", 0, "at"): (18, 1),
        ("sessions", 1, "id"): (21, 1),
        ("sessions", 1, "quoted key", "inner"): (22, 1),
        ("sessions", 1, "after"): (24, 1),
    }
    for path, position in expected.items():
        assert places.positions.get(path) == position, path
    assert ("not", "a", "table") not in places.positions
    # Only keys have places: an item of an array is placed at its key.
    assert ("event", "numbers", 2) not in places.positions
    assert ("sessions", 0, "speakers", 1) not in places.positions


def test_find_falls_back_to_the_nearest_ancestor() -> None:
    places = index_places(TEXT)
    assert places.find(("sessions", 1, "missing")) == (20, 1)
    assert places.find(("nothing",)) == (1, 1)
    assert places.find(("sessions", 0, "speakers", 1)) == (9, 1)
    assert places.find(("sessions", 1)) == (20, 1)


def test_scanner_never_raises_on_odd_text() -> None:
    for text in ("[", "[[", "= = =", '"unterminated', "a.b.c", "]]]", "{", "'''"):
        index_places(text)


# -- property: every key path of a generated document is found at its key -------------------

keys = st.text(alphabet=string.ascii_lowercase + "_-", min_size=1, max_size=6)
scalars = st.one_of(
    st.integers(-10, 10),
    st.text(alphabet=string.printable + "開会中文", max_size=8),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(keys, inner, min_size=1, max_size=3),
    ),
    max_leaves=8,
)
documents = st.dictionaries(
    keys,
    st.one_of(
        values,
        st.lists(st.dictionaries(keys, values, min_size=1, max_size=3), min_size=1, max_size=3),
    ),
    max_size=5,
)


def _paths(node: object, prefix: Path = ()) -> list[tuple[Path, str | int]]:
    found: list[tuple[Path, str | int]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append(((*prefix, key), key))
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found.extend(_paths(value, (*prefix, position)))
    return found


@settings(max_examples=200, deadline=None)
@given(documents)
def test_every_key_is_found(document: dict[str, Any]) -> None:
    text = tomli_w.dumps(document)
    assert tomllib.loads(text) == document
    lines = text.splitlines()
    places = index_places(text, lazy=False)
    lazy = index_places(text)
    for path, key in _paths(document):
        assert lazy.find(path) == places.find(path), (path, text)
        assert path in places.positions, (path, text)
        line, column = places.positions[path]
        written = lines[line - 1][column - 1 :]
        assert written.startswith((str(key), f'"{key}"', "[")), (path, written)


inline_documents = st.dictionaries(
    keys,
    st.dictionaries(
        keys,
        st.one_of(
            scalars,
            st.lists(scalars, max_size=3),
            st.dictionaries(keys, st.text(max_size=5), min_size=1, max_size=2),
        ),
        min_size=1,
        max_size=4,
    ),
    max_size=3,
)


def _inline(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return tomli_w.dumps({"v": value})[4:-1]


@settings(max_examples=200, deadline=None)
@given(inline_documents)
def test_the_line_fast_path_agrees_with_the_tokeniser(document: dict[str, dict[str, Any]]) -> None:
    text = "".join(
        f"[{table}]\n"
        + "".join(f"{key} = {_inline(value)}  # note\n" for key, value in body.items())
        for table, body in document.items()
    )
    assert tomllib.loads(text) == document
    assert _Walker(text).walk() == _Walker(text, fast=False).walk()


LAZY_TEXT = """\
format = 1
[event]
title = { ja = "開会", en = "x" }\r
[[sessions]]
id = "a"
speakers = [
  "p1",
  "p2",
]
[[sessions]]
id = "b"
room = "hall"
[[sessions.cues]]
at = "09:00"
"""


def test_lazy_places_scan_only_the_tables_asked_for() -> None:
    places = index_places(LAZY_TEXT)
    assert isinstance(places, LazyPlaces)
    # A table's own key is found by one search for its line: nothing is walked.
    assert places.find(("sessions", 1, "room")) == (12, 1)
    assert places.find(("sessions", 0, "speakers", 1)) == (6, 1)
    assert places.scanned == set()
    assert places.find(("event", "title", "en")) == (3, 22)
    assert places.find(("sessions", 1, "cues", 0, "at")) == (14, 1)
    assert places.find(("format",)) == (1, 1)
    assert places.scanned == {("event",)}  # for the inline table's key


KEY_LINE_TEXT = """\
[[sessions]]
cues = [
  { room = "inline", at = "09:00" },
  "room = not a key",
]
"speakers" = ["quoted"]
notes.room = "dotted"
  room   =   "hall"  # the key
"""


@pytest.mark.parametrize(
    ("path", "place"),
    [
        (("sessions", 0, "room"), (8, 3)),  # indented, after an array whose items say room
        (("sessions", 0, "cues", 0, "room"), (3, 5)),  # inside an inline table: walked
        (("sessions", 0, "speakers"), (6, 1)),  # quoted: walked
        (("sessions", 0, "notes", "room"), (7, 1)),  # dotted: walked, placed at its first part
        (("sessions", 0, "missing"), (1, 1)),  # no such key: the table's header
    ],
)
def test_a_keys_line_is_found_as_the_walk_finds_it(path: Path, place: tuple[int, int]) -> None:
    assert tomllib.loads(KEY_LINE_TEXT)["sessions"][0]["room"] == "hall"
    assert index_places(KEY_LINE_TEXT).find(path) == place
    assert index_places(KEY_LINE_TEXT, lazy=False).find(path) == place


def test_arrays_of_arrays_laid_out_by_line_use_the_full_scan() -> None:
    text = "x = [\n  [1],\n  [2],\n]\n[event]\na = 1\n"
    places = index_places(text)
    assert not isinstance(places, LazyPlaces)
    assert places.find(("event", "a")) == (6, 1)


def test_the_lazy_scanner_reads_each_line_at_most_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(
        f'[[sessions]]\nid = "s{n}"\nspeakers = ["p{n}", "q{n}"]\n'
        f'title = {{ en = "T{n}", ja = "題{n}" }}\n\n'
        for n in range(200)
    )
    calls = 0
    simple_line = _Walker.simple_line

    def counted(self: _Walker, *args: Any) -> bool:  # noqa: ANN401
        nonlocal calls
        calls += 1
        return simple_line(self, *args)

    monkeypatch.setattr(_Walker, "simple_line", counted)
    places = index_places(text)
    assert isinstance(places, LazyPlaces)
    for n in range(200):
        for _ in range(2):  # asking twice scans nothing more
            assert places.find(("sessions", n, "speakers", 1)) == (5 * n + 3, 1)
            line, column = places.find(("sessions", n, "title", "ja"))
            assert text.splitlines()[line - 1][column - 1 :].startswith("ja = ")
    assert calls <= text.count("\n")


def test_the_locator_finds_each_origin_once_and_shares_its_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Half a million overlaps in one room name the same few keys: one Place each, not one per
    # finding (issue 9's memory).
    from seminar_plan import load_text
    from seminar_plan.model import Origin

    locator = load_text("[[sessions]]\nid = 'a'\n\n[[sessions]]\nid = 'b'\n").locator
    scans = []
    original = LazyPlaces.find

    def counted(self: LazyPlaces, path: Path) -> tuple[int, int]:
        scans.append(path)
        return original(self, path)

    monkeypatch.setattr(LazyPlaces, "find", counted)
    first = locator.place(Origin(0, ("sessions", 1, "id")))
    again = locator.place(Origin(0, ("sessions", 1, "id")))
    assert first is again
    assert (first.line, first.column) == (5, 1)
    assert len(scans) == 1
