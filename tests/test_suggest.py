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
