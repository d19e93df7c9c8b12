"""The estimators of the app's model families that scikit-learn and XGBoost do not provide as such.

Every family is fitted on the app's feature matrix with the target as the app encodes it: class
indices (0, 1, ... in the app's class order) for classification, floats otherwise, so that
`predict_proba`'s columns are the app's classes. Most families are scikit-learn's or XGBoost's own
estimators (see `src/core/ship/python/model-code.ts`); this module holds the few the libraries
lack: the one-rule model, the app's stratified baseline, an elastic net whose penalties are the
app's (not divided by the row count), and the two wrappers that stop early on the validation rows
as the app does. `fit_model` and `predict_model` fit and predict any of them alike.
"""

from __future__ import annotations

import copy
import math

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin, clone
from sklearn.linear_model import ElasticNet

_MASK = 0xFFFFFFFF


def row_draws(seed: int, rows: int) -> np.ndarray:
    """Returns the app's `rowDraw(seed, i)` for i < rows: output i + 1 of splitmix32 at `seed`."""
    steps = np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(0x9E3779B9)
    z = (np.uint64(seed & _MASK) + steps) & _MASK
    z = ((z ^ (z >> np.uint64(16))) * np.uint64(0x85EBCA6B)) & _MASK
    z = ((z ^ (z >> np.uint64(13))) * np.uint64(0xC2B2AE35)) & _MASK
    return (z ^ (z >> np.uint64(16))).astype(np.float64) / 4294967296.0


class StratifiedBaseline(BaseEstimator, ClassifierMixin):
    """The app's 'stratified' baseline: row i of a batch gets a class drawn from the train shares.

    scikit-learn's DummyClassifier(strategy="stratified") draws from numpy's generator, so its
    classes differ row by row; this draws exactly as the app does (`row_draws`), so the same
    batch gets the same classes in both.
    """

    def __init__(self, seed=0):
        self.seed = seed

    def fit(self, X, y):
        y = np.asarray(y, dtype=np.int64)
        self.classes_ = np.arange(int(y.max()) + 1)
        self.priors_ = np.bincount(y, minlength=len(self.classes_)) / len(y)
        return self

    def predict_proba(self, X):
        draws = row_draws(int(self.seed), len(X))
        present = np.flatnonzero(self.priors_ > 0)
        # The class whose cumulative share (summed in order, as the app) first passes the draw;
        # the shares may sum to just under 1, and the last class with a share takes the rest.
        cumulative = np.cumsum(self.priors_[present])
        at = np.minimum(np.searchsorted(cumulative, draws, side="right"), len(present) - 1)
        proba = np.zeros((len(X), len(self.classes_)))
        proba[np.arange(len(X)), present[at]] = 1.0
        return proba

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def rule_cuts(sorted_values: np.ndarray, max_bins: int) -> list:
    """Returns the app's one-rule cut points (`ruleCuts`) of a feature's sorted finite values."""
    v = sorted_values
    n = len(v)
    cuts = []

    def cut_after(at):
        after = at + 1
        while after < n and v[after] == v[at]:
            after += 1
        if after == n:
            return
        # Halfway to the next larger value, so an unseen value goes with its nearer neighbour.
        mid = v[at] + (v[after] - v[at]) / 2
        cut = float(mid if mid < v[after] else v[at])
        if not cuts or cut > cuts[-1]:
            cuts.append(cut)

    if len(np.unique(v)) <= max_bins:
        for i in range(n - 1):
            if v[i] != v[i + 1]:
                cut_after(i)
        return cuts
    for b in range(1, max_bins):
        cut_after(math.ceil(b * n / max_bins) - 1)
    return cuts


def rule_bins(cuts, values: np.ndarray) -> np.ndarray:
    """Returns each value's bin: the first cut at or above it, else the last bin; NaN, one more."""
    bins = np.searchsorted(np.asarray(cuts, dtype=np.float64), values, side="left")
    bins[np.isnan(values)] = len(cuts) + 1
    return bins


class _OneRule(BaseEstimator):
    """Holte's OneR as the app fits it (`src/core/models/baseline/one-rule.ts`).

    Each feature is cut into at most `max_bins` bins (`rule_cuts`); each bin predicts its train
    class shares (or mean), an empty bin the overall ones. The rule kept is the feature with the
    lowest train log loss (classes) or mean squared error (values), the first on ties. The sums
    run in the app's order, so ties break as in the app. No library has this model.
    """

    def __init__(self, max_bins=6):
        self.max_bins = max_bins

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        best = None
        for j in range(X.shape[1]):
            column = X[:, j]
            cuts = rule_cuts(np.sort(column[~np.isnan(column)]), self.max_bins)
            codes = rule_bins(cuts, column)
            table, loss = self._rule(codes, len(cuts) + 2, y)
            if best is None or loss < best[3]:
                best = (j, cuts, table, loss)
        self.feature_, self.cuts_, self.table_, self.train_loss_ = best
        return self

    def _lookup(self, X):
        column = np.asarray(X, dtype=np.float64)[:, self.feature_]
        return self.table_[rule_bins(self.cuts_, column)]


