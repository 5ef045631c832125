// The table of cmhsim's subcommands and the help text of each.
// Knows what each command is for; its options are declared by the command itself.
#include "cli/command_table.hpp"

namespace cmhsim::cli {

const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> table = {
      {"run",
       "FILE.yaml",
       "run a scenario's replications (queueing network or pathway model), print per-service "
       "and end-of-run metric tables with 95% CIs, write results to HDF5 (and optionally a JSON "
       "summary)",
       "Runs a queueing-network or pathway scenario. Prints each service's metrics with 95% CIs "
       "and, for pathway scenarios, the end-of-run metrics; without --all-metrics a pathway "
       "scenario shows only the headline outcomes (those of the report's summary). With "
       "--parameter-sets FILE, or an uncertainty section in the scenario, each replication runs "
       "with one parameter set (docs/parameter-uncertainty.md).",
       {"cmhsim run scenarios/mmc_validation.yaml -o results/mmc.h5 --summary-json "
        "results/mmc.json",
        "cmhsim run scenarios/ics_partners.yaml --set care_partners.fte=60 "
        "--precision people_in_gap=0.01"},
       false,
       setup_run},
      {"compare",
       "A.yaml B.yaml [C.yaml ...]",
       "run scenarios of one place with common random numbers and print each one's paired "
       "difference from the first with 95% CIs; write HDF5 (and JSON)",
       "Runs every scenario with the same seed and replication numbers (common random numbers), "
       "so the same people see the same chance events in each. For every outcome it prints the "
       "first scenario's (baseline's) mean, each other scenario's mean and their paired "
       "difference with a 95% CI; the unpaired (Welch) CI width is shown for reference. The "
       "scenarios must be of one kind and describe the same place: the same population section "
       "(pathway) or the same arrival streams and services (queueing network). With --set, every "
       "scenario after the first is changed; given one file, compare runs it against a copy "
       "changed by --set, called <name>_what_if. Only the headline outcomes (those of the "
       "report's summary) are printed unless --all-metrics is given or the model has none. With "
       "--parameter-sets FILE, or an uncertainty section in the first scenario, replication r of "
       "every scenario runs with the same parameter set, so the comparison stays paired "
       "(docs/parameter-uncertainty.md). Pathway comparisons also print each scenario's "
       "cost-effectiveness against the first: incremental discounted costs and QALYs per person, "
       "ICER, net monetary benefit and the share of replications cost-effective at each of "
       "--thresholds (GBP per QALY), and EVPI.",
       {"cmhsim compare scenarios/ics_baseline.yaml scenarios/ics_partners.yaml -o results/cp.h5 "
        "--summary-json results/cp.json",
        "cmhsim compare scenarios/ics_baseline.yaml --set care_partners.fte=40 "
        "--set supervision.supervisor_fte=3"},
       false,
       setup_compare},
      {"warmup",
       "FILE.yaml",
       "run a pathway scenario without warm-up and recommend its warmup_days from the monthly "
       "series (MSER-5 or Welch's method)",
       "Runs a pathway scenario with warmup_days 0 (the file's warm-up overridden, its horizon "
       "kept), averages each chosen monthly series over the replications month by month and "
       "finds where its initial transient ends: by MSER-5 (batch means of 5 months; the "
       "truncation minimising the standard error of the mean of what remains, at most half the "
       "run) or by Welch's moving average (the first month from which it stays within a band of "
       "its final level). Prints each series' truncation in months and days and the "
       "recommendation, the largest of them in whole days (docs/warmup.md). A '*' marks a "
       "truncation at the method's limit: the run may be too short.",
       {"cmhsim warmup scenarios/ics_baseline.yaml --replications 10",
        "cmhsim warmup scenarios/ics_partners.yaml --method welch --series waiting_cmht "
        "--series people_in_gap --summary-json results/warmup.json"},
       false,
       setup_warmup},
      {"sweep",
       "SWEEP.yaml",
       "run every point of a sweep file, checkpointing finished points so an interrupted sweep "
       "resumes; shards split it over machines (MPI under mpirun)",
       "Runs every point of a sweep file (docs/sweeps.md). Each finished point is checkpointed in "
       "OUT.h5.partial/point-<i>.h5; on SIGINT/SIGTERM no new point starts and the command exits "
       "130; --resume continues. The final file is written only when every point is done. Under "
       "mpirun, ranks share the points.",
       {"cmhsim sweep scenarios/sweep_small.yaml -o results/sweep.h5",
        "mpirun -n 4 cmhsim sweep scenarios/sweep_workforce.yaml -o results/workforce.h5"},
       true,
       setup_sweep},
      {"calibrate",
       "CALIBRATION.yaml",
       "fit scenario parameters to observed figures by ABC-SMC, checkpointing each generation "
       "so an interrupted calibration resumes (MPI under mpirun)",
       "Reads a calibration file (docs/calibration-method.md): the scenario, the parameters with "
       "their priors, the observed targets with their standard errors and the method's settings. "
       "Runs ABC-SMC (Toni et al. 2009; Beaumont et al. 2009): each point is the scenario with the "
       "parameters set by key path, run for replications_per_point replications, and its "
       "prediction of each target is their mean. Each finished generation is checkpointed in "
       "OUT.h5.partial; on SIGINT/SIGTERM the command exits 130 and --resume continues with the "
       "same result. Prints the posterior table and writes the accepted parameter sets with their "
       "weights, the posterior predictive checks, the run count and provenance to OUT.h5. The "
       "result is the same at any --threads and under mpirun at any number of ranks.",
       {"cmhsim calibrate scenarios/calibration/example.yaml -o results/example_cal.h5 "
        "--summary-json results/example_cal.json"},
       true,
       setup_calibrate},
      {"merge",
       "OUT.h5 SHARD.h5 [SHARD.h5 ...]",
       "join the shard files of one sweep into the full sweep file",
       "Joins the shard files written by 'cmhsim sweep --shard i/N' into the full sweep file. "
       "The shards must come from the same sweep file text and together hold every point exactly "
       "once. OUT.h5 is written atomically.",
       {"cmhsim sweep scenarios/sweep_small.yaml --shard 0/2 -o results/shard0.h5",
        "cmhsim sweep scenarios/sweep_small.yaml --shard 1/2 -o results/shard1.h5",
        "cmhsim merge results/sweep.h5 results/shard0.h5 results/shard1.h5"},
       false,
       setup_merge},
      {"export",
       "RESULTS.h5",
       "write tidy CSV tables (summaries, replications, series, differences)",
       "Writes metrics_summary.csv, metrics_replications.csv, series_summary.csv and "
       "services_summary.csv (plus differences.csv for a comparison), one row per observation, "
       "from a file written by run, compare, sweep or merge.",
       {"cmhsim export results/sweep.h5 --csv results/sweep_csv"},
       false,
       setup_export},
      {"report",
       "RESULTS.h5",
       "write figures (PNG, SVG) and a self-contained report.html from a results file",
       "From a run or comparison file: monthly series with 95% bands, paired differences with 95% "
       "CIs, annual costs by service and equity breakdowns; from a sweep: the workforce frontier "
       "and, for a Latin hypercube, a PRCC tornado chart; from a calibration: the marginal "
       "posteriors, the pairs and observed against predicted targets. Each figure is written as "
       "PNG and SVG, "
       "and report.html holds them all with a plain-language summary, the scenario parameters "
       "that differ and provenance (docs/report.md). Needs Python 3 with h5py, numpy, pandas, "
       "matplotlib and yaml (Debian: python3-h5py python3-pandas python3-matplotlib "
       "python3-yaml); set CMHSIM_PYTHON to choose the interpreter.",
       {"cmhsim report results/default_comparison.h5 -o results/report"},
       false,
       setup_report},
      {"validate",
       "FILE.yaml [FILE.yaml ...]",
       "check scenario files without running them and say which kind each is",
       "Checks each file and prints 'OK' with what it describes (a queueing network, a pathway "
       "model, a sweep or a calibration), or the first error in it.",
       {"cmhsim validate scenarios/ics_baseline.yaml scenarios/sweep_small.yaml"},
       false,
       setup_validate},
      {"serve",
       "[SCENARIO.yaml ...]",
       "serve a local what-if page: move levers, watch paired differences refine",
       "Serves a what-if page: pick a baseline, move its levers (Care Partner and supervisor FTE, "
       "supervision hours, discharge destination, proactive coverage, CMHT FTE, beds, crisis "
       "slots, or any key from the parameter table) and see the paired differences refine as "
       "replications finish, with the 'cmhsim compare' command that reproduces them. The "
       "baselines are the files given (pathway scenarios; default: the shipped ICS scenarios). "
       "It listens on 127.0.0.1 unless --bind says otherwise; no request names a file and "
       "nothing is written except what the page downloads. Ctrl-C stops it. docs/serve.md "
       "describes the API.",
       {"cmhsim serve --port 8080 --threads 2"},
       false,
       setup_serve},
      {"params",
       "",
       "list every scenario key (or, with --model, the model parameter table) with its unit, "
       "default, plausible range and source; --outputs lists the model outputs",
       "Prints Markdown tables, which also read well in a terminal: every scenario key "
       "(docs/scenario-reference.md), with --model every model parameter (docs/parameters.md), "
       "or with --outputs every model output (docs/outputs.md).",
       {"cmhsim params --model"},
       false,
       setup_params},
  };
  return table;
}

const CommandEntry* find_command(const std::string& name) {
  for (const auto& entry : command_table()) {
    if (name == entry.name) return &entry;
  }
  return nullptr;
}

}  // namespace cmhsim::cli
