"""The app's metrics, by the app's names and definitions (`src/core/evaluate/metrics.ts`,
`ranking-metrics.ts`), so that a score here can be read beside the one Shipshape recorded.

scikit-learn computes the metrics whose definition is the app's. The rest are written out: the
app's log loss (scikit-learn's 1.2 clipping and renormalising, with every class a label), its
undefined values (NaN where scikit-learn returns 0 or 1 with a warning), and the ranking metrics
per query (NDCG@k with tied scores sharing their gain, MAP@k with tied runs as one step).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    mean_absolute_error,
    mean_absolute_percentage_error,
    precision_recall_fscore_support,
    r2_score,
    roc_auc_score,
)

NAN = float("nan")
_EPS = 1e-15

#: The metrics of each task, the app's recommended primary metric first.
METRICS = {
    "binary": [
        "roc_auc",
        "accuracy",
        "balanced_accuracy",
        "precision",
        "recall",
        "f1",
        "log_loss",
        "pr_auc",
        "brier",
    ],
    "multiclass": [
        "f1_macro",
        "accuracy",
        "balanced_accuracy",
        "roc_auc_ovr",
        "log_loss",
        "precision_macro",
        "recall_macro",
        "f1_weighted",
        "precision_weighted",
        "recall_weighted",
    ],
    "regression": ["rmse", "mae", "r2", "mape"],
    "ranking": ["ndcg_at_10", "ndcg_at_5", "map_at_10", "map", "rmse"],
}


def score(
    task, y_true, prediction, classes=None, positive=None, threshold=0.5, queries=None
) -> dict:
    """Returns the app's metrics of a prediction, keyed by the app's metric names.

    Classification: `y_true` holds class indices in the app's class order (or labels, with
    `classes`), `prediction` the probabilities, rows x classes in that order. A binary decision is
    `positive` (a label of `classes`; the second class by default) where its probability is above
    `threshold`, the other class otherwise; a multiclass one the most likely class (the first on
    ties). Regression: `prediction` is the predicted values. Ranking: relevance and predicted
    scores, with `queries` naming each row's query; scores compare within a query only.
    Every value is NaN for zero rows.
    """
    with warnings.catch_warnings():
        # scikit-learn warns where a metric is undefined; the app's convention is applied below.
        warnings.simplefilter("ignore")
        values = _score(task, y_true, prediction, classes, positive, threshold, queries)
    return values


def _score(task, y_true, prediction, classes, positive, threshold, queries):
    if task in ("binary", "multiclass"):
        proba = np.asarray(prediction, dtype=np.float64)
        if proba.ndim == 1:
            proba = np.column_stack([1 - proba, proba])
        truth = _class_indices(y_true, classes)
        if len(truth) == 0:
            return {name: NAN for name in METRICS[task]}
        if task == "binary":
            pos = 1 if positive is None else list(classes).index(positive)
            values = _binary(truth, proba, pos, threshold)
        else:
            values = _multiclass(truth, proba)
    else:
        truth = np.asarray(y_true, dtype=np.float64)
        predicted = np.asarray(prediction, dtype=np.float64)
        if len(truth) == 0:
            return {name: NAN for name in METRICS[task]}
        if task == "regression":
            values = _regression(truth, predicted)
        else:
            values = _ranking(truth, predicted, queries)
    return {name: float(values[name]) for name in METRICS[task]}


def _class_indices(y_true, classes):
    """Returns class indices from indices, a pandas Categorical, or labels of `classes`."""
    codes = getattr(getattr(y_true, "cat", y_true), "codes", None)
    if codes is not None:
        return np.asarray(codes, dtype=np.int64)
    values = np.asarray(y_true)
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    if values.dtype.kind == "f" and np.all(values == np.round(values)):
        return values.astype(np.int64)
    index = {label: k for k, label in enumerate(classes)}
    return np.array([index[v] for v in values], dtype=np.int64)


def log_loss(truth, proba) -> float:
    """Mean log loss: probabilities clipped to [1e-15, 1 - 1e-15], each row renormalised."""
    clipped = np.clip(proba, _EPS, 1 - _EPS)
    picked = clipped[np.arange(len(truth)), truth] / clipped.sum(axis=1)
    return float(-np.mean(np.log(picked)))


def _common(truth, predicted, proba):
    return {
        "accuracy": accuracy_score(truth, predicted),
        # Over the classes present in the truth, as the app and scikit-learn average recall.
        "balanced_accuracy": balanced_accuracy_score(truth, predicted),
        "log_loss": log_loss(truth, proba),
    }


def _binary(truth, proba, pos, threshold):
    scores = proba[:, pos]
    predicted = np.where(scores > threshold, pos, 1 - pos)
    p, r, f, _ = precision_recall_fscore_support(truth, predicted, labels=[pos], zero_division=0)
    is_pos = truth == pos
    both = 0 < is_pos.sum() < len(truth)
    return {
        **_common(truth, predicted, proba),
        "precision": p[0],
        "recall": r[0],
        "f1": f[0],
        "roc_auc": roc_auc_score(is_pos, scores) if both else NAN,
        # scikit-learn returns 0 with no positive row; the app says undefined.
        "pr_auc": average_precision_score(is_pos, scores) if is_pos.any() else NAN,
        "brier": float(np.mean((scores - is_pos) ** 2)),
    }


def _multiclass(truth, proba):
    predicted = proba.argmax(axis=1)
    values = _common(truth, predicted, proba)
    for average in ("macro", "weighted"):
        # Over the classes in the truth or the predictions, as scikit-learn's labels=None.
        p, r, f, _ = precision_recall_fscore_support(
            truth, predicted, average=average, zero_division=0
        )
        values.update({f"precision_{average}": p, f"recall_{average}": r, f"f1_{average}": f})
    aucs = []
    for c in range(proba.shape[1]):
        positive = truth == c
        if 0 < positive.sum() < len(truth):
            aucs.append(roc_auc_score(positive, proba[:, c]))
    values["roc_auc_ovr"] = float(np.mean(aucs)) if aucs else NAN
    return values


def _regression(truth, predicted):
    constant = np.all(truth == truth[0])
    return {
        "mae": mean_absolute_error(truth, predicted),
        "rmse": math.sqrt(np.mean((truth - predicted) ** 2)),
        # scikit-learn scores a constant truth 1 or 0; the app calls R² undefined there.
        "r2": NAN if constant else r2_score(truth, predicted),
        # A fraction, each error divided by max(|y|, 2.2e-16): scikit-learn's.
        "mape": mean_absolute_percentage_error(truth, predicted),
    }


def _query_rows(queries):
    """Each query's row indices, the queries in the order first met."""
    groups = {}
    for row, query in enumerate(np.asarray(queries).tolist()):
        groups.setdefault(query, []).append(row)
    return list(groups.values())


