"""``seminar-plan import people``: a registration spreadsheet (CSV) -> ``[people.ID]`` tables.

Columns are recognised by their header, in English, Japanese or Chinese (``氏名``, ``所属``,
``姓名`` ...); ``--map`` names the others. Rows are numbered as the spreadsheet shows them: the
header is row 1. Every problem is reported with its row; the caller decides whether to write the
good rows. Pure: bytes in, data and TOML text out.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from seminar_plan import suggest
from seminar_plan.errors import SeminarPlanError
from seminar_plan.exports.conference import slugify
from seminar_plan.load.parse import is_language_code, is_slug
from seminar_plan.load.parse.scalars import FIRST_DATE, LAST_DATE
from seminar_plan.text import printable

TEXT_FIELDS = ("name", "title", "organization", "notes")
PLAIN_FIELDS = (
    "id",
    "delegation",
    "rank",
    "languages",
    "arrive",
    "depart",
    "diet",
    "hotel",
    "flight",
)
# How a name is read, kept as a variant of the name in a BCP 47 script: kana (ja-Hrkt) and
# pinyin (zh-Latn). An id comes from them when the sheet has no Latin name.
KANA = "ja-Hrkt"
PINYIN = "zh-Latn"
CONTACT = "contact"
NUMBERED_PREFIX = "person-"
# A registration sheet of tens of thousands of people is a few MB; past this, refuse.
MAX_SHEET_BYTES = 50 * 1024 * 1024

# Normalised header (see ``normalise_header``) -> field. A header in Japanese or Chinese gives
# that language's variant of a text, so 氏名 and "Name (English)" can stand side by side.
HEADERS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "fullname": "name",
    "participant": "name",
    "氏名": "name.ja",
    "名前": "name.ja",
    "お名前": "name.ja",
    "氏名(漢字)": "name.ja",
    "姓名": "name.zh",
    "中文姓名": "name.zh",
    "中文名": "name.zh",
    "name(en)": "name.en",
    "name(english)": "name.en",
    "englishname": "name.en",
    "nameen": "name.en",
    "英文氏名": "name.en",
    "英語氏名": "name.en",
    "氏名(英語)": "name.en",
    "氏名(英字)": "name.en",
    "氏名(ローマ字)": "name.en",
    "ローマ字": "name.en",
    "ローマ字氏名": "name.en",
    "英文姓名": "name.en",
    "英文名": "name.en",
    "title": "title",
    "position": "title",
    "jobtitle": "title",
    "役職": "title.ja",
    "職名": "title.ja",
    "肩書": "title.ja",
    "肩書き": "title.ja",
    "职务": "title.zh",
    "职位": "title.zh",
    "organization": "organization",
    "organisation": "organization",
    "affiliation": "organization",
    "org": "organization",
    "所属": "organization.ja",
    "所属先": "organization.ja",
    "所属団体": "organization.ja",
    "団体名": "organization.ja",
    "单位": "organization.zh",
    "工作单位": "organization.zh",
    "所属单位": "organization.zh",
    "notes": "notes",
    "note": "notes",
    "remarks": "notes",
    "備考": "notes.ja",
    "备注": "notes.zh",
    "delegation": "delegation",
    "代表団": "delegation",
    "代表团": "delegation",
    "rank": "rank",
    "precedence": "rank",
    "席次": "rank",
    "序列": "rank",
    "languages": "languages",
    "language": "languages",
    "言語": "languages",
    "使用言語": "languages",
    "语言": "languages",
    "arrive": "arrive",
    "arrival": "arrive",
    "到着": "arrive",
    "到着日時": "arrive",
    "抵达": "arrive",
    "抵达时间": "arrive",
    "depart": "depart",
    "departure": "depart",
    "出発": "depart",
    "出発日時": "depart",
    "离开": "depart",
    "离开时间": "depart",
    "email": "contact.email",
    "mail": "contact.email",
    "メール": "contact.email",
    "メールアドレス": "contact.email",
    "电子邮件": "contact.email",
    "邮箱": "contact.email",
    "phone": "contact.phone",
    "tel": "contact.phone",
    "telephone": "contact.phone",
    "mobile": "contact.phone",
    "電話": "contact.phone",
    "電話番号": "contact.phone",
    "携帯電話": "contact.phone",
    "电话": "contact.phone",
    "手机": "contact.phone",
    "wechat": "contact.wechat",
    "微信": "contact.wechat",
    "kana": "name.ja-Hrkt",
    "furigana": "name.ja-Hrkt",
    "フリガナ": "name.ja-Hrkt",
    "ふりがな": "name.ja-Hrkt",
    "カナ": "name.ja-Hrkt",
    "よみがな": "name.ja-Hrkt",
    "ヨミガナ": "name.ja-Hrkt",
    "氏名(カナ)": "name.ja-Hrkt",
    "氏名(フリガナ)": "name.ja-Hrkt",
    "pinyin": "name.zh-Latn",
    "拼音": "name.zh-Latn",
    "姓名拼音": "name.zh-Latn",
    "romanized": "name.en",
    "romanised": "name.en",
    "romaji": "name.en",
    "diet": "diet",
    "dietary": "diet",
    "dietaryrequirements": "diet",
    "食事制限": "diet",
    "食事": "diet",
    "饮食": "diet",
    "饮食禁忌": "diet",
    "饮食要求": "diet",
    "hotel": "hotel",
    "宿泊先": "hotel",
    "ホテル": "hotel",
    "酒店": "hotel",
    "住宿": "hotel",
    "flight": "flight",
    "flightno": "flight",
    "便名": "flight",
    "航班": "flight",
    "航班号": "flight",
}
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
# Kana -> Hepburn romaji, for ids from a kana column (katakana; hiragana is mapped to it).
# fmt: off
_KANA_PAIRS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
}
# fmt: on
_KANA = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ"
        "ワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "o",
            "n",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "a",
            "i",
            "u",
            "e",
            "o",
        ],
        strict=True,
    )
)
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
_CONTACT_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_RANK = re.compile(r"[0-9]{1,9}")
_MOMENT = re.compile(
    r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})[T ]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
    r"\s*(Z|[+-][0-9]{2}:?[0-9]{2})?\Z"
)

Variants = tuple[tuple[str, str], ...]


class SheetError(SeminarPlanError):
    """The spreadsheet cannot be read at all; the message says why in one line."""


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


def normalise_header(header: str) -> str:
    """Compare headers loosely: width, case, spaces, ``_``, ``-`` and ``・`` do not matter."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s_\-・]+", "", folded)


