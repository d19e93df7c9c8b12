"""Reads a date cell as the app's `parseDate` does (src/core/table/parse-date.ts).

ISO 8601 (`2019-07-02`, `2019-07-02T10:00:00Z`, `2019-07-02 10:00+02:00`), `yyyy/mm/dd`,
`nn/nn/yyyy` (also with `.` or `-`) in the column's order, `yyyymmdd`, and English month names
(`Jul 02 2019`, `2 July 2019`). An instant with a written offset is that instant; one without is
its wall-clock time read as UTC.
"""

from __future__ import annotations

import math
import re

from .js import JS_SPACE, js_trim

# JavaScript's `\\d` is [0-9] and its `\\s` the spaces `trim` removes: not Python's Unicode classes.
_S = f"[{JS_SPACE}]"
_TIME = r"(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?"
_ZONE = _S + r"*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
_ISO = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})" + _TIME + _ZONE + r"\Z")
_NUMERIC = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})" + _TIME + _ZONE + r"\Z")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})\Z")
_MONTH_FIRST = re.compile(
    r"([A-Za-z]{3,9})\.?" + _S + r"+([0-9]{1,2}),?" + _S + r"+([0-9]{4})" + _TIME + _ZONE + r"\Z"
)
_DAY_FIRST = re.compile(
    r"([0-9]{1,2})(?:" + _S + r"|-)+([A-Za-z]{3,9})\.?(?:" + _S + r"|-)+([0-9]{4})" + _TIME + _ZONE + r"\Z"
)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_OFFSET_HOURS = 18
DAY_MS = 86_400_000
"""Milliseconds per day."""


def month_of(name: str) -> int:
    """Returns the month (1-12) of an English name, full or cut to 3+ letters, else 0."""
    lower = name.lower()
    return next((i + 1 for i, month in enumerate(_MONTHS) if month.startswith(lower)), 0)


def valid_day(year: int, month: int, day: int) -> bool:
    """True for a day that exists in the proleptic Gregorian calendar (no 31 February)."""
    if month < 1 or month > 12 or day < 1:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= (29 if month == 2 and leap else _MONTH_DAYS[month - 1])


def days_from_civil(year: int, month: int, day: int) -> int:
    """Returns the days from 1970-01-01 to a proleptic Gregorian date (year 0 included)."""
    # Howard Hinnant's days_from_civil.
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _zone_minutes(zone: str | None) -> int | None | bool:
    # Minutes east of UTC, False without a zone, None when out of range.
    if zone is None:
        return False
    if zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "", 1)
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    if hours > _MAX_OFFSET_HOURS or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


def _build(year, month, day, time, zone) -> float | None:
    if not valid_day(year, month, day):
        return None
    h, m, s, frac = time
    hours, minutes, seconds = int(h or 0), int(m or 0), int(s or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    millis = math.floor(float(f"0.{frac}") * 1000) if frac else 0
    offset = _zone_minutes(zone)
    if offset is None:
        return None
    wall = days_from_civil(year, month, day) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000
    return float(wall + millis - (0 if offset is False else offset * 60_000))


def parse_date(cell: str, order: str = "dmy") -> float | None:
    """Returns the epoch milliseconds a date cell names, or None when it names no real day."""
    text = js_trim(cell)
    match = _ISO.match(text)
    if match:
        g = match.groups()
        return _build(int(g[0]), int(g[1]), int(g[2]), g[3:7], g[7])
    match = _NUMERIC.match(text)
    if match:
        a, b, year = int(match[1]), int(match[3]), int(match[4])
        dmy, mdy = valid_day(year, b, a), valid_day(year, a, b)
        if not dmy and not mdy:
            return None
        read_as = order if dmy and mdy else ("dmy" if dmy else "mdy")
        month, day = (b, a) if read_as == "dmy" else (a, b)
        return _build(year, month, day, match.groups()[4:8], match[9])
    match = _COMPACT.match(text)
    if match:
        return _build(int(match[1]), int(match[2]), int(match[3]), (None,) * 4, None)
    for pattern, month_group, day_group in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        match = pattern.match(text)
        if match:
            month = month_of(match[month_group])
            if month == 0:
                return None
            return _build(int(match[3]), month, int(match[day_group]), match.groups()[3:7], match[8])
    return None


def parse_compact_date(value: float) -> float | None:
    """Returns the date an 8-digit number cell writes (`20190702`), or None."""
    if value != math.floor(value) or value < 10000101 or value > 99991231:
        return None
    return parse_date(str(int(value)), "dmy")
