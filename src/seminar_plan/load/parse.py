"""Raw TOML mappings -> the model, plus every schema, reference, id and time finding (pure).

The parser never stops at the first problem: a bad value is reported and left out of the model,
and the rest of the plan is still read, so ``check`` reports everything at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from seminar_plan.findings import CODES, Finding, Severity
from seminar_plan.load.locate import Locator
from seminar_plan.load.read import Sources
from seminar_plan.load.zones import resolve_zone
from seminar_plan.model import (
    ALL,
    INTERPRETATION_MODES,
    KINDS,
    CheckConfig,
    Cue,
    Day,
    Delegation,
    Event,
    Group,
    Interpretation,
    Kind,
    Origin,
    Person,
    Plan,
    Room,
    Session,
    Text,
    Travel,
    Venue,
)

FORMAT_VERSION = 1

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
CLOCK = re.compile(r"(\d{1,2}):(\d{2})\Z")
DURATION = re.compile(r"\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*\Z")
MINUTES_PER_DAY = 24 * 60
MAX_TRAVEL_MINUTES = 7 * MINUTES_PER_DAY
# Event dates stay well inside what datetime can represent, in any zone.
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(9998, 12, 31)

TOP_LEVEL = (
    "format",
    "include",
    "event",
    "days",
    "delegations",
    "venues",
    "travel",
    "rooms",
    "people",
    "groups",
    "sessions",
    "check",
)
EVENT_KEYS = (
    "title",
    "timezone",
    "start",
    "end",
    "languages",
    "theme",
    "organizer",
    "city",
    "edition",
    "co_hosts",
    "participants",
)
DAY_KEYS = ("label", "notes")
DELEGATION_KEYS = ("name", "headcount", "language")
VENUE_KEYS = ("name", "address")
TRAVEL_KEYS = ("between", "minutes")
ROOM_KEYS = ("venue", "name", "capacity", "booths", "open", "close")
PERSON_KEYS = (
    "name",
    "title",
    "organization",
    "delegation",
    "rank",
    "languages",
    "arrive",
    "depart",
    "contact",
    "notes",
)
GROUP_KEYS = ("name", "members", "headcount")
SESSION_KEYS = (
    "id",
    "title",
    "day",
    "date",
    "start",
    "end",
    "duration",
    "kind",
    "track",
    "room",
    "venue",
    "speakers",
    "moderators",
    "interpreters",
    "owner",
    "attendees",
    "attendance",
    "interpretation",
    "av",
    "notes",
    "cues",
)
CUE_KEYS = ("at", "what", "who", "notes")
CHECK_KEYS = ("ignore", "severity")
ID_TABLES = ("days", "delegations", "venues", "rooms", "people", "groups")


def closest(word: str, options: Iterator[str] | tuple[str, ...] | list[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return matches[0] if matches else None


def nearest_id(word: str, options: list[str]) -> str | None:
    """The existing id closest to ``word``: a close spelling, else one that contains it (or is
    contained in it), else the most similar at all; None only when there are no ids."""
    match = closest(word, options)
    if match is not None:
        return match
    folded = word.casefold()
    containing = [o for o in options if folded in o.casefold() or o.casefold() in folded]
    if containing:
        return min(containing, key=lambda o: (abs(len(o) - len(word)), o))
    best = difflib.get_close_matches(word, options, n=1, cutoff=0.0)
    return best[0] if best else None


def did_you_mean(word: str, options: Iterator[str] | tuple[str, ...] | list[str]) -> str | None:
    match = closest(word, options)
    return f"did you mean {match!r}?" if match else None


def _type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
        dt.datetime: "a date-time",
        dt.date: "a date",
        dt.time: "a time",
    }
    return names.get(type(value), type(value).__name__)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def clock_minutes(value: object, *, allow_midnight_end: bool) -> int | None:
    """Minutes after midnight for "HH:MM" or a TOML local time; None when not a clock time."""
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        match = CLOCK.match(value.strip())
        if match is None:
            return None
        hours, minutes = int(match.group(1)), int(match.group(2))
        if minutes > 59:
            return None
        if hours == 24 and minutes == 0 and allow_midnight_end:
            return MINUTES_PER_DAY
        if hours > 23:
            return None
        return hours * 60 + minutes
    return None


def duration_minutes(value: object) -> int | None:
    if _is_int(value):
        return cast("int", value)
    if isinstance(value, str):
        match = DURATION.match(value)
        if match is None or (match.group(1) is None and match.group(2) is None):
            return None
        return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    return None


def _minutes_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass
class _Entry:
    """A table from one file, before it becomes a model value."""

    id: str
    table: Any
    origin: Origin


@dataclass
class Parser:
    sources: Sources
    locator: Locator
    findings: list[Finding] = field(default_factory=list)

    # -- findings ---------------------------------------------------------------------------
    def report(
        self,
        code: str,
        origin: Origin,
        message: str,
        hint: str | None = None,
        subjects: tuple[str, ...] = (),
    ) -> None:
        self.findings.append(
            Finding(code, CODES[code], message, hint, subjects, self.locator.place(origin))
        )

    def schema(
        self, origin: Origin, message: str, hint: str | None = None, subject: str | None = None
    ) -> None:
        self.report("schema", origin, message, hint, (subject,) if subject else ())

    # -- generic values ---------------------------------------------------------------------
    def known_keys(
        self, table: Mapping[str, Any], origin: Origin, known: tuple[str, ...], subject: str | None
    ) -> None:
        for key in table:
            if key not in known:
                suggestion = closest(key, known)
                hint = (
                    f"did you mean {suggestion!r}?"
                    if suggestion
                    else f"known keys: {', '.join(known)}"
                )
                self.schema(origin.child(key), f"unknown key {key!r}", hint, subject)

    def is_table(self, value: object, origin: Origin, what: str, subject: str | None) -> bool:
        if isinstance(value, dict):
            return True
        self.schema(origin, f"{what} must be a table, not {_type_name(value)}", None, subject)
        return False

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        origin: Origin,
        subject: str | None,
        *,
        required: bool = False,
    ) -> Text | None:
        if key not in table:
            if required:
                self.schema(origin, f"missing required key {key!r}", f'add {key} = "..."', subject)
            return None
        return self.text_value(table[key], origin.child(key), key, subject)

    def text_value(
        self, value: object, origin: Origin, key: str, subject: str | None
    ) -> Text | None:
        if isinstance(value, str):
            return Text.plain(value)
        if isinstance(value, dict) and value:
            variants = []
            for lang, variant in value.items():
                if not LANGUAGE.match(lang):
                    self.schema(
                        origin.child(lang),
                        f"{key}: {lang!r} is not a language code",
                        "use codes such as ja, zh, en",
                        subject,
                    )
                    continue
                if not isinstance(variant, str):
                    self.schema(
                        origin.child(lang),
                        f"{key}.{lang} must be a string, not {_type_name(variant)}",
                        None,
                        subject,
                    )
                    continue
                variants.append((lang, variant))
            return Text(tuple(variants)) if variants else None
        self.schema(
            origin,
            f"{key} must be a string or a table of language to string, not {_type_name(value)}",
            f'write {key} = "..." or {key} = {{ ja = "...", zh = "..." }}',
            subject,
        )
        return None

    def integer(
        self,
        table: Mapping[str, Any],
        key: str,
        origin: Origin,
        subject: str | None,
        *,
        minimum: int | None = None,
        required: bool = False,
    ) -> int | None:
        if key not in table:
            if required:
                self.schema(origin, f"missing required key {key!r}", None, subject)
            return None
        value = table[key]
        if not _is_int(value):
            self.schema(
                origin.child(key),
                f"{key} must be an integer, not {_type_name(value)}",
                None,
                subject,
            )
            return None
        if minimum is not None and value < minimum:
            self.schema(
                origin.child(key), f"{key} must be at least {minimum}, not {value}", None, subject
            )
            return None
        return cast("int", value)

    def string(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            self.schema(
                origin.child(key), f"{key} must be a string, not {_type_name(value)}", None, subject
            )
            return None
        return value

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        origin: Origin,
        subject: str | None,
        options: tuple[str, ...],
        default: str,
    ) -> str:
        value = self.string(table, key, origin, subject)
        if value is None:
            return default
        if value not in options:
            suggestion = closest(value, options)
            hint = f"did you mean {suggestion!r}?" if suggestion else None
            self.schema(
                origin.child(key),
                f"{key} {value!r} is not one of {', '.join(options)}",
                hint,
                subject,
            )
            return default
        return value

    def ref(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        value = self.string(table, key, origin, subject)
        if value is not None and not value:
            self.schema(origin.child(key), f"{key} is empty", None, subject)
            return None
        return value

    def ref_list(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> tuple[str, ...]:
        if key not in table:
            return ()
        value = table[key]
        if isinstance(value, str):
            # attendees = "all" is the one documented shorthand; any other single string is
            # reported, and still used so that the rest of the check sees it.
            if not (key == "attendees" and value == ALL):
                self.schema(
                    origin.child(key),
                    f"{key} must be a list of ids, not a string",
                    f"write {key} = [{value!r}]".replace("'", '"'),
                    subject,
                )
            value = [value]
        if not isinstance(value, list):
            self.schema(
                origin.child(key),
                f"{key} must be a list of ids, not {_type_name(value)}",
                None,
                subject,
            )
            return ()
        refs: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str) or not item:
                self.schema(
                    origin.child(key, position),
                    f"{key}[{position}] must be an id string, not {_type_name(item)}",
                    None,
                    subject,
                )
                continue
            if item in refs:
                self.schema(
                    origin.child(key, position), f"{key} names {item!r} twice", None, subject
                )
                continue
            refs.append(item)
        return tuple(refs)

    def languages(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list):
            self.schema(
                origin.child(key),
                f"{key} must be a list of language codes, not {_type_name(value)}",
                f'write {key} = ["ja", "zh"]',
                subject,
            )
            return None
        codes: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str) or not LANGUAGE.match(item):
                self.schema(
                    origin.child(key, position),
                    f"{key}[{position}] is not a language code: {item!r}",
                    "use codes such as ja, zh, en",
                    subject,
                )
                continue
            codes.append(item)
        return tuple(codes)

    def language(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        value = self.string(table, key, origin, subject)
        if value is not None and not LANGUAGE.match(value):
            self.schema(
                origin.child(key),
                f"{key} is not a language code: {value!r}",
                "use codes such as ja, zh, en",
                subject,
            )
            return None
        return value

    def clock(
        self,
        table: Mapping[str, Any],
        key: str,
        origin: Origin,
        subject: str | None,
        *,
        allow_midnight_end: bool,
    ) -> int | None:
        if key not in table:
            return None
        minutes = clock_minutes(table[key], allow_midnight_end=allow_midnight_end)
        if minutes is None:
            latest = "24:00" if allow_midnight_end else "23:59"
            self.schema(
                origin.child(key),
                f'{key} must be a clock time "HH:MM" from 00:00 to {latest}, not {table[key]!r}',
                f'write {key} = "09:30"',
                subject,
            )
        return minutes

    def check_id(self, ident: str, origin: Origin, what: str) -> None:
        if not SLUG.match(ident):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", ident.lower()).strip("-_") or "id"
            self.schema(
                origin,
                f"{what} id {ident!r} is not a slug (lowercase letters, digits, - and _)",
                f"rename it to {suggestion!r}",
                ident,
            )


def parse_plan(sources: Sources, locator: Locator) -> tuple[Plan | None, list[Finding]]:
    """Build the plan from ``sources``; return it (None without a usable event) and findings."""
    return _PlanBuilder(Parser(sources, locator)).build()


class _PlanBuilder:
    def __init__(self, parser: Parser) -> None:
        self.p = parser
        self.sources = parser.sources

    def build(self) -> tuple[Plan | None, list[Finding]]:
        p = self.p
        for problem in self.sources.problems:
            p.report("schema", problem.origin, problem.message, problem.hint)
        for index, source in enumerate(self.sources.files):
            if source.syntax is not None:
                p.findings.append(
                    Finding(
                        "toml-syntax",
                        Severity.ERROR,
                        f"invalid TOML: {source.syntax.message}",
                        "fix the syntax at this place; quote strings, close brackets",
                        (),
                        p.locator.place_at(index, source.syntax.line, source.syntax.column),
                    )
                )
        tables = self.collect()
        event = self.event(tables.event)
        days = self.days(tables.named["days"], event)
        delegations = self.delegations(tables.named["delegations"])
        venues = self.venues(tables.named["venues"])
        rooms = self.rooms(tables.named["rooms"])
        people = self.people(tables.named["people"], event)
        groups = self.groups(tables.named["groups"])
        travel = self.travel(tables.travel)
        check = self.check_config(tables.check)
        drafts = self.sessions(tables.sessions, event)
        # A repeated id is reported as duplicate-id; only its first definition is scheduled.
        placed: set[str | None] = set()
        sessions: list[Session] = []
        for draft in drafts:
            if draft.ident not in placed:
                placed.add(draft.ident)
                sessions.extend(_occurrences(p, draft, event))
        if event is None:
            return None, p.findings
        plan = Plan(
            event=event,
            days=days,
            delegations=delegations,
            venues=venues,
            travel=travel,
            rooms=rooms,
            people=people,
            groups=groups,
            sessions=tuple(sessions),
            check=check,
        )
        _References(p, plan, drafts).check()
        return plan, p.findings

    # -- merging files ----------------------------------------------------------------------
    def collect(self) -> _Tables:
        p = self.p
        tables = _Tables()
        for index, source in enumerate(self.sources.files):
            if source.data is None:
                continue
            data = source.data
            root = Origin(index, ())
            p.known_keys(data, root, TOP_LEVEL, None)
            if "format" in data:
                value = data["format"]
                if not _is_int(value) or value < 1:
                    p.schema(
                        root.child("format"),
                        f"format must be a positive integer, not {value!r}",
                        f"write format = {FORMAT_VERSION}",
                    )
            for key in ("event", "check"):
                if key not in data:
                    continue
                origin = root.child(key)
                if not p.is_table(data[key], origin, f"[{key}]", None):
                    continue
                earlier = tables.event if key == "event" else tables.check
                if earlier is not None:
                    self.duplicate(key, origin, earlier.origin, f"[{key}]")
                    continue
                entry = _Entry(key, data[key], origin)
                if key == "event":
                    tables.event = entry
                else:
                    tables.check = entry
            for key in ID_TABLES:
                if key not in data:
                    continue
                origin = root.child(key)
                if not p.is_table(data[key], origin, f"[{key}]", None):
                    continue
                for ident, table in data[key].items():
                    item_origin = origin.child(ident)
                    earlier_entry = tables.named[key].get(ident)
                    if earlier_entry is not None:
                        self.duplicate(ident, item_origin, earlier_entry.origin, f"[{key}.{ident}]")
                        continue
                    if key != "days":
                        p.check_id(ident, item_origin, _SINGULAR.get(key, key.rstrip("s")))
                    if p.is_table(table, item_origin, f"[{key}.{ident}]", ident):
                        tables.named[key][ident] = _Entry(ident, table, item_origin)
            for key in ("sessions", "travel"):
                if key not in data:
                    continue
                origin = root.child(key)
                value = data[key]
                if not isinstance(value, list):
                    p.schema(
                        origin,
                        f"{key} must be an array of tables ([[{key}]]), not {_type_name(value)}",
                    )
                    continue
                target = tables.sessions if key == "sessions" else tables.travel
                for position, table in enumerate(value):
                    item_origin = origin.child(position)
                    if p.is_table(table, item_origin, f"[[{key}]] entry", None):
                        target.append(_Entry(str(position), table, item_origin))
        self.shared_attendee_ids(tables)
        if tables.event is None and any(s.data is not None for s in self.sources.files):
            p.schema(
                Origin(0, ()),
                "the plan has no [event] table",
                '[event] needs title, timezone, start and end: see "seminar-plan init"',
            )
        return tables

    def shared_attendee_ids(self, tables: _Tables) -> None:
        """Delegations, groups and people share one namespace: ``attendees`` names any of them."""
        owner: dict[str, str] = {}
        for key in ("delegations", "groups", "people"):
            for ident, entry in list(tables.named[key].items()):
                if ident in owner:
                    earlier = tables.named[owner[ident]][ident]
                    place = self.p.locator.place(earlier.origin)
                    self.p.report(
                        "duplicate-id",
                        entry.origin,
                        f"[{key}.{ident}] uses the id of [{owner[ident]}.{ident}]"
                        f" ({place.file}:{place.line}); attendees could not tell them apart",
                        "give one of them another id",
                        (ident,),
                    )
                else:
                    owner[ident] = key

    def duplicate(self, ident: str, origin: Origin, earlier: Origin, what: str) -> None:
        place = self.p.locator.place(earlier)
        self.p.report(
            "duplicate-id",
            origin,
            f"{what} is defined twice; the first is at {place.file}:{place.line}",
            "rename or remove one of them",
            (ident,),
        )

    # -- tables -----------------------------------------------------------------------------
    def event(self, entry: _Entry | None) -> Event | None:
        if entry is None:
            return None
        p, table, origin = self.p, entry.table, entry.origin
        p.known_keys(table, origin, EVENT_KEYS, None)
        title = p.text(table, "title", origin, None, required=True)
        tz = None
        zone_name = p.string(table, "timezone", origin, None)
        if "timezone" not in table:
            p.schema(origin, "missing required key 'timezone'", 'add timezone = "Asia/Shanghai"')
        elif zone_name is not None:
            tz, suggestion = resolve_zone(zone_name)
            if tz is None:
                p.schema(
                    origin.child("timezone"),
                    f"timezone {zone_name!r} is not an IANA time zone name",
                    f"did you mean {suggestion!r}?" if suggestion else 'such as "Asia/Shanghai"',
                )
        dates: list[dt.date | None] = []
        for key in ("start", "end"):
            value = table.get(key)
            if key not in table:
                p.schema(origin, f"missing required key {key!r}", f"add {key} = 2025-07-23")
                dates.append(None)
            elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                p.schema(
                    origin.child(key),
                    f"{key} must be a TOML date such as 2025-07-23, not {_type_name(value)}",
                )
                dates.append(None)
            elif not FIRST_DATE <= value <= LAST_DATE:
                p.schema(
                    origin.child(key),
                    f"{key} must be a date from {FIRST_DATE} to {LAST_DATE}, not {value}",
                )
                dates.append(None)
            else:
                dates.append(value)
        start, end = dates
        if start is not None and end is not None and end < start:
            p.schema(origin.child("end"), f"the event ends ({end}) before it starts ({start})")
            end = None
        languages = p.languages(table, "languages", origin, None)
        if languages is not None and not languages:
            p.schema(origin.child("languages"), "languages is empty", 'write languages = ["ja"]')
        co_hosts: list[Text] = []
        if "co_hosts" in table:
            value = table["co_hosts"]
            values = value if isinstance(value, list) else [value]
            for position, item in enumerate(values):
                key_origin = (
                    origin.child("co_hosts", position)
                    if isinstance(value, list)
                    else origin.child("co_hosts")
                )
                text = p.text_value(item, key_origin, "co_hosts", None)
                if text is not None:
                    co_hosts.append(text)
        theme = p.text(table, "theme", origin, None)
        organizer = p.text(table, "organizer", origin, None)
        city = p.text(table, "city", origin, None)
        edition = p.integer(table, "edition", origin, None, minimum=0)
        participants = p.integer(table, "participants", origin, None, minimum=0)
        if start is None or end is None:
            return None
        # A missing title or zone is reported above; the rest of the plan is still checked,
        # with times in UTC when the zone is missing or misspelt.
        return Event(
            title=title or Text.plain(""),
            timezone=zone_name if tz is not None and zone_name is not None else "UTC",
            tz=tz or dt.UTC,
            start=start,
            end=end,
            languages=languages or ("en",),
            theme=theme,
            organizer=organizer,
            city=city,
            edition=edition,
            co_hosts=tuple(co_hosts),
            participants=participants,
            origin=origin,
        )

    def days(self, entries: dict[str, _Entry], event: Event | None) -> tuple[Day, ...]:
        p = self.p
        days: list[Day] = []
        for ident, entry in entries.items():
            p.known_keys(entry.table, entry.origin, DAY_KEYS, ident)
            label = p.text(entry.table, "label", entry.origin, ident)
            notes = p.text(entry.table, "notes", entry.origin, ident)
            if not ident.isdigit():
                p.schema(
                    entry.origin,
                    f"[days.{ident}]: a day is a number, such as [days.2]",
                    None,
                    ident,
                )
                continue
            number = int(ident)
            if event is None:
                continue
            if not 1 <= number <= event.day_count:
                p.schema(
                    entry.origin,
                    f"[days.{ident}] is outside the event, which has days 1..{event.day_count}",
                    None,
                    ident,
                )
                continue
            days.append(Day(number, event.date_of(number), label, notes))
        if event is not None:
            given = {d.number for d in days}
            days.extend(
                Day(n, event.date_of(n)) for n in range(1, event.day_count + 1) if n not in given
            )
        return tuple(sorted(days, key=lambda d: d.number))

    def delegations(self, entries: dict[str, _Entry]) -> tuple[Delegation, ...]:
        p = self.p
        result = []
        for ident, entry in entries.items():
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, DELEGATION_KEYS, ident)
            result.append(
                Delegation(
                    id=ident,
                    name=p.text(table, "name", origin, ident) or Text.plain(ident),
                    headcount=p.integer(table, "headcount", origin, ident, minimum=0),
                    language=p.language(table, "language", origin, ident),
                    origin=origin,
                )
            )
        return tuple(result)

    def venues(self, entries: dict[str, _Entry]) -> tuple[Venue, ...]:
        p = self.p
        result = []
        for ident, entry in entries.items():
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, VENUE_KEYS, ident)
            result.append(
                Venue(
                    id=ident,
                    name=p.text(table, "name", origin, ident) or Text.plain(ident),
                    address=p.text(table, "address", origin, ident),
                    origin=origin,
                )
            )
        return tuple(result)

    def rooms(self, entries: dict[str, _Entry]) -> tuple[Room, ...]:
        p = self.p
        result = []
        for ident, entry in entries.items():
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, ROOM_KEYS, ident)
            venue = p.ref(table, "venue", origin, ident)
            if "venue" not in table:
                p.schema(origin, "missing required key 'venue'", 'add venue = "VENUE-ID"', ident)
            name = p.text(table, "name", origin, ident) or Text.plain(ident)
            capacity = p.integer(table, "capacity", origin, ident, minimum=0)
            booths = p.integer(table, "booths", origin, ident, minimum=0) or 0
            opens = p.clock(table, "open", origin, ident, allow_midnight_end=False)
            closes = p.clock(table, "close", origin, ident, allow_midnight_end=True)
            opens = 0 if opens is None else opens
            closes = MINUTES_PER_DAY if closes is None else closes
            if closes <= opens:
                p.schema(
                    origin.child("close"),
                    f"room closes ({_minutes_text(closes)})"
                    f" before it opens ({_minutes_text(opens)})",
                    None,
                    ident,
                )
                opens, closes = 0, MINUTES_PER_DAY
            if venue is None:
                continue
            result.append(
                Room(
                    id=ident,
                    venue=venue,
                    name=name,
                    capacity=capacity,
                    booths=booths,
                    open=dt.time(opens // 60, opens % 60),
                    close=None if closes == MINUTES_PER_DAY else dt.time(closes // 60, closes % 60),
                    origin=origin,
                )
            )
        return tuple(result)

    def moment(
        self, table: Mapping[str, Any], key: str, origin: Origin, ident: str, tz: dt.tzinfo | None
    ) -> dt.datetime | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, dt.datetime):
            self.p.schema(
                origin.child(key),
                f"{key} must be a TOML date-time, not {_type_name(value)}",
                f"write {key} = 2025-07-23T14:30:00 (event zone) or 2025-07-23T15:30:00+09:00",
                ident,
            )
            return None
        if tz is None:
            return None
        try:
            if value.tzinfo is None:
                return value.replace(tzinfo=tz)
            return value.astimezone(tz)
        except (OverflowError, ValueError):
            self.p.schema(origin.child(key), f"{key} is out of range: {value}", None, ident)
            return None

    def people(self, entries: dict[str, _Entry], event: Event | None) -> tuple[Person, ...]:
        p = self.p
        tz = event.tz if event is not None else None
        result = []
        for ident, entry in entries.items():
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, PERSON_KEYS, ident)
            name = p.text(table, "name", origin, ident, required=True)
            arrive = self.moment(table, "arrive", origin, ident, tz)
            depart = self.moment(table, "depart", origin, ident, tz)
            if arrive is not None and depart is not None and depart < arrive:
                p.schema(
                    origin.child("depart"),
                    f"{ident} departs ({depart:%Y-%m-%d %H:%M}) before arriving"
                    f" ({arrive:%Y-%m-%d %H:%M})",
                    "swap arrive and depart, or correct the date",
                    ident,
                )
            contact: list[tuple[str, str]] = []
            if "contact" in table:
                value = table["contact"]
                if isinstance(value, dict):
                    for key, item in value.items():
                        if isinstance(item, (dict, list)):
                            p.schema(
                                origin.child("contact", key),
                                f"contact.{key} must be a single value",
                                None,
                                ident,
                            )
                            continue
                        contact.append((key, str(item)))
                else:
                    p.schema(
                        origin.child("contact"),
                        f"contact must be a table, not {_type_name(value)}",
                        'write contact = { phone = "...", email = "..." }',
                        ident,
                    )
            result.append(
                Person(
                    id=ident,
                    name=name or Text.plain(ident),
                    title=p.text(table, "title", origin, ident),
                    organization=p.text(table, "organization", origin, ident),
                    delegation=p.ref(table, "delegation", origin, ident),
                    rank=p.integer(table, "rank", origin, ident, minimum=1),
                    languages=p.languages(table, "languages", origin, ident) or (),
                    arrive=arrive,
                    depart=depart,
                    contact=tuple(contact),
                    notes=p.text(table, "notes", origin, ident),
                    origin=origin,
                )
            )
        return tuple(result)

    def groups(self, entries: dict[str, _Entry]) -> tuple[Group, ...]:
        p = self.p
        result = []
        for ident, entry in entries.items():
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, GROUP_KEYS, ident)
            members = p.ref_list(table, "members", origin, ident)
            headcount = p.integer(table, "headcount", origin, ident, minimum=0)
            result.append(
                Group(
                    id=ident,
                    name=p.text(table, "name", origin, ident),
                    members=members,
                    headcount=len(members) if headcount is None else headcount,
                    origin=origin,
                )
            )
        return tuple(result)

    def travel(self, entries: list[_Entry]) -> tuple[Travel, ...]:
        p = self.p
        result = []
        for entry in entries:
            table, origin = entry.table, entry.origin
            p.known_keys(table, origin, TRAVEL_KEYS, None)
            between = table.get("between")
            minutes = p.integer(table, "minutes", origin, None, minimum=0, required=True)
            if minutes is not None and minutes > MAX_TRAVEL_MINUTES:
                p.schema(
                    origin.child("minutes"),
                    f"minutes must be at most {MAX_TRAVEL_MINUTES} (a week), not {minutes}",
                )
                minutes = None
            if (
                not isinstance(between, list)
                or len(between) != 2
                or not all(isinstance(v, str) and v for v in between)
            ):
                p.schema(
                    origin.child("between") if "between" in table else origin,
                    "between must name two venues",
                    'write between = ["hotel", "center"]',
                )
                continue
            if between[0] == between[1]:
                p.schema(origin.child("between"), "between names the same venue twice")
                continue
            if minutes is not None:
                result.append(Travel((between[0], between[1]), minutes, origin))
        return tuple(result)

    def check_config(self, entry: _Entry | None) -> CheckConfig:
        if entry is None:
            return CheckConfig()
        p, table, origin = self.p, entry.table, entry.origin
        p.known_keys(table, origin, CHECK_KEYS, None)
        ignore: list[str] = []
        for position, code in enumerate(p.ref_list(table, "ignore", origin, None)):
            if code in CODES:
                ignore.append(code)
            else:
                p.schema(
                    origin.child("ignore", position),
                    f"unknown finding code {code!r}",
                    did_you_mean(code, tuple(CODES)),
                )
        severity: list[tuple[str, str]] = []
        if "severity" in table and p.is_table(
            table["severity"], origin.child("severity"), "check.severity", None
        ):
            for code, level in table["severity"].items():
                key_origin = origin.child("severity", code)
                if code not in CODES:
                    p.schema(
                        key_origin,
                        f"unknown finding code {code!r}",
                        did_you_mean(code, tuple(CODES)),
                    )
                elif level not in ("error", "warning"):
                    p.schema(
                        key_origin,
                        f'severity of {code} must be "error" or "warning", not {level!r}',
                    )
                else:
                    severity.append((code, level))
        return CheckConfig(tuple(ignore), tuple(severity))

    # -- sessions ---------------------------------------------------------------------------
    def sessions(self, entries: list[_Entry], event: Event | None) -> list[_SessionDraft]:
        p = self.p
        first_origin: dict[str, Origin] = {}
        drafts: list[_SessionDraft] = []
        for entry in entries:
            table, origin = entry.table, entry.origin
            ident = table.get("id")
            subject = ident if isinstance(ident, str) and ident else None
            p.known_keys(table, origin, SESSION_KEYS, subject)
            if "id" not in table:
                p.schema(origin, "session without id", 'add id = "opening"')
            elif subject is None:
                p.schema(origin.child("id"), f"id must be a non-empty string, not {ident!r}")
            else:
                p.check_id(subject, origin.child("id"), "session")
                if subject in first_origin:
                    self.duplicate(
                        subject,
                        origin.child("id"),
                        first_origin[subject].child("id"),
                        f"session {subject!r}",
                    )
                else:
                    first_origin[subject] = origin
            drafts.append(_SessionReader(p, table, origin, subject).draft(event))
        return drafts


@dataclass
class _Tables:
    event: _Entry | None = None
    check: _Entry | None = None
    named: dict[str, dict[str, _Entry]] = field(
        default_factory=lambda: {key: {} for key in ID_TABLES}
    )
    sessions: list[_Entry] = field(default_factory=list)
    travel: list[_Entry] = field(default_factory=list)


@dataclass(frozen=True)
class _CueDraft:
    at: int
    what: Text
    who: str | None
    notes: Text | None
    origin: Origin


@dataclass(frozen=True)
class _SessionDraft:
    """What one ``[[sessions]]`` table says, validated, before it is placed on its days."""

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
    cues: tuple[_CueDraft, ...]


class _SessionReader:
    """One ``[[sessions]]`` table -> a draft, then its occurrences, one per day it names."""

    def __init__(
        self, parser: Parser, table: Mapping[str, Any], origin: Origin, ident: str | None
    ) -> None:
        self.p = parser
        self.table = table
        self.origin = origin
        self.ident = ident

    def draft(self, event: Event | None) -> _SessionDraft:
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        start = self.start()
        return _SessionDraft(
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
        )

    def days(self, event: Event | None) -> tuple[tuple[int, tuple[str | int, ...]], ...]:
        """The days named by ``day`` or ``date``, each with the key path that names it."""
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        has_day, has_date = "day" in table, "date" in table
        if has_day == has_date:
            p.schema(
                origin.child("date") if has_day else origin,
                "a session needs exactly one of day and date"
                if has_day
                else "session has neither day nor date",
                "write day = 2 (1 is the event's first day) or date = 2025-07-24",
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
            p.schema(origin.child(key), f"{key} is an empty list", None, ident)
        days: list[tuple[int, tuple[str | int, ...]]] = []
        for item, path in zip(values, paths, strict=True):
            if key == "day" and _is_int(item):
                number = cast("int", item)
            elif key == "date" and isinstance(item, dt.date) and not isinstance(item, dt.datetime):
                if event is None:
                    continue
                number = event.day_of(item)
            else:
                wanted = "a day number (1 = first day)" if key == "day" else "a TOML date"
                p.schema(origin.child(*path), f"{key} must be {wanted}, not {item!r}", None, ident)
                continue
            if any(number == seen for seen, _ in days):
                p.schema(origin.child(*path), f"{key} names day {number} twice", None, ident)
                continue
            days.append((number, path))
        return tuple(days)

    def start(self) -> int | None:
        if "start" not in self.table:
            self.p.schema(
                self.origin, "missing required key 'start'", 'add start = "09:00"', self.ident
            )
            return None
        return self.p.clock(self.table, "start", self.origin, self.ident, allow_midnight_end=False)

    def length(self, start: int | None) -> int | None:
        p, table, origin, ident = self.p, self.table, self.origin, self.ident
        has_end, has_duration = "end" in table, "duration" in table
        if has_end == has_duration:
            p.schema(
                origin.child("duration") if has_end else origin,
                "a session needs exactly one of end and duration"
                if has_end
                else "session has neither end nor duration",
                'write end = "10:30" or duration = "90m"',
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
                'duration must be minutes or text such as "90m", "1h30m", "2h",'
                f" not {table['duration']!r}",
                'write duration = "1h30m"',
                ident,
            )
        return minutes

    def cues(self) -> tuple[_CueDraft, ...]:
        p, ident = self.p, self.ident
        if "cues" not in self.table:
            return ()
        value = self.table["cues"]
        origin = self.origin.child("cues")
        if not isinstance(value, list):
            p.schema(origin, "cues must be an array of tables ([[sessions.cues]])", None, ident)
            return ()
        drafts = []
        for position, table in enumerate(value):
            cue_origin = origin.child(position)
            if not p.is_table(table, cue_origin, "a cue", ident):
                continue
            p.known_keys(table, cue_origin, CUE_KEYS, ident)
            if "at" not in table:
                p.schema(cue_origin, "cue without at", 'add at = "09:05"', ident)
            what = p.text(table, "what", cue_origin, ident, required=True)
            who = p.ref(table, "who", cue_origin, ident)
            notes = p.text(table, "notes", cue_origin, ident)
            at = p.clock(table, "at", cue_origin, ident, allow_midnight_end=True)
            if at is not None and what is not None:
                drafts.append(_CueDraft(at, what, who, notes, cue_origin))
        return tuple(drafts)


def _occurrences(p: Parser, draft: _SessionDraft, event: Event | None) -> list[Session]:
    """Place a draft on each of its days; times that cannot be placed are ``bad-time``."""
    ident, origin, start, length = draft.ident, draft.origin, draft.start, draft.length
    if ident is None or draft.title is None or event is None or start is None or length is None:
        return []
    end_key = "end" if "end" in draft.table else "duration"
    if length <= 0:
        p.report(
            "bad-time",
            origin.child(end_key),
            f"session {ident!r} ends before or when it starts",
            "the end must come after the start",
            (ident,),
        )
        return []
    if start + length > MINUTES_PER_DAY:
        p.report(
            "bad-time",
            origin.child(end_key),
            f"session {ident!r} runs past midnight"
            f" (from {_minutes_text(start)} for {length} minutes)",
            'end it at "24:00" and continue it as a session on the next day',
            (ident,),
        )
        return []
    repeated = len(draft.days) > 1
    result = []
    for day, day_key in draft.days:
        occurrence = f"{ident}@{day}" if repeated else ident
        if not 1 <= day <= event.day_count:
            p.report(
                "bad-time",
                origin.child(*day_key),
                f"session {occurrence!r} is on day {day}, outside the event"
                f" ({event.start} .. {event.end}, days 1..{event.day_count})",
                f"use a day from 1 to {event.day_count}",
                (occurrence,),
            )
            continue
        midnight = dt.datetime.combine(event.date_of(day), dt.time(), tzinfo=event.tz)
        begins = midnight + dt.timedelta(minutes=start)
        ends = midnight + dt.timedelta(minutes=start + length)
        cues = []
        for cue in draft.cues:
            moment = midnight + dt.timedelta(minutes=cue.at)
            if begins <= moment <= ends:
                cues.append(Cue(moment, cue.what, cue.who, cue.notes, cue.origin))
                continue
            p.report(
                "bad-time",
                cue.origin.child("at"),
                f"cue at {_minutes_text(cue.at)} is outside its session {occurrence!r}"
                f" ({_minutes_text(start)}-{_minutes_text(start + length)})",
                "move the cue inside the session, or change the session's times",
                (occurrence,),
            )
        result.append(
            Session(
                id=occurrence,
                base_id=ident,
                title=draft.title,
                day=day,
                start=begins,
                end=ends,
                origin=origin,
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
                cues=tuple(cues),
            )
        )
    return result


_SINGULAR = {
    "venues": "venue",
    "rooms": "room",
    "people": "person",
    "delegations": "delegation",
    "attendees": "attendee",
}


class _References:
    """Every reference resolves, else ``unknown-ref`` with the closest existing id."""

    def __init__(self, parser: Parser, plan: Plan, drafts: list[_SessionDraft]) -> None:
        self.p = parser
        self.plan = plan
        self.drafts = drafts

    def missing(
        self,
        origin: Origin,
        referrer: str,
        ref: str,
        what: str,
        options: Callable[[], list[str]],
    ) -> None:
        # "all" is suggested only for a near spelling of it, never as a last resort.
        near_all = closest(ref, [ALL]) if what == "attendees" else None
        suggestion = near_all or nearest_id(ref, options())
        if suggestion is not None:
            hint = f"did you mean {suggestion!r}?"
        elif what == "attendees":
            hint = f"define [delegations.{ref}], [groups.{ref}] or [people.{ref}], or fix the name"
        else:
            hint = f"define [{what}.{ref}] or fix the name"
        self.p.report(
            "unknown-ref",
            origin,
            f"{referrer} refers to {_SINGULAR[what]} {ref!r}, which is not defined",
            hint,
            (referrer, ref),
        )

    def check(self) -> None:
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
        for draft in self.drafts:
            if draft.ident is not None:
                self.session(draft, people)

    def session(self, draft: _SessionDraft, people: Callable[[], list[str]]) -> None:
        plan, origin, ident = self.plan, draft.origin, draft.ident
        assert ident is not None  # noqa: S101 - the caller passes identified drafts only
        if draft.room is not None and draft.room not in plan.room_by_id:
            self.missing(
                origin.child("room"), ident, draft.room, "rooms", lambda: list(plan.room_by_id)
            )
        if draft.venue is not None and draft.venue not in plan.venue_by_id:
            self.missing(
                origin.child("venue"), ident, draft.venue, "venues", lambda: list(plan.venue_by_id)
            )
        room = plan.room_by_id.get(draft.room) if draft.room is not None else None
        if room is not None and draft.venue is not None and draft.venue != room.venue:
            self.p.schema(
                origin.child("venue"),
                f"room {room.id!r} is at venue {room.venue!r}, but venue names {draft.venue!r}",
                "a room implies its venue: remove venue, or choose a room at that venue",
                ident,
            )
        for key in ("speakers", "moderators", "interpreters", "attendees"):
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
        if draft.owner is not None and draft.owner not in plan.person_by_id:
            self.missing(origin.child("owner"), ident, draft.owner, "people", people)
        for cue in draft.cues:
            if cue.who is not None and cue.who not in plan.person_by_id:
                self.missing(cue.origin.child("who"), ident, cue.who, "people", people)

    @staticmethod
    def list_origin(origin: Origin, table: Mapping[str, Any], key: str, ref: str) -> Origin:
        value = table.get(key)
        if isinstance(value, list) and ref in value:
            return origin.child(key, value.index(ref))
        return origin.child(key)
