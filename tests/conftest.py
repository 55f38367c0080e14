"""Shared test helpers: a small valid plan to build on, and finding summaries."""

from __future__ import annotations

import textwrap

import pytest

from seminar_plan import check, load_text
from seminar_plan.findings import Finding

# Two days in Shanghai, two delegations (ja 5, zh 4), two venues 30 minutes apart, two rooms.
BASE = """\
format = 1

[event]
title = { ja = "試験", zh = "测试", en = "Test" }
timezone = "Asia/Shanghai"
start = 2025-07-23
end = 2025-07-24
languages = ["ja", "zh", "en"]

[delegations.japan]
name = "Japan"
headcount = 5
language = "ja"

[delegations.china]
name = "China"
headcount = 4
language = "zh"

[venues.hotel]
name = "Hotel"

[venues.center]
name = "Center"

[[travel]]
between = ["hotel", "center"]
minutes = 30

[rooms.hall]
venue = "center"
name = "Hall"
capacity = 100
booths = 2

[rooms.salon]
venue = "hotel"
name = "Salon"
capacity = 20

[people.aoki]
name = "Aoki"
delegation = "japan"

[people.chen]
name = "Chen"
delegation = "china"

[people.sato]
name = "Sato"
delegation = "japan"
"""


def plan_text(extra: str = "", base: str = BASE) -> str:
    return base + "\n" + textwrap.dedent(extra)


def session(ident: str, start: str, end: str, day: int = 1, **keys: object) -> str:
    """A [[sessions]] table; keyword values are written as TOML literals (strings quoted)."""
    lines = [
        "[[sessions]]",
        f'id = "{ident}"',
        f'title = "{ident}"',
        f"day = {day}",
        f'start = "{start}"',
        f'end = "{end}"',
    ]
    for key, value in keys.items():
        if isinstance(value, str):
            lines.append(f'{key} = "{value}"')
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, list):
            items = ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in value)
            lines.append(f"{key} = [{items}]")
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def tall_sessions(count: int = 30) -> str:
    """``count`` back-to-back quarter-hour talks in the hall from 08:00, each with long notes
    between the markers R<nn>begin and R<nn>end: rows tall enough to cross page breaks."""
    long_notes = " ".join(["filler text for a tall row"] * 12)
    return "".join(
        session(
            f"talk-{number:02d}",
            f"{8 + number // 4:02d}:{(number % 4) * 15:02d}",
            f"{8 + (number + 1) // 4:02d}:{((number + 1) % 4) * 15:02d}",
            room="hall",
            notes=f"R{number:02d}begin {long_notes} R{number:02d}end",
        )
        for number in range(count)
    )


def findings_of(text: str) -> list[Finding]:
    return check(load_text(text))


def summary(text: str, code: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """(code, sorted subjects) of every finding, or of those with ``code``."""
    return [
        (f.code, tuple(sorted(f.subjects)))
        for f in findings_of(text)
        if code is None or f.code == code
    ]


@pytest.fixture
def base_plan() -> str:
    return BASE


@pytest.fixture(autouse=True)
def c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs under the C locale: `check` prints in the terminal's language, and the
    tests' expected output must not depend on the locale of whoever runs them."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# An airport 60 minutes from the hotel and the center, two coaches and a car: added to BASE by
# the transport tests.
TRANSPORT = """\
[venues.airport]
name = "Airport"

[[travel]]
between = ["airport", "hotel"]
minutes = 60

[[travel]]
between = ["airport", "center"]
minutes = 60

[vehicles.coach1]
name = "Coach 1"
seats = 45
kind = "coach"
driver = "Wang"

[vehicles.coach2]
name = "Coach 2"
seats = 45
kind = "coach"

[vehicles.car]
name = "Car"
seats = 3
kind = "car"
"""


def flight(ident: str, direction: str, departs: str, arrives: str, **keys: object) -> str:
    """A [[flights]] table at the airport; ``departs`` / ``arrives`` are TOML date-times."""
    lines = [
        "[[flights]]",
        f'id = "{ident}"',
        f'number = "{ident.upper()}"',
        f'direction = "{direction}"',
        'airport = "airport"',
        f"departs = {departs}",
        f"arrives = {arrives}",
    ]
    for key, value in keys.items():
        if isinstance(value, list):
            items = ", ".join(f'"{v}"' for v in value)
            lines.append(f"{key} = [{items}]")
        else:
            lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


def transport_plan() -> str:
    """BASE with an airport, vehicles, a VIP flight from Tokyo (Tokyo times), the delegation's
    flight home, and the transfers that meet them: checks clean."""
    vip = flight(
        "nh-in",
        "arrival",
        "2025-07-23T09:10:00+09:00",
        "2025-07-23T11:40:00+08:00",
        passengers=["aoki", "japan"],
    )
    home = flight(
        "nh-out",
        "departure",
        "2025-07-24T16:00:00",
        "2025-07-24T20:30:00+09:00",
        passengers=["japan"],
    )
    return plan_text(
        TRANSPORT
        + '[vehicles.coach1.contact]\nphone = "+86-138-0000-0001"\n'
        + "\n"
        + vip.replace("[[flights]]", '[[flights]]\nfrom = { ja = "成田", en = "Narita" }', 1)
        + "\n"
        + home.replace("[[flights]]", '[[flights]]\nto = { ja = "成田", en = "Narita" }', 1)
        + "\n"
        + session(
            "pickup",
            "12:30",
            "13:30",
            kind="transfer",
            venue="airport",
            to="hotel",
            vehicles=["coach1"],
            attendees=["japan"],
            owner="chen",
            notes="Sign: JAPAN",
        )
        + session(
            "to-center",
            "14:00",
            "14:30",
            kind="transfer",
            room="salon",
            to="center",
            vehicles=["coach1", "car"],
            attendees=["japan", "chen"],
        )
        + session(
            "seeoff",
            "12:00",
            "13:00",
            day=2,
            kind="transfer",
            venue="hotel",
            to="airport",
            vehicles=["coach2"],
            attendees=["japan"],
        )
    ).replace(
        '[people.chen]\nname = "Chen"',
        '[people.chen]\nname = "Chen"\ntitle = "Host"\ncontact = { phone = "+86-0" }',
    )
