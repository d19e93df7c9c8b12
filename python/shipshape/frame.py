"""Reads a CSV into the frame the recipe steps work on, as Shipshape reads it.

A frame is a pandas DataFrame whose columns are, by the app's column kind:

- number: float64, NaN for a missing cell;
- boolean: float64 1.0 / 0.0, NaN for a missing cell (the steps see true and false as numbers);
- category and text: object, each cell a str, or None for a missing cell;
- date: datetime64[ns] without a time zone, the instant in UTC (NaT for a missing cell). A text
  with an offset (`+02:00`) is the instant it names; one without is its wall-clock time read
  as UTC, as in the app.

Every cell is first read as text, so nothing is guessed twice: the kinds come from the project.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .dates import parse_compact_date, parse_date
from .js import JS_SPACE, js_trim, number_text

# A plain decimal number: what the app reads as a number cell (no leading zeros: `007` is a label).
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_BOOLEAN_WORDS = (("true", "false"), ("yes", "no"), ("y", "n"), ("t", "f"))


def read_number(text: str, decimal_comma: bool = False) -> float:
    """Returns the number a cell writes, or NaN: the app's `readNumber`."""
    trimmed = js_trim(text)
    if decimal_comma:
        if "." in trimmed:
            return math.nan
        trimmed = trimmed.replace(",", ".", 1)
    if not _NUMBER.match(trimmed):
        return math.nan
    digits = trimmed.lstrip("+-")
    integer = re.match(r"\d*", digits).group(0)
    if len(integer) > 1 and integer[0] == "0":
        return math.nan
    value = float(trimmed)
    if "." not in digits and "e" not in digits.lower() and len(integer) > 15 and abs(value) >= 2**53:
        return math.nan
    return value if math.isfinite(value) else math.nan


def _missing(texts: pd.Series, tokens: list[str]) -> np.ndarray:
    return texts.str.strip(JS_SPACE).isin(tokens).to_numpy()


def _numbers(texts: pd.Series, tokens: list[str], decimal_comma: bool) -> np.ndarray:
    # `read_number` for a whole column: the same rules, vectorised.
    cells = texts.str.strip(JS_SPACE)
    if decimal_comma:
        cells = cells.where(~cells.str.contains(".", regex=False), "x")
        cells = cells.str.replace(",", ".", n=1, regex=False)
    plain = cells.str.fullmatch(_NUMBER.pattern) & ~cells.str.match(r"[+-]?0\d")
    values = cells.where(plain, "nan").astype(np.float64).to_numpy()
    values[~np.isfinite(values)] = np.nan
    # Integers of over 15 digits beyond 2^53 are not numbers to the app: check those one by one.
    long = plain.to_numpy() & cells.str.match(r"[+-]?\d{16,}$").to_numpy()
    for i in np.flatnonzero(long):
        values[i] = read_number(texts.iloc[i], decimal_comma)
    values[_missing(texts, tokens)] = np.nan
    sentinels = {v for v in (read_number(t, decimal_comma) for t in tokens) if not math.isnan(v)}
    if sentinels:
        values[np.isin(values, list(sentinels))] = np.nan
    return values


def _labels(texts: pd.Series, tokens: list[str], decimal_comma: bool) -> pd.Series:
    sentinels = {v for v in (read_number(t, decimal_comma) for t in tokens) if not math.isnan(v)}
    missing = _missing(texts, tokens)
    out = []
    for text, gone in zip(texts, missing):
        if gone:
            out.append(None)
            continue
        # A cell the app read as a number becomes its shortest decimal text (`1.50` is `1.5`).
        value = read_number(text, decimal_comma)
        if math.isnan(value):
            out.append(text)
        elif value in sentinels:
            out.append(None)
        else:
            out.append(number_text(value))
    return pd.Series(out, index=texts.index, dtype=object)


def boolean_of(text: str) -> float:
    """Returns 1.0 or 0.0 for a word the app reads as true or false, else NaN."""
    lower = js_trim(text).lower()
    for yes, no in _BOOLEAN_WORDS:
        if lower == yes:
            return 1.0
        if lower == no:
            return 0.0
    return math.nan


def _booleans(texts: pd.Series, tokens: list[str], decimal_comma: bool) -> np.ndarray:
    def read(text: str) -> float:
        word = boolean_of(text)
        if not math.isnan(word):
            return word
        value = read_number(text, decimal_comma)
        return value if value in (0.0, 1.0) else math.nan

    values = np.array([read(t) for t in texts], dtype=np.float64)
    values[_missing(texts, tokens)] = np.nan
    return values


def _dates(texts: pd.Series, tokens: list[str], order: str, decimal_comma: bool) -> np.ndarray:
    sentinels = {v for v in (read_number(t, decimal_comma) for t in tokens) if not math.isnan(v)}
    read = {}
    ms = np.full(len(texts), np.nan)
    for i, (text, gone) in enumerate(zip(texts, _missing(texts, tokens))):
        if gone:
            continue
        if text not in read:
            value = read_number(text, decimal_comma)
            if math.isnan(value):
                read[text] = parse_date(text, order)
            else:  # a number cell: `20190702`
                read[text] = None if value in sentinels else parse_compact_date(value)
        if read[text] is not None:
            ms[i] = read[text]
    # datetime64[ns] holds the years 1678 to 2261: a date outside them is missing here.
    held = np.isfinite(ms) & (np.abs(ms) < 9.2e12)
    out = np.full(len(texts), np.datetime64("NaT"), dtype="datetime64[ns]")
    out[held] = (ms[held].astype(np.int64) * 1_000_000).astype("datetime64[ns]")
    return out


def as_texts(column: pd.Series) -> pd.Series:
    """Returns a column as the text cells a CSV would hold: typed columns (Parquet's numbers,
    booleans, dates) written as the app writes them, missing cells empty."""
    dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype):
        out = column.map({True: "true", False: "false"})
    elif pd.api.types.is_numeric_dtype(dtype):
        out = column.map(lambda v: "" if pd.isna(v) else number_text(float(v)))
    elif pd.api.types.is_datetime64_any_dtype(dtype):
        utc = column.dt.tz_convert("UTC") if column.dt.tz is not None else column
        out = utc.dt.strftime("%Y-%m-%dT%H:%M:%S.%f").str[:-3] + "Z"
    else:
        out = column.astype(object)
    return out.where(column.notna(), "").astype(object)


def type_columns(texts: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Returns the columns the schema names, typed by their kind, from a frame of cell texts."""
    tokens = list(schema["missingTokens"])
    decimal_comma = bool(schema.get("decimalComma", False))
    typed = {}
    for column in schema["columns"]:
        name, kind = column["name"], column["kind"]
        if name not in texts.columns:
            raise KeyError(f'The data has no column "{name}", which the project reads.')
        cells = as_texts(texts[name])
        if kind == "number":
            typed[name] = _numbers(cells, tokens, decimal_comma)
        elif kind in ("category", "text"):
            typed[name] = _labels(cells, tokens, decimal_comma)
        elif kind == "boolean":
            typed[name] = _booleans(cells, tokens, decimal_comma)
        elif kind == "date":
            typed[name] = _dates(cells, tokens, column.get("dateOrder", "dmy"), decimal_comma)
        else:
            raise ValueError(f'Column "{name}" has a kind this version does not know: {kind}.')
    return pd.DataFrame(typed, index=texts.index)


def read_texts(path, **options) -> pd.DataFrame:
    """Reads a CSV as text cells, nothing converted; `options` go to `pandas.read_csv`."""
    settings = {"sep": ",", "encoding": "utf-8-sig", "skipinitialspace": False, **options}
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, **settings)
