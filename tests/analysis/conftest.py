# Shared pytest fixtures for the analysis package: import path and small synthetic results files.
# Writes files in the documented schema (docs/results-schema.md) with h5py; knows no C++.
import os
import sys

import h5py
import matplotlib
import numpy as np
import pytest

SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "analysis"))
# The package leaves the backend to its caller; tests draw to files only, display or not.
matplotlib.use("Agg")

GROUPS = ["diverse_active", "family_stable", "formal_sparse", "white", "black", "asian", "mixed",
          "other", "schizophrenia", "bipolar", "other_psychosis"]
KINDS = ["network"] * 3 + ["ethnicity"] * 5 + ["diagnosis"] * 3
METRICS = ([("people_in_gap", "people"), ("crises_per_1000_per_year", "per 1000 person-years"),
            ("bed_occupancy", "fraction"), ("mean_quality_of_life", "MANSA 1-7"),
            ("cost_per_person_per_year", "GBP/person-year")]
           + [(f"crises_per_1000_per_year.by_{k}.{g}", "per 1000 person-years")
              for k, g in zip(KINDS, GROUPS)])
SERIES = [("people_in_gap", "people"), ("crises", "crises"), ("bed_occupancy", "fraction"),
          ("mean_quality_of_life", "MANSA 1-7"), ("cost_primary_care", "GBP"),
          ("cost_cmht", "GBP")]


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: end-to-end test that runs cmhsim and Chromium")


def _strings(values):
    return np.array(values, dtype=h5py.string_dtype())


def write_run_group(g, name, shift, reps=4, months=12, seed=0):
    """Writes a run-layout group whose metric values are base + shift + noise."""
    rng = np.random.default_rng(seed)
    g.attrs["seed"] = np.uint64(7)
    g.attrs["replications"] = np.uint64(reps)
    g.attrs["version"] = "0.1.0"
    g.attrs["git_commit"] = "abc123"
    g.attrs["horizon_days"] = 730.5
    g.attrs["warmup_days"] = 365.25
    text = (f"name: {name}\nhorizon_days: 730.5\ncare_partners:\n  fte: {10 + shift}\n"
            "population:\n  register_size: 15000\n")
    g.create_dataset("provenance/scenario_text", data=text, dtype=h5py.string_dtype())
    parameters = [["name", name], ["horizon_days", "730.5"], ["care_partners.fte", str(10 + shift)],
                  ["population.register_size", "15000"], ["population.age_mean", "48"]]
    g.create_dataset("provenance/parameters", data=parameters, dtype=h5py.string_dtype())
    g.create_dataset("replications/events", data=np.full(reps, 1000, dtype="<u8"))
    base = np.array([5000.0 - 100 * shift, 100.0, 0.85, 4.4 + 0.01 * shift, 2000.0]
                    + [100.0 + i for i in range(11)])
    m = g.create_dataset("metrics/replications", data=base + rng.normal(0, 1, (reps, len(base))))
    m.attrs["names"] = _strings([n for n, _ in METRICS])
    m.attrs["units"] = _strings([u for _, u in METRICS])
    m.attrs["descriptions"] = _strings([n for n, _ in METRICS])
    sbase = np.array([5000.0 - 100 * shift, 140.0, 0.85, 4.4, 1e5, 2e5])
    s = g.create_dataset("series/replications",
                         data=sbase + rng.normal(0, 1, (reps, months, len(SERIES))))
    for key, values in (("names", [n for n, _ in SERIES]), ("units", [u for _, u in SERIES]),
                        ("descriptions", [n for n, _ in SERIES])):
        s.attrs[key] = _strings(values)


