"""Rows -> text files: the agenda as Markdown and JSON, the roster as JSON and CSV (pure)."""

from __future__ import annotations

import json
from typing import Any

from seminar_plan import present
from seminar_plan.findings import Finding
from seminar_plan.text import csv_document, markdown_escape
from seminar_plan.views.roster import Roster, RosterRow
from seminar_plan.views.rows import (
    Agenda,
    AgendaDay,
    AgendaRow,
    day_heading,
    interpretation_label,
    interpreting_note,
    interpreting_total,
    kind_label,
    label,
    places_shown,
    side_tracks,
    span,
    span_in,
    span_in_text,
)

# --- the agenda as Markdown -----------------------------------------------------------------


def _markdown_table(
    agenda: Agenda, rows: tuple[AgendaRow, ...], numbers: dict[Finding, int]
) -> list[str]:
    lang = agenda.lang
    itinerary = agenda.person is not None
    headers = [agenda.timezone, agenda.second_zone] if agenda.second_zone else [label(lang, "time")]
    headers += [label(lang, "title"), label(lang, "kind"), label(lang, "place")]
    headers.append(label(lang, "role") if itinerary else label(lang, "people"))
    headers.append(label(lang, "interpretation"))
    lines = ["| " + " | ".join(markdown_escape(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    for row, place in zip(rows, places_shown(rows, itinerary=itinerary), strict=True):
        cells = [span(row)]
        if agenda.second_tz is not None:
            cells.append(span_in_text(row, agenda.second_tz))
        # Plan text is escaped; the footnote markers are Markdown of ours.
        title = markdown_escape(row.title)
        for finding in row.findings:
            numbers.setdefault(finding, len(numbers) + 1)
            title += f" [^e{numbers[finding]}]"
        for note in (row.note, interpreting_note(lang, row)):
            if note:
                title += f"<br>{markdown_escape(note)}"
        cells = [markdown_escape(cell) for cell in cells]
        where = "<br>".join(markdown_escape(line) for line in place.split("\n"))
        cells += [title, markdown_escape(kind_label(lang, row.kind)), where]
        if itinerary:
            roles = present.list_separator(lang).join(label(lang, f"role.{r}") for r in row.roles)
            cells.append(markdown_escape(roles))
        else:
            people = []
            if row.speaker_names:
                people.append(present.list_separator(lang).join(row.speaker_names))
            if row.moderator_names:
                names = present.list_separator(lang).join(row.moderator_names)
                people.append(label(lang, "moderator").format(name=names))
            cells.append(markdown_escape("\n".join(people)))
        cells.append(markdown_escape(interpretation_label(lang, row)))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _markdown_day(agenda: Agenda, day: AgendaDay, numbers: dict[Finding, int]) -> list[str]:
    """One day: its heading and notes, the main table, then one table per side track."""
    lang = agenda.lang
    out = ["", f"## {markdown_escape(' · '.join(day_heading(lang, day)))}", ""]
    if day.notes:
        out += [markdown_escape(day.notes), ""]
    if not day.rows:
        out.append(label(lang, "nothing"))
        return out
    main = tuple(row for row in day.rows if not row.is_side)
    if main:
        out += _markdown_table(agenda, main, numbers)
    for heading, side in side_tracks(lang, day.rows):
        out += ["", f"### {markdown_escape(heading)}", ""]
        out += _markdown_table(agenda, side, numbers)
    if day.interpreting is not None:
        out += ["", markdown_escape(interpreting_total(lang, day))]
    return out


def agenda_markdown(agenda: Agenda) -> str:
    """The agenda as a Markdown document; error markers are footnotes ``[^eN]``."""
    lang = agenda.lang
    out = [f"# {markdown_escape(agenda.title)}", ""]
    if agenda.person is not None:
        person = agenda.person
        who = ", ".join(part for part in (person.name, person.title, person.organization) if part)
        out += [f"**{markdown_escape(label(lang, 'itinerary').format(name=who))}**", ""]
    if agenda.second_zone is None:
        out.append(label(lang, "timezone").format(zone=agenda.timezone))
    else:
        zones = label(lang, "second_zone")
        out.append(zones.format(zone=agenda.timezone, second=agenda.second_zone))
    numbers: dict[Finding, int] = {}
    for day in agenda.days:
        out += _markdown_day(agenda, day, numbers)
    if not agenda.days:
        out += ["", label(lang, "no_match")]
    if numbers:
        out.append("")
        for finding, number in numbers.items():
            place = finding.place
            out.append(
                f"[^e{number}]: {finding.code} {place.file}:{place.line}:"
                f" {markdown_escape(finding.message_in(lang))}"
            )
    if agenda.unattached:
        out += ["", f"**{markdown_escape(label(lang, 'unattached'))}**", ""]
        out.extend(
            f"- {f.code} {markdown_escape(f'{f.place.file}:{f.place.line}: {f.message_in(lang)}')}"
            for f in agenda.unattached
        )
    if agenda.errors or agenda.warnings:
        summary = label(lang, "findings").format(errors=agenda.errors, warnings=agenda.warnings)
        out += ["", summary]
    return "\n".join(out) + "\n"


# --- the agenda as JSON ---------------------------------------------------------------------


def _item(agenda: Agenda, row: AgendaRow) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": row.id,
        "day": row.day,
        "date": row.date.isoformat(),
        "start": present.clock(row.start, row.date),
        "end": present.clock(row.end, row.date),
        "title": row.title,
        "kind": row.kind,
        "track": row.track,
        "room": row.room,
        "speakers": list(row.speakers),
        "moderators": list(row.moderators),
        "interpretation": row.interpretation,
        "venue": row.venue,
        "place": row.place,
        "address": row.address,
        "track_name": row.track_name,
        "speaker_names": list(row.speaker_names),
        "moderator_names": list(row.moderator_names),
        "errors": [
            {"code": f.code, "message": f.message, "line": f.place.line} for f in row.findings
        ],
    }
    if agenda.second_tz is not None:
        start, end, _ = span_in(row, agenda.second_tz)
        item["start_tz"] = start
        item["end_tz"] = end
    if agenda.person is not None:
        item["role"] = row.roles[0] if row.roles else None
        item["roles"] = list(row.roles)
        item["note"] = row.note
        if row.interpreting is not None:
            item["interpreting"] = {
                "languages": list(row.interpreting.languages),
                "booth": row.interpreting.booth,
            }
    return item


def agenda_json(agenda: Agenda) -> str:
    """``{"plan", "timezone", "items": [...]}``; items by date, start, room; times ``HH:MM``."""
    document: dict[str, Any] = {"plan": agenda.plan, "timezone": agenda.timezone}
    if agenda.second_zone is not None:
        document["second_timezone"] = agenda.second_zone
    if agenda.person is not None:
        document["person"] = agenda.person.id
    document["summary"] = {"error": agenda.errors, "warning": agenda.warnings}
    document["items"] = [_item(agenda, row) for row in agenda.rows]
    if any(day.interpreting is not None for day in agenda.days):
        document["interpreting"] = [
            {"day": day.number, "date": day.date.isoformat(), "minutes": day.interpreting}
            for day in agenda.days
            if day.interpreting is not None
        ]
    document["unattached_errors"] = [
        {
            "code": f.code,
            "subjects": list(f.subjects),
            "message": f.message,
            "file": f.place.file,
            "line": f.place.line,
        }
        for f in agenda.unattached
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- the roster as JSON and CSV -------------------------------------------------------------


def _person(row: RosterRow, *, contacts: bool) -> dict[str, Any]:
    person: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "title": row.title,
        "organization": row.organization,
        "delegation": row.delegation,
        "delegation_name": row.delegation_name,
        "arrive": None if row.arrive is None else row.arrive.isoformat(timespec="minutes"),
        "depart": None if row.depart is None else row.depart.isoformat(timespec="minutes"),
        "sessions": row.sessions,
        "roles": list(row.roles),
    }
    if contacts:
        person["contact"] = dict(row.contact)
    return person


def roster_json(roster: Roster, *, contacts: bool = False) -> str:
    """``{"plan", "timezone", "people": [...]}``; ``contact`` only when asked for."""
    document = {
        "plan": roster.plan,
        "timezone": roster.timezone,
        "people": [_person(row, contacts=contacts) for row in roster.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def roster_markdown(roster: Roster, *, contacts: bool = False) -> str:
    """The roster as a Markdown table, in the chosen language; contacts only when asked for."""
    lang = roster.lang
    headers = [label(lang, key) for key in ("name", "position", "organization", "delegation")]
    headers += [label(lang, key) for key in ("arrive", "depart", "sessions", "roles")]
    if contacts:
        headers.append(label(lang, "contact"))
    out = [
        f"# {markdown_escape(roster.title)}",
        "",
        f"**{markdown_escape(label(lang, 'roster'))}**",
        "",
        label(lang, "timezone").format(zone=roster.timezone),
        "",
        "| " + " | ".join(markdown_escape(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in roster.rows:
        cells = [
            row.name,
            row.title,
            row.organization,
            row.delegation_name,
            "" if row.arrive is None else f"{row.arrive:%Y-%m-%d %H:%M}",
            "" if row.depart is None else f"{row.depart:%Y-%m-%d %H:%M}",
            str(row.sessions),
            present.list_separator(lang).join(label(lang, f"role.{r}") for r in row.roles),
        ]
        if contacts:
            cells.append("; ".join(f"{key}: {value}" for key, value in row.contact))
        out.append("| " + " | ".join(markdown_escape(cell) for cell in cells) + " |")
    return "\n".join(out) + "\n"


ROSTER_COLUMNS = (
    "id",
    "name",
    "title",
    "organization",
    "delegation",
    "arrive",
    "depart",
    "sessions",
    "roles",
)


def roster_csv(roster: Roster, *, contacts: bool = False) -> str:
    """One row per person; headers are stable English keys, values in the chosen language.

    For a terminal or a pipe: no byte-order mark; otherwise the export's CSV (CRLF line ends,
    formula-like cells neutralised), because the file is meant to be opened in a spreadsheet.
    """
    rows = [[*ROSTER_COLUMNS, "contact"] if contacts else list(ROSTER_COLUMNS)]
    for row in roster.rows:
        cells = [
            row.id,
            row.name,
            row.title,
            row.organization,
            row.delegation_name,
            "" if row.arrive is None else f"{row.arrive:%Y-%m-%d %H:%M}",
            "" if row.depart is None else f"{row.depart:%Y-%m-%d %H:%M}",
            str(row.sessions),
            " ".join(row.roles),
        ]
        if contacts:
            cells.append("; ".join(f"{key}: {value}" for key, value in row.contact))
        rows.append(cells)
    return csv_document(rows)
