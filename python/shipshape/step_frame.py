"""How the feature steps read a frame's columns and write new ones, as the app's `frame.ts`.

A frame holds, by the app's column kind: numbers as float64 (NaN missing), labels as object
(a str, or None when missing), dates as datetime64[ns], naive UTC (NaT missing).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NS_PER_MS = 1_000_000
"""Nanoseconds (the frame's unit for dates) per millisecond (the app's)."""


def column_of(X: pd.DataFrame, name: str) -> pd.Series:
    """The column a step names; KeyError when the frame has none."""
    if name not in X.columns:
        raise KeyError(f'The recipe needs a column "{name}", which the data does not have.')
    return X[name]


def wrong_kind(name: str, step: str, wants: str, series: pd.Series) -> TypeError:
    """The error for a column of the wrong kind."""
    return TypeError(
        f'The {step} step on "{name}" needs {wants}, but the column holds {series.dtype}.'
    )


def is_numbers(series: pd.Series) -> bool:
    """True for a number column (booleans reach the steps as numbers 1.0 / 0.0)."""
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def is_labels(series: pd.Series) -> bool:
    """True for a category or text column."""
    return pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)


def numbers(X: pd.DataFrame, name: str, step: str) -> np.ndarray:
    """The number column a step names, as float64 (NaN missing); TypeError for another kind."""
    series = column_of(X, name)
    if not is_numbers(series):
        raise wrong_kind(name, step, "numbers", series)
    return series.to_numpy(dtype=np.float64)


def labels(X: pd.DataFrame, name: str, step: str) -> list:
    """The label column a step names: a str per cell, None when missing."""
    series = column_of(X, name)
    if not is_labels(series):
        raise wrong_kind(name, step, "categories or text", series)
    return [v if isinstance(v, str) else None for v in series.tolist()]


def dates_ns(X: pd.DataFrame, name: str, step: str) -> tuple[np.ndarray, np.ndarray]:
    """The date column a step names: UTC nanoseconds (int64) and a mask of the missing cells."""
    series = column_of(X, name)
    if not pd.api.types.is_datetime64_any_dtype(series):
        raise wrong_kind(name, step, "dates", series)
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    return series.to_numpy(dtype="datetime64[ns]").view(np.int64), series.isna().to_numpy()


def as_dates(ns: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """A datetime64[ns] column from UTC nanoseconds, NaT where missing."""
    out = ns.astype("datetime64[ns]")
    out[missing] = np.datetime64("NaT")
    return out


def replace_column(X: pd.DataFrame, name: str, columns: dict) -> pd.DataFrame:
    """Returns a new frame with the named column replaced, in place, by zero or more columns."""
    at = X.columns.get_loc(name)
    new = pd.DataFrame(columns, index=X.index)
    return pd.concat([X.iloc[:, :at], new, X.iloc[:, at + 1 :]], axis=1)


def assert_new_columns(X: pd.DataFrame, names, step: str, replacing: str | None = None):
    """Raises ValueError when a column a step adds would take the name of another column."""
    taken = {name for name in X.columns if name != replacing}
    for name in names:
        if name in taken:
            raise ValueError(
                f'The {step} step would add a column "{name}", but the data already has one; '
                "rename that column first."
            )
        taken.add(name)
