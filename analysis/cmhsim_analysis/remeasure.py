# Re-measures the model values of docs/calibration.md: runs that page's cmhsim commands and prints
# rows 1-15 and the effect-parameter table in the page's own number formats, to compare by eye.
"""Re-measurement of docs/calibration.md: the page's runs, then each row's values as it quotes them.

Each row's value is computed as the row says: per replication first, then the mean over the
replications with its Student-t 95% interval (stats.mean_ci). The effect-parameter table runs the
trial scenario at each end of the plausible range that docs/parameters.md gives each effect.
"""

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import h5py
import numpy as np

from .results import ResultsError, open_results
from .stats import mean_ci

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
PROG = "cmhsim_analysis remeasure"
SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# The ICS the ICS scenarios describe (row 1 divides the register by it).
ICS_POPULATION = 1_500_000
DAYS_PER_MONTH, DAYS_PER_YEAR = 30.4375, 365.25
TRIAL_SCENARIO, TRIAL_REPLICATIONS = "scenarios/partners2_trial.yaml", 40
MINUS = "\u2212"
# The effect parameters of the page's table, in its order; defaults and ranges are read from
# docs/parameters.md.
EFFECT_KEYS = (
    "clinical.care_partner_hazard_ratio",
    "clinical.care_partner_recovery_ratio",
    "clinical.qol_target_per_goal",
    "clinical.qol_target_goal_cap",
    "clinical.qol_goal_half_life_years",
    "care_partners.goal_achieve_probability",
    "care_partners.goal_set_probability",
    "care_partners.rapport_contacts",
    "clinical.vcse_hazard_ratio",
    "clinical.qol_target_vcse",
    "services.vcse_referral_probability",
    "care_partners.competence_initial",
    "supervision.half_effect_hours_per_care_partner",
)
REGISTER_SERIES = ("people_primary_care", "people_care_partner", "people_cmht",
                   "people_outpatients", "people_crisis_team", "people_inpatient")


class RemeasureError(Exception):
    """A run that cannot be made or read; the message says which and why."""


@dataclass(frozen=True)
class RunSpec:
    """One `cmhsim run` of the page: its output name, scenario, replications and settings."""

    name: str
    scenario: str
    replications: int
    persons: bool = False
    sets: tuple = ()  # ((key, value text), ...)

    def arguments(self):
        """Returns the arguments after `cmhsim run` that the page gives (without -o)."""
        args = [self.scenario]
        for key, value in self.sets:
            args += ["--set", f"{key}={value}"]
        args += ["--replications", str(self.replications)]
        return args + (["--persons"] if self.persons else [])


BASELINE_SCENARIO = "scenarios/ics_baseline.yaml"


def baseline_warmup_days(source_dir):
    """Returns the `warmup_days` of the baseline scenario file in source_dir."""
    path = os.path.join(source_dir, BASELINE_SCENARIO)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise RemeasureError(f"cannot read {path}: {e.strerror}") from e
    match = re.search(r"^warmup_days:\s*([0-9.]+)", text, re.MULTILINE)
    if not match:
        raise RemeasureError(f"{path}: no top-level warmup_days")
    return float(match.group(1))


def doc_runs(source_dir):
    """Returns the page's five runs; the one-year variant observes exactly the first year after
    the baseline file's warm-up."""
    one_year = f"{baseline_warmup_days(source_dir) + 365.25:g}"
    return (
        RunSpec("base", BASELINE_SCENARIO, 10, persons=True),
        RunSpec("partners", "scenarios/ics_partners.yaml", 10),
        RunSpec("unsupervised", "scenarios/ics_partners_unsupervised.yaml", 10),
        RunSpec("trial", TRIAL_SCENARIO, TRIAL_REPLICATIONS, persons=True),
        RunSpec("oneyear", BASELINE_SCENARIO, 10, persons=True,
                sets=(("horizon_days", one_year),)),
    )


