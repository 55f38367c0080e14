"""The agenda and people commands: every option, every bad value, streams and exit codes.

The text output is compared with the golden files that test_terminal.py also renders, so the
command adds nothing to the view but the terminal's width.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import plan_text, session
from seminar_plan.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "agenda"
EXAMPLE = "examples/zhengzhou-2025/seminar.toml"
CONFLICTS = "examples/conflicts/seminar.toml"
FIXED = {"COLUMNS": "100", "NO_COLOR": "1"}

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="seminar-plan", env=env or FIXED)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def json_items(*args: str, clean: bool = True) -> list[dict[str, Any]]:
    """The items of ``agenda --format json``; a plan that is not ``clean`` may note errors."""
    code, out, err = run("agenda", *args, "--format", "json")
    assert code == 0
    if clean:
        assert err == ""
    items: list[dict[str, Any]] = json.loads(out)["items"]
    return items


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans are named by relative paths, as the golden files show them."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((EXAMPLE, "--day", "2"), "zhengzhou-day2-ja.txt"),
        (
            (EXAMPLE, "--day", "2", "--lang", "zh", "--tz", "Asia/Tokyo"),
            "zhengzhou-day2-zh-tokyo.txt",
        ),
        ((EXAMPLE, "--day", "2025-07-25", "--lang", "en"), "zhengzhou-day3-en.txt"),
        ((EXAMPLE, "--person", "yasuda", "--tz", "Asia/Tokyo"), "zhengzhou-yasuda-ja-tokyo.txt"),
        ((CONFLICTS,), "conflicts-en.txt"),
        (
            (EXAMPLE, "--day", "2", "--lang", "en", "--tz", "Asia/Tokyo", "--format", "markdown"),
            "zhengzhou-day2-en-tokyo.md",
        ),
        ((EXAMPLE, "--day", "3", "--lang", "zh", "--format", "markdown"), "zhengzhou-day3-zh.md"),
        ((EXAMPLE, "--day", "2", "--lang", "ko"), "zhengzhou-day2-ko.txt"),
        ((EXAMPLE, "--day", "3", "--lang", "ko", "--format", "markdown"), "zhengzhou-day3-ko.md"),
        ((EXAMPLE, "--person", "yasuda", "--lang", "ko"), "zhengzhou-yasuda-ko.txt"),
        ((CONFLICTS, "--lang", "ko"), "conflicts-ko.txt"),
    ],
)
def test_agenda_output_is_the_golden_file(args: tuple[str, ...], name: str) -> None:
    assert run("agenda", *args) == (0, golden(name), "")


class TestDoneMeans:
    def test_day_two_is_the_main_conference_in_order_in_the_first_language(self) -> None:
        items = json_items(EXAMPLE, "--day", "2")
        main = [i["id"] for i in items if i["track"] == "main"]
        assert main == ["opening", "keynote", "lecture", "panel", "closing"]
        assert next(i["title"] for i in items if i["track"] == "main") == "開会あいさつ"
        assert [(i["date"], i["start"]) for i in items] == sorted(
            (i["date"], i["start"]) for i in items
        )

    def test_lang_zh_and_both_clocks(self) -> None:
        items = json_items(EXAMPLE, "--day", "2", "--lang", "zh", "--tz", "Asia/Tokyo")
        opening = next(i for i in items if i["id"] == "opening")
        assert opening["title"] == "开幕致辞"
        assert (opening["start"], opening["start_tz"]) == ("09:30", "10:30")
        code, out, _ = run("agenda", EXAMPLE, "--day", "2", "--tz", "Asia/Tokyo")
        assert code == 0
        assert "Asia/Shanghai   Asia/Tokyo" in out
        assert "09:30-10:00     10:30-11:00" in out


class TestOptions:
    def test_day_by_number_and_by_date_agree(self) -> None:
        assert run("agenda", EXAMPLE, "--day", "3") == run("agenda", EXAMPLE, "--day", "2025-07-25")

    def test_without_day_every_day_has_its_heading(self) -> None:
        code, out, _ = run("agenda", EXAMPLE, "--lang", "en")
        assert code == 0
        headings = [line for line in out.splitlines() if line.startswith("Day ")]
        assert headings == [
            "Day 1  2025-07-23 (Wed)  Arrival day",
            "Day 2  2025-07-24 (Thu)  Main conference",
            "Day 3  2025-07-25 (Fri)  Side meetings and site visit",
            "Day 4  2025-07-26 (Sat)  Departure day",
        ]

    def test_room(self) -> None:
        items = json_items(EXAMPLE, "--room", "meeting-room-a")
        assert [i["id"] for i in items] == ["jet-alumni-exchange"]

    def test_track(self) -> None:
        items = json_items(EXAMPLE, "--track", "side")
        assert [i["id"] for i in items] == ["jet-alumni-exchange", "liaison-conference"]

    def test_delegation(self) -> None:
        ids = [i["id"] for i in json_items(EXAMPLE, "--delegation", "china", "--day", "1")]
        assert ids == ["welcome-dinner"]

    def test_filters_combine(self) -> None:
        items = json_items(EXAMPLE, "--room", "main-hall", "--person", "director")
        # The director's own roles, and the plenary items their delegation attends ("all").
        assert [(i["id"], i["role"]) for i in items] == [
            ("opening", "attending"),
            ("keynote", "attending"),
            ("lecture", "attending"),
            ("panel", "moderator"),
            ("closing", "speaker"),
        ]

    def test_person_is_an_itinerary(self) -> None:
        items = json_items(EXAMPLE, "--person", "usui", "--lang", "en")
        # Usui speaks at the opening; the rest is what the Japanese delegation attends (the
        # welcome dinner and the plenary for "all"), optional where the session is. His written
        # arrival and departure agree with the flights that carry him, so the flights stand for
        # them, and the car that meets him is his.
        shown = [(i["kind"], i["id"], i["role"], i["start"]) for i in items]
        assert shown[:10] == [
            ("registration", "japan-desk", "attending", "12:00"),
            ("arrival", "ca1327", None, "16:30"),
            ("transfer", "pickup-usui", "attendee", "17:15"),
            ("transfer", "bus-to-dinner", "attending", "17:45"),
            ("reception", "welcome-dinner", "attending", "18:30"),
            ("transfer", "bus-after-dinner", "attending", "20:45"),
            ("meal", "breakfast@2", "attending", "06:30"),
            ("transfer", "bus-to-venue-day2", "attending", "08:15"),
            ("ceremony", "opening", "speaker", "09:30"),
            ("keynote", "keynote", "attending", "10:00"),
        ]
        assert ("departure", "ca1328", None, "18:50") in shown
        assert ("visit", "site-visit", "optional", "14:30") in shown
        arrival = next(i for i in items if i["kind"] == "arrival")
        assert arrival["title"] == "Flight CA1327 lands"
        # The person's own notes once, at the arrival, not again at the departure.
        assert arrival["note"] == (
            "from Beijing, 2025-07-23 14:30 UTC+08:00\n"
            "Round trip from Beijing. Flights (illustrative): CA1327 / CA1328"
        )
        assert arrival["venue"] == "cgo"
        departure = next(i for i in items if i["kind"] == "departure")
        assert "Round trip" not in departure["note"]

    def test_markdown(self) -> None:
        code, out, err = run("agenda", EXAMPLE, "--day", "1", "--format", "markdown")
        assert (code, err) == (0, "")
        assert out.startswith("# 第21回日中地域間交流推進セミナー\n")
        assert "## 1日目 · 2025-07-23（水） · 到着日" in out

    def test_colour_never_without_a_terminal_nor_with_no_color(self) -> None:
        for env in (FIXED, {**FIXED, "FORCE_COLOR": "1"}):
            code, out, _ = run("agenda", CONFLICTS, env=env)
            assert code == 0
            assert "\x1b" not in out

    def test_width_comes_from_the_terminal(self) -> None:
        _, out, _ = run("agenda", EXAMPLE, "--day", "2", env={"COLUMNS": "72", "NO_COLOR": "1"})
        assert max(len(line) for line in out.splitlines()) <= 72
        assert "────" * 18 in out


class TestPlanWithErrors:
    def test_text_prints_markers_and_the_count(self) -> None:
        code, out, err = run("agenda", CONFLICTS, "--day", "1")
        assert (code, err) == (0, "")
        assert "!4    09:00-10:00   Crowded talk" in out
        assert out.endswith("`seminar-plan check` finds 18 error(s) and 23 warning(s).\n")

    def test_json_says_so_on_stderr(self) -> None:
        code, out, err = run("agenda", CONFLICTS, "--format", "json")
        assert code == 0
        assert json.loads(out)["summary"] == {"error": 18, "warning": 23}
        assert err == (
            f"seminar-plan: the plan has 18 error(s); `seminar-plan check {CONFLICTS}` lists them\n"
        )

    def test_a_plan_without_event_cannot_list(self, tmp_path: Path) -> None:
        plan = tmp_path / "seminar.toml"
        plan.write_text('format = 1\n[rooms.a]\nvenue = "x"\n', encoding="utf-8")
        for command in ("agenda", "people"):
            code, out, err = run(command, str(plan))
            assert (code, out) == (2, "")
            assert err == (
                f"seminar-plan: {plan} has no usable [event], so there is nothing to list;"
                f" run `seminar-plan check {plan}` to see why\n"
            )


DAYS = "1 (2025-07-23), 2 (2025-07-24), 3 (2025-07-25), 4 (2025-07-26)"


class TestBadValues:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ("--day", "5"),
                (
                    f"unknown day '5'; did you mean '4'? (the event has days 1-4: {DAYS};"
                    " give --day N or --day YYYY-MM-DD)"
                ),
            ),
            (
                ("--day", "2025-07-27"),
                (
                    "unknown day '2025-07-27'; did you mean '2025-07-26'? (the event has days 1-4:"
                    f" {DAYS}; give --day N or --day YYYY-MM-DD)"
                ),
            ),
            (
                ("--room", "main-hal"),
                (
                    "unknown room 'main-hal'; did you mean 'main-hall'? (known: banquet-hall,"
                    " foyer, hotel-lobby, hotel-restaurant, main-hall, meeting-room-a,"
                    " meeting-room-b)"
                ),
            ),
            (
                ("--lang", "jp"),
                "unknown language 'jp'; did you mean 'ja'? (known: en, ja, ko, zh)",
            ),
            (
                ("--delegation", "japn"),
                "unknown delegation 'japn'; did you mean 'japan'? (known: china, japan)",
            ),
            (("--track", "sid"), "unknown track 'sid'; did you mean 'side'? (known: main, side)"),
            (
                ("--tz", "Tokio"),
                (
                    "unknown time zone 'Tokio'; did you mean 'Asia/Tokyo'?"
                    " (give an IANA name such as Asia/Tokyo)"
                ),
            ),
        ],
    )
    def test_unknown_value_lists_what_exists(self, args: tuple[str, ...], message: str) -> None:
        assert run("agenda", EXAMPLE, *args) == (2, "", f"seminar-plan: {message}\n")

    def test_unknown_person_names_the_closest_and_every_person(self) -> None:
        code, out, err = run("agenda", EXAMPLE, "--person", "yasud")
        assert (code, out) == (2, "")
        assert err.startswith("seminar-plan: unknown person 'yasud'; did you mean 'yasuda'?")
        assert "(known: academy-expert, aichi-shanghai-rep," in err
        assert err.endswith(", yasuda, zhengzhou-official)\n")

    def test_bad_format_and_no_plan(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        code, out, _ = run("agenda", EXAMPLE, "--format", "yaml")
        assert (code, out) == (2, "")
        monkeypatch.chdir(tmp_path)
        code, out, err = run("agenda")
        assert (code, out) == (2, "")
        assert err.startswith("seminar-plan: no plan found")


class TestPeople:
    @pytest.mark.parametrize(
        ("args", "name"),
        [
            ((), "zhengzhou-people-ja.txt"),
            (("--lang", "en", "--contacts"), "zhengzhou-people-en-contacts.txt"),
            (("--lang", "ko"), "zhengzhou-people-ko.txt"),
        ],
    )
    def test_text_is_the_golden_file(self, args: tuple[str, ...], name: str) -> None:
        assert run("people", EXAMPLE, *args) == (0, golden(name), "")

    def test_contacts_stay_out_unless_asked(self) -> None:
        for output in ("text", "json", "csv"):
            code, out, _ = run("people", EXAMPLE, "--format", output)
            assert code == 0
            assert "+86-10-0000-0001" not in out
            assert "protocol@example.invalid" not in out
        code, out, _ = run("people", EXAMPLE, "--format", "json", "--contacts")
        people = {p["id"]: p for p in json.loads(out)["people"]}
        assert people["protocol-officer"]["contact"]["email"] == "protocol@example.invalid"

    def test_contacts_are_in_markdown_only_when_asked(self) -> None:
        code, out, err = run("people", EXAMPLE, "--format", "markdown", "--lang", "en")
        assert (code, err) == (0, "")
        assert out.startswith("# The 21st Japan–China Inter-regional Exchange Promotion Seminar\n")
        assert "| Name | Title | Organisation | Delegation |" in out
        assert "protocol@example.invalid" not in out
        _, out, _ = run("people", EXAMPLE, "--format", "markdown", "--contacts")
        assert "protocol@example.invalid" in out

    def test_role_keeps_the_people_who_hold_it(self) -> None:
        code, out, _ = run("people", EXAMPLE, "--role", "moderator", "--format", "json")
        assert code == 0
        people = json.loads(out)["people"]
        assert [(p["id"], "moderator" in p["roles"]) for p in people] == [("director", True)]
        code, _, err = run("people", EXAMPLE, "--role", "juggler")
        assert code == 2
        assert "juggler" in err

    def test_interpreters_text_is_the_golden_file(self) -> None:
        args = ("--role", "interpreter", "--lang", "en")
        assert run("people", EXAMPLE, *args) == (0, golden("zhengzhou-interpreters-en.txt"), "")

    def test_interpreters_csv_one_row_a_day(self) -> None:
        code, out, err = run("people", EXAMPLE, "--role", "interpreter", "--format", "csv")
        assert (code, err) == (0, "")
        assert out == (
            "id,name,languages,day,date,sessions,minutes,pairs\n"
            "interpreter-a,同時通訳者A,zh ja,2,2025-07-24,opening keynote lecture panel closing,"
            "265,ja-zh\n"
            "interpreter-b,同時通訳者B,ja zh,2,2025-07-24,opening keynote lecture panel closing,"
            "265,ja-zh\n"
            "interpreter-c,逐次通訳者C,zh ja,1,2025-07-23,welcome-dinner,120,ja-zh\n"
            "interpreter-c,逐次通訳者C,zh ja,3,2025-07-25,jet-alumni-exchange site-visit,240,"
            "ja-zh\n"
        )

    def test_interpreters_json_and_markdown(self) -> None:
        code, out, _ = run("people", EXAMPLE, "--role", "interpreter", "--format", "json")
        assert code == 0
        document = json.loads(out)
        assert [i["id"] for i in document["interpreters"]] == [
            "interpreter-a",
            "interpreter-b",
            "interpreter-c",
        ]
        first = document["interpreters"][0]
        assert (first["languages"], first["pairs"]) == (["zh", "ja"], ["ja-zh"])
        assert first["sessions"] == 5
        (day,) = first["days"]
        assert (day["day"], day["date"], day["minutes"]) == (2, "2025-07-24", 265)
        assert day["sessions"][3] == {
            "id": "panel",
            "start": "13:30",
            "end": "15:30",
            "title": "パネルディスカッション：新たな時代の地域発展～DX、スマートシティ～",
            "room": "main-hall",
            "interpretation": "simultaneous",
            "languages": ["ja", "zh"],
        }
        code, out, _ = run(
            "people", EXAMPLE, "--role", "interpreter", "--format", "markdown", "--lang", "en"
        )
        assert code == 0
        assert "| Name | Languages | Day | Sessions | Interpreting | Language pairs |" in out
        assert (
            "| Consecutive interpreter C | zh, ja | Day 1 2025-07-23 |"
            " 18:30-20:30 Welcome dinner (Banquet hall) | 2h | ja-zh |"
        ) in out

    def test_an_interpreters_itinerary(self) -> None:
        args = ("--person", "interpreter-a", "--day", "2", "--lang", "en")
        code, out, _ = run("agenda", EXAMPLE, *args, "--format", "json")
        assert code == 0
        document = json.loads(out)
        assert document["interpreting"] == [{"day": 2, "date": "2025-07-24", "minutes": 265}]
        assert {item["id"]: item["interpreting"] for item in document["items"]}["panel"] == {
            "languages": ["ja", "zh"],
            "booth": True,
        }
        _, out, _ = run("agenda", EXAMPLE, *args, "--format", "markdown")
        assert "| 13:30-15:30 | Panel discussion: regional development in a new era — DX and" in out
        assert "smart cities<br>Booth: ja-zh | panel | Main hall | interpreter |" in out
        assert "\nInterpreting time: 4h25m\n" in out
        _, out, _ = run("agenda", EXAMPLE, "--person", "interpreter-c", "--lang", "ja")
        assert "通訳：ja-zh" in out
        assert "通訳時間：4h" in out

    def test_interpreters_of_a_delegation_and_none(self) -> None:
        args = ("--role", "interpreter", "--delegation", "japan", "--lang", "en")
        code, out, _ = run("people", EXAMPLE, *args, "--format", "csv")
        assert (code, out) == (0, "id,name,languages,day,date,sessions,minutes,pairs\n")
        code, out, _ = run("people", EXAMPLE, *args, "--format", "markdown")
        assert (code, out.endswith("\nNothing matches.\n")) == (0, True)
        code, out, _ = run("people", EXAMPLE, *args)
        assert (code, out.endswith("\nNothing matches.\n")) == (0, True)

    def test_interpreters_have_no_contacts_column(self) -> None:
        code, out, err = run("people", EXAMPLE, "--role", "interpreter", "--contacts")
        assert (code, out) == (2, "")
        assert "--contacts" in err

    def test_json_delegation_and_counts(self) -> None:
        code, out, err = run("people", EXAMPLE, "--delegation", "china", "--format", "json")
        assert (code, err) == (0, "")
        people = json.loads(out)["people"]
        assert {p["delegation"] for p in people} == {"china"}
        official = next(p for p in people if p["id"] == "zhengzhou-official")
        assert (official["sessions"], official["roles"]) == (1, ["speaker"])

    def test_csv(self) -> None:
        code, out, _ = run("people", EXAMPLE, "--format", "csv", "--lang", "en")
        assert code == 0
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == [
            "id",
            "name",
            "title",
            "organization",
            "delegation",
            "arrive",
            "depart",
            "sessions",
            "roles",
        ]
        assert rows[1][:2] == ["yasuda", "YASUDA"]
        assert rows[1][5:7] == ["2025-07-23 14:40", "2025-07-26 13:30"]

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("--delegation", "korea"), "unknown delegation 'korea' (known: china, japan)"),
            (("--lang", "fr"), "unknown language 'fr' (known: en, ja, ko, zh)"),
        ],
    )
    def test_bad_values(self, args: tuple[str, ...], message: str) -> None:
        assert run("people", EXAMPLE, *args) == (2, "", f"seminar-plan: {message}\n")


# --- properties on generated plans ------------------------------------------------------------

PEOPLE = ("p0", "p1", "p2", "p3")
ROLE_KEYS = (
    ("speakers", "speaker"),
    ("moderators", "moderator"),
    ("interpreters", "interpreter"),
)

people_lists = st.lists(st.sampled_from(PEOPLE), unique=True, max_size=2)


@st.composite
def generated_sessions(draw: st.DrawFn, index: int) -> dict[str, Any]:
    return {
        "id": f"s{index}",
        "day": draw(st.integers(1, 3)),
        "start": draw(st.integers(12, 40)) * 30,
        "minutes": draw(st.integers(1, 8)) * 15,
        "room": draw(st.sampled_from([None, "hall", "salon"])),
        "speakers": draw(people_lists),
        "moderators": draw(people_lists),
        "interpreters": draw(people_lists),
        "owner": draw(st.sampled_from([None, *PEOPLE])),
        "attendees": draw(
            st.lists(st.sampled_from([*PEOPLE, "team", "japan", "all"]), unique=True, max_size=3)
        ),
    }


@st.composite
def generated_plans(draw: st.DrawFn) -> tuple[list[str], list[dict[str, Any]]]:
    team = draw(st.lists(st.sampled_from(PEOPLE), unique=True, min_size=1, max_size=3))
    count = draw(st.integers(0, 8))
    return team, [draw(generated_sessions(i)) for i in range(count)]


def plan_source(team: list[str], sessions: list[dict[str, Any]]) -> str:
    text = "".join(f'\n[people.{p}]\nname = "{p.upper()}"\n' for p in PEOPLE)
    text += f"\n[groups.team]\nmembers = {json.dumps(team)}\n\n"
    for s in sessions:
        start, end = s["start"], s["start"] + s["minutes"]
        keys: dict[str, object] = {k: s[k] for k, _ in ROLE_KEYS if s[k]}
        if s["room"]:
            keys["room"] = s["room"]
        if s["owner"]:
            keys["owner"] = s["owner"]
        if s["attendees"]:
            keys["attendees"] = s["attendees"]
        text += session(
            s["id"],
            f"{start // 60:02d}:{start % 60:02d}",
            f"{end // 60:02d}:{end % 60:02d}",
            day=s["day"],
            **keys,
        )
    # Three days: the base plan's two, and one more.
    return plan_text(text).replace("end = 2025-07-24", "end = 2025-07-25")


def expected_roles(session_: dict[str, Any], person: str, team: list[str]) -> list[str]:
    """The format's definition of commitment, written out independently of the model."""
    roles = [role for key, role in ROLE_KEYS if person in session_[key]]
    if session_["owner"] == person:
        roles.append("owner")
    if person in session_["attendees"] or ("team" in session_["attendees"] and person in team):
        roles.append("attendee")
    # Not committed, but there with everybody (these people belong to no delegation).
    if not roles and "all" in session_["attendees"]:
        roles.append("attending")
    return roles


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=generated_plans(), day=st.integers(1, 3), person=st.sampled_from(PEOPLE))
def test_day_and_person_select_exactly_their_sessions(
    plan: tuple[list[str], list[dict[str, Any]]], day: int, person: str
) -> None:
    team, sessions = plan
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seminar.toml"
        path.write_text(plan_source(team, sessions), encoding="utf-8")
        by_day = json_items(str(path), "--day", str(day), clean=False)
        by_person = json_items(str(path), "--person", person, clean=False)
    assert sorted(i["id"] for i in by_day) == sorted(s["id"] for s in sessions if s["day"] == day)
    assert {i["day"] for i in by_day} <= {day}
    wanted = {s["id"]: expected_roles(s, person, team) for s in sessions}
    assert {i["id"]: i["roles"] for i in by_person} == {k: v for k, v in wanted.items() if v}
    assert all(i["role"] == i["roles"][0] for i in by_person)
    order = [(i["date"], i["start"], i["room"] or "") for i in by_day]
    assert order == sorted(order)


