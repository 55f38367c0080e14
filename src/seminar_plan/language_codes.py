"""Language codes: is a code real, and if not, which real code was probably meant (pure).

A code is an ISO 639-1 code, or an ISO 639-3 code for a language with no two-letter code,
optionally followed by a BCP 47 script (``zh-Hant``) and/or region (``zh-CN``) subtag; case does
not matter. The two-letter table and the codes seen in practice are answered here without any
import; only a three-letter code outside them asks ``langcodes`` (imported on that path only:
it costs a few hundred milliseconds of start-up).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

# ISO 639-1, all 184 codes.
_ISO_639_1_TEXT = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
    hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
    lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
    or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
    ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1_TEXT.split())
# ISO 639-3 codes of languages with no two-letter code that East Asian and international
# programmes name often; any other three-letter code is looked up in langcodes.
_COMMON_639_3_TEXT = (
    "yue cmn nan hak wuu hsn gan cjy cdo fil haw ceb hmn ilo ain ryu mnc ase jsl kvk"
)
COMMON_639_3 = frozenset(_COMMON_639_3_TEXT.split())
# Real codes that are almost always a country code typed by mistake -> the intended code.
MISTYPED_COUNTRIES = {"kr": "ko", "se": "sv", "tw": "zh-TW"}
# The languages those codes really name are in the catalogues' [load.language] table.
# Codes that are not languages (country codes, retired codes, three-letter codes of languages
# that have a two-letter one) -> the code meant.
MEANT = {
    "jp": "ja", "cn": "zh", "gr": "el", "cz": "cs", "dk": "da", "ua": "uk", "vn": "vi",
    "gb": "en", "us": "en", "il": "he", "ir": "fa", "kz": "kk", "ge": "ka", "at": "de",
    "mx": "es", "sp": "es", "rs": "sr", "al": "sq",
    "in": "id", "iw": "he", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr-Latn",
    "jpn": "ja", "kor": "ko", "zho": "zh", "chi": "zh", "eng": "en", "fra": "fr", "fre": "fr",
    "deu": "de", "ger": "de", "spa": "es", "rus": "ru", "ara": "ar", "por": "pt", "ita": "it",
    "vie": "vi", "tha": "th", "ind": "id", "msa": "ms", "may": "ms", "hin": "hi", "mon": "mn",
    "jap": "ja",
}  # fmt: skip
# The whole tag: a language of two or three letters, then a script and a region, each optional.
TAG = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|\d{3}))?\Z")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a code is: ``canonical`` (None when it is no language code), ``mistyped`` for a real
    code that was most likely meant as another, and ``meant``: the code to suggest."""

    canonical: str | None
    mistyped: bool = False
    meant: str | None = None


def canonical(tag: str) -> str | None:
    """``tag`` in its canonical case (``zh-Hant-TW``), when it is shaped like a language tag."""
    match = TAG.match(tag)
    if match is None:
        return None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def _known_elsewhere(language: str) -> tuple[bool, str | None]:
    """Whether langcodes knows the three-letter ``language``, and the code it prefers."""
    # Heavy (a large registry): imported only for a rare code.
    import langcodes

    if not langcodes.tag_is_valid(language) or "qaa" <= language <= "qtz":
        return False, None
    preferred = langcodes.standardize_tag(language)
    return True, preferred if preferred != language else None


def _nearest(language: str) -> str:
    options = sorted(ISO_639_1 | COMMON_639_3)
    match = difflib.get_close_matches(language, options, n=1, cutoff=0.0)
    return match[0] if match else "en"


# A plan writes a few codes thousands of times (every name's ja/zh/en): each is judged once.
@functools.lru_cache(maxsize=1024)
def judge(tag: str) -> Verdict:
    """Whether ``tag`` is a real language code (case ignored), and what was meant if not."""
    shaped = canonical(tag)
    language = (shaped or tag).split("-")[0].lower()
    if shaped is None:
        prefix = re.match(r"[A-Za-z]{2,3}", tag)
        base = prefix.group(0).lower() if prefix else ""
        if base in ISO_639_1 or base in COMMON_639_3:
            return Verdict(None, meant=base)
        return Verdict(None, meant=MEANT.get(base) or _nearest(base or tag.lower()))
    rest = shaped[len(language) :]
    if language in MEANT:
        return Verdict(None, meant=MEANT[language] + rest)
    if language in ISO_639_1:
        if language in MISTYPED_COUNTRIES:
            return Verdict(shaped, mistyped=True, meant=MISTYPED_COUNTRIES[language])
        return Verdict(shaped)
    if language in COMMON_639_3:
        return Verdict(shaped)
    if len(language) == 3:
        known, preferred = _known_elsewhere(language)
        if known and preferred is None:
            return Verdict(shaped)
        if preferred is not None:
            return Verdict(None, meant=preferred + rest)
    return Verdict(None, meant=_nearest(language))
