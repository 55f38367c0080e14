"""Ids and names: an id from the Latin name, else from the pinyin or kana reading (kana in
Hepburn romaji).
"""

from __future__ import annotations

import unicodedata

from seminar_plan.exports.conference import slugify

# How a name is read, kept as a variant of the name in a BCP 47 script: kana (ja-Hrkt) and
# pinyin (zh-Latn). An id comes from them when the sheet has no Latin name.
KANA = "ja-Hrkt"
PINYIN = "zh-Latn"
NUMBERED_PREFIX = "person-"
# Kana -> Hepburn romaji, for ids from a kana column (katakana; hiragana is mapped to it).
# fmt: off
_KANA_PAIRS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
}
# fmt: on
_KANA = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ"
        "ワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "o",
            "n",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "a",
            "i",
            "u",
            "e",
            "o",
        ],
        strict=True,
    )
)

Variants = tuple[tuple[str, str], ...]


def _is_latin(value: str) -> bool:
    letters = [char for char in unicodedata.normalize("NFKC", value) if char.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)


def romanise_kana(value: str) -> str | None:
    """Kana in Hepburn romaji (``サトウ タロウ`` -> ``satou tarou``); None if ``value`` has
    anything but kana, the long-vowel mark and spaces."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)
    out: list[str] = []
    index = 0
    double = False
    while index < len(text):
        pair, char = text[index : index + 2], text[index]
        if pair in _KANA_PAIRS or char in _KANA:
            syllable = _KANA_PAIRS.get(pair) or _KANA[char]
            index += 2 if pair in _KANA_PAIRS else 1
            out.append(syllable[0] + syllable if double else syllable)
            double = False
        elif char == "ッ":
            double, index = True, index + 1
        elif char == "ー" or char.isspace():
            out.append(" " if char.isspace() else "")
            index += 1
        else:
            return None
    romaji = "".join(out).strip()
    return romaji or None


def romanised_id(name: Variants) -> str | None:
    """The id from the name in Latin letters (English first, then pinyin or any other), else
    from its kana reading; None if the name has neither."""
    for _, value in sorted(name, key=lambda variant: variant[0] != "en"):
        if _is_latin(value):
            slug = slugify(unicodedata.normalize("NFKC", value))
            if slug:
                return slug
    for lang, value in name:
        romaji = romanise_kana(value) if lang == KANA else None
        if romaji:
            return slugify(romaji) or None
    return None
