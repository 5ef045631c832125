# Unit tests of reading calibration files and of their report, on a synthetic calibration whose
# posterior is known. Writes the documented layout with h5py; knows no C++.
import h5py
import numpy as np

from cmhsim_analysis import open_results
from cmhsim_analysis.calibration import Calibration
from cmhsim_analysis.report import build_report

KEYS = ["clinical.struggling_to_crisis_per_year", "services.physical_check_probability"]
LABELS = ["crises_per_1000_per_year", "physical_health_check_coverage"]


def _strings(values):
    return np.array(values, dtype=h5py.string_dtype())


def write_calibration(path, n=50):
    """Writes a two-generation calibration of two parameters to two targets."""
    rng = np.random.default_rng(3)
    values = np.column_stack([rng.uniform(0.7, 0.9, n), rng.uniform(0.3, 0.5, n)])
    weights = np.full(n, 1.0 / n)
    predicted = np.column_stack([120.0 * values[:, 0], values[:, 1] + 0.05])
    with h5py.File(path, "w") as f:
        f.attrs["schema"] = "cmhsim-results"
        f.attrs["schema_version"] = np.int32(2)
        f.attrs["content"] = "calibration"
        f.attrs["calibration_name"] = "toy"
        f.attrs["method"] = "abc_smc"
        f.attrs["runs"] = np.uint64(400)
        f.create_dataset("calibration/text", data="scenario: x.yaml\n", dtype=h5py.string_dtype())
        f["priors/keys"] = _strings(KEYS)
        f["priors/lo"] = np.array([0.5, 0.2])
        f["priors/hi"] = np.array([1.5, 0.6])
        f["parameter_sets/keys"] = _strings(KEYS)
        f["parameter_sets/values"] = values
        f["parameter_sets/weights"] = weights
        f["targets/labels"] = _strings(LABELS)
        f["targets/observed"] = np.array([96.0, 0.45])
        f["targets/sd"] = np.array([5.0, 0.02])
        f["targets/predicted_mean"] = predicted.mean(axis=0)
        f["targets/predicted_lo"] = np.quantile(predicted, 0.025, axis=0)
        f["targets/predicted_hi"] = np.quantile(predicted, 0.975, axis=0)
        f["posterior/mean"] = values.mean(axis=0)
        f["posterior/lo"] = np.quantile(values, 0.025, axis=0)
        f["posterior/hi"] = np.quantile(values, 0.975, axis=0)
        f["generations/tolerance"] = np.array([np.inf, 2.0])
        f["generations/1/predicted"] = predicted
    return values


def test_calibration_file_is_read_with_its_last_generation(tmp_path):
    values = write_calibration(tmp_path / "cal.h5")
    cal = open_results(tmp_path / "cal.h5")
    assert isinstance(cal, Calibration)
    assert cal.keys == KEYS
    assert cal.labels == LABELS
    np.testing.assert_array_equal(cal.values, values)
    assert cal.predicted.shape == (50, 2)
    assert cal.prior_hi[0] == 1.5


def test_calibration_report_draws_marginals_pairs_and_targets(tmp_path):
    write_calibration(tmp_path / "cal.h5")
    report = build_report(tmp_path / "cal.h5", tmp_path / "out", dpi=50)
    assert report.kind == "calibration"
    assert [f.stem for f in report.figures] == ["calibration_marginals", "calibration_pairs",
                                                "calibration_targets"]
    html = open(report.html, encoding="utf-8").read()
    assert "clinical.struggling_to_crisis_per_year" in html
    assert "physical_health_check_coverage" in html
    assert "400 model runs" in html
