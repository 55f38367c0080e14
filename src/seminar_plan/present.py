"""Plan values as people read them: the language of the labels, people's and places' names,
lists of names, and clock times. Views, exports and ``diff`` all present through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from seminar_plan import locales
from seminar_plan.model import Plan, Session
from seminar_plan.text import language_order, pick


def ui_language(plan: Plan, lang: str | None) -> str:
    """The language of the labels: ``--lang``, else the event's first language with a
    catalogue, else English (the plan's own text still follows ``language_order``)."""
    for code in language_order(plan, lang):
        if locales.has_catalogue(code):
            return code
    return locales.FALLBACK


def person_name(plan: Plan, ident: str, order: tuple[str, ...]) -> str:
    """A person's name in the chosen language; an unknown id stays as written."""
    person = plan.person_by_id.get(ident)
    return pick(person.name, order) if person is not None else ident


def person_names(plan: Plan, ids: Iterable[str], order: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(person_name(plan, ident, order) for ident in ids)


def room_name(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    """The session's room by name; an unknown room id as written; "" without a room."""
    room = plan.room_by_id.get(session.room or "")
    return pick(room.name, order) if room is not None else (session.room or "")


def venue_name(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    """The session's venue (its own, or its room's) by name; an unknown id as written."""
    ident = plan.venue_of(session)
    venue = plan.venue_by_id.get(ident or "")
    return pick(venue.name, order) if venue is not None else (ident or "")


def venue_address(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    """The address of the session's venue; "" when it has none."""
    venue = plan.venue_by_id.get(plan.venue_of(session) or "")
    return pick(venue.address, order) if venue is not None and venue.address else ""


def track_name(plan: Plan, track: str | None, order: tuple[str, ...]) -> str:
    """A track's name from ``[tracks]`` in the chosen language; "" when it has none."""
    found = plan.track_by_id.get(track or "")
    return pick(found.name, order) if found is not None and found.name else ""


def place_name(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    """Where the session happens: its room, else its venue, else ""."""
    return room_name(plan, session, order) or venue_name(plan, session, order)


def list_separator(lang: str) -> str:
    """Between names in a list: the ideographic comma in Japanese and Chinese."""
    return locales.label(lang, "list.separator")


def clock(moment: dt.datetime, date: dt.date) -> str:
    """``HH:MM`` of ``moment``; the midnight that ends ``date`` is ``24:00``, as plans write it."""
    if moment.date() > date and moment.time() == dt.time():
        return "24:00"
    return moment.strftime("%H:%M")


def clock_of_day(moment: dt.time | None) -> str:
    """``HH:MM`` of a time of day; None, the end of the day, is ``24:00``."""
    return "24:00" if moment is None else moment.strftime("%H:%M")
