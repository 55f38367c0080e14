"""The root of the package's exceptions: a command that could not run.

A problem in the plan is never an exception (it is a finding). An exception derived from
``SeminarPlanError`` means the command could not do its work at all (a plan that cannot be read,
a file that may not be overwritten, a PDF without a font...); its message is one line for the
user, and the command line maps every one of them to exit status 2 in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from seminar_plan.messages import Message


class SeminarPlanError(Exception):
    """The command could not run; the message says why in one line.

    ``text``: the same words as data, where the raiser made them from the catalogue, so that
    the command line can say them in the user's language (the message itself is English).
    """

    text: Message | str | None = None

    @classmethod
    def saying(cls, words: Message) -> Self:
        """The error whose message is ``words`` in English, with ``words`` kept as its text."""
        from seminar_plan.messages import render

        error = cls(render(words, "en"))
        error.text = words
        return error
