# Partial rank correlation coefficients (PRCC) of sweep inputs with an outcome.
# NumPy and SciPy only: knows nothing of results files or figures.
"""Partial rank correlation coefficients for Latin hypercube sensitivity analysis."""

import math

import numpy as np
from scipy import stats

_Z975 = float(stats.norm.ppf(0.975))


def prcc(inputs, outcome):
    """Returns the PRCC of each column of inputs with outcome and its 95% interval.

    inputs is an [n, p] array of sampled parameter values, outcome an [n] array. Each column and
    the outcome are rank-transformed; the column's ranks and the outcome's ranks are each
    regressed (least squares, with an intercept) on the ranks of the other columns, and the PRCC
    is the Pearson correlation of the two residuals (Marino et al. 2008). The interval uses
    Fisher's z with standard error 1 / sqrt(n - 3 - (p - 1)). Rows with a NaN outcome are
    dropped. Returns three arrays (coefficient, lo, hi) of length p; NaN where undefined.
    """
    x = np.asarray(inputs, dtype=float)
    y = np.asarray(outcome, dtype=float)
    if x.ndim != 2 or y.ndim != 1 or x.shape[0] != y.shape[0]:
        raise ValueError("prcc: inputs must be [n, p] and outcome [n]")
    keep = ~np.isnan(y) & ~np.isnan(x).any(axis=1)
    x, y = x[keep], y[keep]
    n, p = x.shape
    coef = np.full(p, np.nan)
    lo = np.full(p, np.nan)
    hi = np.full(p, np.nan)
    if n < p + 2:
        return coef, lo, hi
    rx = stats.rankdata(x, method="average", axis=0) if p else np.empty((n, 0))
    ry = stats.rankdata(y, method="average")
    for j in range(p):
        others = np.column_stack([np.ones(n), np.delete(rx, j, axis=1)])
        res_x = rx[:, j] - others @ np.linalg.lstsq(others, rx[:, j], rcond=None)[0]
        res_y = ry - others @ np.linalg.lstsq(others, ry, rcond=None)[0]
        denom = math.sqrt(float(res_x @ res_x) * float(res_y @ res_y))
        if denom <= 1e-12 * max(1.0, n * n):
            continue
        r = float(np.clip((res_x @ res_y) / denom, -1.0, 1.0))
        coef[j] = r
        dof = n - 3 - (p - 1)
        if dof > 0 and abs(r) < 1.0:
            z, half = math.atanh(r), _Z975 / math.sqrt(dof)
            lo[j], hi[j] = math.tanh(z - half), math.tanh(z + half)
    return coef, lo, hi
