"""The app's feature steps (units, outliers, transforms, scaling, derived columns, hashing).

One scikit-learn transformer per step kind of the app's `feature-steps.ts` (the date steps are in
`steps_dates`). Each takes the app step's fields as keyword arguments, learns on the train frame
exactly what the app learns, and returns a new frame as the app does: same column names, same
positions, same values. A step fitted in the app is rebuilt with `from_fitted(step)`, so nothing
is refitted. `STEPS` maps each kind to its class. Each class says which pandas or scikit-learn
code computes the same thing.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

from .hashing import fnv1a, tokens_of
from .stats import quantile
from .step_frame import (
    assert_new_columns,
    column_of,
    is_labels,
    is_numbers,
    labels,
    number_input,
    numbers,
    replace_column,
    transform_numbers,
    wrong_kind,
)
from .unit_table import UNITS, convert_unit, dimension_of, read_quantity, unit_of


class Step(BaseEstimator, TransformerMixin):
    """A recipe step: the app step's fields as parameters, plus what it learned (`name_`)."""

    _learned: tuple[str, ...] = ()

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step as the app fitted it (its fitted step as JSON): nothing is refitted."""
        names = cls._get_param_names()
        step = cls(**{name: fitted[name] for name in names if name in fitted})
        for name in cls._learned:
            setattr(step, f"{name}_", fitted[name])
        step._settle()
        return step

    def _settle(self):
        """Checks the fitted fields and derives what the step needs besides what it learned."""


def _is_whole(value) -> bool:
    """True for a whole number (`5` or `5.0`), as JavaScript's Number.isInteger."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return number and float(value).is_integer()


class Units(Step):
    """Reads numbers written with units (`5 kg`, `11 lb`, `20 °C`) and converts them to one
    unit, leaving a number column of the same name. `bare` is the unit of a number written
    without one, or "missing"; a number column's values are all bare. A cell that is not a
    number, or has a unit of another dimension, becomes missing. No library reads units in
    text cells: this is the app's unit table (`unit_table`).
    """

    _learned = ("failed",)

    def __init__(self, column=None, unit=None, bare=None):
        self.column = column
        self.unit = unit
        self.bare = bare

    def fit(self, X: pd.DataFrame, y=None):
        self._settle()
        values, read, failed = self._convert(X)
        if read == 0 and failed > 0:
            hint = ": say which unit its bare numbers are in" if self.bare_ == "missing" else ""
            raise ValueError(
                f'No train cell of "{self.column}" reads as a {dimension_of(self.unit_)} the '
                f"units step knows, so the column would be all missing{hint}."
            )
        self.failed_ = failed
        return self

    def _settle(self):
        self.unit_ = unit_of(str(self.unit))
        self.bare_ = "missing" if self.bare == "missing" else unit_of(str(self.bare))
        problem = (
            f'"{self.unit}" is not a unit it knows ({", ".join(UNITS)})'
            if self.unit_ is None
            else f'"{self.bare}" is not a unit it knows, nor "missing"'
            if self.bare_ is None
            else f"bare numbers cannot be in {self.bare_}, not a {dimension_of(self.unit_)}"
            if self.bare_ != "missing" and dimension_of(self.bare_) != dimension_of(self.unit_)
            else None
        )
        if problem:
            raise ValueError(f'The units step on "{self.column}" cannot run: {problem}.')

    def _to_unit(self, value, unit):
        source = unit or self.bare_
        if source == "missing" or dimension_of(source) != dimension_of(self.unit_):
            return math.nan
        return convert_unit(value, source, self.unit_)

    def _convert(self, X: pd.DataFrame):
        series = column_of(X, self.column)
        if is_numbers(series):
            values = series.to_numpy(dtype=np.float64)
            present = ~np.isnan(values)
            out = (
                np.full(len(values), math.nan)
                if self.bare_ == "missing"
                else convert_unit(values, self.bare_, self.unit_)
            )
        elif is_labels(series):
            cells = labels(X, self.column, "units")
            quantities = {text: read_quantity(text) for text in set(cells) if text is not None}
            level = {t: math.nan if q is None else self._to_unit(*q) for t, q in quantities.items()}
            present = np.array([text is not None for text in cells], dtype=bool)
            out = np.array([math.nan if t is None else level[t] for t in cells], dtype=np.float64)
        else:
            raise wrong_kind(self.column, "units", "categories, text or numbers", series)
        failed = int(np.sum(present & np.isnan(out)))
        return out, int(np.sum(present)) - failed, failed

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        values = self._convert(X)[0]
        return replace_column(X, self.column, {self.column: values})


