"""Commands that write or compare plans: init, import people, diff, shift.

Annotations are real objects here, as in ``cli.py``: typer reads them at every start.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from seminar_plan import suggest
from seminar_plan.cli import (
    AllowOutside,
    ForceOption,
    LangOption,
    OutputOption,
    PlanArgument,
    ReportFormat,
    app,
    emit,
    fail,
    open_model,
)


@app.command()
def init(
    folder: Annotated[
        Path,
        typer.Argument(help="The folder to put seminar.toml in (made if missing)."),
    ] = Path(),
    force: ForceOption = False,
) -> None:
    """Write a commented starter seminar.toml that checks clean, and say what to try next."""
    from seminar_plan.authoring import init as starter
    from seminar_plan.files import safe_write

    if folder.exists() and not folder.is_dir():
        fail(f"{folder} is a file; name a folder to put seminar.toml in")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"{folder}: cannot make the folder ({error.strerror or error})")
    target = folder / starter.PLAN_NAME
    schema = folder / starter.SCHEMA_FILE
    schema_text = starter.schema_text()
    # The schema beside the plan is ours to refresh, but never a different file of that name.
    current = schema.read_text(encoding="utf-8", errors="replace") if schema.is_file() else None
    if current is not None and current != schema_text and not force:
        fail(f"{schema} exists; pass --force to overwrite it")
    safe_write(target, starter.starter_plan(), force=force)
    wrote = [target]
    if current != schema_text:
        safe_write(schema, schema_text, force=force)
        wrote.append(schema)
    steps = "".join(f"  {command}\n" for command in starter.next_commands(folder))
    written = "".join(f"wrote {path}\n" for path in wrote)
    sys.stdout.write(f"{written}Next, try:\n{steps}")


import_app = typer.Typer(
    no_args_is_help=True, help="Bring data from other tools into a plan (people from a CSV)."
)
app.add_typer(import_app, name="import")


@import_app.command("people")
def import_people(
    sheet: Annotated[
        Path,
        typer.Argument(help="The registration spreadsheet saved as CSV.", show_default=False),
    ],
    output: OutputOption = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="HEADER=FIELD: read the column HEADER as FIELD (repeatable),"
            " e.g. --map 'Full name=name.en' or --map '会社=organization.ja'.",
        ),
    ] = None,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Write the good rows even if some are bad.")
    ] = False,
    delegation: Annotated[
        str | None,
        typer.Option("--delegation", help="The delegation of every row that names none."),
    ] = None,
    id_prefix: Annotated[
        str,
        typer.Option("--id-prefix", help="Put before every id made from a name, e.g. cn-."),
    ] = "",
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="The sheet's encoding when not UTF-8: shift_jis (cp932), gb18030, utf-16...",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Turn a registration spreadsheet (CSV) into the plan's people tables.

    Headers such as name, 氏名, 所属, 役職, email, フリガナ, 拼音, diet, hotel and flight are
    recognised. Ids come from the Latin name, else the kana or pinyin reading, so importing the
    same sheet again gives the same ids. A flight goes into the notes (flights are [[flights]]).

    A bad row stops the import (nothing is written) unless --skip-bad; each is reported by row.
    """
    from seminar_plan.authoring import import_people as importer
    from seminar_plan.load.parse import is_slug

    if delegation is not None and not is_slug(delegation):
        message = f"{delegation!r} is not a delegation id (lowercase letters, digits, - and _)"
        raise typer.BadParameter(message, param_hint="--delegation")
    fields: dict[str, str] = {}
    for item in mapping or ():
        header, equals, field = item.rpartition("=")
        if not equals or not header.strip() or not field.strip():
            message = f"{item!r} is not HEADER=FIELD, e.g. 'Full name=name.en'"
            raise typer.BadParameter(message, param_hint="--map")
        fields[header.strip()] = field.strip()
    from seminar_plan.files import ReadError, read_regular

    try:
        data = read_regular(sheet, importer.MAX_SHEET_BYTES)
    except ReadError as error:
        fail(f"{sheet}: {error}")
    try:
        result = importer.read_people(
            data, fields, encoding=encoding, delegation=delegation, id_prefix=id_prefix
        )
    except importer.SheetError as error:
        fail(f"{sheet}: {error}")
    for column in result.ignored_columns:
        sys.stderr.write(
            f"seminar-plan: {sheet}: column {column!r} is not imported"
            f" (to keep it: --map '{column}=FIELD')\n"
        )
    for problem in result.problems:
        sys.stderr.write(f"seminar-plan: {sheet}: {problem}\n")
    for warning in result.warnings:
        sys.stderr.write(f"seminar-plan: {sheet}: warning: {warning}\n")
    if result.problems and not skip_bad:
        fail(
            f"{sheet}: {len(result.bad_rows)} row(s) have problems, so nothing was written;"
            " fix them, or pass --skip-bad to import the other rows"
        )
    if not result.people:
        fail(f"{sheet}: no people to import")
    target = None if output is None else output.name
    emit(importer.to_toml(result.people, sheet.name, target), output, force=force)
    if result.problems:
        skipped = ", ".join(str(row) for row in result.bad_rows)
        sys.stderr.write(f"seminar-plan: {sheet}: skipped row(s) {skipped}\n")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version of the plan.")],
    new: Annotated[Path, typer.Argument(help="The later version of the plan.")],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="text for people, json for scripts.")
    ] = ReportFormat.text,
    lang: LangOption = None,
    per_delegation: Annotated[
        bool,
        typer.Option(
            "--per-delegation",
            help="What to tell each delegation's liaison: its moved, new and cancelled"
            " sessions, one line each, in the delegation's own language unless --lang.",
        ),
    ] = False,
    delegation: Annotated[
        str | None,
        typer.Option("--delegation", help="With --per-delegation: only this delegation."),
    ] = None,
    allow_outside: AllowOutside = False,
) -> None:
    """What changed between two versions of a plan, so each delegation can be told.

    Sessions added, removed, moved (day, time, room), retitled, or with other speakers.

    People added or removed; arrivals and departures changed.
    """
    from seminar_plan.authoring import diff as changes

    before, old_model = open_model(old, allow_outside=allow_outside, lang=None)
    after, new_model = open_model(new, allow_outside=allow_outside, lang=lang)
    result = changes.diff_plans(old_model, new_model)
    if delegation is not None:
        known = sorted(new_model.delegation_by_id.keys() | old_model.delegation_by_id.keys())
        if delegation not in known:
            fail(suggest.unknown_message("delegation", delegation, known))
    if per_delegation or delegation is not None:
        sys.stdout.write(changes.render_per_delegation(result, lang=lang, delegation=delegation))
        return
    if output_format is ReportFormat.json:
        sys.stdout.write(changes.render_json(result, before.path, after.path))
    else:
        sys.stdout.write(changes.render_text(result, before.path, after.path, lang=lang))


