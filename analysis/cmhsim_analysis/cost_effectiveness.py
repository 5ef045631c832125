# The cost-effectiveness part of a comparison report: reads /cost_effectiveness, draws the
# cost-effectiveness plane and the acceptability curve, and writes the plain-language summary.
"""Cost-effectiveness plane, acceptability curve and a plain-language summary."""

from dataclasses import dataclass

import h5py
import matplotlib.pyplot as plt
import numpy as np

from . import labels, palette
from .figure_io import save


@dataclass
class CostEffectiveness:
    """The /cost_effectiveness group of a comparison file."""

    baseline: str
    compared: list
    people: float
    replications: int
    thresholds: np.ndarray  # [T] GBP per QALY
    incremental_cost: np.ndarray  # [S, R] GBP per person
    incremental_qalys: np.ndarray  # [S, R] QALYs per person
    icer: np.ndarray  # [S]
    nmb_mean: np.ndarray  # [S, T]
    nmb_ci95: np.ndarray  # [S, T, 2]
    probability: np.ndarray  # [S, T]
    curve_thresholds: np.ndarray  # [G]
    acceptability: np.ndarray  # [S, G]
    evpi_per_person: np.ndarray  # [T]
    parameter_sets: bool  # True when replications drew parameter sets (plausible worlds)


