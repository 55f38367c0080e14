"""``[vehicles.ID]`` and a transfer's ``vehicles``."""

from __future__ import annotations

from conftest import TRANSPORT, plan_text, session
from seminar_plan import check, load_text
from seminar_plan.checks.registry import BY_CODE
from seminar_plan.findings import Finding
from seminar_plan.model import Text


def findings_of(text: str) -> list[Finding]:
    """What the loader reports (the rules' findings are tested with the rules)."""
    return [f for f in check(load_text(text)) if BY_CODE[f.code].by_loader]


def summary(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, tuple(sorted(f.subjects))) for f in findings_of(text)]


def test_a_vehicle_reads_into_the_model() -> None:
    loaded = load_text(
        plan_text(
            TRANSPORT.replace('driver = "Wang"', 'driver = "Wang"\ncontact = { phone = "138" }')
            + session("bus", "09:00", "10:00", venue="hotel", kind="transfer", vehicles=["coach1"])
        )
    )
    assert loaded.findings == ()
    assert loaded.plan is not None
    coach = loaded.plan.vehicle_by_id["coach1"]
    assert (coach.seats, coach.name) == (45, Text.plain("Coach 1"))
    assert coach.driver == Text.plain("Wang")
    assert coach.contact == (("phone", "138"),)
    assert loaded.plan.sessions[0].vehicles == ("coach1",)


def test_a_negative_or_missing_seat_count_is_a_schema_error_and_the_vehicle_stays() -> None:
    text = plan_text(
        TRANSPORT.replace("seats = 3", "seats = -1")
        + "[vehicles.van]\nname = 'Van'\n"
        + session("bus", "09:00", "10:00", venue="hotel", kind="transfer", vehicles=["car", "van"])
    )
    messages = sorted(f.message for f in findings_of(text))
    assert messages == ["missing required key 'seats'", "seats must be at least 0, not -1"]
    plan = load_text(text).plan
    assert plan is not None
    assert plan.vehicle_by_id["car"].seats is None


def test_vehicles_name_vehicles_and_only_on_transfers() -> None:
    text = plan_text(
        TRANSPORT
        + session("bus", "09:00", "10:00", venue="hotel", kind="transfer", vehicles=["coach3"])
        + session("talk", "11:00", "12:00", room="hall", vehicles=["coach1"])
    )
    assert sorted(summary(text)) == [("schema", ("talk",)), ("unknown-ref", ("bus", "coach3"))]
    hints = sorted(str(f.hint) for f in findings_of(text))
    assert hints == ["did you mean 'coach2'?", 'set kind = "transfer", or remove vehicles']
