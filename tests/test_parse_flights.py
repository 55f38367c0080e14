"""``[[flights]]``: required keys, zones kept as written, times that cannot be, references."""

from __future__ import annotations

import datetime as dt

from conftest import TRANSPORT, flight, plan_text
from seminar_plan import check, load_text
from seminar_plan.checks.registry import BY_CODE
from seminar_plan.findings import Finding
from seminar_plan.model import Plan


def findings_of(text: str) -> list[Finding]:
    """What the loader reports (the rules' findings are tested with the rules)."""
    return [f for f in check(load_text(text)) if BY_CODE[f.code].by_loader]


def summary(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, tuple(sorted(f.subjects))) for f in findings_of(text)]


def parsed(text: str) -> Plan:
    loaded = load_text(text)
    assert loaded.findings == ()
    assert loaded.plan is not None
    return loaded.plan


def test_a_flight_keeps_the_zone_it_was_written_in() -> None:
    plan = parsed(
        plan_text(
            TRANSPORT
            + flight(
                "ca1",
                "arrival",
                "2025-07-23T09:00:00+09:00",
                "2025-07-23T11:30:00",
                passengers=["japan", "chen"],
                notes="illustrative",
            )
            + '\nfrom = { ja = "成田", en = "Narita" }\n'
        )
    )
    (ca1,) = plan.flights
    assert ca1.number == "CA1"
    assert ca1.direction == "arrival"
    assert ca1.airport == "airport"
    assert ca1.departs.utcoffset() == dt.timedelta(hours=9)
    assert ca1.arrives.utcoffset() == dt.timedelta(hours=8)
    assert ca1.minutes == 210
    assert ca1.passengers == ("japan", "chen")
    assert ca1.from_place is not None
    assert ca1.from_place.get(("en",)) == "Narita"
    assert plan.passengers_of(ca1) == ("aoki", "sato", "chen")


def test_a_flight_that_arrives_before_it_departs_is_bad_time() -> None:
    text = plan_text(
        TRANSPORT + flight("ca1", "arrival", "2025-07-23T09:00:00+09:00", "2025-07-23T07:30:00")
    )
    (finding,) = findings_of(text)
    assert (finding.code, finding.subjects) == ("bad-time", ("ca1",))
    assert text.splitlines()[finding.place.line - 1] == "arrives = 2025-07-23T07:30:00"
    assert "arrives (2025-07-23 07:30 +0800) before it departs (2025-07-23 09:00 +0900)" in (
        finding.message
    )
    plan = load_text(text).plan
    assert plan is not None
    assert plan.flights == ()


def test_required_keys_and_bad_values() -> None:
    text = plan_text(
        TRANSPORT
        + "[[flights]]\n"
        + 'id = "Bad Id"\ndirection = "arival"\ndeparts = "09:00"\n'
        + 'arrives = 2025-07-23T10:00:00\nwhen = "x"\n'
    )
    messages = sorted(f.message for f in findings_of(text))
    assert messages == [
        "departs must be a TOML date-time, not a string",
        "direction 'arival' is not one of arrival, departure",
        "flight id 'Bad Id' is not a slug (lowercase letters, digits, - and _)",
        "missing required key 'airport'",
        "missing required key 'number'",
        "unknown key 'when'",
    ]


def test_a_repeated_flight_id_is_a_duplicate() -> None:
    one = flight("ca1", "arrival", "2025-07-23T09:00:00", "2025-07-23T11:00:00")
    assert summary(plan_text(TRANSPORT + one + one)) == [("duplicate-id", ("ca1",))]


def test_times_out_of_range_are_reported_not_raised() -> None:
    text = plan_text(
        TRANSPORT + flight("ca1", "arrival", "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:00")
    )
    assert sorted(f.message.split(" must")[0] for f in findings_of(text)) == [
        "arrives",
        "departs",
    ]


def test_unknown_airport_and_passengers_are_unknown_refs_even_on_a_bad_flight() -> None:
    text = plan_text(
        TRANSPORT
        + flight(
            "ca1",
            "arrival",
            "2025-07-23T09:00:00",
            "2025-07-23T08:00:00",
            passengers=["japn"],
        ).replace('"airport"', '"airprt"')
    )
    assert sorted(summary(text)) == [
        ("bad-time", ("ca1",)),
        ("unknown-ref", ("airprt", "ca1")),
        ("unknown-ref", ("ca1", "japn")),
    ]
    hints = {f.hint for f in findings_of(text)}
    assert {"did you mean 'airport'?", "did you mean 'japan'?"} <= hints
