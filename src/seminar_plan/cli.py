"""The command line: options -> library -> renderer -> stdout or file -> exit code.

Nothing here decides anything about a plan; it only wires the library to the terminal.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from seminar_plan import __version__
from seminar_plan.checks import check as run_check
from seminar_plan.findings import CODES, Selection, Severity
from seminar_plan.load import LoadedPlan, PlanFileError, load_plan

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan multi-day intergovernmental seminars in one TOML file.",
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"seminar-plan {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Plan multi-day intergovernmental seminars in one TOML file."""


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit 2: the command could not run."""
    sys.stderr.write(f"seminar-plan: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def find_plan_path(plan: Path | None) -> Path:
    """PLAN, else $SEMINAR_PLAN, else the nearest seminar.toml upward; else exit 2."""
    from seminar_plan.load.read import find_plan

    if plan is None:
        plan = find_plan(Path.cwd(), dict(os.environ))
        if plan is None:
            fail(
                "no plan found: no seminar.toml here or in any parent folder.\n"
                "  Make one with `seminar-plan init`, or name one: `seminar-plan check PATH`"
                " (or set SEMINAR_PLAN)."
            )
    if plan.is_dir():
        inside = plan / "seminar.toml"
        if not inside.is_file():
            fail(f"{plan} is a folder with no seminar.toml in it")
        plan = inside
    return plan


def open_plan(plan: Path | None, *, allow_outside: bool = False) -> LoadedPlan:
    path = find_plan_path(plan)
    try:
        return load_plan(path, allow_outside=allow_outside)
    except PlanFileError as error:
        fail(str(error))


def _codes(value: str | None, option: str) -> frozenset[str] | None:
    if value is None:
        return None
    codes = frozenset(code.strip() for code in value.split(",") if code.strip())
    unknown = sorted(codes - CODES.keys())
    if unknown:
        message = f"unknown finding code {unknown[0]!r}; known codes: {', '.join(CODES)}"
        raise typer.BadParameter(message, param_hint=option)
    return codes


def _use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The plan file (default: $SEMINAR_PLAN, else the nearest seminar.toml upward).",
        show_default=False,
    ),
]
AllowOutside = Annotated[
    bool,
    typer.Option("--allow-outside", help="Let includes read files outside the plan's folder."),
]


@app.command()
def check(
    plan: PlanArgument = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="text for people, json for scripts.")
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")] = False,
    select: Annotated[
        str | None, typer.Option("--select", help="Report only these codes (comma-separated).")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Leave out these codes (comma-separated).")
    ] = None,
    allow_outside: AllowOutside = False,
) -> None:
    """Report everything in the plan that collides or is wrong, with file, line and a fix.

    Exit 0: no errors. Exit 1: errors (or, with --strict, warnings). Exit 2: could not run.
    """
    selection = Selection(
        select=_codes(select, "--select"), ignore=_codes(ignore, "--ignore") or frozenset()
    )
    loaded = open_plan(plan, allow_outside=allow_outside)
    findings = run_check(loaded, selection)
    from seminar_plan.views import findings as report

    if output_format is ReportFormat.json:
        sys.stdout.write(report.render_json(findings, loaded.path))
    else:
        texts = {source.display: source.text for source in loaded.sources.files}
        sys.stdout.write(report.render_text(findings, texts, loaded.path, color=_use_color()))
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    raise typer.Exit(
        EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK
    )


def main() -> None:
    """The console script: never a traceback, whatever the input."""
    try:
        app()
    except Exception as error:  # noqa: BLE001 - last resort: a bug must not show a traceback
        sys.stderr.write(
            f"seminar-plan: internal error: {type(error).__name__}: {error}\n"
            "  This is a bug in seminar-plan; please report it with the plan that caused it.\n"
        )
        sys.exit(EXIT_USAGE)
