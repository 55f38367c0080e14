"""``seminar-plan diff``: what changed between two versions of a plan, so the office can tell
each delegation what moved since the last printout.

Sessions are matched by id (an occurrence of a repeated session by its written id and day);
people by id. ``diff_plans`` returns the changes as data; ``render_text`` and ``render_json``
write them (pure).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from seminar_plan.exports import labels_for
from seminar_plan.exports.plan_json import text_json
from seminar_plan.model import ALL, Person, Plan, Session
from seminar_plan.present import clock, person_names, place_name
from seminar_plan.text import language_order, pick, printable

SessionChangeKind = Literal["added", "removed", "moved", "retitled", "speakers"]
PersonChangeKind = Literal["person-added", "person-removed", "arrival", "departure"]


@dataclass(frozen=True, slots=True)
class SessionChange:
    """One change to a session; ``session`` is its new version, or the old one if removed."""

    kind: SessionChangeKind
    session: Session
    old: Session | None
    new: Session | None
    # The delegations to tell: those attending, or with a person committed, before or after.
    delegations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonChange:
    """One change to a person; ``person`` is their new version, or the old one if removed."""

    kind: PersonChangeKind
    person: Person
    old: Person | None
    new: Person | None


@dataclass(frozen=True)
class PlanDiff:
    """What changed from one plan to another: sessions and people."""

    old: Plan
    new: Plan
    sessions: tuple[SessionChange, ...]
    people: tuple[PersonChange, ...]

    @property
    def count(self) -> int:
        return len(self.sessions) + len(self.people)


def _delegations(plan: Plan, session: Session) -> set[str]:
    if ALL in session.attendees:
        return {d.id for d in plan.delegations}
    found = {ref for ref in session.attendees if ref in plan.delegation_by_id}
    for person in plan.roles_of(session):
        delegation = plan.person_by_id[person].delegation
        if delegation is not None:
            found.add(delegation)
    return found


def _pairs(old: Plan, new: Plan) -> list[tuple[Session | None, Session | None]]:
    """Old and new sessions matched by id, then a repeated session's occurrences by day."""
    new_by_id = {s.id: s for s in new.sessions}
    old_by_id = {s.id: s for s in old.sessions}
    pairs: list[tuple[Session | None, Session | None]] = [
        (s, new_by_id[s.id]) for s in old.sessions if s.id in new_by_id
    ]
    old_left = [s for s in old.sessions if s.id not in new_by_id]
    new_left = {(s.base_id, s.day): s for s in new.sessions if s.id not in old_by_id}
    for session in old_left:
        partner = new_left.pop((session.base_id, session.day), None)
        pairs.append((session, partner))
    pairs.extend((None, session) for session in new_left.values())
    return pairs


