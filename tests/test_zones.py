"""Zone names to zones: the standard library's zoneinfo, with dateutil behind it."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from dateutil import tz

from seminar_plan.load import zones

# Zones with gaps and folds of an hour, of half an hour (Lord Howe), a day skipped (Apia), a
# negative DST (Dublin), DST switched on and off over the years (Casablanca, Sao Paulo) and none.
ZONES = (
    "America/New_York",
    "Europe/London",
    "Europe/Dublin",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Africa/Casablanca",
    "America/Sao_Paulo",
    "Asia/Shanghai",
)


def test_a_zone_name_gives_the_standard_librarys_zone() -> None:
    zone, suggestion = zones.resolve_zone("Asia/Shanghai")
    assert zone == zoneinfo.ZoneInfo("Asia/Shanghai")
    assert suggestion is None


def test_a_misspelt_name_gives_no_zone_and_the_nearest_name() -> None:
    assert zones.resolve_zone("Asia/Shangai") == (None, "Asia/Shanghai")
    # A POSIX TZ string is not a zone name, though dateutil would read one.
    assert zones.resolve_zone("UTC+8")[0] is None


def test_a_name_only_dateutil_finds_gets_dateutils_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_found(name: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(name)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", not_found)
    zone, suggestion = zones.resolve_zone("Asia/Tokyo")
    assert isinstance(zone, tz.tzfile)
    assert suggestion is None


@pytest.mark.parametrize("name", ZONES)
def test_zoneinfo_and_dateutil_give_the_same_offsets_folds_and_gaps(name: str) -> None:
    """Every quarter hour of the days around each change of clocks from 2000 to 2040, both
    folds: the same UTC offset, DST and instant. The checks' results depend on nothing else."""
    ours, theirs = zoneinfo.ZoneInfo(name), tz.gettz(name)
    assert theirs is not None
    changes = _changes_of_offset(ours, dt.datetime(2000, 1, 1, tzinfo=dt.UTC), years=40)
    # Shanghai has kept one offset since 1991: one ordinary day is compared there.
    assert bool(changes) is (name != "Asia/Shanghai")
    days = {change.astimezone(ours).date() for change in changes} or {dt.date(2026, 1, 1)}
    for day in sorted(days):
        start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time())
        for quarter in range(3 * 24 * 4):
            wall = start + dt.timedelta(minutes=15 * quarter)
            for fold in (0, 1):
                a = wall.replace(tzinfo=ours, fold=fold)
                b = wall.replace(tzinfo=theirs, fold=fold)
                assert (a.utcoffset(), a.dst()) == (b.utcoffset(), b.dst()), (name, a)
                assert a.astimezone(dt.UTC) == b.astimezone(dt.UTC), (name, a)


def _changes_of_offset(zone: dt.tzinfo, since: dt.datetime, years: int) -> list[dt.datetime]:
    """The UTC hours at which ``zone``'s offset changes, found hour by hour."""
    found: list[dt.datetime] = []
    moment = since
    before = moment.astimezone(zone).utcoffset()
    for _ in range(years * 366 * 24):
        moment += dt.timedelta(hours=1)
        offset = moment.astimezone(zone).utcoffset()
        if offset != before:
            found.append(moment)
            before = offset
    return found
