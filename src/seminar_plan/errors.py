"""The root of the package's exceptions: a command that could not run.

A problem in the plan is never an exception (it is a finding). An exception derived from
``SeminarPlanError`` means the command could not do its work at all (a plan that cannot be read,
a file that may not be overwritten, a PDF without a font...); its message is one line for the
user, and the command line maps every one of them to exit status 2 in one place.
"""

from __future__ import annotations


class SeminarPlanError(Exception):
    """The command could not run; the message says why in one line."""