def _strings(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def read_cost_effectiveness(path):
    """Returns the file's CostEffectiveness, or None when it has none (not a pathway comparison)."""
    with h5py.File(path, "r") as f:
        if "cost_effectiveness" not in f:
            return None
        g = f["cost_effectiveness"]
        scenarios = f["scenarios"] if "scenarios" in f else {}
        has_sets = "parameter_sets" in f or any("parameter_sets" in scenarios[n] for n in scenarios)
        return CostEffectiveness(
            baseline=_strings([g.attrs["baseline"]])[0],
            compared=_strings(g.attrs["compared"]),
            people=float(g.attrs["people"]),
            replications=int(g.attrs["replications"]),
            thresholds=g["thresholds"][()],
            incremental_cost=g["incremental_cost"][()],
            incremental_qalys=g["incremental_qalys"][()],
            icer=g["icer_mean"][()],
            nmb_mean=g["net_monetary_benefit_mean"][()],
            nmb_ci95=g["net_monetary_benefit_ci95"][()],
            probability=g["probability_cost_effective"][()],
            curve_thresholds=g["curve_thresholds"][()],
            acceptability=g["acceptability"][()],
            evpi_per_person=g["evpi_per_person"][()],
            parameter_sets=bool(has_sets),
        )


def _worlds(ce):
    return "plausible worlds" if ce.parameter_sets else "replications"


def plane_figure(ce, out_dir, dpi=300):
    """Writes the cost-effectiveness plane: each replication's increments, threshold lines."""
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    for j, scenario in enumerate(ce.compared):
        st = palette.style(j + 1)
        ax.scatter(ce.incremental_qalys[j], ce.incremental_cost[j], color=st["color"],
                   marker=st["marker"], s=22, alpha=0.75, label=labels.scenario_label(scenario))
        ax.scatter([np.mean(ce.incremental_qalys[j])], [np.mean(ce.incremental_cost[j])],
                   color=st["color"], marker=st["marker"], s=110, edgecolors="black", linewidths=1.2)
    x_all = ce.incremental_qalys[np.isfinite(ce.incremental_qalys)]
    span = max(np.max(np.abs(x_all)) if x_all.size else 0.0, 1e-6) * 1.15
    xs = np.array([-span, span])
    for t, threshold in enumerate(ce.thresholds):
        ax.plot(xs, threshold * xs, color="#555555", linewidth=1.0,
                linestyle=palette.LINESTYLES[(t + 1) % len(palette.LINESTYLES)],
                label=f"{threshold:,.0f} GBP per QALY")
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_xlim(-span, span)
    ax.set_xlabel("incremental QALYs per person (discounted)")
    ax.set_ylabel("incremental cost per person, GBP (discounted)")
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    caption = (f"Each small marker is one of {ce.replications} {_worlds(ce)}: the scenario's "
               f"discounted QALYs and costs per person minus those of "
               f"{labels.scenario_label(ce.baseline)} in the same replication (common random "
               "numbers); large outlined markers are the means. Points below a threshold line are "
               "cost-effective at that threshold (net monetary benefit above 0). "
               "The 95% confidence intervals of the means are in the table above.")
    return save(fig, out_dir, "ce_plane", "Cost-effectiveness plane", caption, dpi)


def acceptability_figure(ce, out_dir, dpi=300):
    """Writes the cost-effectiveness acceptability curve of every compared scenario."""
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    for j, scenario in enumerate(ce.compared):
        st = palette.style(j + 1)
        ax.plot(ce.curve_thresholds, 100.0 * ce.acceptability[j], color=st["color"],
                linestyle=st["linestyle"], linewidth=1.8, label=labels.scenario_label(scenario))
    for threshold in ce.thresholds:
        ax.axvline(threshold, color="#999999", linewidth=0.8, linestyle=":")
    ax.set_ylim(-2, 102)
    ax.set_xlabel("threshold, GBP per QALY")
    ax.set_ylabel(f"% of {_worlds(ce)} cost-effective")
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    caption = (f"The share of the {ce.replications} {_worlds(ce)} in which each scenario's net "
               f"monetary benefit against {labels.scenario_label(ce.baseline)} is above 0, at "
               "each threshold (dotted lines: the thresholds of the summary). With "
               f"{ce.replications} replications one replication is "
               f"{100.0 / max(ce.replications, 1):.0f} percentage points, so steps of that size "
               "are chance; no 95% interval is drawn around the curve.")
    return save(fig, out_dir, "acceptability", "Cost-effectiveness acceptability curve", caption,
                dpi)


def _money(x):
    return f"{abs(x):,.0f} GBP"


def plain_language_summary(ce):
    """Returns one paragraph that states the cost-effectiveness and its uncertainty plainly."""
    if ce is None or not ce.compared:
        return ""
    t0 = float(ce.thresholds[0])
    n = ce.replications
    sentences = []
    for j, scenario in enumerate(ce.compared):
        name = labels.scenario_label(scenario)
        share = 100.0 * ce.probability[j, 0]
        dc = float(np.mean(ce.incremental_cost[j])) if n else float("nan")
        dq = float(np.mean(ce.incremental_qalys[j])) if n else float("nan")
        lo, hi = ce.nmb_ci95[j, 0]
        cost_word = "more" if dc >= 0 else "less"
        qaly_word = "gain" if dq >= 0 else "lose"
        sentences.append(
            f"At {t0:,.0f} GBP per QALY, {name} are cost-effective in {share:.0f}% of "
            f"{n} {_worlds(ce)}: on average they cost {_money(dc)} {cost_word} per person and "
            f"{qaly_word} {abs(dq):.4f} QALYs per person over the observed period (both "
            f"discounted), a net monetary benefit of {ce.nmb_mean[j, 0]:,.0f} GBP per person "
            f"(95% CI {lo:,.0f} to {hi:,.0f}).")
    if ce.parameter_sets:
        caveat = ("Each replication drew its own parameter set, so these shares include what the "
                  "evidence leaves open about the parameters as well as chance.")
    else:
        caveat = ("These replications differ only by chance: every one uses the same parameter "
                  "values, so the percentages say how often chance alone would favour an option in "
                  "a place like this, not how sure the evidence is; intervals that include "
                  "parameter uncertainty need parameter sets (plausible worlds).")
    evpi = float(ce.evpi_per_person[0])
    sentences.append(caveat)
    sentences.append(
        f"The expected value of perfect information at {t0:,.0f} GBP per QALY is "
        f"{evpi:,.2f} GBP per person, about {evpi * ce.people:,.0f} GBP for the place's "
        f"{ce.people:,.0f} people.")
    return " ".join(sentences)
