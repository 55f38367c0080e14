"""The manifest as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from seminar_plan import locales, present
from seminar_plan.text import markdown_escape
from seminar_plan.views.paper import stamp_text
from seminar_plan.views.transport.manifest import Manifest
from seminar_plan.views.transport.wording import (
    airport_text,
    by_date,
    clock,
    date_heading,
    far_end_text,
    heading,
    load_text,
    party_text,
    pickup_text,
    ride_text,
    rider_text,
    route_text,
    span,
)


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(manifest: Manifest) -> str:
    labels, ui = manifest.labels, manifest.ui
    sep = present.list_separator(ui)
    out = [
        f"# {markdown_escape(heading(manifest))}",
        "",
        markdown_escape(labels["timezone"].format(zone=manifest.timezone)),
        "",
        markdown_escape(stamp_text(manifest.stamp, locales.Labels(ui, "runsheet"))),
        "",
    ]
    if not manifest.flights and not manifest.transfers:
        out += [markdown_escape(labels["nothing"]), ""]
    for date, flights, transfers in by_date(manifest):
        day = manifest.day_of(date)
        out += [
            f"## {markdown_escape(date_heading(manifest, date, day))}",
            "",
        ]
        if flights:
            out += [f"### {markdown_escape(labels['flights'])}", ""]
            out.append(
                _md_row(
                    [
                        markdown_escape(labels[key])
                        for key in ("time", "flight", "route", "passengers", "transfers")
                    ]
                )
            )
            out.append("|---|---|---|---|---|")
            for flight in flights:
                riders = sep.join(markdown_escape(rider_text(r)) for r in flight.people)
                parties = sep.join(
                    markdown_escape(party_text(p)) for p in (*flight.delegations, *flight.groups)
                )
                out.append(
                    _md_row(
                        [
                            clock(flight.at_airport),
                            f"**{markdown_escape(flight.number)}** "
                            + markdown_escape(labels[flight.direction]),
                            markdown_escape(airport_text(flight, labels))
                            + "<br>"
                            + markdown_escape(far_end_text(flight, labels)),
                            markdown_escape(labels["on_board"].format(n=flight.count))
                            + (f": {riders}" if riders else "")
                            + (f"<br>{parties}" if parties else ""),
                            sep.join(markdown_escape(pickup_text(p, ui)) for p in flight.transfers)
                            or markdown_escape(labels["no_transfer"]),
                        ]
                    )
                )
            out.append("")
        if transfers:
            out += [f"### {markdown_escape(labels['transfers'])}", ""]
            out.append(
                _md_row(
                    [
                        markdown_escape(labels[key])
                        for key in ("time", "transfer", "route", "vehicles", "passengers")
                    ]
                )
            )
            out.append("|---|---|---|---|---|")
            for entry in transfers:
                riders = sep.join(markdown_escape(rider_text(r)) for r in entry.people)
                parties = sep.join(
                    markdown_escape(party_text(p)) for p in (*entry.delegations, *entry.groups)
                )
                out.append(
                    _md_row(
                        [
                            span(entry.start, entry.end),
                            f"**{markdown_escape(entry.title.text)}** \\[{entry.id}\\]",
                            markdown_escape(route_text(entry, labels)),
                            sep.join(markdown_escape(ride_text(r, labels)) for r in entry.vehicles)
                            + ("<br>" if entry.vehicles else "")
                            + markdown_escape(load_text(entry, labels)),
                            "<br>".join(part for part in (riders, parties) if part),
                        ]
                    )
                )
            out.append("")
    return "\n".join(out)


# ---- CSV -------------------------------------------------------------------------------------
