"""The commands that print paper: the programme booklet, badges, place cards, the seating plan.

Each parses its options, calls a pure builder and renderer in ``views/``, and writes through the
shared writer; ``cli.py`` imports this module to register them on its app. Annotations are real
objects here, as in ``cli.py``: typer reads them at every start.
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seminar_plan import suggest
from seminar_plan.cli import (
    AllowOutside,
    ForceOption,
    PlanArgument,
    app,
    emit,
    fail,
    open_model,
)

if TYPE_CHECKING:
    from seminar_plan.load import LoadedPlan
    from seminar_plan.model import Plan
    from seminar_plan.views.paper import Stamp


class PaperSize(StrEnum):
    A4 = "A4"
    A5 = "A5"


class SeatingFormat(StrEnum):
    text = "text"
    html = "html"


OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", help="The file to write (default: from the plan; - for stdout)."
    ),
]


def _stamp(loaded: "LoadedPlan", model: "Plan") -> "Stamp":
    from seminar_plan.views import paper

    return paper.make_stamp(
        Path(loaded.path).name,
        [source.text for source in loaded.sources.files],
        dt.datetime.now(model.event.tz),
    )


def _languages(model: "Plan", value: str | None) -> tuple[str, ...]:
    """``--lang ja+zh`` as a tuple; default: the event's first two working languages."""
    if value is None:
        return model.event.languages[:2] or ("en",)
    from seminar_plan import options

    known = options.known_languages(model)
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split("+") if part.strip()))
    for lang in chosen:
        if lang not in known:
            fail(suggest.unknown_message("language", lang, known))
    return chosen or fail("--lang names no language: write --lang ja+zh, or --lang ja")


def _default_output(loaded: "LoadedPlan", name: str, output: Path | None) -> Path:
    return output if output is not None else Path(f"{Path(loaded.path).stem}-{name}")


@app.command()
def programme(
    plan: PlanArgument = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The languages side by side, joined by +: ja+zh, or one: ja"
            " (default: the event's first two).",
        ),
    ] = None,
    paper_size: Annotated[
        PaperSize, typer.Option("--paper", help="A4 or A5 (portrait).")
    ] = PaperSize.A4,
    output: OutputFileOption = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Write the programme booklet: the public programme of every day, languages side by side.

    Print the HTML from a browser. Cues, owners, contacts, AV and notes are never in it; a
    session is left out with public = false (transfers are left out unless public = true).
    """
    from seminar_plan.views import programme as booklet

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=None)
    langs = _languages(model, lang)
    built = booklet.build(model, langs, _stamp(loaded, model), paper_size.value)
    name = f"programme-{'+'.join(langs)}.html"
    emit(booklet.render_html(built), _default_output(loaded, name, output), force=force)


def _people(
    model: "Plan", delegation: str | None, group: str | None, person: list[str] | None
) -> tuple[str, ...]:
    """The named people chosen by --delegation, --group and --person (all when none is given)."""
    if delegation is not None and delegation not in model.delegation_by_id:
        fail(suggest.unknown_message("delegation", delegation, sorted(model.delegation_by_id)))
    if group is not None and group not in model.group_by_id:
        fail(suggest.unknown_message("group", group, sorted(model.group_by_id)))
    for ident in person or ():
        if ident not in model.person_by_id:
            fail(suggest.unknown_message("person", ident, sorted(model.person_by_id)))
    chosen: list[str] = []
    if delegation is not None:
        chosen += [p.id for p in model.people if p.delegation == delegation]
    if group is not None:
        chosen += list(model.group_by_id[group].members)
    chosen += person or []
    if delegation is None and group is None and not person:
        chosen = [p.id for p in model.people]
    return tuple(p for p in dict.fromkeys(chosen) if p in model.person_by_id)


DelegationOption = Annotated[
    str | None, typer.Option("--delegation", help="Only the named people of this delegation.")
]
GroupOption = Annotated[str | None, typer.Option("--group", help="Only this group's members.")]
PersonOption = Annotated[
    list[str] | None, typer.Option("--person", help="Only this person (repeat for more).")
]
UiOption = Annotated[
    str | None,
    typer.Option("--lang", help="The language of the sheet's own words (default: the event's)."),
]


def _write_cards(
    kind: str,
    plan: Path | None,
    lang: str | None,
    selection: tuple[str | None, str | None, list[str] | None],
    destination: tuple[Path | None, bool],
    allow_outside: bool,
) -> None:
    """Badges or place cards (``kind``) for the people chosen, to ``PLAN-KIND.html`` or -o."""
    from seminar_plan import present
    from seminar_plan.views import badges as cards

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    people = _people(model, *selection)
    sheet = cards.CardSheet(
        present.ui_language(model, lang), cards.cards(model, people), _stamp(loaded, model)
    )
    render = cards.render_badges_html if kind == "badges" else cards.render_placecards_html
    output, force = destination
    emit(render(sheet), _default_output(loaded, f"{kind}.html", output), force=force)


@app.command()
def badges(
    plan: PlanArgument = None,
    delegation: DelegationOption = None,
    group: GroupOption = None,
    person: PersonOption = None,
    lang: UiOption = None,
    output: OutputFileOption = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Write name badges for named people: eight to an A4 sheet, fronts then backs, cut marks.

    The name in the person's language and in the other working language, title, organisation
    and a band in the delegation's colour. Print double-sided, flipping on the long edge.
    """
    _write_cards("badges", plan, lang, (delegation, group, person), (output, force), allow_outside)


@app.command()
def placecards(
    plan: PlanArgument = None,
    delegation: DelegationOption = None,
    group: GroupOption = None,
    person: PersonOption = None,
    lang: UiOption = None,
    output: OutputFileOption = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Write place cards (table tents) for named people: one A4 landscape sheet each.

    Each sheet folds along the middle, with the name large on both faces.
    """
    _write_cards(
        "placecards", plan, lang, (delegation, group, person), (output, force), allow_outside
    )


@app.command()
def seating(
    session: Annotated[str, typer.Argument(help="The session's id (ID@N for a repeat).")],
    plan: PlanArgument = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="The names' languages joined by +: ja+zh (default: the event's two)."
        ),
    ] = None,
    output_format: Annotated[
        SeatingFormat, typer.Option("--format", help="text, or html to print.")
    ] = SeatingFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The file to write (default: standard output)."),
    ] = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Print the head-table seating of a session by precedence: numbered seats, two languages.

    The plan's \\[protocol] table sets the order and the convention.
    """
    from seminar_plan.views import seating as plan_view

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=None)
    found = {s.id: s for s in model.sessions}
    if session not in found:
        fail(suggest.unknown_message("session", session, sorted(found)))
    built = plan_view.build(model, found[session], _languages(model, lang), _stamp(loaded, model))
    if output_format is SeatingFormat.html:
        emit(plan_view.render_html(built), output, force=force)
    else:
        emit(plan_view.render_text(built), output, force=force)
