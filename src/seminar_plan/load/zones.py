"""IANA time zone names -> tzinfo, with the nearest real name for a misspelt one."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from seminar_plan import suggest

# gettz also accepts file paths and POSIX TZ strings; a plan names IANA zones only.
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*\Z")
# Files in the zone folder that are not IANA zones: the host's own zone (a plan's times would
# depend on the machine that reads it), the POSIX rules template, the "Factory" placeholder,
# and the leap-second (right/) and duplicate (posix/) trees.
_NOT_ZONES = frozenset({"localtime", "posixrules", "factory"})
_NOT_ZONE_TREES = ("right/", "posix/")


def resolve_zone(name: str) -> tuple[dt.tzinfo | None, str | None]:
    """The zone for ``name``, else None and the closest known zone name (or None).

    The zone is the standard library's ``zoneinfo.ZoneInfo``, written in C: every comparison of
    two times goes through the zone's UTC offset, and python-dateutil's ``tzfile``, in Python,
    took a third of a large plan's checks for it (issue 17). Both read the same zone files and
    give the same offsets, folds and gaps included (a test holds them equal). A name that only
    dateutil finds (on Windows it also asks the registry) still gets dateutil's zone.
    """
    if (
        _ZONE_NAME.match(name)
        and len(name) < 64
        and name.lower() not in _NOT_ZONES
        and not name.lower().startswith(_NOT_ZONE_TREES)
    ):
        try:
            return zoneinfo.ZoneInfo(name), None
        except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
            pass
        from dateutil import tz

        try:
            zone = tz.gettz(name)
        except (ValueError, OSError):
            zone = None
        # gettz falls back to POSIX TZ strings ("UTC+8", with the sign inverted): not zones.
        if isinstance(zone, (tz.tzfile, tz.tzutc)):
            return zone, None
    return None, nearest_zone(name)


def nearest_zone(name: str) -> str | None:
    names = {
        zone
        for zone in zoneinfo.available_timezones()
        if zone.lower() not in _NOT_ZONES and not zone.lower().startswith(_NOT_ZONE_TREES)
    }
    by_lower = {n.lower(): n for n in names}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    match = suggest.closest(name, sorted(names), cutoff=0.6)
    if match is not None:
        return match
    # "Shanghai" alone: match on the city part.
    cities = {n.rsplit("/", 1)[-1].lower(): n for n in names}
    city = suggest.closest(name.lower().replace(" ", "_"), cities, cutoff=0.6)
    return cities[city] if city is not None else None
