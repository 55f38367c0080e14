"""The interpreters' roster: every interpreter, their days, sessions, hours and language pairs.

``build`` makes presentation-neutral rows (pure); Markdown, CSV and JSON are rendered here and
the terminal table in ``views/terminal.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from seminar_plan.logistics.interpreting import (
    covered,
    hours_text,
    interpreting_by_day,
    minutes_of,
    pair_text,
    spoken,
)
from seminar_plan.model import Plan
from seminar_plan.present import clock, list_separator, place_name, ui_language
from seminar_plan.text import csv_document, language_order, markdown_escape, pick
from seminar_plan.views.rows import label


@dataclass(frozen=True, slots=True)
class Interpreted:
    """One session an interpreter works: where, how, and the pair of languages they cover."""

    id: str
    title: str
    start: dt.datetime
    end: dt.datetime
    room: str | None
    place: str
    interpretation: str
    languages: tuple[str, ...]

    @property
    def span(self) -> str:
        return f"{clock(self.start, self.start.date())}-{clock(self.end, self.start.date())}"


@dataclass(frozen=True, slots=True)
class InterpreterDay:
    """One interpreter's sessions on one day."""

    number: int
    date: dt.date
    minutes: int
    sessions: tuple[Interpreted, ...]

    @property
    def pairs(self) -> tuple[str, ...]:
        # A session of one language is no pair (the interpreter stands by).
        return tuple(
            dict.fromkeys(pair_text(s.languages) for s in self.sessions if len(s.languages) >= 2)
        )


@dataclass(frozen=True, slots=True)
class InterpreterRow:
    """One interpreter and their days."""

    id: str
    name: str
    organization: str
    languages: tuple[str, ...]
    days: tuple[InterpreterDay, ...]

    @property
    def pairs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(pair for day in self.days for pair in day.pairs))

    @property
    def sessions(self) -> int:
        return sum(len(day.sessions) for day in self.days)


@dataclass(frozen=True, slots=True)
class InterpreterRoster:
    """The interpreters' roster."""

    plan: str
    title: str
    timezone: str
    lang: str
    rows: tuple[InterpreterRow, ...]


def build(
    plan: Plan, path: str, *, lang: str | None = None, delegation: str | None = None
) -> InterpreterRoster:
    """Everyone named as an interpreter (of ``delegation`` when given), in the order of the
    people tables, day by day."""
    order = language_order(plan, lang)
    by_day = interpreting_by_day(plan)
    rows = []
    for person in plan.people:
        days = by_day.get(person.id)
        if not days or (delegation is not None and person.delegation != delegation):
            continue
        rows.append(
            InterpreterRow(
                id=person.id,
                name=pick(person.name, order),
                organization=pick(person.organization, order),
                languages=spoken(plan, person.id),
                days=tuple(
                    InterpreterDay(
                        number=number,
                        date=plan.event.date_of(number),
                        minutes=minutes_of(sessions),
                        sessions=tuple(
                            Interpreted(
                                id=s.id,
                                title=pick(s.title, order),
                                start=s.start,
                                end=s.end,
                                room=s.room,
                                place=place_name(plan, s, order),
                                interpretation=s.interpretation,
                                languages=covered(plan, person.id, s),
                            )
                            for s in sessions
                        ),
                    )
                    for number, sessions in days.items()
                ),
            )
        )
    return InterpreterRoster(
        plan=path,
        title=pick(plan.event.title, order),
        timezone=plan.event.timezone,
        lang=ui_language(plan, lang),
        rows=tuple(rows),
    )


def day_text(lang: str, day: InterpreterDay, *, between: str = " ") -> str:
    """``Day 2 2025-07-24``: the day's number, then its date."""
    return f"{label(lang, 'day').format(n=day.number)}{between}{day.date.isoformat()}"


def session_text(session: Interpreted) -> str:
    """``09:30-10:00 Opening remarks (Main hall)``."""
    where = f" ({session.place})" if session.place else ""
    return f"{session.span} {session.title}{where}"


HEADERS = ("name", "languages", "day_column", "interpreted", "interpreting_time", "pairs")


def markdown(roster: InterpreterRoster) -> str:
    """One table row per interpreter and day; sessions one a line."""
    lang = roster.lang
    out = [
        f"# {markdown_escape(roster.title)}",
        "",
        f"**{markdown_escape(label(lang, 'interpreter_roster'))}**",
        "",
        label(lang, "timezone").format(zone=roster.timezone),
        "",
        "| " + " | ".join(markdown_escape(label(lang, key)) for key in HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    separator = list_separator(lang)
    for row in roster.rows:
        for day in row.days:
            cells = [
                row.name,
                separator.join(row.languages),
                day_text(lang, day),
                "<br>".join(markdown_escape(session_text(s)) for s in day.sessions),
                hours_text(day.minutes),
                separator.join(day.pairs),
            ]
            escaped = [markdown_escape(c) if i != 3 else c for i, c in enumerate(cells)]
            out.append("| " + " | ".join(escaped) + " |")
    if not roster.rows:
        out.append("")
        out.append(label(lang, "no_match"))
    return "\n".join(out) + "\n"


CSV_COLUMNS = ("id", "name", "languages", "day", "date", "sessions", "minutes", "pairs")


def csv_text(roster: InterpreterRoster) -> str:
    """One row per interpreter and day: stable English headers, ids and minutes for machines,
    written by the one CSV writer (CRLF line ends, formula-like cells neutralised)."""
    rows = [list(CSV_COLUMNS)]
    rows.extend(
        [
            row.id,
            row.name,
            " ".join(row.languages),
            str(day.number),
            day.date.isoformat(),
            " ".join(s.id for s in day.sessions),
            str(day.minutes),
            " ".join(day.pairs),
        ]
        for row in roster.rows
        for day in row.days
    )
    return csv_document(rows)


def json_text(roster: InterpreterRoster) -> str:
    """``{"plan", "timezone", "interpreters": [{"id", ..., "days": [{..., "sessions"}]}]}``."""
    document: dict[str, Any] = {
        "plan": roster.plan,
        "timezone": roster.timezone,
        "interpreters": [
            {
                "id": row.id,
                "name": row.name,
                "organization": row.organization,
                "languages": list(row.languages),
                "pairs": list(row.pairs),
                "sessions": row.sessions,
                "days": [
                    {
                        "day": day.number,
                        "date": day.date.isoformat(),
                        "minutes": day.minutes,
                        "pairs": list(day.pairs),
                        "sessions": [
                            {
                                "id": s.id,
                                "start": clock(s.start, day.date),
                                "end": clock(s.end, day.date),
                                "title": s.title,
                                "room": s.room,
                                "interpretation": s.interpretation,
                                "languages": list(s.languages),
                            }
                            for s in day.sessions
                        ],
                    }
                    for day in row.days
                ],
            }
            for row in roster.rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
