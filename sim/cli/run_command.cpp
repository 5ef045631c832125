// `cmhsim run`: load a scenario, run its replications, print the tables, write HDF5 and JSON.
// Knows the command line and provenance; the work is done by experiment/ and io/.
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/summary_table.hpp"
#include "cli/version.hpp"
#include "experiment/precision.hpp"
#include "experiment/runner.hpp"
#include "io/hdf5_writer.hpp"
#include "io/summary_json.hpp"
#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {

namespace po = boost::program_options;

int run_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim run FILE.yaml [options]");
  visible.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(),
      "HDF5 results file to write (default: results/<scenario name>.h5)")(
      "replications,r", po::value<std::uint64_t>(), "override the scenario's replications (>= 1)")(
      "seed,s", po::value<std::uint64_t>(), "override the scenario's seed")(
      "threads,t", po::value<int>()->default_value(0), "worker threads (0 = all cores)")(
      "summary-json", po::value<std::string>(), "also write the summary tables as JSON here")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "set a scenario key: --set care_partners.fte=8 (repeatable; checked like the file)")(
      "precision", po::value<std::string>(),
      "METRIC=REL: add replications (in batches of the thread count) until METRIC's 95% CI "
      "half-width / |mean| <= REL; METRIC is a metric name or services.<service>.<metric>")(
      "max-replications", po::value<std::uint64_t>()->default_value(200),
      "with --precision: stop at this many replications even if REL is not reached")(
      "persons",
      "pathway scenarios: also store every person's summary per replication (/persons; large)")(
      "all-metrics", "print every service and metric, not only the headline outcomes")(
      "quiet,q", "no progress bar");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible
              << "\nRuns a queueing-network or pathway scenario. Prints each service's metrics\n"
                 "with 95% CIs and, for pathway scenarios, the end-of-run metrics; without\n"
                 "--all-metrics a pathway scenario shows only the headline outcomes (those of\n"
                 "the report's summary).\n"
                 "\nExample:\n  cmhsim run scenarios/mmc_example.yaml -o results/mmc.h5"
              << " --summary-json results/mmc.json\n";
    return kExitOk;
  }
  if (!vm.count("scenario")) throw UsageError{"run: missing scenario file"};
  const auto& files = vm["scenario"].as<std::vector<std::string>>();
  if (files.size() != 1) throw UsageError{"run: expected exactly one scenario file"};
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError{"run: --threads must be >= 0"};

  scenario::Scenario sc = scenario::load_scenario_file(files.front());
  if (vm.count("set")) {
    sc = scenario::apply_overrides(
        sc, scenario::parse_set_options(vm["set"].as<std::vector<std::string>>()));
  }
  std::optional<experiment::PrecisionTarget> precision;
  if (vm.count("precision")) {
    const std::string text = vm["precision"].as<std::string>();
    const auto eq = text.rfind('=');
    experiment::PrecisionTarget target;
    try {
      if (eq == std::string::npos || eq == 0) throw std::invalid_argument("no '='");
      target.outcome = text.substr(0, eq);
      std::size_t used = 0;
      target.relative = std::stod(text.substr(eq + 1), &used);
      if (used != text.size() - eq - 1 || !(target.relative > 0.0)) {
        throw std::invalid_argument("bad number");
      }
    } catch (const std::exception&) {
      throw UsageError{
          "run: --precision expects METRIC=REL with REL > 0, e.g. "
          "crises_per_1000_per_year=0.02, got '" +
          text + "'"};
    }
    target.max_replications = vm["max-replications"].as<std::uint64_t>();
    if (target.max_replications < 2) throw UsageError{"run: --max-replications must be >= 2"};
    if (vm.count("replications")) {
      throw UsageError{"run: --precision chooses the replications; drop --replications"};
    }
    precision = target;
  }
  if (vm.count("replications")) {
    sc.replications = vm["replications"].as<std::uint64_t>();
    if (sc.replications < 1) throw UsageError{"run: --replications must be >= 1"};
  }
  if (vm.count("seed")) sc.seed = vm["seed"].as<std::uint64_t>();
  const experiment::ModelSpec model = model_of(sc);
  const bool persons = vm.count("persons") > 0;
  if (persons && model.kind() != experiment::ModelKind::Pathway) {
    throw UsageError{"run: --persons applies to pathway scenarios only; " + sc.path +
                     " is a queueing network"};
  }
  const std::string output =
      vm.count("output") ? vm["output"].as<std::string>() : "results/" + scenario_stem(sc) + ".h5";
  prepare_output_dir(output, "--output");
  const std::string json = vm.count("summary-json") ? vm["summary-json"].as<std::string>() : "";
  if (!json.empty()) prepare_output_dir(json, "--summary-json");

  experiment::RunOptions options;
  options.seed = sc.seed;
  options.replications = sc.replications;
  options.threads = threads;
  options.record_persons = persons;
  Progress progress("replications", vm.count("quiet") > 0);
  options.on_progress = [&progress](std::uint64_t d, std::uint64_t t) { progress.update(d, t); };

  const std::string started = utc_now();
  experiment::RunResults results;
  std::string precision_note;
  if (precision) {
    experiment::PrecisionRun run = experiment::run_to_precision(model, options, *precision);
    results = std::move(run.results);
    sc.replications = results.replications.size();
    std::ostringstream note;
    note << "precision: " << precision->outcome
         << " 95% CI half-width / |mean| = " << run.relative_half_width
         << (run.reached ? " <= " : " > ") << precision->relative << " after " << sc.replications
         << " replications" << (run.reached ? "" : " (the --max-replications limit)") << "\n";
    precision_note = note.str();
  } else {
    results = experiment::run_replications(model, options);
  }
  progress.finish();
  fill_provenance(results, sc, started, threads);

  std::cout << "cmhsim " << version() << ": " << sc.path << " ("
            << experiment::model_kind_name(model.kind()) << "): " << sc.replications
            << " replications, seed " << sc.seed << ", " << results.provenance.threads
            << " threads, horizon " << model.horizon_days() << " days (warm-up "
            << model.warmup_days() << "), " << results.wall_seconds << " s, "
            << static_cast<double>(results.events) / results.wall_seconds / 1e6 << " M events/s\n";
  std::cout << precision_note;
  if (vm.count("all-metrics") || !print_headline_table(std::cout, results)) {
    print_summary_table(std::cout, results);
    print_metrics_table(std::cout, results);
  }

  io::write_results_hdf5(results, output);
  std::cout << "\nwrote " << output << "\n";
  if (!json.empty()) {
    io::write_summary_json(results, json);
    std::cout << "wrote " << json << "\n";
  }
  return kExitOk;
}

}  // namespace cmhsim::cli
