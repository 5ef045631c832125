# Unit tests of the partial rank correlation coefficients and the statistics helpers.
# Checks known relations on synthetic data; knows nothing of results files.
import math

import numpy as np
import pytest

from cmhsim_analysis.prcc import prcc
from cmhsim_analysis.stats import mean_ci, t975


def test_prcc_finds_monotone_effects_and_ignores_noise():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 1, (200, 3))
    # Two monotone effects of equal size (one increasing, one decreasing) and a dummy input.
    y = np.exp(2 * x[:, 0]) - np.exp(2 * x[:, 1]) + 0.01 * rng.normal(size=200)
    coef, lo, hi = prcc(x, y)
    assert coef[0] > 0.9
    assert coef[1] < -0.9
    assert abs(coef[2]) < 0.2
    assert lo[2] < 0 < hi[2]
    assert lo[0] < coef[0] < hi[0]


def test_prcc_matches_pearson_of_ranks_with_one_input():
    x = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([2.0, 1.0, 4.0, 3.0, 5.0])
    coef, _, _ = prcc(x, y)
    # Spearman's rho for d = (1,1,1,1,0): 1 - 6*4/(5*24) = 0.8.
    assert coef[0] == pytest.approx(0.8)


def test_prcc_rejects_mismatched_shapes_and_skips_nan_rows():
    with pytest.raises(ValueError):
        prcc(np.zeros((4, 2)), np.zeros(5))
    x = np.column_stack([np.arange(10.0), np.arange(10.0) % 3])
    y = np.arange(10.0)
    y[4] = np.nan
    coef, _, _ = prcc(x, y)
    assert coef[0] == pytest.approx(1.0)


def test_prcc_is_nan_with_too_few_points():
    coef, lo, hi = prcc(np.zeros((2, 2)), np.zeros(2))
    assert np.isnan(coef).all() and np.isnan(lo).all() and np.isnan(hi).all()


def test_t_quantiles_match_tables():
    assert t975(1) == pytest.approx(12.7062, abs=1e-4)
    assert t975(5) == pytest.approx(2.5706, abs=1e-4)
    assert t975(60) == pytest.approx(2.0003, abs=1e-4)
    assert t975(120) == pytest.approx(1.9799, abs=1e-4)
    assert math.isnan(t975(0))
    both = t975(np.array([0, 2, 1000]))
    assert math.isnan(both[0])
    assert both[1] == pytest.approx(4.3027, abs=1e-4)
    assert both[2] == pytest.approx(1.9623, abs=1e-4)


def test_mean_ci_skips_nan_and_needs_two_values():
    values = np.array([[1.0, 5.0], [3.0, np.nan]])
    mean, lo, hi, n = mean_ci(values)
    assert list(n) == [2, 1]
    assert mean[0] == pytest.approx(2.0)
    # sd = sqrt(2), half-width = t(1) * sqrt(2) / sqrt(2) = 12.7062.
    assert hi[0] - mean[0] == pytest.approx(12.7062, abs=1e-4)
    assert mean[1] == 5.0 and math.isnan(lo[1]) and math.isnan(hi[1])


def test_prcc_gives_tied_inputs_their_average_rank():
    x = np.array([[1.0], [2.0], [2.0], [3.0], [4.0]])
    y = np.array([1.0, 3.0, 2.0, 4.0, 5.0])
    coef, _, _ = prcc(x, y)
    # Ranks (1, 2.5, 2.5, 4, 5) and (1, 3, 2, 4, 5): Pearson r = 9.5 / sqrt(9.5 * 10).
    assert coef[0] == pytest.approx(math.sqrt(0.95))


def test_prcc_interval_is_fisher_z_with_the_normal_quantile():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 1, (40, 2))
    y = x[:, 0] + rng.normal(0, 0.3, 40)
    coef, lo, hi = prcc(x, y)
    half = 1.959964 / math.sqrt(40 - 3 - 1)
    assert lo[0] == pytest.approx(math.tanh(math.atanh(coef[0]) - half), abs=1e-6)
    assert hi[0] == pytest.approx(math.tanh(math.atanh(coef[0]) + half), abs=1e-6)
