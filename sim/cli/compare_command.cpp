// `cmhsim compare`: run two or more scenarios of one place with common random numbers, print
// each scenario's paired differences from the first, write HDF5 and JSON.
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/comparison_table.hpp"
#include "cli/cost_effectiveness_table.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/parameter_uncertainty.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/comparison.hpp"
#include "experiment/cost_effectiveness.hpp"
#include "io/comparison_json.hpp"
#include "io/hdf5_writer.hpp"
#include "scenario/overrides.hpp"
#include "scenario/pairing.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {
namespace {

namespace fs = std::filesystem;

/// Returns a distinct name per scenario: its name, else (if taken) its file stem.
std::vector<std::string> distinct_names(const std::vector<scenario::Scenario>& scenarios) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& sc : scenarios) {
    std::string name = scenario_stem(sc);
    if (seen.count(name)) name = fs::path(sc.path).stem().string();
    // Each scenario becomes an HDF5 group of this name in the comparison file.
    if (name.empty() || name == "." || name.find('/') != std::string::npos) {
      throw UsageError{"compare: scenario name '" + name + "' (" + sc.path +
                       ") cannot name a group in the results file (empty, '.' or containing '/')"};
    }
    if (!seen.insert(name).second) {
      throw UsageError{"compare: two scenarios are called '" + name +
                       "'; give them different 'name:' values"};
    }
    names.push_back(name);
  }
  return names;
}

/// Runs the scenarios `o` names with common random numbers and reports; returns the exit code;
/// `thresholds` (GBP per QALY) replace the default cost-effectiveness thresholds when given.
int compare(const SharedOptions& o, const std::vector<double>& thresholds) {
  if (o.operands.empty()) throw UsageError{"compare: missing scenario files"};
  const auto& files = o.operands;
  const auto overrides = scenario::parse_set_options(o.set);
  if (files.size() < 2 && overrides.empty()) {
    throw UsageError{"compare: expected two or more scenario files (or one with --set)"};
  }
  const int threads = o.threads;

  std::vector<scenario::Scenario> scenarios;
  for (const auto& file : files) scenarios.push_back(scenario::load_scenario_file(file));
  if (scenarios.size() == 1) {
    scenarios.push_back(scenario::apply_overrides(scenarios.front(), overrides));
    scenarios.back().name = scenario_stem(scenarios.front()) + "_what_if";
  } else {
    for (std::size_t i = 1; i < scenarios.size(); ++i) {
      scenarios[i] = scenario::apply_overrides(scenarios[i], overrides);
    }
  }
  const std::vector<std::string> names = distinct_names(scenarios);
  std::uint64_t replications = scenarios.front().replications;
  std::uint64_t seed = scenarios.front().seed;
  if (o.replications) replications = *o.replications;
  if (o.seed) seed = *o.seed;
  for (auto& sc : scenarios) sc.set_run(seed, replications);
  require_same_uncertainty(scenarios);
  const std::optional<SetPlan> plan =
      plan_parameter_sets(o.parameter_sets, scenarios.front(), seed, replications);
  std::vector<experiment::ComparisonArm> arms;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    arms.push_back(
        {names[i], model_of(scenarios[i]), scenario::people_defining_values(scenarios[i])});
  }
  // Checked before any output is prepared, so incomparable scenarios cost nothing.
  const auto problems = experiment::comparability_problems(arms);
  if (!problems.empty()) {
    std::string message = "compare: cannot compare these scenarios:";
    for (const auto& p : problems) message += "\n  " + p;
    throw UsageError{message};
  }

  const std::string output = o.output.value_or(
      "results/" + checked_file_name("compare", names[0] + "_vs_" + names[1], "scenario names") +
      ".h5");
  const std::string json = o.summary_json.value_or("");
  std::vector<NamedPath> inputs;
  for (const auto& file : files) inputs.push_back({file, "scenario file"});
  if (o.parameter_sets) inputs.push_back({*o.parameter_sets, "--parameter-sets"});
  std::vector<NamedPath> outputs{{output, "--output"}};
  if (o.summary_json) outputs.push_back({json, "--summary-json"});
  check_outputs("compare", inputs, outputs);
  // Every arm gives replication r the plan's set r, so the comparison stays paired.
  std::vector<SetScenarios> set_scenarios;
  if (plan) {
    set_scenarios.reserve(scenarios.size());
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      set_scenarios.emplace_back(scenarios[i], *plan, true);
      const SetScenarios* models = &set_scenarios.back();
      arms[i].model_for = [models](std::uint64_t r) { return models->model_for(r); };
    }
  }

  experiment::RunOptions options;
  options.seed = seed;
  options.replications = replications;
  options.threads = threads;
  Progress progress("replications", o.quiet);
  std::uint64_t finished_runs = 0;
  const std::uint64_t total = replications * scenarios.size();
  options.on_progress = [&](std::uint64_t d, std::uint64_t) {
    progress.update(finished_runs * replications + d, total);
    if (d == replications) ++finished_runs;
  };

  const std::string started = utc_now();
  experiment::ComparisonResults results = experiment::compare(arms, options);
  progress.finish();
  if (!thresholds.empty() && !results.cost_effectiveness.empty()) {
    results.cost_effectiveness = experiment::cost_effectiveness(results, thresholds);
  }
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    fill_provenance(results.runs[i], scenarios[i], started, threads);
    if (plan) record_parameter_sets(*plan, replications, results.runs[i]);
  }

  std::cout << "cmhsim " << version() << ": compare "
            << experiment::model_kind_name(arms.front().model.kind()) << " scenarios";
  for (const auto& name : names) std::cout << " " << name;
  std::cout << ": " << replications << " replications each, seed " << seed << ", "
            << results.runs.front().provenance.threads << " threads, " << results.wall_seconds
            << " s\n";
  if (plan) std::cout << describe_plan(*plan) << "\n";
  print_comparison_table(std::cout, results, o.all_metrics);
  print_cost_effectiveness_table(std::cout, results);

  // Made only now, so a comparison refused on the way creates no folders.
  prepare_output_dir(output, "--output");
  if (!json.empty()) prepare_output_dir(json, "--summary-json");
  io::write_comparison_hdf5(results, output);
  std::cout << "\nwrote " << output << "\n";
  if (!json.empty()) {
    io::write_comparison_json(results, json);
    std::cout << "wrote " << json << "\n";
  }
  return kExitOk;
}

}  // namespace

CommandAction setup_compare(CLI::App& app) {
  auto options = std::make_shared<SharedOptions>();
  SharedOptions& o = *options;
  add_operands(app, o);
  add_output(app, o, "HDF5 comparison file to write (default: results/<A>_vs_<B>.h5)");
  add_replications(app, o, "replications for every scenario (default: the first scenario's)", 2);
  add_seed(app, o, "seed for every scenario (default: the first's)");
  add_threads(app, o);
  add_summary_json(app, o, "also write the comparison as JSON here");
  add_set(app, o);
  add_parameter_sets(app, o);
  add_all_metrics(app, o);
  add_quiet(app, o);
  auto thresholds = std::make_shared<std::vector<double>>();
  app.add_option("--thresholds", *thresholds,
                 "cost-effectiveness thresholds in GBP per QALY, comma-separated "
                 "(default: 20000,30000)")
      ->delimiter(',')
      ->check(CLI::NonNegativeNumber)
      ->type_name("GBP");
  return [options, thresholds] { return compare(*options, *thresholds); };
}

}  // namespace cmhsim::cli
