"""``[protocol]`` and the session keys ``seating``, ``order`` and ``public``: bad input."""

from __future__ import annotations

from conftest import plan_text, session, summary
from seminar_plan import load_text


def test_a_good_protocol_table() -> None:
    text = plan_text('[protocol]\nprecedence = ["sato", "aoki"]\nconvention = "chinese"\n')
    assert summary(text) == []
    plan = load_text(text).plan
    assert plan is not None
    assert plan.protocol.precedence == ("sato", "aoki")
    assert plan.protocol.convention == "chinese"


def test_bad_values_and_references() -> None:
    text = plan_text(
        '[protocol]\nprecedence = ["sato", "nobody", "sato"]\nconvention = "western"\nseating = 1\n'
    )
    assert sorted(summary(text)) == [
        ("schema", ()),
        ("schema", ()),
        ("schema", ()),
        ("unknown-ref", ("nobody", "protocol")),
    ]
    messages = " / ".join(f.message for f in load_text(text).findings)
    assert "unknown key 'seating'" in messages
    assert "convention" in messages


def test_session_keys() -> None:
    text = plan_text(
        session("a", "09:00", "10:00", seating=["aoki", "ghost"], order="as-said", public="no")
    )
    assert sorted(summary(text)) == [
        ("schema", ("a",)),
        ("schema", ("a",)),
        ("unknown-ref", ("a", "ghost")),
    ]


def test_public_defaults_to_false_for_transfers_only() -> None:
    text = plan_text(
        session("bus", "09:00", "10:00", kind="transfer")
        + session("talk", "10:00", "11:00")
        + session("shown", "11:00", "12:00", kind="transfer", public=True)
    )
    plan = load_text(text).plan
    assert plan is not None
    assert {s.id: s.public for s in plan.sessions} == {"bus": False, "talk": True, "shown": True}
