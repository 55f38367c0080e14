"""Messages as data: a catalogue key and its fields, rendered in any language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seminar_plan.locales import FALLBACK, catalogue, languages
from seminar_plan.messages import Listing, Message, names, render, text

OVERLAP = {
    "later": "talk-b",
    "later_span": "2025-09-01 10:30-11:30",
    "earlier": "talk-a",
    "earlier_span": "2025-09-01 10:00-11:00",
    "room": "small-room",
}


def test_a_message_keeps_its_values_in_the_english_templates_order() -> None:
    shuffled = dict(reversed(OVERLAP.items()))
    message = text("finding.room-overlap", **shuffled)
    assert names("finding.room-overlap") == tuple(OVERLAP)
    assert message == Message("finding.room-overlap", tuple(OVERLAP.values()))


def test_rendered_in_english_with_the_related_place() -> None:
    message = text("finding.room-overlap", **OVERLAP)
    assert render(message, "en", "plan.toml:170") == (
        "'talk-b' (2025-09-01 10:30-11:30) overlaps 'talk-a' (2025-09-01 10:00-11:00,"
        " plan.toml:170) in room 'small-room'"
    )


def test_rendered_in_japanese_keeping_ids_and_times() -> None:
    message = text("finding.room-overlap", **OVERLAP)
    assert render(message, "ja", "plan.toml:170") == (
        "'talk-b'（2025-09-01 10:30-11:30）が部屋 'small-room' で 'talk-a'"
        "（2025-09-01 10:00-11:00、plan.toml:170）と重なっています"
    )


def test_a_language_without_a_catalogue_gets_english() -> None:
    hint = text("finding-hint.room-overlap")
    assert render(hint, "fr") == render(hint, "en") == "move one of them to another room or time"


def test_a_message_without_fields_is_one_shared_object() -> None:
    assert text("finding-hint.room-closed") is text("finding-hint.room-closed")


def test_a_missing_or_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        text("finding.room-overlap", later="x")
    with pytest.raises(KeyError):
        text("finding.room-overlap", **OVERLAP, colour="red")
    with pytest.raises(KeyError):
        text("finding.room-overlap", **{**dict(list(OVERLAP.items())[:-1]), "colour": "red"})
    with pytest.raises(KeyError):
        text("finding.room-overlap")
    with pytest.raises(KeyError):
        text("finding.no-such-code")


def test_nested_messages_and_lists_are_shown_in_the_same_language() -> None:
    nested = Message("finding.room-closed", ("s", "span", Message("list.separator"), "9-5"))
    assert render(nested, "ja") == "'s'（span）は部屋 '、' の利用時間（9-5）外です"
    listed = Message("finding.room-closed", ("s", ("a", "b"), "r", "9-5"))
    assert render(listed, "zh") == "'s'（a、b）不在会场 'r' 的开放时间（9-5）内"
    assert render(listed, "en") == "'s' (a, b) is outside the hours of room 'r' (9-5)"


def test_a_plain_string_is_shown_as_it_is() -> None:
    assert render("invalid TOML", "ja") == "invalid TOML"


FINDING_TABLES = ("finding", "finding-hint", "finding-part")
TEMPLATES = sorted(key for key in catalogue(FALLBACK) if key.partition(".")[0] in FINDING_TABLES)
# Any id, clock or number a plan can give, including braces, quotes and CJK text.
VALUES = st.one_of(st.text(max_size=12), st.integers(min_value=-(10**6), max_value=10**6))


@st.composite
def messages(draw: st.DrawFn) -> tuple[Message, dict[str, object]]:
    key = draw(st.sampled_from(TEMPLATES))
    fields: dict[str, object] = {name: draw(VALUES) for name in names(key)}
    return text(key, **fields), fields


@given(messages(), st.sampled_from(languages()), st.text(max_size=20))
def test_any_finding_template_renders_in_any_language(
    drawn: tuple[Message, dict[str, object]], lang: str, related: str
) -> None:
    message, fields = drawn
    shown = render(message, lang, f"{related}:1")
    for value in fields.values():
        assert str(value) in shown or repr(value) in shown


def test_a_template_naming_the_related_place_needs_one() -> None:
    with pytest.raises(KeyError):
        render(text("finding.room-overlap", **OVERLAP), "en")


def test_variants_no_example_plan_makes_read_as_the_rules_wrote_them() -> None:
    nights = Listing(
        tuple(
            text("finding-part.night", date=f"2025-09-0{day}", needed=3, beds=2)
            for day in (1, 2, 3)
        ),
        "finding-list.nights",
    )
    more = text("finding-part.more-nights", count=2)
    short = text("finding.lodging-short", hotel="inn", count=5, nights=nights, more=more)
    assert render(short, "en") == (
        "hotel 'inn' has too few beds on 5 nights: 2025-09-01 needs 3, booked 2;"
        " 2025-09-02 needs 3, booked 2; 2025-09-03 needs 3, booked 2; and 2 more"
    )
    assert render(short, "ja").endswith("2025-09-03 は 3 人分必要、予約 2 人分、ほか 2 泊")
    homeless = text(
        "finding.no-lodging", person="x", count=2, check_in="2025-09-01", check_out="2025-09-03"
    )
    assert render(homeless, "en") == (
        "'x' needs a bed for 2 nights (2025-09-01 to 2025-09-03) and has no hotel"
    )
    assert render(text("finding-hint.diet-tag-examples"), "en") == (
        "use tags such as 'halal', 'vegan'"
    )
    mute = text(
        "finding.interpreter-language-none", person="g", session="a", languages=("en", "fr")
    )
    assert (
        render(mute, "en") == "'g' interprets 'a' (en, fr) but works in no language the plan gives"
    )
    leaves = text(
        "finding.flight-mismatch-depart",
        person="fred",
        written="2025-09-02 10:00",
        number="XX1",
        flown="2025-09-02 12:00",
        apart=120,
    )
    assert render(leaves, "en", "p.toml:9") == (
        "'fred' has depart = 2025-09-02 10:00, but XX1 (p.toml:9), which carries them,"
        " leaves at 2025-09-02 12:00: 120 minutes apart"
    )
    assert render(text("finding-hint.flight-mismatch-depart"), "en") == (
        "correct depart or the flight, or remove depart to use the flight's time"
    )
