"""The console script's entry: what the command says and its exit code, with the quick exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seminar_plan.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONFLICTS = ROOT / "examples" / "conflicts" / "seminar.toml"


def entry(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The console script's ``main`` in a process of its own (it ends the process)."""
    return subprocess.run(
        [sys.executable, "-c", "from seminar_plan.entry import main; main()", *args],
        capture_output=True,
        text=True,
        check=False,
        input=stdin,
        env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": "100"},
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(CONFLICTS)),  # exit 1, a long report
        ("check", str(CONFLICTS), "--format", "json"),
        ("check", "--select", "no-such-code", str(CONFLICTS)),  # exit 2, a word on stderr
        ("no-such-command",),  # exit 2 from typer itself
    ],
)
def test_the_process_says_all_that_the_app_says_with_its_exit_code(args: tuple[str, ...]) -> None:
    """Nothing written is lost to the exit that skips the interpreter's teardown."""
    result = entry(*args)
    expected = CliRunner().invoke(
        app, list(args), env={"COLUMNS": "100"}, color=False, prog_name="-c"
    )
    assert (result.returncode, result.stdout) == (expected.exit_code, expected.stdout)
    assert result.stderr == expected.stderr
    assert result.returncode in (1, 2)


def test_exit_now_exits_as_sys_exit_does() -> None:
    for code, status, stderr in ((None, 0, ""), (3, 3, ""), ("gone", 1, "gone\n")):
        probe = (
            "import sys\nfrom seminar_plan.entry import exit_now\n"
            "sys.stdout.write('kept')\n"  # buffered, not flushed: exit_now flushes it
            f"exit_now({code!r})\n"
            "print('never')\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=False
        )
        assert (result.returncode, result.stdout, result.stderr) == (status, "kept", stderr)


def test_a_closed_pipe_ends_quietly() -> None:
    """`seminar-plan check PLAN | head -1`: the reader goes, the command ends without a word."""
    command = [sys.executable, "-c", "from seminar_plan.entry import main; main()"]
    with subprocess.Popen(
        [*command, "check", str(CONFLICTS), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read()
    assert process.returncode in (1, 2)
    assert b"Traceback" not in stderr
