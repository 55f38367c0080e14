"""Plan -> the guest roster: who, from where, when they come and go, and what they do (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seminar_plan import present
from seminar_plan.logistics.stays import stay_of
from seminar_plan.model import Plan, Role, Session
from seminar_plan.text import language_order, pick

ROLES: tuple[Role, ...] = ("speaker", "moderator", "interpreter", "owner", "attendee")


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One person in the roster."""

    id: str
    name: str
    title: str
    organization: str
    delegation: str | None
    delegation_name: str
    arrive: dt.datetime | None
    depart: dt.datetime | None
    sessions: int
    roles: tuple[Role, ...]
    contact: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Roster:
    """The roster of people."""

    plan: str
    title: str
    timezone: str
    lang: str
    rows: tuple[RosterRow, ...]


def commitments(plan: Plan) -> dict[str, list[tuple[Session, tuple[Role, ...]]]]:
    """Each person's sessions with their roles, in session order."""
    held: dict[str, list[tuple[Session, tuple[Role, ...]]]] = {}
    for session in sorted(plan.sessions, key=lambda s: (s.start, s.end, s.room or "", s.id)):
        for person, roles in plan.roles_of(session).items():
            held.setdefault(person, []).append((session, roles))
    return held


def build_roster(
    plan: Plan,
    path: str,
    *,
    lang: str | None = None,
    delegation: str | None = None,
    role: Role | None = None,
    contacts: bool = False,
) -> Roster:
    """Everyone (or one delegation, or those holding ``role`` in some session), by delegation,
    protocol rank, then the order of the file.

    Contacts are private: they are copied into the rows only when ``contacts`` is asked for.
    """
    order = language_order(plan, lang)
    held = commitments(plan)
    delegation_rank = {d.id: i for i, d in enumerate(plan.delegations)}
    people = [
        (i, p)
        for i, p in enumerate(plan.people)
        if delegation is None or p.delegation == delegation
    ]
    people.sort(
        key=lambda item: (
            delegation_rank.get(item[1].delegation or "", len(delegation_rank)),
            item[1].rank if item[1].rank is not None else float("inf"),
            item[0],
        )
    )
    rows = []
    for _, person in people:
        mine = held.get(person.id, [])
        roles_held = {held_role for _, roles in mine for held_role in roles}
        if role is not None and role not in roles_held:
            continue
        group = plan.delegation_by_id.get(person.delegation or "")
        # As the checks and the rooming list see it: written, else from the person's flights.
        stay = stay_of(plan, person.id)
        rows.append(
            RosterRow(
                id=person.id,
                name=pick(person.name, order),
                title=pick(person.title, order),
                organization=pick(person.organization, order),
                delegation=person.delegation,
                delegation_name=pick(group.name, order) if group is not None else "",
                arrive=stay.arrive.astimezone(plan.event.tz) if stay.arrive else None,
                depart=stay.depart.astimezone(plan.event.tz) if stay.depart else None,
                sessions=len(mine),
                roles=tuple(role for role in ROLES if role in roles_held),
                contact=person.contact if contacts else (),
            )
        )
    return Roster(
        plan=path,
        title=pick(plan.event.title, order),
        timezone=plan.event.timezone,
        lang=present.ui_language(plan, lang),
        rows=tuple(rows),
    )