class OneRuleClassifier(_OneRule, ClassifierMixin):
    """The one-rule model for classes: per bin, the train class shares (see `_OneRule`)."""

    def _rule(self, codes, bins, y):
        y = np.asarray(y, dtype=np.int64)
        self.classes_ = np.arange(int(y.max()) + 1)
        k = len(self.classes_)
        counts = np.zeros((bins, k))
        np.add.at(counts, (codes, y), 1)
        rows = counts.sum(axis=1)
        overall = np.bincount(y, minlength=k) / len(y)
        loss = 0.0
        for b in range(bins):
            for c in counts[b]:
                if c > 0:
                    loss -= c * math.log(c / rows[b])
        safe = np.where(rows > 0, rows, 1)[:, None]
        table = np.where(rows[:, None] > 0, counts / safe, overall)
        return table, loss / len(y)

    def predict_proba(self, X):
        return self._lookup(X)

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class OneRuleRegressor(_OneRule, RegressorMixin):
    """The one-rule model for numbers: per bin, the train mean (see `_OneRule`)."""

    def _rule(self, codes, bins, y):
        y = np.asarray(y, dtype=np.float64)
        sums = np.zeros(bins)
        np.add.at(sums, codes, y)  # in row order, as the app adds them
        rows = np.bincount(codes, minlength=bins)
        total = np.cumsum(y)[-1]
        table = np.where(rows > 0, sums / np.where(rows > 0, rows, 1), total / len(y))
        loss = np.cumsum((y - table[codes]) ** 2)[-1] / len(y)
        return table, loss

    def predict(self, X):
        return self._lookup(X)


class ScaledElasticNet(BaseEstimator, RegressorMixin):
    """Linear regression with the app's penalties: (1/2)|y - Xw - b|^2 + l1 |w|_1 + (l2/2) |w|^2.

    scikit-learn's ElasticNet divides the squared errors by the row count n, so the app's
    penalties become alpha = (l1 + l2) / n and l1_ratio = l1 / (l1 + l2) (Lasso when l2 = 0),
    set here at fit time from the train rows. The tolerance is tight: the app solves to 1e-9.
    """

    def __init__(self, l1=1.0, l2=0.0, tol=1e-12, max_iter=100000):
        self.l1 = l1
        self.l2 = l2
        self.tol = tol
        self.max_iter = max_iter

    def fit(self, X, y):
        n = len(y)
        self.estimator_ = ElasticNet(
            alpha=(self.l1 + self.l2) / n,
            l1_ratio=self.l1 / (self.l1 + self.l2),
            tol=self.tol,
            max_iter=self.max_iter,
            precompute=True,
        ).fit(X, y)
        self.coef_ = self.estimator_.coef_
        self.intercept_ = self.estimator_.intercept_
        return self

    def predict(self, X):
        return self.estimator_.predict(X)


def _mean_loss(proba_or_values, y, classify):
    """The app's early-stopping loss: mean log loss (floored at 1e-300) or mean squared error."""
    if classify:
        p = np.asarray(proba_or_values)
        picked = p[np.arange(len(y)), np.asarray(y, dtype=np.int64)]
        return float(-np.mean(np.log(np.maximum(picked, 1e-300))))
    return float(np.mean((np.asarray(proba_or_values) - np.asarray(y)) ** 2))


def _kept_rounds(losses, patience, min_delta):
    """The app's rule: the best round so far counts when it beats the last best by min_delta;
    training stops `patience` rounds after it, and keeps the rounds up to it."""
    best_round, best_loss = 0, math.inf
    for rounds, loss in enumerate(losses, start=1):
        if loss < best_loss - min_delta:
            best_round, best_loss = rounds, loss
        if rounds - best_round >= patience:
            break
    return best_round


class EarlyStoppingBoosting(BaseEstimator):
    """A HistGradientBoosting estimator stopped early on the app's validation rows.

    scikit-learn 1.2 stops early on a share of the train rows it holds out itself; the app trains
    on every train row and watches the validation rows instead. This fits the estimator (with
    early_stopping=False) for all its rounds, reads the validation loss after each round
    (`staged_predict`), finds the round the app would keep (improvement above `min_delta`,
    `patience` rounds), and refits with that many rounds: the same trees, as boosting without
    subsampling is deterministic. Without validation rows it keeps every round, as the app does.
    """

    def __init__(self, estimator, patience=10, min_delta=1e-7):
        self.estimator = estimator
        self.patience = patience
        self.min_delta = min_delta

    def fit(self, X, y, X_val=None, y_val=None):
        model = clone(self.estimator).fit(X, y)
        if X_val is not None and len(X_val) > 0 and self.patience > 0:
            classify = hasattr(model, "predict_proba")
            staged = model.staged_predict_proba(X_val) if classify else model.staged_predict(X_val)
            losses = [_mean_loss(p, y_val, classify) for p in staged]
            kept = _kept_rounds(losses, self.patience, self.min_delta)
            if kept < model.n_iter_:
                model = clone(self.estimator).set_params(max_iter=kept).fit(X, y)
        self.estimator_ = model
        self.n_iter_ = model.n_iter_
        if hasattr(model, "classes_"):
            self.classes_ = model.classes_
        return self

    def predict(self, X):
        return self.estimator_.predict(X)

    def predict_proba(self, X):
        return self.estimator_.predict_proba(X)


