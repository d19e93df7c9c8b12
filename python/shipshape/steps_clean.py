"""The app's cleaning and encoding steps, one scikit-learn transformer per step kind.

Each class takes the app's step fields as keyword arguments, learns on the train frame what the
app learns (`fit`), and returns a new frame as the app does (`transform`): the same column names,
in the same place, with the same values. `from_fitted` rebuilds a step from what the app learned,
so nothing is fitted again. Labels are ordered by UTF-16 code units, as in the app, which only
differs from Python's own order for characters beyond U+FFFF.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .frame import number_text
from .rng import create_rng, shuffle_in_place

# JavaScript's String.prototype.trim removes these, which differ from Python's str.strip().
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_JS_DECIMAL = re.compile(r"[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\Z")
_JS_RADIX = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)\Z")


def label_key(label: str) -> bytes:
    """Returns a sort key that orders labels by UTF-16 code units, as the app's `compareLabels`."""
    return label.encode("utf-16-be", "surrogatepass")


def _frame_column(X: pd.DataFrame, name: str) -> pd.Series:
    if name not in X.columns:
        raise KeyError(f'The recipe needs a column "{name}", which the data does not have.')
    return X[name]


def _is_labels(column: pd.Series) -> bool:
    return column.dtype == object or isinstance(column.dtype, (pd.CategoricalDtype, pd.StringDtype))


def _labels(X: pd.DataFrame, name: str, step: str) -> np.ndarray:
    """Returns a label column's cells as an object array of str, None where missing."""
    column = _frame_column(X, name)
    if not _is_labels(column):
        raise TypeError(
            f'The {step} step on "{name}" needs categories or text, '
            f"but the column holds {column.dtype}."
        )
    cells = column.to_numpy(dtype=object, copy=True)
    cells[pd.isna(cells)] = None
    return cells


def _label_counts(labels: np.ndarray) -> dict:
    """Returns how many cells hold each label (missing cells not counted)."""
    return pd.Series(labels, dtype=object).value_counts(dropna=True).to_dict()


def _present_sorted(labels: np.ndarray) -> list:
    """Returns the labels present in at least one cell, in the app's label order."""
    return sorted(_label_counts(labels), key=label_key)


def _map_labels(labels: np.ndarray, clean) -> np.ndarray:
    """Returns `clean(label)` for each label, computed once per label; missing stays None."""
    table = {label: clean(label) for label in _label_counts(labels)}
    return np.array([None if v is None else table[v] for v in labels], dtype=object)


def _positions(labels: np.ndarray, order: list) -> np.ndarray:
    """Returns each cell's position in `order`, -1 for a label outside it and for missing."""
    return pd.Categorical(labels, categories=list(order)).codes.astype(np.int64)


def _replace(X: pd.DataFrame, name: str, columns: list) -> pd.DataFrame:
    """Returns a new frame with the named column replaced by (name, values) pairs, in place."""
    out = {}
    for current in X.columns:
        if current == name:
            out.update(columns)
        else:
            out[current] = X[current]
    return pd.DataFrame(out, index=X.index)


def _assert_new_columns(X: pd.DataFrame, names, step: str, replacing: str | None = None):
    taken = {c for c in X.columns if c != replacing}
    for name in names:
        if name in taken:
            raise ValueError(
                f'The {step} step would add a column "{name}", but the data already has one; '
                "rename that column first."
            )
        taken.add(name)


def _classes(y):
    """Returns a classification target as a pandas Categorical, or None for numbers."""
    if isinstance(y, pd.Series) and isinstance(y.dtype, pd.CategoricalDtype):
        return y.array
    return y if isinstance(y, pd.Categorical) else None


def _js_number(value) -> float:
    """Returns JavaScript's `Number(value)` for a number or a text (NaN when it reads as none)."""
    if not isinstance(value, str):
        return float(value)
    text = value.strip(_JS_SPACE)
    if _JS_RADIX.match(text):
        return float(int(text, 0))
    return float(text.replace("Infinity", "inf")) if _JS_DECIMAL.match(text) else math.nan


def _js_string(value) -> str:
    """Returns JavaScript's `String(value)` for a label or a number."""
    return value if isinstance(value, str) else number_text(float(value))


