# Unit tests of `python3 -m cmhsim_analysis remeasure`: a stand-in cmhsim copies synthetic run
# files, and the printed rows are checked against Student-t intervals computed here by hand.
import os
import statistics
import subprocess
import sys

import h5py
import numpy as np
import pytest

from conftest import SOURCE_DIR
from cmhsim_analysis import remeasure

# The 0.975 quantiles of Student's t with n - 1 degrees of freedom, for the page's replications.
T975 = {10: 2.2621571627409915, 40: 2.0226909200367595}
OBSERVED_DAYS = 365.25
METRICS = ["primary_care_only_share_12m", "readmission_12m_after_crisis",
           "crises_per_1000_per_year", "mortality_ratio_under_75", "life_years_lost",
           "life_years_lost_men", "life_years_lost_women", "physical_health_check_coverage",
           "cmht_vacancy_rate", "trial_contacts_mean", "trial_no_contact_share",
           "trial_qol_change_difference", "trial_qol_change_difference_ci_lo",
           "trial_qol_change_difference_ci_hi", "trial_qol_change_intervention",
           "trial_qol_change_control", "trial_crises_intervention", "trial_crises_control"]
SERIES = list(remeasure.REGISTER_SERIES) + ["care_partner_leavers", "care_partners_in_post",
                                            "care_partner_vacancies"]
SERVICE_METRICS = ["mean_wait", "mean_in_queue", "mean_in_system", "utilisation",
                   "throughput_per_day", "blocked_fraction", "reneged_fraction"]
FILES = {"ics_baseline": 10, "ics_partners": 10, "ics_partners_unsupervised": 10,
         "partners2_trial": 40, "oneyear": 10}

# The one-year variant's horizon: the baseline file's warm-up and one year.
ONE_YEAR = f"{remeasure.baseline_warmup_days(SOURCE_DIR) + 365.25:g}"

FAKE_CMHSIM = """#!{python}
import os, shutil, sys
args = sys.argv[1:]
with open({log!r}, "a") as f:
    f.write(" ".join(args) + "\\n")
name = os.path.basename(args[1])[:-len(".yaml")]
if {oneyear_arg!r} in args:
    name = "oneyear"
shutil.copy(os.path.join({library!r}, name + ".h5"), args[args.index("-o") + 1])
"""


def _strings(values):
    return np.array(values, dtype=h5py.string_dtype())


def write_pathway_run(path, reps, seed, months=12, settings=()):
    """Writes a run file with random values of every metric, series and person field the page's
    rows read; returns the values written."""
    rng = np.random.default_rng(seed)
    values = {"metrics": rng.uniform(0.1, 0.9, (reps, len(METRICS))),
              "series": rng.uniform(1.0, 40.0, (reps, months, len(SERIES))), "persons": []}
    with h5py.File(path, "w") as f:
        for key, value in (("schema", "cmhsim-results"), ("content", "run"), ("model", "pathway"),
                           ("version", "0.1.0"), ("git_commit", "abc123")):
            f.attrs[key] = value
        f.attrs["schema_version"] = np.int32(2)
        f.attrs["replications"] = np.uint64(reps)
        f.attrs["horizon_days"] = 1000.0 + OBSERVED_DAYS
        f.attrs["warmup_days"] = 1000.0
        f.create_dataset("provenance/scenario_text", data="name: synthetic\n",
                         dtype=h5py.string_dtype())
        f.create_dataset("provenance/parameters", dtype=h5py.string_dtype(), data=[
            ["services.cmht_caseload_per_fte", "35"], ["care_partners.fte", "40"],
            ["care_partners.fte_per_worker", "2"], *settings])
        f["replications/events"] = np.full(reps, 100, dtype="<u8")
        m = f.create_dataset("metrics/replications", data=values["metrics"])
        s = f.create_dataset("series/replications", data=values["series"])
        for d, names in ((m, METRICS), (s, SERIES)):
            for key in ("names", "units", "descriptions"):
                d.attrs[key] = _strings(names)
        for service in ("cmht", "inpatient"):
            d = f.create_dataset(f"services/{service}/replications",
                                 data=rng.uniform(0.5, 1.0, (reps, len(SERVICE_METRICS))))
            for key in ("metrics", "units", "descriptions"):
                d.attrs[key] = _strings(SERVICE_METRICS)
            f[f"services/{service}/arrivals"] = np.zeros(reps, dtype="<u8")
            f[f"services/{service}/completions"] = np.zeros(reps, dtype="<u8")
        f["services"].attrs["order"] = _strings(["cmht", "inpatient"])
        kind = np.dtype([("crises", "<u4"), ("admissions", "<u4"), ("days_observed", "<f8")])
        for r in range(reps):
            people = np.zeros(50, dtype=kind)
            people["crises"] = rng.integers(0, 2, 50)
            people["admissions"] = rng.integers(0, 2, 50)
            people["days_observed"] = np.where(rng.uniform(size=50) < 0.7, OBSERVED_DAYS,
                                               rng.uniform(0, OBSERVED_DAYS, 50))
            f[f"persons/{r}"] = people
            values["persons"].append(people)
    return values