def _place(session: Session) -> tuple[int, dt.datetime, dt.datetime, str | None, str | None]:
    return (session.day, session.start, session.end, session.room, session.venue)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from ``old`` to ``new``: sessions in time order, then people in id order."""
    order = {d.id: i for i, d in enumerate((*new.delegations, *old.delegations))}
    changes: list[SessionChange] = []
    for before, after in _pairs(old, new):
        told = set()
        if before is not None:
            told |= _delegations(old, before)
        if after is not None:
            told |= _delegations(new, after)
        delegations = tuple(sorted(told, key=lambda d: (order.get(d, len(order)), d)))
        shown = after or before
        if shown is not None:
            changes.extend(
                SessionChange(kind, shown, before, after, delegations)
                for kind in _session_kinds(before, after)
            )
    changes.sort(key=lambda change: (change.session.start, change.session.id))
    return PlanDiff(old, new, tuple(changes), _people_changes(old, new))


def _session_kinds(before: Session | None, after: Session | None) -> list[SessionChangeKind]:
    """What changed in one session, in the order the report lists it."""
    if before is None:
        return ["added"]
    if after is None:
        return ["removed"]
    kinds: list[SessionChangeKind] = []
    if _place(before) != _place(after):
        kinds.append("moved")
    if dict(before.title.variants) != dict(after.title.variants):
        kinds.append("retitled")
    if before.speakers != after.speakers:
        kinds.append("speakers")
    return kinds


def _people_changes(old: Plan, new: Plan) -> tuple[PersonChange, ...]:
    """People added or removed, and changed arrivals and departures, in id order."""
    people: list[PersonChange] = []
    old_people, new_people = old.person_by_id, new.person_by_id
    for ident in sorted(old_people.keys() | new_people.keys()):
        before_person, after_person = old_people.get(ident), new_people.get(ident)
        if before_person is None and after_person is not None:
            people.append(PersonChange("person-added", after_person, None, after_person))
        elif after_person is None and before_person is not None:
            people.append(PersonChange("person-removed", before_person, before_person, None))
        elif before_person is not None and after_person is not None:
            if before_person.arrive != after_person.arrive:
                people.append(PersonChange("arrival", after_person, before_person, after_person))
            if before_person.depart != after_person.depart:
                people.append(PersonChange("departure", after_person, before_person, after_person))
    return tuple(people)


# --- text -----------------------------------------------------------------------------------


def _slot(plan: Plan, session: Session, order: tuple[str, ...], labels: Mapping[str, str]) -> str:
    """``day 2 11:05–11:55 Main hall``: when and where, as the office reads it out."""
    end = clock(session.end, session.date)
    where = place_name(plan, session, order)
    day = labels["day"].format(n=session.day)
    return f"{day} {session.start:%H:%M}–{end}" + (f" {where}" if where else "")


def _people(plan: Plan, ids: tuple[str, ...], order: tuple[str, ...], none: str) -> str:
    return ", ".join(person_names(plan, ids, order)) or none


def _moment(plan: Plan, moment: dt.datetime | None, none: str) -> str:
    return none if moment is None else f"{moment.astimezone(plan.event.tz):%Y-%m-%d %H:%M}"


def _session_lines(
    diff: PlanDiff, change: SessionChange, order: tuple[str, ...], labels: Mapping[str, str]
) -> list[str]:
    old, new, shown = change.old, change.new, change.session
    plan = diff.new if new is not None else diff.old
    lines = [f"  {labels[change.kind]}  {shown.id}  {pick(shown.title, order)}"]
    if change.kind == "added" and new is not None:
        detail = _slot(diff.new, new, order, labels)
    elif change.kind == "removed" and old is not None:
        detail = _slot(diff.old, old, order, labels)
    elif old is not None and new is not None and change.kind == "moved":
        before = _slot(diff.old, old, order, labels)
        detail = f"{before} → {_slot(diff.new, new, order, labels)}"
    elif old is not None and new is not None and change.kind == "retitled":
        detail = f"{pick(old.title, order)} → {pick(new.title, order)}"
    elif old is not None and new is not None:
        before = _people(diff.old, old.speakers, order, labels["none"])
        detail = f"{before} → {_people(diff.new, new.speakers, order, labels['none'])}"
    else:
        detail = ""
    lines.append(f"    {detail}")
    if change.delegations:
        names = [
            pick(plan.delegation_by_id[d].name, order) if d in plan.delegation_by_id else d
            for d in change.delegations
        ]
        lines.append(f"    {labels['delegations']}: {', '.join(names)}")
    return lines


def _person_lines(
    diff: PlanDiff, change: PersonChange, order: tuple[str, ...], labels: Mapping[str, str]
) -> list[str]:
    shown = change.person
    lines = [f"  {labels[change.kind]}  {shown.id}  {pick(shown.name, order)}"]
    if change.old is not None and change.new is not None:
        field = "arrive" if change.kind == "arrival" else "depart"
        before = _moment(diff.old, getattr(change.old, field), labels["none"])
        after = _moment(diff.new, getattr(change.new, field), labels["none"])
        lines.append(f"    {before} → {after}")
    return lines


def render_text(diff: PlanDiff, old: str, new: str, *, lang: str | None = None) -> str:
    """The changes for people: a heading, then each change with what it was and is."""
    order = language_order(diff.new, lang)
    labels = labels_for(diff.new, lang, "diff")
    if not diff.count:
        return printable(labels["nothing"].format(old=old, new=new)) + "\n"
    out = [labels["heading"].format(old=old, new=new, count=diff.count)]
    for change in diff.sessions:
        out.extend(_session_lines(diff, change, order, labels))
    for person_change in diff.people:
        out.extend(_person_lines(diff, person_change, order, labels))
    # Plain text for a terminal: what the plans say is shown with its control characters escaped.
    return printable("\n".join(out)) + "\n"


# --- per delegation ---------------------------------------------------------------------------

# The changes a delegation's liaison passes on: what moved, what is new, what is cancelled.
_TOLD: tuple[SessionChangeKind, ...] = ("moved", "added", "removed")


def _when(session: Session, labels: Mapping[str, str]) -> str:
    """``day 2 16:45``: the day and the start (where a trip leaves or an item begins)."""
    return f"{labels['day'].format(n=session.day)} {session.start:%H:%M}"


def _told_line(
    diff: PlanDiff, change: SessionChange, order: tuple[str, ...], labels: Mapping[str, str]
) -> str:
    """One sentence for the liaison: ``Bus departs (venue → hotel): now leaves day 2 16:45
    (was day 2 16:30)``; a place is named only when it changed."""
    old, new, shown = change.old, change.new, change.session
    title = pick(shown.title, order)
    if change.kind == "added" and new is not None:
        return labels["told_added"].format(title=title, when=_slot(diff.new, new, order, labels))
    if change.kind == "removed" and old is not None:
        return labels["told_removed"].format(title=title, when=_slot(diff.old, old, order, labels))
    if old is None or new is None:
        # Only an addition or a removal lacks a side, and both are worded above.
        return title
    moved_place = (old.room, old.venue) != (new.room, new.venue)
    if shown.kind == "transfer" and not moved_place and old.minutes == new.minutes:
        return labels["told_leaves"].format(
            title=title, when=_when(new, labels), before=_when(old, labels)
        )

    def span(plan: Plan, session: Session) -> str:
        text = f"{_when(session, labels)}–{clock(session.end, session.date)}"
        where = place_name(plan, session, order) if moved_place else ""
        return f"{text} {where}" if where else text

    return labels["told_moved"].format(
        title=title, when=span(diff.new, new), before=span(diff.old, old)
    )


def delegation_language(plan: Plan, delegation: str, lang: str | None) -> str | None:
    """The language to tell a delegation in: ``lang`` if given, else the delegation's own
    language when the tool has words for it, else None (the event's order)."""
    from seminar_plan import locales

    if lang is not None:
        return lang
    found = plan.delegation_by_id.get(delegation)
    if found is not None and found.language and locales.has_catalogue(found.language):
        return found.language
    return None


def render_per_delegation(
    diff: PlanDiff, *, lang: str | None = None, delegation: str | None = None
) -> str:
    """For each delegation (or one), the moves, additions and cancellations that concern it,
    one sentence each, in the delegation's own language unless ``lang`` says otherwise."""
    plan = diff.new
    out: list[str] = []
    ids = [d.id for d in plan.delegations] + [
        d.id for d in diff.old.delegations if d.id not in plan.delegation_by_id
    ]
    for ident in ids:
        if delegation is not None and ident != delegation:
            continue
        told = [c for c in diff.sessions if c.kind in _TOLD and ident in c.delegations]
        spoken = delegation_language(plan, ident, lang)
        order = language_order(plan, spoken)
        labels = labels_for(plan, spoken, "diff")
        found = plan.delegation_by_id.get(ident) or diff.old.delegation_by_id.get(ident)
        name = pick(found.name, order) if found is not None else ident
        if out:
            out.append("")
        out.append(labels["told_heading"].format(delegation=name, count=len(told)))
        out.extend(f"  {_told_line(diff, change, order, labels)}" for change in told)
        if not told:
            out.append(f"  {labels['told_nothing']}")
    return printable("\n".join(out)) + "\n" if out else ""


# --- JSON -----------------------------------------------------------------------------------


def _session_json(plan: Plan, session: Session | None) -> dict[str, Any] | None:
    if session is None:
        return None
    return {
        "day": session.day,
        "start": session.start.isoformat(),
        "end": session.end.isoformat(),
        "room": session.room,
        "venue": plan.venue_of(session),
        "title": text_json(session.title),
        "speakers": list(session.speakers),
    }


def _person_json(plan: Plan, person: Person | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        key: None if moment is None else moment.astimezone(plan.event.tz).isoformat()
        for key, moment in (("arrive", person.arrive), ("depart", person.depart))
    }


def render_json(diff: PlanDiff, old: str, new: str) -> str:
    """``{"old", "new", "sessions": [...], "people": [...]}`` for scripts."""
    document = {
        "old": old,
        "new": new,
        "sessions": [
            {
                "change": change.kind,
                "session": change.session.id,
                "delegations": list(change.delegations),
                "old": _session_json(diff.old, change.old),
                "new": _session_json(diff.new, change.new),
            }
            for change in diff.sessions
        ],
        "people": [
            {
                "change": change.kind,
                "person": change.person.id,
                "old": _person_json(diff.old, change.old),
                "new": _person_json(diff.new, change.new),
            }
            for change in diff.people
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
