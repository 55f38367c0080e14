"""Nights per hotel: who needs a bed where each night, and the bookings' beds."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import plan_text
from seminar_plan import load_text
from seminar_plan.logistics import lodging
from seminar_plan.model import Booking, Delegation, Event, Group, Origin, Person, Plan, Text

D = dt.date


def loaded(extra: str = "", inserts: dict[str, str] | None = None) -> Plan:
    """The base plan with ``extra`` appended and, after each header in ``inserts``, its lines."""
    text = plan_text(extra)
    for header, lines in (inserts or {}).items():
        text = text.replace(f"{header}\n", f"{header}\n{lines}\n", 1)
    found = load_text(text)
    assert found.plan is not None
    assert [f for f in found.findings if f.code == "schema"] == []
    return found.plan


def nights_of(plan: Plan, hotel: str) -> list[tuple[str, int, int, tuple[str, ...], int]]:
    for found in lodging.rooming(plan):
        if found.hotel == hotel:
            return [
                (f"{n.date:%m-%d}", n.needed, n.beds, n.people, n.unnamed) for n in found.nights
            ]
    return []


class TestHotelOf:
    def test_own_hotel_wins_then_first_group_then_delegation(self) -> None:
        plan = loaded(
            """
            [venues.garden]
            name = "Garden"
            [groups.vip]
            members = ["aoki"]
            [groups.speakers]
            members = ["aoki", "sato"]
            hotel = "garden"
            [groups.late]
            members = ["sato"]
            hotel = "center"
            """,
            {
                "[delegations.japan]": 'hotel = "hotel"',
                "[delegations.china]": 'hotel = "hotel"',
                "[people.chen]": 'hotel = "center"',
            },
        )
        people = plan.person_by_id
        assert lodging.hotel_of(plan, people["chen"]) == "center"
        # aoki: vip has no hotel, speakers (the first listed group that has one) does.
        assert lodging.hotel_of(plan, people["aoki"]) == "garden"
        # sato: speakers is listed before late.
        assert lodging.hotel_of(plan, people["sato"]) == "garden"

    def test_delegation_hotel_when_nothing_closer(self) -> None:
        plan = loaded(
            '[groups.vip]\nmembers = ["aoki"]\n', {"[delegations.japan]": 'hotel = "hotel"'}
        )
        assert lodging.hotel_of(plan, plan.person_by_id["aoki"]) == "hotel"
        assert lodging.hotel_of(plan, plan.person_by_id["chen"]) is None

    def test_lodging_false_is_inherited_like_hotel(self) -> None:
        plan = loaded(
            '[groups.locals]\nmembers = ["chen"]\nlodging = false\n',
            {
                "[delegations.japan]": "lodging = false",
                "[delegations.china]": "lodging = true",
                "[people.sato]": "lodging = true",
            },
        )
        people = plan.person_by_id
        assert not lodging.lodges(plan, people["chen"])
        assert not lodging.lodges(plan, people["aoki"])
        assert lodging.lodges(plan, people["sato"])

    def test_lodging_in_use_only_with_a_hotel_or_a_booking(self) -> None:
        assert not lodging.lodging_in_use(loaded())
        assert lodging.lodging_in_use(loaded(inserts={"[people.sato]": 'hotel = "hotel"'}))
        booking = '[[bookings]]\nhotel = "hotel"\nfrom = 2025-07-23\nto = 2025-07-24\nrooms = 1\n'
        assert lodging.lodging_in_use(loaded(booking))


class TestNights:
    def test_arrival_date_to_the_night_before_departure(self) -> None:
        plan = loaded(
            """
            [people.kato]
            name = "Kato"
            hotel = "hotel"
            arrive = 2025-07-21T23:30:00
            depart = 2025-07-24T09:00:00
            """
        )
        guest = lodging.guest_of(plan, plan.person_by_id["kato"])
        assert guest == lodging.Guest("kato", "hotel", D(2025, 7, 21), D(2025, 7, 24))
        assert guest.nights == 3

    def test_no_stay_given_means_every_night_of_the_event(self) -> None:
        plan = loaded('[people.kato]\nname = "Kato"\nhotel = "hotel"\n')
        guest = lodging.guest_of(plan, plan.person_by_id["kato"])
        assert guest == lodging.Guest("kato", "hotel", D(2025, 7, 23), D(2025, 7, 24))

    def test_arrival_in_another_zone_is_dated_in_the_event_zone(self) -> None:
        # 00:30 in Tokyo on the 22nd is 23:30 in Shanghai on the 21st.
        plan = loaded(
            '[people.kato]\nname = "Kato"\nhotel = "hotel"\narrive = 2025-07-22T00:30:00+09:00\n'
        )
        guest = lodging.guest_of(plan, plan.person_by_id["kato"])
        assert guest is not None
        assert guest.check_in == D(2025, 7, 21)

    def test_a_day_visit_needs_no_bed(self) -> None:
        plan = loaded(
            '[people.kato]\nname = "Kato"\narrive = 2025-07-23T08:00:00\n'
            "depart = 2025-07-23T20:00:00\n"
        )
        assert lodging.guest_of(plan, plan.person_by_id["kato"]) is None

    def test_rooming_counts_named_unnamed_and_beds(self) -> None:
        plan = loaded(
            """
            [[bookings]]
            hotel = "hotel"
            from = 2025-07-22
            to = 2025-07-24
            rooms = 3
            beds = 2
            """,
            {
                "[delegations.japan]": 'hotel = "hotel"',
                "[delegations.china]": 'hotel = "hotel"',
                "[people.aoki]": "arrive = 2025-07-22T20:00:00",
            },
        )
        # japan: 5 - 2 named = 3 unnamed; china: 4 - 1 = 3; the event has one night (23rd).
        assert nights_of(plan, "hotel") == [
            ("07-22", 1, 6, ("aoki",), 0),
            ("07-23", 9, 6, ("aoki", "chen", "sato"), 6),
        ]


# --- the property: rooming equals a brute-force count over generated plans ------------------

ZONE = ZoneInfo("Asia/Shanghai")
START, END = D(2025, 7, 20), D(2025, 7, 23)
HOTELS = ("h1", "h2")
maybe_hotel = st.sampled_from((None, *HOTELS))
maybe_lodging = st.sampled_from((None, None, True, False))
moment = st.one_of(
    st.none(),
    st.builds(
        lambda days, hour: (
            dt.datetime.combine(START, dt.time(hour), ZONE) + dt.timedelta(days=days)
        ),
        st.integers(-2, 5),
        st.integers(0, 23),
    ),
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    event = Event(Text.plain("t"), "Asia/Shanghai", ZONE, START, END)
    delegations = tuple(
        Delegation(
            f"d{i}",
            Text.plain("d"),
            draw(st.one_of(st.none(), st.integers(0, 6))),
            None,
            Origin(0, ()),
            hotel=draw(maybe_hotel),
            lodging=draw(maybe_lodging),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    people = []
    for i in range(draw(st.integers(0, 6))):
        arrive, depart = draw(moment), draw(moment)
        people.append(
            Person(
                f"p{i}",
                Text.plain("p"),
                delegation=draw(st.sampled_from((None, *(d.id for d in delegations)))),
                arrive=arrive,
                depart=depart,
                hotel=draw(maybe_hotel),
                lodging=draw(maybe_lodging),
            )
        )
    ids = [p.id for p in people]
    groups = tuple(
        Group(
            f"g{i}",
            None,
            tuple(draw(st.lists(st.sampled_from(ids), unique=True)) if ids else ()),
            0,
            Origin(0, ()),
            hotel=draw(maybe_hotel),
            lodging=draw(maybe_lodging),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    bookings = tuple(
        Booking(
            draw(st.sampled_from(HOTELS)),
            START + dt.timedelta(days=first),
            START + dt.timedelta(days=first + length),
            draw(st.integers(0, 3)),
            draw(st.integers(1, 2)),
            Origin(0, ()),
        )
        for first, length in draw(
            st.lists(st.tuples(st.integers(-2, 4), st.integers(1, 3)), max_size=3)
        )
    )
    return Plan(
        event=event,
        delegations=delegations,
        people=tuple(people),
        groups=groups,
        bookings=bookings,
    )


def brute_force(plan: Plan) -> dict[tuple[str, dt.date], tuple[int, int, set[str], int]]:
    """Night by night and person by person, straight from the contract's words."""
    found: dict[tuple[str, dt.date], tuple[int, int, set[str], int]] = {}
    for offset in range(-10, 15):
        night = START + dt.timedelta(days=offset)
        for hotel in HOTELS:
            people = set()
            for person in plan.people:
                holders: list[Person | Group | Delegation] = [
                    person,
                    *(g for g in plan.groups if person.id in g.members),
                    *(d for d in plan.delegations if d.id == person.delegation),
                ]
                hotel_of = next((h.hotel for h in holders if h.hotel is not None), None)
                lodges = next((h.lodging for h in holders if h.lodging is not None), True)
                first = person.arrive.date() if person.arrive else plan.event.start
                last = person.depart.date() if person.depart else plan.event.end
                if lodges and hotel_of == hotel and first <= night < last:
                    people.add(person.id)
            unnamed = 0
            for d in plan.delegations:
                named = sum(1 for p in plan.people if p.delegation == d.id)
                in_event = plan.event.start <= night < plan.event.end
                if d.hotel == hotel and d.lodging is not False and in_event:
                    unnamed += max(0, (d.headcount or 0) - named)
            beds = sum(
                b.rooms * b.beds
                for b in plan.bookings
                if b.hotel == hotel and b.first <= night < b.checkout
            )
            if (
                people
                or unnamed
                or any(b.hotel == hotel and b.first <= night < b.checkout for b in plan.bookings)
            ):
                found[hotel, night] = (len(people) + unnamed, beds, people, unnamed)
    return found


@settings(max_examples=200, deadline=None)
@given(plans())
def test_rooming_equals_a_brute_force_count(plan: Plan) -> None:
    computed = {
        (hotel.hotel, night.date): (night.needed, night.beds, set(night.people), night.unnamed)
        for hotel in lodging.rooming(plan)
        for night in hotel.nights
    }
    assert computed == brute_force(plan)