@dataclass(frozen=True)
class Effect:
    """An effect parameter of the table: its key, default and plausible range as text."""

    key: str
    default: str
    low: str
    high: str

    def run(self, end):
        """Returns the trial run at the 'low' or 'high' end of the range."""
        value = self.low if end == "low" else self.high
        return RunSpec(f"effect_{self.key}_{end}", TRIAL_SCENARIO, TRIAL_REPLICATIONS,
                       sets=((self.key, value),))


# Number formats of the page.

def fixed(x, digits):
    """Returns x with a fixed number of decimals, a minus sign for negatives and no '-0'."""
    text = f"{x:.{digits}f}"
    if text.startswith("-"):
        text = text[1:] if float(text[1:]) == 0 else MINUS + text[1:]
    return text


def interval(mean, lo, hi, digits, scale=1.0, sign=False, percent=False):
    """Returns 'mean [lo, hi]' with each value times scale; the mean signed if sign, and
    followed by '%' if percent (as in '8.9% [8.7, 9.2]')."""
    m = fixed(mean * scale, digits)
    if sign and mean * scale >= 0:
        m = "+" + m
    if percent:
        m += "%"
    return f"{m} [{fixed(lo * scale, digits)}, {fixed(hi * scale, digits)}]"


def thousands(mean, lo, hi):
    """Returns 'mean [lo, hi]' as whole numbers with thousands separators."""
    return f"{mean:,.0f} [{lo:,.0f}, {hi:,.0f}]"


def summary(values):
    """Returns (mean, lo, hi) over per-replication values."""
    mean, lo, hi, _ = mean_ci(np.asarray(values, dtype=float))
    return float(mean), float(lo), float(hi)


def metric(run, name):
    """Returns (mean, lo, hi) of an end-of-run metric; raises RemeasureError if it is missing."""
    mean, lo, hi, n = run.metric(name)
    if n == 0:
        raise RemeasureError(f"{run.name}: no values of the metric {name}")
    return mean, lo, hi


def named(run, name, digits):
    """Returns 'name mean [lo, hi]' of an end-of-run metric."""
    return f"{name} {interval(*metric(run, name), digits)}"


def service_metric(run, service, name):
    """Returns a service metric's per-replication values from the run's file."""
    with h5py.File(run.path, "r") as f:
        reps = f[f"services/{service}/replications"]
        names = [str(n) for n in reps.attrs["metrics"]]
        return np.asarray(reps[:, names.index(name)], dtype=float)


# The rows. Each takes the runs by name and returns the row's text.

def row_register(runs):
    """Row 1: the six people_* series summed, mean over recorded months and at the horizon."""
    base = runs["base"]
    register = sum(base.series_per_replication(s) for s in REGISTER_SERIES)
    months = summary(register.mean(axis=1))
    horizon = summary(register[:, -1])
    share = 100.0 / ICS_POPULATION
    return (f"people on the register {thousands(*months)} people = "
            f"{interval(*months, 3, scale=share, percent=True)}; "
            f"at the horizon {thousands(*horizon)} = {fixed(horizon[0] * share, 3)}%")


def row_primary_care_only(runs):
    """Row 2: primary_care_only_share_12m, in the baseline and the one-year variant."""
    name = "primary_care_only_share_12m"
    return (f"{named(runs['base'], name, 3)}; "
            f"one-year variant {interval(*metric(runs['oneyear'], name), 3)}")


def row_length_of_stay(runs):
    """Row 3: in-area length of stay by Little's law, per replication."""
    base = runs["base"]
    stay = (service_metric(base, "inpatient", "mean_in_system")
            / service_metric(base, "inpatient", "throughput_per_day"))
    return f"inpatient mean_in_system / throughput_per_day {interval(*summary(stay), 1)} days"


def persons_with_events(run):
    """Returns per replication the percentages of people registered throughout the observed
    period with >= 1 crisis and with >= 1 admission in it (from /persons)."""
    observed = run.attrs["horizon_days"] - run.attrs["warmup_days"]
    crisis, admission = [], []
    with h5py.File(run.path, "r") as f:
        if "persons" not in f:
            raise RemeasureError(f"{run.path}: no /persons (the run needs --persons)")
        for r in range(run.replications):
            people = f[f"persons/{r}"][()]
            throughout = people["days_observed"] >= observed - 1e-6
            crisis.append(100.0 * np.mean(people["crises"][throughout] > 0))
            admission.append(100.0 * np.mean(people["admissions"][throughout] > 0))
    return crisis, admission


