"""Reading the sheet: its bytes decoded (UTF-8, a byte-order mark, or a named encoding), its
CSV records, and its header row matched to fields (in English, Japanese or Chinese, or by --map).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence

from seminar_plan import suggest
from seminar_plan.errors import SeminarPlanError
from seminar_plan.language_codes import judge
from seminar_plan.load.parse import is_language_code

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
CONTACT = "contact"
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
_CONTACT_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


class SheetError(SeminarPlanError):
    """The spreadsheet cannot be read at all; the message says why in one line."""


def normalise_header(header: str) -> str:
    """Compare headers loosely: width, case, spaces, ``_``, ``-`` and ``・`` do not matter."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s_\-・]+", "", folded)


# A text column named with its language: "name_ja", "Name (zh)", "title-en", "organisation.ko".
_TEXT_IN_LANGUAGE = re.compile(
    r"(?P<field>[a-z]+)[\s_.:(-]*(?P<lang>[a-z]{2,3}(?:-[a-z0-9]+)*)\)?", re.IGNORECASE
)


def text_in_language(header: str) -> str | None:
    """``FIELD.LANG`` for a header that names a text field (as the header table knows it, so
    "organisation" too) and a language code after it, else None."""
    match = _TEXT_IN_LANGUAGE.fullmatch(unicodedata.normalize("NFKC", header).strip())
    if match is None:
        return None
    field = HEADERS.get(normalise_header(match.group("field")))
    # A real code, in its canonical case ("JA" is ja); not a country code ("jp", "cn", "kr").
    verdict = judge(match.group("lang"))
    if field not in TEXT_FIELDS or verdict.canonical is None or verdict.mistyped:
        return None
    return f"{field}.{verdict.canonical}"


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


def decode_sheet(data: bytes, encoding: str | None = None) -> str:
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


def csv_records(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return list(reader)
    except csv.Error as error:
        raise SheetError(f"row {reader.line_num + 1}: not valid CSV ({error})") from None


def header_columns(
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
        field = by_header.get(key) or HEADERS.get(key) or text_in_language(header)
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
