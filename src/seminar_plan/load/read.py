"""Reading a plan's files: the plan, its includes, their text and TOML mapping (I/O only).

Nothing here interprets the plan: ``parse`` turns the mappings into the model. Problems with an
included file are returned as data, because they are mistakes in the plan; only a main file that
cannot be read at all is an exception (the command cannot run).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seminar_plan import messages
from seminar_plan.errors import SeminarPlanError
from seminar_plan.files import ReadError, TooLargeError, read_regular, special_kind
from seminar_plan.messages import Message, render
from seminar_plan.model import Origin

try:
    # tomli's compiled (mypyc) wheels parse about 3x faster than the standard library's tomllib,
    # with the same TOML 1.0 grammar and the same error messages and positions; pyproject pins
    # it below 2.4, the release that reads TOML 1.1, so every plan stays readable by tomllib.
    import tomli as toml
except ImportError:  # only where tomli is not installed: PyPy and other interpreters
    import tomllib as toml  # type: ignore[no-redef]

MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_INCLUDE_DEPTH = 64

_SYNTAX_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")

# TOML 1.0: integers are 64-bit, and one that cannot be held losslessly is an error. Python
# reads any size, but one past the limit of int() (4,300 decimal digits) stops the parser, and
# a huge one written in hex passes it and then stops every export that prints it.
INTEGER_RANGE = (-(2**63), 2**63 - 1)
_TOO_LONG_FOR_INT = re.compile(r"(?<=[=\[,{])([ \t]*[+-]?)[0-9][0-9_]{4299,}")
# One past the range, in its place: the parser then reads it, and the range check reports it.
_OUT_OF_RANGE = str(2**64)
# An integer outside the range is written with 19 digits or more, or in hex, octal or binary
# (0x, 0o, 0b): a text without either holds none, and skips ``_clamped``'s walk over every
# value (a third of the parse of a large plan).
_MAYBE_OUT_OF_RANGE = re.compile(r"[0-9](?:[0-9_]{18}|[xob])")
# A key of more parts than this is refused before parsing ([a.b.c] is three): no plan needs
# more than a handful, and the TOML parser's time grows with the square of the parts.
MAX_KEY_PARTS = 32
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_KEY = re.compile(
    rf"(?:^|[{{,])[ \t]*\[{{0,2}}[ \t]*{_KEY_PART}"
    rf"(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS},}}",
    re.MULTILINE,
)
# What every such key holds: MAX_KEY_PARTS dots with key parts between them. It starts with a
# literal, so it is searched for in milliseconds; ``_LONG_KEY`` (a tenth of a large plan's
# parse: it tries every line) runs only on a text that has it.
_DOTTED_RUN = re.compile(rf"\.(?:[ \t]*{_KEY_PART}[ \t]*\.){{{MAX_KEY_PARTS - 1}}}")


class PlanFileError(SeminarPlanError):
    """The plan cannot be read at all: missing, a folder, unreadable, or too large.

    Its ``text`` is also the finding of an included file that cannot be read.
    """


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """What the TOML reader found wrong, and where; ``text`` is its words as data."""

    text: Message | str
    line: int
    column: int

    @property
    def message(self) -> str:
        return render(self.text, "en")


# What tomli and tomllib say (their messages are English text) -> the catalogue's key for it.
_TOML_SAYS = {
    "Invalid statement": "invalid-statement",
    "Expected newline or end of document after a statement": "expected-newline",
    "Cannot overwrite a value": "overwrite",
    "Expected ']' at the end of a table declaration": "table-end",
    "Expected ']]' at the end of an array declaration": "array-end",
    "Expected '=' after a key in a key/value pair": "equals",
    "Invalid initial character for a key part": "key-start",
    "Unclosed array": "unclosed-array",
    "Unclosed inline table": "unclosed-inline-table",
    "Unescaped '\\' in a string": "backslash",
    "Invalid hex value": "hex",
    "Escaped character is not a Unicode scalar value": "not-scalar",
    "Unterminated string": "unterminated",
    "Invalid date or datetime": "datetime",
    "Invalid value": "value",
}
# The same, for the messages that name a key or a character: (pattern, key, field).
_TOML_SAYS_ABOUT = tuple(
    (re.compile(pattern), key, field)
    for pattern, key, field in (
        (r"Found invalid character (.+)\Z", "invalid-character", "char"),
        (r"Illegal character (.+)\Z", "illegal-character", "char"),
        (r"Cannot declare (.+) twice\Z", "declared-twice", "key"),
        (r"Cannot mutate immutable namespace (.+)\Z", "immutable", "key"),
        (r"Cannot redefine namespace (.+)\Z", "redefine", "key"),
        (r"Duplicate inline table key (.+)\Z", "inline-key-twice", "key"),
        (r"Expected (.+)\Z", "expected", "text"),
    )
)


def toml_says(detail: str) -> Message | str:
    """The TOML reader's message as a catalogue message; one it has never said stays text."""
    key = _TOML_SAYS.get(detail)
    if key is not None:
        return messages.text(f"load.toml.{key}")
    for pattern, key, name in _TOML_SAYS_ABOUT:
        match = pattern.match(detail)
        if match is not None:
            return messages.text(f"load.toml.{key}", **{name: match.group(1)})
    return detail


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the plan: the path as shown to the user, its text and its TOML mapping.

    ``out_of_range``: the key paths of integers outside TOML's 64-bit range, which ``data``
    holds as one past the range (the parser reports each as a schema finding).
    """

    display: str
    text: str
    data: dict[str, Any] | None
    syntax: SyntaxProblem | None = None
    out_of_range: tuple[tuple[str | int, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class IncludeProblem:
    """A problem with the plan's includes; ``text`` and ``hint_text`` are its words as data."""

    origin: Origin
    text: Message | str
    hint_text: Message | None

    @property
    def message(self) -> str:
        return render(self.text, "en")

    @property
    def hint(self) -> str | None:
        return None if self.hint_text is None else render(self.hint_text, "en")


