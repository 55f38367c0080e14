"""Logistics commands: rooming (beds per hotel and night), catering (meals by diet) and
transport (transfer manifests and airport greeters' lists).

Annotations are real objects here, as in ``cli.py``: typer reads them at every start.
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seminar_plan import formats, suggest
from seminar_plan.cli import (
    AllowOutside,
    ForceOption,
    LangOption,
    OutputOption,
    PlanArgument,
    app,
    day_number,
    emit,
    fail,
    open_model,
)


class RoomingFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"


@app.command()
def rooming(
    plan: PlanArgument = None,
    hotel: Annotated[str | None, typer.Option("--hotel", help="Only this hotel.")] = None,
    lang: LangOption = None,
    output_format: Annotated[
        RoomingFormat,
        typer.Option("--format", help="text, markdown, csv (the front desk's list) or json."),
    ] = RoomingFormat.text,
    allow_outside: AllowOutside = False,
) -> None:
    """Who needs a bed in which hotel each night: beds booked and the gap.

    Also each guest's check-in and check-out (as CSV for the hotel's front desk).
    """
    from seminar_plan.views import logistics

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    if hotel is not None:
        known = logistics.rooming_hotels(model)
        if hotel not in known:
            fail(suggest.unknown_message("hotel", hotel, known))
    result = logistics.build_rooming(model, loaded.path, hotel=hotel, lang=lang)
    render = {
        RoomingFormat.text: logistics.rooming_text,
        RoomingFormat.markdown: logistics.rooming_markdown,
        RoomingFormat.csv: logistics.rooming_csv,
        RoomingFormat.json: logistics.rooming_json,
    }[output_format]
    sys.stdout.write(render(result))


class CateringFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"


@app.command()
def catering(
    plan: PlanArgument = None,
    day: Annotated[
        str | None, typer.Option("--day", help="One day: N (1 = the first day) or YYYY-MM-DD.")
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        CateringFormat,
        typer.Option("--format", help="text, markdown, csv, json, or html (the order sheet)."),
    ] = CateringFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Every meal and reception in time order: when, where, how many, and how many of each diet.

    Only people whose stay covers a meal are counted for it.
    """
    from seminar_plan.views import logistics

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    day_shown = None if day is None else day_number(model, day)
    report = logistics.build_catering(model, loaded.path, day=day_shown, lang=lang)
    if output_format is CateringFormat.html:
        import datetime as dt

        from seminar_plan.views import paper

        stamp = paper.make_stamp(
            Path(loaded.path).name,
            [source.text for source in loaded.sources.files],
            dt.datetime.now(model.event.tz),
        )
        data = logistics.catering_html(report, stamp)
    else:
        data = {
            CateringFormat.text: logistics.catering_text,
            CateringFormat.markdown: logistics.catering_markdown,
            CateringFormat.csv: logistics.catering_csv,
            CateringFormat.json: logistics.catering_json,
        }[output_format](report)
    emit(data, output, force=force)


if TYPE_CHECKING:
    TransportFormat = StrEnum
else:
    # The --format choices, built from the formats registry.
    TransportFormat = StrEnum("TransportFormat", [(name, name) for name in formats.MANIFESTS])
TRANSPORT_TEXT = TransportFormat("text")


@app.command()
def transport(
    plan: PlanArgument = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="Only one day: N (1 = the first day) or YYYY-MM-DD."),
    ] = None,
    flight: Annotated[
        str | None,
        typer.Option("--flight", help="One flight's greeter list and the transfers that meet it."),
    ] = None,
    vehicle: Annotated[
        str | None, typer.Option("--vehicle", help="One vehicle's transfers: a driver's day.")
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        TransportFormat, typer.Option("--format", help=formats.MANIFEST_HELP)
    ] = TRANSPORT_TEXT,
    output: OutputOption = None,
    contacts: Annotated[
        bool, typer.Option("--contacts", help="Add drivers' and owners' contact details.")
    ] = False,
    force: ForceOption = False,
    allow_outside: AllowOutside = False,
) -> None:
    """Print the transport manifests: every transfer with who it carries, and every flight.

    A flight is the airport greeter's list: who is on board and the transfer that meets it.
    """
    import datetime as dt

    from seminar_plan.views import paper
    from seminar_plan.views import transport as manifests

    loaded, model = open_model(plan, allow_outside=allow_outside, lang=lang)
    day_shown = None if day is None else day_number(model, day)
    for what, value, known in (
        ("flight", flight, sorted(model.flight_by_id)),
        ("vehicle", vehicle, sorted(model.vehicle_by_id)),
    ):
        if value is not None and value not in known:
            fail(suggest.unknown_message(what, value, known))
    stamp = paper.make_stamp(
        Path(loaded.path).name,
        [source.text for source in loaded.sources.files],
        dt.datetime.now(model.event.tz),
    )
    manifest = manifests.build(
        model,
        str(loaded.path),
        lang=lang,
        stamp=stamp,
        filters=manifests.Filters(day=day_shown, flight=flight, vehicle=vehicle),
        contacts=contacts,
    )
    emit(formats.MANIFESTS[output_format.value].render(manifest), output, force=force)