class EarlyStoppingMLP(BaseEstimator):
    """An MLPClassifier or MLPRegressor trained epoch by epoch as the app trains its network.

    scikit-learn's MLP stops on the training loss, or on the accuracy (R²) of a share of the
    train rows it holds out itself, and keeps the last weights unless it holds rows out. The app
    watches the validation loss (the training objective without validation rows), stops when it
    has not fallen by more than `min_delta` for `patience` epochs, and keeps the best epoch's
    weights; with patience 0 it runs every epoch and keeps the last. This runs one `partial_fit`
    (one shuffled Adam pass) per epoch, up to the estimator's max_iter, and does the same. For
    numbers the network learns the target standardised (mean, population sd), as the app's does.
    """

    def __init__(self, estimator, patience=10, min_delta=1e-4, standardize_target=False):
        self.estimator = estimator
        self.patience = patience
        self.min_delta = min_delta
        self.standardize_target = standardize_target

    def _scaled(self, y):
        return (np.asarray(y, dtype=np.float64) - self.target_mean_) / self.target_sd_

    def fit(self, X, y, X_val=None, y_val=None):
        classify = hasattr(self.estimator, "predict_proba")
        net = clone(self.estimator)
        # partial_fit re-reads random_state each epoch: a generator, not a seed, so that each
        # epoch shuffles anew.
        net.set_params(random_state=np.random.RandomState(self.estimator.random_state))
        extra = {}
        if classify:
            self.classes_ = np.arange(int(np.max(y)) + 1)
            extra["classes"] = self.classes_
        else:
            sd = float(np.std(y)) if self.standardize_target else 1.0
            self.target_mean_ = float(np.mean(y)) if self.standardize_target else 0.0
            self.target_sd_ = sd if sd > 0 else 1.0
            y = self._scaled(y)
            y_val = None if y_val is None else self._scaled(y_val)
        watch = X_val is not None and len(X_val) > 0
        best = (math.inf, 0, None)
        for epoch in range(1, net.max_iter + 1):
            net.partial_fit(X, y, **extra)
            extra = {}
            if self.patience == 0:
                continue
            if watch:
                out = net.predict_proba(X_val) if classify else net.predict(X_val)
                score = _mean_loss(out, y_val, classify) / (1 if classify else 2)
            else:
                score = net.loss_curve_[-1]
            if score < best[0] - self.min_delta:
                best = (score, epoch, (copy.deepcopy(net.coefs_), copy.deepcopy(net.intercepts_)))
            elif epoch - best[1] >= self.patience:
                break
        if best[2] is not None:
            net.coefs_, net.intercepts_ = best[2]
        self.best_epoch_ = best[1] if best[2] is not None else net.n_iter_
        self.estimator_ = net
        return self

    def predict_proba(self, X):
        return self.estimator_.predict_proba(X)

    def predict(self, X):
        if hasattr(self.estimator_, "predict_proba"):
            return self.estimator_.predict(X)
        return self.estimator_.predict(X) * self.target_sd_ + self.target_mean_


def fit_model(model, X, y, X_val=None, y_val=None):
    """Fits an estimator of any family, giving the validation rows to those that stop early.

    The app's early stopping watches the validation rows; our wrappers take them as X_val and
    y_val, XGBoost as `eval_set`. Every other family ignores them, as in the app.
    """
    if isinstance(model, (EarlyStoppingBoosting, EarlyStoppingMLP)):
        return model.fit(X, y, X_val=X_val, y_val=y_val)
    if getattr(model, "early_stopping_rounds", None) and X_val is not None and len(X_val) > 0:
        return model.fit(X, y, eval_set=[(X_val, y_val)], verbose=False)
    return model.fit(X, y)


def predict_model(model, X, n_classes=None):
    """Returns the app's prediction: a probability matrix (rows x n_classes, the app's class
    order; 0 for a class absent from train) when n_classes is given, else a float vector."""
    if n_classes is None:
        return np.asarray(model.predict(X), dtype=np.float64)
    proba = np.asarray(model.predict_proba(X), dtype=np.float64)
    out = np.zeros((len(proba), n_classes))
    out[:, np.asarray(model.classes_, dtype=np.int64)] = proba
    return out