@dataclass(frozen=True, slots=True)
class Sources:
    """The files a plan was read from, the main file first, and include problems."""

    files: tuple[SourceFile, ...]
    problems: tuple[IncludeProblem, ...] = ()

    @property
    def main(self) -> SourceFile:
        return self.files[0]


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _clamped(value: Any, path: tuple[str | int, ...], found: list[Any]) -> Any:  # noqa: ANN401 - any TOML value
    """``value`` with every integer outside INTEGER_RANGE put just outside it (so that it
    prints in 20 characters and still reads as too large), its path noted in ``found``."""
    if isinstance(value, int) and not isinstance(value, bool):
        low, high = INTEGER_RANGE
        if low <= value <= high:
            return value
        found.append(path)
        return high + 1 if value > high else low - 1
    if isinstance(value, dict):
        return {key: _clamped(item, (*path, key), found) for key, item in value.items()}
    if isinstance(value, list):
        return [_clamped(item, (*path, index), found) for index, item in enumerate(value)]
    return value


def parse_text(text: str, display: str) -> SourceFile:
    """Parse one TOML text; a syntax error becomes a ``SyntaxProblem`` with its place."""
    text = text.removeprefix("\ufeff")
    long_key = _LONG_KEY.search(text) if _DOTTED_RUN.search(text) is not None else None
    if long_key is not None:
        line, column = _position(text, long_key.start() + (text[long_key.start()] in "{,"))
        words = messages.text("load.toml.key-parts", count=MAX_KEY_PARTS)
        problem = SyntaxProblem(words, line, column)
        return SourceFile(display, text, None, problem)
    try:
        try:
            data = toml.loads(text)
        except ValueError as error:
            if isinstance(error, toml.TOMLDecodeError) or "digits" not in str(error):
                raise
            # A decimal integer too long for int(): parse it as one just out of range instead.
            data = toml.loads(_TOO_LONG_FOR_INT.sub(rf"\g<1>{_OUT_OF_RANGE}", text))
    except toml.TOMLDecodeError as error:
        message = str(error)
        position = _SYNTAX_POSITION.search(message)
        if position is not None:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()].strip()
        else:
            line = text.count("\n") + 1
            column = len(text) - text.rfind("\n")
            message = re.sub(r"\s*\(at end of document\)", "", message)
        return SourceFile(display, text, None, SyntaxProblem(toml_says(message), line, column))
    except RecursionError:
        problem = SyntaxProblem(messages.text("load.toml.too-deep"), 1, 1)
        return SourceFile(display, text, None, problem)
    found: list[tuple[str | int, ...]] = []
    if _MAYBE_OUT_OF_RANGE.search(text) is not None:
        data = _clamped(data, (), found)
    return SourceFile(display, text, data, None, tuple(found))


def decode(raw: bytes, display: str) -> SourceFile:
    """Decode UTF-8 and parse; bytes that are not UTF-8 are a syntax problem at their place."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return SourceFile(
            display,
            raw.decode("utf-8", "replace"),
            None,
            SyntaxProblem(messages.text("load.toml.not-utf8"), line, column),
        )
    if "\x00" in text:
        position = text.index("\x00")
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        problem = SyntaxProblem(messages.text("load.toml.nul"), line, column)
        return SourceFile(display, text, None, problem)
    return parse_text(text, display)


# What ``files.special_kind`` calls a file that is not a regular one -> the catalogue's key.
_KINDS = {
    "a folder": "folder",
    "a FIFO (named pipe)": "fifo",
    "a device": "device",
    "a socket": "socket",
    "not a regular file": "other",
}
# Why ``files.read_regular`` could not read a file (its English text) -> the catalogue's key.
_READ_ERRORS = {
    "no such file": "missing",
    "is a folder, not a file": "is-folder",
    "permission denied": "denied",
}
_CANNOT_READ = re.compile(r"cannot read \((.*)\)\Z", re.DOTALL)
_NOT_A_FILE = re.compile(r"is (.+), not a file\Z")


def _kind(kind: str) -> Message | str:
    key = _KINDS.get(kind)
    return kind if key is None else messages.text(f"load.file.{key}")


def _read_error(reason: str) -> Message | str:
    """``files.read_regular``'s reason as a catalogue message (a new one stays text)."""
    key = _READ_ERRORS.get(reason)
    if key is not None:
        return messages.text(f"load.file.{key}")
    if (cannot := _CANNOT_READ.match(reason)) is not None:
        return messages.text("load.file.unreadable", reason=cannot.group(1))
    if (special := _NOT_A_FILE.match(reason)) is not None:
        return messages.text("load.file.special", kind=_kind(special.group(1)))
    return reason


