"""What every export shares: the sessions it covers, stable identities, labels, details."""

from __future__ import annotations

from conftest import plan_text, session
from export_plans import example, parsed
from seminar_plan.exports import details, labels_for, selected_sessions, session_uuid
from seminar_plan.locales import Labels


def test_every_session_in_time_order() -> None:
    plan = example()
    chosen = selected_sessions(plan)
    assert sorted(s.id for s in chosen) == sorted(s.id for s in plan.sessions)
    starts = [s.start for s in chosen]
    assert starts == sorted(starts)


def test_one_day_only() -> None:
    plan = example()
    chosen = selected_sessions(plan, day=3)
    assert chosen
    assert {s.day for s in chosen} == {3}
    assert len(chosen) == len([s for s in plan.sessions if s.day == 3])


def test_a_persons_sessions_are_those_they_are_committed_to() -> None:
    plan = example()
    chosen = selected_sessions(plan, person="director")
    assert [s.id for s in chosen] == ["panel", "closing", "liaison-conference"]


def test_a_person_and_a_day_together() -> None:
    plan = example()
    assert [s.id for s in selected_sessions(plan, day=3, person="director")] == [
        "liaison-conference"
    ]


def test_session_identity_survives_a_move_and_a_retitle() -> None:
    before = parsed(plan_text(session("talk", "09:00", "10:00")))
    after = parsed(
        plan_text(session("talk", "14:00", "15:00", day=2)).replace(
            'title = "talk"', 'title = "A new title"'
        )
    )
    assert session_uuid(before, before.sessions[0]) == session_uuid(after, after.sessions[0])


def test_sessions_and_events_have_distinct_identities() -> None:
    plan = parsed(plan_text(session("a", "09:00", "10:00") + session("b", "10:00", "11:00")))
    first, second = plan.sessions
    assert session_uuid(plan, first) != session_uuid(plan, second)
    other = parsed(plan_text(session("a", "09:00", "10:00")).replace('en = "Test"', 'en = "X"'))
    # The identity is keyed on the title in the event's first language (ja here), so an
    # English retitle keeps it; a Japanese one does not.
    assert session_uuid(other, other.sessions[0]) == session_uuid(plan, first)
    renamed = parsed(plan_text(session("a", "09:00", "10:00")).replace('ja = "試験"', 'ja = "別"'))
    assert session_uuid(renamed, renamed.sessions[0]) != session_uuid(plan, first)


def test_labels_follow_lang_then_the_event_languages_then_english() -> None:
    plan = example()
    assert labels_for(plan, None)["start"] == "開始"
    assert labels_for(plan, "zh")["start"] == "开始"
    french = parsed(plan_text().replace('languages = ["ja", "zh", "en"]', 'languages = ["fr"]'))
    assert labels_for(french, None)["start"] == "Start"


def test_details_name_speakers_moderators_interpreters_and_the_mode() -> None:
    plan = example()
    panel = next(s for s in plan.sessions if s.id == "panel")
    lines = details(plan, panel, ("en",), Labels("en", "export"))
    assert lines == (
        (
            "Speakers: Aomori Prefecture representative, Shimane Prefecture representative,"
            " Aichi Prefecture Shanghai Office representative, Engineering academy expert,"
            " China Telecom institute expert, Peking University AI alliance expert"
        ),
        "Moderators: Director, CLAIR Beijing Office",
        "Interpreters: Simultaneous interpreter A, Simultaneous interpreter B",
        "Interpretation: simultaneous (ja, zh)",
    )
    lunch = next(s for s in plan.sessions if s.id == "lunch-day2")
    assert details(plan, lunch, ("en",), Labels("en", "export")) == ()