class TestItineraryPresence:
    """``--person P`` also lists what P's delegation attends and the "all" sessions."""

    PLAN = plan_text(
        session("plenary", "09:00", "10:00", room="hall", attendees="all",
                interpretation="simultaneous")
        + session("talk", "10:00", "11:00", room="hall", speakers=["aoki"],
                  attendees=["japan"], interpretation="consecutive")
        + session("visit", "14:00", "16:00", venue="center", attendees=["japan"],
                  optional=True)
        + session("china-only", "14:00", "15:00", room="salon", attendees=["china"])
        + session("bus", "16:00", "16:30", kind="transfer", venue="center", to="hotel",
                  attendees=["japan"])
    )  # fmt: skip

    def write(self, tmp_path: Path) -> str:
        path = tmp_path / "seminar.toml"
        path.write_text(self.PLAN, encoding="utf-8")
        return str(path)

    def test_json_roles(self, tmp_path: Path) -> None:
        plan = self.write(tmp_path)
        roles = {item["id"]: item["role"] for item in json_items(plan, "--person", "aoki")}
        assert roles == {
            "plenary": "attending",
            "talk": "speaker",
            "visit": "optional",
            "bus": "attending",
        }
        assert [i["id"] for i in json_items(plan, "--person", "chen")] == [
            "plenary",
            "china-only",
        ]

    def test_every_format_lists_them(self, tmp_path: Path) -> None:
        plan = self.write(tmp_path)
        code, text, _ = run("agenda", plan, "--person", "aoki", "--lang", "en")
        assert code == 0
        assert "attending" in text
        assert "optional" in text
        code, markdown, _ = run(
            "agenda", plan, "--person", "aoki", "--lang", "en", "--format", "markdown"
        )
        assert code == 0
        assert "| optional |" in markdown
        assert "bus" in markdown

    def test_delegation_view_lists_presence_and_all(self, tmp_path: Path) -> None:
        plan = self.write(tmp_path)
        ids = [i["id"] for i in json_items(plan, "--delegation", "japan")]
        assert ids == ["plenary", "talk", "visit", "bus"]
