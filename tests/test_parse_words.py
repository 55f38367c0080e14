"""The loader's words: every finding of the parser names a catalogue template, shown in
Japanese, Chinese and Korean with no English word but key names and the plan's own text.

``BAD_PLANS`` is a corpus of plans with one or a few mistakes each; together they make every
template of the ``[load]`` and ``[load-hint]`` tables but those of reading files (tested in
test_read.py). English is held to the text it always had by the tests of each table and the
golden files.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, flight, plan_text, session
from loader_words import KEY_NAMES, english_left, foreign_words, keys
from seminar_plan import load_text
from seminar_plan.findings import Finding
from seminar_plan.language_codes import MISTYPED_COUNTRIES
from seminar_plan.load.parse.words import did_you_mean, meant, quoted, type_name, unquoted
from seminar_plan.locales import catalogue
from seminar_plan.messages import Message, render

LANGUAGES = ("ja", "zh", "ko")


def cue(at: str = "09:30", what: str = "Bell") -> str:
    return f'[[sessions.cues]]\nat = "{at}"\nwhat = "{what}"\n'


# Berlin's clocks skip 02:00-03:00 on 2025-03-30.
DST = BASE.replace('timezone = "Asia/Shanghai"', 'timezone = "Europe/Berlin"').replace(
    "start = 2025-07-23\nend = 2025-07-24", "start = 2025-03-29\nend = 2025-03-30"
)
GOOD = session("a", "09:00", "10:00")
TRANSFER = session("bus", "08:00", "08:30", kind="transfer")
WITH_AIRPORT = '[venues.airport]\nname = "Airport"\n'

BAD_PLANS: dict[str, str] = {
    # collect.py: files, tables, ids shared between tables
    "integer out of range": plan_text(
        '[rooms.big]\nvenue = "center"\ncapacity = 99999999999999999999\n'
    ),
    "no event": 'format = 1\n[venues.x]\nname = "X"\n',
    "format": BASE.replace("format = 1", "format = 0"),
    "check not a table": "check = 1\n" + BASE,
    "flights not an array": "flights = 1\n" + BASE,
    "sessions entry not a table": "sessions = [1]\n" + BASE,
    "group with a person's id": plan_text('[groups.aoki]\nmembers = ["chen"]\n'),
    "session twice": plan_text(GOOD + GOOD),
    # parser.py: keys and values of every table
    "unknown key": plan_text(session("a", "09:00", "10:00", spekers=["aoki"])),
    "unknown key, nothing near": plan_text('[venues.x]\nname = "X"\nzzzzzz = 1\n'),
    "missing name": plan_text('[people.x]\ntitle = "t"\n'),
    "language twice": plan_text('[venues.x]\nname = { ja = "a", JA = "b" }\n'),
    "variant not a string": plan_text("[venues.x]\nname = { ja = 1 }\n"),
    "name a boolean": plan_text("[venues.x]\nname = true\n"),
    "name an integer": plan_text("[venues.x]\nname = 1\n"),
    "name a float": plan_text("[venues.x]\nname = 1.5\n"),
    "name a list": plan_text("[venues.x]\nname = []\n"),
    "name an empty table": plan_text("[venues.x]\nname = {}\n"),
    "event date in quotes": BASE.replace("start = 2025-07-23", 'start = "2025-07-23"'),
    "arrival in quotes, no seconds": plan_text(
        '[people.x]\nname = "X"\narrive = "2025-07-22 17:00"\n'
    ),
    "capacity a string": BASE.replace("capacity = 100", 'capacity = "many"'),
    "capacity a date-time": BASE.replace("capacity = 100", "capacity = 2025-01-01T00:00:00"),
    "capacity a date": BASE.replace("capacity = 100", "capacity = 2025-01-01"),
    "capacity a time": BASE.replace("capacity = 100", "capacity = 10:00:00"),
    "headcount negative": BASE.replace("headcount = 5", "headcount = -5"),
    "delegation not a string": BASE.replace('delegation = "china"', "delegation = 1"),
    "kind misspelt": plan_text(session("a", "09:00", "10:00", kind="keynot")),
    "optional not a boolean": plan_text(session("a", "09:00", "10:00", optional=1)),
    "venue empty": BASE.replace('venue = "center"', 'venue = ""'),
    "speakers a string": plan_text(session("a", "09:00", "10:00", speakers="aoki")),
    "speakers a number": plan_text(session("a", "09:00", "10:00", speakers=1)),
    "speaker a number": plan_text(session("a", "09:00", "10:00", speakers=[1])),
    "speaker twice": plan_text(session("a", "09:00", "10:00", speakers=["aoki", "aoki"])),
    "languages a string": plan_text('[people.x]\nname = "X"\nlanguages = "ja"\n'),
    "language a number": plan_text('[people.x]\nname = "X"\nlanguages = [1]\n'),
    "not a language": BASE.replace('language = "ja"', 'language = "Japanese"'),
    "Kanuri": BASE.replace('language = "ja"', 'language = "kr"'),
    "Northern Sami": BASE.replace('language = "ja"', 'language = "se"'),
    "Twi": BASE.replace('language = "ja"', 'language = "tw"'),
    "clock": plan_text(session("a", "25:00", "26:00")),
    "contact not a table": plan_text('[people.x]\nname = "X"\ncontact = 1\n'),
    "contact not single": plan_text('[people.x]\nname = "X"\ncontact = { phone = [1] }\n'),
    "ids not slugs": plan_text(
        '[people.Bad_Name]\nname = "B"\n[venues.V]\n[rooms.R]\nvenue = "center"\n'
        "[delegations.D]\n[groups.G]\n[vehicles.C]\nseats = 4\n[tracks.T]\n"
        + session("S", "09:00", "10:00")
        + WITH_AIRPORT
        + flight("F", "arrival", "2025-07-23T09:00:00", "2025-07-23T10:00:00")
    ),
    # event.py
    "languages empty": BASE.replace('languages = ["ja", "zh", "en"]', "languages = []"),
    "no timezone": BASE.replace('timezone = "Asia/Shanghai"\n', ""),
    "unknown zone": BASE.replace("Asia/Shanghai", "Mars/Olympus"),
    "misspelt zone": BASE.replace("Asia/Shanghai", "Asia/Shangai"),
    "no start": BASE.replace("start = 2025-07-23\n", ""),
    "start a string": BASE.replace("start = 2025-07-23", 'start = "2025-07-23"'),
    "start long ago": BASE.replace("start = 2025-07-23", "start = 1800-07-23"),
    "ends before it starts": BASE.replace("end = 2025-07-24", "end = 2025-07-22"),
    "too long": BASE.replace("end = 2025-07-24", "end = 2027-07-24"),
    "day not a number": plan_text('[days.x]\nlabel = "X"\n'),
    "day outside": plan_text('[days.9]\nlabel = "X"\n'),
    "unknown codes": plan_text(
        '[check]\nignore = ["room-overlapp"]\n[check.severity]\nroom-overlap = "fatal"\n'
        'zzz = "error"\n'
    ),
    "check duration": plan_text('[check]\nlanding_buffer = "forever"\n'),
    # people.py
    "departs before arriving": plan_text(
        '[people.x]\nname = "X"\narrive = 2025-07-24T10:00:00\ndepart = 2025-07-23T10:00:00\n'
    ),
    "arrive not a date-time": plan_text('[people.x]\nname = "X"\narrive = "tomorrow"\n'),
    "arrive long ago": plan_text('[people.x]\nname = "X"\narrive = 1800-07-23T10:00:00\n'),
    # sessions.py
    "session without id": plan_text(GOOD.replace('id = "a"\n', "")),
    "id a number": plan_text(GOOD.replace('id = "a"', "id = 1")),
    "vehicles and to off a transfer": plan_text(
        session("a", "09:00", "10:00", vehicles=["car"], to="hotel")
    ),
    "day and date": plan_text(GOOD.replace("day = 1", "day = 1\ndate = 2025-07-23")),
    "neither day nor date": plan_text(GOOD.replace("day = 1\n", "")),
    "day empty": plan_text(GOOD.replace("day = 1", "day = []")),
    "day listed 400 times": plan_text(GOOD.replace("day = 1", f"day = [{', '.join(['1'] * 400)}]")),
    "day a string": plan_text(GOOD.replace("day = 1", 'day = ["x"]')),
    "date a string": plan_text(GOOD.replace("day = 1", 'date = "x"')),
    "day twice": plan_text(GOOD.replace("day = 1", "day = [1, 1]")),
    "no start time": plan_text(GOOD.replace('start = "09:00"\n', "")),
    "end and duration": plan_text(GOOD + 'duration = "1h"\n'),
    "neither end nor duration": plan_text(GOOD.replace('end = "10:00"\n', "")),
    "duration unreadable": plan_text(GOOD.replace('end = "10:00"', 'duration = "long"')),
    "cues not an array": plan_text(GOOD + "cues = 1\n"),
    "cue not a table": plan_text(GOOD + "cues = [1]\n"),
    "cue without at": plan_text(GOOD + '[[sessions.cues]]\nwhat = "Bell"\n'),
    "day outside the event": plan_text(session("a", "09:00", "10:00", day=9)),
    "ends before it starts (session)": plan_text(session("a", "10:00", "09:00")),
    "past midnight": plan_text(GOOD.replace('end = "10:00"', 'duration = "20h"')),
    "cue outside": plan_text(GOOD + cue("11:00")),
    "starts in the skipped hour": plan_text(session("a", "02:30", "04:00", day=2), DST),
    "ends in the skipped hour": plan_text(session("a", "01:00", "02:30", day=2), DST),
    "arrives in the skipped hour": plan_text(
        '[people.x]\nname = "X"\narrive = 2025-03-30T02:30:00\n', DST
    ),
    "cue in the skipped hour": plan_text(session("a", "01:00", "04:00", day=2) + cue("02:30"), DST),
    # flights.py
    "flights": plan_text(
        WITH_AIRPORT
        + flight("f1", "arrival", "2025-07-23T09:00:00", "2025-07-23T08:00:00")
        + flight("f1", "arrival", "2025-07-23T09:00:00", "2025-07-23T10:00:00")
        + flight("f2", "arrival", "1800-07-23T09:00:00", "2025-07-23T10:00:00")
        + flight("f3", "arrival", "2025-07-23T09:00:00", '"noon"').replace(
            'number = "F3"', 'number = " "'
        )
        + '[[flights]]\nairport = "nowhere"\npassengers = ["nobody"]\n'
        + '[[flights]]\nid = "f4"\n'
    ),
    # lodging.py
    "lodging": plan_text(
        '[people.x]\nname = "X"\nlodging = 1\ndiet = "halal"\n'
        '[people.y]\nname = "Y"\ndiet = 1\n[people.z]\nname = "Z"\ndiet = [1]\n'
        '[groups.g]\nmembers = ["aoki"]\ndiets = 1\n'
    ),
    "bookings": plan_text(
        '[[bookings]]\nrooms = 1\n[[bookings]]\nhotel = "hotel"\nfrom = "x"\nto = "y"\nrooms = 1\n'
        '[[bookings]]\nhotel = "hotel"\nfrom = 2025-07-23\nto = 2025-07-22\nrooms = 1\n'
        '[[bookings]]\nhotel = "hotel"\nfrom = 2025-07-23\nto = 2027-07-22\nrooms = 1\n'
    ),
    # venues.py, vehicles.py
    "room closes before it opens": BASE.replace(
        "capacity = 100", 'capacity = 100\nopen = "18:00"\nclose = "09:00"'
    ),
    "travel": plan_text(
        '[[travel]]\nbetween = ["hotel", "center"]\nminutes = 20000\n'
        "[[travel]]\nminutes = 5\n"
        '[[travel]]\nbetween = ["hotel", "hotel"]\nminutes = 5\n'
    ),
    "room without venue": plan_text('[rooms.x]\nname = "X"\n'),
    "vehicle without seats": plan_text('[vehicles.x]\nname = "X"\n'),
    # references.py
    "unknown references": plan_text(
        session("a", "09:00", "10:00", room="hal", attendees=["zzzzzz"])
        + '[people.x]\nname = "X"\ndelegation = "zzzzzz"\n'
    ),
    "unknown references, no ids to suggest": BASE.split("[delegations.japan]")[0]
    + session("a", "09:00", "10:00", kind="transfer", attendees=["x"], vehicles=["bus"]),
    "room at another venue": plan_text(session("a", "09:00", "10:00", room="hall", venue="hotel")),
}

# Keys the corpus cannot make: reading files (test_read.py makes them), a moment that passes
# the years check but cannot be converted (no zone moves a date of 1900..9998 out of what
# datetime holds: kept for safety), and the refusals to load a plan at all, exit 2
# (test_cli_languages.py makes them).
MADE_ELSEWHERE = frozenset(
    {
        "load.read-failed",
        "load.too-large",
        "load.moment-out-of-range",
        "load.newer-format",
        "load.too-many-sessions",
        "load.no-plan",
        "load.folder-without-plan",
    }
)
READ_PREFIXES = ("load.include", "load.file.", "load-hint.include")
SYNTAX_PREFIXES = ("load.toml.", "load.invalid-toml", "load-hint.fix-syntax")


def findings(text: str) -> tuple[Finding, ...]:
    return load_text(text).findings


def loader_keys() -> set[str]:
    return {key for key in catalogue("en") if key.startswith(("load.", "load-hint."))}


@pytest.mark.parametrize("name", BAD_PLANS)
def test_each_bad_plan_is_reported_in_templates(name: str) -> None:
    found = findings(BAD_PLANS[name])
    assert found, name
    for finding in found:
        assert isinstance(finding.text, Message), (name, finding.message)
        assert finding.hint_text is None or isinstance(finding.hint_text, Message), name


def test_the_corpus_makes_every_template_of_the_parser() -> None:
    made = {
        key
        for text in BAD_PLANS.values()
        for finding in findings(text)
        for words in (finding.text, finding.hint_text)
        if words is not None
        for key in keys(words)
    }
    wanted = {
        key
        for key in loader_keys()
        if not key.startswith(READ_PREFIXES + SYNTAX_PREFIXES) and key not in MADE_ELSEWHERE
    }
    assert wanted - made == set()
    assert made <= loader_keys() | {key for key in catalogue("en") if key == "list.separator"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", BAD_PLANS)
def test_no_english_word_in_another_language(name: str, lang: str) -> None:
    for finding in findings(BAD_PLANS[name]):
        assert english_left(finding.text, lang) == set(), finding.message_in(lang)
        if finding.hint_text is not None:
            assert english_left(finding.hint_text, lang) == set(), finding.hint_in(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_loader_template_is_translated(lang: str) -> None:
    """Each template, its fields and TOML examples taken out, has no English word left."""
    words, english = catalogue(lang), catalogue("en")
    for key in sorted(loader_keys()):
        assert foreign_words(words[key]) == set(), (key, words[key])
        if foreign_words(english[key]):
            assert words[key] != english[key], key


def test_english_keeps_the_texts_the_parser_always_wrote() -> None:
    (unknown,) = findings(plan_text(session("a", "09:00", "10:00", spekers=["aoki"])))
    assert (unknown.message, unknown.hint) == ("unknown key 'spekers'", "did you mean 'speakers'?")
    found = findings(plan_text('[venues.x]\nname = "X"\nzzzzzz = 1\n'))
    assert found[0].hint == "known keys: name, address"
    (kanuri,) = findings(BAD_PLANS["Kanuri"])
    assert kanuri.message == (
        "language 'kr' names Kanuri, a language seldom meant: it is usually a country code"
        " typed by mistake"
    )
    assert render(type_name([]), "en") == "a list"


def test_japanese_words_around_the_plans_own() -> None:
    (unknown,) = findings(plan_text(session("a", "09:00", "10:00", spekers=["aoki"])))
    assert unknown.message_in("ja") == "不明なキー 'spekers'"
    assert unknown.hint_in("ja") == "'speakers' のことですか？"
    (kind,) = findings(BAD_PLANS["kind misspelt"])
    assert kind.message_in("zh").startswith(
        "kind 的值 'keynot' 不可用；可用的值：ceremony、keynote、"
    )
    (capacity,) = findings(BAD_PLANS["capacity a string"])
    assert capacity.message_in("ko") == "capacity 값은 정수여야 합니다(현재: 문자열)"
    (kanuri,) = findings(BAD_PLANS["Kanuri"])
    assert "カヌリ語" in kanuri.message_in("ja")


def test_every_mistyped_country_code_names_its_language() -> None:
    for lang in ("en", *LANGUAGES):
        names = {render(Message(f"load.language.{code}"), lang) for code in MISTYPED_COUNTRIES}
        assert len(names) == len(MISTYPED_COUNTRIES)


def test_words_helpers() -> None:
    assert quoted("a") == "'a'"
    assert quoted(dt.date(2025, 7, 23)) == "datetime.date(2025, 7, 23)"
    assert render(meant("speakers"), "en") == "did you mean 'speakers'?"
    assert did_you_mean("zzz", ["speakers"]) is None
    assert did_you_mean("spekers", ["speakers"]) == meant("speakers")
    assert type_name(object()) == "object"


# Values a planner may put anywhere: every type TOML has, and text of every kind.
VALUES = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=12),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.just([]),
    st.just({}),
    st.just(["x", 1]),
    st.just({"ja": 1}),
)
KEYS = sorted(KEY_NAMES)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, float) else str(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=st.sampled_from(["[event]", "[people.aoki]", "[rooms.hall]", "[[sessions]]"]),
    key=st.sampled_from(KEYS),
    value=VALUES,
)
def test_any_bad_value_is_shown_in_every_language(table: str, key: str, value: object) -> None:
    """Whatever value a key is given, every finding renders in every language, in words of
    that language around the plan's own text."""
    line = f"{key} = {toml_value(value)}\n"
    head = f"\n{table}\n"
    # A key the table already has is written twice: a syntax error, shown all the same.
    text = plan_text(GOOD + line) if table == "[[sessions]]" else BASE.replace(head, head + line)
    for finding in findings(text):
        for lang in ("en", *LANGUAGES):
            finding.message_in(lang)
            finding.hint_in(lang)
        if finding.code == "toml-syntax":
            continue
        for lang in LANGUAGES:
            assert english_left(finding.text, lang) == set(), finding.message_in(lang)


@pytest.mark.parametrize(
    ("value", "wanted", "written"),
    [
        ("2026-10-23", dt.date, "2026-10-23"),
        (" 2026-10-23 ", dt.date, "2026-10-23"),
        ("2026-10-22 17:00", dt.datetime, "2026-10-22 17:00:00"),
        ("2026-10-22T17:00:00+02:00", dt.datetime, "2026-10-22T17:00:00+02:00"),
        ("2026-10-23", dt.datetime, None),  # a date where a date-time is wanted
        ("2026-10-22T17:00:00", dt.date, None),  # and the other way round
        ("23.10.2026", dt.date, None),
        ("2026-10-23\nx = 1", dt.date, None),  # nothing but a date is read as TOML
        ("2026-02-30", dt.date, None),
        (20261023, dt.date, None),
    ],
)
def test_a_date_in_quotes_is_shown_without_them(
    value: object, wanted: type[dt.date], written: str | None
) -> None:
    hint = unquoted("start", value, wanted)
    if written is None:
        assert hint is None
    else:
        assert hint is not None
        expected = f"write start = {written}, without quotes: in quotes it is text"
        assert render(hint, "en") == expected
