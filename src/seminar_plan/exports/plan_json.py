"""The whole resolved plan as JSON, for other programs (the shape is in docs/export-json.md).

Resolved means a program needs to know nothing of the plan format: repeated sessions are
separate occurrences, durations are end times, times are absolute ISO 8601 with their offset,
a session's venue, attendance, languages and committed people are computed. Text keeps every
language. Contact details are private and are never exported.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from seminar_plan.exports import selected_sessions, session_uuid
from seminar_plan.model import Plan, Session, Text
from seminar_plan.present import clock_of_day

FORMAT = "seminar-plan.plan"
VERSION = 1
# The BCP 47 tag for "undetermined": a plain string in the plan, written in no language.
NEUTRAL = "und"


def text_json(text: Text | None) -> dict[str, str] | None:
    """Every language of a text; a plain string under ``und``."""
    if text is None:
        return None
    return {lang or NEUTRAL: value for lang, value in text.variants}


def _moment(plan: Plan, moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(plan.event.tz).isoformat()


def _session(plan: Plan, session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "base_id": session.base_id,
        "uid": str(session_uuid(plan, session)),
        "title": text_json(session.title),
        "day": session.day,
        "date": session.date.isoformat(),
        "start": session.start.isoformat(),
        "end": session.end.isoformat(),
        "minutes": session.minutes,
        "kind": session.kind,
        "track": session.track,
        "room": session.room,
        "venue": plan.venue_of(session),
        "speakers": list(session.speakers),
        "moderators": list(session.moderators),
        "interpreters": list(session.interpreters),
        "owner": session.owner,
        "attendees": list(session.attendees),
        "attendance": plan.attendance_of(session),
        "interpretation": session.interpretation,
        "languages": list(plan.languages_of(session)),
        "committed": {person: list(roles) for person, roles in plan.roles_of(session).items()},
        "av": text_json(session.av),
        "notes": text_json(session.notes),
        "cues": [
            {
                "at": cue.at.isoformat(),
                "what": text_json(cue.what),
                "who": cue.who,
                "notes": text_json(cue.notes),
            }
            for cue in session.cues
        ],
    }


def render(plan: Plan, *, day: int | None = None, person: str | None = None) -> str:
    """The plan as one JSON object; ``day`` and ``person`` narrow ``sessions`` only."""
    event = plan.event
    document = {
        "format": FORMAT,
        "version": VERSION,
        "selection": {"day": day, "person": person},
        "event": {
            "title": text_json(event.title),
            "timezone": event.timezone,
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "day_count": event.day_count,
            "languages": list(event.languages),
            "theme": text_json(event.theme),
            "organizer": text_json(event.organizer),
            "city": text_json(event.city),
            "edition": event.edition,
            "co_hosts": [text_json(host) for host in event.co_hosts],
            "participants": event.participants,
        },
        "days": [
            {
                "number": number,
                "date": event.date_of(number).isoformat(),
                "label": text_json(info.label) if info else None,
                "notes": text_json(info.notes) if info else None,
            }
            for number in range(1, event.day_count + 1)
            for info in (plan.day_by_number.get(number),)
        ],
        "delegations": [
            {
                "id": d.id,
                "name": text_json(d.name),
                "headcount": d.headcount,
                "language": d.language,
            }
            for d in plan.delegations
        ],
        "venues": [
            {"id": v.id, "name": text_json(v.name), "address": text_json(v.address)}
            for v in plan.venues
        ],
        "travel": [{"between": list(t.between), "minutes": t.minutes} for t in plan.travel],
        "rooms": [
            {
                "id": r.id,
                "venue": r.venue,
                "name": text_json(r.name),
                "capacity": r.capacity,
                "booths": r.booths,
                "open": clock_of_day(r.open),
                "close": clock_of_day(r.close),
            }
            for r in plan.rooms
        ],
        "people": [
            {
                "id": p.id,
                "name": text_json(p.name),
                "title": text_json(p.title),
                "organization": text_json(p.organization),
                "delegation": p.delegation,
                "rank": p.rank,
                "languages": list(p.languages),
                "language": plan.language_of(p.id),
                "arrive": _moment(plan, p.arrive),
                "depart": _moment(plan, p.depart),
                "notes": text_json(p.notes),
            }
            for p in plan.people
        ],
        "groups": [
            {
                "id": g.id,
                "name": text_json(g.name),
                "members": list(g.members),
                "headcount": g.headcount,
            }
            for g in plan.groups
        ],
        "sessions": [
            _session(plan, session) for session in selected_sessions(plan, day=day, person=person)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
