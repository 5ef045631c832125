# Small statistics helpers on NumPy arrays: Student-t intervals and ranks.
# Knows nothing of results files or figures.
"""Student-t 95% intervals and ranks without SciPy."""

import math

import numpy as np

# Two-sided 95% Student-t quantiles t(0.975, df) for df = 1..30.
_T975 = [
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
]


def t975(df):
    """Returns the 0.975 quantile of Student's t with df degrees of freedom."""
    if df < 1:
        return math.nan
    if df <= 30:
        return _T975[int(df) - 1]
    # Cornish-Fisher expansion about the normal quantile; error below 1e-5 for df > 30.
    z = 1.959963984540054
    return (z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3))


def mean_ci(values, axis=0):
    """Returns (mean, lo, hi, n) over axis, skipping NaN, with a two-sided 95% t interval."""
    values = np.asarray(values, dtype=float)
    n = np.sum(~np.isnan(values), axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.nansum(values, axis=axis)
        mean = np.where(n > 0, total / np.maximum(n, 1), np.nan)
        dev = values - np.expand_dims(mean, axis)
        var = np.nansum(dev * dev, axis=axis) / np.maximum(n - 1, 1)
        half = np.vectorize(t975, otypes=[float])(n - 1) * np.sqrt(var / np.maximum(n, 1))
    half = np.where(n >= 2, half, np.nan)
    return mean, mean - half, mean + half, n


def rank(values):
    """Returns the ranks of a 1-D array from 1, ties given their average rank."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values), dtype=float)
    sorted_vals = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_vals[j + 1] == sorted_vals[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks
