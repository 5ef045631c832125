# Tests of the parameter-uncertainty split: the analysis of variance recovers known variance
# components, refuses what it cannot separate, and the report shows it for files with sets.
import h5py
import numpy as np
import pytest

from cmhsim_analysis import psa
from cmhsim_analysis.report import build_report
from cmhsim_analysis.results import open_results
from conftest import write_comparison


def _grouped(sets, per_set, between_sd, within_sd, seed=1, uneven=False):
    """Returns (values, set_of, variance of the drawn set effects) from y = 10 + a_set + e."""
    rng = np.random.default_rng(seed)
    effects = rng.normal(0.0, between_sd, sets)
    set_of = np.repeat(np.arange(sets), per_set)
    if uneven:
        set_of = np.concatenate([set_of, np.zeros(per_set, dtype=int)])
    values = 10.0 + effects[set_of] + rng.normal(0.0, within_sd, set_of.size)
    return values, set_of, float(np.var(effects, ddof=1))


def test_the_split_recovers_known_variance_components():
    values, set_of, drawn = _grouped(sets=400, per_set=5, between_sd=2.0, within_sd=1.0)
    split = psa.split_variance(values, set_of)
    assert split.sets == 400
    assert split.replications == 2000
    # The estimate targets the spread of the set effects actually drawn (about 4).
    assert split.between == pytest.approx(drawn, rel=0.1)
    assert split.within == pytest.approx(1.0, rel=0.1)
    assert split.parameter_share == pytest.approx(drawn / (drawn + 1.0), abs=0.03)
    assert split.chance_width == pytest.approx(split.width * np.sqrt(1 - split.parameter_share))


def test_the_split_handles_unequal_set_sizes():
    values, set_of, drawn = _grouped(sets=300, per_set=4, between_sd=1.0, within_sd=2.0,
                                     uneven=True)
    split = psa.split_variance(values, set_of)
    assert split.between == pytest.approx(drawn, rel=0.3)
    assert split.within == pytest.approx(4.0, rel=0.1)


def test_sets_without_effect_give_chance_nearly_all_the_variance():
    values, set_of, _ = _grouped(sets=200, per_set=5, between_sd=0.0, within_sd=1.0)
    split = psa.split_variance(values, set_of)
    assert split.parameter_share < 0.1
    assert split.width == pytest.approx(2 * 1.962 * np.std(values, ddof=1) / np.sqrt(1000),
                                        rel=1e-3)


def test_the_split_refuses_what_it_cannot_separate():
    assert psa.split_variance([1.0, 2.0, 3.0], [0, 1, 2]) is None  # every set once
    assert psa.split_variance([1.0, 2.0, 3.0], [0, 0, 0]) is None  # one set
    assert psa.split_variance([1.0, np.nan, 3.0, 4.0], [0, 0, 1, 1]) is not None


def _add_sets(path, set_of, shifts):
    """Adds the same parameter sets to every scenario of a comparison file and moves the compared
    scenario's people_in_gap by shifts[set] in each replication."""
    with h5py.File(path, "a") as f:
        for i, name in enumerate(f["scenarios"].attrs["order"]):
            g = f["scenarios"][name]
            ps = g.create_group("parameter_sets")
            ps["keys"] = np.array(["care_partners.caseload_per_fte"], dtype=h5py.string_dtype())
            ps["values"] = np.array([[20.0], [40.0]])
            ps["weights"] = np.array([0.5, 0.5])
            ps.attrs["provenance"] = "two sets for a test"
            g["replications/parameter_set"] = np.asarray(set_of, dtype="<u8")
            if i == 1:
                m = g["metrics/replications"]
                values = m[()]
                values[:, 0] += np.asarray(shifts)[set_of]
                m[...] = values


def test_results_read_the_sets_and_the_report_splits_the_width(tmp_path):
    path = tmp_path / "c.h5"
    write_comparison(path)
    set_of = [0, 1, 0, 1]
    _add_sets(path, set_of, shifts=np.array([-50.0, 50.0]))
    comp = open_results(str(path))
    run = comp.runs["ics_partners"]
    assert run.parameter_sets["keys"] == ["care_partners.caseload_per_fte"]
    assert run.parameter_set_of.tolist() == set_of
    assert run.parameter_sets["provenance"] == "two sets for a test"
    rows = {(s, o): split for s, o, split in psa.splits(comp.runs, comp, ["people_in_gap"])}
    split = rows[("ics_partners", "people_in_gap")]
    # A 100-person swing between the two sets against noise of about 1: parameters dominate.
    assert split.parameter_share > 0.95
    report = build_report(str(path), str(tmp_path / "out"), dpi=40)
    page = open(report.html, encoding="utf-8").read()
    assert "<h2>Parameter uncertainty</h2>" in page
    assert 'id="psa"' in page
    assert "two sets for a test" in page


def test_a_report_without_sets_has_no_parameter_uncertainty_section(tmp_path):
    path = tmp_path / "c.h5"
    write_comparison(path)
    page = open(build_report(str(path), str(tmp_path / "out"), dpi=40).html, encoding="utf-8").read()
    assert "Parameter uncertainty" not in page
