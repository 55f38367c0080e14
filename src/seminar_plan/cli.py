"""The command line: options -> library -> renderer -> stdout or file -> exit code.

Nothing here decides anything about a plan; it only wires the library to the terminal.
Annotations are real objects here (no ``from __future__ import annotations``): typer reads
them at every start, and evaluating some 250 string annotations cost about 5 ms.
"""

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from seminar_plan import formats, locales, suggest
from seminar_plan.errors import SeminarPlanError
from seminar_plan.findings import Selection, Severity

# The loader, the model and the rules are imported by the commands that use them, not here:
# they cost more than typer itself, and --help (and every typer start) needs none of them.
if TYPE_CHECKING:
    from seminar_plan.findings import Finding
    from seminar_plan.load import LoadedPlan
    from seminar_plan.model import Plan

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Commands(TyperGroup):
    """The root command: a ``SeminarPlanError`` from any command is "could not run", exit 2.

    Mapped here rather than in ``main()`` alone, so that every way of invoking the app (the
    entry point, tests with typer's CliRunner) reports it the same way.
    """

    def invoke(self, ctx: Any) -> Any:  # noqa: ANN401 - click's own signature
        # What follows the command's name, before the command parses (and consumes) it.
        args = list(ctx.args)
        try:
            return super().invoke(ctx)
        except SeminarPlanError as error:
            fail(refusal(error, _lang_option(args)))


def _lang_option(args: list[str]) -> str | None:
    """The value of ``--lang`` among a command's arguments, if it has one."""
    for position, arg in enumerate(args):
        if arg == "--lang" and position + 1 < len(args):
            return args[position + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def refusal(error: SeminarPlanError, lang: str | None) -> str:
    """Why the command could not run, in ``lang`` when it has a catalogue, else in the
    terminal locale's language, else in English (an error without words as data: as it is)."""
    if error.text is None:
        return str(error)
    from seminar_plan.messages import render

    if lang is None or not locales.has_catalogue(lang):
        lang = locales.terminal_language(os.environ) or locales.FALLBACK
    return render(error.text, lang)


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan multi-day intergovernmental seminars in one TOML file.",
)


def _version(value: bool) -> None:
    if value:
        from seminar_plan import __version__

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
    """PLAN, else $SEMINAR_PLAN, else the nearest seminar.toml upward; else the command cannot
    run (``SeminarPlanError``, exit 2)."""
    from seminar_plan.load.read import find_plan
    from seminar_plan.messages import text

    if plan is None:
        plan = find_plan(Path.cwd(), dict(os.environ))
        if plan is None:
            raise SeminarPlanError.saying(text("load.no-plan"))
    if plan.is_dir():
        inside = plan / "seminar.toml"
        if not inside.is_file():
            raise SeminarPlanError.saying(text("load.folder-without-plan", folder=str(plan)))
        plan = inside
    return plan


def run_check(loaded: "LoadedPlan", selection: Selection | None = None) -> list["Finding"]:
    """The plan's findings (``seminar_plan.checks.check``, imported when a command checks)."""
    from seminar_plan.checks import check

    return check(loaded, selection)


def open_plan(plan: Path | None, *, allow_outside: bool = False) -> "LoadedPlan":
    from seminar_plan.load import load_plan

    return load_plan(find_plan_path(plan), allow_outside=allow_outside)


# The catalogues are listed as they are installed: adding locales/xx.toml adds xx here.
LANG_HELP = (
    f"Labels in {', '.join(locales.languages())}; another of the event's languages gets English"
    " labels around its text (default: the event's first language)."
)
LangOption = Annotated[str | None, typer.Option("--lang", help=LANG_HELP)]
# check's default is the reader's, not the event's: a terminal or CI log is read in the
# terminal's language, and a CI job under C / POSIX keeps English output.
CHECK_LANG_HELP = (
    f"Messages and hints in {', '.join(locales.languages())}; another of the event's languages"
    " gets English. Default: the language of the terminal's locale (the first of LC_ALL,"
    " LC_MESSAGES, LANG that is set: ja_JP.UTF-8 is ja) when it has a catalogue, else English."
    " --format json keeps English message and hint and adds them under localized."
)


def open_model(
    plan: Path | None, *, allow_outside: bool, lang: str | None
) -> tuple["LoadedPlan", "Plan"]:
    """The plan with its model, for the commands that show it; exit 2 without a usable event
    or with a --lang that is neither a catalogue's nor one of the event's languages (those
    without a catalogue get English labels around the plan's own text, in every command)."""
    from seminar_plan import options

    loaded = open_plan(plan, allow_outside=allow_outside)
    model = loaded.plan
    if model is None:
        fail(
            f"{loaded.path} has no usable [event], so there is nothing to list;"
            f" run `seminar-plan check {loaded.path}` to see why"
        )
    known = options.known_languages(model)
    if lang is not None and lang not in known:
        fail(suggest.unknown_message("language", lang, known))
    return loaded, model