def hand_interval(values, digits, scale=1.0):
    """Returns 'mean [lo, hi]' from a Student-t interval computed here, not by the package."""
    values = [scale * v for v in values]
    mean = statistics.mean(values)
    half = T975[len(values)] * statistics.stdev(values) / len(values) ** 0.5
    return f"{mean:.{digits}f} [{mean - half:.{digits}f}, {mean + half:.{digits}f}]"


@pytest.fixture
def fake_cmhsim(tmp_path):
    """A stand-in cmhsim that copies a synthetic file per scenario; returns it, its log and the
    values of each file."""
    library = tmp_path / "library"
    library.mkdir()
    values = {name: write_pathway_run(library / f"{name}.h5", reps, seed=i, settings=(
        [["horizon_days", ONE_YEAR]] if name == "oneyear" else []))
        for i, (name, reps) in enumerate(FILES.items())}
    exe = tmp_path / "cmhsim"
    log = tmp_path / "calls.log"
    exe.write_text(FAKE_CMHSIM.format(python=sys.executable, log=str(log), library=str(library),
                                      oneyear_arg=f"horizon_days={ONE_YEAR}"))
    exe.chmod(0o755)
    return exe, log, values


def _remeasure_here(capsys, *args):
    """Runs the command in this process; returns (exit code, stdout, stderr)."""
    code = remeasure.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _remeasure(*args):
    env = dict(os.environ, PYTHONPATH=os.path.join(SOURCE_DIR, "analysis"),
               PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "cmhsim_analysis", "remeasure", *map(str, args)],
                          env=env, capture_output=True, text=True, timeout=120)


def _row(stdout, number):
    return next(line for line in stdout.splitlines() if line.startswith(f"row {number}: "))


def test_rows_match_intervals_computed_by_hand(fake_cmhsim, tmp_path, capsys):
    exe, log, values = fake_cmhsim
    code, out, err = _remeasure_here(capsys, "--cmhsim", exe, "--dir", tmp_path / "runs",
                                     "--threads", 1)
    assert code == 0, err
    share = METRICS.index("primary_care_only_share_12m")
    base = [row[share] for row in values["ics_baseline"]["metrics"]]
    oneyear = [row[share] for row in values["oneyear"]["metrics"]]
    assert _row(out, 2) == (f"row 2: primary_care_only_share_12m {hand_interval(base, 3)}; "
                                    f"one-year variant {hand_interval(oneyear, 3)}")

    def leavers_per_worker_year(name):
        series = values[name]["series"]
        leavers = series[:, :, SERIES.index("care_partner_leavers")]
        in_post = series[:, :, SERIES.index("care_partners_in_post")]
        return [sum(leavers[r]) / (sum(in_post[r]) * 30.4375 / 365.25) for r in range(10)]

    supervised = hand_interval(leavers_per_worker_year("ics_partners"), 3)
    unsupervised = hand_interval(leavers_per_worker_year("ics_partners_unsupervised"), 3)
    assert _row(out, 13) == (f"row 13: {supervised} per worker-year; "
                                     f"without supervision {unsupervised}")

    crisis = []
    for people in values["oneyear"]["persons"]:
        throughout = [p for p in people if p["days_observed"] == OBSERVED_DAYS]
        crisis.append(sum(p["crises"] > 0 for p in throughout) / len(throughout))
    mean, bounds = hand_interval(crisis, 1, scale=100).split(" ", 1)
    assert _row(out, 4).startswith(f"row 4: \u2265 1 crisis {mean}% {bounds};")
    calls = log.read_text().splitlines()
    assert len(calls) == 5
    assert calls[0].startswith("run scenarios/ics_baseline.yaml --replications 10 --persons "
                               "--threads 1 --quiet -o ")
    assert f"--set horizon_days={ONE_YEAR} --replications 10 --persons" in calls[4]


