"""``[[sessions]]`` and their ``[[sessions.cues]]``: each table becomes a draft, then one
session per day it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from seminar_plan.load.parse.collect import duplicate
from seminar_plan.load.parse.parser import Entry, Parser, missing_key
from seminar_plan.load.parse.scalars import (
    MAX_EVENT_DAYS,
    MINUTES_PER_DAY,
    duration_minutes,
    is_int,
    minutes_text,
)
from seminar_plan.load.parse.schema import CUE_KEYS, SESSION_KEYS
from seminar_plan.load.parse.words import quoted
from seminar_plan.messages import text
from seminar_plan.model import (
    INTERPRETATION_MODES,
    KINDS,
    SPEAKING_ORDERS,
    Cue,
    Event,
    Interpretation,
    Kind,
    Origin,
    Session,
    SpeakingOrder,
    Text,
)


def read_sessions(p: Parser, entries: list[Entry], event: Event | None) -> list[SessionDraft]:
    first_origin: dict[str, Origin] = {}
    drafts: list[SessionDraft] = []
    for entry in entries:
        table, origin = entry.table, entry.origin
        ident = table.get("id")
        subject = ident if isinstance(ident, str) and ident else None
        p.known_keys(table, origin, SESSION_KEYS, subject)
        if "id" not in table:
            p.schema(origin, text("load.session-without-id"), text("load-hint.add-id"))
        elif subject is None:
            p.schema(origin.child("id"), text("load.id-not-string-value", value=quoted(ident)))
        else:
            p.check_id(subject, origin.child("id"), "session")
            if subject in first_origin:
                duplicate(
                    p,
                    subject,
                    origin.child("id"),
                    first_origin[subject].child("id"),
                    text("load.what.session", id=quoted(subject)),
                )
            else:
                first_origin[subject] = origin
        drafts.append(SessionReader(p, table, origin, subject).draft(event))
    return drafts


@dataclass(frozen=True)
class CueDraft:
    """A cue as written, its time in minutes from midnight, before it has a date."""

    at: int
    what: Text
    who: str | None
    notes: Text | None
    origin: Origin


@dataclass(slots=True)
class SessionDraft:
    """What one ``[[sessions]]`` table says, validated, before it is placed on its days.

    Not frozen: a frozen dataclass sets each of its 28 fields through ``object.__setattr__``,
    three times the cost of building it, once per session. Nothing changes a draft.
    """

    ident: str | None
    origin: Origin
    table: Mapping[str, Any]
    title: Text | None
    kind: Kind
    interpretation: Interpretation
    track: str | None
    room: str | None
    venue: str | None
    speakers: tuple[str, ...]
    moderators: tuple[str, ...]
    interpreters: tuple[str, ...]
    owner: str | None
    attendees: tuple[str, ...]
    attendance: int | None
    av: Text | None
    notes: Text | None
    days: tuple[tuple[int, tuple[str | int, ...]], ...]
    start: int | None
    length: int | None
    cues: tuple[CueDraft, ...]
    vehicles: tuple[str, ...] = ()
    optional: bool = False
    to: str | None = None
    fixed: bool = False
    seating: tuple[str, ...] = ()
    order: SpeakingOrder = "precedence"
    public: bool = True


class SessionReader:
    """One ``[[sessions]]`` table -> a draft, then its occurrences, one per day it names."""

    def __init__(
        self, parser: Parser, table: Mapping[str, Any], origin: Origin, ident: str | None
    ) -> None:
        self.p = parser
        self.table = table
        self.origin = origin
        self.ident = ident

    def draft(self, event: Event | None) -> SessionDraft:
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        start = self.start()
        return SessionDraft(
            ident=ident,
            origin=origin,
            table=table,
            title=p.text(table, "title", origin, ident, required=True),
            kind=cast("Kind", p.choice(table, "kind", origin, ident, KINDS, "other")),
            interpretation=cast(
                "Interpretation",
                p.choice(table, "interpretation", origin, ident, INTERPRETATION_MODES, "none"),
            ),
            track=p.string(table, "track", origin, ident),
            room=p.ref(table, "room", origin, ident),
            venue=p.ref(table, "venue", origin, ident),
            speakers=p.ref_list(table, "speakers", origin, ident),
            moderators=p.ref_list(table, "moderators", origin, ident),
            interpreters=p.ref_list(table, "interpreters", origin, ident),
            owner=p.ref(table, "owner", origin, ident),
            attendees=p.ref_list(table, "attendees", origin, ident),
            attendance=p.integer(table, "attendance", origin, ident, minimum=0),
            av=p.text(table, "av", origin, ident),
            notes=p.text(table, "notes", origin, ident),
            days=self.days(event),
            start=start,
            length=self.length(start),
            cues=self.cues(),
            vehicles=self.vehicles(),
            optional=p.boolean(table, "optional", origin, ident, default=False),
            to=self.to(),
            fixed=p.boolean(table, "fixed", origin, ident, default=False),
            seating=p.ref_list(table, "seating", origin, ident),
            order=cast(
                "SpeakingOrder",
                p.choice(table, "order", origin, ident, SPEAKING_ORDERS, "precedence"),
            ),
            public=p.boolean(
                table, "public", origin, ident, default=table.get("kind") != "transfer"
            ),
        )

    def vehicles(self) -> tuple[str, ...]:
        """What carries a transfer; on any other kind it would mean nothing: reported."""
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        vehicles = p.ref_list(table, "vehicles", origin, ident)
        if vehicles and table.get("kind") != "transfer":
            p.schema(
                origin.child("vehicles"),
                text("load.vehicles-not-transfer"),
                text("load-hint.vehicles-transfer"),
                ident,
            )
            return ()
        return vehicles

    def to(self) -> str | None:
        """Where a transfer arrives; ``to`` on any other kind would mean nothing: reported."""
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        to = p.ref(table, "to", origin, ident)
        if to is not None and table.get("kind") != "transfer":
            p.schema(
                origin.child("to"),
                text("load.to-not-transfer"),
                text("load-hint.to-transfer"),
                ident,
            )
            return None
        return to

    def days(self, event: Event | None) -> tuple[tuple[int, tuple[str | int, ...]], ...]:
        """The days named by ``day`` or ``date``, each with the key path that names it."""
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        has_day, has_date = "day" in table, "date" in table
        if has_day == has_date:
            p.schema(
                origin.child("date") if has_day else origin,
                text("load.day-and-date") if has_day else text("load.no-day"),
                text("load-hint.write-day"),
                ident,
            )
            return ()
        key = "day" if has_day else "date"
        value = table[key]
        values = value if isinstance(value, list) else [value]
        paths: list[tuple[str | int, ...]] = (
            [(key, i) for i in range(len(values))] if isinstance(value, list) else [(key,)]
        )
        if not values:
            p.schema(origin.child(key), text("load.empty-list", key=key), None, ident)
        if len(values) > MAX_EVENT_DAYS:
            p.schema(
                origin.child(key),
                text("load.too-many-days", key=key, count=f"{len(values):,}", most=MAX_EVENT_DAYS),
                text("load-hint.days-once"),
                ident,
            )
            return ()
        days: list[tuple[int, tuple[str | int, ...]]] = []
        named: set[int] = set()
        for item, path in zip(values, paths, strict=True):
            if key == "day" and is_int(item):
                number = cast("int", item)
            elif key == "date" and isinstance(item, dt.date) and not isinstance(item, dt.datetime):
                if event is None:
                    continue
                number = event.day_of(item)
            else:
                wanted = "load.not-day-number" if key == "day" else "load.not-toml-date"
                message = text(wanted, key=key, value=quoted(item))
                p.schema(origin.child(*path), message, None, ident)
                continue
            if number in named:
                message = text("load.day-twice", key=key, day=number)
                p.schema(origin.child(*path), message, None, ident)
                continue
            named.add(number)
            days.append((number, path))
        return tuple(days)

    def start(self) -> int | None:
        if "start" not in self.table:
            hint = text("load-hint.add-start")
            self.p.schema(self.origin, missing_key("start"), hint, self.ident)
            return None
        return self.p.clock(self.table, "start", self.origin, self.ident, allow_midnight_end=False)

    def length(self, start: int | None) -> int | None:
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        has_end, has_duration = "end" in table, "duration" in table
        if has_end == has_duration:
            p.schema(
                origin.child("duration") if has_end else origin,
                text("load.end-and-duration") if has_end else text("load.no-end"),
                text("load-hint.write-end"),
                ident,
            )
            return None
        if has_end:
            end = p.clock(table, "end", origin, ident, allow_midnight_end=True)
            if end is None or start is None:
                return None
            return end - start
        minutes = duration_minutes(table["duration"])
        if minutes is None:
            p.schema(
                origin.child("duration"),
                text("load.not-duration", value=quoted(table["duration"])),
                text("load-hint.write-duration"),
                ident,
            )
        return minutes

    def cues(self) -> tuple[CueDraft, ...]:
        p, ident = self.p, self.ident
        if "cues" not in self.table:
            return ()
        value = self.table["cues"]
        origin = self.origin.child("cues")
        if not isinstance(value, list):
            p.schema(origin, text("load.cues-not-array"), None, ident)
            return ()
        drafts = []
        for position, table in enumerate(value):
            cue_origin = origin.child(position)
            if not p.is_table(table, cue_origin, text("load.what.cue"), ident):
                continue
            p.known_keys(table, cue_origin, CUE_KEYS, ident)
            if "at" not in table:
                p.schema(cue_origin, text("load.cue-without-at"), text("load-hint.add-at"), ident)
            what = p.text(table, "what", cue_origin, ident, required=True)
            who = p.ref(table, "who", cue_origin, ident)
            notes = p.text(table, "notes", cue_origin, ident)
            at = p.clock(table, "at", cue_origin, ident, allow_midnight_end=True)
            if at is not None and what is not None:
                drafts.append(CueDraft(at, what, who, notes, cue_origin))
        return tuple(drafts)


def occurrences(p: Parser, draft: SessionDraft, event: Event | None) -> list[Session]:
    """Place a draft on each of its days; times that cannot be placed are ``bad-time``."""
    ident, origin, start, length = draft.ident, draft.origin, draft.start, draft.length
    if ident is None or draft.title is None or event is None or start is None or length is None:
        return []
    if not _fits_in_a_day(p, draft, ident, start, length):
        return []
    repeated = len(draft.days) > 1
    result = []
    for day, day_key in draft.days:
        occurrence = f"{ident}@{day}" if repeated else ident
        if not 1 <= day <= event.day_count:
            p.report(
                "bad-time",
                origin.child(*day_key),
                text(
                    "load.day-outside-event",
                    id=quoted(occurrence),
                    day=day,
                    start=str(event.start),
                    end=str(event.end),
                    count=event.day_count,
                ),
                text("load-hint.use-day", count=event.day_count),
                (occurrence,),
            )
            continue
        begins = p.wall_time(event, day, start)
        ends = p.wall_time(event, day, start + length)
        skipped = [
            (key, moment)
            for key, moment in (
                ("start", begins),
                ("end" if "end" in draft.table else "duration", ends),
            )
            if not p.time_exists(moment)
        ]
        if skipped:
            key, moment = skipped[0]
            p.report(
                "bad-time",
                origin.child(key),
                text(
                    "load.starts-skipped" if key == "start" else "load.ends-skipped",
                    id=quoted(occurrence),
                    time=f"{moment:%H:%M}",
                    date=f"{moment:%Y-%m-%d}",
                    zone=event.timezone,
                ),
                text("load-hint.skipped-hour"),
                (occurrence,),
            )
            continue
        cues = (
            _cues(p, draft, occurrence, p.wall_time(event, day, 0), (start, start + length))
            if draft.cues
            else ()
        )
        result.append(_session(draft, occurrence, day, (begins, ends), cues))
    return result


def _fits_in_a_day(p: Parser, draft: SessionDraft, ident: str, start: int, length: int) -> bool:
    """Whether the session ends after it starts and by midnight; else ``bad-time``."""
    end_key = "end" if "end" in draft.table else "duration"
    if length <= 0:
        p.report(
            "bad-time",
            draft.origin.child(end_key),
            text("load.ends-before-start", id=quoted(ident)),
            text("load-hint.end-after-start"),
            (ident,),
        )
        return False
    if start + length > MINUTES_PER_DAY:
        p.report(
            "bad-time",
            draft.origin.child(end_key),
            text("load.past-midnight", id=quoted(ident), start=minutes_text(start), minutes=length),
            text("load-hint.past-midnight"),
            (ident,),
        )
        return False
    return True


def _cues(
    p: Parser,
    draft: SessionDraft,
    occurrence: str,
    midnight: dt.datetime,
    window: tuple[int, int],
) -> tuple[Cue, ...]:
    """The cues of one occurrence (its minutes after ``midnight`` in ``window``); one outside
    the session is ``bad-time``, and kept with ``outside`` set."""
    start, end = window
    begins = midnight + dt.timedelta(minutes=start)
    ends = midnight + dt.timedelta(minutes=end)
    cues = []
    for cue in draft.cues:
        moment = midnight + dt.timedelta(minutes=cue.at)
        inside = begins <= moment <= ends and p.time_exists(moment)
        cues.append(Cue(moment, cue.what, cue.who, cue.notes, cue.origin, outside=not inside))
        if inside:
            continue
        at = minutes_text(cue.at)
        p.report(
            "bad-time",
            cue.origin.child("at"),
            text(
                "load.cue-outside",
                at=at,
                id=quoted(occurrence),
                start=minutes_text(start),
                end=minutes_text(end),
            )
            if not begins <= moment <= ends
            else text("load.cue-skipped", at=at),
            text("load-hint.cue-inside"),
            (occurrence,),
        )
    return tuple(cues)


def _session(
    draft: SessionDraft,
    occurrence: str,
    day: int,
    span: tuple[dt.datetime, dt.datetime],
    cues: tuple[Cue, ...],
) -> Session:
    begins, ends = span
    # occurrences() places only drafts that have an id and a title.
    ident = cast("str", draft.ident)
    title = cast("Text", draft.title)
    return Session(
        id=occurrence,
        base_id=ident,
        title=title,
        day=day,
        start=begins,
        end=ends,
        origin=draft.origin,
        kind=draft.kind,
        track=draft.track,
        room=draft.room,
        venue=draft.venue,
        speakers=draft.speakers,
        moderators=draft.moderators,
        interpreters=draft.interpreters,
        owner=draft.owner,
        attendees=draft.attendees,
        attendance=draft.attendance,
        interpretation=draft.interpretation,
        av=draft.av,
        notes=draft.notes,
        cues=cues,
        vehicles=draft.vehicles,
        optional=draft.optional,
        to=draft.to,
        fixed=draft.fixed,
        seating=draft.seating,
        order=draft.order,
        public=draft.public,
    )
