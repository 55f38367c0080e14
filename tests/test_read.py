"""Reading files: includes, cycles, duplicates across files, encodings, limits, discovery."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BASE, session
from loader_words import english_left, keys
from seminar_plan import check, files, load, load_plan
from seminar_plan.files import ReadError
from seminar_plan.load import PlanTooLargeError, read
from seminar_plan.load.read import (
    _DOTTED_RUN,
    _LONG_KEY,
    IncludeProblem,
    PlanFileError,
    decode,
    find_plan,
    parse_text,
    read_sources,
)
from seminar_plan.messages import Message, render


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes_and_places(path: Path, **options: bool) -> list[tuple[str, str, int]]:
    return [(f.code, f.place.file, f.place.line) for f in check(load_plan(path, **options))]


class TestIncludes:
    def test_included_files_merge(self, tmp_path: Path) -> None:
        write(tmp_path, "people.toml", '[people.extra]\nname = "Extra"\n')
        write(tmp_path, "days/day1.toml", session("a", "09:00", "10:00", speakers=["extra"]))
        main = write(
            tmp_path, "seminar.toml", 'include = ["people.toml", "days/day1.toml"]\n' + BASE
        )
        loaded = load_plan(main)
        assert check(loaded) == []
        assert loaded.plan is not None
        assert [s.id for s in loaded.plan.sessions] == ["a"]
        assert [f.display for f in loaded.sources.files] == [
            str(main),
            str(tmp_path / "people.toml"),
            str(tmp_path / "days/day1.toml"),
        ]

    def test_relative_display_paths_follow_the_including_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write(tmp_path, "plan/parts/a.toml", 'include = ["b.toml"]\n')
        write(tmp_path, "plan/parts/b.toml", '[people.b]\nname = "B"\n')
        write(tmp_path, "plan/seminar.toml", 'include = ["parts/a.toml"]\n' + BASE)
        monkeypatch.chdir(tmp_path)
        sources = read_sources(Path("plan/seminar.toml"))
        assert [f.display for f in sources.files] == [
            "plan/seminar.toml",
            "plan/parts/a.toml",
            "plan/parts/b.toml",
        ]

    def test_duplicate_across_files_names_both_places(self, tmp_path: Path) -> None:
        write(tmp_path, "more.toml", '\n[people.aoki]\nname = "Aoki again"\n')
        main = write(tmp_path, "seminar.toml", 'include = ["more.toml"]\n' + BASE)
        (finding,) = check(load_plan(main))
        assert (finding.code, finding.subjects) == ("duplicate-id", ("aoki",))
        assert (finding.place.file, finding.place.line) == (str(tmp_path / "more.toml"), 2)
        first_line = ('include = ["more.toml"]\n' + BASE).splitlines().index("[people.aoki]") + 1
        assert f"{main}:{first_line}" in finding.message

    def test_cycle_is_an_error_not_a_hang(self, tmp_path: Path) -> None:
        write(tmp_path, "a.toml", 'include = ["b.toml"]\n')
        write(tmp_path, "b.toml", 'include = ["a.toml"]\n')
        main = write(tmp_path, "seminar.toml", 'include = ["a.toml"]\n' + BASE)
        assert codes_and_places(main) == [("schema", str(tmp_path / "b.toml"), 1)]

    def test_self_include_is_a_cycle(self, tmp_path: Path) -> None:
        main = write(tmp_path, "seminar.toml", 'include = ["seminar.toml"]\n' + BASE)
        assert codes_and_places(main) == [("schema", str(main), 1)]

    def test_same_file_twice_is_read_once(self, tmp_path: Path) -> None:
        write(tmp_path, "people.toml", '[people.extra]\nname = "Extra"\n')
        write(tmp_path, "a.toml", 'include = ["people.toml"]\n')
        main = write(tmp_path, "seminar.toml", 'include = ["people.toml", "a.toml"]\n' + BASE)
        assert codes_and_places(main) == []

    def test_missing_include_and_bad_include_value(self, tmp_path: Path) -> None:
        main = write(tmp_path, "seminar.toml", 'include = ["nope.toml"]\n' + BASE)
        assert codes_and_places(main) == [("schema", str(main), 1)]
        main = write(tmp_path, "seminar.toml", 'include = "nope.toml"\n' + BASE)
        assert codes_and_places(main) == [("schema", str(main), 1)]

    def test_include_outside_the_plan_folder_needs_allow_outside(self, tmp_path: Path) -> None:
        write(tmp_path, "secret.toml", '[people.spy]\nname = "Spy"\n')
        main = write(tmp_path, "plan/seminar.toml", 'include = ["../secret.toml"]\n' + BASE)
        assert codes_and_places(main) == [("schema", str(main), 1)]
        assert codes_and_places(main, allow_outside=True) == []

    def test_syntax_error_in_an_include(self, tmp_path: Path) -> None:
        write(tmp_path, "bad.toml", "\n\n[people.x\n")
        main = write(tmp_path, "seminar.toml", 'include = ["bad.toml"]\n' + BASE)
        assert codes_and_places(main) == [("toml-syntax", str(tmp_path / "bad.toml"), 3)]

    def test_deep_include_chains_stop_at_the_limit(self, tmp_path: Path) -> None:
        depth = read.MAX_INCLUDE_DEPTH + 5
        for level in range(depth):
            write(tmp_path, f"level{level}.toml", f'include = ["level{level + 1}.toml"]\n')
        write(tmp_path, f"level{depth}.toml", "")
        main = write(tmp_path, "seminar.toml", 'include = ["level0.toml"]\n' + BASE)
        found = codes_and_places(main)
        assert [code for code, _, _ in found] == ["schema"]


class TestText:
    def test_syntax_error_has_line_and_column(self) -> None:
        source = parse_text('a = 1\nb = "unclosed\n', "x.toml")
        assert source.syntax is not None
        assert (source.syntax.line, source.syntax.column) == (2, 14)
        assert "(at line" not in source.syntax.message

    def test_error_at_end_of_document(self) -> None:
        source = parse_text("a = [1,\n", "x.toml")
        assert source.syntax is not None
        assert source.syntax.line >= 1

    def test_bom_is_accepted(self) -> None:
        assert decode("\ufeffa = 1\n".encode(), "x.toml").data == {"a": 1}

    def test_invalid_utf8_is_a_syntax_problem_at_its_place(self) -> None:
        source = decode(b'a = 1\nb = "\xff"\n', "x.toml")
        assert source.syntax is not None
        assert (source.syntax.line, source.syntax.column) == (2, 6)

    def test_nul_byte(self) -> None:
        source = decode(b"a = 1\n\x00", "x.toml")
        assert source.syntax is not None
        assert source.syntax.line == 2


class TestFiles:
    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(PlanFileError, match="no such file"):
            read_sources(tmp_path / "none.toml")

    def test_folder(self, tmp_path: Path) -> None:
        with pytest.raises(PlanFileError, match="is a folder"):
            read_sources(tmp_path)

    def test_a_fifo_as_the_plan_is_refused_without_reading_it(self, tmp_path: Path) -> None:
        import os

        fifo = tmp_path / "seminar.toml"
        os.mkfifo(fifo)
        # Opening it for reading would wait for a writer forever.
        with pytest.raises(PlanFileError) as raised:
            read_sources(fifo)
        assert str(raised.value) == f"{fifo}: is a FIFO (named pipe), not a file"

    def test_a_device_as_the_plan_is_refused(self) -> None:
        with pytest.raises(PlanFileError, match="is a device, not a file"):
            read_sources(Path("/dev/zero"))

    def test_special_and_odd_includes_are_named_for_what_they_are(self, tmp_path: Path) -> None:
        import os

        os.mkfifo(tmp_path / "pipe.toml")
        main = write(
            tmp_path, "seminar.toml", 'include = ["pipe.toml", "none.toml", "a\\u0000b"]\n' + BASE
        )
        messages = [problem.message for problem in read_sources(main).problems]
        assert messages == [
            f"included file {tmp_path}/pipe.toml is a FIFO (named pipe)",
            f"included file {tmp_path}/none.toml does not exist",
            "include names a path with a NUL character",
        ]

    def test_size_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(read, "MAX_TOTAL_BYTES", 100)
        main = write(tmp_path, "seminar.toml", BASE)
        with pytest.raises(PlanFileError, match="exceed"):
            read_sources(main)

    def test_session_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(load, "MAX_SESSIONS", 1)
        text = BASE + session("a", "09:00", "10:00") + session("b", "10:00", "11:00")
        with pytest.raises(PlanTooLargeError, match="2 sessions is more than the 1"):
            load.load_text(text)

    def test_find_plan(self, tmp_path: Path) -> None:
        plan = write(tmp_path, "seminar.toml", BASE)
        deep = tmp_path / "a" / "b"
        deep.mkdir(parents=True)
        assert find_plan(deep, {}) == plan
        assert find_plan(deep, {"SEMINAR_PLAN": "elsewhere.toml"}) == Path("elsewhere.toml")
        assert find_plan(Path("/"), {}) is None or find_plan(Path("/"), {}) == Path("/seminar.toml")


class TestParserMatchesStandardLibrary:
    """The compiled parser must read exactly what ``tomllib`` reads, errors and places included."""

    BROKEN = (
        'a = "unterminated',
        "a = 1\na = 2",
        "[t]\nx = 1\n[t]\ny = 2",
        'title = "開会"\nday = [1, 2\nstart = "09:00"',
        "a = {x = 1,\n y = 2}",  # TOML 1.1: newlines in an inline table
        'a = "\\e"',  # TOML 1.1: the \e escape
        "t = 12:30",  # TOML 1.1: a time without seconds
        "n = 0x",
        "[[s]]\nid = 'a'\n[s]\n",
    )

    @pytest.mark.parametrize("text", BROKEN)
    def test_same_error_and_place(self, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
        import tomllib

        compiled = parse_text(text, "p.toml")
        monkeypatch.setattr(read, "toml", tomllib)
        standard = parse_text(text, "p.toml")
        assert compiled.syntax is not None
        assert compiled == standard

    @pytest.mark.parametrize("name", ["zhengzhou-2025", "conflicts"])
    def test_same_mapping_for_the_examples(self, name: str) -> None:
        import tomllib

        path = Path(__file__).parents[1] / "examples" / name / "seminar.toml"
        text = path.read_text(encoding="utf-8")
        assert parse_text(text, str(path)).data == tomllib.loads(text)

    def test_the_compiled_parser_is_the_one_in_use(self) -> None:
        import platform

        if platform.python_implementation() == "CPython":
            assert vars(read)["toml"].__name__ == "tomli"


class TestKeyParts:
    @pytest.mark.parametrize(
        "line",
        [
            "a" + ".a" * 100_000 + " = 1",
            "[" + ".".join(["t"] * 40) + "]",
            "[[" + ".".join(['"q"'] * 40) + "]]",
            "x = { " + ".".join(["k"] * 40) + " = 1 }",
        ],
    )
    def test_a_key_of_too_many_parts_is_refused_before_parsing(self, line: str) -> None:
        source = parse_text(BASE + line + "\n", "seminar.toml")
        assert source.syntax is not None
        assert source.syntax.message == "a key has more than 32 dotted parts"
        assert source.syntax.line == BASE.count("\n") + 1

    @settings(max_examples=200)
    @given(
        st.lists(
            st.sampled_from(["k", "a-b_9", '"q"', '"d.o.t"', "'lit'", '"e\\"s"', '""']),
            min_size=1,
            max_size=40,
        ),
        st.sampled_from([".", " . ", "\t.", ". "]),
        st.sampled_from(["{0} = 1", "[{0}]", "[[ {0} ]]", "x = {{ y = 1, {0} = 2 }}"]),
    )
    def test_the_quick_search_finds_every_key_the_full_one_finds(
        self, parts: list[str], dot: str, layout: str
    ) -> None:
        # The full search runs only where the quick one finds a run of dots: it must never
        # miss a key the full search would refuse.
        text = BASE + layout.format(dot.join(parts)) + "\n"
        if _LONG_KEY.search(text) is not None:
            assert _DOTTED_RUN.search(text) is not None
        syntax = parse_text(text, "p.toml").syntax
        refused = syntax is not None and syntax.message == "a key has more than 32 dotted parts"
        assert refused == (len(parts) > 32)

    def test_keys_of_up_to_32_parts_and_dots_in_text_are_read(self) -> None:
        key = ".".join(["k"] * 32)
        notes = ".".join(["word"] * 100)
        source = parse_text(f'{key} = 1\nnotes = "{notes}"\n', "x.toml")
        assert source.syntax is None

    def test_occurrences_count_toward_the_session_cap(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(load, "MAX_SESSIONS", 3)
        text = BASE + session("a", "09:00", "10:00").replace("day = 1", "day = [1, 2]")
        load.load_text(text)
        with pytest.raises(PlanTooLargeError, match="4 sessions is more than the 3"):
            load.load_text(text + session("b", "10:00", "11:00").replace("day = 1", "day = [1, 2]"))


class TestWords:
    """What reading reports is catalogue templates: every syntax problem of tomli and tomllib
    and every include problem is shown in Japanese, Chinese and Korean without English words
    but the plan's own (test_parse_words.py holds the parser's findings to the same)."""

    # One text for each thing the TOML reader says, and for the reader's own problems.
    SYNTAX: ClassVar[dict[str, str]] = {
        "invalid-statement": "a = 1\n!",
        "expected-newline": "a = 1 b = 2\n",
        "expected": "a = '''abc",
        "invalid-character": "# c\x01\n",
        "declared-twice": "[a]\n[a]\n",
        "overwrite": "a = 1\na = 2\n",
        "table-end": "[a\n",
        "array-end": "[[a]\n",
        "immutable": "a = {b = 1}\na.c = 2\n",
        "redefine": "[a.b]\n[a]\nb.c = 1\n",
        "equals": "a 1\n",
        "key-start": "a.! = 1\n",
        "unclosed-array": "a = [1, 2\n",
        "inline-key-twice": "a = {b = 1, b = 2}\n",
        "unclosed-inline-table": "a = {b = 1\n",
        "backslash": 'a = "\\q"\n',
        "hex": 'a = "\\uZZZZ"\n',
        "not-scalar": 'a = "\\uD800"\n',
        "unterminated": 'a = "abc',
        "illegal-character": 'a = "x\x01"\n',
        "datetime": "a = 2025-02-30\n",
        "value": "a = @\n",
        "too-deep": "a = " + "[" * 5000 + "]" * 5000 + "\n",
        "key-parts": "a" + ".a" * 40 + " = 1\n",
    }

    @pytest.mark.parametrize("key", SYNTAX)
    def test_every_syntax_problem_has_its_template(self, key: str) -> None:
        source = parse_text(self.SYNTAX[key], "x.toml")
        assert source.syntax is not None
        assert isinstance(source.syntax.text, Message)
        assert source.syntax.text.key == f"load.toml.{key}"
        assert keys(source.syntax.text) == {f"load.toml.{key}"}
        (finding,) = load.load_text(self.SYNTAX[key]).findings
        assert finding.message == f"invalid TOML: {source.syntax.message}"
        for lang in ("ja", "zh", "ko"):
            assert english_left(finding.text, lang) == set(), finding.message_in(lang)

    def test_the_syntax_texts_are_the_readers_own(self) -> None:
        """English shows what tomli says, word for word, as it always did."""
        assert parse_text("a = 1 b = 2\n", "x.toml").syntax == read.SyntaxProblem(
            Message("load.toml.expected-newline"), 1, 7
        )
        source = parse_text("[a]\n[a]\n", "x.toml")
        assert source.syntax is not None
        assert source.syntax.message == "Cannot declare ('a',) twice"
        assert read.toml_says("Something new") == "Something new"

    def test_bytes_that_are_not_text(self) -> None:
        for raw, key in ((b"a = '\xff'\n", "not-utf8"), (b"a = 1\n\x00", "nul")):
            source = decode(raw, "x.toml")
            assert source.syntax is not None
            assert source.syntax.text == Message(f"load.toml.{key}")

    def include_words(
        self, tmp_path: Path, includes: str, allow_outside: bool = False
    ) -> list[IncludeProblem]:
        main = write(tmp_path, "plan/seminar.toml", f"include = {includes}\n" + BASE)
        return list(read_sources(main, allow_outside=allow_outside).problems)

    def test_every_include_problem_has_its_template(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import os
        import socket

        write(tmp_path, "plan/a.toml", 'include = ["b.toml"]\n')
        write(tmp_path, "plan/b.toml", 'include = ["a.toml"]\n')
        write(tmp_path, "outside.toml", "")
        os.mkfifo(tmp_path / "plan/pipe.toml")
        (tmp_path / "plan/folder.toml").mkdir()
        (tmp_path / "plan/loop.toml").symlink_to("loop.toml")
        with socket.socket(socket.AF_UNIX) as unix:
            unix.bind(str(tmp_path / "plan/socket.toml"))
            problems = self.include_words(
                tmp_path,
                '["a.toml", "../outside.toml", "pipe.toml", "folder.toml", "loop.toml",'
                ' "socket.toml", "none.toml", "a\\u0000b"]',
            )
        problems += self.include_words(tmp_path, "1")
        problems += self.include_words(tmp_path, '["/dev/null"]', allow_outside=True)
        monkeypatch.setattr(read, "MAX_INCLUDE_DEPTH", 0)
        problems += self.include_words(tmp_path, '["a.toml"]')
        made = set().union(*(keys(p.text) | keys(p.hint_text or p.text) for p in problems))
        assert made == {
            "load.include-cycle",
            "load.include-outside",
            "load.include-special",
            "load.include-unreadable",
            "load.include-missing",
            "load.include-nul",
            "load.include-not-list",
            "load.include-too-deep",
            "load.file.fifo",
            "load.file.folder",
            "load.file.socket",
            "load.file.device",
            "load-hint.include-list",
            "load-hint.include-levels",
            "load-hint.include-cycle",
            "load-hint.include-outside",
            "load-hint.include-path",
        }
        for problem in problems:
            for lang in ("ja", "zh", "ko"):
                assert english_left(problem.text, lang) == set(), render(problem.text, lang)

    def test_an_include_that_cannot_be_read_says_why_in_every_language(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write(tmp_path, "plan/more.toml", "")
        reasons = iter(
            [
                "no such file",
                "is a folder, not a file",
                "permission denied",
                "cannot read (Input/output error)",
                "is a FIFO (named pipe), not a file",
                "is not a regular file, not a file",
            ]
        )
        real = files.read_regular

        def refusing(path: Path, limit: int) -> bytes:
            if path.name == "more.toml":
                raise ReadError(next(reasons))
            return real(path, limit)

        monkeypatch.setattr(read, "read_regular", refusing)
        found = [self.include_words(tmp_path, '["more.toml"]')[0] for _ in range(6)]
        assert [render(p.text, "en") for p in found] == [
            f"{tmp_path}/plan/more.toml: no such file",
            f"{tmp_path}/plan/more.toml: is a folder, not a file",
            f"{tmp_path}/plan/more.toml: permission denied",
            f"{tmp_path}/plan/more.toml: cannot read (Input/output error)",
            f"{tmp_path}/plan/more.toml: is a FIFO (named pipe), not a file",
            f"{tmp_path}/plan/more.toml: is not a regular file, not a file",
        ]
        assert {key for p in found for key in keys(p.text)} == {
            "load.read-failed",
            "load.file.missing",
            "load.file.is-folder",
            "load.file.denied",
            "load.file.unreadable",
            "load.file.special",
            "load.file.fifo",
            "load.file.other",
        }
        assert found[1].message == f"{tmp_path}/plan/more.toml: is a folder, not a file"
        assert render(found[4].text, "ja") == (
            f"{tmp_path}/plan/more.toml：ファイルではなく名前付きパイプです"
        )
        # The system's reason (its strerror, in the system's language) is a field.
        assert english_left(found[3].text, "ja") == set()

    def test_an_include_past_the_size_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write(tmp_path, "plan/more.toml", "# " + "x" * 2000 + "\n")
        monkeypatch.setattr(read, "MAX_TOTAL_BYTES", len(BASE) + 100)
        (problem,) = self.include_words(tmp_path, '["more.toml"]')
        assert isinstance(problem.text, Message)
        assert problem.text.key == "load.too-large"
        assert problem.message == (
            f"{tmp_path}/plan/more.toml: the plan and its includes exceed 0 MB;"
            " split it or remove unused parts"
        )
        assert english_left(problem.text, "zh") == set()


@settings(max_examples=300)
@given(
    st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64]),
    st.sampled_from(["{:d}", "{:_d}", "0x{:x}", "0x{:_x}", "0o{:o}", "0b{:b}", "0x{:016x}"]),
)
def test_integers_out_of_range_are_found_without_the_walk_when_none_can_be(
    value: int, layout: str
) -> None:
    # The reader skips its walk over every value when the text cannot hold an integer out of
    # range: whatever is written, it finds what the walk finds.
    if value < 0 and not layout.startswith("{"):
        value = -value  # TOML writes hex, octal and binary without a sign
    written = layout.format(value)
    source = parse_text(f"[a]\nb = [1, {{ c = {written} }}]\n", "p.toml")
    expected = [] if -(2**63) <= value < 2**63 else [("a", "b", 1, "c")]
    assert list(source.out_of_range) == expected


def test_a_plan_without_its_tables_checks_the_same() -> None:
    # check lets the parsed tables go before it places its findings (a dense plan's places and
    # findings then reuse their memory): nothing it reports may change.
    root = Path(__file__).resolve().parents[1]
    loaded = load_plan(root / "examples" / "conflicts" / "seminar.toml")
    light = loaded.without_tables()
    assert all(source.data is None for source in light.sources.files)
    assert [s.text for s in light.sources.files] == [s.text for s in loaded.sources.files]
    assert light.plan is loaded.plan
    assert check(light) == check(loaded)
    assert check(light)
