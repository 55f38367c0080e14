"""Near spellings: the one place that decides what "did you mean" suggests, and how it says so.

The parser's hints, the CLI's refusals of an unknown ``--room``/``--day``/``--lang`` and the
importer's unknown columns all go through here, so they suggest alike.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Sequence

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


# How many ids one lookup of ``Nearest`` compares with difflib at most.
SHORTLIST = 64


class Nearest:
    """``nearest_id`` over one fixed set of ids, asked many times: each lookup compares at most
    ``SHORTLIST`` ids with difflib, not every id (a plan with 1% misspelt references was
    quadratic). Up to ``SHORTLIST`` ids it is ``nearest_id`` itself.

    On more ids: the same spelling in another case; else the closest (difflib, as ``closest``)
    of the ids within one edit of ``word`` (one letter deleted from either, so a letter added,
    dropped, changed or two swapped), found through an index of each id with one letter
    deleted; else an id that contains ``word`` or that it contains, as ``nearest_id``; else the
    most similar of the ids that sort next to it. Answers are kept per word.
    """

    def __init__(self, options: Sequence[str]) -> None:
        self.options = list(options)
        self.answers: dict[str, str | None] = {}
        # How many ids were given to difflib, over all lookups (the tests bound it).
        self.compared = 0
        self.by_fold: dict[str, list[str]] = {}
        self.by_deletion: dict[str, list[str]] = {}
        self.ordered: list[str] = []
        # The case-folded ids, one a line, and where each starts: a substring search is one
        # str.find in C, and only the ids it hits are looked at.
        self.folds: list[str] = []
        self.haystack = ""
        self.starts: list[int] = []
        if len(self.options) > SHORTLIST:
            self._index()

    def _index(self) -> None:
        self.folds = [option.casefold() for option in self.options]
        for option, fold in zip(self.options, self.folds, strict=True):
            self.by_fold.setdefault(fold, []).append(option)
            for variant in {option} | _deletions(option):
                self.by_deletion.setdefault(variant, []).append(option)
        self.ordered = sorted(self.options)
        self.haystack = "\n".join(self.folds)
        start = 0
        for fold in self.folds:
            self.starts.append(start)
            start += len(fold) + 1

    def _containing(self, folded: str) -> set[str]:
        """The ids that contain ``folded`` or that it contains (case-folded), as nearest_id."""
        found: set[str] = set()
        longest = max(map(len, self.by_fold))
        for begin in range(len(folded)):
            for end in range(begin + 1, min(len(folded), begin + longest) + 1):
                found.update(self.by_fold.get(folded[begin:end], ()))
        position = self.haystack.find(folded)
        while position >= 0:
            index = bisect.bisect_right(self.starts, position) - 1
            if folded in self.folds[index]:
                found.add(self.options[index])
                position = self.starts[index] + len(self.folds[index]) + 1
            else:
                position += 1
            position = self.haystack.find(folded, position)
        return found

    def __call__(self, word: str) -> str | None:
        if word not in self.answers:
            self.answers[word] = self._find(word)
        return self.answers[word]

    def _find(self, word: str) -> str | None:
        if len(self.options) <= SHORTLIST:
            self.compared += len(self.options)
            return nearest_id(word, self.options)
        folded = word.casefold()
        same = [option for option in self.by_fold.get(folded, ()) if option != word]
        if same:
            return same[0]
        near: dict[str, None] = {}
        for variant in {word} | _deletions(word):
            near.update(dict.fromkeys(self.by_deletion.get(variant, ())))
        shortlist = list(near)[:SHORTLIST]
        self.compared += len(shortlist)
        match = difflib.get_close_matches(word, shortlist, n=1, cutoff=CUTOFF)
        if match:
            return match[0]
        containing = self._containing(folded)
        if containing:
            return min(containing, key=lambda o: (abs(len(o) - len(word)), o))
        middle = bisect.bisect(self.ordered, word)
        around = self.ordered[max(0, middle - SHORTLIST // 2) : middle + SHORTLIST // 2]
        self.compared += len(around)
        best = difflib.get_close_matches(word, around, n=1, cutoff=0.0)
        return best[0] if best else None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


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