def row_relapse(runs):
    """Row 4: people with crises and admissions in the one-year variant; readmission and the
    crisis rate in the baseline."""
    crisis, admission = persons_with_events(runs["oneyear"])
    readmission = metric(runs["base"], "readmission_12m_after_crisis")
    crises = metric(runs["base"], "crises_per_1000_per_year")
    return (f"\u2265 1 crisis {interval(*summary(crisis), 1, percent=True)}; "
            f"\u2265 1 admission {interval(*summary(admission), 1, percent=True)}; "
            f"readmission_12m_after_crisis {interval(*readmission, 3)}; "
            f"{interval(*crises, 1)} crises per 1000 person-years")


def row_mortality_ratio(runs):
    """Row 5: mortality_ratio_under_75."""
    return named(runs["base"], "mortality_ratio_under_75", 2)


def row_life_years(runs):
    """Row 6: life-years lost by sex and for both."""
    base = runs["base"]
    parts = [f"{label} {interval(*metric(base, name), 1)}" for label, name in
             (("men", "life_years_lost_men"), ("women", "life_years_lost_women"),
              ("both", "life_years_lost"))]
    return "; ".join(parts) + " years"


def row_trial_contacts(runs):
    """Row 7: trial_contacts_mean."""
    return named(runs["trial"], "trial_contacts_mean", 2)


def row_trial_no_contact(runs):
    """Row 8: trial_no_contact_share."""
    return named(runs["trial"], "trial_no_contact_share", 3)


def row_trial_difference(runs):
    """Row 9: the MANSA difference and the mean bounds of the single trials' intervals."""
    trial = runs["trial"]
    lo = metric(trial, "trial_qol_change_difference_ci_lo")[0]
    hi = metric(trial, "trial_qol_change_difference_ci_hi")[0]
    difference = metric(trial, "trial_qol_change_difference")
    return (f"trial_qol_change_difference {interval(*difference, 3)}; "
            f"typical single-trial interval [{fixed(lo, 3)}, {fixed(hi, 3)}]")


def row_trial_arms(runs):
    """Row 10: MANSA change in each arm."""
    trial = runs["trial"]
    return "; ".join(f"{arm} {interval(*metric(trial, f'trial_qol_change_{arm}'), 3, sign=True)}"
                     for arm in ("intervention", "control"))


def row_trial_crises(runs):
    """Row 11: crises per arm and the trial population's crisis rate."""
    trial = runs["trial"]
    rate = metric(trial, "crises_per_1000_per_year")
    return (f"intervention {interval(*metric(trial, 'trial_crises_intervention'), 2)}; "
            f"control {interval(*metric(trial, 'trial_crises_control'), 2)}; "
            f"{interval(*rate, 1)} crises per 1000 person-years")


def row_cmht_caseload(runs):
    """Row 12: CMHT utilisation times the slots per FTE."""
    base = runs["base"]
    slots = float(base.parameters["services.cmht_caseload_per_fte"])
    use = summary(service_metric(base, "cmht", "utilisation"))
    return (f"{interval(*use, 1, scale=slots)} people per FTE (utilisation {interval(*use, 3)} "
            f"of the {slots:g} slots per FTE)")


def leaver_rate(run):
    """Returns per replication Care Partner leavers per worker-year in post after warm-up."""
    leavers = run.series_per_replication("care_partner_leavers").sum(axis=1)
    in_post = run.series_per_replication("care_partners_in_post").sum(axis=1)
    return leavers / (in_post * DAYS_PER_MONTH / DAYS_PER_YEAR)


def vacancy_percent(run):
    """Returns per replication the mean over recorded months of vacant Care Partner posts, in %."""
    posts = (float(run.parameters["care_partners.fte"])
             / float(run.parameters["care_partners.fte_per_worker"]))
    return 100.0 * run.series_per_replication("care_partner_vacancies").mean(axis=1) / posts


