# Unit tests of the report on synthetic files: every figure file, the HTML page and its tables.
# Checks what is written, not how it looks (the end-to-end test renders it in Chromium).
import base64
import os
import re

from cmhsim_analysis.report import build_report, differing_parameters
from cmhsim_analysis.results import open_results

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _check_figures(report, stems):
    assert [f.stem for f in report.figures] == stems
    for fig in report.figures:
        with open(fig.png, "rb") as fh:
            assert fh.read(8) == PNG_MAGIC
        assert os.path.getsize(fig.png) > 20_000
        with open(fig.svg, encoding="utf-8") as fh:
            svg = fh.read()
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg and len(svg) > 10_000
        assert "95%" in fig.caption


def test_comparison_report_writes_every_figure_and_the_page(comparison_file, tmp_path):
    out = tmp_path / "report"
    report = build_report(comparison_file, out, dpi=80)
    _check_figures(report, ["timeseries", "differences", "costs", "equity"])
    page = open(report.html, encoding="utf-8").read()
    assert '<table id="summary">' in page
    assert "100 fewer people in the gap (95% CI 95 to 105)" in page
    assert "200 fewer people in the gap" in page
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 4
    assert all(base64.b64decode(img)[:8] == PNG_MAGIC for img in images)
    assert '<table id="parameters">' in page and "care_partners.fte" in page
    assert "SHA-256" in page and "http://" not in page.replace("http://www.w3.org", "")


def test_run_report_has_no_differences_figure(run_file, tmp_path):
    report = build_report(run_file, tmp_path / "r", dpi=80)
    _check_figures(report, ["timeseries", "costs", "equity"])
    assert "Summary of the headline outcomes" in open(report.html, encoding="utf-8").read()


def test_differing_parameters_lists_only_changed_keys(comparison_file):
    comp = open_results(comparison_file)
    rows = dict(differing_parameters(comp.runs))
    assert rows == {"care_partners.fte": ["10", "11", "12"]}


def test_differing_parameters_compare_resolved_values(comparison_file):
    comp = open_results(comparison_file)
    runs = list(comp.runs.values())
    # One file writes the default out; its resolved value is the same, so nothing differs there.
    runs[1].scenario_text += "  age_mean: 48.0\n"
    runs[2].parameters["clinical.cmht_hazard_ratio"] = "0.7"
    rows = dict(differing_parameters(comp.runs))
    assert "population.age_mean" not in rows
    assert rows["clinical.cmht_hazard_ratio"] == ["(absent)", "(absent)", "0.7"]
    # Without resolved values the written keys are compared, and the default looks different.
    for run in runs:
        run.parameters = {}
    assert dict(differing_parameters(comp.runs))["population.age_mean"] == [
        "(default)", "48.0", "(default)"]


def test_differing_parameters_show_a_section_left_out_and_one_given(comparison_file):
    comp = open_results(comparison_file)
    runs = list(comp.runs.values())
    runs[0].parameters["warm_start"] = "none"
    for run in runs[1:]:
        run.parameters["warm_start.outpatients"] = "5000"
    rows = dict(differing_parameters(comp.runs))
    assert rows["warm_start"] == ["none", "(given)", "(given)"]
    assert rows["warm_start.outpatients"] == ["none", "5000", "5000"]


def _add_metrics(path, group_paths, added):
    """Appends metrics {name: (unit, [value per replication])} to each run group of a file."""
    import h5py
    import numpy as np

    with h5py.File(path, "r+") as f:
        for group in group_paths:
            old = f[group + "/metrics/replications"]
            data, attrs = old[()], {k: list(old.attrs[k]) for k in ("names", "units", "descriptions")}
            del f[group + "/metrics/replications"]
            columns = np.array([values for _, values in added.values()]).T
            new = f.create_dataset(group + "/metrics/replications",
                                   data=np.hstack([data, columns]))
            for key, extra in (("names", list(added)), ("units", [u for u, _ in added.values()]),
                               ("descriptions", list(added))):
                new.attrs[key] = np.array(attrs[key] + extra, dtype=h5py.string_dtype())


# Four replications each: means 42% and 19.5 days; the 95% half-widths are t(0.975, 3) x sd / 2.
ACCESS_METRICS = {
    "stepdown_primary_care_only_share_3y": ("fraction", [0.41, 0.42, 0.43, 0.42]),
    "stepdown_returned_to_secondary_share_3y": ("fraction", [0.30, 0.30, 0.30, 0.30]),
    "stepdown_cohort_size": ("step-downs", [800.0, 810.0, 790.0, 800.0]),
    "care_partner_mean_wait_days": ("days", [19.0, 20.0, 19.0, 20.0]),
    "care_partner_vacancy_rate": ("fraction", [0.1, 0.1, 0.1, 0.1]),
}


def test_comparison_report_shows_waits_vacancies_and_step_down_per_scenario(comparison_file,
                                                                           tmp_path):
    groups = [f"scenarios/{n}" for n in ("ics_baseline", "ics_partners", "ics_stepdown")]
    _add_metrics(comparison_file, groups, ACCESS_METRICS)
    page = open(build_report(comparison_file, tmp_path / "r", dpi=80).html, encoding="utf-8").read()
    table = page[page.index('<table id="access">'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    cells = [re.findall(r"<td>(.*?)</td>", r) for r in rows]
    by_title = {c[0]: c[1:] for c in cells if c}
    assert list(by_title) == [
        "Care Partner mean wait", "CMHT referral to second contact",
        "CMHT referrals seen within 4 weeks", "Care Partner vacancy rate", "CMHT vacancy rate",
        "Step-down: primary care only at 3 years",
        "Step-down: back under secondary care at 3 years"]
    assert "<th>Step-down discharge and gap-finding</th>" in table
    # sd 0.00816 and 0.577: half-widths 1.30 points and 0.919 days.
    assert by_title["Step-down: primary care only at 3 years"] == [
        "42.0% (95% CI 40.7 to 43.3)"] * 3
    assert by_title["Care Partner mean wait"] == ["19.5 days (95% CI 18.6 to 20.4)"] * 3
    assert by_title["Step-down: back under secondary care at 3 years"] == [
        "30.0% (95% CI 30.0 to 30.0)"] * 3
    assert by_title["Care Partner vacancy rate"] == ["10.0% (95% CI 10.0 to 10.0)"] * 3
    # The CMHT outcomes are not in this file: the report says so instead of failing.
    for title in ("CMHT referral to second contact", "CMHT referrals seen within 4 weeks",
                  "CMHT vacancy rate"):
        assert by_title[title] == ["not in these results"] * 3
    assert "Step-down discharge and gap-finding 800 step-downs (95% CI 787 to 813)" in page


def test_older_files_show_the_access_outcomes_as_missing(run_file, tmp_path):
    page = open(build_report(run_file, tmp_path / "r", dpi=80).html, encoding="utf-8").read()
    table = page[page.index('<table id="access">'):page.index("</table>",
                                                              page.index('<table id="access">'))]
    assert table.count("<td>not in these results</td>") == 7
    assert "Care Partners with supervision not in these results" in page


def test_nan_step_down_shares_read_not_defined(run_file, tmp_path):
    nan = float("nan")
    _add_metrics(run_file, ["/"], {"stepdown_primary_care_only_share_3y": ("fraction", [nan] * 4),
                                   "stepdown_cohort_size": ("step-downs", [0.0] * 4)})
    page = open(build_report(run_file, tmp_path / "r", dpi=80).html, encoding="utf-8").read()
    assert "<td>Step-down: primary care only at 3 years</td><td>not defined</td>" in page
    assert "Care Partners with supervision 0 step-downs" in page
