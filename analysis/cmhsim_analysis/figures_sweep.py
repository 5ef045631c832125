# Figures from a sweep file: the workforce frontier and the PRCC sensitivity (tornado) chart.
# Knows Sweep objects and matplotlib; nothing of HDF5 or HTML.
"""Figures for sweep files."""

import matplotlib.pyplot as plt
import numpy as np

from . import labels, palette
from .figure_io import save
from .prcc import prcc

SWEEP_OUTCOMES = [
    "people_in_gap",
    "crises_per_1000_per_year",
    "mean_quality_of_life",
    "cost_per_person_per_year",
]
FTE_AXIS = "care_partners.fte"
SUPERVISOR_AXIS = "supervision.supervisor_fte"


def _numeric_axes(sweep):
    values = sweep.numeric_settings()
    return [a for a in range(len(sweep.axes)) if not np.isnan(values[:, a]).any()], values


def frontier_axes(sweep):
    """Returns (x axis index, line axis index or None) for the frontier, or None if none fits."""
    numeric, _ = _numeric_axes(sweep)
    if not numeric:
        return None
    x = sweep.axes.index(FTE_AXIS) if FTE_AXIS in sweep.axes else numeric[0]
    if x not in numeric:
        return None
    if SUPERVISOR_AXIS in sweep.axes and sweep.axes.index(SUPERVISOR_AXIS) in numeric:
        line = sweep.axes.index(SUPERVISOR_AXIS)
    else:
        others = [a for a in numeric if a != x]
        line = others[0] if others else None
    return x, line


def _outcomes(sweep):
    first = sweep.points[0][1]
    return [o for o in SWEEP_OUTCOMES if o in first.metrics.index]


def frontier_lines(sweep, outcome):
    """Returns one outcome's frontier lines [(line level or None, x, mean, lo, hi)]; None if no fit.

    One line per value of the line axis (or a single line, level None, if there is none); at each
    x the points' means and 95% bounds are averaged over the points that differ on other axes.
    """
    chosen = frontier_axes(sweep)
    if chosen is None:
        return None
    xa, la = chosen
    _, values = _numeric_axes(sweep)
    est = np.array([run.metric(outcome)[:3] for _, run in sweep.points])
    lines = []
    for level in sorted(set(values[:, la])) if la is not None else [None]:
        rows = np.ones(len(est), bool) if level is None else values[:, la] == level
        xs = np.unique(values[rows, xa])
        cells = [est[rows & (values[:, xa] == x)].mean(axis=0) for x in xs]
        lines.append((level, xs, *(np.array([c[k] for c in cells]) for k in range(3))))
    return lines


def frontier_figure(sweep, out_dir, dpi=300):
    """Writes outcomes against Care Partner FTE, one line per supervisor FTE; None if no fit."""
    chosen = frontier_axes(sweep)
    if chosen is None:
        return None
    xa, la = chosen
    _, values = _numeric_axes(sweep)
    outcomes = _outcomes(sweep)
    fig, axes = plt.subplots(1, len(outcomes), figsize=(3.4 * len(outcomes) + 1, 3.8),
                             squeeze=False, layout="constrained")
    runs = [run for _, run in sweep.points]
    factorial = sweep.design == "factorial"
    scatter = None
    for ax, outcome in zip(axes[0], outcomes):
        unit = runs[0].metric_unit(outcome)
        scale = labels.display_scale(unit)
        if factorial or la is None:
            for i, (level, xs, mean, lo, hi) in enumerate(frontier_lines(sweep, outcome)):
                st = palette.style(i)
                name = "all points" if level is None else f"{labels.axis_label(sweep.axes[la])} {level:g}"
                ax.plot(xs, mean * scale, color=st["color"], linestyle=st["linestyle"],
                        marker=st["marker"], markersize=5, label=name)
                ax.fill_between(xs, lo * scale, hi * scale, color=st["color"], alpha=0.22,
                                linewidth=0)
        else:
            est = np.array([r.metric(outcome)[:3] for r in runs]) * scale
            ax.errorbar(values[:, xa], est[:, 0], yerr=[est[:, 0] - est[:, 1], est[:, 2] - est[:, 0]],
                        fmt="none", ecolor="#999999", linewidth=0.8, zorder=1)
            scatter = ax.scatter(values[:, xa], est[:, 0], c=values[:, la], cmap=palette.SEQUENTIAL_CMAP,
                                 edgecolors="#000000", linewidths=0.4, s=28, zorder=2)
        ax.set_title(labels.outcome_title(outcome))
        ax.set_xlabel(labels.axis_label(sweep.axes[xa]))
        ax.set_ylabel(labels.display_unit(unit))
    if scatter is not None:
        fig.colorbar(scatter, ax=list(axes[0]), label=labels.axis_label(sweep.axes[la]), shrink=0.8)
    elif la is not None:
        axes[0][0].legend(loc="best")
    reps = sorted({r.replications for r in runs})
    caption = (f"Each point of the {sweep.design.replace('_', ' ')} sweep "
               f"'{sweep.attrs.get('sweep_name', '')}' is the mean over {reps[0]} replications; "
               + ("shaded bands are 95% confidence intervals (Student t)"
                  if factorial or la is None else "grey whiskers are 95% confidence intervals "
                  "(Student t) and the colour gives the second workforce axis")
               + ". All points share a seed (common random numbers)."
               + (" Where other axes vary, cells are averaged over them." if len(sweep.axes) > 2 and factorial else ""))
    return save(fig, out_dir, "frontier", "Workforce frontier", caption, dpi)


