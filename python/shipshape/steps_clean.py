"""The app's cleaning and encoding steps, one scikit-learn transformer per step kind.

Each class takes the app's step fields as keyword arguments, learns on the train frame what the
app learns (`fit`), and returns a new frame as the app does (`transform`): the same column names,
in the same place, with the same values. `from_fitted` rebuilds a step from what the app learned,
so nothing is fitted again. Labels are ordered by UTF-16 code units, as in the app, which only
differs from Python's own order for characters beyond U+FFFF. Target encoding, the one step
that learns from the target, is in `target_encode`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

from .js import js_number, js_string, js_trim
from .step_frame import (
    assert_new_columns,
    column_of,
    is_labels,
    is_numbers,
    label_counts,
    label_input,
    label_key,
    labels,
    map_labels,
    number_input,
    present_sorted,
    replace_column,
    target_classes,
    transform_numbers,
)


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
            classes = target_classes(y)
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
        labels(X, self.column, "clean-labels")
        return self

    def _fold(self, label: str) -> str:
        trimmed = js_trim(label) if self.trim else label
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

        cleaned = map_labels(labels(X, self.column, "clean-labels"), clean)
        return replace_column(X, self.column, {self.column: cleaned})

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
        cells = labels(X, self.column, "rare-levels")
        self._check()
        counts = label_counts(cells)
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
        cells = labels(X, self.column, "rare-levels")
        mapped = map_labels(cells, lambda label: label if label in kept else self.other_)
        return replace_column(X, self.column, {self.column: mapped})

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


# The app's learned strategies by scikit-learn's names for them.
SKLEARN_STRATEGIES = {"median": "median", "mean": "mean", "most-frequent": "most_frequent"}


class Impute(BaseEstimator, TransformerMixin):
    """Fills a column's missing cells, optionally flagging them in `<column> missing` after it.

    scikit-learn: `SimpleImputer(strategy=..., keep_empty_features=True)`. Numbers take the
    median, mean, most frequent value (ties: the smallest) or the constant; labels take the most
    frequent label (ties: the first in label order) for any learned strategy, or the constant. An
    all-missing train column of numbers is filled with 0. The median and mean agree with the
    app's to the last bits (numpy sums and halves in another order). The flag is
    `MissingIndicator(features="all")`, placed right after the column: `add_indicator` would put
    it at the end, and only for a column with a missing train cell.

    Where SimpleImputer would learn another fill, the app's own rule learns it and
    `SimpleImputer(strategy="constant")` fills with it: an all-missing label column (the app
    fills the empty label, SimpleImputer 0); labels with characters beyond U+FFFF (a tie goes to
    the first label in UTF-16 order, as in the app, where Python's `min` takes code points); the
    most frequent number of a train column with infinities (the app counts them, scikit-learn
    refuses them). Otherwise infinities are hidden from scikit-learn: as missing when it learns a
    median or mean (the app skips them too), and they pass unfilled and unflagged. `from_fitted`
    fills with the app's fill, by `SimpleImputer(strategy="constant")`.
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
        column = column_of(X, self.column)
        if is_labels(column):
            return None, labels(X, self.column, "impute")
        if is_numbers(column):
            return column.to_numpy(dtype=np.float64), None
        raise TypeError(
            f'The impute step cannot fill "{self.column}", which holds {column.dtype}.'
        )

    def fit(self, X, y=None):
        """Fits the imputer on train (`imputer_`, its fill `fill_`), or checks the constant."""
        numbers, cells = self._fillable(X)
        if self.indicator:
            assert_new_columns(X, [self.indicator_name()], "impute")
        if cells is None:
            data, missing = number_input(numbers, np.nan), np.nan
        else:
            data, missing = label_input(cells), None
        strategy, fill = self._strategy(numbers, cells)
        self._fit_imputer(data, missing, strategy, fill)
        return self

    def _strategy(self, numbers, cells):
        """Returns SimpleImputer's strategy and fill value: "constant" with the app's own fill
        where SimpleImputer would learn another."""
        if self.strategy == "constant":
            fill = self._number_fill(self.value) if cells is None else self._label_fill()
            return "constant", fill
        if cells is not None:
            counts = label_counts(cells)
            if not counts or any(label and max(label) > "\uffff" for label in counts):
                return "constant", self._most_frequent_label(counts)
            return "most_frequent", None
        if self.strategy not in SKLEARN_STRATEGIES:
            raise ValueError(
                f'The impute step on "{self.column}" has no strategy "{self.strategy}".'
            )
        if self.strategy == "most-frequent" and np.isinf(numbers).any():
            # An infinity may be the most frequent; the app then refuses it, as `_number_fill` does.
            return "constant", self._number_fill(self._most_frequent_number(numbers))
        return SKLEARN_STRATEGIES[self.strategy], None

    def _fit_imputer(self, data, missing, strategy, fill):
        self.imputer_ = SimpleImputer(
            missing_values=missing, strategy=strategy, fill_value=fill, keep_empty_features=True
        ).fit(data)
        self.indicator_ = MissingIndicator(missing_values=missing, features="all").fit(data)
        learned = self.imputer_.statistics_[0]
        self.fill_ = str(learned) if missing is None else float(learned)

    def _number_fill(self, value) -> float:
        blank = isinstance(value, str) and js_trim(value) == ""
        n = math.nan if blank else js_number(value)
        if math.isfinite(n):
            return n
        raise ValueError(
            f'The impute step on "{self.column}" fills numbers, but {value!r} is not a number.'
        )

    def _label_fill(self) -> str:
        label = js_string(self.value)
        if label == "":
            raise ValueError(
                f'The impute step on "{self.column}" needs a label to fill with, not an empty text.'
            )
        return label

    @staticmethod
    def _most_frequent_label(counts: dict) -> str:
        if not counts:
            return ""
        top = max(counts.values())
        return min((label for label, n in counts.items() if n == top), key=label_key)

    @staticmethod
    def _most_frequent_number(numbers: np.ndarray) -> float:
        # Infinities count, as in the app; ties go to the smallest value, and -0 is 0.
        values = numbers[~np.isnan(numbers)]
        if values.size == 0:
            return 0.0
        distinct, counts = np.unique(values + 0.0, return_counts=True)
        return float(distinct[np.argmax(counts)])

    def transform(self, X):
        """Returns the frame with the column's missing cells filled (and flagged: `indicator`)."""
        numbers, cells = self._fillable(X)
        if cells is None:
            filled = transform_numbers(self.imputer_, numbers)
            # The flag sees 0 for an infinity: a present cell.
            data = number_input(numbers)
        else:
            data = label_input(cells)
            filled = self.imputer_.transform(data)[:, 0]
        columns = {self.column: filled}
        if self.indicator:
            assert_new_columns(X, [self.indicator_name()], "impute")
            flags = self.indicator_.transform(data)[:, 0]
            columns[self.indicator_name()] = flags.astype(np.float64)
        return replace_column(X, self.column, columns)

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted: a constant imputer of its fill (a label: a text; a
        number for a number column)."""
        step = cls(
            column=fitted["column"],
            strategy=fitted["strategy"],
            indicator=bool(fitted.get("indicator", False)),
            value=fitted.get("value"),
        )
        fill = fitted["fill"]
        if isinstance(fill, str):
            step._fit_imputer(label_input([fill]), None, "constant", fill)
        else:
            fill = step._number_fill(fill)
            step._fit_imputer(number_input(np.array([fill])), np.nan, "constant", fill)
        return step


# The app's own encoding of a label outside the order and of a missing cell.
ORDINAL_UNKNOWN = -1


class Ordinal(BaseEstimator, TransformerMixin):
    """Replaces a label column by each label's position in an order; unseen and missing give -1.

    scikit-learn: `OrdinalEncoder(categories=[order], handle_unknown="use_encoded_value",
    unknown_value=-1, encoded_missing_value=-1)`; with no order, the labels present in train in
    the app's order (UTF-16 code units), as `categories="auto"` would order them by code point.
    """

    def __init__(self, column, order=None):
        self.column = column
        self.order = order

    def fit(self, X, y=None):
        """Learns the order (`order_`): the one given, checked, or the train labels sorted; and
        fits the encoder of that order (`encoder_`)."""
        cells = labels(X, self.column, "ordinal")
        self.order_ = present_sorted(cells) if self.order is None else self._checked_order()
        self.encoder_ = self._encoder().fit(label_input(cells))
        return self

    def _checked_order(self) -> list:
        where = f'The ordinal step on "{self.column}"'
        if len(self.order) == 0:
            raise ValueError(f"{where} needs at least one label in its order.")
        seen = set()
        for label in self.order:
            if label in seen:
                raise ValueError(f'{where} lists "{label}" twice in its order.')
            seen.add(label)
        return list(self.order)

    def _encoder(self) -> OrdinalEncoder:
        return OrdinalEncoder(
            categories=[list(self.order_)],
            handle_unknown="use_encoded_value",
            unknown_value=ORDINAL_UNKNOWN,
            encoded_missing_value=ORDINAL_UNKNOWN,
            dtype=np.float64,
        )

    def transform(self, X):
        """Returns the frame with the label column replaced by its positions, as numbers."""
        cells = labels(X, self.column, "ordinal")
        at = self.encoder_.transform(label_input(cells))[:, 0]
        return replace_column(X, self.column, {self.column: at})

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted: the encoder of its order."""
        step = cls(column=fitted["column"], order=fitted.get("order"))
        step.order_ = list(fitted["order"])
        step.encoder_ = step._encoder().fit(label_input(step.order_))
        return step


class OneHot(BaseEstimator, TransformerMixin):
    """Replaces a label column by one 0/1 column `<column>=<label>` per train label, sorted.

    scikit-learn: `OneHotEncoder(categories=[labels], handle_unknown="ignore")`, with the labels
    present in train in the app's order (UTF-16 code units; `categories="auto"` would sort them
    by code point): a label unseen in train, and a missing cell, encode as all zeros. The columns
    take the column's place and are named as in the app (`get_feature_names_out` would write
    `<column>_<label>`). A train column with no label gives no column, which OneHotEncoder
    cannot fit (it needs a category), so that case has no encoder.
    """

    def __init__(self, column):
        self.column = column

    def fit(self, X, y=None):
        """Learns the labels present in train, sorted (`levels_`), and fits their encoder."""
        cells = labels(X, self.column, "one-hot")
        self.levels_ = present_sorted(cells)
        self.encoder_ = self._encoder(label_input(cells))
        return self

    def _encoder(self, data):
        if not self.levels_:
            return None
        encoder = OneHotEncoder(
            categories=[list(self.levels_)],
            handle_unknown="ignore",
            sparse_output=False,
            dtype=np.float64,
        )
        return encoder.fit(data)

    def transform(self, X):
        """Returns the frame with the label column replaced by its 0/1 columns."""
        cells = labels(X, self.column, "one-hot")
        names = [f"{self.column}={level}" for level in self.levels_]
        assert_new_columns(X, names, "one-hot", self.column)
        if self.encoder_ is None:
            return replace_column(X, self.column, {})
        onehot = self.encoder_.transform(label_input(cells))
        return replace_column(X, self.column, {name: onehot[:, k] for k, name in enumerate(names)})

    @classmethod
    def from_fitted(cls, fitted: dict):
        """Returns the step the app fitted: the encoder of its labels."""
        step = cls(fitted["column"])
        step.levels_ = list(fitted["levels"])
        step.encoder_ = step._encoder(label_input(step.levels_))
        return step


STEPS = {
    "drop-columns": DropColumns,
    "drop-duplicates": DropDuplicates,
    "clean-labels": CleanLabels,
    "rare-levels": RareLevels,
    "impute": Impute,
    "ordinal": Ordinal,
    "one-hot": OneHot,
}
