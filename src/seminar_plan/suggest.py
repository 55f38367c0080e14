"""Near spellings: the one place that decides what "did you mean" suggests, and how it says so.

The parser's hints, the CLI's refusals of an unknown ``--room``/``--day``/``--lang`` and the
importer's unknown columns all go through here, so they suggest alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike two spellings must be (difflib's ratio) for one to be suggested for the other.
CUTOFF = 0.5


def closest(word: str, options: Iterable[str], *, cutoff: float = CUTOFF) -> str | None:
    """The option spelled most like ``word``, if any is close; the same word in another case
    counts as closest of all."""
    choices = list(options)
    folded = word.casefold()
    for option in choices:
        if option != word and option.casefold() == folded:
            return option
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def nearest_id(word: str, options: list[str]) -> str | None:
    """The existing id closest to ``word``: a close spelling, else one that contains it (or is
    contained in it), else the most similar at all; None only when there are no ids."""
    match = closest(word, options)
    if match is not None:
        return match
    folded = word.casefold()
    containing = [o for o in options if folded in o.casefold() or o.casefold() in folded]
    if containing:
        return min(containing, key=lambda o: (abs(len(o) - len(word)), o))
    best = difflib.get_close_matches(word, options, n=1, cutoff=0.0)
    return best[0] if best else None


def mean(match: str) -> str:
    """``did you mean 'x'?``"""
    return f"did you mean {match!r}?"


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """``did you mean 'x'?`` for the closest option, or None when none is close."""
    match = closest(word, options)
    return mean(match) if match is not None else None


def unknown_message(what: str, value: str, known: Iterable[str]) -> str:
    """``unknown room 'x'; did you mean 'y'? (known: a, b, c)``: one line, for exit 2."""
    listed = list(known)
    message = f"unknown {what} {value!r}"
    match = closest(value, listed)
    if match is not None:
        message += f"; {mean(match)}"
    listing = ", ".join(listed) if listed else "none"
    return f"{message} (known: {listing})"
