"""The check command: exit codes, streams, the JSON contract, plan discovery, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE, plan_text, session
from seminar_plan.cli import app
from seminar_plan.findings import CODES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
CONFLICTS = ROOT / "examples" / "conflicts" / "seminar.toml"
BROKEN = ROOT / "examples" / "conflicts" / "broken.toml"

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan", env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write_plan(folder: Path, text: str, name: str = "seminar.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class TestExamples:
    def test_the_example_checks_clean(self) -> None:
        code, out, err = run("check", str(EXAMPLE), "--strict")
        assert (code, out, err) == (0, f"{EXAMPLE}: no problems found\n", "")

    def test_the_conflicts_example_shows_every_code(self) -> None:
        code, out, err = run("check", str(CONFLICTS), "--format", "json")
        assert (code, err) == (1, "")
        found = sorted(
            (f["code"], tuple(sorted(f["subjects"]))) for f in json.loads(out)["findings"]
        )
        assert found == sorted(
            [
                ("headcount", ()),
                ("over-capacity", ("crowded", "tiny")),
                ("room-overlap", ("small-room", "talk-a", "talk-b")),
                ("person-overlap", ("bob", "p-one", "p-two")),
                ("outside-stay", ("carol", "late-talk")),
                ("room-closed", ("evening", "lab")),
                ("travel-time", ("dave", "t-first", "t-second")),
                ("no-interpretation", ("mixed",)),
                ("no-booth", ("boothless", "simul")),
                ("interpreter-language", ("gus", "wrong-pair")),
                ("interpreter-team", ("solo",)),
                ("interpreter-load", ("ivan",)),
                ("no-interpreter", ("unstaffed",)),
                ("unknown-ref", ("alicee", "ghost-owner")),
                ("schema", ("typo",)),
                ("bad-time", ("backwards",)),
                ("bad-time", ("day-five",)),
                ("bad-time", ("late-cue",)),
                ("duplicate-id", ("dup",)),
                ("lodging-short", ("inn",)),
                ("no-lodging", ("frank",)),
                ("unused-booking", ("annex",)),
                ("diet-tag", ("nadia",)),
                ("diet-count", ("tasting-lunch",)),
                ("speaking-order", ("speeches",)),
                ("travel-conflict", ("north", "south")),
                ("language-code", ()),
                ("stay-range", ("otto",)),
                ("outside-stay", ("early-call", "lena")),
                ("delegation-overlap", ("hosts", "hosts-tour", "mixed")),
                ("over-seats", ("van-overfull",)),
                ("vehicle-overlap", ("coach", "coach-a", "coach-b")),
                ("vehicle-travel", ("coach", "coach-b", "coach-c")),
                ("transfer-short", ("hurry",)),
                ("transfer-loop", ("loop",)),
                ("pickup-early", ("early-pickup", "fl-early")),
                ("no-pickup", ("fl-unmet",)),
                ("late-to-airport", ("fl-out", "late-bus")),
                ("flight-mismatch", ("fl-fred", "fred")),
                ("empty-flight", ("fl-empty",)),
                ("unused-vehicle", ("spare",)),
            ]
        )
        assert {code for code, _ in found} == set(CODES) - {"toml-syntax"}

    def test_a_syntax_error_is_a_finding(self) -> None:
        code, out, _ = run("check", str(BROKEN), "--format", "json")
        document = json.loads(out)
        assert code == 1
        assert [(f["code"], f["line"], f["column"]) for f in document["findings"]] == [
            ("toml-syntax", 5, 21)
        ]


class TestOptions:
    WARNING_ONLY = plan_text(session("a", "09:00", "10:00", speakers=["aoki", "chen"]))

    def test_warnings_pass_unless_strict(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, self.WARNING_ONLY)
        assert run("check", str(plan))[0] == 0
        assert run("check", str(plan), "--strict")[0] == 1

    def test_text_report_on_stdout(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, self.WARNING_ONLY)
        code, out, err = run("check", str(plan))
        line = self.WARNING_ONLY.splitlines().index('speakers = ["aoki", "chen"]') + 1
        assert (code, err) == (0, "")
        assert out == (
            "Warnings (1)\n\n"
            f"warning[no-interpretation] {plan}:{line - 6}:1\n"
            f" {line - 6} | [[sessions]]\n"
            f" {' ' * len(str(line - 6))} | ^^^^^^^^^^^^\n"
            "  'a' brings together ja and zh with no interpretation\n"
            '  hint: set interpretation = "consecutive" or "simultaneous" and name interpreters\n\n'
            f"{plan}: 0 errors, 1 warning\n"
        )

    def test_select_and_ignore(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, self.WARNING_ONLY)
        _, out, _ = run("check", str(plan), "--format", "json", "--ignore", "no-interpretation")
        assert json.loads(out)["findings"] == []
        _, out, _ = run("check", str(plan), "--format", "json", "--select", "headcount,schema")
        assert json.loads(out)["summary"] == {"error": 0, "warning": 0}
        _, out, _ = run("check", str(plan), "--format", "json", "--select", "no-interpretation")
        assert json.loads(out)["summary"] == {"error": 0, "warning": 1}

    def test_unknown_code_is_a_usage_error(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, self.WARNING_ONLY)
        code, out, err = run("check", str(plan), "--select", "room-overlapp")
        assert (code, out) == (2, "")
        assert "unknown finding code 'room-overlapp'" in err

    def test_bad_format_value(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, BASE)
        assert run("check", str(plan), "--format", "yaml")[0] == 2

    def test_json_is_the_only_output(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, self.WARNING_ONLY)
        code, out, err = run("check", str(plan), "--format", "json")
        document = json.loads(out)
        assert (code, err) == (0, "")
        assert document["plan"] == str(plan)
        assert list(document) == ["plan", "summary", "findings"]
        assert list(document["findings"][0]) == [
            "code", "severity", "message", "hint", "subjects", "file", "line", "column",
        ]  # fmt: skip


class TestDiscovery:
    def test_nearest_seminar_toml_upward(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write_plan(tmp_path, BASE)
        deep = tmp_path / "a" / "b"
        deep.mkdir(parents=True)
        monkeypatch.chdir(deep)
        monkeypatch.delenv("SEMINAR_PLAN", raising=False)
        code, out, _ = run("check")
        assert (code, out) == (0, f"{tmp_path / 'seminar.toml'}: no problems found\n")

    def test_environment_variable(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        plan = write_plan(tmp_path, BASE, "other.toml")
        monkeypatch.chdir(tmp_path)
        code, out, _ = run("check", env={"SEMINAR_PLAN": str(plan)})
        assert (code, out) == (0, f"{plan}: no problems found\n")

    def test_a_folder_with_a_plan(self, tmp_path: Path) -> None:
        write_plan(tmp_path, BASE)
        assert run("check", str(tmp_path))[0] == 0

    def test_no_plan_anywhere(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("SEMINAR_PLAN", raising=False)
        code, out, err = run("check")
        assert (code, out) == (2, "")
        assert err.startswith("seminar-plan: no plan found")
        assert "seminar-plan init" in err


class TestUnreadable:
    def test_missing_file(self, tmp_path: Path) -> None:
        assert run("check", str(tmp_path / "nope.toml")) == (
            2,
            "",
            f"seminar-plan: {tmp_path / 'nope.toml'}: no such file\n",
        )

    def test_folder_without_a_plan(self, tmp_path: Path) -> None:
        assert run("check", str(tmp_path)) == (
            2,
            "",
            f"seminar-plan: {tmp_path} is a folder with no seminar.toml in it\n",
        )

    def test_newer_format_is_refused(self, tmp_path: Path) -> None:
        plan = write_plan(tmp_path, BASE.replace("format = 1", "format = 7"))
        code, out, err = run("check", str(plan), "--format", "json")
        assert (code, out) == (2, "")
        assert err == (
            f"seminar-plan: {plan}:1: plan format 7 is newer than this seminar-plan reads"
            " (format 1); upgrade seminar-plan\n"
        )

    def test_binary_and_empty_files_are_findings(self, tmp_path: Path) -> None:
        binary = tmp_path / "binary.toml"
        binary.write_bytes(bytes(range(256)))
        code, out, _ = run("check", str(binary), "--format", "json")
        assert (code, [f["code"] for f in json.loads(out)["findings"]]) == (1, ["toml-syntax"])
        empty = write_plan(tmp_path, "", "empty.toml")
        code, out, _ = run("check", str(empty), "--format", "json")
        assert (code, [f["code"] for f in json.loads(out)["findings"]]) == (1, ["schema"])

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # Tests may run as root, who reads anything: make the read itself fail.
        plan = write_plan(tmp_path, BASE)

        def denied(*_: object, **__: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("seminar_plan.files.os.open", denied)
        assert run("check", str(plan)) == (2, "", f"seminar-plan: {plan}: permission denied\n")


def test_the_console_script_answers_version_as_the_app_does_without_typer() -> None:
    probe = (
        "import sys; sys.argv = ['seminar-plan', '--version']\n"
        "from seminar_plan.entry import main\n"
        "main()\n"
        "print('typer' in sys.modules, 'seminar_plan.load' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    _, out, _ = run("--version")
    assert result.stdout == out + "False False\n"


def _imported_by(args: list[str], modules: tuple[str, ...]) -> str:
    """What the command line prints for ``args`` in a fresh interpreter, then a line with those
    of ``modules`` it imported."""
    probe = (
        f"import sys; sys.argv = ['seminar-plan', *{args!r}]\n"
        "from seminar_plan.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print([m for m in {modules!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_help_imports_neither_the_loader_nor_the_rules() -> None:
    heavy = ("seminar_plan.load", "seminar_plan.checks", "seminar_plan.model")
    out = _imported_by(["--help"], heavy)
    assert "Usage" in out
    assert out.endswith("\n[]\n")


def test_each_commands_summary_is_one_line_of_its_docstring() -> None:
    """The command list of --help shows a command's first paragraph with its line breaks kept
    (typer's rich help): a summary over two lines showed as a broken line there."""
    import inspect

    for command in app.registered_commands:
        assert command.callback is not None
        summary = (inspect.getdoc(command.callback) or "").split("\n\n")[0]
        assert "\n" not in summary, command.callback.__name__


def test_check_imports_no_dateutil() -> None:
    """Zones are the standard library's (in C); python-dateutil's module costs start-up time and
    is imported only for a zone name that zoneinfo cannot find."""
    out = _imported_by(["check", str(EXAMPLE)], ("dateutil",))
    assert out == f"{EXAMPLE}: no problems found\n[]\n"


def test_version_and_module_entry_point() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("seminar-plan ")
    result = subprocess.run(
        [sys.executable, "-m", "seminar_plan", "check", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"{EXAMPLE}: no problems found\n")


# -- no input gives a traceback --------------------------------------------------------------

LINES = (
    BASE.splitlines()
    + (
        session("a", "09:00", "10:00", room="hall", speakers=["aoki"])
        + '[[sessions.cues]]\nat = "09:10"\nwhat = "x"\n'
    ).splitlines()
)
NASTY = [
    "",
    "[",
    "x = ",
    "[[sessions]]",
    "[sessions]",
    "day = [1, 2, 999999999999999999999]",
    "day = -1",
    'start = "24:00"',
    'end = "99:99"',
    "duration = -5",
    'duration = "0h"',
    "capacity = -1",
    "headcount = 1e400",
    'timezone = "Europe/Nowhere"',
    "start = 0001-01-01",
    "end = 9999-12-31",
    'title = { "" = "x" }',
    'name = "مرحبا 🎉 开幕"',
    "attendees = [1, 2]",
    'include = ["/etc/passwd"]',
    "format = 99",
    "format = true",
    "arrive = 9999-12-31T23:59:59-12:00",
    'id = "A B"',
    "minutes = 99999999999999999999",
]


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["drop", "insert", "swap", "garble"]))
        position = draw(st.integers(0, len(lines)))
        if action == "drop" and lines:
            del lines[min(position, len(lines) - 1)]
        elif action == "insert":
            lines.insert(position, draw(st.sampled_from(NASTY)))
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            index = min(position, len(lines) - 1)
            lines[index], lines[other] = lines[other], lines[index]
        elif lines:
            index = min(position, len(lines) - 1)
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))] + draw(
                st.text(max_size=5)
            )
    return "\n".join(lines) + "\n"


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(mutated_plans(), st.text(max_size=200)), output=st.sampled_from(["text", "json"])
)
def test_no_input_gives_a_traceback(tmp_path: Path, text: str, output: str) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text(text, encoding="utf-8", errors="surrogateescape")
    result = runner.invoke(app, ["check", str(plan), "--format", output], prog_name="seminar-plan")
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stdout + result.stderr
    if output == "json" and result.exit_code != 2:
        json.loads(result.stdout)


