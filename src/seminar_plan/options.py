"""Command-line option values checked against the plan: --lang, --day, --track...

Pure: each function returns the resolved value, or the one-line message the command prints
before it exits 2 (``suggest.unknown_message`` words the rest); the command line (``cli.py``)
decides when to use them.
"""

from __future__ import annotations

import datetime as dt

from seminar_plan import locales, suggest
from seminar_plan.load.parse.scalars import day_number
from seminar_plan.model import Plan


def known_languages(plan: Plan) -> tuple[str, ...]:
    """Languages ``--lang`` may name: those with labels and those the event declares."""
    return tuple(dict.fromkeys((*locales.languages(), *plan.event.languages)))


def day_choices(plan: Plan) -> tuple[str, ...]:
    return tuple(
        f"{n} ({plan.event.date_of(n).isoformat()})" for n in range(1, plan.event.day_count + 1)
    )


def resolve_day(plan: Plan, value: str) -> int | None:
    """``--day``: a 1-based number or an ISO date within the event; None if neither."""
    text = value.strip()
    number = day_number(text)
    if number is not None:
        return number if 1 <= number <= plan.event.day_count else None
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        return None
    number = plan.event.day_of(date)
    return number if 1 <= number <= plan.event.day_count else None


def day_message(plan: Plan, value: str) -> str:
    """Why ``--day value`` names no day, with every day and the closest one."""
    numbers = [str(n) for n in range(1, plan.event.day_count + 1)]
    dates = [plan.event.date_of(n).isoformat() for n in range(1, plan.event.day_count + 1)]
    text = value.strip()
    number = day_number(text)
    if number is not None:
        # A day number past either end: the nearest day is the likely one.
        close = [str(min(max(number, 1), plan.event.day_count))]
    else:
        near = suggest.closest(text, numbers + dates)
        close = [near] if near is not None else []
    message = f"unknown day {value!r}"
    if close:
        message += f"; {suggest.mean(close[0])}"
    return (
        f"{message} (the event has days 1-{plan.event.day_count}:"
        f" {', '.join(day_choices(plan))}; give --day N or --day YYYY-MM-DD)"
    )


def tracks_of(plan: Plan) -> tuple[str, ...]:
    return tuple(sorted({s.track for s in plan.sessions if s.track is not None}))
