"""Importing people from a registration spreadsheet: headers, ids, row-numbered problems."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import plan_text
from seminar_plan import check, load_text
from seminar_plan.authoring.import_people import (
    ImportedPerson,
    SheetError,
    check_field,
    normalise_header,
    read_people,
    to_toml,
)

BOM = "\ufeff"
JAPANESE = (
    "氏名,氏名（ローマ字）,所属,役職,代表団,言語,到着,出発,メール,受付番号\n"
    "安田,YASUDA Taro,クレア,理事長,japan,日本語,2025/7/23 15:40,2025-07-26 13:30,"
    "a@example.invalid,1\n"
    "王伟,,郑州市,主任,china,中文、英語,2025-07-23T10:00+08:00,,,2\n"
    "\n"
    ",,,,,,,,,\n"
    "陈静,,郑州市,,china,zh,,,,3\n"
)


def sheet(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def test_japanese_headers_with_a_bom() -> None:
    result = read_people(sheet(BOM + JAPANESE))
    assert result.problems == ()
    assert result.ignored_columns == ("受付番号",)
    yasuda, wang, chen = result.people
    assert yasuda == ImportedPerson(
        row=2,
        id="yasuda-taro",
        name=(("en", "YASUDA Taro"), ("ja", "安田")),
        title=(("ja", "理事長"),),
        organization=(("ja", "クレア"),),
        delegation="japan",
        languages=("ja",),
        # Local times, as the sheet wrote them: the plan reads them in the event's zone.
        arrive=dt.datetime.fromisoformat("2025-07-23T15:40"),
        depart=dt.datetime.fromisoformat("2025-07-26T13:30"),
        contact=(("email", "a@example.invalid"),),
    )
    assert (wang.row, wang.id, wang.languages) == (3, "person-1", ("zh", "en"))
    assert wang.arrive == dt.datetime(2025, 7, 23, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    # Blank rows are skipped but still counted: the row numbers are the spreadsheet's.
    assert (chen.row, chen.id) == (6, "person-2")


def test_plain_utf8_and_english_headers() -> None:
    text = "Full Name,Organisation,Rank,E-mail\nZoë Müller,City of Graz,2,z@example.invalid\n"
    (person,) = read_people(sheet(text)).people
    assert (person.id, person.name, person.rank) == ("zoe-muller", (("", "Zoë Müller"),), 2)
    assert person.organization == (("", "City of Graz"),)


def test_the_output_loads_and_checks_clean_in_a_plan() -> None:
    result = read_people(sheet(BOM + JAPANESE))
    people = to_toml(result.people, "registration.csv", "guests-2025.toml")
    assert people.startswith(
        "# People imported from registration.csv by `seminar-plan import people`.\n"
        '# Add `include = ["guests-2025.toml"]` to seminar.toml'
    )
    loaded = load_text(plan_text().split("[people.aoki]")[0] + "\n" + people)
    assert loaded.plan is not None
    assert check(loaded) == []
    assert [p.id for p in loaded.plan.people] == ["yasuda-taro", "person-1", "person-2"]
    yasuda = loaded.plan.person_by_id["yasuda-taro"]
    assert yasuda.name.get(("en",)) == "YASUDA Taro"
    assert yasuda.contact == (("email", "a@example.invalid"),)
    assert yasuda.arrive is not None
    assert yasuda.arrive.isoformat() == "2025-07-23T15:40:00+08:00"


def test_text_that_needs_escaping_survives() -> None:
    text = 'name,notes\n"Smith, Jo","says ""hi""\\n and = more"\n'
    result = read_people(sheet(text))
    loaded = load_text(plan_text() + "\n" + to_toml(result.people, "x.csv"))
    assert loaded.plan is not None
    smith = loaded.plan.person_by_id["smith-jo"]
    assert smith.notes is not None
    assert smith.notes.get(()) == 'says "hi"\\n and = more'


def test_every_problem_row_is_reported_with_its_number() -> None:
    text = (
        "id,name,rank,languages,arrive,depart,delegation\n"
        "ok,Good Person,1,ja,,,japan\n"
        "Bad Id,Someone,,,,,\n"
        "x,,,,,,\n"
        "y,Why,first,,,,\n"
        "z,Zed,,japanese-ish!,,,\n"
        "w,Wu,,,tomorrow,,\n"
        "v,Vee,,,2025-07-24 10:00,2025-07-23 10:00,\n"
        "u,You,,,,,日本側\n"
        "ok,Again,,,,,\n"
        "t,Tee,,,,,,extra\n"
    )
    result = read_people(sheet(text))
    assert [p.id for p in result.people] == ["ok"]
    assert [str(p) for p in result.problems] == [
        (
            "row 3: id 'Bad Id' is not an id (lowercase letters, digits, - and _,"
            " starting with a letter or digit)"
        ),
        "row 4: no name",
        "row 5: rank 'first' is not a whole number from 1 (1 = most senior)",
        "row 6: language 'japanese-ish!' is not a language code (use codes such as ja, zh, en)",
        (
            "row 7: arrive 'tomorrow' is not a date and time; write e.g. 2025-07-23 15:40"
            " (event zone) or 2025-07-23T15:40+09:00"
        ),
        "row 8: departs (2025-07-23 10:00) before arriving (2025-07-24 10:00)",
        (
            "row 9: delegation '日本側' is not an id (lowercase letters, digits, - and _,"
            " starting with a letter or digit)"
        ),
        (
            "row 10: id 'ok' is already used by row 2 (the same person twice? else give one of"
            " them an id in an 'id' column)"
        ),
        "row 11: has 8 cells but the header has 7 columns",
    ]
    assert result.bad_rows == (3, 4, 5, 6, 7, 8, 9, 10, 11)


def test_two_people_with_one_name_are_reported_not_merged() -> None:
    result = read_people(sheet("name\nWang Wei\nWang Wei\n"))
    assert [p.id for p in result.people] == ["wang-wei"]
    assert [p.row for p in result.problems] == [3]


def test_shift_jis_is_refused_with_the_line_and_a_fix() -> None:
    data = sheet("name,organization\nYasuda,クレア\n", "cp932")
    with pytest.raises(SheetError) as caught:
        read_people(data)
    assert str(caught.value) == (
        "line 2: the file is not UTF-8 (it looks like Shift_JIS, Excel's default on Japanese"
        " Windows); save it from the spreadsheet as 'CSV UTF-8' and import that"
    )


def test_no_name_column() -> None:
    with pytest.raises(SheetError, match=r"^row 1: no name column \(the columns are: 'a', 'b'\)"):
        read_people(sheet("a,b\n1,2\n"))


def test_an_empty_file() -> None:
    with pytest.raises(SheetError, match="the file is empty"):
        read_people(b"")


def test_two_columns_for_one_field() -> None:
    with pytest.raises(SheetError, match=r"columns 'email' and 'メール' both give contact\.email"):
        read_people(sheet("name,email,メール\nA,a,b\n"))


def test_a_plain_name_beside_a_japanese_one_needs_a_language() -> None:
    with pytest.raises(SheetError, match=r"--map 'Name=name.en'"):
        read_people(sheet("Name,氏名\nYasuda,安田\n"))
    (person,) = read_people(sheet("Name,氏名\nYasuda,安田\n"), {"Name": "name.en"}).people
    assert person.name == (("en", "Yasuda"), ("ja", "安田"))


def test_a_text_column_named_with_its_language_gives_that_language() -> None:
    text = "name_en,Name (JA),title-zh,Organisation.ko,name_jp\nYasuda,安田,理事长,클레어,x\n"
    result = read_people(sheet(text))
    (person,) = result.people
    assert person.name == (("en", "Yasuda"), ("ja", "安田"))
    assert (person.title, person.organization) == ((("zh", "理事长"),), (("ko", "클레어"),))
    # A country code is not a language: left out, and said so (map it to name.ja to keep it).
    assert result.ignored_columns == ("name_jp",)


def test_map_names_other_columns() -> None:
    text = "Participant's name,Company,Seat\nAlex Lee,ACME,3\n"
    result = read_people(sheet(text), {"Participant's name": "name", "company": "organization"})
    (person,) = result.people
    assert (person.id, person.organization) == ("alex-lee", (("", "ACME"),))
    assert result.ignored_columns == ("Seat",)


def test_map_refuses_an_unknown_column_or_field() -> None:
    with pytest.raises(SheetError, match=r"does not have; did you mean 'Company'\?"):
        read_people(sheet("name,Company\nA,B\n"), {"Compnay": "organization"})
    with pytest.raises(SheetError, match=r"unknown field 'nam'; did you mean 'name'\?"):
        read_people(sheet("name,Company\nA,B\n"), {"Company": "nam"})


def test_fields_map_may_name() -> None:
    for field in ("name", "name.en", "title.zh-Hant", "contact.line", "rank", "arrive"):
        assert check_field(field) is None
    for field in ("contact", "rank.en", "name.Japanese", "colour"):
        assert check_field(field) is not None


def test_headers_are_compared_loosely() -> None:
    assert normalise_header(" E-Mail ") == "email"
    assert normalise_header("氏名（ローマ字）") == "氏名(ローマ字)"
    assert normalise_header("ＮＡＭＥ") == "name"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_sheet_with_a_utf16_or_utf32_byte_order_mark_is_read_as_such(encoding: str) -> None:
    data = sheet("name,organization\n安田,クレア\n", encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data
    (person,) = read_people(data).people
    assert person.name == (("", "安田"),)


def test_a_broken_utf16_sheet_is_named_for_its_mark() -> None:
    with pytest.raises(SheetError, match="has a UTF-16 byte-order mark but is not valid UTF-16"):
        read_people(b"\xff\xfen\x00a\x00\x00\xd8")


def test_a_rank_in_fullwidth_or_superscript_digits_reads_as_its_number() -> None:
    # NFKC, as for every cell: what a Japanese IME types (１２) is the number.
    assert [p.rank for p in read_people(sheet("name,rank\nA,１２\nB,²\n")).people] == [12, 2]


@pytest.mark.parametrize("rank", ["❶", "٣", "1" * 5000, "0", "-1"])
def test_a_rank_in_other_digits_is_a_problem_of_its_row(rank: str) -> None:
    result = read_people(sheet(f"name,rank\nA,{rank}\n"))
    assert result.people == ()
    (problem,) = result.problems
    assert "is not a whole number from 1" in problem.message


@pytest.mark.parametrize(
    "moment",
    ["2025-07-23T15:40+25:00", "2025-07-23 15:40 -24:00", "0001-01-01 00:00", "9999-12-31 23:59"],
)
def test_impossible_offsets_and_years_are_problems_of_their_row(moment: str) -> None:
    result = read_people(sheet(f"name,arrive\nA,{moment}\n"))
    assert result.people == ()
    (problem,) = result.problems
    assert "is not a date and time" in problem.message


def test_file_names_cannot_add_tables_through_the_comments() -> None:
    import tomllib

    people = read_people(sheet("name\nYasuda\n")).people
    written = to_toml(
        people, 'reg\n[people.evil]\nname = "x"\n.csv', 'p"]\n[people.bad]\nname="y"\n#\x1b.toml'
    )
    assert tomllib.loads(written) == {"people": {"yasuda": {"name": "Yasuda"}}}
    assert written.split("\n")[:2] == [
        (
            '# People imported from reg\\n[people.evil]\\nname = "x"\\n.csv by `seminar-plan import'
            " people`."
        ),
        (
            '# Add `include = ["p\\"]\\n[people.bad]\\nname=\\"y\\"\\n#\\u001b.toml"]` to'
            " seminar.toml, or paste the tables into it."
        ),
    ]


# --- registration sheets: readings, delegations, prefixes, diet, hotel, flight, encodings -------

READINGS = (
    "氏名,フリガナ,拼音,食事制限,宿泊先,便名\n"
    "佐藤 太郎,サトウ タロウ,,ハラール、卵アレルギー,garden-hotel,NH961\n"
    "张伟,,Zhāng Wěi,素食,garden-hotel,\n"
    "きっかわ しょう,きっかわ しょう,,なし,,\n"
)


def test_ids_from_kana_and_pinyin_readings_are_stable() -> None:
    first = read_people(sheet(READINGS))
    assert first.problems == ()
    assert [p.id for p in first.people] == ["satou-tarou", "zhang-wei", "kikkawa-shou"]
    again = read_people(sheet(READINGS))
    assert [p.id for p in again.people] == [p.id for p in first.people]
    sato = first.people[0]
    assert sato.name == (("ja", "佐藤 太郎"), ("ja-Hrkt", "サトウ タロウ"))


def test_diet_hotel_and_flight_columns() -> None:
    sato, zhang, kikkawa = read_people(sheet(READINGS)).people
    assert (sato.diet, sato.hotel) == (("halal",), "garden-hotel")
    # What is no diet tag, and the flight (a person has no flight key), go into the notes.
    assert sato.notes == (("", "diet: 卵アレルギー; flight: NH961"),)
    assert (zhang.diet, zhang.notes) == (("vegetarian",), ())
    assert (kikkawa.diet, kikkawa.hotel) == ((), None)


def test_the_imported_people_check_clean_in_a_plan() -> None:
    people = read_people(sheet(READINGS), delegation="japan").people
    text = plan_text("[venues.garden-hotel]\nname = 'Garden'\n\n" + to_toml(people, "r.csv"))
    loaded = load_text(text, "p.toml")
    schema_problems = [f for f in check(loaded) if f.code in ("schema", "unknown-ref")]
    assert schema_problems == []
    assert loaded.plan is not None
    sato = loaded.plan.person_by_id["satou-tarou"]
    assert sato.delegation == "japan"


def test_delegation_for_rows_that_name_none_and_a_prefix_for_made_ids() -> None:
    text = "name,delegation,id\nZhang Wei,,\nLi Na,china,\nWang,,wang-given\n"
    people = read_people(sheet(text), delegation="guests", id_prefix="cn-").people
    assert [(p.id, p.delegation) for p in people] == [
        ("cn-zhang-wei", "guests"),
        ("cn-li-na", "china"),
        ("wang-given", "guests"),
    ]
    with pytest.raises(SheetError, match="id prefix 'CN ' cannot start an id"):
        read_people(sheet(text), id_prefix="CN ")


def test_duplicate_names_are_flagged_but_imported() -> None:
    text = "name,id\nYASUDA Taro,yasuda\nYasuda  Taro,yasuda-2\n"
    result = read_people(sheet(text))
    assert [p.id for p in result.people] == ["yasuda", "yasuda-2"]
    assert [str(w) for w in result.warnings] == [
        "row 3: same name as row 2 ('Yasuda  Taro'): two people, or one twice?"
    ]


@pytest.mark.parametrize("encoding", ["shift_jis", "cp932", "gb18030", "utf-16"])
def test_sheets_in_the_encodings_offices_save(encoding: str) -> None:
    text = "氏名,所属\n安田,クレア\n" if "gb" not in encoding else "姓名,单位\n王伟,郑州市\n"
    people = read_people(text.encode(encoding), encoding=encoding).people
    assert people[0].name[0][1] in ("安田", "王伟")


def test_a_wrong_or_unknown_encoding_is_one_clear_line() -> None:
    with pytest.raises(SheetError, match="line 2: the file is not valid shift_jis"):
        read_people("name\n王伟😀\n".encode(), encoding="shift_jis")
    with pytest.raises(SheetError, match="unknown encoding 'sjis2'"):
        read_people(b"name\nx\n", encoding="sjis2")


def test_kana_romanisation() -> None:
    from seminar_plan.authoring.import_people import romanise_kana

    assert romanise_kana("サトウ タロウ") == "satou tarou"
    assert romanise_kana("きっかわ") == "kikkawa"
    assert romanise_kana("チョウ") == "chou"
    assert romanise_kana("ｻﾄｳ") == "satou"
    assert romanise_kana("佐藤") is None