def _read_bytes(path: Path, budget: int) -> bytes:
    """Read a file; a special file, OSError and over-size surface as ``PlanFileError``."""
    try:
        return read_regular(path, budget)
    except TooLargeError:
        megabytes = MAX_TOTAL_BYTES // (1024 * 1024)
        raise PlanFileError.saying(
            messages.text("load.too-large", path=str(path), megabytes=megabytes)
        ) from None
    except ReadError as error:
        reason = _read_error(str(error))
        raise PlanFileError.saying(
            messages.text("load.read-failed", path=str(path), reason=reason)
        ) from None


@dataclass
class _Reader:
    """The state of reading a plan's file and its includes."""

    root: Path
    allow_outside: bool
    budget: int
    files: list[SourceFile] = field(default_factory=list)
    problems: list[IncludeProblem] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, path: Path, display: str) -> SourceFile:
        raw = _read_bytes(path, self.budget)
        self.budget -= len(raw)
        source = decode(raw, display)
        self.files.append(source)
        return source

    def includes(self, source: SourceFile, path: Path, stack: tuple[str, ...]) -> None:
        index = len(self.files) - 1
        if source.data is None or "include" not in source.data:
            return
        includes = source.data["include"]
        origin = Origin(index, ("include",))
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            self.problems.append(
                IncludeProblem(
                    origin,
                    messages.text("load.include-not-list"),
                    messages.text("load-hint.include-list"),
                )
            )
            return
        if len(stack) > MAX_INCLUDE_DEPTH:
            self.problems.append(
                IncludeProblem(
                    origin,
                    messages.text("load.include-too-deep", levels=MAX_INCLUDE_DEPTH),
                    messages.text("load-hint.include-levels"),
                )
            )
            return
        for position, name in enumerate(includes):
            self.include_one(name, path, source.display, stack, origin.child(position))

    def include_one(
        self, name: str, parent: Path, parent_display: str, stack: tuple[str, ...], origin: Origin
    ) -> None:
        if "\x00" in name:
            self.problems.append(IncludeProblem(origin, messages.text("load.include-nul"), None))
            return
        target = parent.parent / name
        display = os.path.normpath(Path(parent_display).parent / name)
        real = os.path.realpath(target)
        if real in stack:
            self.problems.append(
                IncludeProblem(
                    origin,
                    messages.text("load.include-cycle", name=name),
                    messages.text("load-hint.include-cycle"),
                )
            )
            return
        if not self.allow_outside and os.path.commonpath([real, str(self.root)]) != str(self.root):
            self.problems.append(
                IncludeProblem(
                    origin,
                    messages.text("load.include-outside", name=name, folder=str(self.root)),
                    messages.text("load-hint.include-outside"),
                )
            )
            return
        if real in self.seen:
            return
        what: Message | None = None
        try:
            kind = special_kind(target.stat().st_mode)
            if kind is not None:
                what = messages.text("load.include-special", path=display, kind=_kind(kind))
        except FileNotFoundError:
            what = messages.text("load.include-missing", path=display)
        except OSError as error:
            reason = str(error.strerror or error)
            what = messages.text("load.include-unreadable", path=display, reason=reason)
        if what is not None:
            self.problems.append(
                IncludeProblem(origin, what, messages.text("load-hint.include-path"))
            )
            return
        self.seen.add(real)
        try:
            source = self.add(target, display)
        except PlanFileError as error:
            self.problems.append(IncludeProblem(origin, error.text or str(error), None))
            return
        self.includes(source, target, (*stack, real))


def read_sources(path: Path, *, allow_outside: bool = False) -> Sources:
    """Read the plan at ``path`` and every file it includes."""
    real = os.path.realpath(path)
    reader = _Reader(root=Path(real).parent, allow_outside=allow_outside, budget=MAX_TOTAL_BYTES)
    reader.seen.add(real)
    source = reader.add(path, str(path))
    reader.includes(source, path, (real,))
    return Sources(tuple(reader.files), tuple(reader.problems))


def sources_from_text(text: str, display: str = "seminar.toml") -> Sources:
    """A plan given as text, without includes: what tests and other tools feed the parser."""
    return Sources((parse_text(text, display),))


def find_plan(start: Path, environ: dict[str, str]) -> Path | None:
    """``$SEMINAR_PLAN``, else the nearest ``seminar.toml`` in ``start`` or its parents."""
    named = environ.get("SEMINAR_PLAN")
    if named:
        return Path(named)
    for folder in (start, *start.parents):
        candidate = folder / "seminar.toml"
        if candidate.is_file():
            return candidate
    return None
