# Unit tests of the report's cost-effectiveness part on a synthetic comparison file with a
# /cost_effectiveness group: reading it, both figures, the summary paragraph and the page.
import h5py
import numpy as np

from cmhsim_analysis.cost_effectiveness import (plain_language_summary,
                                                read_cost_effectiveness)
from cmhsim_analysis.report import build_report


def _add_cost_effectiveness(path, with_sets=False):
    """Adds a /cost_effectiveness group: 2 compared scenarios, 4 replications, 2 thresholds."""
    with h5py.File(path, "a") as f:
        g = f.create_group("cost_effectiveness")
        g.attrs["baseline"] = "ics_baseline"
        g.attrs["compared"] = np.array([b"ics_partners", b"ics_stepdown"])
        g.attrs["people"] = 20000.0
        g.attrs["replications"] = np.uint64(4)
        g["thresholds"] = np.array([20000.0, 30000.0])
        g["incremental_cost"] = np.array([[100.0, 200, 300, 400], [-10, -20, -30, -40]])
        g["incremental_qalys"] = np.array([[0.01, 0.02, 0.01, 0.02], [0.001, 0.0, 0.002, 0.001]])
        g["icer_mean"] = np.array([250 / 0.015, -25 / 0.001])
        g["icer_ci95"] = np.full((2, 2), np.nan)
        g["net_monetary_benefit_mean"] = np.array([[50.0, 200.0], [45.0, 55.0]])
        g["net_monetary_benefit_ci95"] = np.array([[[-150.0, 250.0], [0.0, 400.0]],
                                                    [[20.0, 70.0], [25.0, 85.0]]])
        g["probability_cost_effective"] = np.array([[0.5, 0.75], [1.0, 1.0]])
        grid = np.arange(0.0, 100001.0, 1000.0)
        g["curve_thresholds"] = grid
        g["acceptability"] = np.vstack([np.clip(grid / 40000.0, 0, 1), np.ones_like(grid)])
        g["evpi_per_person"] = np.array([25.0, 30.0])
        if with_sets:
            f.create_group("parameter_sets")


def test_reads_the_cost_effectiveness_group(comparison_file):
    assert read_cost_effectiveness(comparison_file) is None
    _add_cost_effectiveness(comparison_file)
    ce = read_cost_effectiveness(comparison_file)
    assert ce.compared == ["ics_partners", "ics_stepdown"]
    assert ce.people == 20000.0 and ce.replications == 4
    assert ce.acceptability.shape == (2, 101)
    assert not ce.parameter_sets


def test_the_summary_states_the_share_and_that_it_is_chance_only(comparison_file):
    _add_cost_effectiveness(comparison_file)
    text = plain_language_summary(read_cost_effectiveness(comparison_file))
    assert ("At 20,000 GBP per QALY, Care Partners with supervision are cost-effective in 50% "
            "of 4 replications") in text
    assert "cost 250 GBP more per person" in text
    assert "Step-down discharge and gap-finding are cost-effective in 100%" in text
    assert "cost 25 GBP less per person" in text
    assert "differ only by chance" in text
    assert "25.00 GBP per person, about 500,000 GBP for the place's 20,000 people" in text


def test_the_summary_speaks_of_plausible_worlds_with_parameter_sets(comparison_file):
    _add_cost_effectiveness(comparison_file, with_sets=True)
    text = plain_language_summary(read_cost_effectiveness(comparison_file))
    assert "cost-effective in 50% of 4 plausible worlds" in text
    assert "differ only by chance" not in text


def test_the_report_draws_the_plane_and_the_curve(comparison_file, tmp_path):
    _add_cost_effectiveness(comparison_file)
    report = build_report(comparison_file, tmp_path / "report", dpi=60)
    stems = [f.stem for f in report.figures]
    assert stems == ["timeseries", "differences", "ce_plane", "acceptability", "costs", "equity"]
    for fig in report.figures[2:4]:
        assert open(fig.png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    page = open(report.html, encoding="utf-8").read()
    assert '<table id="cost_effectiveness">' in page
    assert "50 (-150 to 250); 50%" in page
    assert "cost-effective in 50% of 4 replications" in page
