# Small statistics helpers on NumPy arrays: Student-t 95% intervals of means.
# Knows nothing of results files or figures.
"""Student-t 95% intervals (quantiles from SciPy)."""

import numpy as np
from scipy import stats


def t975(df):
    """Returns the 0.975 quantile of Student's t with df degrees of freedom (NaN if df < 1)."""
    df = np.asarray(df, dtype=float)
    with np.errstate(invalid="ignore"):
        q = np.where(df >= 1, stats.t.ppf(0.975, np.maximum(df, 1)), np.nan)
    return float(q) if q.ndim == 0 else q


def mean_ci(values, axis=0):
    """Returns (mean, lo, hi, n) over axis, skipping NaN, with a two-sided 95% t interval."""
    values = np.asarray(values, dtype=float)
    n = np.sum(~np.isnan(values), axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.nansum(values, axis=axis)
        mean = np.where(n > 0, total / np.maximum(n, 1), np.nan)
        dev = values - np.expand_dims(mean, axis)
        var = np.nansum(dev * dev, axis=axis) / np.maximum(n - 1, 1)
        half = t975(n - 1) * np.sqrt(var / np.maximum(n, 1))
    half = np.where(n >= 2, half, np.nan)
    return mean, mean - half, mean + half, n
