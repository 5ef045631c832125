// `cmhsim calibrate`: load a calibration file, run ABC-SMC with each point's scenarios run on
// threads or ranks, checkpoint each generation, then write CAL.h5, print the posterior table and
// write the JSON summary. The algorithm and the parallel runs live in experiment/.
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/calibration_metrics.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/abc_smc.hpp"
#include "experiment/calibration_points.hpp"
#include "experiment/calibration_results.hpp"
#include "experiment/parameter_sets.hpp"
#include "experiment/runner.hpp"
#include "experiment/task_farm.hpp"
#include "io/calibration_json.hpp"
#include "io/hdf5_calibration.hpp"
#include "io/parameter_sets_io.hpp"
#include "scenario/calibration_file.hpp"
#include "scenario/scenario_error.hpp"

namespace cmhsim::cli {
namespace {

std::string fixed(double v) {
  std::ostringstream out;
  out << std::setprecision(4) << v;
  return out.str();
}

void print_table(const experiment::CalibrationResults& r) {
  std::cout << "\nposterior (weighted mean and 95% interval; prior range)\n";
  for (std::size_t k = 0; k < r.keys.size(); ++k) {
    const auto& e = r.posterior[k];
    std::cout << "  " << std::left << std::setw(44) << r.keys[k] << std::right << std::setw(11)
              << fixed(e.mean) << "  [" << fixed(e.lo) << ", " << fixed(e.hi) << "]  prior ["
              << fixed(r.problem.priors[k].lo) << ", " << fixed(r.problem.priors[k].hi) << "]\n";
  }
  std::cout << "\ntargets (observed; posterior predictive mean and 95% interval)\n";
  for (std::size_t t = 0; t < r.target_labels.size(); ++t) {
    const auto& e = r.predictive[t];
    std::cout << "  " << std::left << std::setw(44) << r.target_labels[t] << std::right
              << std::setw(11) << fixed(r.problem.observed[t]) << "  predicted " << fixed(e.mean)
              << " [" << fixed(e.lo) << ", " << fixed(e.hi) << "]\n";
  }
}

}  // namespace

/// Holds `calibrate`'s options.
struct CalibrateArgs {
  SharedOptions shared;
  std::optional<std::string> sets_csv;
  std::size_t sets_count = 0;  ///< Thins the CSV's sets to this many (0 keeps them all).
};

/// Runs the calibration `args` names; returns the exit code.
int calibrate_command(const CalibrateArgs& args) {
  const SharedOptions& o = args.shared;
  if (o.operands.size() != 1) throw UsageError{"calibrate: expected exactly one calibration file"};
  const bool coordinator = experiment::DistributedSession::coordinator();
  const scenario::CalibrationSpec spec = scenario::load_calibration_file(o.operands[0]);
  check_metrics(spec);
  const std::string output = o.output.value_or(
      "results/" + checked_file_name("calibrate", spec.name, "calibration name") + ".h5");
  std::vector<NamedPath> outputs = {{output, "--output"}};
  if (o.summary_json) outputs.push_back({*o.summary_json, "--summary-json"});
  if (args.sets_csv) outputs.push_back({*args.sets_csv, "--sets-csv"});
  check_outputs("calibrate", {{o.operands[0], "calibration file"}}, outputs);
  const std::string checkpoint = output + ".partial";

  experiment::CalibrationResults r;
  r.name = spec.name;
  r.method = spec.method;
  r.calibration_path = spec.path;
  r.calibration_text = spec.text;
  r.command = "cmhsim calibrate " + spec.path + " -o " + output;
  if (args.sets_csv) r.command += " --sets-csv " + *args.sets_csv;
  if (args.sets_count > 0) {
    if (!args.sets_csv) throw UsageError{"calibrate: --sets-count needs --sets-csv"};
    r.command += " --sets-count " + std::to_string(args.sets_count);
  }
  r.version = version();
  r.git_commit = git_commit();
  r.started_utc = utc_now();
  r.threads = experiment::resolve_threads(o.threads);
  r.ranks = experiment::DistributedSession::size();
  r.seed = spec.seed;
  r.replications_per_point = spec.replications_per_point;
  r.budget = spec.budget;
  for (const auto& p : spec.parameters) {
    r.keys.push_back(p.key_path);
    r.prior_kinds.push_back(p.kind == scenario::PriorKind::Normal ? "normal" : "uniform");
    r.problem.priors.push_back(experiment::AbcPrior{
        p.lo, p.hi, p.kind == scenario::PriorKind::Normal, p.mean, p.sd > 0 ? p.sd : 1.0});
  }
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    r.target_labels.push_back(spec.target_label(t));
    r.problem.observed.push_back(spec.targets[t].observed);
    r.problem.sd.push_back(spec.targets[t].sd);
  }
  std::vector<bool> used(spec.scenarios.size(), false);
  used[0] = true;
  for (const auto& t : spec.targets) used[t.scenario] = true;
  std::uint64_t scenarios_run = 0;
  for (bool u : used) scenarios_run += u ? 1 : 0;
  r.options.population = spec.abc.population;
  r.options.generations = spec.abc.generations;
  r.options.quantile = spec.abc.quantile;
  r.options.tolerances = spec.abc.tolerances;
  r.options.min_acceptance = spec.abc.min_acceptance;
  r.options.tolerance_floor =
      spec.abc.tolerance_floor.value_or(experiment::chi_median(spec.targets.size()));
  r.options.seed = spec.seed;
  r.options.budget = spec.budget;
  r.options.runs_per_point = spec.replications_per_point * scenarios_run;

