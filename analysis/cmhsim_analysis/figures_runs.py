# Figures from one or more scenario runs: monthly series, paired differences, costs, equity.
# Knows Run/Comparison objects and matplotlib; nothing of HDF5 or HTML.
"""Figures for run and comparison files."""

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from . import labels, palette
from .figure_io import band_caption, save
from .stats import mean_ci

# (series, panel title, whether the value is a count over the month rather than a snapshot)
SERIES_PANELS = [
    ("people_in_gap", "People in the gap", False),
    ("crises", "Crises", True),
    ("admissions", "Acute admissions", True),
    ("bed_occupancy", "In-area bed occupancy", False),
    ("waiting_cmht", "Waiting list: CMHT", False),
    ("waiting_care_partner", "Waiting list: Care Partners", False),
    ("care_partner_caseload", "Care Partner caseloads", False),
    ("care_partner_vacancies", "Care Partner vacancies", False),
    ("mean_quality_of_life", "Mean quality of life", False),
]

HEADLINE_OUTCOMES = [
    "people_in_gap",
    "crises_per_1000_per_year",
    "admissions_per_1000_per_year",
    "bed_occupancy",
    "out_of_area_placements_per_year",
    "primary_care_only_share_12m",
    "mean_quality_of_life",
    "mortality_ratio_under_75",
    "cost_per_person_per_year",
]

EQUITY_METRICS = [
    "crises_per_1000_per_year",
    "mean_quality_of_life",
    "care_partner_contacts_per_person",
    "primary_care_only_share_12m",
]
EQUITY_KINDS = [("network", "network type"), ("ethnicity", "ethnicity group"),
                ("diagnosis", "diagnosis")]


def _replication_phrase(runs):
    counts = sorted({run.replications for run in runs.values()})
    return str(counts[0]) if len(counts) == 1 else " to ".join(str(c) for c in (counts[0], counts[-1]))


def _grid(n, cols):
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.6 * cols, 2.7 * rows + 0.6), squeeze=False)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)


def _figure_legend(fig, handles, names, ncol=None):
    fig.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, 0.955),
               ncol=ncol or min(4, len(names)), handlelength=3.2)


