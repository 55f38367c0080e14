"""The rows read: each data row becomes a person or row-numbered problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from seminar_plan.authoring.import_people.names import NUMBERED_PREFIX, Variants, romanised_id
from seminar_plan.authoring.import_people.sheet import (
    CONTACT,
    SheetError,
    csv_records,
    decode_sheet,
    header_columns,
)
from seminar_plan.load.parse import is_language_code, is_slug
from seminar_plan.load.parse.scalars import FIRST_DATE, LAST_DATE

# Diet words as registration forms write them -> the plan's diet tags.
DIET_NAMES: dict[str, str] = {
    "ハラール": "halal",
    "清真": "halal",
    "ベジタリアン": "vegetarian",
    "菜食": "vegetarian",
    "素食": "vegetarian",
    "ヴィーガン": "vegan",
    "ビーガン": "vegan",
    "纯素": "vegan",
    "豚肉不可": "no-pork",
    "不吃猪肉": "no-pork",
    "牛肉不可": "no-beef",
    "不吃牛肉": "no-beef",
    "グルテンフリー": "gluten-free",
    "无麸质": "gluten-free",
    "なし": "",
    "無": "",
    "无": "",
    "none": "",
}
_DIET_TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
# Language names as registration forms write them -> codes.
LANGUAGE_NAMES: dict[str, str] = {
    "日本語": "ja",
    "japanese": "ja",
    "中国語": "zh",
    "中文": "zh",
    "汉语": "zh",
    "chinese": "zh",
    "英語": "en",
    "英语": "en",
    "english": "en",
    "韓国語": "ko",
    "korean": "ko",
}
_LIST_SPLIT = re.compile(r"[,;/、，・\s]+")
_RANK = re.compile(r"[0-9]{1,9}")
_MOMENT = re.compile(
    r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})[T ]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
    r"\s*(Z|[+-][0-9]{2}:?[0-9]{2})?\Z"
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in one row (``row`` as the spreadsheet numbers it; the header is 1)."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportedPerson:
    """One row that became a ``[people.ID]`` table. A text's ``""`` variant is a plain string."""

    row: int
    id: str
    name: Variants
    title: Variants = ()
    organization: Variants = ()
    notes: Variants = ()
    delegation: str | None = None
    rank: int | None = None
    languages: tuple[str, ...] = ()
    arrive: dt.datetime | None = None
    depart: dt.datetime | None = None
    contact: tuple[tuple[str, str], ...] = ()
    diet: tuple[str, ...] = ()
    hotel: str | None = None


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows read: people from the good rows, a problem per bad row, and unused columns."""

    people: tuple[ImportedPerson, ...]
    problems: tuple[Problem, ...]
    ignored_columns: tuple[str, ...]
    # Rows imported all the same that a person should look at (two rows with one name).
    warnings: tuple[Problem, ...] = ()

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({problem.row for problem in self.problems}))


def _moment(value: str) -> dt.datetime | None:
    """``2025-07-23 15:40``, ``2025/7/23 15:40``, ``2025-07-23T15:40:00+09:00``; else None."""
    match = _MOMENT.match(unicodedata.normalize("NFKC", value).strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    zone: dt.tzinfo | None = None
    if not FIRST_DATE.year <= int(year) <= LAST_DATE.year:
        return None
    try:
        if offset == "Z":
            zone = dt.UTC
        elif offset:
            # An offset of 24 hours or more (+25:00) is no offset: timezone() refuses it.
            digits = offset[1:].replace(":", "")
            delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            zone = dt.timezone(-delta if offset[0] == "-" else delta)
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


class _Row:
    """One data row being read; collects its problems."""

    def __init__(self, number: int, cells: dict[str, str]) -> None:
        self.number = number
        self.cells = cells
        self.problems: list[Problem] = []

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.number, message))

    def text(self, field: str) -> Variants:
        variants = []
        for key, value in self.cells.items():
            base, _, lang = key.partition(".")
            if base == field and value:
                variants.append((lang, value))
        return tuple(sorted(variants, key=lambda variant: variant[0]))

    def rank(self) -> int | None:
        value = unicodedata.normalize("NFKC", self.cells.get("rank", ""))
        if not value:
            return None
        # ASCII digits only (NFKC has made fullwidth ones ASCII): int() would refuse a
        # superscript or a circled digit that isdigit() accepts. Nine digits are plenty.
        if _RANK.fullmatch(value) is None or int(value) < 1:
            self.problem(f"rank {value!r} is not a whole number from 1 (1 = most senior)")
            return None
        return int(value)

    def languages(self) -> tuple[str, ...]:
        value = unicodedata.normalize("NFKC", self.cells.get("languages", ""))
        codes: list[str] = []
        for word in filter(None, _LIST_SPLIT.split(value)):
            code = LANGUAGE_NAMES.get(word.casefold(), word.lower())
            if not is_language_code(code):
                self.problem(
                    f"language {word!r} is not a language code (use codes such as ja, zh, en)"
                )
            elif code not in codes:
                codes.append(code)
        return tuple(codes)

    def moment(self, field: str) -> dt.datetime | None:
        value = self.cells.get(field, "")
        if not value:
            return None
        moment = _moment(value)
        if moment is None:
            self.problem(
                f"{field} {value!r} is not a date and time; write e.g. 2025-07-23 15:40"
                " (event zone) or 2025-07-23T15:40+09:00"
            )
        return moment

    def diet(self) -> tuple[tuple[str, ...], str]:
        """The diet tags, and the words that are no tag (kept in the notes, not lost)."""
        value = unicodedata.normalize("NFKC", self.cells.get("diet", ""))
        tags: list[str] = []
        other: list[str] = []
        for word in filter(None, _LIST_SPLIT.split(value)):
            tag = DIET_NAMES.get(word.casefold(), word.casefold())
            if tag and _DIET_TAG.match(tag):
                if tag not in tags:
                    tags.append(tag)
            elif tag:
                other.append(word)
        return tuple(tags), " ".join(other)

    def slug(self, field: str) -> str | None:
        value = self.cells.get(field, "")
        if not value:
            return None
        if not is_slug(value):
            self.problem(
                f"{field} {value!r} is not an id (lowercase letters, digits, - and _,"
                " starting with a letter or digit)"
            )
            return None
        return value


def _with_note(notes: Variants, extra: str) -> Variants:
    """``notes`` with ``extra`` added to every variant (or as the only note)."""
    if not extra:
        return notes
    if not notes:
        return (("", extra),)
    return tuple((lang, f"{value}; {extra}") for lang, value in notes)


def _person(
    row: _Row, person_id: str, name: Variants, delegation: str | None = None
) -> ImportedPerson:
    """The person of one row; its problems are noted on the row."""
    arrive, depart = row.moment("arrive"), row.moment("depart")
    if arrive and depart and _comparable(arrive, depart) and depart < arrive:
        row.problem(f"departs ({depart:%Y-%m-%d %H:%M}) before arriving ({arrive:%Y-%m-%d %H:%M})")
    diet, other_diet = row.diet()
    notes = row.text("notes")
    # The plan has no flight key on a person (flights are [[flights]] with passengers): the
    # flight is kept in the notes, for whoever writes the [[flights]] tables.
    for label, extra in (("diet", other_diet), ("flight", row.cells.get("flight", ""))):
        notes = _with_note(notes, f"{label}: {extra}" if extra else "")
    return ImportedPerson(
        row=row.number,
        id=person_id,
        name=name,
        title=row.text("title"),
        organization=row.text("organization"),
        notes=notes,
        delegation=row.slug("delegation") or delegation,
        rank=row.rank(),
        languages=row.languages(),
        arrive=arrive,
        depart=depart,
        contact=tuple(
            (field.partition(".")[2], value)
            for field, value in row.cells.items()
            if field.startswith(f"{CONTACT}.") and value
        ),
        diet=diet,
        hotel=row.slug("hotel"),
    )


def _same_name(named: dict[tuple[str, str], int], number: int, name: Variants) -> Problem | None:
    """A warning when a variant of ``name`` was on an earlier row; notes each variant's row."""
    for lang, value in name:
        key = (lang, re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).casefold())
        first = named.setdefault(key, number)
        if first != number:
            return Problem(
                number, f"same name as row {first} ({value!r}): two people, or one twice?"
            )
    return None


