"""Lodging and catering: a bed for everyone every night, and meal orders that add up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.logistics import catering, lodging
from seminar_plan.messages import Listing, text
from seminar_plan.model import Origin, Plan

DIET_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SHOWN_NIGHTS = 3


@rule("lodging-short")
def lodging_short(plan: Plan) -> Iterator[Issue]:
    if not lodging.lodging_in_use(plan):
        return
    for hotel in lodging.rooming(plan):
        venue = plan.venue_by_id.get(hotel.hotel)
        short = [night for night in hotel.nights if night.short]
        if venue is None or not short:
            continue
        shown = tuple(
            text("finding-part.night", date=f"{n.date:%Y-%m-%d}", needed=n.needed, beds=n.beds)
            for n in short[:SHOWN_NIGHTS]
        )
        more = (
            text("finding-part.more-nights", count=len(short) - SHOWN_NIGHTS)
            if len(short) > SHOWN_NIGHTS
            else ""
        )
        yield Issue(
            "lodging-short",
            venue.origin,
            text(
                "finding.lodging-short-night" if len(short) == 1 else "finding.lodging-short",
                hotel=hotel.hotel,
                count=len(short),
                nights=Listing(shown, "finding-list.nights"),
                more=more,
            ),
            text("finding-hint.lodging-short", hotel=hotel.hotel),
            (hotel.hotel,),
        )


@rule("no-lodging")
def no_lodging(plan: Plan) -> Iterator[Issue]:
    if not lodging.lodging_in_use(plan):
        return
    for guest in lodging.guests(plan):
        if guest.hotel is not None:
            continue
        person = plan.person_by_id[guest.person]
        yield Issue(
            "no-lodging",
            person.origin,
            text(
                "finding.no-lodging-night" if guest.nights == 1 else "finding.no-lodging",
                person=guest.person,
                count=guest.nights,
                check_in=f"{guest.check_in:%Y-%m-%d}",
                check_out=f"{guest.check_out:%Y-%m-%d}",
            ),
            text("finding-hint.no-lodging", person=guest.person),
            (guest.person,),
        )


@rule("unused-booking")
def unused_booking(plan: Plan) -> Iterator[Issue]:
    sleeping = {
        hotel.hotel
        for hotel in lodging.rooming(plan)
        if any(night.needed for night in hotel.nights)
    }
    for booking in plan.bookings:
        if booking.hotel in sleeping or booking.hotel not in plan.venue_by_id:
            continue
        yield Issue(
            "unused-booking",
            booking.origin.child("hotel"),
            text(
                "finding.unused-booking",
                hotel=booking.hotel,
                first=f"{booking.first:%Y-%m-%d}",
                checkout=f"{booking.checkout:%Y-%m-%d}",
                beds=booking.capacity,
            ),
            text("finding-hint.unused-booking", hotel=booking.hotel),
            (booking.hotel,),
        )


def _suggested_tag(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")


@rule("diet-tag")
def diet_tag(plan: Plan) -> Iterator[Issue]:
    holders: list[tuple[str, Origin, str, tuple[str, ...]]] = [
        (person.id, person.origin, "diet", person.diet) for person in plan.people
    ]
    holders.extend(
        (group.id, group.origin, "diets", tuple(tag for tag, _ in group.diets))
        for group in plan.groups
    )
    holders.extend(
        (delegation.id, delegation.origin, "diets", tuple(tag for tag, _ in delegation.diets))
        for delegation in plan.delegations
    )
    for ident, origin, key, tags in holders:
        for position, tag in enumerate(tags):
            if DIET_TAG.match(tag):
                continue
            suggestion = _suggested_tag(tag)
            place = origin.child(key, position) if key == "diet" else origin.child(key, tag)
            yield Issue(
                "diet-tag",
                place,
                text("finding.diet-tag", holder=ident, tag=tag),
                text("finding-hint.diet-tag", suggestion=suggestion)
                if suggestion
                else text("finding-hint.diet-tag-examples"),
                (ident,),
            )


@rule("diet-count")
def diet_count(plan: Plan) -> Iterator[Issue]:
    for meal in catering.catering(plan):
        over = [(tag, n) for tag, n in meal.diets if n > meal.count]
        if not over:
            continue
        session = meal.session
        # A tag and its count, as [diets] writes them: language-neutral.
        parts = tuple(f"{tag} {n}" for tag, n in over)
        if session.attendance is not None:
            place = session.origin.child("attendance")
        elif session.attendees:
            place = session.origin.child("attendees")
        else:
            place = session.origin
        yield Issue(
            "diet-count",
            place,
            text(
                "finding.diet-count",
                session=session.id,
                start=f"{session.start:%Y-%m-%d %H:%M}",
                count=meal.count,
                diets=parts,
            ),
            text("finding-hint.diet-count"),
            (session.id,),
        )
