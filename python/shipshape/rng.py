"""The app's seeded random numbers, bit for bit: the same seed draws the same folds as in Shipshape.

A port of `src/core/util/rng.ts`: sfc32 seeded through splitmix32, on 32-bit unsigned integers
(JavaScript's `>>> 0` and `Math.imul` are the masks below).
"""

from __future__ import annotations

import math

_MASK = 0xFFFFFFFF
_TWO_32 = 4294967296.0


def _uint32(seed) -> int:
    """Returns JavaScript's `seed >>> 0`: the number truncated, modulo 2**32 (NaN, infinities: 0)."""
    if isinstance(seed, float) and not math.isfinite(seed):
        return 0
    return int(seed) & _MASK


class Rng:
    """A seeded generator of uniform numbers: the app's `createRng(seed)`."""

    def __init__(self, seed):
        self._s = _uint32(seed)
        self._a = self._splitmix()
        self._b = self._splitmix()
        self._c = self._splitmix()
        self._d = self._splitmix()
        for _ in range(12):
            self._next_uint()

    def _splitmix(self) -> int:
        self._s = (self._s + 0x9E3779B9) & _MASK
        z = self._s
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & _MASK
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & _MASK
        return z ^ (z >> 16)

    def _next_uint(self) -> int:
        a, b, c, d = self._a, self._b, self._c, self._d
        t = (a + b + d) & _MASK
        self._d = (d + 1) & _MASK
        self._a = b ^ (b >> 9)
        self._b = (c + (c << 3)) & _MASK
        c = ((c << 21) & _MASK) | (c >> 11)
        self._c = (c + t) & _MASK
        return t

    def next(self) -> float:
        """Returns a float in [0, 1)."""
        return self._next_uint() / _TWO_32

    def int(self, n: int) -> int:
        """Returns an integer in [0, n)."""
        return math.floor((self._next_uint() / _TWO_32) * n)


def create_rng(seed) -> Rng:
    """Returns the generator the app's `createRng(seed)` returns, drawing the same numbers."""
    return Rng(seed)


def shuffle_in_place(items, rng: Rng):
    """Shuffles a list or numpy array in place (Fisher-Yates, as the app) and returns it."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.int(i + 1)
        items[i], items[j] = items[j], items[i]
    return items
