"""What every run-sheet renderer (HTML, Markdown, PDF) writes the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from seminar_plan import present
from seminar_plan.findings import Finding
from seminar_plan.views import paper
from seminar_plan.views.paper import (
    Phrase,
)
from seminar_plan.views.runsheet.sheet import (
    Row,
    RunSheet,
)


def date_text(sheet: RunSheet) -> str:
    return paper.date_text(sheet.ui, sheet.date)


def clock(row: Row, date: dt.date) -> str:
    """The row's time on the sheet's ``date``: a cue at the midnight that ends it is 24:00."""
    start = present.clock(row.start, date)
    if row.end is None or row.kind == "overlap":
        return start
    end = present.clock(row.end, date)
    return f"{start}–{end}"


def duration_text(row: Row, labels: Mapping[str, str]) -> str:
    return labels["minutes"].format(n=row.minutes) if row.minutes is not None else ""


def running_text(row: Row) -> str:
    """Time since the programme started, ``+1:05``; before it, ``−0:30``."""
    hours, minutes = divmod(abs(row.elapsed), 60)
    return f"{'−' if row.elapsed < 0 else '+'}{hours}:{minutes:02d}"


def interpretation_parts(row: Row, labels: Mapping[str, str]) -> list[str]:
    """Mode and booths, then the interpreters' label (their names follow it)."""
    if row.kind != "session" or row.interpretation == "none":
        return []
    parts = [labels[row.interpretation]]
    if row.booths and row.crews:
        parts.append(labels["booths_used"].format(n=row.booths_in_use, available=row.booths))
    elif row.booths:
        parts.append(labels["booth" if row.booths == 1 else "booths"].format(n=row.booths))
    if row.receivers is not None:
        parts.append(labels["receivers"].format(n=row.receivers))
    return parts


def interpreter_groups(
    row: Row, labels: Mapping[str, str]
) -> list[tuple[str | None, tuple[Phrase, ...]]]:
    """The interpreters under a label each: one group a booth for simultaneous sessions
    (``Booth ja-zh``), else the interpreters together (label None: the renderer's own)."""
    if row.crews:
        return [
            (labels["booth_crew"].format(languages="-".join(into) or "?"), people)
            for into, people in row.crews
            if people
        ]
    return [(None, row.interpreters)] if row.interpreters else []


def finding_text(finding: Finding, lang: str) -> str:
    """A finding in the sheet's error box: code, place and message in the sheet's language."""
    place = finding.place
    return f"{finding.code} {place.file}:{place.line}: {finding.message_in(lang)}"


def heading_parts(sheet: RunSheet) -> list[str]:
    """Day, date, the day's label, the room (or all rooms) and the language."""
    labels = sheet.labels
    parts = [labels["day"].format(n=sheet.day), date_text(sheet)]
    if sheet.day_label is not None:
        parts.append(sheet.day_label.text)
    parts.append(sheet.room.text if sheet.room else labels["all_rooms"])
    parts.append(f"{labels['language']}: {labels['language_name']}")
    return parts