class DropColumns(BaseEstimator, TransformerMixin):
    """Leaves columns out of the features; a column already gone is skipped.

    pandas: `X.drop(columns=columns, errors="ignore")`.
    """

    def __init__(self, columns=(), reason=None):
        self.columns = columns
        self.reason = reason

    def fit(self, X, y=None):
        """Learns nothing: dropping columns needs no train statistic."""
        return self

    def transform(self, X):
        """Returns the frame without the named columns, in the same order otherwise."""
        return X.drop(columns=list(self.columns), errors="ignore")

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted."""
        return cls(columns=list(fitted["columns"]), reason=fitted.get("reason"))


# Drops train rows that repeat an earlier train row in every column and in the target: pandas'
# `duplicated()`, missing equal to missing and 0 to -0. A scikit-learn Pipeline cannot drop rows,
# so `fit_steps` calls `fit_resample` on train; on any other rows the step changes nothing.
class DropDuplicates(BaseEstimator, TransformerMixin):
    """Drops repeated train rows (the first copy stays); other rows pass unchanged."""

    def fit(self, X, y=None):
        """Counts the repeated train rows (`dropped_`)."""
        self.fit_resample(X, y)
        return self

    def fit_resample(self, X, y=None):
        """Returns the train rows that repeat no earlier row, and their target."""
        if len(X.columns) == 0:
            self.dropped_ = 0
            return X, y
        keys = {}
        for i, name in enumerate(X.columns):
            column = X[name]
            # Adding 0.0 turns -0.0 into 0.0; NaN and None compare equal in `duplicated`.
            keys[i] = column + 0.0 if pd.api.types.is_float_dtype(column) else column
        if y is not None:
            classes = _classes(y)
            keys[len(keys)] = classes.codes if classes is not None else np.asarray(y, float) + 0.0
        repeated = pd.DataFrame(keys, index=X.index).duplicated(keep="first").to_numpy()
        self.dropped_ = int(repeated.sum())
        if self.dropped_ == 0:
            return X, y
        keep = ~repeated
        return X.loc[keep], (y[keep] if y is not None else None)

    def transform(self, X):
        """Returns the rows unchanged: only train rows are ever dropped."""
        return X

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted (it learned only how many rows it dropped)."""
        step = cls()
        step.dropped_ = int(fitted.get("dropped", 0))
        return step


