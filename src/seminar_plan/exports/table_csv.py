"""The plan as a spreadsheet: one CSV row per session.

UTF-8 with a byte-order mark, because Excel otherwise reads the file in the system code page and
garbles Japanese and Chinese. A cell that a spreadsheet would take for a formula is neutralised.
"""

from __future__ import annotations

from seminar_plan.exports import labels_for, selected_sessions
from seminar_plan.model import Plan
from seminar_plan.present import clock, person_names, room_name, venue_name
from seminar_plan.text import csv_document, language_order, pick

COLUMNS = (
    "id",
    "day",
    "date",
    "start",
    "end",
    "minutes",
    "title",
    "kind",
    "track",
    "room",
    "venue",
    "speakers",
    "moderators",
    "interpreters",
    "owner",
    "attendance",
    "interpretation",
    "languages",
    "av",
    "notes",
)
LIST_SEPARATOR = "; "


def render(
    plan: Plan, *, day: int | None = None, person: str | None = None, lang: str | None = None
) -> bytes:
    """The sessions as CSV bytes (UTF-8 with BOM, CRLF line ends, headings in the UI language)."""
    order = language_order(plan, lang)
    labels = labels_for(plan, lang)
    rows = [[labels[column] for column in COLUMNS]]
    for session in selected_sessions(plan, day=day, person=person):
        attendance = plan.attendance_of(session)
        owner = person_names(plan, (session.owner,), order) if session.owner else ()
        cells = (
            session.id,
            str(session.day),
            session.date.isoformat(),
            clock(session.start, session.date),
            clock(session.end, session.date),
            str(session.minutes),
            pick(session.title, order),
            session.kind,
            session.track or "",
            room_name(plan, session, order),
            venue_name(plan, session, order),
            LIST_SEPARATOR.join(person_names(plan, session.speakers, order)),
            LIST_SEPARATOR.join(person_names(plan, session.moderators, order)),
            LIST_SEPARATOR.join(person_names(plan, session.interpreters, order)),
            LIST_SEPARATOR.join(owner),
            "" if attendance is None else str(attendance),
            labels[session.interpretation],
            LIST_SEPARATOR.join(plan.languages_of(session)),
            pick(session.av, order),
            pick(session.notes, order),
        )
        rows.append(list(cells))
    return csv_document(rows).encode("utf-8-sig")
