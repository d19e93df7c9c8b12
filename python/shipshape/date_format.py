"""Reads date cells with an explicit strftime-like format, exactly as the app's `dateReader`.

Python's `strptime` and `pandas.to_datetime(format=...)` are close but not the same: the app trims
the cell, lets a space match any run of white space, reads English month names full or cut to 3
letters and more (`Sept`, `Jul.`), reads a leap second as 59 and ignores case. This module is the
app's reader, line for line.
"""

from __future__ import annotations

import re

from .dates import DAY_MS, days_from_civil, month_of, valid_day
from .js import JS_SPACE, js_trim

NO_OFFSET = -32768
"""The offset of a cell written without one (the app's `NO_OFFSET`)."""

_IS_SPACE = re.compile(f"[{JS_SPACE}]")
# The largest offset from UTC in use anywhere (UTC+14), with a margin for historical zones.
_MAX_OFFSET_MINUTES = 18 * 60


def _zone_minutes(zone: str) -> int:
    if zone in ("Z", "z"):
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "", 1)
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    return sign * (int(digits[:2]) * 60 + minutes)


def _two_digit_year(text: str) -> int:
    return (2000 if int(text) < 69 else 1900) + int(text)


# Directive: (pattern with one group, field, reader); patterns as Python's strptime writes them.
_DIRECTIVES = {
    "Y": (r"(\d{4})", "year", int),
    "y": (r"(\d{2})", "year", _two_digit_year),
    "m": (r"(1[0-2]|0[1-9]|[1-9])", "month", int),
    "d": (r"(3[01]|[12]\d|0[1-9]|[1-9])", "day", int),
    "H": (r"(2[0-3]|[01]\d|\d)", "hour", int),
    "M": (r"([0-5]\d|\d)", "minute", int),
    # A leap second (60 or 61) is read as 59, as JavaScript dates have none.
    "S": (r"(6[01]|[0-5]\d|\d)", "second", lambda text: min(int(text), 59)),
    "b": (r"([a-z]{3,9})\.?", "month", month_of),
    "B": (r"([a-z]{3,9})\.?", "month", month_of),
    "z": (r"(z|[+-]\d{2}(?::?\d{2})?)", "offset", _zone_minutes),
}
# A literal `Z` in a format names UTC, as in ISO 8601.
_UTC_DESIGNATOR = ("(z)", "offset", _zone_minutes)


def date_reader(fmt: str):
    """Returns a function reading one cell with the format: (epoch ms, offset minutes) or None.

    Directives: %Y %y %m %d %H %M %S, %b / %B (an English month name, either directive), %z
    (`Z`, `+02`, `+0200`, `+02:00`) and %% for a percent sign; any other character matches
    itself, a space matches any run of white space, a literal `Z` means UTC. Without an offset
    the value is the wall clock read as UTC. Raises ValueError for an unknown directive or a
    format with no field, as the app refuses the step.
    """
    fields = []
    source = ""
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and fmt[i + 1 : i + 2] == "%":
            source += "%"
            i += 2
            continue
        directive = None
        if ch == "Z":
            directive = _UTC_DESIGNATOR
        elif ch == "%":
            i += 1
            directive = _DIRECTIVES.get(fmt[i : i + 1])
            if directive is None:
                raise ValueError(
                    f'The date format "{fmt}" cannot be used: '
                    f"%{fmt[i:i + 1]} is not a directive it knows."
                )
        if directive:
            fields.append(directive)
            source += directive[0]
        else:
            source += f"[{JS_SPACE}]+" if _IS_SPACE.match(ch) else re.escape(ch)
        i += 1
    if not any(field != "offset" for _, field, _ in fields):
        raise ValueError(
            f'The date format "{fmt}" cannot be used: it has no %Y, %m, %d or time field.'
        )
    # ASCII: \d is 0-9 and case folds only ASCII letters, as a JavaScript regex without `u`.
    regex = re.compile(source, re.IGNORECASE | re.ASCII)

    def read(text: str):
        match = regex.fullmatch(js_trim(text))
        if not match:
            return None
        values = {"year": 1970, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0}
        values["offset"] = NO_OFFSET
        for k, (_, field, reader) in enumerate(fields):
            values[field] = reader(match.group(k + 1))
        return _to_date(values)

    return read


def _to_date(f: dict):
    offset = f["offset"]
    if offset != NO_OFFSET and abs(offset) > _MAX_OFFSET_MINUTES:
        return None
    # The app builds the date and refuses one that rolled over (31 February, month 0).
    if not valid_day(f["year"], f["month"], f["day"]):
        return None
    days = days_from_civil(f["year"], f["month"], f["day"])
    wall = days * DAY_MS + ((f["hour"] * 60 + f["minute"]) * 60 + f["second"]) * 1000
    return (wall if offset == NO_OFFSET else wall - offset * 60_000), offset
