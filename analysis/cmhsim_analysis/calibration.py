# Calibration files (CAL.h5): reading them, and their figures: marginal posteriors against the
# priors, pairs of parameters, observed figures against the posterior predictive intervals.
"""Reading and drawing calibration files written by `cmhsim calibrate`."""

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from . import palette
from .figure_io import save


@dataclass
class Calibration:
    """A calibration: priors, the last generation's weighted sets, targets and their checks."""

    path: str
    attrs: dict
    keys: list
    prior_lo: np.ndarray
    prior_hi: np.ndarray
    values: np.ndarray  # [N, K]
    weights: np.ndarray  # [N]
    labels: list
    observed: np.ndarray
    sd: np.ndarray
    predicted: np.ndarray  # [N, T]
    predicted_mean: np.ndarray
    predicted_lo: np.ndarray
    predicted_hi: np.ndarray
    posterior_mean: np.ndarray
    posterior_lo: np.ndarray
    posterior_hi: np.ndarray
    text: str = ""


def _strings(ds):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in ds[()]]


def read_calibration(f, path, attrs):
    """Returns the Calibration in the open h5py file f."""
    last = str(len(f["generations/tolerance"][()]) - 1)
    text = f["calibration/text"][()]
    return Calibration(
        path=path, attrs=attrs, keys=_strings(f["priors/keys"]),
        prior_lo=f["priors/lo"][()], prior_hi=f["priors/hi"][()],
        values=f["parameter_sets/values"][()], weights=f["parameter_sets/weights"][()],
        labels=_strings(f["targets/labels"]), observed=f["targets/observed"][()],
        sd=f["targets/sd"][()], predicted=f[f"generations/{last}/predicted"][()],
        predicted_mean=f["targets/predicted_mean"][()], predicted_lo=f["targets/predicted_lo"][()],
        predicted_hi=f["targets/predicted_hi"][()], posterior_mean=f["posterior/mean"][()],
        posterior_lo=f["posterior/lo"][()], posterior_hi=f["posterior/hi"][()],
        text=text.decode("utf-8") if isinstance(text, bytes) else str(text))


def marginals_figure(cal, out_dir, dpi):
    """Draws each parameter's weighted posterior histogram over its prior range."""
    k = len(cal.keys)
    fig, axes = plt.subplots(1, k, figsize=(3.2 * k + 0.6, 3.0), squeeze=False)
    for i, ax in enumerate(axes[0]):
        ax.hist(cal.values[:, i], bins=20, range=(cal.prior_lo[i], cal.prior_hi[i]),
                weights=cal.weights, color=palette.OKABE_ITO[2], alpha=0.8)
        ax.axvspan(cal.posterior_lo[i], cal.posterior_hi[i], color=palette.OKABE_ITO[6], alpha=0.15)
        ax.axvline(cal.posterior_mean[i], color=palette.OKABE_ITO[6])
        ax.set_xlim(cal.prior_lo[i], cal.prior_hi[i])
        ax.set_xlabel(cal.keys[i], fontsize=8)
        ax.set_yticks([])
    fig.tight_layout()
    return save(fig, out_dir, "calibration_marginals", "Marginal posteriors",
                "Weighted histograms of the accepted parameter sets; each x axis spans the "
                "parameter's prior range. The line is the posterior mean and the shading its 95% "
                "interval.", dpi)


def pairs_figure(cal, out_dir, dpi):
    """Draws every pair of parameters' accepted sets, sized by weight; None with one parameter."""
    k = len(cal.keys)
    if k < 2:
        return None
    fig, axes = plt.subplots(k, k, figsize=(2.4 * k, 2.4 * k), squeeze=False)
    size = 4 + 60 * cal.weights / max(cal.weights.max(), 1e-300)
    for i in range(k):
        for j in range(k):
            ax = axes[i][j]
            if i == j:
                ax.hist(cal.values[:, i], bins=15, weights=cal.weights, color=palette.OKABE_ITO[2])
                ax.set_yticks([])
            else:
                ax.scatter(cal.values[:, j], cal.values[:, i], s=size, alpha=0.4,
                           color=palette.OKABE_ITO[2], linewidths=0)
                ax.set_ylim(cal.prior_lo[i], cal.prior_hi[i])
            ax.set_xlim(cal.prior_lo[j], cal.prior_hi[j])
            if i == k - 1:
                ax.set_xlabel(cal.keys[j], fontsize=7)
            if j == 0 and i != 0:
                ax.set_ylabel(cal.keys[i], fontsize=7)
            ax.tick_params(labelsize=6)
    fig.tight_layout()
    return save(fig, out_dir, "calibration_pairs", "Pairs of parameters",
                "Each accepted parameter set, with area in proportion to its weight, for every "
                "pair of parameters over their prior ranges; the diagonal holds the marginals.", dpi)


def targets_figure(cal, out_dir, dpi):
    """Draws each target's observed value with its 95% interval against the predictive interval."""
    t = len(cal.labels)
    fig, axes = plt.subplots(1, t, figsize=(2.2 * t + 0.6, 3.0), squeeze=False)
    for i, ax in enumerate(axes[0]):
        ax.errorbar([0], [cal.observed[i]], yerr=[[1.96 * cal.sd[i]], [1.96 * cal.sd[i]]], fmt="o",
                    color=palette.OKABE_ITO[6], capsize=4, label="observed")
        ax.errorbar([1], [cal.predicted_mean[i]],
                    yerr=[[cal.predicted_mean[i] - cal.predicted_lo[i]],
                          [cal.predicted_hi[i] - cal.predicted_mean[i]]],
                    fmt="s", color=palette.OKABE_ITO[2], capsize=4, label="predicted")
        ax.set_xticks([0, 1], ["observed", "predicted"], fontsize=7)
        ax.set_xlim(-0.6, 1.6)
        ax.set_title(cal.labels[i], fontsize=7)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return save(fig, out_dir, "calibration_targets", "Observed and predicted targets",
                "Each target's observed figure with its 95% interval (1.96 sd) and the posterior "
                "predictive mean with its 95% interval over the accepted parameter sets.", dpi)
