"""The programme booklet: public sessions only, languages side by side, nothing internal."""

from __future__ import annotations

from conftest import plan_text, session
from print_plans import HOSTILE, STAMP, example_plan, matches_golden
from seminar_plan import load_text
from seminar_plan.views.programme import build, render_html


def test_the_example_in_japanese_and_chinese() -> None:
    plan = example_plan()
    booklet = build(plan, ("ja", "zh"), STAMP)
    assert [day.number for day in booklet.days] == [1, 2, 3, 4]
    opening = next(i for i in booklet.days[1].items if i.session == "opening")
    ja, zh = opening.texts
    assert (ja.title.text, zh.title.text) == ("開会あいさつ", "开幕致辞")
    assert [c.name.text for c in ja.speakers] == ["安田", "臼井", "清水勇人"]
    assert ja.speakers[1].affiliation[0].text == "公使"
    assert matches_golden(render_html(booklet), "programme-ja+zh.html")


def test_nothing_internal_is_printed() -> None:
    plan = example_plan()
    page = render_html(build(plan, ("ja", "zh"), STAMP))
    opening = next(s for s in plan.sessions if s.id == "opening")
    internal = [cue.what.get(("ja",)) for cue in opening.cues]
    internal += [opening.notes.get(("ja",)) if opening.notes else "", "+86-10-"]
    internal += [opening.av.get(("ja",)) if opening.av else ""]
    for text in internal:
        assert text
        assert text not in page
    # The owner (the MC) is not a speaker and is not named.
    mc = plan.person_by_id["mc"].name.get(("ja",))
    assert mc not in page


def test_public_false_and_transfers_are_left_out() -> None:
    text = plan_text(
        session("talk", "09:00", "10:00", room="hall", speakers=["aoki"])
        + session("bus", "10:00", "10:30", kind="transfer", venue="hotel")
        + session("prep", "10:30", "11:00", public=False)
        + session("tour", "11:00", "12:00", kind="transfer", venue="hotel", public=True)
    )
    plan = load_text(text).plan
    assert plan is not None
    booklet = build(plan, ("en",), STAMP)
    assert [i.session for i in booklet.days[0].items] == ["talk", "tour"]
    assert "No public programme on this day." in render_html(booklet)


def test_one_language_and_escaping() -> None:
    text = plan_text(
        f'[people.x]\nname = "{HOSTILE}"\n' + session("s", "09:00", "10:00", speakers=["x"])
    )
    plan = load_text(text).plan
    assert plan is not None
    page = render_html(build(plan, ("en",), STAMP, "A5"))
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page
    assert "@page{size:A5 portrait}" in page
