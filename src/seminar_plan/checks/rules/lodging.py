"""Lodging and catering: a bed for everyone every night, and meal orders that add up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seminar_plan.checks.registry import Issue, rule
from seminar_plan.logistics import catering, lodging
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
        shown = "; ".join(
            f"{n.date:%Y-%m-%d} needs {n.needed}, booked {n.beds}" for n in short[:SHOWN_NIGHTS]
        )
        more = f"; and {len(short) - SHOWN_NIGHTS} more" if len(short) > SHOWN_NIGHTS else ""
        nights = "night" if len(short) == 1 else "nights"
        yield Issue(
            "lodging-short",
            venue.origin,
            f"hotel {hotel.hotel!r} has too few beds on {len(short)} {nights}: {shown}{more}",
            f"book more rooms at {hotel.hotel!r} ([[bookings]]), or move people to another"
            " hotel; `seminar-plan rooming` shows every night",
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
        nights = "night" if guest.nights == 1 else "nights"
        yield Issue(
            "no-lodging",
            person.origin,
            f"{guest.person!r} needs a bed for {guest.nights} {nights}"
            f" ({guest.check_in:%Y-%m-%d} to {guest.check_out:%Y-%m-%d}) and has no hotel",
            f'give [people.{guest.person}], their group or delegation hotel = "VENUE-ID",'
            " or lodging = false for a local",
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
            f"a booking at {booking.hotel!r} ({booking.first:%Y-%m-%d} to"
            f" {booking.checkout:%Y-%m-%d}, {booking.capacity} beds), where nobody sleeps",
            f'set hotel = "{booking.hotel}" on the people, groups or delegations who stay there,'
            " or cancel the booking",
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
                f"{ident!r} has diet tag {tag!r}, which is not lowercase-with-hyphens",
                f"write {suggestion!r}" if suggestion else "use tags such as 'halal', 'vegan'",
                (ident,),
            )


@rule("diet-count")
def diet_count(plan: Plan) -> Iterator[Issue]:
    for meal in catering.catering(plan):
        over = [(tag, n) for tag, n in meal.diets if n > meal.count]
        if not over:
            continue
        session = meal.session
        parts = ", ".join(f"{tag} {n}" for tag, n in over)
        if session.attendance is not None:
            place = session.origin.child("attendance")
        elif session.attendees:
            place = session.origin.child("attendees")
        else:
            place = session.origin
        yield Issue(
            "diet-count",
            place,
            f"meal {session.id!r} ({session.start:%Y-%m-%d %H:%M}) counts {meal.count},"
            f" fewer than its diets: {parts}",
            "correct the attendance or attendees, or the diets of the delegations and groups",
            (session.id,),
        )