class Clip(Step):
    """Clips a number column's outliers to bounds learned on train: `k` interquartile ranges
    beyond the quartiles (method "iqr", k 1.5 by default) or the `lower` and `upper` train
    quantiles (method "percentiles", 0.01 and 0.99 by default). Missing cells stay missing.

    pandas: `X[column].clip(low, high)` with `low = q1 - k * (q3 - q1)` from
    `X[column].quantile(0.25)` and so on (the same linear quantiles; see `quantile`).
    """

    _learned = ("low", "high")

    def __init__(self, column=None, method=None, k=None, lower=None, upper=None):
        self.column = column
        self.method = method
        self.k = k
        self.lower = lower
        self.upper = upper

    def fit(self, X: pd.DataFrame, y=None):
        values = numbers(X, self.column, "clip")
        if self.method == "iqr":
            k = 1.5 if self.k is None else self.k
            if not (k >= 0 and math.isfinite(k)):
                raise ValueError(f'The clip step on "{self.column}" needs k of 0 or more.')
            q1, q3 = quantile(values, 0.25), quantile(values, 0.75)
            low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
        elif self.method == "percentiles":
            lower = 0.01 if self.lower is None else self.lower
            upper = 0.99 if self.upper is None else self.upper
            if not (0 <= lower < upper <= 1):
                raise ValueError(
                    f'The clip step on "{self.column}" cannot run: the quantiles must satisfy '
                    f"0 ≤ lower < upper ≤ 1, not {lower} and {upper}."
                )
            low, high = quantile(values, lower), quantile(values, upper)
        else:
            raise ValueError(f'The clip step on "{self.column}" has no method "{self.method}".')
        # An all-missing train column has no quantiles: no bound rather than NaN.
        self.low_, self.high_ = (None, None) if math.isnan(low) else (low, high)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        values = numbers(X, self.column, "clip")
        low = -math.inf if self.low_ is None else self.low_
        high = math.inf if self.high_ is None else self.high_
        # NaN fails both comparisons, so a missing cell stays missing.
        out = np.where(values < low, low, np.where(values > high, high, values))
        return replace_column(X, self.column, {self.column: out})


class Transform(Step):
    """Compresses a number column's large values, defined for every real: "log" is
    sign(x)·ln(1 + |x|) and "sqrt" is sign(x)·√|x|. Missing cells stay missing.

    numpy: `np.sign(x) * np.log1p(np.abs(x))` or `np.sign(x) * np.sqrt(np.abs(x))`
    (scikit-learn's `FunctionTransformer(np.log1p)` is not signed).
    """

    def __init__(self, column=None, fn=None):
        self.column = column
        self.fn = fn

    def fit(self, X: pd.DataFrame, y=None):
        numbers(X, self.column, "transform")
        self._check()
        return self

    def _check(self):
        if self.fn not in ("log", "sqrt"):
            raise ValueError(
                f'The transform step on "{self.column}" cannot apply "{self.fn}": '
                "choose log or sqrt."
            )

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        x = numbers(X, self.column, "transform")
        self._check()
        out = np.sign(x) * (np.log1p(np.abs(x)) if self.fn == "log" else np.sqrt(np.abs(x)))
        return replace_column(X, self.column, {self.column: out})


def _fitted(transformer, **learned):
    """Returns a one-column scikit-learn transformer with the attributes its `fit` sets, given
    as what the app learned (`from_fitted`, or a case where the app learns otherwise)."""
    for name, value in learned.items():
        setattr(transformer, name, np.array([value], dtype=np.float64))
    transformer.n_features_in_ = 1
    return transformer


class Standardize(Step):
    """Centres a number column on its train mean and divides by its train standard deviation:
    the population one (ddof 0, not pandas' default), over the present values; a constant column
    keeps scale 1. Missing cells stay missing.

    scikit-learn: `StandardScaler()`, fitted on train (it skips missing cells, and keeps them);
    its mean and deviation agree with the app's to the last bits (numpy sums pairwise, the app
    in row order). Two cases differ: an all-missing train column, from which StandardScaler
    learns NaN, is given the app's mean 0 and scale 1; and a deviation within rounding error of
    the mean counts as constant for scikit-learn (scale 1), where the app divides by it.
    """

    _learned = ("mean", "std")

    def __init__(self, column=None):
        self.column = column

    def fit(self, X: pd.DataFrame, y=None):
        values = numbers(X, self.column, "standardize")
        if not np.isfinite(values).any():
            self.mean_, self.std_ = 0.0, 1.0
            self._settle()
            return self
        self.scaler_ = StandardScaler().fit(number_input(values, np.nan))
        self.mean_, self.std_ = float(self.scaler_.mean_[0]), float(self.scaler_.scale_[0])
        return self

    def _settle(self):
        std = self.std_
        self.scaler_ = _fitted(StandardScaler(), mean_=self.mean_, var_=std * std, scale_=std)

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        values = transform_numbers(self.scaler_, numbers(X, self.column, "standardize"))
        return replace_column(X, self.column, {self.column: values})


