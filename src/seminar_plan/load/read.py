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

from seminar_plan.errors import SeminarPlanError
from seminar_plan.files import ReadError, TooLargeError, read_regular, special_kind
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
# A key of more parts than this is refused before parsing ([a.b.c] is three): no plan needs
# more than a handful, and the TOML parser's time grows with the square of the parts.
MAX_KEY_PARTS = 32
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_KEY = re.compile(
    rf"(?:^|[{{,])[ \t]*\[{{0,2}}[ \t]*{_KEY_PART}"
    rf"(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS},}}",
    re.MULTILINE,
)


class PlanFileError(SeminarPlanError):
    """The plan cannot be read at all: missing, a folder, unreadable, or too large."""


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    message: str
    line: int
    column: int


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
    origin: Origin
    message: str
    hint: str | None


@dataclass(frozen=True, slots=True)
class Sources:
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
    long_key = _LONG_KEY.search(text)
    if long_key is not None:
        line, column = _position(text, long_key.start() + (text[long_key.start()] in "{,"))
        problem = SyntaxProblem(f"a key has more than {MAX_KEY_PARTS} dotted parts", line, column)
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
        return SourceFile(display, text, None, SyntaxProblem(message, line, column))
    except RecursionError:
        return SourceFile(display, text, None, SyntaxProblem("nesting is too deep", 1, 1))
    found: list[tuple[str | int, ...]] = []
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
            SyntaxProblem("the file is not UTF-8 text (a TOML plan must be)", line, column),
        )
    if "\x00" in text:
        position = text.index("\x00")
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        return SourceFile(
            display, text, None, SyntaxProblem("the file contains a NUL byte", line, column)
        )
    return parse_text(text, display)


def _read_bytes(path: Path, budget: int) -> bytes:
    """Read a file; a special file, OSError and over-size surface as ``PlanFileError``."""
    try:
        return read_regular(path, budget)
    except TooLargeError:
        raise PlanFileError(
            f"{path}: the plan and its includes exceed {MAX_TOTAL_BYTES // (1024 * 1024)} MB;"
            " split it or remove unused parts"
        ) from None
    except ReadError as error:
        raise PlanFileError(f"{path}: {error}") from None


@dataclass
class _Reader:
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
                    "include must be a list of file paths",
                    'write include = ["people.toml"]',
                )
            )
            return
        if len(stack) > MAX_INCLUDE_DEPTH:
            self.problems.append(
                IncludeProblem(
                    origin,
                    f"includes nest deeper than {MAX_INCLUDE_DEPTH} levels",
                    "include the files from fewer levels",
                )
            )
            return
        for position, name in enumerate(includes):
            self.include_one(name, path, source.display, stack, origin.child(position))

    def include_one(
        self, name: str, parent: Path, parent_display: str, stack: tuple[str, ...], origin: Origin
    ) -> None:
        if "\x00" in name:
            self.problems.append(
                IncludeProblem(origin, "include names a path with a NUL character", None)
            )
            return
        target = parent.parent / name
        display = os.path.normpath(Path(parent_display).parent / name)
        real = os.path.realpath(target)
        if real in stack:
            self.problems.append(
                IncludeProblem(
                    origin,
                    f"include cycle: {name} includes, directly or through others, this file",
                    "remove one include of the cycle",
                )
            )
            return
        if not self.allow_outside and os.path.commonpath([real, str(self.root)]) != str(self.root):
            self.problems.append(
                IncludeProblem(
                    origin,
                    f"{name} is outside the plan's folder {self.root}",
                    "move the file into the plan's folder, or pass --allow-outside",
                )
            )
            return
        if real in self.seen:
            return
        try:
            kind = special_kind(target.stat().st_mode)
            what = None if kind is None else f"is {kind}"
        except FileNotFoundError:
            what = "does not exist"
        except OSError as error:
            what = f"cannot be read ({error.strerror or error})"
        if what is not None:
            self.problems.append(
                IncludeProblem(
                    origin,
                    f"included file {display} {what}",
                    "check the path; it is relative to this file",
                )
            )
            return
        self.seen.add(real)
        try:
            source = self.add(target, display)
        except PlanFileError as error:
            self.problems.append(IncludeProblem(origin, str(error), None))
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
