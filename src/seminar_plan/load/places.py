"""Key path -> (line, column) for a TOML text that ``tomllib`` already accepted.

``tomllib`` gives positions only for syntax errors, so findings find their place with this small
scanner. It tokenises once with one regular expression and walks headers, keys, arrays and inline
tables, recording where each key path starts. Paths use the shape of the parsed data: table
names and keys are strings, array (and array-of-tables) positions are ints, so the key ``start``
of the third ``[[sessions]]`` is ``("sessions", 2, "start")``. Only keys and tables get a place:
an item of a plain array is placed at its key (the contract places a finding at the offending
key), so the items of ``speakers = ["a", "b"]`` are never recorded.

Most lines of a plan are a simple ``key = "value"`` or a ``[header]``: one regular expression
per line records those. Only a statement that is not simple (an inline table, an array, a
multi-line string) is tokenised, from its first line to its end, so the scan costs about a
third of a ``tomllib`` parse.

It runs only when a finding needs a place, and never raises: a text it cannot follow simply has
fewer places, and callers fall back to the enclosing table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_TOKEN = re.compile(
    r"""
    (?P<nl>\r?\n)
  | (?P<ws>[ \t]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<mlbasic>\"\"\"(?:[^"\\]|\\[\s\S]|"(?!""))*\"\"\""{0,2})
  | (?P<mlliteral>'''[\s\S]*?''''{0,2})
  | (?P<basic>"(?:[^"\\\r\n]|\\.)*")
  | (?P<literal>'[^'\r\n]*')
  | (?P<punct>[\[\]{}=,.])
  | (?P<bare>[^\s\[\]{}=,.\#"']+)
    """,
    re.VERBOSE,
)

_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


@dataclass(slots=True)
class _Token:
    """One token of the place scanner, with where it starts."""

    kind: str
    text: str
    line: int
    column: int


_BARE_KEY = r"[A-Za-z0-9_-]+"
_BARE_KEY_ONLY = re.compile(rf"{_BARE_KEY}\Z")
_STRING = r""""(?:[^"\\\r\n]|\\.)*"(?!")|'[^'\r\n]*'(?!')"""
_SCALAR = r"""[^\s\[\]{}"'\#,=][^\#\r\n\[\]{}"',=]*?"""
_SIMPLE_LINE = re.compile(
    rf"""[ \t]*(?:
        (?P<key>{_BARE_KEY})[ \t]*=[ \t]*
        (?:{_STRING}|{_SCALAR}
          | \{{(?P<inline>[^{{}}\[\]\r\n\#]*)\}}
          | \[[^{{}}\[\]\r\n\#]*\]
        )
      | (?P<open>\[\[?)[ \t]*
        (?P<names>{_BARE_KEY}(?:[ \t]*\.[ \t]*{_BARE_KEY})*)[ \t]*(?P<close>\]\]?)
    )?[ \t]*(?:\#[^\r\n]*)?\r?\Z""",
    re.VERBOSE,
)
# One-line inline tables of ``key = "text"`` pairs are still simple, and so are one-line arrays
# with no brackets, braces or "#" inside (their items have no place of their own, and tomllib
# has already accepted them); anything else in braces or brackets is tokenised.
_INLINE_PAIR = re.compile(
    rf"[ \t]*(?P<key>{_BARE_KEY})[ \t]*=[ \t]*(?:{_STRING})[ \t]*(?P<sep>,|\Z)"
)


def _items(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The matches of ``pattern`` that tile text[start:end] exactly, else None."""
    found: list[re.Match[str]] = []
    position = start
    while position < end:
        match = pattern.match(text, position, end)
        if match is None:
            return None if text[position:end].strip(" \t") else found
        found.append(match)
        position = match.end()
    return found


class _TokenStream:
    """Tokens from ``position`` on, made as they are read; comments and blanks are left out."""

    def __init__(self, text: str, position: int, line: int) -> None:
        self.text = text
        self.matches = _TOKEN.finditer(text, position)
        self.line = line
        self.line_start = text.rfind("\n", 0, position) + 1
        self.head: _Token | None = None
        self.end = position
        self.advance()

    def advance(self) -> None:
        for match in self.matches:
            kind = match.lastgroup or "bare"
            token = _Token(kind, match.group(), self.line, match.start() - self.line_start + 1)
            self.end = match.end()
            newlines = token.text.count("\n")
            if newlines:
                self.line += newlines
                self.line_start = match.start() + token.text.rfind("\n") + 1
            if kind not in ("ws", "comment"):
                self.head = token
                return
        self.head = None


def _key_text(token: _Token) -> str:
    if token.kind == "basic":
        body = token.text[1:-1]
        return re.sub(
            r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)",
            lambda m: (
                chr(int(m.group(1)[1:], 16))
                if m.group(1)[0] in "uU"
                else _ESCAPES.get(m.group(1), m.group(1))
            ),
            body,
        )
    if token.kind == "literal":
        return token.text[1:-1]
    return token.text


@dataclass
class Places:
    """The positions found in one file."""

    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def find(self, path: Path) -> tuple[int, int]:
        """The place of ``path``, else of its nearest recorded ancestor, else (1, 1).

        An item of a plain array has no place of its own, so it is placed at its key:
        ``speakers = ["a", "b"]`` is the place of a problem with "b".
        """
        for end in range(len(path), 0, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return (1, 1)


class _Walker:
    def __init__(self, text: str, *, fast: bool = True) -> None:
        self.text = text
        self.fast = fast
        self.stream: _TokenStream | None = None
        self.positions: dict[Path, tuple[int, int]] = {}
        # Array-of-tables path -> how many elements have been opened so far.
        self.aot_count: dict[Path, int] = {}
        # The table of the last simple header line.
        self.current: Path = ()

    def peek(self) -> _Token | None:
        return self.stream.head if self.stream is not None else None

    def take(self) -> _Token | None:
        token = self.peek()
        if token is not None and self.stream is not None:
            self.stream.advance()
        return token

    def skip(self) -> None:
        if self.stream is not None:
            self.stream.advance()

    def record(self, path: Path, token: _Token) -> None:
        self.positions.setdefault(path, (token.line, token.column))

    def skip_line(self) -> None:
        while (token := self.peek()) is not None and token.kind != "nl":
            self.skip()

    def read_key(self) -> list[_Token]:
        parts: list[_Token] = []
        while (token := self.peek()) is not None:
            if token.kind in ("bare", "basic", "literal"):
                parts.append(token)
                self.skip()
                following = self.peek()
                if following is not None and following.text == "." and following.kind == "punct":
                    self.skip()
                    continue
            break
        return parts

    def resolve(self, names: list[str]) -> Path:
        """Turn a header's names into a data path, inserting array-of-tables positions."""
        path: Path = ()
        for name in names:
            path = (*path, name)
            count = self.aot_count.get(path)
            if count is not None:
                path = (*path, count - 1)
        return path

    def walk(
        self, position: int = 0, stop: int | None = None, line: int = 1, table: Path = ()
    ) -> dict[Path, tuple[int, int]]:
        """Record the places from ``position`` to ``stop`` (a header's start, or the end)."""
        text = self.text
        stop = len(text) if stop is None else stop
        while position < stop:
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            simple = _SIMPLE_LINE.match(text, position, end) if self.fast else None
            if simple is not None and self.simple_line(simple, table, line, position):
                if simple.group("open") is not None:
                    table = self.current
                position, line = end + 1, line + 1
                continue
            # A statement that is not simple: tokenise it to its end, then go on line by line.
            self.stream = _TokenStream(text, position, line)
            token = self.peek()
            if token is not None and token.kind == "punct" and token.text == "[":
                table = self.header(token)
            elif token is not None and token.kind != "nl":
                self.key_value(table)
            self.skip_line()
            newline = self.peek()
            if newline is None:
                break
            position = self.stream.end
            line = newline.line + 1
            self.stream = None
        return self.positions

    def simple_line(self, match: re.Match[str], table: Path, line: int, start: int) -> bool:
        """Record a simple line; False when its braces or brackets need the tokeniser."""
        key = match.group("key")
        if key is not None:
            text, path = self.text, (*table, key)
            parts: list[tuple[Path, int]] = []
            if match.group("inline") is not None:
                pairs = _items(_INLINE_PAIR, text, match.start("inline"), match.end("inline"))
                if pairs is None:
                    return False
                parts = [((*path, pair.group("key")), pair.start("key")) for pair in pairs]
            self.positions.setdefault(path, (line, match.start("key") - start + 1))
            for part_path, offset in parts:
                self.positions.setdefault(part_path, (line, offset - start + 1))
            return True
        if match.group("open") is not None:
            names = [name.strip() for name in match.group("names").split(".")]
            self.current = self.place_header(
                names,
                is_array=match.group("open") == "[[",
                place=(line, match.start("open") - start + 1),
            )
        return True

    def header(self, opening: _Token) -> Path:
        self.skip()
        is_array = False
        following = self.peek()
        if following is not None and following.text == "[":
            is_array = True
            self.skip()
        names = [_key_text(part) for part in self.read_key()]
        return self.place_header(
            names, is_array=is_array, place=(opening.line, opening.column)
        )

    def place_header(self, names: list[str], *, is_array: bool, place: tuple[int, int]) -> Path:
        if not names:
            return ()
        if is_array:
            parent = self.resolve(names[:-1])
            array_path = (*parent, names[-1])
            count = self.aot_count.get(array_path, 0) + 1
            self.aot_count[array_path] = count
            path: Path = (*array_path, count - 1)
        else:
            path = self.resolve(names)
        # Parents that only a dotted header names ([a.b] defines a) stand at that header.
        positions = self.positions
        for end in range(1, len(path) + 1):
            positions.setdefault(path[:end], place)
        return path

    def key_value(self, table: Path) -> None:
        parts = self.read_key()
        if not parts:
            self.skip()
            return
        path = (*table, *(_key_text(part) for part in parts))
        for end in range(len(table) + 1, len(path) + 1):
            self.record(path[:end], parts[0])
        equals = self.peek()
        if equals is None or equals.text != "=":
            return
        self.skip()
        self.value(path)

    def value(self, path: Path) -> None:
        token = self.take()
        if token is None:
            return
        if token.kind == "punct" and token.text == "[":
            self.array(path)
        elif token.kind == "punct" and token.text == "{":
            self.inline_table(path)

    def skip_rest_of_value(self, closing: str) -> None:
        """Pass over what is left of a value that spans tokens, such as ``1.5`` or a date-time."""
        while (token := self.peek()) is not None and not (
            token.kind == "nl" or (token.kind == "punct" and token.text in (",", closing))
        ):
            self.skip()

    def array(self, path: Path) -> None:
        position = 0
        while (token := self.peek()) is not None:
            if token.kind == "nl" or (token.kind == "punct" and token.text == ","):
                self.skip()
                continue
            if token.kind == "punct" and token.text == "]":
                self.skip()
                return
            self.value((*path, position))
            self.skip_rest_of_value("]")
            position += 1

    def inline_table(self, path: Path) -> None:
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.text == "}":
                self.skip()
                return
            if token.kind == "punct" and token.text == ",":
                self.skip()
                continue
            parts = self.read_key()
            if not parts:
                self.skip()
                continue
            key_path = (*path, *(_key_text(part) for part in parts))
            for end in range(len(path) + 1, len(key_path) + 1):
                self.record(key_path[:end], parts[0])
            equals = self.peek()
            if equals is not None and equals.text == "=":
                self.skip()
                self.value(key_path)
                self.skip_rest_of_value("}")


# A line that starts with "[": a simple header (its names, no quotes) or anything else ("other").
_BRACKET_LINE = re.compile(
    rf"""^[ \t]*(?:
        (?P<open>\[\[?)[ \t]*(?P<names>{_BARE_KEY}(?:[ \t]*\.[ \t]*{_BARE_KEY})*)[ \t]*\]\]?
        [ \t]*(?:\#[^\r\n]*)?\r?$
      | (?P<other>\[)
    )""",
    re.MULTILINE | re.VERBOSE,
)
# A line such as "[1]" or "[true]" inside a multi-line array of arrays looks like a header.
_VALUE_LIKE = re.compile(r"\d+|true|false|inf|nan\Z")


class LazyPlaces(Places):
    """Places found table by table: only the tables that findings point into are scanned.

    One regular expression finds the header lines; a table's keys are scanned the first time a
    path inside it is asked for. Built only for texts where every line that starts with "[" is
    certainly a header (no multi-line strings, no arrays of arrays laid out one per line).
    """

    def __init__(self, walker: _Walker, regions: dict[Path, tuple[int, int, int]]) -> None:
        super().__init__(walker.positions)
        self.walker = walker
        self.regions = regions
        self.scanned: set[Path] = set()
        self.key_lines: dict[str, re.Pattern[str]] = {}

    def find(self, path: Path) -> tuple[int, int]:
        for end in range(len(path), -1, -1):
            table = path[:end]
            if table in self.regions:
                # A table itself stands at its header, placed when the headers were read.
                if end < len(path) and table not in self.scanned:
                    found = self.find_key_line(table, path[end:])
                    if found is not None:
                        return found
                    self.scanned.add(table)
                    start, stop, line = self.regions[table]
                    self.walker.walk(start, stop, line, table)
                break
        return super().find(path)

    def find_key_line(self, table: Path, rest: Path) -> tuple[int, int] | None:
        """The place of ``table``'s key ``rest[0]`` (or of an item of its array) found by one
        search for a line that starts with that bare key and "=", without walking the table.

        A dense plan's findings point into nearly every table, and walking each line by line
        cost more than the rules. Between two headers of a text that tomllib accepted and that
        has no multi-line strings (the lazy scanner's texts), such a line can only be that
        table's own key: an array's lines hold values, an inline table is one line. A key
        written quoted or dotted is not found here, and the walk finds it as before.
        """
        if len(rest) > 2 or not isinstance(key := rest[0], str):
            return None
        if (len(rest) == 2 and not isinstance(rest[1], int)) or not _BARE_KEY_ONLY.match(key):
            return None
        pattern = self.key_lines.get(key)
        if pattern is None:
            pattern = self.key_lines[key] = re.compile(rf"^[ \t]*({key})[ \t]*=", re.MULTILINE)
        start, stop, line = self.regions[table]
        text = self.walker.text
        match = pattern.search(text, start, stop)
        if match is None:
            return None
        at = match.start(1)
        line_start = text.rfind("\n", start, at) + 1 or start
        return (line + text.count("\n", start, at), at - line_start + 1)


def _lazy_places(text: str) -> LazyPlaces | None:
    if '"""' in text or "'''" in text:
        return None
    walker = _Walker(text)
    # Table path -> (first offset, offset of the next header, line of the first offset).
    regions: dict[Path, tuple[int, int, int]] = {}
    table: Path = ()
    start, start_line = 0, 1
    line, counted = 1, 0
    for header in _BRACKET_LINE.finditer(text):
        if header.group("other") is not None:
            return None
        written = header.group("names")
        names = [name.strip() for name in written.split(".")] if "." in written else [written]
        if _VALUE_LIKE.match(names[0]):
            return None
        at = header.start()
        line += text.count("\n", counted, at)
        counted = at
        regions.setdefault(table, (start, at, start_line))
        place = (line, header.start("open") - at + 1)
        table = walker.place_header(names, is_array=header.group("open") == "[[", place=place)
        newline = text.find("\n", header.end())
        start, start_line = (len(text) if newline < 0 else newline + 1), line + 1
    regions.setdefault(table, (start, len(text), start_line))
    return LazyPlaces(walker, regions)


def index_places(text: str, *, lazy: bool = True) -> Places:
    """Where each key path of ``text`` (valid TOML) starts, scanned now or as needed."""
    try:
        if lazy and (places := _lazy_places(text)) is not None:
            return places
        walker = _Walker(text)
        return Places(walker.walk())
    except (IndexError, ValueError, RecursionError):
        # A text this scanner cannot follow loses only its places, never its findings.
        return Places()