def row_leavers(runs):
    """Row 13: Care Partner leavers per worker-year, with and without supervision."""
    return (f"{interval(*summary(leaver_rate(runs['partners'])), 3)} per worker-year; "
            f"without supervision {interval(*summary(leaver_rate(runs['unsupervised'])), 3)}")


def row_vacancies(runs):
    """Row 14: vacant Care Partner posts, with and without supervision; CMHT coordinators."""
    cmht = metric(runs["partners"], "cmht_vacancy_rate")[0]
    supervised, unsupervised = (summary(vacancy_percent(runs[name]))
                                for name in ("partners", "unsupervised"))
    return (f"{interval(*supervised, 1, percent=True)}; "
            f"without supervision {interval(*unsupervised, 1, percent=True)}; "
            f"CMHT coordinators (cmht_vacancy_rate) {fixed(100.0 * cmht, 1)}%")


def row_health_checks(runs):
    """Row 15: physical_health_check_coverage."""
    return named(runs["base"], "physical_health_check_coverage", 3)


ROWS = (row_register, row_primary_care_only, row_length_of_stay, row_relapse, row_mortality_ratio,
        row_life_years, row_trial_contacts, row_trial_no_contact, row_trial_difference,
        row_trial_arms, row_trial_crises, row_cmht_caseload, row_leavers, row_vacancies,
        row_health_checks)


# The effect-parameter table.

def read_effects(source_dir, keys=EFFECT_KEYS):
    """Returns an Effect per key with the default and range of docs/parameters.md's table."""
    path = os.path.join(source_dir, "docs", "parameters.md")
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise RemeasureError(f"cannot read the parameter ranges: {e}") from e
    rows = {}
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells
    effects = []
    for key in keys:
        if key not in rows or "\u2013" not in rows[key][4]:
            raise RemeasureError(f"{path}: no plausible range 'low\u2013high' for {key}")
        low, high = rows[key][4].split("\u2013")
        effects.append(Effect(key, rows[key][3], low.strip(), high.strip()))
    return effects


def effect_cell(run, defaults):
    """Returns a table cell: the MANSA difference, and the intervention arm's crises where they
    differ from the defaults' at the page's two decimals."""
    cell = interval(*metric(run, "trial_qol_change_difference"), 3)
    crises = fixed(metric(run, "trial_crises_intervention")[0], 2)
    if crises != fixed(metric(defaults, "trial_crises_intervention")[0], 2):
        cell += f"; {crises}"
    return cell


def effect_table(effects, runs):
    """Returns the effect-parameter table's markdown lines and a line on the control arm."""
    defaults = runs["trial"]
    lines = ["| parameter | default | at the low end | at the high end |", "|---|---|---|---|",
             f"| (defaults) | | {interval(*metric(defaults, 'trial_qol_change_difference'), 3)}; "
             f"crises {fixed(metric(defaults, 'trial_crises_intervention')[0], 2)} | |"]
    controls = {fixed(metric(defaults, "trial_crises_control")[0], 2)}
    for e in effects:
        low, high = runs[e.run("low").name], runs[e.run("high").name]
        lines.append(f"| `{e.key}` ({e.low}\u2013{e.high}) | {e.default} | "
                     f"{effect_cell(low, defaults)} | {effect_cell(high, defaults)} |")
        controls |= {fixed(metric(r, "trial_crises_control")[0], 2) for r in (low, high)}
    if len(controls) == 1:
        lines.append(f"control arm's crises: {controls.pop()} in every run")
    else:
        lines.append(f"control arm's crises differ between runs: {', '.join(sorted(controls))}")
    return lines


# Running cmhsim.

def check_reused(run, spec):
    """Raises RemeasureError unless a reused file holds the run the spec asks for."""
    if int(run.attrs.get("replications", -1)) != spec.replications:
        raise RemeasureError(f"{run.path}: {run.attrs.get('replications')} replications, not "
                             f"{spec.replications}; run again without --reuse")
    for key, value in spec.sets:
        stored = run.parameters.get(key)
        if stored is None or float(stored) != float(value):
            raise RemeasureError(f"{run.path}: {key} is {stored}, not {value}; run again "
                                 "without --reuse")