def write_comparison(path, names=("ics_baseline", "ics_partners"), version=2):
    """Writes a synthetic comparison file with paired differences of scenario i: -100 i people."""
    with h5py.File(path, "w") as f:
        f.attrs["schema"] = "cmhsim-results"
        f.attrs["schema_version"] = np.int32(version)
        f.attrs["content"] = "comparison"
        f.attrs["model"] = "pathway"
        f.attrs["replications"] = np.uint64(4)
        f.attrs["seed"] = np.uint64(7)
        sc = f.create_group("scenarios")
        sc.attrs["order"] = _strings(list(names))
        for i, name in enumerate(names):
            write_run_group(sc.create_group(name), name, shift=i, seed=i)
        c = f.create_group("comparison")
        outcomes = [n for n, _ in METRICS]
        c.attrs["names"] = _strings(outcomes)
        c.attrs["units"] = _strings([u for _, u in METRICS])
        c.attrs["descriptions"] = _strings(outcomes)
        c.attrs["baseline"] = names[0]
        c.attrs["compared"] = _strings(list(names[1:]))
        k = len(names) - 1
        diff = np.zeros((k, len(outcomes)))
        diff[:, 0] = [-100.0 * (i + 1) for i in range(k)]
        c["difference_mean"] = diff
        c["ci95_lo"] = diff - 5
        c["ci95_hi"] = diff + 5
        c["n"] = np.full((k, len(outcomes)), 4, dtype="<u8")
        c["unpaired_ci95_lo"] = diff - 20
        c["unpaired_ci95_hi"] = diff + 20
        for key in ("scenario_mean", "scenario_ci95_lo", "scenario_ci95_hi"):
            c[key] = np.zeros((len(names), len(outcomes)))
        c["scenario_n"] = np.full((len(names), len(outcomes)), 4, dtype="<u8")


def write_run(path, version=2, model="pathway", schema="cmhsim-results", content="run"):
    """Writes a synthetic run file (root attributes adjustable to make bad files)."""
    with h5py.File(path, "w") as f:
        if schema is not None:
            f.attrs["schema"] = schema
        f.attrs["schema_version"] = np.int32(version)
        f.attrs["content"] = content
        f.attrs["model"] = model
        write_run_group(f, "ics_partners", shift=1)


# Each sweep point's replications are its outcome value plus these deviations (mean 0, sd
# sqrt(2/3)), so a point's mean is the value and its 95% half-width t(0.975, 3) sqrt(2/3) / 2.
SWEEP_REP_DEVIATIONS = np.array([-1.0, 0.0, 1.0, 0.0])


def write_sweep(path, axes, settings, outcomes, design="factorial", name="sweep_small",
                point_model="pathway", order=True, text="name: sweep_small\n"):
    """Writes a synthetic sweep file: point i has settings[i] and outcome values outcomes[k][i]."""
    reps = len(SWEEP_REP_DEVIATIONS)
    with h5py.File(path, "w") as f:
        f.attrs["schema"] = "cmhsim-results"
        f.attrs["schema_version"] = np.int32(2)
        f.attrs["content"] = "sweep"
        f.attrs["sweep_name"] = name
        f.attrs["design"] = design
        f.attrs["version"] = "0.1.0"
        f.attrs["git_commit"] = "abc123"
        f.attrs["points"] = np.uint64(len(settings))
        f.attrs["points_stored"] = np.uint64(len(settings))
        sw = f.create_group("sweep")
        sw.attrs["path"] = "sweeps/sweep_small.yaml"
        sw.create_dataset("text", data=text, dtype=h5py.string_dtype())
        sw["axes"] = _strings(axes)
        sw["settings"] = np.array([list(row) for row in settings], dtype=h5py.string_dtype())
        points = f.create_group("points")
        if order:
            points.attrs["order"] = _strings([str(i) for i in range(len(settings))])
        # Groups are created last to first: readers must not rely on creation order.
        for i in reversed(range(len(settings))):
            g = points.create_group(str(i))
            write_run_group(g, f"point {i}", shift=0, reps=reps, seed=i)
            g.attrs["model"] = point_model
            g.attrs["sweep_point"] = np.uint64(i)
            g.attrs["axes"] = _strings(axes)
            g.attrs["settings"] = _strings(settings[i])
            m = g["metrics/replications"]
            names = list(m.attrs["names"])
            for outcome, values in outcomes.items():
                m[:, names.index(outcome)] = values[i] + SWEEP_REP_DEVIATIONS


@pytest.fixture
def comparison_file(tmp_path):
    path = tmp_path / "comparison.h5"
    write_comparison(path, names=("ics_baseline", "ics_partners", "ics_stepdown"))
    return path


@pytest.fixture
def run_file(tmp_path):
    path = tmp_path / "run.h5"
    write_run(path)
    return path