def day_number(model: "Plan", day: str) -> int:
    """``--day N`` or ``--day YYYY-MM-DD`` as a day number; exit 2 naming the days otherwise."""
    from seminar_plan import options

    number = options.resolve_day(model, day)
    if number is None:
        fail(options.day_message(model, day))
    return number


def _codes(value: str | None, option: str) -> frozenset[str] | None:
    if value is None:
        return None
    codes = frozenset(code.strip() for code in value.split(",") if code.strip())
    from seminar_plan.checks.registry import unknown_code_message

    if not codes:
        # An empty --select would report nothing and pass any plan: name the codes instead.
        raise typer.BadParameter(
            "give one or more finding codes, separated by commas", param_hint=option
        )
    message = unknown_code_message(codes)
    if message is not None:
        raise typer.BadParameter(message, param_hint=option)
    return codes


def _use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


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
        ReportFormat,
        typer.Option(
            "--format",
            help="text for people, json for scripts, github for Actions annotations,"
            " sarif (SARIF 2.1.0) for code scanning.",
        ),
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")] = False,
    select: Annotated[
        str | None, typer.Option("--select", help="Report only these codes (comma-separated).")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Leave out these codes (comma-separated).")
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", help="Check again each time a file of the plan is saved (Ctrl-C ends)."
        ),
    ] = False,
    allow_outside: AllowOutside = False,
    lang: Annotated[str | None, typer.Option("--lang", help=CHECK_LANG_HELP)] = None,
) -> None:
    """Report everything in the plan that collides or is wrong, with file, line and a fix.

    Exit 0: no errors. Exit 1: errors (or, with --strict, warnings). Exit 2: could not run.
    """
    selection = Selection(
        select=_codes(select, "--select"), ignore=_codes(ignore, "--ignore") or frozenset()
    )
    if not watch:
        raise typer.Exit(
            _check_once(plan, output_format, selection, strict, allow_outside, lang)[0]
        )
    from seminar_plan.watch import wait_for_change

    try:
        while True:
            try:
                _, files = _check_once(plan, output_format, selection, strict, allow_outside, lang)
            except SeminarPlanError as error:  # could not read the plan: say so, wait for a fix
                sys.stderr.write(f"seminar-plan: {refusal(error, lang)}\n")
                files = [find_plan_path(plan)]
            sys.stdout.write("-- waiting for changes (Ctrl-C ends) --\n")
            sys.stdout.flush()
            wait_for_change(files)
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_OK) from None


def _check_language(lang: str | None, loaded: "LoadedPlan") -> str:
    """The catalogue ``check`` shows its findings in: ``--lang`` (exit 2 unless a catalogue's or
    one of the event's languages, which without a catalogue gets English), else the terminal
    locale's language when it has a catalogue, else English."""
    if lang is None:
        return locales.terminal_language(os.environ) or locales.FALLBACK
    from seminar_plan import options

    known = locales.languages() if loaded.plan is None else options.known_languages(loaded.plan)
    if lang not in known:
        fail(suggest.unknown_message("language", lang, known))
    return lang if locales.has_catalogue(lang) else locales.FALLBACK


# The last plan checked and its findings, held until the process ends: the console script
# exits without freeing anything (``seminar_plan.entry.exit_now``), and letting a large plan go
# object by object when the check returns cost 3-4% of a 30,000-session check. Replaced by the
# next check (``--watch``), so at most one plan is held.
_KEPT_UNTIL_EXIT: list[object] = []


def _check_once(
    plan: Path | None,
    output_format: ReportFormat,
    selection: Selection,
    strict: bool,
    allow_outside: bool,
    lang: str | None,
) -> tuple[int, list[Path]]:
    """Check and print once: the exit code it earns and the plan's files (to watch)."""
    loaded = open_plan(plan, allow_outside=allow_outside).without_tables()
    shown_in = _check_language(lang, loaded)
    findings = run_check(loaded, selection)
    from seminar_plan.views import findings as report

    if output_format is ReportFormat.json:
        sys.stdout.writelines(report.json_report(findings, loaded.path, shown_in))
    elif output_format is ReportFormat.github:
        sys.stdout.write(report.render_github(findings, shown_in))
    elif output_format is ReportFormat.sarif:
        import seminar_plan

        sys.stdout.write(report.render_sarif(findings, seminar_plan.__version__, shown_in))
    else:
        texts = {source.display: source.text for source in loaded.sources.files}
        sys.stdout.writelines(
            report.text_report(findings, texts, loaded.path, color=_use_color(), lang=shown_in)
        )
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    code = EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK
    _KEPT_UNTIL_EXIT[:] = [loaded, findings]
    return code, [Path(source.display) for source in loaded.sources.files]