def series_figure(runs, out_dir, dpi=300):
    """Writes the monthly series of every scenario with 95% bands; returns the FigureFile."""
    panels = [p for p in SERIES_PANELS if all(r.has_series(p[0]) for r in runs.values())]
    fig, axes = _grid(len(panels), 3)
    handles = []
    for ax, (name, title, flow) in zip(axes, panels):
        for i, (scenario, run) in enumerate(runs.items()):
            mean, lo, hi = run.series(name)
            unit = run.series_unit(name)
            scale = labels.display_scale(unit)
            months = np.arange(1, len(mean) + 1)
            st = palette.style(i)
            (line,) = ax.plot(months, mean * scale, color=st["color"], linestyle=st["linestyle"],
                              marker=st["marker"], markevery=max(1, len(months) // 8),
                              markersize=4, linewidth=1.4)
            ax.fill_between(months, lo * scale, hi * scale, color=st["color"], alpha=0.22,
                            linewidth=0)
            if ax is axes[0]:
                handles.append(line)
        shown = labels.display_unit(unit)
        ax.set_title(title)
        ax.set_ylabel(f"{shown} in the month" if flow else shown)
        ax.set_xlabel("months after warm-up")
    _figure_legend(fig, handles, [labels.scenario_label(s) for s in runs])
    fig.tight_layout(rect=(0, 0, 1, 0.91))
    caption = (band_caption(_replication_phrase(runs)) + " Counts of crises and admissions are "
               "per month; other panels are month-end snapshots. Bed occupancy is in-area "
               "bed-days over bed capacity.")
    return save(fig, out_dir, "timeseries", "Monthly outcomes by scenario", caption, dpi)


def differences_figure(comparison, out_dir, dpi=300):
    """Writes each scenario's paired difference from the baseline with 95% CIs; returns it."""
    d = comparison.differences
    outcomes = [o for o in HEADLINE_OUTCOMES if o in set(d["outcome"])]
    fig, axes = _grid(len(outcomes), 3)
    compared = comparison.compared
    ypos = np.arange(len(compared))[::-1]
    for ax, outcome in zip(axes, outcomes):
        rows = d[d["outcome"] == outcome].set_index("scenario")
        unit = rows["unit"].iloc[0]
        scale = labels.display_scale(unit)
        for j, scenario in enumerate(compared):
            r = rows.loc[scenario]
            st = palette.style(j + 1)
            err = [[(r["difference"] - r["lo"]) * scale], [(r["hi"] - r["difference"]) * scale]]
            ax.errorbar(r["difference"] * scale, ypos[j], xerr=err, color=st["color"],
                        marker=st["marker"], markersize=6, capsize=4, linewidth=1.6,
                        linestyle="none")
        ax.axvline(0, color="#555555", linewidth=0.9, linestyle="--")
        ax.set_yticks(ypos)
        ax.set_yticklabels([labels.scenario_label(s) for s in compared] if ax in axes[::3] else [])
        ax.set_ylim(-0.6, len(compared) - 0.4)
        ax.set_title(labels.outcome_title(outcome))
        ax.set_xlabel(f"difference, {labels.difference_unit(unit)}")
        # Few ticks, so small differences (a ratio's third decimal) do not run together.
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.grid(axis="y", visible=False)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    n = int(comparison.attrs.get("replications", 0)) or _replication_phrase(comparison.runs)
    caption = (f"Each marker is a scenario's mean paired difference from "
               f"{labels.scenario_label(comparison.baseline)} (scenario minus baseline) over {n} "
               f"replications with common random numbers; whiskers are paired 95% confidence intervals (Student t). A "
               f"whisker that does not cross the dashed zero line is a difference the "
               f"replications can distinguish. Shares are shown in percentage points.")
    return save(fig, out_dir, "differences", "Differences from the baseline", caption, dpi)


def annual_costs(run):
    """Returns (labels, mean per category, total mean, lo, hi) in GBP per year."""
    names = [n for n in run.series_names if n.startswith("cost_")]
    years = run.months / 12.0
    per_rep = np.stack([np.nansum(run.series_per_replication(n), axis=1) / years for n in names],
                       axis=1)  # [R, C]
    total_mean, total_lo, total_hi, _ = mean_ci(per_rep.sum(axis=1))
    return names, np.nanmean(per_rep, axis=0), float(total_mean), float(total_lo), float(total_hi)


def costs_figure(runs, out_dir, dpi=300):
    """Writes a stacked bar of each scenario's annual cost by service; returns the FigureFile."""
    fig, ax = plt.subplots(figsize=(9.5, 1.2 + 0.75 * len(runs)))
    names = None
    ypos = np.arange(len(runs))[::-1]
    for y, (scenario, run) in zip(ypos, runs.items()):
        names, means, total, lo, hi = annual_costs(run)
        left = 0.0
        for c, value in enumerate(means / 1e6):
            # Black is left out so the whisker of the total stays visible on every segment.
            ax.barh(y, value, left=left, color=palette.OKABE_ITO[1 + c % 7],
                    hatch=palette.hatch(c), edgecolor="#333333", linewidth=0.5, height=0.6,
                    label=labels.cost_label(names[c]) if y == ypos[0] else None)
            left += value
        ax.errorbar(total / 1e6, y, xerr=[[(total - lo) / 1e6], [(hi - total) / 1e6]],
                    color="#000000", capsize=4, linewidth=1.2)
        ax.text(hi / 1e6, y + 0.34, f"  £{total / 1e6:,.1f}m", va="center", fontsize=8)
    ax.set_xlim(0, ax.get_xlim()[1] * 1.1)  # room for the total's label
    ax.set_yticks(ypos)
    ax.set_yticklabels([labels.scenario_label(s) for s in runs])
    ax.set_xlabel("GBP million per year (after warm-up)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), ncol=1, handleheight=1.6)
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    caption = (f"Bars are mean annual costs by service over {_replication_phrase(runs)} "
               "replications (costs summed over recorded months and divided by the years "
               "recorded); whiskers are 95% confidence intervals of the total. Unit costs come "
               "from each scenario's costs section.")
    return save(fig, out_dir, "costs", "Annual cost by service", caption, dpi)


def _groups(run, metric, kind):
    prefix = f"{metric}.by_{kind}."
    return [n[len(prefix):] for n in run.metrics.index if n.startswith(prefix)]


def equity_figure(runs, out_dir, dpi=300):
    """Writes outcomes by network type, ethnicity and diagnosis per scenario; returns it."""
    first = next(iter(runs.values()))
    metrics = [m for m in EQUITY_METRICS if _groups(first, m, "network")]
    fig, axes = plt.subplots(len(metrics), 3, figsize=(12, 2.6 * len(metrics) + 0.8),
                             squeeze=False, gridspec_kw={"width_ratios": [3, 5, 3]})
    k = len(runs)
    handles = [Line2D([], [], color=palette.style(i)["color"], marker=palette.style(i)["marker"],
                      linestyle="none") for i in range(k)]
    for row, metric in enumerate(metrics):
        unit = first.metric_unit(metric)
        scale = labels.display_scale(unit)
        for col, (kind, kind_label) in enumerate(EQUITY_KINDS):
            ax = axes[row][col]
            groups = _groups(first, metric, kind)
            x = np.arange(len(groups))
            for i, (scenario, run) in enumerate(runs.items()):
                st = palette.style(i)
                offset = (i - (k - 1) / 2) * (0.7 / max(k, 1))
                vals = np.array([run.metric(f"{metric}.by_{kind}.{g}")[:3] for g in groups]) * scale
                if np.isnan(vals[:, 0]).all():
                    continue  # undefined for this scenario, e.g. contacts with no Care Partners
                ax.errorbar(x + offset, vals[:, 0],
                                yerr=[vals[:, 0] - vals[:, 1], vals[:, 2] - vals[:, 0]],
                                color=st["color"], marker=st["marker"], markersize=4.5,
                                linestyle="none", capsize=2.5, linewidth=1.1)
            ax.set_xticks(x)
            ax.set_xticklabels([labels.group_label(g) for g in groups], fontsize=8)
            ax.grid(axis="x", visible=False)
            if row == 0:
                ax.set_title(f"by {kind_label}")
            if col == 0:
                ax.set_ylabel(f"{labels.outcome_title(metric)}\n({labels.display_unit(unit)})",
                              fontsize=8.5)
    _figure_legend(fig, handles, [labels.scenario_label(s) for s in runs])
    fig.tight_layout(rect=(0, 0, 1, 0.91))
    caption = (f"Markers are means over {_replication_phrase(runs)} replications; whiskers are 95% "
               "confidence intervals (Student t). A missing marker means the outcome is undefined "
               "for that scenario (for example Care Partner contacts with no Care Partners). "
               "Shares are in percent.")
    return save(fig, out_dir, "equity", "Outcomes by network type, ethnicity and diagnosis",
                caption, dpi)
