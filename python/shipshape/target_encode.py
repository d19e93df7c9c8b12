"""The app's target encoding step, as a scikit-learn transformer (see `steps_clean`)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .rng import create_rng, shuffle_in_place
from .step_frame import assert_new_columns, labels, positions, replace_column, target_classes


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
        return replace_column(X, self.column, {n: out[:, k] for k, n in enumerate(self.outputs_)})

    def _fit(self, X, y):
        cells = labels(X, self.column, "target-encode")
        folds = self._checked()
        values, has = self._target(len(cells), y)
        assert_new_columns(X, self.outputs_, "target-encode", self.column)
        # Codes by first appearance; missing labels take the slot after the last label (-1).
        codes, uniques = pd.factorize(pd.Series(cells, dtype=object))
        slots = len(uniques) + 1
        codes = np.where(codes < 0, slots - 1, codes)
        order = shuffle_in_place(list(range(len(cells))), create_rng(self.seed))
        fold = np.empty(len(cells), dtype=np.int64)
        fold[order] = np.arange(len(cells)) % folds
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
        classes = target_classes(y)
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
        cells = labels(X, self.column, "target-encode")
        assert_new_columns(X, self.outputs_, "target-encode", self.column)
        width = len(self.prior_)
        encodings = np.asarray(self.encodings_, dtype=np.float64).reshape(-1, width)
        # Position -1 (unseen or missing) picks the last row: the prior.
        out = np.vstack([encodings, self.prior_])[positions(cells, self.levels_)]
        return replace_column(X, self.column, {n: out[:, k] for k, n in enumerate(self.outputs_)})

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


STEPS = {"target-encode": TargetEncode}
"""The target encoding step kind of the app, and its class."""
