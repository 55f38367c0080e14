"""The pre-commit hook definition: a hook that names a command we do not have fails for users."""

import shlex
from pathlib import Path

from typer.testing import CliRunner

from seminar_plan.cli import app

HOOKS = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"


def hook() -> dict[str, str]:
    """The one hook's keys (the file is a list of one mapping of plain scalars)."""
    fields: dict[str, str] = {}
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.removeprefix("- ").strip().partition(": ")
        fields[key] = value
    return fields


def test_the_hook_runs_check_on_the_whole_plan() -> None:
    fields = hook()
    assert fields["id"] == "seminar-plan-check"
    assert fields["language"] == "python"
    assert fields["pass_filenames"] == "false"  # noqa: S105 - a pre-commit key, not a secret
    command = shlex.split(fields["entry"])
    assert command[0] == "seminar-plan"
    result = CliRunner().invoke(app, [*command[1:], "--help"])
    assert result.exit_code == 0
    assert "Report everything in the plan" in result.stdout
