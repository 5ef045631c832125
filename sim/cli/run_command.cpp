// `cmhsim run`: load a scenario, run its replications, print the tables, write HDF5 and JSON.
// Knows the command line and provenance; the work is done by experiment/ and io/.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/parameter_uncertainty.hpp"
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

namespace {

/// Holds `run`'s options.
struct RunArgs {
  SharedOptions shared;
  std::optional<std::string> precision;
  std::uint64_t max_replications = 200;
  bool persons = false;
};

/// Runs the scenario `args` names and reports it; returns the exit code.
int run(const RunArgs& args) {
  const SharedOptions& o = args.shared;
  if (o.operands.empty()) throw UsageError{"run: missing scenario file"};
  if (o.operands.size() != 1) throw UsageError{"run: expected exactly one scenario file"};
  const int threads = o.threads;

  scenario::Scenario sc = scenario::load_scenario_file(o.operands.front());
  if (!o.set.empty()) {
    sc = scenario::apply_overrides(sc, scenario::parse_set_options(o.set));
  }
  std::optional<experiment::PrecisionTarget> precision;
  if (args.precision) {
    const std::string& text = *args.precision;
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
    target.max_replications = args.max_replications;
    if (o.replications) {
      throw UsageError{"run: --precision chooses the replications; drop --replications"};
    }
    precision = target;
  }
  if (o.replications) sc.replications = *o.replications;
  if (o.seed) sc.seed = *o.seed;
  const experiment::ModelSpec model = model_of(sc);
  const bool persons = args.persons;
  if (persons && model.kind() != experiment::ModelKind::Pathway) {
    throw UsageError{"run: --persons applies to pathway scenarios only; " + sc.path +
                     " is a queueing network"};
  }
  const std::string output = o.output.value_or(
      "results/" + checked_file_name("run", scenario_stem(sc), "scenario name") + ".h5");
  const std::string json = o.summary_json.value_or("");
  std::vector<NamedPath> outputs{{output, "--output"}};
  if (o.summary_json) outputs.push_back({json, "--summary-json"});
  std::vector<NamedPath> inputs{{o.operands.front(), "scenario file"}};
  if (o.parameter_sets) inputs.push_back({*o.parameter_sets, "--parameter-sets"});
  check_outputs("run", inputs, outputs);
  const std::optional<SetPlan> plan = plan_parameter_sets(
      o.parameter_sets, sc, sc.seed, precision ? args.max_replications : sc.replications);
  std::optional<SetScenarios> set_scenarios;
  if (plan) set_scenarios.emplace(sc, *plan, false);

  experiment::RunOptions options;
  options.seed = sc.seed;
  options.replications = sc.replications;
  options.threads = threads;
  options.record_persons = persons;
  Progress progress("replications", o.quiet);
  options.on_progress = [&progress](std::uint64_t d, std::uint64_t t) { progress.update(d, t); };
  if (set_scenarios) {
    options.model_for = [&set_scenarios](std::uint64_t r) { return set_scenarios->model_for(r); };
  }

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
  if (plan) record_parameter_sets(*plan, results.replications.size(), results);

  std::cout << "cmhsim " << version() << ": " << sc.path << " ("
            << experiment::model_kind_name(model.kind()) << "): " << sc.replications
            << " replications, seed " << sc.seed << ", " << results.provenance.threads
            << " threads, horizon " << model.horizon_days() << " days (warm-up "
            << model.warmup_days() << "), " << results.wall_seconds << " s, "
            << static_cast<double>(results.events) / results.wall_seconds / 1e6 << " M events/s\n";
  std::cout << precision_note;
  if (plan) std::cout << describe_plan(*plan) << "\n";
  if (o.all_metrics || !print_headline_table(std::cout, results)) {
    print_summary_table(std::cout, results);
    print_metrics_table(std::cout, results);
  }

  // Made only now, so a run refused on the way creates no folders.
  prepare_output_dir(output, "--output");
  if (!json.empty()) prepare_output_dir(json, "--summary-json");
  io::write_results_hdf5(results, output);
  std::cout << "\nwrote " << output << "\n";
  if (!json.empty()) {
    io::write_summary_json(results, json);
    std::cout << "wrote " << json << "\n";
  }
  return kExitOk;
}

}  // namespace

CommandAction setup_run(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  SharedOptions& o = args->shared;
  add_operands(app, o);
  add_output(app, o, "HDF5 results file to write (default: results/<scenario name>.h5)");
  add_replications(app, o, "override the scenario's replications", 1);
  add_seed(app, o, "override the scenario's seed");
  add_threads(app, o);
  add_summary_json(app, o, "also write the summary tables as JSON here");
  add_set(app, o);
  add_parameter_sets(app, o);
  add_optional(app, "--precision", args->precision,
               "add replications (in batches of the thread count) until METRIC's 95% CI "
               "half-width / |mean| <= REL; METRIC is a metric name or "
               "services.<service>.<metric>",
               "METRIC=REL");
  app.add_option("--max-replications", args->max_replications,
                 "with --precision: stop at this many replications even if REL is not reached")
      ->type_name("N")
      ->check(whole_number(2, max_replications()))
      ->capture_default_str();
  app.add_flag("--persons", args->persons,
               "pathway scenarios: also store every person's summary per replication "
               "(/persons; large)");
  add_all_metrics(app, o);
  add_quiet(app, o);
  return [args] { return run(*args); };
}

}  // namespace cmhsim::cli