  if (coordinator) prepare_output_dir(output, "--output");
  experiment::AbcState start;
  std::error_code ec;
  if (std::filesystem::exists(checkpoint, ec)) {
    if (!o.resume) {
      throw UsageError{"calibrate: " + checkpoint +
                       " holds the checkpoint of an earlier run; use --resume to continue it or "
                       "remove it to start again"};
    }
    std::string text;
    start = io::read_calibration_state(checkpoint, text);
    if (text != spec.text) {
      throw UsageError{"calibrate --resume: " + checkpoint +
                       " was made from a different calibration file; remove it to start again"};
    }
  }

  const auto evaluate = [&](const std::vector<experiment::PointRequest>& requests) {
    return experiment::evaluate_points(requests.size(), o.threads, [&](std::size_t i, int inner) {
      std::vector<double> predicted(spec.targets.size(), 0.0);
      for (std::size_t s = 0; s < spec.scenarios.size(); ++s) {
        if (!used[s]) continue;
        const scenario::Scenario sc = scenario::calibration_point(spec, s, requests[i].theta);
        experiment::RunOptions run;
        run.seed = sc.seed;
        run.replications = sc.replications;
        run.threads = inner;
        const experiment::RunResults results = experiment::run_replications(model_of(sc), run);
        for (std::size_t t = 0; t < spec.targets.size(); ++t) {
          if (spec.targets[t].scenario != s) continue;
          try {
            predicted[t] = experiment::summary_metric(results, spec.targets[t].metric);
          } catch (const experiment::UnknownMetricError& e) {
            throw scenario::ScenarioError(spec.targets[t].origin, spec.targets[t].line,
                                          spec.targets[t].column, "metric", e.what());
          }
        }
      }
      return predicted;
    });
  };
  const auto on_generation = [&](const experiment::AbcState& state) {
    if (!coordinator || state.generations.empty()) return;
    const auto& g = state.generations.back();
    if (!o.quiet) {
      std::cerr << "generation " << state.generations.size() - 1 << ": tolerance "
                << fixed(g.tolerance) << ", " << g.particles.size() << " accepted of "
                << g.proposals << " proposals, " << state.runs << " runs so far"
                << (state.finished ? " (finished: " + state.stop_reason + ")" : "") << "\n";
    }
    experiment::CalibrationResults snapshot = r;
    snapshot.state = state;
    io::write_calibration_hdf5(snapshot, checkpoint, true);
  };

  InterruptGuard guard;
  if (!o.quiet && coordinator) {
    std::cerr << "calibrating " << r.keys.size() << " parameters to " << r.target_labels.size()
              << " targets (abc_smc, population " << r.options.population << ", budget " << r.budget
              << " runs, " << r.threads << " threads, " << r.ranks << " ranks)\n";
  }
  r.state = experiment::run_abc_smc(r.problem, r.options, start, evaluate, on_generation, [] {
    return experiment::agreed_stop([] { return interrupted(); });
  });
  if (!coordinator) return kExitOk;
  if (!r.state.finished) {
    std::cerr << "interrupted after " << r.state.generations.size()
              << " generations; run again with --resume\n";
    return kExitInterrupted;
  }
  if (r.state.generations.empty()) {
    std::cerr << "cmhsim: calibrate: the budget of " << r.budget
              << " runs ended before the first generation\n";
    return kExitFailure;
  }
  r.finished_utc = utc_now();
  r.host = host_name();
  for (std::size_t k = 0; k < r.keys.size(); ++k) {
    r.posterior.push_back(experiment::posterior_parameter(r.state, k));
  }
  for (std::size_t t = 0; t < r.target_labels.size(); ++t) {
    r.predictive.push_back(experiment::posterior_predictive(r.state, t));
  }
  io::write_calibration_hdf5(r, output);
  std::filesystem::remove(checkpoint, ec);
  if (o.summary_json) io::write_calibration_json(r, *o.summary_json);
  if (args.sets_csv) {
    experiment::ParameterSets sets = io::accepted_sets(r);
    if (args.sets_count > 0) sets = experiment::thin_parameter_sets(sets, args.sets_count, r.seed);
    io::write_parameter_sets_csv(sets, *args.sets_csv);
  }
  std::cout << "cmhsim " << version() << ": calibrate " << spec.name << " ("
            << r.state.generations.size() << " generations, " << r.state.runs
            << " runs, stopped by " << r.state.stop_reason << ", " << r.threads << " threads, "
            << r.ranks << " ranks)";
  print_table(r);
  std::cout << "wrote " << output << "\n";
  return kExitOk;
}

CommandAction setup_calibrate(CLI::App& app) {
  auto args = std::make_shared<CalibrateArgs>();
  SharedOptions& o = args->shared;
  add_operands(app, o);
  add_output(app, o, "HDF5 calibration file to write (default: results/<calibration>.h5)",
             "CAL.h5");
  add_threads(app, o, "worker threads per process; 0 = all cores");
  app.add_flag("--resume", o.resume,
               "continue from the generations checkpointed in OUT.h5.partial (same result as an "
               "uninterrupted run)");
  add_summary_json(app, o, "write the posterior and the predictive checks as JSON");
  add_optional(app, "--sets-csv", args->sets_csv,
               "also write the accepted parameter sets and their weights as CSV text", "PATH");
  app.add_option("--sets-count", args->sets_count,
                 "thin the --sets-csv sets to N equally weighted ones by systematic resampling, "
                 "so replications repeat sets and the report can split parameters from chance")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}).description(""))
      ->type_name("N");
  add_quiet(app, o);
  return [args] { return calibrate_command(*args); };
}

}  // namespace cmhsim::cli