class Scale(Step):
    """Rescales a number column by train statistics, values becoming (x - center) / scale:
    "min-max" maps the train range to 0..1, "robust" subtracts the train median and divides by
    the train interquartile range. A spread of 0 scales by 1. Missing cells stay missing.

    scikit-learn: `MinMaxScaler()` or `RobustScaler()`, fitted on train (both skip missing cells,
    and keep them); they agree with the app to the last bits (MinMaxScaler multiplies by
    1 / range, numpy's quantiles round otherwise). Two cases differ: an all-missing train column,
    from which they learn NaN, is given the app's center 0 and scale 1 (values stay as they are);
    and a spread under ten machine epsilons (2.2e-15) counts as 0 for scikit-learn (scale 1),
    where the app divides by it.
    """

    _learned = ("center", "scale")

    def __init__(self, column=None, method=None):
        self.column = column
        self.method = method

    def _scaler(self):
        if self.method == "min-max":
            return MinMaxScaler()
        if self.method == "robust":
            return RobustScaler()
        raise ValueError(
            f'The scale step on "{self.column}" has no method "{self.method}": '
            "choose min-max or robust."
        )

    def fit(self, X: pd.DataFrame, y=None):
        values = numbers(X, self.column, "scale")
        scaler = self._scaler()
        if not np.isfinite(values).any():
            self.center_, self.scale_ = 0.0, 1.0
            self._settle()
            return self
        self.scaler_ = scaler.fit(number_input(values, np.nan))
        if self.method == "min-max":
            spread = float(scaler.data_range_[0]) if scaler.scale_[0] != 1 else 1.0
            self.center_, self.scale_ = float(scaler.data_min_[0]), spread
        else:
            self.center_, self.scale_ = float(scaler.center_[0]), float(scaler.scale_[0])
        return self

    def _settle(self):
        center, spread, scaler = self.center_, self.scale_, self._scaler()
        if self.method == "robust":
            self.scaler_ = _fitted(scaler, center_=center, scale_=spread)
            return
        factor = 1 / spread
        self.scaler_ = _fitted(
            scaler,
            data_min_=center,
            data_max_=center + spread,
            data_range_=spread,
            scale_=factor,
            min_=-center * factor,
        )

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        values = transform_numbers(self.scaler_, numbers(X, self.column, "scale"))
        return replace_column(X, self.column, {self.column: values})


class Derive(Step):
    """Adds, at the end, a number column computed from two: their ratio (`left / right`) or
    difference (`left - right`); a result that is not a finite number (division by zero, a
    missing operand) is missing. The column is `name`, else `<left> / <right>` or
    `<left> - <right>`.

    pandas: `(X[left] / X[right]).replace([np.inf, -np.inf], np.nan)`.
    """

    _learned = ("name",)

    def __init__(self, op=None, left=None, right=None, name=None):
        self.op = op
        self.left = left
        self.right = right
        self.name = name

    def fit(self, X: pd.DataFrame, y=None):
        self.name_ = self.name or f"{self.left} {'/' if self.op == 'ratio' else '-'} {self.right}"
        self._operands(X)
        return self

    def _operands(self, X: pd.DataFrame):
        if self.op not in ("ratio", "difference"):
            raise ValueError(
                f'The derive step cannot compute "{self.op}": choose ratio or difference.'
            )
        left = numbers(X, self.left, "derive")
        right = numbers(X, self.right, "derive")
        assert_new_columns(X, [self.name_], "derive")
        return left, right

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        left, right = self._operands(X)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = left / right if self.op == "ratio" else left - right
        values[~np.isfinite(values)] = np.nan
        return pd.concat([X, pd.DataFrame({self.name_: values}, index=X.index)], axis=1)


MAX_BINS = 1000


