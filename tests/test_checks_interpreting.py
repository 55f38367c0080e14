"""The interpreters' rules: each fires on its case and stays quiet on the near miss."""

from __future__ import annotations

import dataclasses
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import findings_of, plan_text, session, summary
from seminar_plan import load_text
from seminar_plan.checks.rules.interpreters import interpreter_load
from seminar_plan.model import CheckConfig

INTERPRETERS = """
[people.li]
name = "Li"
languages = ["zh", "ja"]

[people.wang]
name = "Wang"
languages = ["zh", "ja"]

[people.kim]
name = "Kim"
languages = ["ko"]
"""


def with_interpreters(sessions: str, **people: list[str]) -> str:
    """The base plan with Li and Wang (zh, ja), Kim (ko), and more interpreters by languages."""
    extra = "".join(
        f'\n[people.{ident}]\nname = "{ident}"\nlanguages = {languages!r}\n'.replace("'", '"')
        for ident, languages in people.items()
    )
    return plan_text(INTERPRETERS + extra + sessions)


def simultaneous(ident: str, start: str, end: str, *interpreters: str, day: int = 1) -> str:
    return session(
        ident,
        start,
        end,
        day=day,
        room="hall",
        speakers=["aoki", "chen"],
        interpreters=list(interpreters),
        interpretation="simultaneous",
    )


class TestInterpreterLanguage:
    def test_an_interpreter_who_misses_a_language_of_the_session(self) -> None:
        text = with_interpreters(simultaneous("a", "09:00", "09:30", "park"), park=["ja", "en"])
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "interpreter-language",
            "error",
            ("park", "a"),
        )
        assert text.splitlines()[finding.place.line - 1] == 'interpreters = ["park"]'
        assert "ja, zh" in finding.message

    def test_a_ja_en_interpreter_on_a_ja_ko_session(self) -> None:
        text = with_interpreters(
            session(
                "a",
                "09:00",
                "09:30",
                room="hall",
                speakers=["aoki", "kim"],
                interpreters=["park"],
                interpretation="simultaneous",
            ),
            park=["ja", "en"],
        )
        assert summary(text) == [("interpreter-language", ("a", "park"))]

    def test_covering_two_of_three_languages_is_enough(self) -> None:
        text = with_interpreters(
            session(
                "a",
                "09:00",
                "09:30",
                room="hall",
                speakers=["aoki", "chen", "kim"],
                interpreters=["li"],
                interpretation="simultaneous",
            )
        )
        assert summary(text) == []

    def test_without_languages_the_delegation_language_counts(self) -> None:
        text = plan_text(
            session(
                "a",
                "09:00",
                "09:30",
                room="hall",
                speakers=["aoki", "chen"],
                interpreters=["sato"],
                interpretation="consecutive",
            )
        )
        assert summary(text) == [("interpreter-language", ("a", "sato"))]

    def test_a_session_of_one_language_needs_no_pair(self) -> None:
        text = with_interpreters(
            session("a", "09:00", "09:30", room="hall", speakers=["kim"], interpreters=["kim"])
        )
        assert summary(text) == []


class TestInterpreterTeam:
    def test_one_interpreter_past_the_solo_limit(self) -> None:
        text = with_interpreters(simultaneous("a", "09:00", "09:41", "li"))
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "interpreter-team",
            "warning",
            ("a",),
        )
        assert text.splitlines()[finding.place.line - 1] == 'interpreters = ["li"]'

    def test_exactly_the_solo_limit_is_fine(self) -> None:
        assert summary(with_interpreters(simultaneous("a", "09:00", "09:40", "li"))) == []

    def test_the_plan_sets_the_solo_limit(self) -> None:
        text = with_interpreters(simultaneous("a", "09:00", "10:00", "li"))
        assert summary(text + '[check]\nsolo_limit = "1h"\n') == []
        assert summary(text + '[check]\nsolo_limit = "59m"\n') == [("interpreter-team", ("a",))]

    def test_two_interpreters_or_consecutive_are_fine(self) -> None:
        assert summary(with_interpreters(simultaneous("a", "09:00", "11:00", "li", "wang"))) == []
        consecutive = with_interpreters(simultaneous("a", "09:00", "11:00", "li")).replace(
            '"simultaneous"', '"consecutive"'
        )
        assert summary(consecutive) == []