def field_names() -> tuple[str, ...]:
    """The fields ``--map`` may name (a text field may also take ``.LANG``, contact ``.KEY``)."""
    return (*PLAIN_FIELDS, *TEXT_FIELDS, *(f"{f}.LANG" for f in TEXT_FIELDS), "contact.KEY")


def check_field(field: str) -> str | None:
    """Why ``field`` is not a field ``--map`` may name, or None if it is one."""
    base, _, part = field.partition(".")
    if not part and field in (*PLAIN_FIELDS, *TEXT_FIELDS):
        return None
    if part and base in TEXT_FIELDS and is_language_code(part):
        return None
    if part and base == CONTACT and _CONTACT_KEY.match(part):
        return None
    close = suggest.did_you_mean(field, [*PLAIN_FIELDS, *TEXT_FIELDS])
    hint = f"; {close}" if close else ""
    return f"unknown field {field!r}{hint} (fields: {', '.join(field_names())})"


# A byte-order mark names its encoding for sure (UTF-32 first: its LE mark starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, encoding: str | None = None) -> str:
    """The sheet's text: in ``encoding`` when given (shift_jis, gb18030, utf-16...), else UTF-8
    or what a byte-order mark says."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SheetError(
                f"unknown encoding {encoding!r} (e.g. utf-8, shift_jis, cp932, gb18030, utf-16)"
            ) from None
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise SheetError(f"line {line}: the file is not valid {encoding}") from None
    for mark, marked in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(marked)
            except UnicodeDecodeError:
                name = marked.upper()
                raise SheetError(
                    f"the file has a {name} byte-order mark but is not valid {name};"
                    " save it from the spreadsheet as 'CSV UTF-8' and import that"
                ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            data.decode("cp932")
        except UnicodeDecodeError:
            guess = ""
        else:
            guess = " (it looks like Shift_JIS, Excel's default on Japanese Windows)"
        message = (
            f"line {line}: the file is not UTF-8{guess};"
            " save it from the spreadsheet as 'CSV UTF-8' and import that"
        )
        raise SheetError(message) from None


def _records(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return list(reader)
    except csv.Error as error:
        raise SheetError(f"row {reader.line_num + 1}: not valid CSV ({error})") from None


def _columns(
    headers: Sequence[str], mapping: Mapping[str, str]
) -> tuple[dict[int, str], list[str]]:
    """Column index -> field, and the headers left unused; a SheetError if they cannot work."""
    by_header = {normalise_header(header): field for header, field in mapping.items()}
    present = {normalise_header(header) for header in headers}
    for header in mapping:
        if normalise_header(header) not in present:
            listing = ", ".join(repr(h) for h in headers if h.strip())
            close = suggest.did_you_mean(header, headers)
            hint = f"; {close}" if close else ""
            raise SheetError(
                f"--map names a column {header!r} the sheet does not have{hint}"
                f" (its columns: {listing})"
            )
    for target in mapping.values():
        problem = check_field(target)
        if problem is not None:
            raise SheetError(f"--map: {problem}")

    columns: dict[int, str] = {}
    given_by: dict[str, str] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        key = normalise_header(header)
        field = by_header.get(key) or HEADERS.get(key)
        if field is None:
            if header.strip():
                ignored.append(header)
            continue
        if field in given_by:
            raise SheetError(
                f"row 1: columns {given_by[field]!r} and {header!r} both give {field};"
                f" map one of them to another field, e.g. --map '{header}=notes'"
            )
        given_by[field] = header
        columns[index] = field

    if not any(field.partition(".")[0] == "name" for field in columns.values()):
        listing = ", ".join(repr(h) for h in headers if h.strip()) or "none"
        raise SheetError(
            f"row 1: no name column (the columns are: {listing}); call it 'name' or '氏名',"
            " or map it: --map 'COLUMN=name'"
        )
    for text_field in TEXT_FIELDS:
        if text_field in given_by and any(field.startswith(f"{text_field}.") for field in given_by):
            header = given_by[text_field]
            raise SheetError(
                f"row 1: column {header!r} gives the {text_field} in no particular language"
                f" beside columns in named languages; say which language it is in,"
                f" e.g. --map '{header}={text_field}.en'"
            )
    return columns, ignored


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


def _is_latin(value: str) -> bool:
    letters = [char for char in unicodedata.normalize("NFKC", value) if char.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)


def romanise_kana(value: str) -> str | None:
    """Kana in Hepburn romaji (``サトウ タロウ`` -> ``satou tarou``); None if ``value`` has
    anything but kana, the long-vowel mark and spaces."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)
    out: list[str] = []
    index = 0
    double = False
    while index < len(text):
        pair, char = text[index : index + 2], text[index]
        if pair in _KANA_PAIRS or char in _KANA:
            syllable = _KANA_PAIRS.get(pair) or _KANA[char]
            index += 2 if pair in _KANA_PAIRS else 1
            out.append(syllable[0] + syllable if double else syllable)
            double = False
        elif char == "ッ":
            double, index = True, index + 1
        elif char == "ー" or char.isspace():
            out.append(" " if char.isspace() else "")
            index += 1
        else:
            return None
    romaji = "".join(out).strip()
    return romaji or None


