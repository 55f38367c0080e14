"""The parser's state (sources, locator, findings so far) and its readers of typed values.

Each reader reports a bad value as a ``schema`` finding and returns None (or a default), so the
table modules go on reading the rest of the plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from seminar_plan.checks.registry import SEVERITY
from seminar_plan.findings import Finding
from seminar_plan.language_codes import judge
from seminar_plan.load.locate import Locator
from seminar_plan.load.parse.scalars import (
    SLUG,
    clock_minutes,
    closest,
    is_int,
    local_time_exists,
)
from seminar_plan.load.parse.schema import KEY_SYNONYMS
from seminar_plan.load.parse.words import meant, quoted, type_name
from seminar_plan.load.read import Sources
from seminar_plan.messages import Message, text
from seminar_plan.model import ALL, Event, Origin, Text


def _as_it_should_be(code: str) -> bool:
    """Whether a text's language key is a language code written in its canonical case, one
    that is not a country code typed by mistake (``language_code`` keeps it as it is)."""
    verdict = judge(code)
    return verdict.canonical == code and not verdict.mistyped


@dataclass
class Entry:
    """A table from one file, before it becomes a model value."""

    id: str
    table: Any
    origin: Origin


@dataclass
class Parser:
    """The state of one parse: the sources, the locator and the findings so far."""

    sources: Sources
    locator: Locator
    findings: list[Finding] = field(default_factory=list)
    # Wall-clock times (with their zone's id) already judged by ``local_time_exists``: a
    # plan's sessions share a few slots, and each judgement converts through the zone twice.
    times_that_exist: dict[tuple[dt.datetime, int], bool] = field(default_factory=dict)
    # Day, minutes after midnight and zone's id -> that wall-clock time, made once: sessions
    # share a few slots, and the model's sessions then share their datetimes too.
    wall_times: dict[tuple[int, int, int], dt.datetime] = field(default_factory=dict)

    def wall_time(self, event: Event, day: int, minutes: int) -> dt.datetime:
        """``minutes`` after the midnight that starts ``day`` of ``event``, on the wall clock."""
        key = (day, minutes, id(event.tz))
        moment = self.wall_times.get(key)
        if moment is None:
            midnight = dt.datetime.combine(event.date_of(day), dt.time(), tzinfo=event.tz)
            moment = self.wall_times[key] = midnight + dt.timedelta(minutes=minutes)
        return moment

    def time_exists(self, moment: dt.datetime) -> bool:
        """``local_time_exists(moment)``, judged once per wall-clock time and zone."""
        key = (moment.replace(tzinfo=None), id(moment.tzinfo))
        exists = self.times_that_exist.get(key)
        if exists is None:
            exists = self.times_that_exist[key] = local_time_exists(moment)
        return exists

    # -- findings ---------------------------------------------------------------------------
    def report(
        self,
        code: str,
        origin: Origin,
        message: Message | str,
        hint: Message | str | None = None,
        subjects: tuple[str, ...] = (),
    ) -> None:
        self.findings.append(
            Finding(code, SEVERITY[code], message, hint, subjects, self.locator.place(origin))
        )

    def schema(
        self,
        origin: Origin,
        message: Message | str,
        hint: Message | str | None = None,
        subject: str | None = None,
    ) -> None:
        self.report("schema", origin, message, hint, (subject,) if subject else ())

    # -- generic values ---------------------------------------------------------------------
    def known_keys(
        self, table: Mapping[str, Any], origin: Origin, known: tuple[str, ...], subject: str | None
    ) -> None:
        for key in table:
            if key not in known:
                suggestion = _meant_key(key, known)
                hint = meant(suggestion) if suggestion else text("load-hint.known-keys", keys=known)
                message = text("load.unknown-key", key=quoted(key))
                self.schema(origin.child(key), message, hint, subject)

    def is_table(
        self, value: object, origin: Origin, what: Message | str, subject: str | None
    ) -> bool:
        """Whether ``value`` is a table; else a finding that names it as ``what``."""
        if isinstance(value, dict):
            return True
        message = text("load.not-table", what=what, type=type_name(value))
        self.schema(origin, message, None, subject)
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
                hint = text("load-hint.add-text", key=key)
                self.schema(origin, missing_key(key), hint, subject)
            return None
        value = table[key]
        if type(value) is str:
            return Text.plain(value)
        return self.text_value(value, origin.child(key), key, subject)

    def text_value(
        self, value: object, origin: Origin, key: str, subject: str | None
    ) -> Text | None:
        if isinstance(value, str):
            return Text.plain(value)
        if isinstance(value, dict) and value:
            if all(type(variant) is str for variant in value.values()) and all(
                map(_as_it_should_be, value)
            ):
                # The usual text, { ja = "...", en = "..." }: nothing in it to report or change.
                return Text(tuple(value.items()))
            variants: list[tuple[str, str]] = []
            for written, variant in value.items():
                lang = self.language_code(written, origin.child(written), f"{key}:", subject)
                if lang is None:
                    continue
                if any(lang == seen for seen, _ in variants):
                    self.schema(
                        origin.child(written),
                        text("load.language-twice", key=key, lang=quoted(lang)),
                        text("load-hint.keep-one"),
                        subject,
                    )
                    continue
                if not isinstance(variant, str):
                    type_ = type_name(variant)
                    self.schema(
                        origin.child(lang),
                        text("load.variant-not-string", key=key, lang=lang, type=type_),
                        None,
                        subject,
                    )
                    continue
                variants.append((lang, variant))
            return Text(tuple(variants)) if variants else None
        self.schema(
            origin,
            text("load.not-text", key=key, type=type_name(value)),
            text("load-hint.write-text", key=key),
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
                self.schema(origin, missing_key(key), None, subject)
            return None
        value = table[key]
        if not is_int(value):
            message = text("load.not-integer", key=key, type=type_name(value))
            self.schema(origin.child(key), message, None, subject)
            return None
        if minimum is not None and value < minimum:
            message = text("load.too-small", key=key, minimum=minimum, value=value)
            self.schema(origin.child(key), message, None, subject)
            return None
        return cast("int", value)

    def string(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            message = text("load.not-string", key=key, type=type_name(value))
            self.schema(origin.child(key), message, None, subject)
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
            hint = meant(suggestion) if suggestion else None
            self.schema(
                origin.child(key),
                text("load.not-one-of", key=key, value=quoted(value), options=options),
                hint,
                subject,
            )
            return default
        return value

    def boolean(
        self,
        table: Mapping[str, Any],
        key: str,
        origin: Origin,
        subject: str | None,
        *,
        default: bool,
    ) -> bool:
        if key not in table:
            return default
        value = table[key]
        if not isinstance(value, bool):
            self.schema(
                origin.child(key),
                text("load.not-boolean", key=key, type=type_name(value)),
                text("load-hint.write-true", key=key),
                subject,
            )
            return default
        return value

    def ref(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        value = self.string(table, key, origin, subject)
        if value is not None and not value:
            self.schema(origin.child(key), text("load.empty", key=key), None, subject)
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
                    text("load.ids-not-string", key=key),
                    text("load-hint.write-list", key=key, value=quoted(value).replace("'", '"')),
                    subject,
                )
            value = [value]
        if not isinstance(value, list):
            message = text("load.ids-not-list", key=key, type=type_name(value))
            self.schema(origin.child(key), message, None, subject)
            return ()
        refs: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str) or not item:
                message = text(
                    "load.id-not-string", key=key, position=position, type=type_name(item)
                )
                self.schema(origin.child(key, position), message, None, subject)
                continue
            if item in refs:
                message = text("load.named-twice", key=key, item=quoted(item))
                self.schema(origin.child(key, position), message, None, subject)
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
                text("load.languages-not-list", key=key, type=type_name(value)),
                text("load-hint.write-languages", key=key),
                subject,
            )
            return None
        codes: list[str] = []
        for position, item in enumerate(value):
            where = origin.child(key, position)
            if not isinstance(item, str):
                self.schema(
                    where,
                    text(
                        "load.language-not-string", key=key, position=position, value=quoted(item)
                    ),
                    text("load-hint.language-codes"),
                    subject,
                )
                continue
            code = self.language_code(item, where, f"{key}[{position}]", subject)
            if code is not None:
                codes.append(code)
        return tuple(codes)

    def language(
        self, table: Mapping[str, Any], key: str, origin: Origin, subject: str | None
    ) -> str | None:
        value = self.string(table, key, origin, subject)
        if value is None:
            return None
        return self.language_code(value, origin.child(key), key, subject)

    def language_code(
        self, value: str, origin: Origin, what: str, subject: str | None
    ) -> str | None:
        """``value`` in canonical case when it is a real language code, else None (reported).

        A real code that is almost always a mistyped country code (``kr``) is kept, with a
        ``language-code`` warning.
        """
        verdict = judge(value)
        hint = meant(verdict.meant) if verdict.meant else None
        if verdict.canonical is None:
            message = text("load.not-language", what=what, value=quoted(value))
            self.schema(origin, message, hint, subject)
            return None
        if verdict.mistyped:
            language = text(f"load.language.{value.split('-', maxsplit=1)[0].lower()}")
            self.report(
                "language-code",
                origin,
                text("load.seldom-language", what=what, value=quoted(value), language=language),
                hint,
            )
        return verdict.canonical

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
                text("load.not-clock", key=key, latest=latest, value=quoted(table[key])),
                text("load-hint.write-clock", key=key),
                subject,
            )
        return minutes

    def contact(
        self, table: Mapping[str, Any], origin: Origin, subject: str | None
    ) -> tuple[tuple[str, str], ...]:
        """A private ``contact`` table as (kind, value) pairs; every value must be single."""
        if "contact" not in table:
            return ()
        value = table["contact"]
        if not isinstance(value, dict):
            self.schema(
                origin.child("contact"),
                text("load.contact-not-table", type=type_name(value)),
                text("load-hint.write-contact"),
                subject,
            )
            return ()
        contact: list[tuple[str, str]] = []
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                self.schema(
                    origin.child("contact", key),
                    text("load.contact-not-single", key=key),
                    None,
                    subject,
                )
                continue
            contact.append((key, str(item)))
        return tuple(contact)

    def check_id(self, ident: str, origin: Origin, what: str) -> None:
        """``ident`` is a slug, else a finding; ``what`` is the kind of id (``load.noun``)."""
        if not SLUG.match(ident):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", ident.lower()).strip("-_") or "id"
            self.schema(
                origin,
                text("load.not-slug", what=text(f"load.noun.{what}"), id=quoted(ident)),
                text("load-hint.rename-id", id=quoted(suggestion)),
                ident,
            )


def missing_key(key: str) -> Message:
    """``missing required key 'key'``."""
    return text("load.missing-key", key=quoted(key))


def _meant_key(key: str, known: tuple[str, ...]) -> str | None:
    """The known key ``key`` was meant as: a synonym the table knows, else a near spelling."""
    for candidate in KEY_SYNONYMS.get(key.casefold(), ()):
        if candidate in known:
            return candidate
    return closest(key, known)
