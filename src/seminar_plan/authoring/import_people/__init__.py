"""``seminar-plan import people``: a registration spreadsheet (CSV) -> ``[people.ID]`` tables.

Columns are recognised by their header, in English, Japanese or Chinese (``氏名``, ``所属``,
``姓名`` ...); ``--map`` names the others. Rows are numbered as the spreadsheet shows them: the
header is row 1. Every problem is reported with its row; the caller decides whether to write the
good rows. Pure: bytes in, data and TOML text out.

The package's modules follow the steps: ``sheet`` (decoding the bytes, the header row),
``names`` (ids from names, romanisation), ``rows`` (the rows read into people and problems),
``output`` (the TOML tables).
"""

from __future__ import annotations

from seminar_plan.authoring.import_people.names import (
    KANA,
    NUMBERED_PREFIX,
    PINYIN,
    Variants,
    romanise_kana,
)
from seminar_plan.authoring.import_people.output import to_toml
from seminar_plan.authoring.import_people.rows import (
    DIET_NAMES,
    LANGUAGE_NAMES,
    ImportedPerson,
    Problem,
    Sheet,
    read_people,
)
from seminar_plan.authoring.import_people.sheet import (
    CONTACT,
    HEADERS,
    MAX_SHEET_BYTES,
    PLAIN_FIELDS,
    TEXT_FIELDS,
    SheetError,
    check_field,
    field_names,
    normalise_header,
)

__all__ = [
    "CONTACT",
    "DIET_NAMES",
    "HEADERS",
    "KANA",
    "LANGUAGE_NAMES",
    "MAX_SHEET_BYTES",
    "NUMBERED_PREFIX",
    "PINYIN",
    "PLAIN_FIELDS",
    "TEXT_FIELDS",
    "ImportedPerson",
    "Problem",
    "Sheet",
    "SheetError",
    "Variants",
    "check_field",
    "field_names",
    "normalise_header",
    "read_people",
    "romanise_kana",
    "to_toml",
]
