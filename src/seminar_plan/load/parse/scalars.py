"""Scalar values of a plan: clock times, durations, ids, language codes.

``closest``, ``nearest_id`` and ``did_you_mean`` are re-exported from ``seminar_plan.suggest``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from seminar_plan.messages import Message, text

# The parser's public names for near spellings; "x as x" marks them as re-exported.
from seminar_plan.suggest import closest as closest  # noqa: PLC0414
from seminar_plan.suggest import did_you_mean as did_you_mean  # noqa: PLC0414
from seminar_plan.suggest import nearest_id as nearest_id  # noqa: PLC0414

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
# ASCII digits only, and few of them: \d also matches other scripts' digits, and int() of
# thousands of digits is refused (sys.get_int_max_str_digits) or slow.
CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})\Z")
DURATION = re.compile(r"\s*(?:([0-9]{1,9})\s*h)?\s*(?:([0-9]{1,9})\s*m(?:in)?)?\s*\Z")
DAY_NUMBER = re.compile(r"[0-9]{1,9}\Z")
MINUTES_PER_DAY = 24 * 60
MAX_TRAVEL_MINUTES = 7 * MINUTES_PER_DAY
# Event dates stay well inside what datetime can represent, in any zone.
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(9998, 12, 31)
# The longest event seminar-plan plans: a year (and a leap day). Longer, a day list, the agenda
# and every check would grow with millions of empty days.
MAX_EVENT_DAYS = 366


def local_time_exists(moment: dt.datetime) -> bool:
    """Whether ``moment``'s wall-clock time exists in its zone: the clocks do not skip it (as
    02:30 on the night of a spring-forward change). A repeated time (fall-back) exists; it
    reads as its first occurrence unless the plan gives an offset."""
    back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def skipped_local_time(key: str, moment: dt.datetime, zone: str) -> Message | None:
    """The message for a local date-time ``key`` (``arrive``, a flight's ``arrives``...) that
    the clocks of its zone (named ``zone``) skip, else None; its hint is
    ``load-hint.time-with-offset``."""
    if local_time_exists(moment):
        return None
    return text("load.time-skipped", key=key, moment=f"{moment:%Y-%m-%d %H:%M}", zone=zone)


def day_number(text: str) -> int | None:
    """A day number written as text (a ``[days.N]`` key, ``--day N``); None if it is not one."""
    return int(text) if DAY_NUMBER.match(text) else None


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def clock_minutes(value: object, *, allow_midnight_end: bool) -> int | None:
    """Minutes after midnight for "HH:MM" or a TOML local time; None when not a clock time."""
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        match = CLOCK.match(value.strip())
        if match is None:
            return None
        hours, minutes = int(match.group(1)), int(match.group(2))
        if minutes > 59:
            return None
        if hours == 24 and minutes == 0 and allow_midnight_end:
            return MINUTES_PER_DAY
        if hours > 23:
            return None
        return hours * 60 + minutes
    return None


def duration_minutes(value: object) -> int | None:
    if is_int(value):
        return cast("int", value)
    if isinstance(value, str):
        match = DURATION.match(value)
        if match is None or (match.group(1) is None and match.group(2) is None):
            return None
        return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    return None


def minutes_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid id: lowercase letters, digits, - and _, not starting with
    - or _."""
    return SLUG.match(value) is not None


def is_language_code(value: str) -> bool:
    """Whether ``value`` is a language code such as ``ja``, ``zh`` or ``zh-Hant``."""
    return LANGUAGE.match(value) is not None