def _romanised_id(name: Variants) -> str | None:
    """The id from the name in Latin letters (English first, then pinyin or any other), else
    from its kana reading; None if the name has neither."""
    for _, value in sorted(name, key=lambda variant: variant[0] != "en"):
        if _is_latin(value):
            slug = slugify(unicodedata.normalize("NFKC", value))
            if slug:
                return slug
    for lang, value in name:
        romaji = romanise_kana(value) if lang == KANA else None
        if romaji:
            return slugify(romaji) or None
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
    records = _records(_decode(data, encoding))
    if not records:
        raise SheetError("the file is empty; expected a header row, then one row per person")
    headers = [cell.strip() for cell in records[0]]
    columns, ignored = _columns(headers, mapping or {})

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
            person_id = _romanised_id(name) or ""
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


def _text_value(variants: Variants) -> str | dict[str, str]:
    if len(variants) == 1 and variants[0][0] == "":
        return variants[0][1]
    return dict(variants)


def to_toml(people: Sequence[ImportedPerson], source: str, target: str | None = None) -> str:
    """The people as ``[people.ID]`` tables (written by tomli-w), with a note on using them.

    ``target`` is the name of the file being written, for the note (None: standard output).
    """
    import tomli_w

    tables: dict[str, dict[str, object]] = {}
    for person in people:
        table: dict[str, object] = {"name": _text_value(person.name)}
        for key, variants in (("title", person.title), ("organization", person.organization)):
            if variants:
                table[key] = _text_value(variants)
        optional = (
            ("delegation", person.delegation),
            ("rank", person.rank),
            ("languages", list(person.languages) or None),
            ("arrive", person.arrive),
            ("depart", person.depart),
            ("contact", dict(person.contact) or None),
            ("hotel", person.hotel),
            ("diet", list(person.diet) or None),
        )
        table.update((key, value) for key, value in optional if value is not None)
        if person.notes:
            table["notes"] = _text_value(person.notes)
        tables[person.id] = table
    # File names go into comments: shown on one line with their control characters escaped,
    # so that no name can end the comment and add tables of its own.
    include = printable(json.dumps(target, ensure_ascii=False), one_line=True)
    use = (
        f"# Add `include = [{include}]` to seminar.toml, or paste the tables into it.\n"
        if target is not None
        else "# Save this as a file and include it from seminar.toml, or paste the tables in.\n"
    )
    header = (
        f"# People imported from {printable(source, one_line=True)}"
        " by `seminar-plan import people`.\n"
        + use
        + "# A time without an offset is in the event's zone.\n\n"
    )
    return header + tomli_w.dumps({"people": tables})