class CleanLabels(BaseEstimator, TransformerMixin):
    """Trims spaces, folds case, then merges spellings of a label column; empty becomes missing.

    pandas: `X[column].str.strip().str.lower().replace(merge)`, with JavaScript's set of spaces.
    """

    def __init__(self, column, trim=True, case_fold="none", merge=()):
        self.column = column
        self.trim = trim
        self.case_fold = case_fold
        self.merge = merge

    def fit(self, X, y=None):
        """Checks that the column holds labels; nothing is learned."""
        _labels(X, self.column, "clean-labels")
        return self

    def _fold(self, label: str) -> str:
        trimmed = label.strip(_JS_SPACE) if self.trim else label
        if self.case_fold == "lower":
            return trimmed.lower()
        if self.case_fold == "upper":
            return trimmed.upper()
        return trimmed

    def transform(self, X):
        """Returns the frame with the column's labels cleaned (labels unseen in train too)."""
        merge = {self._fold(a): self._fold(b) for a, b in self.merge}

        def clean(label):
            folded = self._fold(label)
            cleaned = merge.get(folded, folded)
            return None if cleaned == "" else cleaned

        cleaned = _map_labels(_labels(X, self.column, "clean-labels"), clean)
        return _replace(X, self.column, [(self.column, cleaned)])

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted."""
        merge = [(a, b) for a, b in fitted["merge"]]
        return cls(
            column=fitted["column"], trim=fitted["trim"], case_fold=fitted["caseFold"], merge=merge
        )


class RareLevels(BaseEstimator, TransformerMixin):
    """Groups labels rarer than a count or share of train into one label; missing stays missing.

    pandas: `X[column].where(X[column].isin(kept) | X[column].isna(), other)`, `kept` from
    `value_counts()` on train.
    """

    def __init__(self, column, min_count=None, min_share=None, other=None):
        self.column = column
        self.min_count = min_count
        self.min_share = min_share
        self.other = other

    def fit(self, X, y=None):
        """Learns the labels frequent enough in train to keep (`kept_`)."""
        labels = _labels(X, self.column, "rare-levels")
        self._check()
        counts = _label_counts(labels)
        present = sum(counts.values())
        if self.min_count is None and self.min_share is None:
            threshold = 0.01 * present
        else:
            threshold = max(self.min_count or 0, (self.min_share or 0) * present)
        kept = (label for label, n in counts.items() if n > 0 and n >= threshold)
        self.kept_ = sorted(kept, key=label_key)
        self.other_ = "Other" if self.other is None else self.other
        return self

    def _check(self):
        where = f'The rare-levels step on "{self.column}"'
        count, share = self.min_count, self.min_share
        if count is not None and not (math.isfinite(count) and count >= 0):
            raise ValueError(f"{where} needs a minimum count of zero or more; got {count}.")
        if share is not None and not 0 <= share <= 1:
            raise ValueError(f"{where} needs a minimum share between 0 and 1; got {share}.")
        if self.other == "":
            raise ValueError(f"{where} needs a label for the rare ones.")

    def transform(self, X):
        """Returns the frame with every label not kept on train replaced by the other label."""
        kept = set(self.kept_)
        labels = _labels(X, self.column, "rare-levels")
        mapped = _map_labels(labels, lambda label: label if label in kept else self.other_)
        return _replace(X, self.column, [(self.column, mapped)])

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted, with its kept labels."""
        step = cls(
            column=fitted["column"],
            min_count=fitted.get("minCount"),
            min_share=fitted.get("minShare"),
            other=fitted["other"],
        )
        step.kept_ = list(fitted["kept"])
        step.other_ = fitted["other"]
        return step