def sensitivity_table(sweep):
    """Returns {outcome: (axes, coefficient, lo, hi)} of the PRCC of each numeric axis."""
    numeric, values = _numeric_axes(sweep)
    runs = [run for _, run in sweep.points]
    out = {}
    for outcome in _outcomes(sweep):
        y = np.array([r.metric(outcome)[0] for r in runs])
        coef, lo, hi = prcc(values[:, numeric], y)
        out[outcome] = ([sweep.axes[a] for a in numeric], coef, lo, hi)
    return out


def tornado_figure(sweep, out_dir, dpi=300):
    """Writes PRCC bars of each axis against each outcome; None unless a Latin hypercube."""
    if sweep.design != "latin_hypercube":
        return None
    table = sensitivity_table(sweep)
    if not table or len(next(iter(table.values()))[0]) < 1:
        return None
    cols = min(2, len(table))
    rows = -(-len(table) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(11, rows * (1.0 + 0.55 * len(sweep.axes)) + 0.6),
                             squeeze=False, layout="constrained")
    for ax in list(axes.flat)[len(table):]:
        ax.set_visible(False)
    for ax, (outcome, (names, coef, lo, hi)) in zip(axes.flat, table.items()):
        order = np.argsort(np.nan_to_num(np.abs(coef), nan=-1.0))  # largest at the top
        y = np.arange(len(order))
        for yi, j in zip(y, order):
            positive = coef[j] >= 0
            ax.barh(yi, coef[j], color=palette.OKABE_ITO[2] if positive else palette.OKABE_ITO[6],
                    hatch="" if positive else "///", edgecolor="#333333", linewidth=0.5, height=0.6)
            if not np.isnan(lo[j]):
                ax.errorbar(coef[j], yi, xerr=[[coef[j] - lo[j]], [hi[j] - coef[j]]], color="#000000",
                            capsize=3, linewidth=1)
        ax.axvline(0, color="#555555", linewidth=0.9)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(y)
        ax.set_yticklabels([labels.axis_label(names[j]) for j in order], fontsize=8)
        ax.set_title(labels.outcome_title(outcome))
        ax.set_xlabel("PRCC (dimensionless)")
        ax.grid(axis="y", visible=False)
    caption = (f"Partial rank correlation coefficients of each swept parameter with each outcome "
               f"over the {len(sweep.points)} points of a Latin hypercube (outcome = the point's mean "
               "over its replications). Solid bars are positive, hatched bars negative; whiskers "
               "are 95% confidence intervals (Fisher z). Longer bars mean the outcome is more "
               "sensitive to that parameter over its swept range, the others held fixed.")
    return save(fig, out_dir, "sensitivity", "Sensitivity (PRCC tornado)", caption, dpi)
