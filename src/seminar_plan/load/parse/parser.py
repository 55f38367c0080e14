"""The parser's state (sources, locator, findings so far) and its readers of typed values.

Each reader reports a bad value as a ``schema`` finding and returns None (or a default), so the
table modules go on reading the rest of the plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from seminar_plan.checks.registry import SEVERITY
from seminar_plan.findings import Finding
from seminar_plan.language_codes import judge, language_name
from seminar_plan.load.locate import Locator
from seminar_plan.load.parse.scalars import (
    SLUG,
    clock_minutes,
    closest,
    is_int,
    type_name,
)
from seminar_plan.load.read import Sources
from seminar_plan.messages import Message
from seminar_plan.model import ALL, Origin, Text
from seminar_plan.suggest import mean


@dataclass
class Entry:
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
                suggestion = closest(key, known)
                hint = mean(suggestion) if suggestion else f"known keys: {', '.join(known)}"
                self.schema(origin.child(key), f"unknown key {key!r}", hint, subject)

    def is_table(self, value: object, origin: Origin, what: str, subject: str | None) -> bool:
        if isinstance(value, dict):
            return True
        self.schema(origin, f"{what} must be a table, not {type_name(value)}", None, subject)
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
            variants: list[tuple[str, str]] = []
            for written, variant in value.items():
                lang = self.language_code(written, origin.child(written), f"{key}:", subject)
                if lang is None:
                    continue
                if any(lang == seen for seen, _ in variants):
                    self.schema(
                        origin.child(written),
                        f"{key} gives language {lang!r} twice",
                        "keep one of them",
                        subject,
                    )
                    continue
                if not isinstance(variant, str):
                    self.schema(
                        origin.child(lang),
                        f"{key}.{lang} must be a string, not {type_name(variant)}",
                        None,
                        subject,
                    )
                    continue
                variants.append((lang, variant))
            return Text(tuple(variants)) if variants else None
        self.schema(
            origin,
            f"{key} must be a string or a table of language to string, not {type_name(value)}",
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
        if not is_int(value):
            self.schema(
                origin.child(key),
                f"{key} must be an integer, not {type_name(value)}",
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
                origin.child(key), f"{key} must be a string, not {type_name(value)}", None, subject
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
            hint = mean(suggestion) if suggestion else None
            self.schema(
                origin.child(key),
                f"{key} {value!r} is not one of {', '.join(options)}",
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
                f"{key} must be true or false, not {type_name(value)}",
                f"write {key} = true",
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
                f"{key} must be a list of ids, not {type_name(value)}",
                None,
                subject,
            )
            return ()
        refs: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str) or not item:
                self.schema(
                    origin.child(key, position),
                    f"{key}[{position}] must be an id string, not {type_name(item)}",
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
                f"{key} must be a list of language codes, not {type_name(value)}",
                f'write {key} = ["ja", "zh"]',
                subject,
            )
            return None
        codes: list[str] = []
        for position, item in enumerate(value):
            where = origin.child(key, position)
            if not isinstance(item, str):
                self.schema(
                    where,
                    f"{key}[{position}] is not a language code: {item!r}",
                    "use codes such as ja, zh, en",
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
        hint = f"did you mean {verdict.meant!r}?" if verdict.meant else None
        if verdict.canonical is None:
            self.schema(origin, f"{what} {value!r} is not a language code", hint, subject)
            return None
        if verdict.mistyped:
            self.report(
                "language-code",
                origin,
                f"{what} {value!r} names {language_name(value)}, a language seldom meant:"
                " it is usually a country code typed by mistake",
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
                f'{key} must be a clock time "HH:MM" from 00:00 to {latest}, not {table[key]!r}',
                f'write {key} = "09:30"',
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
                f"contact must be a table, not {type_name(value)}",
                'write contact = { phone = "...", email = "..." }',
                subject,
            )
            return ()
        contact: list[tuple[str, str]] = []
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                self.schema(
                    origin.child("contact", key),
                    f"contact.{key} must be a single value",
                    None,
                    subject,
                )
                continue
            contact.append((key, str(item)))
        return tuple(contact)

    def check_id(self, ident: str, origin: Origin, what: str) -> None:
        if not SLUG.match(ident):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", ident.lower()).strip("-_") or "id"
            self.schema(
                origin,
                f"{what} id {ident!r} is not a slug (lowercase letters, digits, - and _)",
                f"rename it to {suggestion!r}",
                ident,
            )
