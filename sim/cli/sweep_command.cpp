// `cmhsim sweep`: parse the options, describe the sweep, hand it to experiment::execute_sweep with
// checkpoint files as its point store, and print the outcome. Runs nothing itself.
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/parameter_uncertainty.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/runner.hpp"
#include "experiment/sweep_execution.hpp"
#include "experiment/task_farm.hpp"
#include "io/hdf5_results_encoding.hpp"
#include "io/sweep_checkpoints.hpp"
#include "scenario/sweep_file.hpp"

namespace cmhsim::cli {
namespace {

using Shard = experiment::Shard;

/// Parses "i/N" (0 <= i < N).
Shard parse_shard(const std::string& text) {
  Shard s;
  const auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used = 0;
    s.index = std::stoull(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("junk");
    const std::string rest = text.substr(slash + 1);
    s.count = std::stoull(rest, &used);
    if (used != rest.size()) throw std::invalid_argument("junk");
  } catch (const std::exception&) {
    throw UsageError{"sweep: --shard expects i/N, e.g. 0/4, got '" + text + "'"};
  }
  if (s.count < 1 || s.index >= s.count) {
    throw UsageError{"sweep: --shard i/N needs 0 <= i < N, got '" + text + "'"};
  }
  return s;
}

std::string design_name(scenario::SweepDesign d) {
  return d == scenario::SweepDesign::Factorial ? "factorial" : "latin_hypercube";
}

/// Returns the sweep's axis names and each point's setting per axis.
void settings_of(const scenario::SweepSpec& spec, io::SweepHeader& header) {
  for (const auto& axis : spec.axes) header.axes.push_back(axis.key_path);
  for (const auto& point : spec.points) {
    std::vector<std::string> row;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) row.push_back(point.at(a).value);
    header.settings.push_back(std::move(row));
  }
}

/// Runs the sweep, turning a sweep that cannot start as asked into a usage error.
experiment::SweepOutcome execute(
    const std::vector<experiment::SweepPoint>& points, const experiment::SweepExecution& execution,
    experiment::PointStore& store,
    const std::function<void(const experiment::SweepProgress&)>& show) {
  try {
    return experiment::execute_sweep(points, execution, store, io::Hdf5ResultsEncoding{}, show,
                                     [] { return interrupted(); });
  } catch (const experiment::ResumeError& e) {
    throw UsageError{std::string("sweep --resume: ") + e.what()};
  } catch (const experiment::SweepSetupError& e) {
    throw UsageError{std::string("sweep: ") + e.what()};
  }
}

/// Throws UsageError if a parameter set sets a key the sweep varies or fixes.
void require_sets_leave_axes(const scenario::SweepSpec& spec,
                             const experiment::ParameterSets& sets) {
  for (const std::string& key : sets.keys) {
    for (const auto& axis : spec.axes) {
      if (axis.key_path == key) {
        throw UsageError{"sweep: the parameter sets set " + key + ", which the sweep varies"};
      }
    }
    for (const auto& fixed : spec.fixed) {
      if (fixed.key_path == key) {
        throw UsageError{"sweep: the parameter sets set " + key + ", which the sweep fixes"};
      }
    }
  }
}

}  // namespace

/// Holds `sweep`'s options.
struct SweepArgs {
  SharedOptions shared;
  std::optional<std::string> shard;
};