if TYPE_CHECKING:
    SheetFormat = StrEnum
    ExportFormat = StrEnum
else:
    # The --format choices, built from the formats registry.
    SheetFormat = StrEnum("SheetFormat", [(name, name) for name in formats.SHEETS])
    ExportFormat = StrEnum("ExportFormat", [(name, name) for name in formats.EXPORTS])


@app.command()
def runsheet(
    day: Annotated[
        str, typer.Option("--day", help="The day to print: N (1 = the first day) or YYYY-MM-DD.")
    ],
    plan: PlanArgument = None,
    room: Annotated[
        str | None, typer.Option("--room", help="Only this room (default: every room).")
    ] = None,
    by_room: Annotated[
        bool,
        typer.Option(
            "--by-room",
            help="One section (and page) per room, for stage managers"
            " (default: the whole day as one timeline).",
        ),
    ] = False,
    lang: LangOption = None,
    output_format: Annotated[
        SheetFormat,
        typer.Option("--format", help=formats.SHEET_HELP),
    ] = SheetFormat("html"),
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="The file to write (default: from the plan and day; - for stdout).",
        ),
    ] = None,
    contacts: Annotated[
        bool, typer.Option("--contacts", help="Add the responsible people's contact details.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    font: Annotated[
        Path | None,
        typer.Option("--font", help="A CJK font file for --format pdf (default: a system one)."),
    ] = None,
    allow_outside: AllowOutside = False,
) -> None:
    """Write the printable run sheet of one day: every session and cue in time order.

    The run sheet (進行表) shows the whole day as one timeline with a room column (--by-room: a
    section per room).

    Errors in the plan that touch the day are boxed at the top; the sheet is still written.
    """
    import datetime as dt

    from seminar_plan.views import paper
    from seminar_plan.views import runsheet as sheets

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    day_shown = day_number(model, day)
    if room is not None and room not in model.room_by_id:
        fail(suggest.unknown_message("room", room, sorted(model.room_by_id)))
    stamp = paper.make_stamp(
        Path(loaded.path).name,
        [source.text for source in loaded.sources.files],
        dt.datetime.now(model.event.tz),
    )
    sheet = sheets.build(
        model,
        day_shown,
        lang=lang,
        findings=run_check(loaded),
        stamp=stamp,
        room=room,
        contacts=contacts,
        by_room=by_room,
    )
    sheet_format = formats.SHEETS[output_format.value]
    data = sheet_format.render(sheet, formats.SheetOptions(font=font))
    if output is None:
        place = f"-{room}" if room is not None else ""
        stem = Path(loaded.path).stem
        output = Path(f"{stem}-day{day_shown}{place}-{sheet.ui}{sheet_format.suffix}")
    emit(data, output, force=force)
    if sheet.findings:
        sys.stderr.write(
            f"seminar-plan: the plan has errors on day {day_shown} ({len(sheet.findings)});"
            " they are boxed at the top of the sheet\n"
        )


class AgendaFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def _print_rich(build: Callable[[int], object]) -> None:
    """Print what ``build(width)`` makes, through rich: the width is the terminal's (or
    $COLUMNS), colour only where allowed."""
    from rich.console import Console

    console = Console(
        file=sys.stdout,
        color_system="auto" if _use_color() else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(build(console.width))


@app.command()
def agenda(
    plan: PlanArgument = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="One day: N (1 = the first day) or YYYY-MM-DD."),
    ] = None,
    room: Annotated[str | None, typer.Option("--room", help="Only sessions in this room.")] = None,
    person: Annotated[
        str | None,
        typer.Option("--person", help="This person's itinerary: arrival, commitments, departure."),
    ] = None,
    delegation: Annotated[
        str | None,
        typer.Option("--delegation", help="Only sessions this delegation takes part in."),
    ] = None,
    track: Annotated[str | None, typer.Option("--track", help="Only this track.")] = None,
    lang: LangOption = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="Add a second time column in this zone, e.g. Asia/Tokyo."),
    ] = None,
    output_format: Annotated[
        AgendaFormat, typer.Option("--format", help="text, markdown or json.")
    ] = AgendaFormat.text,
    allow_outside: AllowOutside = False,
) -> None:
    """Print the agenda day by day, or one person's itinerary with --person.

    Sessions with errors are marked and footnoted; the agenda is printed all the same.
    """
    from seminar_plan import options
    from seminar_plan.views import rows

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    day_shown = None if day is None else day_number(model, day)
    for what, value, known in (
        ("room", room, sorted(model.room_by_id)),
        ("person", person, sorted(model.person_by_id)),
        ("delegation", delegation, sorted(model.delegation_by_id)),
        ("track", track, list(options.tracks_of(model))),
    ):
        if value is not None and value not in known:
            fail(suggest.unknown_message(what, value, known))
    second_zone = None
    if tz is not None:
        from seminar_plan.load.zones import resolve_zone

        zone, suggestion = resolve_zone(tz)
        if zone is None:
            guess = f"; {suggest.mean(suggestion)}" if suggestion else ""
            fail(f"unknown time zone {tz!r}{guess} (give an IANA name such as Asia/Tokyo)")
        second_zone = (tz, zone)
    filters = rows.Filters(
        day=day_shown, room=room, person=person, delegation=delegation, track=track
    )
    result = rows.build_agenda(
        model, loaded.path, run_check(loaded), lang=lang, filters=filters, second_zone=second_zone
    )
    if output_format is AgendaFormat.text:
        from seminar_plan.views import terminal

        _print_rich(lambda width: terminal.agenda_renderable(result, width=width))
        return
    from seminar_plan.views import agenda_formats

    if output_format is AgendaFormat.json:
        sys.stdout.write(agenda_formats.agenda_json(result))
    else:
        sys.stdout.write(agenda_formats.agenda_markdown(result))
    if result.errors:
        sys.stderr.write(
            f"seminar-plan: the plan has {result.errors} error(s);"
            f" `seminar-plan check {loaded.path}` lists them\n"
        )


OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="The file to write (default: standard output)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


def emit(data: str | bytes, output: Path | None, *, force: bool) -> None:
    """The result to ``output`` through safe_write; to standard output without one, or "-"."""
    if output is None or str(output) == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from seminar_plan.files import Written, safe_write

    if safe_write(output, data, force=force) is Written.FILE:
        sys.stdout.write(f"wrote {output}\n")


@app.command()
def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help=formats.EXPORT_HELP,
        ),
    ],
    plan: PlanArgument = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="Only one day: N (1 = the first day) or YYYY-MM-DD."),
    ] = None,
    person: Annotated[
        str | None,
        typer.Option("--person", help="Only this person's sessions (ics adds their travel)."),
    ] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Export the plan for the tools people already use: calendars, spreadsheets, apps.

    A plan with errors is exported all the same; a line on stderr says so.
    """
    import datetime as dt

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    day_shown = None if day is None else day_number(model, day)
    if person is not None and person not in model.person_by_id:
        fail(suggest.unknown_message("person", person, sorted(model.person_by_id)))
    export_options = formats.ExportOptions(
        now=dt.datetime.now(dt.UTC), day=day_shown, person=person, lang=lang
    )
    data = formats.EXPORTS[output_format.value].render(model, export_options)
    emit(data, output, force=force)
    errors = sum(f.severity is Severity.ERROR for f in run_check(loaded))
    if errors:
        sys.stderr.write(
            f"seminar-plan: the plan has {errors} error(s), exported all the same;"
            f" `seminar-plan check {loaded.path}` lists them\n"
        )


# The other commands live in their own modules and register on ``app`` as they are imported;
# they import ``app`` and the helpers above, so they come last, in the order of --help.
from seminar_plan.commands import (  # noqa: E402, F401
    authoring,
    logistics,
    on_the_day,
    printing,
    roster,
)


def main() -> None:
    """Run the command line (``seminar_plan.entry`` starts it): never a traceback."""
    try:
        try:
            app()
        finally:
            # A full disk or a closed pipe behind standard output shows here, not at exit.
            sys.stdout.flush()
    except OSError as error:
        # What is still buffered cannot be written either: drop it, so that the exit does not
        # try again and print a second complaint.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if not isinstance(error, BrokenPipeError):  # a closed pipe (`| head`) needs no word
            sys.stderr.write(
                f"seminar-plan: cannot write to standard output: {error.strerror or error}\n"
            )
        sys.exit(EXIT_USAGE)
    except Exception as error:  # noqa: BLE001 - last resort: a bug must not show a traceback
        sys.stderr.write(
            f"seminar-plan: internal error: {type(error).__name__}: {error}\n"
            "  This is a bug in seminar-plan; please report it with the plan that caused it.\n"
        )
        sys.exit(EXIT_USAGE)