def test_reuse_skips_existing_runs_and_is_off_by_default(fake_cmhsim, tmp_path, capsys):
    exe, log, _ = fake_cmhsim
    runs = tmp_path / "runs"
    assert _remeasure_here(capsys, "--cmhsim", exe, "--dir", runs)[0] == 0
    assert _remeasure_here(capsys, "--cmhsim", exe, "--dir", runs, "--reuse")[0] == 0
    assert len(log.read_text().splitlines()) == 5
    assert _remeasure_here(capsys, "--cmhsim", exe, "--dir", runs)[0] == 0
    assert len(log.read_text().splitlines()) == 10


def test_reuse_refuses_a_file_of_another_run(fake_cmhsim, tmp_path, capsys):
    exe, _, _ = fake_cmhsim
    runs = tmp_path / "runs"
    assert _remeasure_here(capsys, "--cmhsim", exe, "--dir", runs)[0] == 0
    (runs / "oneyear.h5").write_bytes((runs / "base.h5").read_bytes())
    code, _, err = _remeasure_here(capsys, "--cmhsim", exe, "--dir", runs, "--reuse")
    assert code == 1
    assert f"oneyear.h5: horizon_days is None, not {ONE_YEAR}" in err


def test_effect_table_has_the_pages_rows(fake_cmhsim, tmp_path, capsys):
    exe, log, values = fake_cmhsim
    code, out, err = _remeasure_here(capsys, "--cmhsim", exe, "--dir", tmp_path / "runs",
                                     "--effects")
    assert code == 0, err
    calls = log.read_text().splitlines()
    assert len(calls) == 5 + 2 * len(remeasure.EFFECT_KEYS)
    assert any("--set clinical.qol_target_vcse=0.2 --replications 40 -" in c for c in calls)
    difference = [row[METRICS.index("trial_qol_change_difference")]
                  for row in values["partners2_trial"]["metrics"]]
    cell = hand_interval(difference, 3)
    # The stand-in ignores --set: every run is the defaults' run, so no crises differ.
    assert (f"| `clinical.qol_target_goal_cap` (0.2\u20130.6) | 0.4 | {cell} | {cell} |"
            in out.splitlines())
    assert out.splitlines()[-1].endswith("in every run")


def test_a_missing_binary_is_named_and_nothing_runs(tmp_path):
    proc = _remeasure("--cmhsim", tmp_path / "no" / "cmhsim", "--dir", tmp_path / "runs")
    assert proc.returncode == 2
    assert "no cmhsim executable at" in proc.stderr
    assert str(tmp_path / "no" / "cmhsim") in proc.stderr
    assert not (tmp_path / "runs").exists()


def test_a_failing_run_is_reported_with_its_error(tmp_path, capsys):
    exe = tmp_path / "cmhsim"
    exe.write_text("#!/bin/sh\necho 'scenario: bad key' >&2\nexit 3\n")
    exe.chmod(0o755)
    code, _, err = _remeasure_here(capsys, "--cmhsim", exe, "--dir", tmp_path / "runs")
    assert code == 1
    assert "exited 3" in err and "scenario: bad key" in err


def test_numbers_are_formatted_as_on_the_page():
    assert remeasure.interval(-0.0391, -0.00349, 0.0811, 3) == "\u22120.039 [\u22120.003, 0.081]"
    assert remeasure.interval(0.0421, -0.0004, 0.084, 3) == "0.042 [0.000, 0.084]"
    assert remeasure.interval(0.2730, 0.2445, 0.3014, 3, sign=True) == "+0.273 [0.244, 0.301]"
    assert (remeasure.interval(0.0894, 0.0873, 0.0916, 1, scale=100, percent=True)
            == "8.9% [8.7, 9.2]")
    assert remeasure.thousands(14979.9, 14925.6, 15034.2) == "14,980 [14,926, 15,034]"


def test_one_year_variant_follows_the_baseline_files_warmup(tmp_path):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "ics_baseline.yaml").write_text(
        "name: b\nhorizon_days: 900\nwarmup_days: 120.5   # months\nservices:\n  warmup_days: 1\n")
    runs = {r.name: r for r in remeasure.doc_runs(str(tmp_path))}
    assert runs["oneyear"].sets == (("horizon_days", "485.75"),)
    assert runs["base"].sets == ()
    (scenarios / "ics_baseline.yaml").write_text("name: b\nservices:\n  warmup_days: 1\n")
    with pytest.raises(remeasure.RemeasureError, match="no top-level warmup_days"):
        remeasure.doc_runs(str(tmp_path))
