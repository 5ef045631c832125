// `cmhsim compare`: run two or more scenarios of one place with common random numbers, print
// each scenario's paired differences from the first, write HDF5 and JSON.
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/comparison_table.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/comparison.hpp"
#include "io/comparison_json.hpp"
#include "io/hdf5_writer.hpp"
#include "scenario/overrides.hpp"
#include "scenario/pairing.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {
namespace {

namespace po = boost::program_options;
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

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim compare A.yaml B.yaml [C.yaml ...] [options]");
  visible.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(),
      "HDF5 comparison file to write (default: results/<A>_vs_<B>.h5)")(
      "replications,r", po::value<std::uint64_t>(),
      "replications for every scenario (default: the first scenario's)")(
      "seed,s", po::value<std::uint64_t>(), "seed for every scenario (default: the first's)")(
      "threads,t", po::value<int>()->default_value(0), "worker threads (0 = all cores)")(
      "summary-json", po::value<std::string>(), "also write the comparison as JSON here")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "set a key in every scenario but the first: --set care_partners.fte=8 (repeatable)")(
      "all-metrics", "print every outcome, not only the headline ones")("quiet,q",
                                                                        "no progress bar");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nRuns every scenario with the same seed and replication numbers (common random\n"
           "numbers), so the same people see the same chance events in each. For every\n"
           "outcome it prints the first scenario's (baseline's) mean, each other scenario's\n"
           "mean and their paired difference with a 95% CI; the unpaired (Welch) CI width\n"
           "is shown for reference. The scenarios must be of one kind and describe the same\n"
           "place: the same population section (pathway) or the same arrival streams and\n"
           "services (queueing network).\n"
           "\nWith --set, every scenario after the first is changed; given one file, compare\n"
           "runs it against a copy changed by --set, called <name>_what_if.\n"
           "Only the headline outcomes (those of the report's summary) are printed unless\n"
           "--all-metrics is given or the model has none of them.\n"
           "\nExample:\n  cmhsim compare scenarios/baseline.yaml scenarios/more_care_partners.yaml"
           " -o results/cp.h5 --summary-json results/cp.json\n";
    return kExitOk;
  }
  if (!vm.count("scenario")) throw UsageError{"compare: missing scenario files"};
  const auto& files = vm["scenario"].as<std::vector<std::string>>();
  const auto overrides = vm.count("set")
                             ? scenario::parse_set_options(vm["set"].as<std::vector<std::string>>())
                             : std::vector<scenario::Override>{};
  if (files.size() < 2 && overrides.empty()) {
    throw UsageError{"compare: expected two or more scenario files (or one with --set)"};
  }
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError{"compare: --threads must be >= 0"};

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
  if (vm.count("replications")) {
    replications = vm["replications"].as<std::uint64_t>();
    if (replications < 2) throw UsageError{"compare: --replications must be >= 2"};
  }
  if (vm.count("seed")) seed = vm["seed"].as<std::uint64_t>();
  for (auto& sc : scenarios) sc.set_run(seed, replications);
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

  const std::string output = vm.count("output") ? vm["output"].as<std::string>()
                                                : "results/" + names[0] + "_vs_" + names[1] + ".h5";
  prepare_output_dir(output, "--output");
  const std::string json = vm.count("summary-json") ? vm["summary-json"].as<std::string>() : "";
  if (!json.empty()) prepare_output_dir(json, "--summary-json");

  experiment::RunOptions options;
  options.seed = seed;
  options.replications = replications;
  options.threads = threads;
  Progress progress("replications", vm.count("quiet") > 0);
  std::uint64_t finished_runs = 0;
  const std::uint64_t total = replications * scenarios.size();
  options.on_progress = [&](std::uint64_t d, std::uint64_t) {
    progress.update(finished_runs * replications + d, total);
    if (d == replications) ++finished_runs;
  };

  const std::string started = utc_now();
  experiment::ComparisonResults results = experiment::compare(arms, options);
  progress.finish();
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    fill_provenance(results.runs[i], scenarios[i], started, threads);
  }

  std::cout << "cmhsim " << version() << ": compare "
            << experiment::model_kind_name(arms.front().model.kind()) << " scenarios";
  for (const auto& name : names) std::cout << " " << name;
  std::cout << ": " << replications << " replications each, seed " << seed << ", "
            << results.runs.front().provenance.threads << " threads, " << results.wall_seconds
            << " s\n";
  print_comparison_table(std::cout, results, vm.count("all-metrics") > 0);

  io::write_comparison_hdf5(results, output);
  std::cout << "\nwrote " << output << "\n";
  if (!json.empty()) {
    io::write_comparison_json(results, json);
    std::cout << "wrote " << json << "\n";
  }
  return kExitOk;
}

}  // namespace cmhsim::cli
