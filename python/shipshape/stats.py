"""The app's quantile (`src/core/util/stats.ts`), computed in its order so the last bit agrees."""

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

