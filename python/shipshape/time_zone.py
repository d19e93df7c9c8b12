"""Turns wall-clock times into UTC instants in an IANA zone, with the app's clock-change rules.

A local time that happens twice (when clocks go back) is the earlier instant; one that never
happens (when clocks go forward) is read with the offset before the change, so 02:30 on a night
that jumps from 02:00 to 03:00 is 03:30. pandas' `tz_localize` can choose the earlier instant
(`ambiguous=True`) but moves a time in the gap by a fixed amount or to the gap's end, so this is
the app's `fromWallClock`, vectorised.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import numpy as np

SECOND_NS = 1_000_000_000
DAY_NS = 86_400 * SECOND_NS
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@cache
def _zone_names() -> dict:
    return {name.lower(): name for name in available_timezones()}


def zone_of(name: str) -> ZoneInfo:
    """Returns the IANA zone, its name in any case as browsers read it (`europe/paris`), or
    raises ValueError as the app refuses an unknown zone."""
    try:
        return ZoneInfo(_zone_names().get(str(name).lower(), name))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f'"{name}" is not a time zone this Python knows: use an IANA name such as '
            "Europe/Paris or America/New_York."
        ) from error


def _exact_offset(zone: ZoneInfo, instant_ns: int) -> int:
    """The zone's offset (ns) at an instant, read to the second as the app reads it."""
    local = (_EPOCH + timedelta(seconds=instant_ns // SECOND_NS)).astimezone(zone)
    return int(local.utcoffset().total_seconds()) * SECOND_NS


def offsets_at(zone: ZoneInfo, instants: np.ndarray) -> np.ndarray:
    """Returns the zone's offset (ns) at each instant (ns since the epoch, int64).

    As the app: a UTC day whose two midnights have the same offset has it all day; any other
    day is asked per instant.
    """
    days = np.floor_divide(instants, DAY_NS)
    known = np.unique(np.concatenate([days, days + 1]))
    midnight = np.array([_exact_offset(zone, int(day) * DAY_NS) for day in known], dtype=np.int64)
    start = midnight[np.searchsorted(known, days)]
    end = midnight[np.searchsorted(known, days + 1)]
    out = start.copy()
    changing = np.flatnonzero(start != end)
    cache: dict[int, int] = {}
    for i in changing:
        second = int(instants[i]) // SECOND_NS
        if second not in cache:
            cache[second] = _exact_offset(zone, second * SECOND_NS)
        out[i] = cache[second]
    return out


def from_wall_clock(zone: ZoneInfo, walls: np.ndarray) -> np.ndarray:
    """Returns the instant (ns, int64) whose wall clock in the zone is each wall time (ns)."""
    if len(walls) == 0:
        return walls.copy()
    # Offsets a day either side bracket any change of offset near the time.
    before = offsets_at(zone, walls - DAY_NS)
    after = offsets_at(zone, walls + DAY_NS)
    out = walls - before
    change = np.flatnonzero(before != after)
    if len(change):
        wall = walls[change]
        early = np.minimum(wall - before[change], wall - after[change])
        late = np.maximum(wall - before[change], wall - after[change])
        early_ok = early + offsets_at(zone, early) == wall
        late_ok = late + offsets_at(zone, late) == wall
        out[change] = np.where(early_ok, early, np.where(late_ok, late, wall - before[change]))
    return out
