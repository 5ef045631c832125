# Unit tests of reading sweep files and of the sweep figures, on synthetic sweeps whose answers are
# known: outcomes that are exact or monotone functions of chosen axes. Files from conftest.py.
import math

import numpy as np
import pytest

from cmhsim_analysis import ResultsError, Sweep, open_results
from cmhsim_analysis.figures_sweep import (frontier_axes, frontier_figure, frontier_lines,
                                           sensitivity_table, tornado_figure)
from cmhsim_analysis.report import build_report
from conftest import write_sweep

FTE, SUP = "care_partners.fte", "supervision.supervisor_fte"
# t(0.975, 3) * sd / sqrt(4) for replications value + (-1, 0, 1, 0): sd = sqrt(2/3).
HALF = 3.182446 * math.sqrt(2.0 / 3.0) / 2.0


def gap(fte, sup):
    return 5000.0 - 100.0 * fte - 40.0 * sup


def factorial(tmp_path, name="factorial.h5", **kwargs):
    """Writes the 3 x 2 factorial sweep over FTE (10, 20, 30) and supervisor FTE (1, 2)."""
    settings = [(f, s) for f in ("10", "20", "30") for s in ("1", "2.0")]
    values = [gap(float(f), float(s)) for f, s in settings]
    path = tmp_path / name
    write_sweep(path, [FTE, SUP], settings, {"people_in_gap": values}, **kwargs)
    return path


def latin_hypercube(tmp_path, points=40):
    """Writes an LHS-like sweep: people in the gap falls with FTE, cost rises with supervisors,
    quality of life depends on neither; each has noise of its own that reorders close points."""
    rng = np.random.default_rng(11)
    fte = rng.permutation((np.arange(points) + rng.uniform(size=points)) / points) * 45 + 5
    sup = rng.permutation((np.arange(points) + rng.uniform(size=points)) / points) * 3.5 + 0.5
    outcomes = {
        "people_in_gap": 6000.0 - 100.0 * fte + rng.normal(0, 50, points),
        "cost_per_person_per_year": 1500.0 + 100.0 * np.exp(sup) + rng.normal(0, 20, points),
        "mean_quality_of_life": 4.4 + rng.normal(0, 0.1, points),
    }
    settings = [(f"{a:.4f}", f"{b:.4f}") for a, b in zip(fte, sup)]
    path = tmp_path / "lhs.h5"
    write_sweep(path, [FTE, SUP], settings, outcomes, design="latin_hypercube", name="lhs")
    return path, fte, sup


def test_sweep_file_reads_design_axes_settings_and_points(tmp_path):
    sweep = open_results(factorial(tmp_path, text="name: sweep_small\naxes: []\n"))
    assert isinstance(sweep, Sweep)
    assert sweep.design == "factorial"
    assert sweep.axes == [FTE, SUP]
    assert sweep.settings[3] == ["20", "2.0"]
    assert [i for i, _ in sweep.points] == [0, 1, 2, 3, 4, 5]
    assert sweep.attrs["sweep_name"] == "sweep_small" and sweep.attrs["points"] == 6
    assert sweep.sweep_text == "name: sweep_small\naxes: []\n"
    np.testing.assert_array_equal(sweep.numeric_settings()[:, 0], [10, 10, 20, 20, 30, 30])
    np.testing.assert_array_equal(sweep.numeric_settings()[:, 1], [1, 2, 1, 2, 1, 2])
    run = sweep.points[3][1]
    assert run.name == "point 3" and run.replications == 4
    mean, lo, hi, n = run.metric("people_in_gap")
    assert mean == pytest.approx(gap(20, 2)) and n == 4
    assert hi - mean == pytest.approx(HALF, abs=1e-5) and mean - lo == pytest.approx(HALF, abs=1e-5)


def test_points_without_an_order_attribute_are_read_in_index_order(tmp_path):
    settings = [(str(i),) for i in range(12)]
    path = tmp_path / "twelve.h5"
    write_sweep(path, [FTE], settings, {"people_in_gap": [100.0 * i for i in range(12)]},
                order=False)
    sweep = open_results(path)
    # HDF5 lists groups as 0, 1, 10, 11, 2, ...; the reader sorts them as numbers.
    assert [i for i, _ in sweep.points] == list(range(12))
    assert [run.metric("people_in_gap")[0] for _, run in sweep.points] == pytest.approx(
        [100.0 * i for i in range(12)])


def test_settings_read_as_numbers_where_cmhsim_reads_numbers(tmp_path):
    path = tmp_path / "mixed.h5"
    write_sweep(path, [FTE, "discharge.policy", "crisis.enabled"],
                [("10", "stepdown", "true"), ("1e1", "'5'", "false")], {})
    values = open_results(path).numeric_settings()
    # 1e1 is a number in YAML 1.2 (cmhsim) though not in PyYAML; words, quotes and booleans are not.
    assert values[:, 0].tolist() == [10.0, 10.0]
    assert np.isnan(values[:, 1:]).all()


def test_a_sweep_of_network_points_is_rejected(tmp_path):
    path = factorial(tmp_path, point_model="network")
    with pytest.raises(ResultsError, match="a sweep of a network model has no pathway outputs"):
        open_results(path)