class Bin(Step):
    """Replaces a number column by its bin index (0 to bins - 1), edges learned on train: at
    train quantiles ("quantile") or equally spaced over the train range ("width"). Edges equal
    to each other or to the train minimum or maximum are dropped, so there may be fewer bins.
    A value's bin is how many edges are at or below it; missing cells stay missing.

    scikit-learn's `KBinsDiscretizer(encode="ordinal")` refuses missing cells and merges edges
    closer than 1e-8, so this class keeps the app's edges.
    """

    _learned = ("edges",)

    def __init__(self, column=None, method=None, bins=None):
        self.column = column
        self.method = method
        self.bins = bins

    def fit(self, X: pd.DataFrame, y=None):
        values = numbers(X, self.column, "bin")
        bins = self.bins
        if not (_is_whole(bins) and 2 <= bins <= MAX_BINS):
            raise ValueError(
                f'The bin step on "{self.column}" cannot run: the number of bins must be a '
                f"whole number from 2 to {MAX_BINS}, not {bins}."
            )
        low, high = quantile(values, 0), quantile(values, 1)
        if math.isnan(low):
            self.edges_ = []
            return self
        cuts = [(i + 1) / bins for i in range(int(bins) - 1)]
        if self.method == "quantile":
            inner = [quantile(values, q) for q in cuts]
        elif self.method == "width":
            inner = [low + q * (high - low) for q in cuts]
        else:
            raise ValueError(f'The bin step on "{self.column}" has no method "{self.method}".')
        self.edges_ = [e for e in dict.fromkeys(inner) if low < e < high]
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        values = numbers(X, self.column, "bin")
        out = bin_of(np.asarray(self.edges_, dtype=np.float64), values)
        return replace_column(X, self.column, {self.column: out})


def bin_of(edges: np.ndarray, values: np.ndarray) -> np.ndarray:
    """How many edges are at or below each value, by the app's binary search; NaN stays NaN."""
    lo = np.zeros(len(values), dtype=np.int64)
    hi = np.full(len(values), len(edges), dtype=np.int64)
    active = lo < hi
    while active.any():
        mid = (lo + hi) >> 1
        up = active & (edges[np.minimum(mid, len(edges) - 1)] <= values)
        lo = np.where(up, mid + 1, lo)
        hi = np.where(active & ~up, mid, hi)
        active = lo < hi
    out = lo.astype(np.float64)
    out[np.isnan(values)] = np.nan
    return out


DEFAULT_BUCKETS = 32
MAX_BUCKETS = 4096


class HashTokens(Step):
    """Replaces a text column by word counts with the hashing trick: each token (see
    `tokens_of`) counts in column `<column> #<fnv1a(token) mod buckets>`, for `buckets` columns
    (32 by default); a missing cell counts nothing. No vocabulary is learned.

    scikit-learn's `HashingVectorizer` hashes with MurmurHash3 and its own tokenizer, so its
    buckets differ: this class is the app's hashing, line for line.
    """

    _learned = ("buckets",)

    def __init__(self, column=None, buckets=None):
        self.column = column
        self.buckets = buckets

    def fit(self, X: pd.DataFrame, y=None):
        labels(X, self.column, "hash-tokens")
        self.buckets_ = DEFAULT_BUCKETS if self.buckets is None else self.buckets
        self._settle()
        return self

    def _settle(self):
        b = self.buckets_
        if not (_is_whole(b) and 1 <= b <= MAX_BUCKETS):
            raise ValueError(
                f'The hash-tokens step on "{self.column}" needs 1 to {MAX_BUCKETS} buckets, '
                f"not {b}."
            )

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        cells = labels(X, self.column, "hash-tokens")
        names = [f"{self.column} #{b}" for b in range(int(self.buckets_))]
        assert_new_columns(X, names, "hash-tokens", self.column)
        codes, levels = pd.factorize(pd.Series(cells, dtype=object))
        # One row of counts per distinct text, and a last row of zeros for missing cells.
        buckets = int(self.buckets_)
        counts = np.zeros((len(levels) + 1, buckets), dtype=np.float64)
        for k, text in enumerate(levels):
            for token in tokens_of(text):
                counts[k, fnv1a(token) % buckets] += 1
        table = counts[codes]
        return replace_column(X, self.column, {n: table[:, b] for b, n in enumerate(names)})


STEPS = {
    "units": Units,
    "clip": Clip,
    "transform": Transform,
    "standardize": Standardize,
    "scale": Scale,
    "derive": Derive,
    "bin": Bin,
    "hash-tokens": HashTokens,
}
"""Each feature step kind of the app but the date ones, and its class."""
