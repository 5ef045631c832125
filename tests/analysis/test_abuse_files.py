# Bad results files given to the analysis: stored text that is not UTF-8, damaged seals and
# flipped bytes all give ResultsError (exit 2 from the command line), never a traceback.
import zlib

import h5py
import numpy as np
import pytest

from conftest import write_run
from cmhsim_analysis.__main__ import main
from cmhsim_analysis.results import ResultsError, open_results


def _replace_scenario_text(path, raw):
    """Rewrites provenance/scenario_text as the raw bytes `raw`, not checked as UTF-8."""
    with h5py.File(path, "r+") as f:
        del f["provenance/scenario_text"]
        f.create_dataset("provenance/scenario_text", data=np.bytes_(raw),
                         dtype=h5py.string_dtype("utf-8"))


def _seal(path):
    """Writes a user block seal as cmhsim does, into a copy of `path` with a 512-byte user block."""
    data = open(path, "rb").read()
    with h5py.File(path, "r") as f:
        assert f.userblock_size == 512
    head = b"cmhsim-seal-1\n"
    body = data[len(head) + 8:]
    with open(path, "wb") as out:
        out.write(head + b"%08x" % zlib.crc32(body) + body)


def test_stored_scenario_text_that_is_not_utf8_is_a_results_error(tmp_path, capsys):
    path = tmp_path / "run.h5"
    write_run(path)
    _replace_scenario_text(path, b"name: x\ndescription: costs in \xa3\n")
    with pytest.raises(ResultsError, match="not valid UTF-8"):
        open_results(path)
    assert main([str(path), "-o", str(tmp_path / "report")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def _sealed_run(tmp_path):
    path = tmp_path / "sealed.h5"
    with h5py.File(path, "w", userblock_size=512) as f:
        f.attrs["schema"] = "cmhsim-results"
    write_run(tmp_path / "plain.h5")
    with h5py.File(tmp_path / "plain.h5", "r") as src, h5py.File(path, "a") as dst:
        for key, value in src.attrs.items():
            dst.attrs[key] = value
        for name in src:
            src.copy(src[name], dst, name)
    _seal(path)
    return path


def test_a_sealed_file_reads_and_a_flipped_byte_is_refused(tmp_path):
    path = _sealed_run(tmp_path)
    assert open_results(path).replications == 4
    data = bytearray(open(path, "rb").read())
    rng = np.random.default_rng(7)
    for _ in range(20):
        flipped = bytearray(data)
        flipped[int(rng.integers(0, len(data)))] ^= 1 << int(rng.integers(0, 8))
        bad = tmp_path / "bad.h5"
        bad.write_bytes(bytes(flipped))
        with pytest.raises(ResultsError):
            open_results(bad)
