"""The app's date steps: reading dates with a format, time zones, and a date's parts.

Scikit-learn transformers like the other feature steps (see `steps_feature`): each takes the app
step's fields as keyword arguments, learns on the train frame what the app learns, and returns a
new frame as the app does. A frame's dates are datetime64[ns], naive UTC (see `step_frame`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .date_format import date_reader
from .js import number_text
from .step_frame import (
    NS_PER_MS,
    as_dates,
    assert_new_columns,
    column_of,
    dates_ns,
    is_labels,
    is_numbers,
    labels,
    replace_column,
    wrong_kind,
)
from .steps_feature import Step
from .time_zone import from_wall_clock, zone_of

# The milliseconds a datetime64[ns] column can hold (years 1677 to 2262).
_MAX_MS = (2**63 - 1) // NS_PER_MS


class ParseDate(Step):
    """Reads a label column (or a number column, as its shortest decimal text) as dates with an
    explicit strftime-like format; a cell the format does not read becomes missing (NaT).

    pandas' nearest equivalent is `pd.to_datetime(X[column], format=format, errors="coerce")`,
    which is stricter about spaces and month names; see `date_format.date_reader`. A date
    before 1677 or after 2262, which pandas cannot hold, is missing here. A cell written with
    an offset (`%z`) is the instant it names, but the frame cannot record that the cell had one
    (see `TimeZone`).
    """

    def __init__(self, column=None, format=None):
        self.column = column
        self.format = format

    def fit(self, X: pd.DataFrame, y=None):
        date_reader(self.format)
        self._cells(X)
        return self

    def _cells(self, X: pd.DataFrame) -> list:
        series = column_of(X, self.column)
        if is_numbers(series):
            # A number (`20190702`) is read as JavaScript writes it.
            return [None if math.isnan(v) else number_text(v) for v in series.to_numpy(np.float64)]
        if is_labels(series):
            return labels(X, self.column, "parse-date")
        raise wrong_kind(self.column, "parse-date", "categories, text or numbers", series)

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        read = date_reader(self.format)
        cells = self._cells(X)
        parsed = {text: read(text) for text in set(cells) if text is not None}
        ms = [parsed[text][0] if text is not None and parsed[text] else None for text in cells]
        missing = np.array([v is None or abs(v) > _MAX_MS for v in ms], dtype=bool)
        ns = np.array([0 if gone else v for v, gone in zip(ms, missing)], dtype=np.int64)
        return replace_column(X, self.column, {self.column: as_dates(ns * NS_PER_MS, missing)})


class TimeZone(Step):
    """Reads a date column's wall-clock times as local times in an IANA zone and turns them
    into UTC instants, with the zone's daylight-saving rules (see `time_zone`).

    pandas' nearest equivalent is `X[column].dt.tz_localize(zone, ambiguous=True)
    .dt.tz_convert("UTC").dt.tz_localize(None)`, which treats times in a spring-forward gap
    differently. The app leaves cells that were written with an offset as they are; the frame
    does not record which cells had one, so here every cell is converted.
    """

    def __init__(self, column=None, zone=None):
        self.column = column
        self.zone = zone

    def fit(self, X: pd.DataFrame, y=None):
        zone_of(self.zone)
        dates_ns(X, self.column, "time-zone")
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        ns, missing = dates_ns(X, self.column, "time-zone")
        out = ns.copy()
        out[~missing] = from_wall_clock(zone_of(self.zone), ns[~missing])
        return replace_column(X, self.column, {self.column: as_dates(out, missing)})


DATE_PARTS = ("year", "month", "day", "weekday", "hour", "dayofyear")


class DateParts(Step):
    """Replaces a date column by number columns `<column> <part>`, read in UTC: year, month
    (1-12), day (1-31), weekday (0 Monday to 6 Sunday), hour (0-23), dayofyear (1-366); with
    `keep`, the date column stays before them. A missing date gives missing parts.

    pandas: `X[column].dt.year`, `.dt.month`, `.dt.day`, `.dt.weekday`, `.dt.hour`,
    `.dt.dayofyear`, as float64.
    """

    _learned = ("parts",)

    def __init__(self, column=None, parts=None, keep=False):
        self.column = column
        self.parts = parts
        self.keep = keep

    def fit(self, X: pd.DataFrame, y=None):
        dates_ns(X, self.column, "date-parts")
        self.parts_ = list(dict.fromkeys(self.parts or []))
        self._settle()
        return self

    def _settle(self):
        unknown = [part for part in self.parts_ if part not in DATE_PARTS]
        if not self.parts_ or unknown:
            raise ValueError(
                f'The date-parts step on "{self.column}" needs parts from {", ".join(DATE_PARTS)}.'
            )

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        ns, missing = dates_ns(X, self.column, "date-parts")
        names = [f"{self.column} {part}" for part in self.parts_]
        assert_new_columns(X, names, "date-parts", None if self.keep else self.column)
        dt = pd.Series(as_dates(ns, missing)).dt
        parts = {n: getattr(dt, p).to_numpy(dtype=np.float64) for n, p in zip(names, self.parts_)}
        date = {self.column: X[self.column].to_numpy()} if self.keep else {}
        return replace_column(X, self.column, {**date, **parts})


STEPS = {
    "parse-date": ParseDate,
    "time-zone": TimeZone,
    "date-parts": DateParts,
}
"""Each date step kind of the app, and its class."""