def is_input(path, source_dir):
    """Returns whether path is one of the tree's scenario files (never an output)."""
    scenarios = os.path.realpath(os.path.join(source_dir, "scenarios"))
    return os.path.realpath(path).startswith(scenarios + os.sep)


def make_run(spec, cmhsim, run_dir, source_dir, threads, reuse):
    """Runs one `cmhsim run` into run_dir/NAME.h5 (unless reused) and returns the file read."""
    out = os.path.join(run_dir, f"{spec.name}.h5")
    if is_input(out, source_dir):
        raise RemeasureError(f"{out}: the output would be written among the scenario files")
    if reuse and os.path.exists(out):
        print(f"reusing {out}", file=sys.stderr)
    else:
        if os.path.exists(out):
            try:
                open_results(out)
            except ResultsError as e:
                raise RemeasureError(f"{out} exists and is not a cmhsim results file; not "
                                     f"replacing it ({e})") from e
        command = [cmhsim, "run", *spec.arguments(), "--threads", str(threads), "--quiet",
                   "-o", out]
        print("running: " + " ".join(command), file=sys.stderr)
        proc = subprocess.run(command, cwd=source_dir, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise RemeasureError(f"cmhsim run {' '.join(spec.arguments())} exited "
                                 f"{proc.returncode}:\n{proc.stderr.strip()}")
    try:
        run = open_results(out)
    except ResultsError as e:
        raise RemeasureError(str(e)) from e
    run.path = out
    if reuse:
        check_reused(run, spec)
    return run


def measure(cmhsim, run_dir, source_dir=SOURCE_DIR, effects=False, threads=0, reuse=False):
    """Makes the page's runs and returns the lines to print: the rows, then the table if asked."""
    effect_list = read_effects(source_dir) if effects else []
    specs = list(doc_runs(source_dir)) + [e.run(end) for e in effect_list for end in ("low", "high")]
    runs = {s.name: make_run(s, cmhsim, run_dir, source_dir, threads, reuse) for s in specs}
    base = runs["base"]
    lines = [f"measured with cmhsim {base.attrs.get('version')} at {base.attrs.get('git_commit')}"]
    lines += [f"row {i}: {row(runs)}" for i, row in enumerate(ROWS, start=1)]
    if effects:
        lines += [""] + effect_table(effect_list, runs)
    return lines


def check_cmhsim(path):
    """Raises RemeasureError unless path is an executable file."""
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise RemeasureError(f"no cmhsim executable at {path} (build it with `cmake --build "
                             "--preset release --target cmhsim` and pass its path)")


def main(argv=None):
    """Parses arguments, makes the runs, prints the values and returns the exit code."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run the commands of docs/calibration.md and print every model value of its "
                    "rows 1-15 (and, with --effects, of its effect-parameter table) in the page's "
                    "number formats.")
    parser.add_argument("--cmhsim", required=True, help="the cmhsim executable to run")
    parser.add_argument("--dir", required=True, help="directory for the runs' HDF5 files (created)")
    parser.add_argument("--effects", action="store_true",
                        help="also make the 26 effect-parameter runs and print the table")
    parser.add_argument("--threads", type=int, default=0,
                        help="worker threads per run; 0 = all cores (default; results do not "
                             "depend on it)")
    parser.add_argument("--reuse", action="store_true",
                        help="read a run's file if it already exists instead of running it again")
    parser.add_argument("--source", default=SOURCE_DIR,
                        help="the source tree with scenarios/ and docs/ (default: this package's)")
    args = parser.parse_args(argv)
    cmhsim = os.path.abspath(args.cmhsim)
    try:
        check_cmhsim(cmhsim)
    except RemeasureError as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        os.makedirs(args.dir, exist_ok=True)
        lines = measure(cmhsim, os.path.abspath(args.dir), os.path.abspath(args.source),
                        effects=args.effects, threads=args.threads, reuse=args.reuse)
    except (RemeasureError, OSError) as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    print("\n".join(lines))
    return EXIT_OK