def _order(rows, scores):
    """The rows by score, highest first; ties keep row order (the app's stable sort)."""
    return sorted(rows, key=lambda r: -scores[r])


def _discount(position, k):
    return 1 / math.log2(position + 2) if position < k else 0.0


def _runs(order, scores):
    """(start, end) of each run of tied scores in a ranking, end inclusive."""
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        yield start, end
        start = end + 1


def _query_ndcg(rows, relevance, scores, k):
    """NDCG@k of one query, tied scores sharing their mean gain; NaN for one row or a negative."""
    if len(rows) < 2 or any(relevance[r] < 0 for r in rows):
        return NAN
    gains = sorted((relevance[r] for r in rows), reverse=True)
    ideal = sum(g * _discount(i, k) for i, g in enumerate(gains))
    if ideal == 0:
        return 0.0
    order = _order(rows, scores)
    dcg = 0.0
    for start, end in _runs(order, scores):
        gain = sum(relevance[order[i]] for i in range(start, end + 1))
        discounts = sum(_discount(i, k) for i in range(start, end + 1))
        dcg += gain / (end - start + 1) * discounts
    return dcg / ideal


def _query_average_precision(rows, relevance, scores, k):
    """AP@k of one query (relevance above 0 is relevant): NaN when every order scores the same."""
    relevant = sum(1 for r in rows if relevance[r] > 0)
    if len(rows) < 2 or relevant == 0 or relevant == len(rows):
        return NAN
    order = _order(rows, scores)
    hits = seen = total = 0.0
    for start, end in _runs(order, scores):
        if start >= min(k, len(order)):
            break
        gained = sum(1 for i in range(start, end + 1) if relevance[order[i]] > 0)
        # A run cut by k counts the share of its hits that fits above the cut.
        included = min(end + 1, k) - start
        expected = gained * included / (end - start + 1)
        hits += expected
        seen += included
        total += expected * (hits / seen)
    return total / min(k, relevant)


def _mean_over_queries(groups, one):
    values = [one(rows) for rows in groups]
    defined = [v for v in values if not math.isnan(v)]
    return sum(defined) / len(defined) if defined else NAN


def _ranking(relevance, scores, queries):
    if queries is None:
        raise ValueError("Ranking metrics need each row's query.")
    groups = _query_rows(queries)
    rel, sc = relevance.tolist(), scores.tolist()

    def ndcg(k):
        return _mean_over_queries(groups, lambda rows: _query_ndcg(rows, rel, sc, k))

    def average_precision(k):
        return _mean_over_queries(groups, lambda rows: _query_average_precision(rows, rel, sc, k))

    return {
        "ndcg_at_10": ndcg(10),
        "ndcg_at_5": ndcg(5),
        "map_at_10": average_precision(10),
        "map": average_precision(math.inf),
        "rmse": math.sqrt(np.mean((relevance - scores) ** 2)),
    }
