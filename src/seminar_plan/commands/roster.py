"""The guest roster: ``seminar-plan people``, everyone or one delegation or role, and the
interpreters' own view.

Annotations are real objects here, as in ``cli.py``: typer reads them at every start.
"""

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from seminar_plan import suggest
from seminar_plan.cli import (
    AllowOutside,
    LangOption,
    PlanArgument,
    _print_rich,
    app,
    fail,
    open_model,
)

if TYPE_CHECKING:
    from seminar_plan.model import Plan


class RosterFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    csv = "csv"


class RoleChoice(StrEnum):
    speaker = "speaker"
    moderator = "moderator"
    interpreter = "interpreter"
    owner = "owner"
    attendee = "attendee"


@app.command()
def people(
    plan: PlanArgument = None,
    delegation: Annotated[
        str | None, typer.Option("--delegation", help="Only this delegation.")
    ] = None,
    role: Annotated[
        RoleChoice | None,
        typer.Option(
            "--role",
            help="Only people with this role in some session; interpreter lists each one's"
            " days, sessions, interpreting time and language pairs.",
        ),
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        RosterFormat, typer.Option("--format", help="text, markdown, json or csv.")
    ] = RosterFormat.text,
    contacts: Annotated[
        bool, typer.Option("--contacts", help="Add contact details (private: off by default).")
    ] = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Print the guest roster: who, from where, when they come and go, and what they do."""
    from seminar_plan.views import roster as rosters

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    if delegation is not None and delegation not in model.delegation_by_id:
        fail(suggest.unknown_message("delegation", delegation, sorted(model.delegation_by_id)))
    if role is RoleChoice.interpreter:
        if contacts:
            fail("--contacts lists contacts in the roster; leave out --role interpreter for them")
        _print_interpreters(model, loaded.path, lang, delegation, output_format)
        return
    roster = rosters.build_roster(
        model,
        loaded.path,
        lang=lang,
        delegation=delegation,
        role=None if role is None else next(r for r in rosters.ROLES if r == role.value),
        contacts=contacts,
    )
    if output_format is RosterFormat.text:
        from seminar_plan.views import terminal

        _print_rich(lambda _: terminal.roster_renderable(roster, contacts=contacts))
        return
    from seminar_plan.views import agenda_formats

    if output_format is RosterFormat.json:
        sys.stdout.write(agenda_formats.roster_json(roster, contacts=contacts))
    elif output_format is RosterFormat.markdown:
        sys.stdout.write(agenda_formats.roster_markdown(roster, contacts=contacts))
    else:
        sys.stdout.write(agenda_formats.roster_csv(roster, contacts=contacts))


def _print_interpreters(
    model: "Plan", path: str, lang: str | None, delegation: str | None, output_format: RosterFormat
) -> None:
    from seminar_plan.views import interpreters

    roster = interpreters.build(model, path, lang=lang, delegation=delegation)
    if output_format is RosterFormat.text:
        from seminar_plan.views import terminal

        _print_rich(lambda _: terminal.interpreters_renderable(roster))
    elif output_format is RosterFormat.json:
        sys.stdout.write(interpreters.json_text(roster))
    elif output_format is RosterFormat.markdown:
        sys.stdout.write(interpreters.markdown(roster))
    else:
        sys.stdout.write(interpreters.csv_text(roster))
