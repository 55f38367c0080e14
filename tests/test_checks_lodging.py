"""The lodging and catering rules: each fires where the contract says, and only there."""

from __future__ import annotations

from conftest import findings_of, plan_text, session, summary

HOTELS = {
    "[delegations.japan]": 'hotel = "hotel"',
    "[delegations.china]": 'hotel = "hotel"',
}


def text_with(extra: str = "", inserts: dict[str, str] | None = None) -> str:
    text = plan_text(extra)
    for header, lines in (inserts or {}).items():
        text = text.replace(f"{header}\n", f"{header}\n{lines}\n", 1)
    return text


def booking(first: str, to: str, rooms: int, beds: int = 1, hotel: str = "hotel") -> str:
    return (
        f'[[bookings]]\nhotel = "{hotel}"\nfrom = {first}\nto = {to}\nrooms = {rooms}\n'
        f"beds = {beds}\n"
    )


class TestLodgingShort:
    def test_too_few_beds_on_a_night(self) -> None:
        # One night (the 23rd); japan 5 and china 4 need 9 beds; 4 twin rooms hold 8.
        text = text_with(booking("2025-07-23", "2025-07-24", 4, 2), HOTELS)
        assert summary(text) == [("lodging-short", ("hotel",))]
        (finding,) = findings_of(text)
        assert finding.severity == "error"
        assert "2025-07-23 needs 9, booked 8" in finding.message
        assert finding.place.line == text.splitlines().index("[venues.hotel]") + 1

    def test_enough_beds(self) -> None:
        text = text_with(booking("2025-07-23", "2025-07-24", 9), HOTELS)
        assert summary(text) == []

    def test_departing_on_the_morning_after_the_last_booked_night_needs_no_more(self) -> None:
        # kato arrives on the 22nd and leaves on the morning of the 24th: nights 22 and 23.
        # The booking holds one bed from the 22nd to the 24th (nights 22, 23): enough.
        inserts = {"[people.aoki]": 'hotel = "hotel"'}
        extra = (
            '[people.kato]\nname = "Kato"\nhotel = "garden"\narrive = 2025-07-22T20:00:00\n'
            "depart = 2025-07-24T08:00:00\n"
            '[venues.garden]\nname = "Garden"\n'
            + booking("2025-07-22", "2025-07-24", 1, hotel="garden")
        )
        assert summary(text_with(extra, inserts), "lodging-short") == [
            ("lodging-short", ("hotel",))
        ]
        assert [f for f in findings_of(text_with(extra, inserts)) if "garden" in f.subjects] == []

    def test_the_morning_of_departure_is_not_a_night(self) -> None:
        # Departing the morning of the 23rd: only the night of the 22nd, which is booked.
        extra = (
            '[people.kato]\nname = "Kato"\nhotel = "hotel"\narrive = 2025-07-22T20:00:00\n'
            "depart = 2025-07-23T09:00:00\n" + booking("2025-07-22", "2025-07-23", 1)
        )
        assert summary(text_with(extra), "lodging-short") == []

    def test_staying_one_night_longer_than_booked_is_short(self) -> None:
        extra = (
            '[people.kato]\nname = "Kato"\nhotel = "hotel"\narrive = 2025-07-22T20:00:00\n'
            "depart = 2025-07-24T09:00:00\n" + booking("2025-07-22", "2025-07-23", 1)
        )
        text = text_with(extra)
        assert summary(text, "lodging-short") == [("lodging-short", ("hotel",))]
        (finding,) = [f for f in findings_of(text) if f.code == "lodging-short"]
        assert "1 night: 2025-07-23 needs 1, booked 0" in finding.message

    def test_locals_need_no_bed(self) -> None:
        inserts = {**HOTELS, "[delegations.china]": 'hotel = "hotel"\nlodging = false'}
        # japan's 5 need beds; china (and chen with it) is local.
        text = text_with(booking("2025-07-23", "2025-07-24", 5), inserts)
        assert summary(text, "lodging-short") == []

    def test_not_checked_without_hotels_or_bookings(self) -> None:
        assert summary(text_with()) == []


