"""Exports: the plan in the formats other tools read.

Each module has ``render(plan, ...)`` returning the whole file as ``str`` or ``bytes``; none
writes a file or prints. What they share lives here: which sessions an export covers, the stable
identity of each session, and the UI labels in the chosen language.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from seminar_plan import locales, present
from seminar_plan.model import Plan, Session
from seminar_plan.present import person_names

# Every UID and GUID seminar-plan writes is a UUID 5 in this namespace.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "seminar-plan.invalid")


def selected_sessions(
    plan: Plan, *, day: int | None = None, person: str | None = None
) -> tuple[Session, ...]:
    """The sessions an export covers, in time order: every one, one day's, or one person's.

    A person's sessions are those they are committed to (the format's definition), the same as
    their itinerary.
    """
    days = (day,) if day is not None else range(1, plan.event.day_count + 1)
    return tuple(
        session
        for number in days
        for session in plan.sessions_on(number)
        if person is None or person in plan.roles_of(session)
    )


def event_key(plan: Plan) -> str:
    """What identifies the event across versions of its plan: its title and year.

    The title is taken in the event's first language; sessions can move, be retitled or change
    rooms without changing their identity, so a calendar that re-imports the export updates them.
    """
    return f"{plan.event.title.get(plan.event.languages)}\n{plan.event.start.year}"


def stable_uuid(plan: Plan, *parts: str) -> uuid.UUID:
    """A UUID that depends only on the event's identity and ``parts`` (e.g. a session id)."""
    return uuid.uuid5(NAMESPACE, "\n".join((event_key(plan), *parts)))


def session_uuid(plan: Plan, session: Session) -> uuid.UUID:
    return stable_uuid(plan, "session", session.id)


def labels_for(plan: Plan, lang: str | None, section: str = "export") -> Mapping[str, str]:
    """The ``section`` labels in the UI language (``present.ui_language``)."""
    return locales.Labels(present.ui_language(plan, lang), section)


def details(
    plan: Plan, session: Session, order: tuple[str, ...], labels: Mapping[str, str]
) -> tuple[str, ...]:
    """``Speakers: A, B``-style lines: who speaks, moderates, interprets, and how."""
    lines = [
        f"{labels[key]}: {', '.join(person_names(plan, ids, order))}"
        for key, ids in (
            ("speakers", session.speakers),
            ("moderators", session.moderators),
            ("interpreters", session.interpreters),
        )
        if ids
    ]
    if session.interpretation != "none":
        languages = plan.languages_of(session)
        spoken = f" ({', '.join(languages)})" if languages else ""
        lines.append(f"{labels['interpretation']}: {labels[session.interpretation]}{spoken}")
    return tuple(lines)