def _check_prefix(id_prefix: str) -> None:
    if id_prefix and not is_slug(f"{id_prefix}x"):
        raise SheetError(
            f"id prefix {id_prefix!r} cannot start an id (lowercase letters, digits, - and _)"
        )


def read_people(
    data: bytes,
    mapping: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    delegation: str | None = None,
    id_prefix: str = "",
) -> Sheet:
    """Read the spreadsheet's rows; raises SheetError only when it cannot be read at all.

    ``mapping`` maps a header to a field (``{"Full name": "name.en"}``), overriding the headers
    seminar-plan recognises. ``delegation`` is the delegation of rows that name none;
    ``id_prefix`` goes before the ids made from names (``cn-`` + ``zhang-wei``), not before ids
    the sheet gives. Ids come from the Latin name, else the pinyin or kana reading, so the same
    sheet imported again gives the same ids.
    """
    _check_prefix(id_prefix)
    records = csv_records(decode_sheet(data, encoding))
    if not records:
        raise SheetError("the file is empty; expected a header row, then one row per person")
    headers = [cell.strip() for cell in records[0]]
    columns, ignored = header_columns(headers, mapping or {})

    people: list[ImportedPerson] = []
    problems: list[Problem] = []
    used: dict[str, int] = {}
    named: dict[tuple[str, str], int] = {}
    warnings: list[Problem] = []
    numbered = 0
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        row = _Row(
            number,
            {field: record[i].strip() for i, field in columns.items() if i < len(record)},
        )
        if any(cell.strip() for cell in record[len(headers) :]):
            row.problem(f"has {len(record)} cells but the header has {len(headers)} columns")
        name = row.text("name")
        if not name:
            row.problem("no name")
        if row.cells.get("id"):
            person_id = row.slug("id") or ""
        else:
            person_id = romanised_id(name) or ""
            numbered += not person_id
            person_id = id_prefix + (person_id or f"{NUMBERED_PREFIX}{numbered}")
        person = _person(row, person_id, name, delegation)
        warning = _same_name(named, number, name)
        if warning is not None:
            warnings.append(warning)
        if person.id in used:
            row.problem(
                f"id {person.id!r} is already used by row {used[person.id]}"
                " (the same person twice? else give one of them an id in an 'id' column)"
            )
        elif person.id:
            used[person.id] = number
        if row.problems:
            problems.extend(row.problems)
        else:
            people.append(person)
    return Sheet(tuple(people), tuple(problems), tuple(ignored), tuple(warnings))


def _comparable(first: dt.datetime, second: dt.datetime) -> bool:
    """Both with an offset or both local: a local time's zone is the event's, unknown here."""
    return (first.tzinfo is None) == (second.tzinfo is None)