class TestNoLodging:
    def test_a_named_person_with_no_hotel(self) -> None:
        text = text_with(
            booking("2025-07-23", "2025-07-24", 9), {"[delegations.japan]": 'hotel = "hotel"'}
        )
        assert summary(text) == [("no-lodging", ("chen",))]
        (finding,) = findings_of(text)
        assert finding.severity == "warning"
        assert finding.hint is not None
        assert "lodging = false" in finding.hint

    def test_not_for_a_local_or_a_day_visitor(self) -> None:
        inserts = {
            "[delegations.japan]": 'hotel = "hotel"',
            "[people.chen]": "lodging = false",
        }
        extra = (
            '[people.kato]\nname = "Kato"\narrive = 2025-07-23T08:00:00\n'
            "depart = 2025-07-23T21:00:00\n" + booking("2025-07-23", "2025-07-24", 9)
        )
        assert summary(text_with(extra, inserts)) == []

    def test_not_checked_in_a_plan_without_lodging(self) -> None:
        assert summary(text_with(), "no-lodging") == []


class TestUnusedBooking:
    def test_a_booking_where_nobody_sleeps(self) -> None:
        text = text_with(
            booking("2025-07-23", "2025-07-24", 9)
            + booking("2025-07-23", "2025-07-24", 2, hotel="center"),
            HOTELS,
        )
        assert summary(text) == [("unused-booking", ("center",))]

    def test_not_when_someone_sleeps_there(self) -> None:
        assert summary(text_with(booking("2025-07-23", "2025-07-24", 9), HOTELS)) == []


class TestDietTag:
    def test_tags_must_be_lowercase_with_hyphens(self) -> None:
        text = text_with(
            inserts={
                "[people.aoki]": 'diet = ["Halal", "gluten free", "allergy-peanut"]',
                "[delegations.china]": "diets = { no_pork = 1, vegan = 2 }",
            }
        )
        found = [(f.code, f.subjects, f.hint) for f in findings_of(text)]
        assert found == [
            ("diet-tag", ("china",), "write 'no-pork'"),
            ("diet-tag", ("aoki",), "write 'halal'"),
            ("diet-tag", ("aoki",), "write 'gluten-free'"),
        ]


class TestDietCount:
    def test_a_diet_count_above_the_meal_count(self) -> None:
        text = text_with(
            session("lunch", "12:00", "13:00", kind="meal", attendees=["china"], attendance=2),
            {"[delegations.china]": "diets = { halal = 3 }"},
        )
        assert summary(text) == [("diet-count", ("lunch",))]

    def test_diets_within_the_count(self) -> None:
        text = text_with(
            session("lunch", "12:00", "13:00", kind="meal", attendees=["china"]),
            {"[delegations.china]": "diets = { halal = 3, vegetarian = 3 }"},
        )
        assert summary(text) == []


class TestParsing:
    def test_unknown_hotel_is_an_unknown_ref(self) -> None:
        text = text_with(inserts={"[people.aoki]": 'hotel = "hotle"'})
        found = [(f.code, f.subjects, f.hint) for f in findings_of(text) if f.code == "unknown-ref"]
        assert found == [("unknown-ref", ("aoki", "hotle"), "did you mean 'hotel'?")]

    def test_bad_bookings_are_schema_errors(self) -> None:
        text = text_with(
            booking("2025-07-24", "2025-07-23", 1)
            + booking("2025-07-23T10:00:00", "2025-07-24", 1)
            + booking("2025-07-23", "2025-07-24", 1, 0)
            + booking("2025-07-23", "2025-07-24", 1).replace("rooms", "room")
        )
        messages = [f.message for f in findings_of(text) if f.code == "schema"]
        assert messages == [
            "to (2025-07-23) must be after from (2025-07-24): to is the morning of check-out",
            "from must be a TOML date, not a date-time",
            "beds must be at least 1, not 0",
            "missing required key 'rooms'",
            "unknown key 'room'",
        ]

    def test_bad_lodging_keys_are_schema_errors(self) -> None:
        text = text_with(
            inserts={
                "[people.aoki]": 'diet = "halal"\nlodging = "no"',
                "[delegations.china]": 'diets = ["halal"]',
            }
        )
        assert [f.message for f in findings_of(text) if f.code == "schema"] == [
            "diets must be a table of tag to count, not a list",
            "diet must be a list of tags, not a string",
            "lodging must be true or false, not a string",
        ]
