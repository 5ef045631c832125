# Builds the report: every figure (PNG + SVG) and one self-contained report.html.
# Knows the results objects, the figure functions and HTML; nothing of HDF5 layout details.
"""The report: figures and a self-contained HTML page from one results file."""

import base64
import datetime
import hashlib
import html
import math
import os
from dataclasses import dataclass

from . import __version__, labels, psa, summary
from .cost_effectiveness import (acceptability_figure, plain_language_summary, plane_figure,
                                 read_cost_effectiveness)
from .figures_runs import costs_figure, differences_figure, equity_figure, series_figure
from .figures_sweep import SWEEP_OUTCOMES, frontier_figure, sensitivity_table, tornado_figure
from .palette import apply_rc
from .calibration import Calibration, marginals_figure, pairs_figure, targets_figure
from .results import Comparison, Run, Sweep, open_results

PROVENANCE_KEYS = ["scenario_path", "version", "git_commit", "seed", "replications",
                   "horizon_days", "warmup_days", "threads", "host", "started_utc",
                   "finished_utc", "wall_seconds"]

CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#111;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:0.8em 0;font-size:0.9em}
th,td{border:1px solid #bbb;padding:0.3em 0.6em;text-align:left;vertical-align:top;
overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere}
th{background:#eee}td.clear{font-weight:bold}
figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
figcaption{font-size:0.9em;color:#333}code{font-size:0.9em}.note{color:#444;font-size:0.9em}
"""


@dataclass
class Report:
    """What build_report wrote: the HTML page and the figures."""

    html: str
    figures: list
    kind: str


def _flatten(value, prefix=""):
    """Returns a nested mapping as {dotted.key.path: value text}."""
    out = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    else:
        out[prefix] = value if isinstance(value, str) else str(value)
    return out


def differing_parameters(runs):
    """Returns [(key path, [value per run])] for scenario keys whose values differ between runs.

    Compares the resolved values stored with each run (every key after defaults and overrides),
    so a key left at its default and the same value written out are equal. Files written before
    resolved values were stored fall back to the keys written in each scenario file.
    """
    runs = list(runs.values())
    resolved = all(run.parameters for run in runs)
    flat = [run.parameters if resolved else _flatten(run.scenario) for run in runs]
    keys = []
    for f in flat:
        keys.extend(k for k in f if k not in keys)
    rows = []
    for key in keys:
        if key in ("name", "description"):
            continue
        values = [_value_of(f, key, resolved) for f in flat]
        if len(set(values)) > 1:
            rows.append((key, values))
    return rows


def _value_of(flat, key, resolved):
    """Returns a key's value in one run: a section given by its keys shows "(given)", a key of a
    section left out ("none") shows "none"."""
    if key in flat:
        return flat[key]
    if not resolved:
        return "(default)"
    if any(k.startswith(key + ".") for k in flat):
        return "(given)"
    parts = key.split(".")
    for i in range(1, len(parts)):
        if flat.get(".".join(parts[:i])) == "none":
            return "none"
    return "(absent)"


def _esc(text):
    return html.escape(str(text))


def _table(headers, rows, table_id=None, cell_classes=None):
    attr = f' id="{table_id}"' if table_id else ""
    out = [f"<table{attr}><thead><tr>" + "".join(f"<th>{_esc(h)}</th>" for h in headers)
           + "</tr></thead><tbody>"]
    for i, row in enumerate(rows):
        classes = cell_classes[i] if cell_classes else [""] * len(row)
        out.append("<tr>" + "".join(
            f'<td class="{c}">{_esc(v)}</td>' if c else f"<td>{_esc(v)}</td>"
            for v, c in zip(row, classes)) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _figure_html(number, fig):
    with open(fig.png, "rb") as fh:
        data = base64.b64encode(fh.read()).decode("ascii")
    return (f'<figure id="fig-{fig.stem}"><img src="data:image/png;base64,{data}" '
            f'alt="{_esc(fig.title)}"><figcaption><b>Figure {number}. {_esc(fig.title)}.</b> '
            f"{_esc(fig.caption)} Files: <code>{_esc(os.path.basename(fig.png))}</code> (300 dpi), "
            f"<code>{_esc(os.path.basename(fig.svg))}</code>.</figcaption></figure>")


def _fmt_attr(key, value):
    if isinstance(value, float):
        return f"{value:,.1f}" if key != "wall_seconds" else f"{value:.1f}"
    return str(value)


def _provenance(path, attrs_by_name, root_attrs):
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    rows = [("results file", os.path.abspath(path)), ("SHA-256 of the results file", digest)]
    for key in ("content", "version", "git_commit", "seed", "replications", "sweep_name",
                "design", "points", "started_utc", "finished_utc", "wall_seconds", "host"):
        if key in root_attrs:
            rows.append((key, _fmt_attr(key, root_attrs[key])))
    rows.append(("report made by", f"cmhsim_analysis {__version__}, "
                 f"{datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}"))
    parts = [_table(["item", "value"], rows)]
    if attrs_by_name:
        names = list(attrs_by_name)
        keys = [k for k in PROVENANCE_KEYS if any(k in a for a in attrs_by_name.values())]
        parts.append(_table(["setting"] + [labels.scenario_label(n) for n in names],
                            [[k] + [_fmt_attr(k, attrs_by_name[n].get(k, "")) for n in names]
                             for k in keys]))
    return "\n".join(parts)


def _summary_rows_comparison(comp):
    d = comp.differences.set_index(["scenario", "outcome"])
    base = comp.runs[comp.baseline]
    rows, classes = [], []
    for scenario in comp.compared:
        for outcome in summary.SUMMARY_OUTCOMES:
            if (scenario, outcome) not in d.index:
                continue
            r = d.loc[(scenario, outcome)]
            b = base.metric(outcome)
            s = comp.runs[scenario].metric(outcome)
            clear = summary.is_clear(r["lo"], r["hi"])
            rows.append([labels.scenario_label(scenario), labels.outcome_title(outcome),
                         summary.describe_estimate(b[0], math.nan, math.nan, r["unit"]),
                         summary.describe_estimate(s[0], math.nan, math.nan, r["unit"]),
                         summary.describe_difference(outcome, r["difference"], r["lo"], r["hi"])])
            classes.append(["", "", "", "", "clear" if clear else ""])
    return rows, classes


def _access_section(runs):
    """Returns the waits, vacancies and step-down table: one column per scenario, with 95% CIs."""
    names = list(runs)
    rows = [[labels.outcome_title(o)] + [summary.describe_run_metric(runs[n], o) for n in names]
            for o in summary.ACCESS_OUTCOMES]
    cohort = [summary.describe_run_metric(runs[n], "stepdown_cohort_size") for n in names]
    n = next(iter(runs.values())).replications
    return (f'<p class="note">Each scenario\'s mean over {_esc(n)} replications with its 95% '
            "confidence interval. The step-down shares are of the people a CMHT stepped down to a "
            "Care Partner after warm-up and at least 3 years before the end who were alive and "
            "registered 3 years later (deaths and moves away are left out; cohort per replication: "
            + _esc("; ".join(f"{labels.scenario_label(a)} {b}" for a, b in zip(names, cohort)))
            + "). Not defined: no such people, e.g. no step-down or a run too short. "
            f"{_esc(summary.MISSING.capitalize())}: the results file was written before the "
            "outcome existed.</p>"
            + _table(["outcome"] + [labels.scenario_label(n) for n in names], rows, "access"))


def _psa_section(runs, comp):
    """Returns the parameter sets the replications used and how much of each headline interval's
    width they account for, against chance (one-way analysis of variance over the sets)."""
    run = next(r for r in runs.values() if r.parameter_sets is not None)
    sets = run.parameter_sets
    used = len(set(run.parameter_set_of.tolist()))
    note = (f'<p class="note">Each replication ran with one of {len(sets["values"])} parameter '
            f"sets ({_esc(sets['provenance'] or 'no provenance recorded')}); the "
            f"{run.replications} replications used {used} of them, the same set in the same "
            "replication of every scenario. The intervals above therefore include parameter "
            "uncertainty. Below, the variance over replications is split by a one-way "
            "random-effects analysis of variance into the part between parameter sets "
            "(parameters) and the part within a set (chance); the width from chance alone is the "
            "interval's width scaled by the square root of the chance share, the width the "
            "interval would have with the parameters known. Variances add; widths do not.</p>")
    ranges = _table(["parameter", "lowest used", "mean used", "highest used"],
                    [[k, f"{lo:.4g}", f"{m:.4g}", f"{hi:.4g}"] for k, lo, m, hi in psa.set_ranges(run)],
                    "psa-sets")
    rows = []
    for scenario, outcome, split in psa.splits(runs, comp, summary.SUMMARY_OUTCOMES):
        head = ([labels.scenario_label(scenario)] if comp is not None else []) + [
            labels.outcome_title(outcome)]
        if split is None:
            rows.append(head + ["not separable"] * 4)
            continue
        share = split.parameter_share
        rows.append(head + [f"{split.width:.4g}",
                            "—" if math.isnan(share) else f"{100 * share:.0f}%",
                            "—" if math.isnan(share) else f"{100 * (1 - share):.0f}%",
                            "—" if math.isnan(share) else f"{split.chance_width:.4g}"])
    headers = (["scenario"] if comp is not None else []) + [
        "outcome", "95% CI width" + (" (difference)" if comp is not None else ""),
        "variance from parameters", "variance from chance", "width from chance alone"]
    separable = any(split is not None for _, _, split in psa.splits(runs, comp,
                                                                      summary.SUMMARY_OUTCOMES))
    advice = "" if separable else (
        '<p class="note">Not separable: no parameter set ran more than one replication, so chance '
        "cannot be told from parameters. Run with fewer sets than replications (for example "
        "<code>uncertainty: {sets: 10}</code> with 40 replications).</p>")
    return note + ranges + advice + _table(headers, rows, "psa")


def _cost_effectiveness_section(ce):
    rows = []
    for j, scenario in enumerate(ce.compared):
        dc, dq = ce.incremental_cost[j], ce.incremental_qalys[j]
        icer = ce.icer[j]
        row = [labels.scenario_label(scenario), f"{dc.mean():,.0f}" if dc.size else "n/a",
               f"{dq.mean():.4f}" if dq.size else "n/a",
               f"{icer:,.0f}" if math.isfinite(icer) else "undefined"]
        for t in range(len(ce.thresholds)):
            lo, hi = ce.nmb_ci95[j, t]
            row.append(f"{ce.nmb_mean[j, t]:,.0f} ({lo:,.0f} to {hi:,.0f}); "
                       f"{100 * ce.probability[j, t]:.0f}%")
        rows.append(row)
    headers = ["scenario", "incremental cost, GBP per person", "incremental QALYs per person",
               "ICER, GBP per QALY"] + [
        f"NMB at {t:,.0f} (95% CI); % cost-effective" for t in ce.thresholds]
    return (f"<p>{_esc(plain_language_summary(ce))}</p>"
            '<p class="note">Discounted costs and QALYs per person observed, against '
            f"{_esc(labels.scenario_label(ce.baseline))}; definitions in docs/comparisons.md.</p>"
            + _table(headers, rows, "cost_effectiveness"))


def _page(title, intro, sections):
    body = "\n".join(f"<h2>{_esc(h)}</h2>\n{content}" for h, content in sections)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>\n"
            f"<h1>{_esc(title)}</h1>\n{intro}\n{body}\n</body></html>\n")


def _figures_section(figures):
    return "\n".join(_figure_html(i + 1, f) for i, f in enumerate(figures))


def _runs_report(runs, comp, path, out_dir, dpi, root_attrs):
    figures = [series_figure(runs, out_dir, dpi)]
    if comp is not None:
        figures.append(differences_figure(comp, out_dir, dpi))
    ce = read_cost_effectiveness(path) if comp is not None else None
    if ce is not None:
        figures += [plane_figure(ce, out_dir, dpi), acceptability_figure(ce, out_dir, dpi)]
    figures += [costs_figure(runs, out_dir, dpi), equity_figure(runs, out_dir, dpi)]
    sections = []
    if comp is not None:
        rows, classes = _summary_rows_comparison(comp)
        n = root_attrs.get("replications", "")
        sections.append(("Summary of the headline differences", (
            f'<p class="note">Each scenario against {_esc(labels.scenario_label(comp.baseline))}: '
            f"the mean paired difference over {_esc(n)} replications with common random numbers "
            "and its 95% confidence interval. Bold: the interval excludes zero.</p>"
            + _table(["scenario", "outcome", "baseline", "scenario mean", "difference from baseline"],
                     rows, "summary", classes))))
        if ce is not None:
            sections.append(("Cost-effectiveness", _cost_effectiveness_section(ce)))
        diff = differing_parameters(runs)
        sections.append(("Scenario parameters that differ", _table(
            ["scenario key"] + [labels.scenario_label(n) for n in runs],
            [[k] + v for k, v in diff], "parameters") if diff else "<p>None.</p>"))
    else:
        run = next(iter(runs.values()))
        rows = [[labels.outcome_title(o), summary.describe_estimate(*run.metric(o)[:3], run.metric_unit(o))]
                for o in summary.SUMMARY_OUTCOMES if o in run.metrics.index]
        sections.append(("Summary of the headline outcomes", (
            f'<p class="note">Means over {run.replications} replications with 95% confidence '
            "intervals.</p>" + _table(["outcome", "mean (95% CI)"], rows, "summary"))))
        sections.append(("Scenario parameters", "<pre>" + _esc(run.scenario_text) + "</pre>"))
    sections.insert(1, ("Waits, vacancies and step-down", _access_section(runs)))
    if any(run.parameter_sets is not None for run in runs.values()):
        sections.insert(1, ("Parameter uncertainty", _psa_section(runs, comp)))
    sections.append(("Figures", _figures_section(figures)))
    sections.append(("Provenance", _provenance(path, {n: r.attrs for n, r in runs.items()}, root_attrs)))
    names = ", ".join(labels.scenario_label(n) for n in runs)
    intro = (f"<p>Report on <code>{_esc(os.path.basename(path))}</code>: {_esc(names)}. "
             "All figures are also written as PNG (300 dpi) and SVG next to this page.</p>")
    title = "cmhsim comparison report" if comp is not None else "cmhsim run report"
    return _page(title, intro, sections), figures


def _sweep_report(sweep, path, out_dir, dpi):
    figures = [f for f in (frontier_figure(sweep, out_dir, dpi), tornado_figure(sweep, out_dir, dpi)) if f]
    first = sweep.points[0][1]
    outcomes = [o for o in SWEEP_OUTCOMES if o in first.metrics.index]
    rows = []
    for index, run in sweep.points:
        rows.append([str(index)] + list(sweep.settings[index]) +
                    [summary.describe_estimate(*run.metric(o)[:3], run.metric_unit(o)) for o in outcomes])
    sections = [("Summary of the sweep points", (
        f'<p class="note">Each point\'s mean over its replications with its 95% confidence '
        "interval.</p>" + _table(["point"] + [labels.axis_label(a) for a in sweep.axes]
                                 + [labels.outcome_title(o) for o in outcomes], rows, "summary")))]
    if sweep.design == "latin_hypercube":
        table = sensitivity_table(sweep)
        prcc_rows = []
        for outcome, (names, coef, lo, hi) in table.items():
            for name, c, a, b in zip(names, coef, lo, hi):
                prcc_rows.append([labels.outcome_title(outcome), labels.axis_label(name),
                                  f"{c:+.2f}", f"{a:+.2f} to {b:+.2f}"])
        sections.append(("Sensitivity (partial rank correlation)",
                         _table(["outcome", "parameter", "PRCC", "95% CI"], prcc_rows, "prcc")))
    sections.append(("Sweep file", "<pre>" + _esc(sweep.sweep_text) + "</pre>"))
    sections.append(("Figures", _figures_section(figures) if figures else
                     "<p>No figure fits this sweep (it has no numeric axis).</p>"))
    sections.append(("Provenance", _provenance(path, {}, sweep.attrs)))
    intro = (f"<p>Report on the {_esc(sweep.design.replace('_', ' '))} sweep "
             f"<code>{_esc(sweep.attrs.get('sweep_name', ''))}</code> "
             f"({len(sweep.points)} points) in <code>{_esc(os.path.basename(path))}</code>.</p>")
    return _page("cmhsim sweep report", intro, sections), figures


def _calibration_report(cal, path, out_dir, dpi):
    figures = [f for f in (marginals_figure(cal, out_dir, dpi), pairs_figure(cal, out_dir, dpi),
                           targets_figure(cal, out_dir, dpi)) if f]
    g = "{:.4g}".format
    params = [[k, g(cal.posterior_mean[i]), f"[{g(cal.posterior_lo[i])}, {g(cal.posterior_hi[i])}]",
               f"[{g(cal.prior_lo[i])}, {g(cal.prior_hi[i])}]"] for i, k in enumerate(cal.keys)]
    targets = [[t, g(cal.observed[i]), g(cal.predicted_mean[i]),
                f"[{g(cal.predicted_lo[i])}, {g(cal.predicted_hi[i])}]"]
               for i, t in enumerate(cal.labels)]
    sections = [
        ("Posterior", _table(["parameter", "mean", "95% interval", "prior range"], params)),
        ("Posterior predictive checks",
         _table(["target", "observed", "predicted mean", "95% interval"], targets)),
        ("Figures", _figures_section(figures)),
        ("Calibration file", "<pre>" + _esc(cal.text) + "</pre>"),
        ("Provenance", _provenance(path, {}, cal.attrs)),
    ]
    intro = (f"<p>Report on the calibration <code>{_esc(str(cal.attrs.get('calibration_name', '')))}"
             f"</code> in <code>{_esc(os.path.basename(path))}</code>: {len(cal.keys)} parameters "
             f"fitted to {len(cal.labels)} targets by {_esc(str(cal.attrs.get('method', '')))} in "
             f"{cal.attrs.get('runs', '?')} model runs; {len(cal.weights)} accepted parameter "
             "sets.</p>")
    return _page("cmhsim calibration report", intro, sections), figures


def build_report(path, out_dir, dpi=300):
    """Writes every figure and OUT_DIR/report.html for a run, comparison, sweep or calibration;
    returns a Report."""
    results = open_results(path)
    apply_rc()
    os.makedirs(out_dir, exist_ok=True)
    if isinstance(results, Comparison):
        page, figures = _runs_report(results.runs, results, path, out_dir, dpi, results.attrs)
        kind = "comparison"
    elif isinstance(results, Sweep):
        page, figures = _sweep_report(results, path, out_dir, dpi)
        kind = "sweep"
    elif isinstance(results, Calibration):
        page, figures = _calibration_report(results, path, out_dir, dpi)
        kind = "calibration"
    else:
        assert isinstance(results, Run)
        page, figures = _runs_report({results.name: results}, None, path, out_dir, dpi, results.attrs)
        kind = "run"
    out = os.path.join(out_dir, "report.html")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(page)
    os.replace(tmp, out)
    return Report(html=out, figures=figures, kind=kind)
