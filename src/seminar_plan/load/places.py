"""Key path -> (line, column) for a TOML text that ``tomllib`` already accepted.

``tomllib`` gives positions only for syntax errors, so findings find their place with this small
scanner. It tokenises once with one regular expression and walks headers, keys, arrays and inline
tables, recording where each key path starts. Paths use the shape of the parsed data: table
names and keys are strings, array (and array-of-tables) positions are ints, so the key ``start``
of the third ``[[sessions]]`` is ``("sessions", 2, "start")``.

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
    kind: str
    text: str
    line: int
    column: int


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "bare"
        start = match.start()
        if kind not in ("ws", "comment"):
            tokens.append(_Token(kind, match.group(), line, start - line_start + 1))
        newlines = match.group().count("\n")
        if newlines:
            line += newlines
            line_start = match.start() + match.group().rfind("\n") + 1
    return tokens


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
        """The place of ``path``, else of its nearest recorded ancestor, else (1, 1)."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return (1, 1)


class _Walker:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        # Array-of-tables path -> how many elements have been opened so far.
        self.aot_count: dict[Path, int] = {}

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token | None:
        token = self.peek()
        if token is not None:
            self.index += 1
        return token

    def record(self, path: Path, token: _Token) -> None:
        self.positions.setdefault(path, (token.line, token.column))

    def skip_line(self) -> None:
        while (token := self.peek()) is not None and token.kind != "nl":
            self.index += 1

    def read_key(self) -> list[_Token]:
        parts: list[_Token] = []
        while (token := self.peek()) is not None:
            if token.kind in ("bare", "basic", "literal"):
                parts.append(token)
                self.index += 1
                following = self.peek()
                if following is not None and following.text == "." and following.kind == "punct":
                    self.index += 1
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

    def walk(self) -> dict[Path, tuple[int, int]]:
        table: Path = ()
        while (token := self.peek()) is not None:
            if token.kind == "nl":
                self.index += 1
                continue
            if token.kind == "punct" and token.text == "[":
                table = self.header(token)
            else:
                self.key_value(table)
            self.skip_line()
        return self.positions

    def header(self, opening: _Token) -> Path:
        self.index += 1
        is_array = False
        following = self.peek()
        if following is not None and following.text == "[":
            is_array = True
            self.index += 1
        names = [_key_text(part) for part in self.read_key()]
        if not names:
            return ()
        if is_array:
            parent = self.resolve(names[:-1])
            array_path = (*parent, names[-1])
            count = self.aot_count.get(array_path, 0) + 1
            self.aot_count[array_path] = count
            path: Path = (*array_path, count - 1)
            self.record(array_path, opening)
        else:
            path = self.resolve(names)
        self.record(path, opening)
        return path

    def key_value(self, table: Path) -> None:
        parts = self.read_key()
        if not parts:
            self.index += 1
            return
        path = (*table, *(_key_text(part) for part in parts))
        for end in range(len(table) + 1, len(path) + 1):
            self.record(path[:end], parts[0])
        equals = self.peek()
        if equals is None or equals.text != "=":
            return
        self.index += 1
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
            self.index += 1

    def array(self, path: Path) -> None:
        position = 0
        while (token := self.peek()) is not None:
            if token.kind == "nl" or (token.kind == "punct" and token.text == ","):
                self.index += 1
                continue
            if token.kind == "punct" and token.text == "]":
                self.index += 1
                return
            self.record((*path, position), token)
            self.value((*path, position))
            self.skip_rest_of_value("]")
            position += 1

    def inline_table(self, path: Path) -> None:
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.text == "}":
                self.index += 1
                return
            if token.kind == "punct" and token.text == ",":
                self.index += 1
                continue
            parts = self.read_key()
            if not parts:
                self.index += 1
                continue
            key_path = (*path, *(_key_text(part) for part in parts))
            for end in range(len(path) + 1, len(key_path) + 1):
                self.record(key_path[:end], parts[0])
            equals = self.peek()
            if equals is not None and equals.text == "=":
                self.index += 1
                self.value(key_path)
                self.skip_rest_of_value("}")


def index_places(text: str) -> Places:
    """Scan ``text`` (valid TOML) and return where each key path starts."""
    try:
        return Places(_Walker(_tokens(text)).walk())
    except (IndexError, ValueError, RecursionError):
        # A text this scanner cannot follow loses only its places, never its findings.
        return Places()
