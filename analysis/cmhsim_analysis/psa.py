# Probabilistic sensitivity analysis: how much of the spread of replications comes from the
# parameter sets and how much from chance, by one-way random-effects analysis of variance.
# Knows NumPy arrays of per-replication values and set indices; nothing of HDF5 or HTML.
"""Splitting the spread of replications into parameter uncertainty and chance."""

import math
from dataclasses import dataclass

import numpy as np

from .stats import t975


@dataclass
class VarianceSplit:
    """The variance of one outcome over replications split into its two sources.

    Follows the one-way random-effects model y = mu + a_set + e: a_set, the effect of the
    replication's parameter set, has variance `between` (parameter uncertainty); e, the model's
    own randomness within a set, has variance `within` (chance). Estimated by the analysis of
    variance with unequal group sizes (Searle, Casella and McCulloch 1992, section 3.5).
    """

    replications: int  # replications with a finite value
    sets: int  # distinct parameter sets among them
    between: float  # variance from the parameter sets (>= 0)
    within: float  # variance from chance, within a set
    width: float  # width of the 95% interval of the mean over all replications

    @property
    def total(self):
        """Returns the variance of one replication, between plus within."""
        return self.between + self.within

    @property
    def parameter_share(self):
        """Returns the share of the variance that comes from the parameter sets (NaN if none)."""
        return self.between / self.total if self.total > 0 else math.nan

    @property
    def chance_width(self):
        """Returns the interval's width with the parameters fixed: the chance part alone."""
        share = self.parameter_share
        return self.width * math.sqrt(1.0 - share) if not math.isnan(share) else math.nan


def split_variance(values, set_of):
    """Returns the VarianceSplit of `values` (one per replication) grouped by `set_of`.

    Returns None when the split cannot be estimated: fewer than two sets, or no set with two or
    more replications (chance cannot be told from parameters without repeated sets).
    """
    y = np.asarray(values, dtype=float)
    g = np.asarray(set_of)
    keep = np.isfinite(y)
    y, g = y[keep], g[keep]
    n = y.size
    sets, counts = np.unique(g, return_counts=True)
    k = sets.size
    if k < 2 or n <= k:
        return None
    grand = y.mean()
    means = np.array([y[g == s].mean() for s in sets])
    ss_between = float(np.sum(counts * (means - grand) ** 2))
    ss_within = float(sum(np.sum((y[g == s] - m) ** 2) for s, m in zip(sets, means)))
    ms_between = ss_between / (k - 1)
    ms_within = ss_within / (n - k)
    n0 = (n - float(np.sum(counts.astype(float) ** 2)) / n) / (k - 1)
    between = max(0.0, (ms_between - ms_within) / n0)
    sd = float(np.std(y, ddof=1))
    width = 2.0 * t975(n - 1) * sd / math.sqrt(n)
    return VarianceSplit(replications=int(n), sets=int(k), between=between, within=ms_within,
                         width=float(width))


def _metric_values(run, outcome):
    """Returns an outcome's value in every replication of a run, or None if the run lacks it."""
    names = list(run.metrics.index)
    if outcome not in names:
        return None
    return run.metric_replications[:, names.index(outcome)]


def splits(runs, comparison, outcomes):
    """Returns [(scenario, outcome, VarianceSplit or None)] for the runs that carry parameter sets.

    For a comparison each compared scenario's paired differences from the baseline are split
    (the headline intervals are of those differences; every arm used the same set in the same
    replication); for a single run its own values are.
    """
    out = []
    if comparison is not None:
        base = runs[comparison.baseline]
        if base.parameter_set_of is None:
            return out
        for scenario in comparison.compared:
            for outcome in outcomes:
                x = _metric_values(runs[scenario], outcome)
                a = _metric_values(base, outcome)
                if x is None or a is None:
                    continue
                out.append((scenario, outcome, split_variance(x - a, base.parameter_set_of)))
        return out
    for name, run in runs.items():
        if run.parameter_set_of is None:
            continue
        for outcome in outcomes:
            values = _metric_values(run, outcome)
            if values is not None:
                out.append((name, outcome, split_variance(values, run.parameter_set_of)))
    return out


def set_ranges(run):
    """Returns [(key, lowest, mean, highest)] of the values the run's replications used."""
    sets = run.parameter_sets
    used = sets["values"][run.parameter_set_of]
    return [(key, float(used[:, k].min()), float(used[:, k].mean()), float(used[:, k].max()))
            for k, key in enumerate(sets["keys"])]