class TestInterpreterLoad:
    def test_more_than_six_hours_in_a_day(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "12:00", "li", "wang")
            + simultaneous("b", "13:00", "16:01", "li", "wang")
        )
        found = findings_of(text)
        assert [(f.code, f.severity.value, f.subjects) for f in found] == [
            ("interpreter-load", "warning", ("li",)),
            ("interpreter-load", "warning", ("wang",)),
        ]
        # The place is where the day tips over the limit: the second session's interpreters.
        assert found[0].place.line == found[1].place.line
        assert text.splitlines()[found[0].place.line - 1] == 'interpreters = ["li", "wang"]'
        lines = text.splitlines()
        assert found[0].place.line > lines.index('id = "b"') + 1
        assert "6h01m" in found[0].message

    def test_exactly_the_daily_limit_is_fine(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "12:00", "li", "wang")
            + simultaneous("b", "13:00", "16:00", "li", "wang")
        )
        assert summary(text) == []

    def test_the_plan_sets_the_daily_limit(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "12:00", "li", "wang")
            + simultaneous("b", "13:00", "16:01", "li", "wang")
        )
        assert summary(text + '[check]\ninterpreter_daily = "6h01m"\n') == []
        assert summary(text + '[check]\ninterpreter_daily = "2h"\n') == [
            ("interpreter-load", ("li",)),
            ("interpreter-load", ("wang",)),
        ]

    def test_overlapping_time_counts_once_and_days_apart(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "15:00", "li", "wang")
            + session("b", "14:00", "15:00", room="salon", interpreters=["li"])
            + simultaneous("c", "09:00", "13:00", "li", "wang", day=2)
        )
        assert summary(text, "interpreter-load") == []


class TestNoInterpreter:
    def test_interpretation_without_interpreters(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "09:30", "li") + simultaneous("b", "10:00", "10:30")
        )
        (finding,) = findings_of(text)
        assert (finding.code, finding.severity.value, finding.subjects) == (
            "no-interpreter",
            "warning",
            ("b",),
        )
        assert text.splitlines()[finding.place.line - 1] == 'interpretation = "simultaneous"'

    def test_a_plan_that_names_no_interpreters_is_not_asked_for_them(self) -> None:
        assert summary(plan_text(simultaneous("b", "10:00", "10:30"))) == []

    def test_no_interpretation_needs_no_interpreter(self) -> None:
        text = with_interpreters(
            simultaneous("a", "09:00", "09:30", "li")
            + session("b", "10:00", "10:30", room="hall", speakers=["aoki"])
        )
        assert summary(text) == []


# -- property: the merged daily load equals a minute-by-minute count ------------------------

clock = st.integers(min_value=0, max_value=23 * 60 + 58)


@st.composite
def shifts(draw: st.DrawFn) -> list[tuple[int, int, int, str]]:
    """(day, start, end, interpreter) rows for a two-day plan, overlaps allowed."""
    rows = []
    for _ in range(draw(st.integers(min_value=0, max_value=10))):
        start = draw(clock)
        end = draw(st.integers(min_value=start + 1, max_value=min(start + 300, 24 * 60)))
        rows.append((draw(st.integers(1, 2)), start, end, draw(st.sampled_from(["li", "wang"]))))
    return rows


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@settings(max_examples=150, deadline=None)
@given(shifts(), st.integers(min_value=0, max_value=12 * 60))
def test_interpreter_load_equals_a_minute_count(
    rows: list[tuple[int, int, int, str]], limit: int
) -> None:
    text = with_interpreters(
        "".join(
            session(f"s{i}", _hhmm(start), _hhmm(end), day=day, interpreters=[who])
            for i, (day, start, end, who) in enumerate(rows)
        )
    )
    loaded = load_text(text)
    assert loaded.plan is not None
    plan = dataclasses.replace(loaded.plan, check=CheckConfig(interpreter_daily=limit))
    minutes: dict[tuple[str, int], set[int]] = {}
    for day, start, end, who in rows:
        minutes.setdefault((who, day), set()).update(range(start, end))
    expected = Counter(who for (who, _), held in minutes.items() if len(held) > limit)
    found = Counter(f.subjects[0] for f in interpreter_load(plan))
    assert found == expected
