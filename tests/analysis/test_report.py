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
