"""The plan as an RFC 5545 calendar: one VEVENT per session, written by ``icalendar``.

Each session's UID is a UUID derived from the event and the session id, so importing a newer
export into the same calendar updates the sessions instead of adding copies. Times carry the
event's TZID and the calendar holds that zone's VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from seminar_plan.exports import (
    details,
    labels_for,
    selected_sessions,
    session_uuid,
    stable_uuid,
)
from seminar_plan.present import room_name, venue_address, venue_name
from seminar_plan.text import language_order, pick, plain_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from icalendar import Component, Event, vText

    from seminar_plan.model import Plan, Session

PRODID = "-//seminar-plan//seminar-plan//EN"


def _event_zone(plan: Plan) -> dt.tzinfo:
    """The event's zone as ``zoneinfo``, which icalendar names by its IANA TZID."""
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(plan.event.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        # The loader resolved the zone, so this only happens on a system whose zone data
        # differs from the tzdata wheel: fall back to UTC times, which are still exact.
        return dt.UTC


def _session_event(
    plan: Plan,
    session: Session,
    stamp: dt.datetime,
    zone: dt.tzinfo,
    order: tuple[str, ...],
    labels: Mapping[str, str],
) -> Event:
    """The calendar event of one session."""
    from icalendar import Event

    event = Event()
    event.add("uid", str(session_uuid(plan, session)))
    event.add("dtstamp", stamp)
    event.add("dtstart", calendar_time(session.start, zone))
    event.add("dtend", calendar_time(session.end, zone))
    _add_text(event, "summary", pick(session.title, order))
    # Room, venue and the venue's address: what a phone's map needs to find the place.
    parts = (
        room_name(plan, session, order),
        venue_name(plan, session, order),
        venue_address(plan, session, order),
    )
    location = ", ".join(part for part in parts if part)
    if location:
        _add_text(event, "location", location)
    notes = pick(session.notes, order)
    description = "\n".join(details(plan, session, order, labels))
    if notes:
        description = f"{description}\n\n{notes}" if description else notes
    if description:
        _add_text(event, "description", description)
    event.add("categories", [session.kind])
    return event


def calendar_time(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """``moment`` as the calendar writes it: in ``zone`` (with its TZID), except in the second
    pass of a repeated hour, which RFC 5545 would read as the first: then in UTC."""
    local = moment.astimezone(zone)
    if local.replace(fold=0).astimezone(dt.UTC) != moment.astimezone(dt.UTC):
        return moment.astimezone(dt.UTC)
    return local


def render(
    plan: Plan,
    *,
    now: dt.datetime,
    day: int | None = None,
    person: str | None = None,
    lang: str | None = None,
) -> bytes:
    """The calendar; with ``person``, only their sessions plus their arrival and departure.

    ``now`` is the DTSTAMP of every event (when this export was made).
    """
    from icalendar import Calendar

    order = language_order(plan, lang)
    labels = labels_for(plan, lang)
    zone = _event_zone(plan)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = pick(plan.event.title, order)
    if person is not None:
        name = f"{name}: {pick(plan.person_by_id[person].name, order)}"
    _add_text(calendar, "x-wr-calname", name)
    _add_text(calendar, "x-wr-timezone", plan.event.timezone)
    stamp = now.astimezone(dt.UTC)

    moments: list[dt.datetime] = []
    for session in selected_sessions(plan, day=day, person=person):
        calendar.add_component(_session_event(plan, session, stamp, zone, order, labels))
        moments.extend((session.start, session.end))

    if person is not None:
        someone = plan.person_by_id[person]
        for key, moment in (("arrival", someone.arrive), ("departure", someone.depart)):
            if moment is None or (day is not None and _day_of(plan, moment) != day):
                continue
            local = calendar_time(moment, zone)
            calendar.add_component(_stay(plan, person, key, local, stamp, order, labels))
            moments.append(moment)

    if moments:
        first = min(moments).astimezone(zone).date() - dt.timedelta(days=1)
        last = max(moments).astimezone(zone).date() + dt.timedelta(days=1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    document: bytes = calendar.to_ical()
    return document


def _add_text(component: Component, name: str, value: str) -> None:
    """Every text value goes in this way: as TEXT, escaped here (``\\ ; ,`` and line breaks:
    an X- property would otherwise go in raw, and a line break would start a property of its
    own), without the control characters RFC 5545 does not allow in it."""
    component.add(name, _escaped_text_type()(plain_text(value)))


@functools.cache
def _escaped_text_type() -> type[vText]:
    """icalendar's TEXT value, escaped by ``rfc5545_text``: icalendar's own escaping first
    turns a written backslash and N into a line break, so a title holding those two
    characters came back from a calendar as two lines. (Made on first use: icalendar is a
    heavy import.)"""
    from icalendar import vText

    class EscapedText(vText):
        def to_ical(self) -> bytes:
            return rfc5545_text(str(self)).encode("utf-8")

    return EscapedText


def rfc5545_text(value: str) -> str:
    """``value`` escaped as RFC 5545 TEXT (section 3.3.11): backslash first, then ``;``, ``,``
    and line feeds (``value`` has no other line break: ``plain_text`` made them line feeds)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _day_of(plan: Plan, moment: dt.datetime) -> int:
    return plan.event.day_of(moment.astimezone(plan.event.tz).date())


def _stay(
    plan: Plan,
    person: str,
    key: str,
    moment: dt.datetime,
    stamp: dt.datetime,
    order: tuple[str, ...],
    labels: Mapping[str, str],
) -> Event:
    """An arrival or departure: an event at one instant (a DTSTART and no DTEND)."""
    from icalendar import Event

    someone = plan.person_by_id[person]
    event = Event()
    event.add("uid", str(stable_uuid(plan, key, person)))
    event.add("dtstamp", stamp)
    event.add("dtstart", moment)
    _add_text(event, "summary", f"{labels[key]}: {pick(someone.name, order)}")
    notes = pick(someone.notes, order)
    if notes:
        _add_text(event, "description", notes)
    return event
