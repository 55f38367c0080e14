import datetime as dt
import string
import tomllib
from pathlib import Path

import pytest

from seminar_plan import locales

LOCALES = Path(locales.__file__).parent


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_the_catalogues_are_the_toml_files_beside_the_loader() -> None:
    files = sorted(path.stem for path in LOCALES.glob("*.toml"))
    assert sorted(locales.languages()) == files
    assert locales.languages()[0] == "en"
    assert {"en", "ja", "zh"} <= set(files)


@pytest.mark.parametrize("lang", locales.languages())
def test_every_catalogue_has_english_keys_and_placeholders(lang: str) -> None:
    english = locales.catalogue("en")
    words = locales.catalogue(lang)
    assert words.keys() == english.keys()
    for key, template in english.items():
        assert placeholders(words[key]) == placeholders(template), key
        assert words[key].strip(), key


@pytest.mark.parametrize("lang", locales.languages())
def test_every_value_is_a_string(lang: str) -> None:
    with (LOCALES / f"{lang}.toml").open("rb") as file:
        document = tomllib.load(file)

    def leaves(table: dict[str, object]) -> list[object]:
        found: list[object] = []
        for value in table.values():
            found.extend(leaves(value) if isinstance(value, dict) else [value])
        return found

    assert all(isinstance(value, str) for value in leaves(document))


def test_a_label_falls_back_to_english() -> None:
    assert locales.label("fr", "runsheet.sheet") == "Run sheet"
    assert locales.label("ja", "runsheet.sheet") == "進行表"
    assert locales.catalogue("fr") == {}
    assert locales.catalogue("../en") == {}


def test_fields_are_filled_only_when_given() -> None:
    assert locales.label("en", "runsheet.day") == "Day {n}"
    assert locales.label("en", "runsheet.day", n=2) == "Day 2"


def test_an_unknown_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        locales.label("ja", "runsheet.no-such-label")


def test_weekday_and_month_names() -> None:
    thursday = dt.date(2025, 7, 24)
    assert [locales.weekday(lang, thursday) for lang in ("en", "ja", "zh")] == ["Thu", "木", "周四"]
    assert locales.month("en", thursday) == "July"


def test_labels_view_one_section() -> None:
    labels = locales.Labels("zh", "diff")
    assert labels["none"] == "无"
    assert "heading" in set(labels)
    assert len(labels) == len([k for k in locales.catalogue("en") if k.startswith("diff.")])


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "zh_CN.GB18030"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8@euro"}, "ja"),
        ({"LANG": "ja"}, "ja"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "fr_FR.UTF-8"}, None),
        ({}, None),
        # The first that is set decides, as in gettext: LC_ALL, then LC_MESSAGES, then LANG.
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, None),
        ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "ja_JP.UTF-8"}, "ko"),
        ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, None),
    ],
)
def test_the_terminal_language_is_the_locale_s_when_it_has_a_catalogue(
    environ: dict[str, str], expected: str | None
) -> None:
    assert locales.terminal_language(environ) == expected
