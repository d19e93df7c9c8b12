"""How the recipe steps read a frame's columns and write new ones, as the app's `frame.ts`.

A frame holds, by the app's column kind: numbers as float64 (NaN missing), labels as object
(a str, or None when missing), dates as datetime64[ns], naive UTC (NaT missing). Labels are
ordered by UTF-16 code units, as in the app, which only differs from Python's own order for
characters beyond U+FFFF.
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
    """True for a category or text column (pandas' own category dtype too)."""
    return (
        pd.api.types.is_object_dtype(series)
        or pd.api.types.is_string_dtype(series)
        or isinstance(series.dtype, pd.CategoricalDtype)
    )


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


def label_key(label: str) -> bytes:
    """Returns a sort key that orders labels by UTF-16 code units, as the app's `compareLabels`."""
    return label.encode("utf-16-be", "surrogatepass")


def label_counts(cells) -> dict:
    """Returns how many cells hold each label (missing cells not counted)."""
    return pd.Series(cells, dtype=object).value_counts(dropna=True).to_dict()


def present_sorted(cells) -> list:
    """Returns the labels present in at least one cell, in the app's label order."""
    return sorted(label_counts(cells), key=label_key)


def map_labels(cells, clean) -> np.ndarray:
    """Returns `clean(label)` for each label, computed once per label; missing stays None."""
    table = {label: clean(label) for label in label_counts(cells)}
    return np.array([None if v is None else table[v] for v in cells], dtype=object)


def label_input(cells) -> np.ndarray:
    """Returns labels as scikit-learn's imputers and encoders take them: one object column, None
    for a missing cell."""
    return np.array(cells, dtype=object).reshape(-1, 1)


def number_input(values: np.ndarray, infinity: float = 0.0) -> np.ndarray:
    """Returns a number column as scikit-learn takes it: one float64 column, NaN missing, each
    infinity replaced by `infinity` (scikit-learn refuses infinities). Fit on NaN in their place,
    as the app's statistics skip them; transform with `transform_numbers`, which puts them back."""
    return np.where(np.isinf(values), infinity, values).reshape(-1, 1)


def transform_numbers(transformer, values: np.ndarray) -> np.ndarray:
    """Returns a fitted one-column scikit-learn transformer's output on a number column, with each
    infinity left as it is, as the app leaves it: a scaler's (±inf - center) / scale with a
    positive scale, an imputer's present cell."""
    infinite = np.isinf(values)
    out = transformer.transform(number_input(values))[:, 0]
    out[infinite] = values[infinite]
    return out


def positions(cells, order: list) -> np.ndarray:
    """Returns each cell's position in `order`, -1 for a label outside it and for missing."""
    return pd.Categorical(cells, categories=list(order)).codes.astype(np.int64)


def target_classes(y):
    """Returns a classification target as a pandas Categorical, or None for numbers."""
    if isinstance(y, pd.Series) and isinstance(y.dtype, pd.CategoricalDtype):
        return y.array
    return y if isinstance(y, pd.Categorical) else None
