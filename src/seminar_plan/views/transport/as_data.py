"""The manifest as CSV (for a spreadsheet) and JSON (the contract's shape)."""

from __future__ import annotations

import datetime as dt
import json

from seminar_plan.text import csv_document
from seminar_plan.views.transport.manifest import Manifest
from seminar_plan.views.transport.wording import clock, party_text, rider_text

CSV_COLUMNS = (
    "kind",
    "id",
    "date",
    "start",
    "end",
    "number",
    "from",
    "to",
    "vehicles",
    "seats",
    "count",
    "people",
    "delegations",
    "groups",
    "meets",
)


def render_csv(manifest: Manifest) -> str:
    """One row per flight and per transfer, in time order, for a spreadsheet."""
    sep = "; "
    rows: list[tuple[dt.datetime, list[str]]] = []
    for flight in manifest.flights:
        arriving = flight.direction == "arrival"
        other = flight.other_end.text if flight.other_end else ""
        rows.append(
            (
                flight.at_airport,
                [
                    "flight",
                    flight.id,
                    f"{flight.date}",
                    clock(flight.at_airport),
                    "",
                    flight.number,
                    other if arriving else flight.airport.name.text,
                    flight.airport.name.text if arriving else other,
                    "",
                    "",
                    str(flight.count),
                    sep.join(rider_text(r) for r in flight.people),
                    sep.join(party_text(p) for p in flight.delegations),
                    sep.join(party_text(p) for p in flight.groups),
                    sep.join(p.id for p in flight.transfers),
                ],
            )
        )
    rows.extend(
        (
            entry.start,
            [
                "transfer",
                entry.id,
                f"{entry.date}",
                clock(entry.start),
                "24:00" if entry.end.date() > entry.start.date() else clock(entry.end),
                "",
                entry.source.name.text if entry.source else "",
                entry.to.name.text if entry.to else "",
                sep.join(r.name.text for r in entry.vehicles),
                "" if entry.seats is None else str(entry.seats),
                "" if entry.count is None else str(entry.count),
                sep.join(rider_text(r) for r in entry.people),
                sep.join(party_text(p) for p in entry.delegations),
                sep.join(party_text(p) for p in entry.groups),
                sep.join(entry.flights),
            ],
        )
        for entry in manifest.transfers
    )
    rows.sort(key=lambda pair: pair[0])
    # The one CSV writer every export shares (CRLF, cells guarded against formulas).
    return csv_document([list(CSV_COLUMNS), *(row for _, row in rows)])


# ---- JSON (the contract's shape) -------------------------------------------------------------


def render_json(manifest: Manifest) -> str:
    """``{"plan", "transfers": [...], "flights": [...]}`` exactly as the format contract gives."""
    transfers = [
        {
            "id": entry.id,
            "date": f"{entry.date}",
            "start": clock(entry.start),
            "end": "24:00" if entry.end.date() > entry.start.date() else clock(entry.end),
            "from": entry.source.id if entry.source else None,
            "to": entry.to.id if entry.to else None,
            "vehicles": sorted(r.id for r in entry.vehicles),
            "seats": entry.seats,
            "count": entry.count,
            "people": sorted(r.id for r in entry.people),
            "delegations": sorted(p.id for p in entry.delegations),
            "groups": sorted(p.id for p in entry.groups),
        }
        for entry in manifest.transfers
    ]
    flights = [
        {
            "id": flight.id,
            "number": flight.number,
            "direction": flight.direction,
            "airport": flight.airport.id,
            "departs": flight.departs.isoformat(),
            "arrives": flight.arrives.isoformat(),
            "count": flight.count,
            "people": sorted(r.id for r in flight.people),
            "delegations": sorted(p.id for p in flight.delegations),
            "groups": sorted(p.id for p in flight.groups),
            "transfers": sorted(p.id for p in flight.transfers),
        }
        for flight in manifest.flights
    ]
    document = {"plan": manifest.plan, "transfers": transfers, "flights": flights}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---- HTML ------------------------------------------------------------------------------------