/// Runs the sweep `args` names; returns the exit code.
int sweep_command(const SweepArgs& args) {
  const SharedOptions& o = args.shared;
  if (o.operands.size() != 1) throw UsageError{"sweep: expected exactly one sweep file"};
  const int threads = o.threads;
  const Shard shard = args.shard ? parse_shard(*args.shard) : Shard{};
  const bool quiet = o.quiet;
  const bool coordinator = experiment::DistributedSession::coordinator();

  const scenario::SweepSpec spec = scenario::load_sweep_file(o.operands[0]);
  const std::string output =
      o.output.value_or("results/" + checked_file_name("sweep", spec.name, "sweep name") + ".h5");
  std::vector<NamedPath> inputs{{o.operands[0], "sweep file"}, {spec.base.path, "base scenario"}};
  if (o.parameter_sets) inputs.push_back({*o.parameter_sets, "--parameter-sets"});
  check_outputs("sweep", inputs, {{output, "--output"}});
  check_output_directory("sweep", {output + ".partial", "checkpoint folder"});
  const std::size_t count = spec.points.size();
  std::vector<scenario::Scenario> scenarios;
  scenarios.reserve(count);
  for (std::size_t i = 0; i < count; ++i) scenarios.push_back(scenario::build_point(spec, i));
  // Every point draws replication r's set alike (points share the sweep's seed).
  const std::optional<SetPlan> plan =
      plan_parameter_sets(o.parameter_sets, spec.base, spec.seed, spec.replications);
  std::vector<SetScenarios> set_scenarios;
  if (plan) {
    require_sets_leave_axes(spec, plan->sets);
    set_scenarios.reserve(count);
    for (const auto& sc : scenarios) set_scenarios.emplace_back(sc, *plan, false);
  }

  io::SweepHeader header;
  header.name = spec.name;
  header.design = design_name(spec.design);
  header.path = spec.path;
  header.text = spec.text;
  settings_of(spec, header);
  header.version = version();
  header.git_commit = git_commit();
  header.started_utc = utc_now();
  header.threads = experiment::resolve_threads(threads);
  header.ranks = experiment::DistributedSession::size();
  if (shard.active()) {
    header.shard = std::to_string(shard.index) + "/" + std::to_string(shard.count);
  }

  if (coordinator) prepare_output_dir(output, "--output");
  std::vector<experiment::SweepPoint> points;
  points.reserve(count);
  for (const auto& sc : scenarios) points.push_back({model_of(sc), sc.seed, sc.replications});
  for (std::size_t i = 0; i < set_scenarios.size(); ++i) {
    const SetScenarios* models = &set_scenarios[i];
    points[i].model_for = [models](std::uint64_t r) { return models->model_for(r); };
  }
  experiment::SweepExecution execution;
  execution.threads = threads;
  execution.shard = shard;
  execution.resume = o.resume;
  execution.started_utc = header.started_utc;
  execution.clock = utc_now;
  execution.stamp = [&](std::size_t i, experiment::RunResults& results) {
    fill_provenance(results, scenarios[i], results.provenance.started_utc, threads);
    if (plan) record_parameter_sets(*plan, scenarios[i].replications, results);
  };
  io::SweepCheckpoints store(output, header, [](io::SweepHeader& h) {
    h.finished_utc = utc_now();
    h.host = host_name();
  });
  Progress progress("replications", quiet);
  const auto show = [&](const experiment::SweepProgress& p) {
    progress.update(
        p.replications_done, p.replications_total,
        std::to_string(p.points_done) + "/" + std::to_string(p.points_owned) + " points");
  };

  InterruptGuard guard;
  const experiment::SweepOutcome outcome = execute(points, execution, store, show);
  if (!outcome.coordinator) return kExitOk;
  progress.finish();
  if (!outcome.complete()) {
    std::cerr << "interrupted: " << outcome.points_done << " of " << outcome.points_owned
              << " points done; run again with --resume\n";
    return kExitInterrupted;
  }
  std::cout << "cmhsim " << version() << ": sweep " << spec.name << " (" << header.design << ", "
            << count << " points" << (shard.active() ? ", shard " + header.shard : "") << ", "
            << header.threads << " threads, " << header.ranks << " ranks)\nwrote " << output << " ("
            << outcome.points_owned << " points)\n";
  return kExitOk;
}

CommandAction setup_sweep(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  SharedOptions& o = args->shared;
  add_operands(app, o);
  add_output(app, o, "HDF5 sweep file to write (default: results/<sweep>.h5)");
  add_threads(app, o, "worker threads per process; 0 = all cores");
  add_resume(app, o);
  add_parameter_sets(app, o);
  add_optional(app, "--shard", args->shard,
               "run only points with index % N == i; writes a shard file", "i/N");
  add_quiet(app, o);
  return [args] { return sweep_command(*args); };
}

}  // namespace cmhsim::cli
