"""What several rule families share: how a session's time is written, which of two sessions is
the later, and where a session names a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from seminar_plan.model import Origin, Plan, Session


# Clocks and dates are written from the datetime's fields: strftime builds a time tuple, which
# asks the zone for dst() on every call (a third of a dense check's rules with dateutil's zones).
def clock(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def span(session: Session) -> str:
    start, end = session.start, session.end
    until = "24:00" if end.date() > start.date() else clock(end)
    # The year as strftime's %Y writes it on Linux: not padded (plans are years 1000 and on).
    return f"{start.year}-{start.month:02d}-{start.day:02d} {clock(start)}-{until}"


def spans() -> Callable[[Session], str]:
    """``span`` written once a session: an overlap rule names one session in many findings, and
    the findings keep the text (a message keeps its fields)."""
    written: dict[int, str] = {}

    def span_of(session: Session) -> str:
        found = written.get(id(session))
        if found is None:
            found = written[id(session)] = span(session)
        return found

    return span_of


def _file_order(session: Session) -> tuple[int, tuple[str | int, ...]]:
    return (session.origin.file, session.origin.path)


def ordered(a: Session, b: Session) -> tuple[Session, Session]:
    """(earlier, later): the later starts later, or at a tie stands later in the files."""
    if (b.start, _file_order(b)) >= (a.start, _file_order(a)):
        return a, b
    return b, a


def where_named(plan: Plan, session: Session, person: str) -> Origin:
    """The key of ``session`` that commits ``person`` to it, else the session's header."""
    for key in ("speakers", "moderators", "interpreters"):
        refs: tuple[str, ...] = getattr(session, key)
        if person in refs:
            return session.origin.child(key, refs.index(person))
    if session.owner == person:
        return session.origin.child("owner")
    for position, ref in enumerate(session.attendees):
        group = plan.group_by_id.get(ref)
        if ref == person or (group is not None and person in group.members):
            return session.origin.child("attendees", position)
    return session.origin