class Impute(BaseEstimator, TransformerMixin):
    """Fills a column's missing cells, optionally flagging them in `<column> missing` after it.

    scikit-learn: `SimpleImputer(strategy=...)` with `add_indicator` (placed after the column, not
    at the end). Numbers take the median, mean, most frequent value (ties: the smallest) or the
    constant; labels take the most frequent label (ties: the first in label order) for any learned
    strategy, or the constant. An all-missing train column is filled with 0, or the empty label.
    The median and mean are computed as the app does, to the last bit.
    """

    def __init__(self, column, strategy="median", indicator=False, value=None):
        self.column = column
        self.strategy = strategy
        self.indicator = indicator
        self.value = value

    def indicator_name(self) -> str:
        """Returns the name of the 0/1 column that flags missing cells."""
        return f"{self.column} missing"

    def _fillable(self, X):
        column = _frame_column(X, self.column)
        if _is_labels(column):
            return None, _labels(X, self.column, "impute")
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            return column.to_numpy(dtype=np.float64, copy=True), None
        raise TypeError(
            f'The impute step cannot fill "{self.column}", which holds {column.dtype}.'
        )

    def fit(self, X, y=None):
        """Learns the fill value on train (`fill_`), or checks the constant."""
        numbers, labels = self._fillable(X)
        if self.indicator:
            _assert_new_columns(X, [self.indicator_name()], "impute")
        if self.strategy == "constant":
            self.fill_ = self._number_fill(self.value) if labels is None else self._label_fill()
        elif labels is not None:
            self.fill_ = self._most_frequent_label(labels)
        else:
            self.fill_ = self._learned_number(numbers)
        return self

    def _number_fill(self, value) -> float:
        blank = isinstance(value, str) and value.strip(_JS_SPACE) == ""
        n = math.nan if blank else _js_number(value)
        if math.isfinite(n):
            return n
        raise ValueError(
            f'The impute step on "{self.column}" fills numbers, but {value!r} is not a number.'
        )

    def _label_fill(self) -> str:
        label = _js_string(self.value)
        if label == "":
            raise ValueError(
                f'The impute step on "{self.column}" needs a label to fill with, not an empty text.'
            )
        return label

    @staticmethod
    def _most_frequent_label(labels) -> str:
        counts = _label_counts(labels)
        if not counts:
            return ""
        top = max(counts.values())
        return min((label for label, n in counts.items() if n == top), key=label_key)

    def _learned_number(self, numbers: np.ndarray) -> float:
        """Returns the train statistic, 0 when the train column has no value to take it from."""
        if self.strategy not in ("median", "mean", "most-frequent"):
            raise ValueError(
                f'The impute step on "{self.column}" has no strategy "{self.strategy}".'
            )
        values = numbers[np.isfinite(numbers)]
        if self.strategy == "most-frequent":
            # Infinities count here, as in the app; ties go to the smallest value, and -0 is 0.
            values = numbers[~np.isnan(numbers)]
        if values.size == 0:
            return 0.0
        if self.strategy == "median":
            # The app interpolates between the two middle values: lo + (hi - lo) * fraction.
            ordered = np.sort(values)
            pos = (values.size - 1) * 0.5
            lo, hi = ordered[math.floor(pos)], ordered[math.ceil(pos)]
            return float(lo + (hi - lo) * (pos - math.floor(pos)))
        if self.strategy == "mean":
            # Welford's running mean, in row order, as the app computes it.
            mean = 0.0
            for count, v in enumerate(values.tolist(), start=1):
                mean += (v - mean) / count
            return mean
        distinct, counts = np.unique(values + 0.0, return_counts=True)
        return float(distinct[np.argmax(counts)])

    def transform(self, X):
        """Returns the frame with the column's missing cells filled (and flagged: `indicator`)."""
        numbers, labels = self._fillable(X)
        if labels is None:
            missing = np.isnan(numbers)
            filled = numbers
            filled[missing] = self._number_fill(self.fill_)
        else:
            missing = np.array([v is None for v in labels], dtype=bool)
            filled = labels
            filled[missing] = _js_string(self.fill_)
        columns = [(self.column, filled)]
        if self.indicator:
            _assert_new_columns(X, [self.indicator_name()], "impute")
            columns.append((self.indicator_name(), missing.astype(np.float64)))
        return _replace(X, self.column, columns)

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted, with its fill value."""
        step = cls(
            column=fitted["column"],
            strategy=fitted["strategy"],
            indicator=bool(fitted.get("indicator", False)),
            value=fitted.get("value"),
        )
        step.fill_ = fitted["fill"]
        return step


class Ordinal(BaseEstimator, TransformerMixin):
    """Replaces a label column by each label's position in an order; unseen and missing give -1.

    scikit-learn: `OrdinalEncoder(categories=[order], handle_unknown="use_encoded_value",
    unknown_value=-1, encoded_missing_value=-1)`; with no order, the sorted train labels.
    """

    def __init__(self, column, order=None):
        self.column = column
        self.order = order

    def fit(self, X, y=None):
        """Learns the order (`order_`): the one given, checked, or the train labels sorted."""
        labels = _labels(X, self.column, "ordinal")
        if self.order is None:
            self.order_ = _present_sorted(labels)
            return self
        where = f'The ordinal step on "{self.column}"'
        if len(self.order) == 0:
            raise ValueError(f"{where} needs at least one label in its order.")
        seen = set()
        for label in self.order:
            if label in seen:
                raise ValueError(f'{where} lists "{label}" twice in its order.')
            seen.add(label)
        self.order_ = list(self.order)
        return self

    def transform(self, X):
        """Returns the frame with the label column replaced by its positions, as numbers."""
        positions = _positions(_labels(X, self.column, "ordinal"), self.order_)
        return _replace(X, self.column, [(self.column, positions.astype(np.float64))])

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted, with its order."""
        step = cls(column=fitted["column"], order=fitted.get("order"))
        step.order_ = list(fitted["order"])
        return step


