"""On the day: what is on now and next (``now``), and the foyer screen's page (``board``).

Annotations are real objects here, as in ``cli.py``: typer reads them at every start.
"""

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seminar_plan import suggest
from seminar_plan.cli import (
    AllowOutside,
    ForceOption,
    LangOption,
    PlanArgument,
    _print_rich,
    _use_color,
    app,
    emit,
    fail,
    open_model,
)

if TYPE_CHECKING:
    from seminar_plan.model import Plan

WATCH_SECONDS = 5


def _moment(plan: "Plan", at: str | None) -> dt.datetime:
    """``--at`` as an aware datetime (a local one is in the event zone); now without it."""
    if at is None:
        return dt.datetime.now(plan.event.tz)
    from seminar_plan.load.parse.scalars import FIRST_DATE, LAST_DATE, local_time_exists

    try:
        moment = dt.datetime.fromisoformat(at.strip())
    except ValueError:
        message = f"{at!r} is not a date and time such as 2025-07-24T10:05"
        raise typer.BadParameter(message, param_hint="--at") from None
    # The years a plan may use: far enough from datetime's ends to convert to any zone.
    if not FIRST_DATE <= moment.date() <= LAST_DATE:
        message = f"{at!r} lies outside the years {FIRST_DATE.year} to {LAST_DATE.year}"
        raise typer.BadParameter(message, param_hint="--at")
    if moment.tzinfo is not None:
        return moment
    local = moment.replace(tzinfo=plan.event.tz)
    if not local_time_exists(local):
        message = (
            f"{at!r} does not exist in {plan.event.timezone} (the clocks skip it):"
            " give it with its offset"
        )
        raise typer.BadParameter(message, param_hint="--at")
    return local


@app.command()
def now(
    plan: PlanArgument = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Pretend it is this moment, e.g. 2025-07-24T10:05 (in the event zone).",
        ),
    ] = None,
    room: Annotated[str | None, typer.Option("--room", help="Only this room.")] = None,
    watch: Annotated[
        bool,
        typer.Option("--watch", help=f"Keep it on screen, refreshed every {WATCH_SECONDS} s."),
    ] = False,
    lang: LangOption = None,
    allow_outside: AllowOutside = False,
) -> None:
    """What is on now and next in every room, with minutes left and minutes to the next start."""
    import time

    from rich.console import Console, RenderableType
    from rich.live import Live

    from seminar_plan.views import terminal
    from seminar_plan.views.now import now_next

    _, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    if room is not None and room not in model.room_by_id:
        fail(suggest.unknown_message("room", room, sorted(model.room_by_id)))
    start = _moment(model, at)
    begun = time.monotonic()

    def board() -> RenderableType:
        moment = start
        if watch and at is not None:
            # A rehearsal clock: it starts at --at and runs on.
            moment = start + dt.timedelta(seconds=time.monotonic() - begun)
        elif watch:
            moment = _moment(model, None)
        return terminal.now_renderable(model, now_next(model, moment, room=room), lang=lang)

    if not watch:
        _print_rich(lambda _: board())
        return
    console = Console(
        file=sys.stdout,
        color_system="auto" if _use_color() else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    with Live(board(), console=console, auto_refresh=False) as live:
        try:
            while True:
                time.sleep(WATCH_SECONDS)
                live.update(board(), refresh=True)
        except KeyboardInterrupt:
            pass


@app.command()
def board(
    plan: PlanArgument = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="The page to write (default: board.html beside you; - for stdout).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="The first of the two languages (default: the event's first)."),
    ] = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Write the foyer board: one page with now and next in every room, in large type.

    It shows both working languages and keeps itself current from the schedule inside it (no
    server).

    Open it in a browser on the foyer screen; board.html?at=2025-07-24T10:05 rehearses a time.
    """
    from seminar_plan.views.board import render_board

    _, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    emit(render_board(model, lang=lang), output or Path("board.html"), force=force)
