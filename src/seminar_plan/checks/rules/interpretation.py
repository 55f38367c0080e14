"""Interpretation: several languages and none, simultaneous without booths."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.messages import Listing, text
from seminar_plan.model import Plan

# Kinds where nobody addresses the room: no interpretation is needed, whatever the languages.
SILENT_KINDS = frozenset({"meal", "break", "transfer", "registration"})


@rule("no-interpretation")
def no_interpretation(plan: Plan) -> Iterator[Issue]:
    for session in plan.sessions:
        if session.interpretation != "none" or session.kind in SILENT_KINDS:
            continue
        languages = plan.languages_of(session)
        if len(languages) >= 2:
            yield Issue(
                "no-interpretation",
                session.origin.child("interpretation"),
                text(
                    "finding.no-interpretation",
                    session=session.id,
                    languages=Listing(languages, "finding-list.and"),
                ),
                text("finding-hint.no-interpretation"),
                (session.id,),
            )


@rule("no-booth")
def no_booth(plan: Plan) -> Iterator[Issue]:
    for session in plan.sessions:
        if session.interpretation != "simultaneous":
            continue
        room = plan.room_of(session)
        if room is not None and room.booths == 0:
            yield Issue(
                "no-booth",
                session.origin.child("interpretation"),
                text("finding.no-booth", session=session.id, room=room.id),
                text("finding-hint.no-booth"),
                (session.id, room.id),
            )
