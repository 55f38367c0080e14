"""Protocol: the order of precedence, head-table seating and speaking order (pure).

Precedence is the plan's ``[protocol] precedence`` list, then everyone else with a ``rank`` in
rank order. A head table seats its most senior person in the middle and the others alternately
on either side, the next most senior on the side of honour: the host's right under the
international convention, the host's left under the Chinese one (docs/plan-format.md, "Protocol",
names the sources).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from seminar_plan.model import Plan, Session


def precedence_keys(plan: Plan) -> dict[str, tuple[int, int]]:
    """Person id -> a key that sorts the most senior first: the place in ``[protocol]
    precedence``, then ``rank``. Two people of equal rank (heads of two delegations, both
    rank 1) have equal keys: neither precedes the other."""
    keys: dict[str, tuple[int, int]] = {}
    for position, ident in enumerate(plan.protocol.precedence):
        if ident in plan.person_by_id:
            keys.setdefault(ident, (0, position))
    for person in plan.people:
        if person.rank is not None and person.id not in keys:
            keys[person.id] = (1, person.rank)
    return keys


def precedence(plan: Plan) -> tuple[str, ...]:
    """Every person with a place in the order of precedence, most senior first (ties by id)."""
    keys = precedence_keys(plan)
    return tuple(sorted(keys, key=lambda person: (keys[person], person)))


def head_table_people(plan: Plan, session: Session) -> tuple[str, ...]:
    """Who sits at the session's head table, most senior first.

    The session's ``seating`` as written; else its speakers and moderators, those with a place in
    the order of precedence first (in that order), then the others as listed.
    """
    if session.seating:
        return tuple(p for p in dict.fromkeys(session.seating) if p in plan.person_by_id)
    named = tuple(
        p for p in dict.fromkeys((*session.speakers, *session.moderators)) if p in plan.person_by_id
    )
    keys = precedence_keys(plan)
    # A stable sort: people of equal rank keep the order the session lists them in.
    ranked = sorted((p for p in named if p in keys), key=keys.__getitem__)
    return (*ranked, *(p for p in named if p not in keys))


@dataclass(frozen=True, slots=True)
class Seat:
    """One seat of a head table: its number from the audience's left, and who sits there."""

    number: int
    person: str
    # 1 = the most senior at this table.
    precedence: int


def seat_people(people: tuple[str, ...], convention: str) -> tuple[Seat, ...]:
    """Seats from the audience's left to right: the first person in the middle, the next on the
    side of honour, then alternately. Seen from the audience, the host's right is the left."""
    row: deque[tuple[str, int]] = deque()
    for position, person in enumerate(people):
        if position == 0:
            row.append((person, 1))
            continue
        honour_side = position % 2 == 1
        # International: honour = the host's right = the audience's left; Chinese: the opposite.
        on_audience_left = honour_side == (convention == "international")
        if on_audience_left:
            row.appendleft((person, position + 1))
        else:
            row.append((person, position + 1))
    return tuple(Seat(number, person, rank) for number, (person, rank) in enumerate(row, start=1))


def head_table(plan: Plan, session: Session) -> tuple[Seat, ...]:
    return seat_people(head_table_people(plan, session), plan.protocol.convention)


def speakers_out_of_order(plan: Plan, session: Session) -> tuple[str, ...] | None:
    """The speakers in precedence order when a ceremony lists them otherwise, else None.

    Only speakers with a place in the order of precedence are compared; a session that says
    ``order = "as-listed"`` is never out of order.
    """
    if session.kind != "ceremony" or session.order == "as-listed":
        return None
    keys = precedence_keys(plan)
    ranked = [p for p in session.speakers if p in keys]
    expected = sorted(ranked, key=keys.__getitem__)
    return tuple(expected) if ranked != expected else None
