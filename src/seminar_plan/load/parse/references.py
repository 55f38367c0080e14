"""Every reference resolves, else ``unknown-ref`` with the closest existing id."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from seminar_plan.load.parse.flights import FlightRefs
from seminar_plan.load.parse.parser import Parser
from seminar_plan.load.parse.scalars import closest
from seminar_plan.load.parse.schema import SINGULAR
from seminar_plan.load.parse.sessions import SessionDraft
from seminar_plan.load.parse.words import meant, quoted
from seminar_plan.messages import Message, text
from seminar_plan.model import ALL, Origin, Plan
from seminar_plan.suggest import Nearest


class References:
    """Every reference resolves, else ``unknown-ref`` with the closest existing id."""

    def __init__(
        self,
        parser: Parser,
        plan: Plan,
        drafts: list[SessionDraft],
        flights: Sequence[FlightRefs] = (),
        declared: Mapping[str, Mapping[str, object]] | None = None,
    ) -> None:
        self.p = parser
        self.plan = plan
        self.drafts = drafts
        self.flight_refs = flights
        # Kind -> the ids its tables declare, usable or not ([rooms.hall] without a venue is
        # not in the plan, and its own finding says why).
        self.declared = declared or {}
        # One index of ids per kind of reference, built at its first unknown reference.
        self.nearest: dict[str, Nearest] = {}

    def missing(
        self,
        origin: Origin,
        referrer: str,
        ref: str,
        what: str,
        options: Callable[[], list[str]],
        *,
        shown: Message | None = None,
    ) -> None:
        """``unknown-ref``: ``referrer`` (an id or a table; ``shown`` in the message when
        given) refers to ``ref`` of the table ``what``, which does not define it."""
        if self.is_declared(ref, what):
            # The table is there but could not be used: its own findings say why, and "not
            # defined" (with "define [rooms.hall]" as the fix) would send the planner astray.
            return
        # "all" is suggested only for a near spelling of it, never as a last resort.
        near_all = closest(ref, [ALL]) if what == "attendees" else None
        if what not in self.nearest:
            self.nearest[what] = Nearest(options())
        suggestion = near_all or self.nearest[what](ref)
        hint: Message
        if suggestion is not None:
            hint = meant(suggestion)
        elif what in ("attendees", "passengers"):
            hint = text("load-hint.define-attendee", ref=ref)
        else:
            hint = text("load-hint.define", table=what, ref=ref)
        message = text(
            "load.unknown-ref",
            referrer=shown or referrer,
            kind=text(f"load.noun.{SINGULAR[what]}"),
            ref=quoted(ref),
        )
        self.p.report("unknown-ref", origin, message, hint, (referrer, ref))

    def is_declared(self, ref: str, what: str) -> bool:
        """Whether a table of kind ``what`` declares ``ref`` (attendees and passengers may be
        people, groups or delegations)."""
        either = what in ("attendees", "passengers")
        kinds = ("people", "groups", "delegations") if either else (what,)
        return any(ref in self.declared.get(kind, {}) for kind in kinds)

    def check(self) -> None:
        plan = self.plan
        people = lambda: list(plan.person_by_id)  # noqa: E731 - deferred: only built when needed
        self.tables()
        self.protocol(people)
        for draft in self.drafts:
            if draft.ident is not None:
                self.session(draft, people)
        self.flights()

    def tables(self) -> None:
        """References between tables: rooms, travel, people and groups."""
        plan = self.plan
        people = lambda: list(plan.person_by_id)  # noqa: E731 - deferred: only built when needed
        venues = lambda: list(plan.venue_by_id)  # noqa: E731
        for room in plan.rooms:
            if room.venue not in plan.venue_by_id:
                self.missing(room.origin.child("venue"), room.id, room.venue, "venues", venues)
        for travel in plan.travel:
            for position, venue in enumerate(travel.between):
                if venue not in plan.venue_by_id:
                    self.missing(
                        travel.origin.child("between", position), "travel", venue, "venues", venues
                    )
        for person in plan.people:
            if person.delegation is not None and person.delegation not in plan.delegation_by_id:
                self.missing(
                    person.origin.child("delegation"),
                    person.id,
                    person.delegation,
                    "delegations",
                    lambda: list(plan.delegation_by_id),
                )
        for group in plan.groups:
            for position, member in enumerate(group.members):
                if member not in plan.person_by_id:
                    self.missing(
                        group.origin.child("members", position), group.id, member, "people", people
                    )

    def protocol(self, people: Callable[[], list[str]]) -> None:
        """``[protocol] precedence`` names people."""
        plan = self.plan
        for ref in plan.protocol.precedence:
            if ref not in plan.person_by_id:
                origin = plan.protocol.origin.child("precedence")
                self.missing(origin, "protocol", ref, "people", people)

    def session(self, draft: SessionDraft, people: Callable[[], list[str]]) -> None:
        plan, origin, ident = self.plan, draft.origin, draft.ident
        assert ident is not None  # noqa: S101 - the caller passes identified drafts only
        # A track is free text, unless the plan names its tracks in [tracks]: then it is an id.
        if plan.tracks and draft.track is not None and draft.track not in plan.track_by_id:
            tracks = lambda: list(plan.track_by_id)  # noqa: E731
            self.missing(origin.child("track"), ident, draft.track, "tracks", tracks)
        if draft.room is not None and draft.room not in plan.room_by_id:
            self.missing(
                origin.child("room"), ident, draft.room, "rooms", lambda: list(plan.room_by_id)
            )
        if draft.venue is not None and draft.venue not in plan.venue_by_id:
            self.missing(
                origin.child("venue"), ident, draft.venue, "venues", lambda: list(plan.venue_by_id)
            )
        if draft.to is not None and draft.to not in plan.venue_by_id:
            self.missing(
                origin.child("to"), ident, draft.to, "venues", lambda: list(plan.venue_by_id)
            )
        room = plan.room_by_id.get(draft.room) if draft.room is not None else None
        if room is not None and draft.venue is not None and draft.venue != room.venue:
            self.p.schema(
                origin.child("venue"),
                text(
                    "load.room-venue",
                    room=quoted(room.id),
                    venue=quoted(room.venue),
                    named=quoted(draft.venue),
                ),
                text("load-hint.room-implies-venue"),
                ident,
            )
        self.session_people(draft, ident, people)
        if draft.owner is not None and draft.owner not in plan.person_by_id:
            self.missing(origin.child("owner"), ident, draft.owner, "people", people)
        for cue in draft.cues:
            if cue.who is not None and cue.who not in plan.person_by_id:
                self.missing(cue.origin.child("who"), ident, cue.who, "people", people)
        for vehicle in draft.vehicles:
            if vehicle not in plan.vehicle_by_id:
                self.missing(
                    self.list_origin(origin, draft.table, "vehicles", vehicle),
                    ident,
                    vehicle,
                    "vehicles",
                    lambda: list(plan.vehicle_by_id),
                )

    def session_people(
        self, draft: SessionDraft, ident: str, people: Callable[[], list[str]]
    ) -> None:
        """Speakers, moderators and interpreters are people; attendees may also be groups,
        delegations or "all"."""
        plan, origin = self.plan, draft.origin
        for key in ("speakers", "moderators", "interpreters", "attendees", "seating"):
            refs: tuple[str, ...] = getattr(draft, key)
            for ref in refs:
                if key == "attendees":
                    if (
                        ref == ALL
                        or ref in plan.person_by_id
                        or ref in plan.group_by_id
                        or (ref in plan.delegation_by_id)
                    ):
                        continue
                    self.missing(
                        self.list_origin(origin, draft.table, key, ref),
                        ident,
                        ref,
                        "attendees",
                        lambda: [*plan.delegation_by_id, *plan.group_by_id, *plan.person_by_id],
                    )
                elif ref not in plan.person_by_id:
                    self.missing(
                        self.list_origin(origin, draft.table, key, ref),
                        ident,
                        ref,
                        "people",
                        people,
                    )

    def flights(self) -> None:
        """A flight's airport is a venue; its passengers are people, groups or delegations."""
        plan = self.plan
        for flight in self.flight_refs:
            # A flight without a usable id is "flight" in the message and its subjects.
            referrer = flight.referrer or "flight"
            shown = None if flight.referrer else text("load.what.flight-entry")
            if flight.airport is not None and flight.airport not in plan.venue_by_id:
                self.missing(
                    flight.origin.child("airport"),
                    referrer,
                    flight.airport,
                    "venues",
                    lambda: list(plan.venue_by_id),
                    shown=shown,
                )
            for position, ref in enumerate(flight.passengers):
                if (
                    ref in plan.person_by_id
                    or ref in plan.group_by_id
                    or ref in plan.delegation_by_id
                ):
                    continue
                self.missing(
                    flight.origin.child("passengers", position),
                    referrer,
                    ref,
                    "passengers",
                    lambda: [*plan.delegation_by_id, *plan.group_by_id, *plan.person_by_id],
                    shown=shown,
                )

    @staticmethod
    def list_origin(origin: Origin, table: Mapping[str, Any], key: str, ref: str) -> Origin:
        value = table.get(key)
        if isinstance(value, list) and ref in value:
            return origin.child(key, value.index(ref))
        return origin.child(key)