class OneHot(BaseEstimator, TransformerMixin):
    """Replaces a label column by one 0/1 column `<column>=<label>` per train label, sorted.

    scikit-learn: `OneHotEncoder(categories=[labels], handle_unknown="ignore")`: a label unseen in
    train, and a missing cell, encode as all zeros.
    """

    def __init__(self, column):
        self.column = column

    def fit(self, X, y=None):
        """Learns the labels present in train, sorted (`levels_`)."""
        self.levels_ = _present_sorted(_labels(X, self.column, "one-hot"))
        return self

    def transform(self, X):
        """Returns the frame with the label column replaced by its 0/1 columns."""
        positions = _positions(_labels(X, self.column, "one-hot"), self.levels_)
        names = [f"{self.column}={level}" for level in self.levels_]
        _assert_new_columns(X, names, "one-hot", self.column)
        onehot = np.zeros((len(positions), len(names)), dtype=np.float64)
        rows = np.flatnonzero(positions >= 0)
        onehot[rows, positions[rows]] = 1.0
        return _replace(X, self.column, [(name, onehot[:, k]) for k, name in enumerate(names)])

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted, with its labels."""
        step = cls(fitted["column"])
        step.levels_ = list(fitted["levels"])
        return step


# Target encoding as the app does it. No library equivalent is faithful: scikit-learn 1.2 has no
# TargetEncoder, and 1.3's draws other folds and smooths otherwise. Each label becomes
# (sum of its train targets + smoothing * prior) / (count + smoothing), where the prior is the
# train mean; unseen and missing labels get the prior. Train rows are shuffled with the app's
# seeded generator, dealt round-robin into folds, and each encoded from the other folds only.
class TargetEncode(BaseEstimator, TransformerMixin):
    """Replaces a label column by the smoothed train target per label, out of fold on train."""

    def __init__(self, column, smoothing=10, folds=5, seed=0):
        self.column = column
        self.smoothing = smoothing
        self.folds = folds
        self.seed = seed

    def fit(self, X, y=None):
        """Learns each train label's encoding (`levels_`, `encodings_`) and the prior (`prior_`)."""
        self._fit(X, y)
        return self

    def fit_transform(self, X, y=None, **fit_params):
        """Fits, and returns the train frame encoded out of fold (no row sees its own target)."""
        codes, fold, per_fold = self._fit(X, y)
        out = np.empty((len(codes), len(self.outputs_)))
        for f in range(len(per_fold)):
            others = self._zeros(per_fold[0])
            for g, part in enumerate(per_fold):
                if g != f:
                    others = (others[0] + part[0], others[1] + part[1])
            # A fold with no other rows holding a target falls back on the whole train prior.
            prior = self._prior(others)
            prior = self.prior_ if prior is None else prior
            table = np.vstack([self._encode(others, prior), prior])
            rows = fold == f
            out[rows] = table[codes[rows]]
        return _replace(X, self.column, [(n, out[:, k]) for k, n in enumerate(self.outputs_)])

    def _fit(self, X, y):
        labels = _labels(X, self.column, "target-encode")
        folds = self._checked()
        values, has = self._target(len(labels), y)
        _assert_new_columns(X, self.outputs_, "target-encode", self.column)
        # Codes by first appearance; missing labels take the slot after the last label (-1).
        codes, uniques = pd.factorize(pd.Series(labels, dtype=object))
        slots = len(uniques) + 1
        codes = np.where(codes < 0, slots - 1, codes)
        order = shuffle_in_place(list(range(len(labels))), create_rng(self.seed))
        fold = np.empty(len(labels), dtype=np.int64)
        fold[order] = np.arange(len(labels)) % folds
        per_fold = []
        for f in range(folds):
            rows = np.flatnonzero((fold == f) & has)
            # bincount adds in row order, as the app does, so the sums are the same to the bit.
            counts = np.bincount(codes[rows], minlength=slots).astype(np.float64)
            sums = np.stack(
                [np.bincount(codes[rows], values[rows, k], slots) for k in range(values.shape[1])],
                axis=1,
            )
            per_fold.append((counts, sums))
        total = self._zeros(per_fold[0])
        for part in per_fold:
            total = (total[0] + part[0], total[1] + part[1])
        self.prior_ = self._prior(total)
        if self.prior_ is None:
            raise ValueError(
                f'The target-encode step on "{self.column}" needs train rows with a target; '
                "there are none."
            )
        seen = np.flatnonzero(total[0][:-1] > 0)
        self.levels_ = [uniques[i] for i in seen]
        self.encodings_ = self._encode(total, self.prior_)[seen]
        return np.where(codes == slots - 1, -1, codes), fold, per_fold

    def _checked(self) -> int:
        """Checks the options; returns the number of folds."""
        where = f'The target-encode step on "{self.column}"'
        smoothing, folds = self.smoothing, self.folds
        if not (math.isfinite(smoothing) and smoothing >= 0):
            raise ValueError(f"{where} needs a smoothing of zero or more; got {smoothing}.")
        if not (float(folds).is_integer() and folds >= 2):
            raise ValueError(f"{where} needs a whole number of folds, 2 or more; got {folds}.")
        return int(folds)

    def _target(self, rows: int, y):
        """Returns the target as one row of values per train row, and which rows have one."""
        where = f'The target-encode step on "{self.column}"'
        if y is None:
            raise ValueError(
                f"{where} learns from the target, but none was chosen: pick a target first."
            )
        if len(y) != rows:
            raise ValueError(f"{where} got a target that does not match the rows.")
        classes = _classes(y)
        if classes is None:
            numbers = np.asarray(y, dtype=np.float64)
            has = np.isfinite(numbers)
            self.outputs_ = [f"{self.column} target mean"]
            return np.where(has, numbers, 0.0)[:, None], has
        codes = np.asarray(classes.codes, dtype=np.int64)
        classes = [str(c) for c in classes.categories]
        if len(classes) < 2:
            raise ValueError(f"{where} needs a target with at least two classes.")
        has = (codes >= 0) & (codes < len(classes))
        if len(classes) == 2:
            self.outputs_ = [f"{self.column} target rate"]
            return (codes == 1).astype(np.float64)[:, None], has
        self.outputs_ = [f"{self.column} P({c})" for c in classes]
        values = np.zeros((rows, len(classes)))
        values[np.flatnonzero(has), codes[has]] = 1.0
        return values, has

    @staticmethod
    def _zeros(like):
        return np.zeros_like(like[0]), np.zeros_like(like[1])

    @staticmethod
    def _prior(stats):
        """Returns the target mean per output over all slots, or None when no row has a target."""
        count = stats[0].sum()
        if count == 0:
            return None
        # cumsum adds slot after slot, in the app's order (np.sum would add pairwise).
        return np.cumsum(stats[1], axis=0)[-1] / count

    def _encode(self, stats, prior):
        """Returns each slot's smoothed encoding; with no rows and no smoothing, the prior."""
        counts, sums = stats
        n = counts[:, None]
        smoothing = float(self.smoothing)
        with np.errstate(invalid="ignore"):
            encoded = (sums + smoothing * prior) / (n + smoothing)
        return np.where(n + smoothing == 0, prior, encoded)

    def transform(self, X):
        """Returns the frame with the label column replaced by its encodings (unseen: the prior)."""
        labels = _labels(X, self.column, "target-encode")
        _assert_new_columns(X, self.outputs_, "target-encode", self.column)
        width = len(self.prior_)
        encodings = np.asarray(self.encodings_, dtype=np.float64).reshape(-1, width)
        # Position -1 (unseen or missing) picks the last row: the prior.
        out = np.vstack([encodings, self.prior_])[_positions(labels, self.levels_)]
        return _replace(X, self.column, [(n, out[:, k]) for k, n in enumerate(self.outputs_)])

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted, with its encodings and prior."""
        step = cls(
            column=fitted["column"],
            smoothing=fitted.get("smoothing", 10),
            folds=fitted.get("folds", 5),
        )
        step.outputs_ = list(fitted["outputs"])
        step.prior_ = np.asarray(fitted["prior"], dtype=np.float64)
        step.levels_ = list(fitted["levels"])
        step.encodings_ = np.asarray(fitted["encodings"], dtype=np.float64)
        return step


STEPS = {
    "drop-columns": DropColumns,
    "drop-duplicates": DropDuplicates,
    "clean-labels": CleanLabels,
    "rare-levels": RareLevels,
    "impute": Impute,
    "ordinal": Ordinal,
    "target-encode": TargetEncode,
    "one-hot": OneHot,
}
