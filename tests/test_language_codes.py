"""Language codes: real ISO 639 codes with optional script and region, and what was meant."""

from __future__ import annotations

import subprocess
import sys

import pytest

from seminar_plan.language_codes import ISO_639_1, Verdict, canonical, judge


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ja", "ja"),
        ("JA", "ja"),
        ("zh-hant", "zh-Hant"),
        ("zh-cn", "zh-CN"),
        ("ZH-HANT-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("yue", "yue"),
        ("ain", "ain"),
    ],
)
def test_real_codes_in_canonical_case(tag: str, expected: str) -> None:
    assert judge(tag) == Verdict(expected)


@pytest.mark.parametrize(
    ("tag", "meant"),
    [
        ("jp", "ja"),
        ("cn", "zh"),
        ("gr", "el"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("iw", "he"),
        ("jp-JP", "ja-JP"),
        ("zh-Hantt", "zh"),
        ("tgl", "fil"),
    ],
)
def test_unknown_codes_name_the_code_meant(tag: str, meant: str) -> None:
    assert judge(tag) == Verdict(None, meant=meant)


def test_nonsense_still_gets_a_real_code_as_hint() -> None:
    verdict = judge("xq")
    assert verdict.canonical is None
    assert verdict.meant in ISO_639_1


@pytest.mark.parametrize(("tag", "meant"), [("kr", "ko"), ("KR", "ko"), ("se", "sv")])
def test_real_codes_that_are_usually_a_country(tag: str, meant: str) -> None:
    assert judge(tag) == Verdict(tag.lower(), mistyped=True, meant=meant)


def test_canonical_refuses_what_is_not_shaped_like_a_tag() -> None:
    assert canonical("ja_JP") is None
    assert canonical("japanese") is None
    assert canonical("zh-Hant-TW") == "zh-Hant-TW"


def test_the_registry_is_imported_only_for_rare_three_letter_codes() -> None:
    script = (
        "import sys\n"
        "from seminar_plan.language_codes import judge\n"
        "judge('ja'); judge('kr'); judge('jp'); judge('yue')\n"
        "assert 'langcodes' not in sys.modules\n"
        "judge('ary')\n"
        "assert 'langcodes' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
