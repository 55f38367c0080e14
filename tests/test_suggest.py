import pytest
from hypothesis import given
from hypothesis import strategies as st

from seminar_plan import suggest


def test_closest_is_a_near_spelling_or_nothing() -> None:
    assert suggest.closest("hal", ["hall", "salon"]) == "hall"
    assert suggest.closest("xyz", ["hall", "salon"]) is None
    assert suggest.closest("Tuesday", []) is None


def test_the_same_word_in_another_case_comes_first() -> None:
    assert suggest.closest("Sato", ["satoh", "sato"]) == "sato"
    assert suggest.closest("ZH", ["zh", "en"]) == "zh"


def test_a_stricter_cutoff_suggests_less() -> None:
    assert suggest.closest("Shanghi", ["shanghai"], cutoff=0.6) == "shanghai"
    assert suggest.closest("Shg", ["shanghai"], cutoff=0.6) is None


def test_nearest_id_always_names_one_when_there_are_ids() -> None:
    assert suggest.nearest_id("opening", ["opening-ceremony", "lunch"]) == "opening-ceremony"
    assert suggest.nearest_id("q", ["lunch"]) == "lunch"
    assert suggest.nearest_id("q", []) is None


@given(st.text(max_size=12), st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_nearest_id_is_one_of_the_ids(word: str, ids: list[str]) -> None:
    assert suggest.nearest_id(word, ids) in ids


def test_the_hint_and_the_one_line_refusal() -> None:
    assert suggest.did_you_mean("kid", ["kind", "title"]) == "did you mean 'kind'?"
    assert suggest.did_you_mean("zzz", ["kind"]) is None
    assert suggest.unknown_message("room", "hal", ["hall", "salon"]) == (
        "unknown room 'hal'; did you mean 'hall'? (known: hall, salon)"
    )
    assert suggest.unknown_message("track", "x", []) == "unknown track 'x' (known: none)"


def test_the_parser_keeps_its_public_names() -> None:
    from seminar_plan.load.parse import scalars

    assert scalars.closest is suggest.closest
    assert scalars.nearest_id is suggest.nearest_id
    assert scalars.did_you_mean is suggest.did_you_mean


MANY = [f"p{n}" for n in range(5000)] + ["opening-ceremony", "Lunch-Day-1"]
MANY_NEAREST = suggest.Nearest(MANY)


@given(st.text(max_size=8), st.lists(st.text(max_size=8), min_size=1, max_size=suggest.SHORTLIST))
def test_nearest_over_few_ids_is_nearest_id(word: str, ids: list[str]) -> None:
    assert suggest.Nearest(ids)(word) == suggest.nearest_id(word, ids)


@given(st.text(max_size=12))
def test_nearest_over_many_ids_names_one_of_them(word: str) -> None:
    assert MANY_NEAREST(word) in MANY


@pytest.mark.parametrize(
    "word", ["pp123", "p12x3", "p1234x", "q4321", "p3214", "P77", "opening", "lunch-day-1"]
)
def test_nearest_over_many_ids_finds_what_nearest_id_finds(word: str) -> None:
    assert MANY_NEAREST(word) == suggest.nearest_id(word, MANY)


def test_each_lookup_compares_a_bounded_number_of_ids() -> None:
    nearest = suggest.Nearest(MANY)
    words = ["pp123", "zzzzzz", "p99999x", "", "opening", "ceremony-opening"]
    for word in words:
        nearest(word)
    assert 0 < nearest.compared <= suggest.SHORTLIST * len(words)
    # An answer is kept: asking again compares nothing.
    compared = nearest.compared
    assert nearest("pp123") == "p123"
    assert nearest.compared == compared
