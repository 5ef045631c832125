# Unit tests of reading results files and of the clear errors for files that are not readable.
# Uses synthetic files written in the documented schema by conftest.py.
import h5py
import numpy as np
import pytest

from cmhsim_analysis import Comparison, ResultsError, Run, open_results
from cmhsim_analysis.__main__ import main
from conftest import write_run


def test_run_file_reads_metrics_and_series_by_name(run_file):
    run = open_results(run_file)
    assert isinstance(run, Run)
    assert run.name == "ics_partners"
    assert run.replications == 4 and run.months == 12
    mean, lo, hi, n = run.metric("people_in_gap")
    assert 4890 < mean < 4910 and lo < mean < hi and n == 4
    assert run.metric_unit("bed_occupancy") == "fraction"
    m, lo_s, hi_s = run.series("crises")
    assert m.shape == (12,) and np.all(lo_s <= m) and np.all(m <= hi_s)
    assert run.scenario["care_partners"]["fte"] == 11


def test_comparison_file_reads_differences(comparison_file):
    comp = open_results(comparison_file)
    assert isinstance(comp, Comparison)
    assert comp.order == ["ics_baseline", "ics_partners", "ics_stepdown"]
    assert comp.baseline == "ics_baseline"
    d = comp.differences.set_index(["scenario", "outcome"])
    assert d.loc[("ics_stepdown", "people_in_gap"), "difference"] == -200.0
    assert d.loc[("ics_partners", "people_in_gap"), "lo"] == -105.0


def test_text_file_is_not_a_results_file(tmp_path):
    path = tmp_path / "notes.h5"
    path.write_text("hello")
    with pytest.raises(ResultsError, match="not a cmhsim results file"):
        open_results(path)


def test_hdf5_without_schema_is_rejected(tmp_path):
    path = tmp_path / "other.h5"
    with h5py.File(path, "w") as f:
        f["x"] = np.arange(3)
    with pytest.raises(ResultsError, match="'schema' is missing"):
        open_results(path)
    write_run(path, schema="something-else")
    with pytest.raises(ResultsError, match="'something-else'"):
        open_results(path)


@pytest.mark.parametrize("version", [1, 3, 99])
def test_incompatible_schema_version_is_rejected(tmp_path, version):
    path = tmp_path / "future.h5"
    write_run(path, version=version)
    with pytest.raises(ResultsError, match=f"schema version {version} is not supported"):
        open_results(path)


def test_shards_and_network_runs_get_their_own_messages(tmp_path):
    shard = tmp_path / "shard.h5"
    write_run(shard, content="sweep-shard")
    with pytest.raises(ResultsError, match="cmhsim merge"):
        open_results(shard)
    network = tmp_path / "network.h5"
    write_run(network, model="network")
    with pytest.raises(ResultsError, match="network model"):
        open_results(network)


def test_missing_file_and_exit_codes(tmp_path, capsys):
    with pytest.raises(ResultsError, match="no such file"):
        open_results(tmp_path / "absent.h5")
    assert main([str(tmp_path / "absent.h5"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file" in capsys.readouterr().err