# -- output safety: every command writes only where it was told, and keeps contacts private ----

CONTACT_VALUES = ("+86-10-0000-0001", "protocol@example.invalid", "clair-bj-transport-example")


def _tree(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


class TestOutputSafety:
    WRITERS = (
        ("runsheet", str(EXAMPLE), "--day", "2"),
        ("runsheet", str(EXAMPLE), "--day", "2", "--format", "markdown"),
        ("export", str(EXAMPLE), "--format", "ics"),
        ("export", str(EXAMPLE), "--format", "csv"),
        ("export", str(EXAMPLE), "--format", "json"),
        ("export", str(EXAMPLE), "--format", "frab-xml"),
        ("export", str(EXAMPLE), "--format", "schedule-json"),
    )

    @pytest.mark.parametrize("command", WRITERS, ids=" ".join)
    def test_a_writer_writes_only_its_output_and_never_over_a_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
    ) -> None:
        work = tmp_path / "work"
        target = tmp_path / "out" / "result"
        target.parent.mkdir()
        work.mkdir()
        monkeypatch.chdir(work)
        before = _tree(tmp_path)
        code, _, _ = run(*command, "-o", str(target))
        assert code == 0
        assert _tree(tmp_path) - before == {Path("out/result")}
        written = target.read_bytes()
        code, out, err = run(*command, "-o", str(target))
        assert (code, out) == (2, "")
        assert err == f"seminar-plan: {target} exists; pass --force to overwrite it\n"
        assert target.read_bytes() == written
        assert run(*command, "-o", str(target), "--force")[0] == 0

    def test_init_writes_only_the_starter_plan_and_its_schema(self, tmp_path: Path) -> None:
        before = _tree(tmp_path)
        assert run("init", str(tmp_path / "new"))[0] == 0
        assert _tree(tmp_path) - before == {
            Path("new"),
            Path("new/seminar.toml"),
            Path("new/seminar-plan.schema.json"),
        }

    def test_init_keeps_a_different_schema_file_without_force(self, tmp_path: Path) -> None:
        schema = tmp_path / "seminar-plan.schema.json"
        schema.write_text("{}", encoding="utf-8")
        assert run("init", str(tmp_path)) == (
            2,
            "",
            f"seminar-plan: {schema} exists; pass --force to overwrite it\n",
        )
        assert not (tmp_path / "seminar.toml").exists()
        assert schema.read_text(encoding="utf-8") == "{}"
        assert run("init", str(tmp_path), "--force")[0] == 0
        assert schema.read_text(encoding="utf-8") != "{}"

    @pytest.mark.parametrize(
        "command",
        [
            ("people", str(EXAMPLE)),
            ("people", str(EXAMPLE), "--format", "json"),
            ("people", str(EXAMPLE), "--format", "csv"),
            ("agenda", str(EXAMPLE), "--format", "json"),
            ("export", str(EXAMPLE), "--format", "json"),
            ("export", str(EXAMPLE), "--format", "csv"),
            ("export", str(EXAMPLE), "--format", "ics"),
            ("runsheet", str(EXAMPLE), "--day", "1", "--format", "markdown", "-o", "-"),
        ],
        ids=" ".join,
    )
    def test_contacts_stay_private_without_the_flag(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        if command[-1] == "-":
            command = (*command[:-1], str(tmp_path / "sheet.md"))
        code, out, _ = run(*command)
        assert code == 0
        everything = out + "".join(
            path.read_text(encoding="utf-8-sig") for path in tmp_path.iterdir() if path.is_file()
        )
        assert not [value for value in CONTACT_VALUES if value in everything]

    def test_contacts_appear_with_the_flag(self, tmp_path: Path) -> None:
        _, out, _ = run("people", str(EXAMPLE), "--format", "json", "--contacts")
        assert "+86-10-0000-0001" in out
        sheet = tmp_path / "sheet.md"
        assert (
            run(
                "runsheet",
                str(EXAMPLE),
                "--day",
                "1",
                "--format",
                "markdown",
                "-o",
                str(sheet),
                "--contacts",
            )[0]
            == 0
        )
        assert "+86-10-0000-0001" in sheet.read_text(
            encoding="utf-8"
        ) or "+86-10-0000-0002" in sheet.read_text(encoding="utf-8")

    def test_a_folder_that_does_not_exist_is_one_clear_line(self, tmp_path: Path) -> None:
        target = tmp_path / "missing" / "day2.html"
        assert run("runsheet", str(EXAMPLE), "--day", "2", "-o", str(target)) == (
            2,
            "",
            f"seminar-plan: {target}: the folder {target.parent} does not exist\n",
        )

    def test_a_folder_where_a_file_is_expected(self, tmp_path: Path) -> None:
        assert run("export", str(EXAMPLE), "--format", "ics", "-o", str(tmp_path)) == (
            2,
            "",
            f"seminar-plan: {tmp_path} is a folder; name a file to write\n",
        )


@pytest.mark.parametrize("day", ["²", "❶", "٣", "9" * 5000, "-1"])
def test_a_day_in_other_digits_or_too_long_is_an_unknown_day(tmp_path: Path, day: str) -> None:
    plan = write_plan(tmp_path, BASE)
    code, out, err = run("agenda", str(plan), "--day", day)
    assert (code, out) == (2, "")
    assert err.startswith(f"seminar-plan: unknown day {day!r}")


class TestCiFormats:
    def test_github_annotations_and_the_exit_code(self) -> None:
        code, out, err = run("check", str(CONFLICTS), "--format", "github")
        assert (code, err) == (1, "")
        assert out.startswith(("::error file=", "::warning file="))
        assert "title=room-overlap::" in out

    def test_a_clean_plan_gives_no_annotations(self) -> None:
        assert run("check", str(EXAMPLE), "--format", "github") == (0, "", "")

    def test_sarif_lists_each_finding(self) -> None:
        code, out, _ = run("check", str(CONFLICTS), "--format", "sarif")
        json_out = json.loads(run("check", str(CONFLICTS), "--format", "json")[1])
        assert code == 1
        results = json.loads(out)["runs"][0]["results"]
        assert [r["ruleId"] for r in results] == [f["code"] for f in json_out["findings"]]


class TestWatch:
    def test_checks_then_waits_and_checks_again_until_interrupted(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        plan = write_plan(tmp_path, plan_text())
        waits: list[list[Path]] = []

        def wait(paths: list[Path]) -> bool:
            waits.append(list(paths))
            if len(waits) == 2:
                raise KeyboardInterrupt
            plan.write_text(plan_text("[people.x]\nnam = 'X'\n"), encoding="utf-8")
            return True

        monkeypatch.setattr("seminar_plan.watch.wait_for_change", wait)
        code, out, err = run("check", str(plan), "--watch")
        assert (code, err) == (0, "")
        first, second, rest = out.split("-- waiting for changes (Ctrl-C ends) --\n")
        assert "no problems found" in first
        assert "unknown key 'nam'" in second
        assert rest == ""
        assert waits == [[plan], [plan]]

    def test_a_plan_that_cannot_be_read_is_waited_for(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        missing = tmp_path / "seminar.toml"
        calls: list[list[Path]] = []

        def wait(paths: list[Path]) -> bool:
            calls.append(list(paths))
            raise KeyboardInterrupt

        monkeypatch.setattr("seminar_plan.watch.wait_for_change", wait)
        code, _, err = run("check", str(missing), "--watch")
        assert code == 0
        assert "seminar-plan:" in err
        assert calls == [[missing]]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["", " , "])
def test_select_or_ignore_with_no_code_cannot_run(tmp_path: Path, option: str, value: str) -> None:
    plan = write_plan(tmp_path, BASE + '[people.x]\nname = "X"\ndelegation = "nowhere"\n')
    code, out, err = run("check", str(plan), option, value)
    assert (code, out) == (2, "")
    assert "give one or more finding codes" in err


def test_a_cue_at_the_end_of_the_day_prints_as_24_00(tmp_path: Path) -> None:
    extra = (
        '[[sessions]]\nid = "late"\ntitle = "Late"\nday = 1\nstart = "23:00"\nend = "24:00"\n'
        'room = "hall"\n[[sessions.cues]]\nat = "24:00"\nwhat = "lights out"\n'
    )
    plan = write_plan(tmp_path, BASE + extra)
    code, out, _ = run("runsheet", str(plan), "--day", "1", "--format", "markdown", "-o", "-")
    assert code == 0
    assert "| 24:00 |" in out
    assert "00:00" not in out


def test_every_commands_help_keeps_the_brackets_its_docstring_writes() -> None:
    # Typer's rich help reads [word] as markup and drops it unless it is escaped (\[word]).
    import inspect
    import re

    for command in app.registered_commands:
        callback = command.callback
        assert callback is not None
        words = re.findall(r"\\?\[[a-z_.]+\]", inspect.getdoc(callback) or "")
        if not words:
            continue
        code, out, _ = run(callback.__name__, "--help", env={"COLUMNS": "400"})
        assert code == 0
        shown = " ".join(out.replace("│", " ").split())
        for word in words:
            assert word.lstrip("\\") in shown, (callback.__name__, word)
