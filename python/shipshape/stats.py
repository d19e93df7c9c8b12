"""The app's statistics (`src/core/util/stats.ts`), computed in its order so the last bit agrees."""

from __future__ import annotations

import math

import numpy as np


def quantile(values: np.ndarray, q: float) -> float:
    """The app's q-quantile of the finite values: linear interpolation (numpy's default method),
    computed as lo + (hi - lo) * t (numpy computes hi - (hi - lo) * (1 - t) above t = 0.5, which
    can differ in the last bit). NaN when there is no finite value."""
    ordered = np.sort(values[np.isfinite(values)])
    if len(ordered) == 0:
        return math.nan
    pos = (len(ordered) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return float(ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo))


def mean_std(values: np.ndarray) -> tuple[float, float]:
    """The app's mean and population standard deviation of the finite values (Welford, in row
    order, so the last bit matches); NaN for both when there is none."""
    count, mean, m2 = 0, 0.0, 0.0
    for v in values[np.isfinite(values)].tolist():
        count += 1
        delta = v - mean
        mean += delta / count
        m2 += delta * (v - mean)
    return (math.nan, math.nan) if count == 0 else (mean, math.sqrt(m2 / count))