EXIT_REFUSED = 1


@app.command()
def shift(
    session: Annotated[
        str,
        typer.Argument(
            help="The session to move: its id (every day it repeats on) or ID@N for one day.",
            show_default=False,
        ),
    ],
    by: Annotated[
        str,
        typer.Option("--by", help="How far: 15m, -10m, 1h30m or minutes (later if positive)."),
    ],
    plan: PlanArgument = None,
    ripple: Annotated[
        bool,
        typer.Option(
            "--ripple",
            help="Move the later sessions of its day in its room, and those that directly"
            " follow it for its people or delegations, too (never a fixed one).",
        ),
    ] = False,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Stop the ripple at HH:MM or at a session: what starts then or later holds.",
        ),
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Write the move into the plan (comments kept).")
    ] = False,
    no_backup: Annotated[
        bool, typer.Option("--no-backup", help="With --write, keep no copy of the old file.")
    ] = False,
    lang: LangOption = None,
    allow_outside: AllowOutside = False,
) -> None:
    """Move a session that overruns or starts late, and see what the move breaks.

    Prints the moves, then the findings the shift creates and removes; --write edits the plan.

    Exit 0: done. Exit 1: refused (a fixed session, past midnight). Exit 2: could not run.
    """
    from seminar_plan.authoring import shift as shifting

    minutes = shifting.parse_offset(by)
    if not minutes:
        message = f"{by!r} is not a shift such as 15m, -10m or 1h30m"
        raise typer.BadParameter(message, param_hint="--by")
    if abs(minutes) >= shifting.MINUTES_PER_DAY:
        # A session ends on its own day: no shift of a day or more can succeed.
        message = f"{by!r} is a day or more; a session stays on its day (less than 24h)"
        raise typer.BadParameter(message, param_hint="--by")
    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    known = shifting.session_ids(model)
    if session not in known:
        fail(suggest.unknown_message("session", session, known))
    bound = None
    if until is not None:
        clock = shifting.parse_clock(until)
        if clock is None and until not in known:
            fail(suggest.unknown_message("session", until, known) + "; or give --until HH:MM")
        bound = shifting.Until(clock=clock, session=None if clock is not None else until)
    result = shifting.plan_shift(model, session, minutes, ripple=ripple, until=bound)
    if result.refusal is not None:
        sys.stderr.write(f"seminar-plan: {shifting.refusal_text(model, result, lang=lang)}\n")
        raise typer.Exit(EXIT_REFUSED)
    try:
        rehearsal = shifting.rehearse(loaded, result)
    except shifting.EditError as error:
        refusal = shifting.Refusal("edit", session, str(error))
        refused = shifting.Shift(session, minutes, ripple, refusal=refusal)
        sys.stderr.write(f"seminar-plan: {shifting.refusal_text(model, refused, lang=lang)}\n")
        raise typer.Exit(EXIT_REFUSED) from None
    sys.stdout.write(shifting.render_text(model, result, rehearsal, lang=lang, until=until))
    if not write:
        return
    from seminar_plan.files import WriteError, replace_text

    labels = shifting.shift_labels(model, lang)
    for index, text in rehearsal.texts.items():
        source = loaded.sources.files[index]
        try:
            saved = replace_text(Path(source.display), source.text, text, backup=not no_backup)
        except WriteError as error:
            fail(str(error))
        if saved is not None:
            sys.stdout.write(labels["backup"].format(file=saved) + "\n")
        sys.stdout.write(labels["wrote"].format(file=source.display) + "\n")