def test_frontier_axes_prefer_the_workforce_axes(tmp_path):
    path = tmp_path / "three.h5"
    write_sweep(path, ["population.register_size", SUP, FTE], [("1000", "1", "10")], {})
    assert frontier_axes(open_results(path)) == (2, 1)
    write_sweep(path, ["a.b", "c.d", "e.f"], [("x", "1", "2")], {})
    assert frontier_axes(open_results(path)) == (1, 2)
    write_sweep(path, ["a.b", "c.d"], [("x", "1")], {})
    assert frontier_axes(open_results(path)) == (1, None)
    # A Care Partner FTE axis that is not numeric leaves no x axis to draw against.
    write_sweep(path, [FTE, SUP], [("many", "1")], {})
    assert frontier_axes(open_results(path)) is None


def test_a_sweep_without_numeric_axes_has_no_frontier(tmp_path):
    path = tmp_path / "words.h5"
    write_sweep(path, ["discharge.policy"], [("stepdown",), ("none",)], {})
    sweep = open_results(path)
    assert frontier_axes(sweep) is None
    assert frontier_lines(sweep, "people_in_gap") is None
    assert frontier_figure(sweep, tmp_path / "out") is None
    report = build_report(path, tmp_path / "report", dpi=50)
    assert report.figures == []
    assert "No figure fits this sweep" in open(report.html, encoding="utf-8").read()


def test_frontier_lines_are_the_points_means_and_t_intervals(tmp_path):
    lines = frontier_lines(open_results(factorial(tmp_path)), "people_in_gap")
    assert [level for level, *_ in lines] == [1.0, 2.0]
    for level, xs, mean, lo, hi in lines:
        assert xs.tolist() == [10.0, 20.0, 30.0]
        expected = [gap(x, level) for x in xs]
        assert mean == pytest.approx(expected)
        assert lo == pytest.approx(np.array(expected) - HALF, abs=1e-5)
        assert hi == pytest.approx(np.array(expected) + HALF, abs=1e-5)


def test_frontier_averages_points_that_differ_only_on_other_axes(tmp_path):
    settings = [(f, s, r) for f in ("10", "20") for s in ("1",) for r in ("1000", "3000")]
    values = [gap(float(f), 1.0) + float(r) / 100 for f, _, r in settings]
    path = tmp_path / "three_axes.h5"
    write_sweep(path, [FTE, SUP, "population.register_size"], settings, {"people_in_gap": values})
    [(level, xs, mean, lo, hi)] = frontier_lines(open_results(path), "people_in_gap")
    assert level == 1.0 and xs.tolist() == [10.0, 20.0]
    # Register sizes 1000 and 3000 add 10 and 30: their average, 20, at each FTE.
    assert mean == pytest.approx([gap(10, 1) + 20, gap(20, 1) + 20])
    assert hi - mean == pytest.approx([HALF, HALF], abs=1e-5)


def test_factorial_sweep_draws_the_frontier_and_no_tornado(tmp_path):
    sweep = open_results(factorial(tmp_path))
    fig = frontier_figure(sweep, tmp_path / "out", dpi=50)
    assert fig.stem == "frontier" and fig.title == "Workforce frontier"
    assert "mean over 4 replications" in fig.caption and "shaded bands are 95%" in fig.caption
    with open(fig.png, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in open(fig.svg, encoding="utf-8").read()
    assert tornado_figure(sweep, tmp_path / "out") is None


def test_prcc_of_a_latin_hypercube_finds_the_axis_each_outcome_depends_on(tmp_path):
    path, _, _ = latin_hypercube(tmp_path)
    table = sensitivity_table(open_results(path))
    assert set(table) == {"people_in_gap", "cost_per_person_per_year", "mean_quality_of_life",
                          "crises_per_1000_per_year"}
    names, coef, lo, hi = table["people_in_gap"]
    assert names == [FTE, SUP]
    assert coef[0] < -0.99 and lo[0] < coef[0] < hi[0] < -0.98
    assert abs(coef[1]) < 0.35 and lo[1] < 0 < hi[1]
    _, coef, lo, hi = table["cost_per_person_per_year"]
    assert coef[1] > 0.99 and abs(coef[0]) < 0.35 and lo[0] < 0 < hi[0]
    _, coef, lo, hi = table["mean_quality_of_life"]
    assert (np.abs(coef) < 0.35).all() and (lo < 0).all() and (hi > 0).all()


def test_latin_hypercube_draws_a_scatter_frontier_and_a_tornado(tmp_path):
    path, fte, _ = latin_hypercube(tmp_path)
    sweep = open_results(path)
    assert sweep.numeric_settings()[:, 0] == pytest.approx(fte, abs=1e-4)
    frontier = frontier_figure(sweep, tmp_path / "out", dpi=50)
    assert "grey whiskers are 95% confidence intervals" in frontier.caption
    tornado = tornado_figure(sweep, tmp_path / "out", dpi=50)
    assert tornado.stem == "sensitivity"
    assert "over the 40 points of a Latin hypercube" in tornado.caption


def test_sweep_reports_list_points_and_prcc(tmp_path):
    report = build_report(factorial(tmp_path), tmp_path / "factorial", dpi=50)
    assert report.kind == "sweep" and [f.stem for f in report.figures] == ["frontier"]
    page = open(report.html, encoding="utf-8").read()
    assert '<table id="summary">' in page and '<table id="prcc">' not in page
    assert "(6 points)" in page
    path, _, _ = latin_hypercube(tmp_path)
    report = build_report(path, tmp_path / "lhs", dpi=50)
    assert [f.stem for f in report.figures] == ["frontier", "sensitivity"]
    page = open(report.html, encoding="utf-8").read()
    assert '<table id="prcc">' in page
    assert "<td>-1.00</td>" in page and "<td>+1.00</td>" in page
