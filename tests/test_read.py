"""Reading files: includes, cycles, duplicates across files, encodings, limits, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BASE, session
from seminar_plan import check, load, load_plan
from seminar_plan.load import PlanTooLargeError, read
from seminar_plan.load.read import PlanFileError, decode, find_plan, parse_text, read_sources


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
