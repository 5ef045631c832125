// `cmhsim warmup`: run a pathway scenario without warm-up and recommend its warmup_days from the
// monthly series (MSER-5 or Welch). Knows the command line; the arithmetic is in experiment/.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/runner.hpp"
#include "experiment/warmup_analysis.hpp"
#include "io/atomic_file.hpp"
#include "io/summary_json.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/person.hpp"
#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {

namespace {

/// Caps the default replications: the mean series settle well before the scenario's count.
constexpr std::uint64_t kDefaultReplicationCap = 20;

/// Holds `warmup`'s options.
struct WarmupArgs {
  SharedOptions shared;
  std::vector<std::string> series;
  std::string method = "mser5";
  experiment::WelchOptions welch;
};

/// Returns the index of each series `names` asks for (the defaults when empty); throws
/// UsageError listing the known series if a name is unknown.
std::vector<std::size_t> chosen_series(const std::vector<std::string>& names,
                                       const std::vector<model::OutputInfo>& infos) {
  if (names.empty()) {
    const auto d = experiment::default_warmup_series();
    return {d.begin(), d.end()};
  }
  std::vector<std::size_t> chosen;
  for (const std::string& name : names) {
    const auto it = std::find_if(infos.begin(), infos.end(),
                                 [&name](const model::OutputInfo& i) { return i.name == name; });
    if (it == infos.end()) {
      std::string known;
      for (const auto& info : infos) known += (known.empty() ? "" : ", ") + info.name;
      throw UsageError{"warmup: --series: unknown series '" + name + "'; known series: " + known};
    }
    const auto index = static_cast<std::size_t>(it - infos.begin());
    if (std::find(chosen.begin(), chosen.end(), index) == chosen.end()) chosen.push_back(index);
  }
  return chosen;
}

/// Returns the mean of `values` from month `first` on.
double mean_from(const std::vector<double>& values, std::size_t first) {
  if (first >= values.size()) return 0.0;
  const double sum =
      std::accumulate(values.begin() + static_cast<std::ptrdiff_t>(first), values.end(), 0.0);
  return sum / static_cast<double>(values.size() - first);
}

/// Returns the recommendation as one line of JSON (the layout docs/warmup.md gives).
std::string recommendation_json(const experiment::WarmupRecommendation& r,
                                std::uint64_t replications) {
  nlohmann::ordered_json json;
  json["method"] = std::string(experiment::warmup_method_name(r.method));
  if (r.method == experiment::WarmupMethod::Welch) {
    json["welch_window"] = r.welch.window;
    json["welch_band"] = r.welch.band;
  }
  json["recommended_warmup_days"] = r.days;
  json["recommended_warmup_months"] = r.months;
  json["driven_by"] =
      r.months == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.driven_by);
  json["settled_warmup_days"] = r.settled_days;
  json["settled_warmup_months"] = r.settled_months;
  json["settled_driven_by"] = r.settled_driven_by.empty()
                                  ? nlohmann::ordered_json(nullptr)
                                  : nlohmann::ordered_json(r.settled_driven_by);
  json["months_observed"] = r.months_observed;
  json["replications"] = replications;
  auto series = nlohmann::ordered_json::object();
  for (const auto& s : r.series) {
    series[s.name] = {
        {"truncation_months", s.months}, {"truncation_days", s.days}, {"at_limit", s.at_limit}};
  }
  json["series"] = std::move(series);
  return io::dump_json(json);
}

/// Writes the method line, the per-series table and the recommendation.
void print_recommendation(std::ostream& os, const experiment::WarmupRecommendation& r,
                          const std::vector<std::vector<double>>& series) {
  if (r.method == experiment::WarmupMethod::Mser5) {
    os << "method: MSER-5 (batch means of " << experiment::kMserBatchSize
       << " months; truncation limited to the first half of the run)\n";
  } else {
    os << "method: Welch (centred moving average of " << 2 * r.welch.window + 1
       << " months; truncation where it stays within the band around the final level:\n"
       << "        the largest of " << 100.0 * r.welch.band
       << "% of that level, its largest second-half deviation and 3 standard errors)\n";
  }
  int name_width = 6;
  for (const auto& s : r.series) name_width = std::max(name_width, static_cast<int>(s.name.size()));
  char line[512];
  std::snprintf(line, sizeof line, "\n  %-*s %8s %8s %14s %14s\n", name_width, "series", "months",
                "days", "first month", "mean after");
  os << line;
  bool any_at_limit = false;
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    const auto& s = r.series[i];
    any_at_limit = any_at_limit || s.at_limit;
    std::snprintf(line, sizeof line, "  %-*s %8zu %8llu %14.6g %14.6g%s\n", name_width,
                  s.name.c_str(), s.months, static_cast<unsigned long long>(s.days),
                  series[i].front(), mean_from(series[i], s.months), s.at_limit ? "  *" : "");
    os << line;
  }
  if (any_at_limit) {
    os << "  * at the method's limit (half the run): the series may still be moving at the end "
          "of the run;\n    look at it, lengthen horizon_days and check again\n";
  }
  os << "\nrecommended warmup_days: " << r.days << " (" << r.months << " months; ";
  if (r.months == 0) {
    os << "no series shows a transient)\n";
  } else {
    os << "driven by " << r.driven_by << ")\n";
  }
  if (any_at_limit) {
    os << "series not at the limit alone: " << r.settled_days << " days (" << r.settled_months
       << " months" << (r.settled_driven_by.empty() ? "" : "; driven by " + r.settled_driven_by)
       << ")\n";
  }
}

/// Runs the scenario `args` names without warm-up and reports the warm-up it needs.
int warmup(const WarmupArgs& args) {
  const SharedOptions& o = args.shared;
  if (o.operands.empty()) throw UsageError{"warmup: missing scenario file"};
  if (o.operands.size() != 1) throw UsageError{"warmup: expected exactly one scenario file"};
  const std::string& file = o.operands.front();
  const auto method =
      args.method == "welch" ? experiment::WarmupMethod::Welch : experiment::WarmupMethod::Mser5;
  if (o.summary_json) {
    check_outputs("warmup", {{file, "scenario file"}}, {{*o.summary_json, "--summary-json"}});
  }

  scenario::Scenario sc = scenario::load_scenario_file(file);
  if (!sc.pathways) {
    throw UsageError{"warmup: " + file +
                     " is a queueing network, which records no monthly series; the warm-up "
                     "analysis applies to pathway scenarios"};
  }
  if (sc.pathways->trial.enabled) {
    throw UsageError{
        "warmup: " + file +
        " describes a trial, which the model follows from randomisation with no warm-up "
        "(warmup_days does not apply); the warm-up analysis applies to service "
        "scenarios"};
  }
  const std::vector<model::OutputInfo>& infos = model::PathwayModel::series_infos();
  const std::vector<std::size_t> chosen = chosen_series(args.series, infos);
  const double file_warmup = sc.pathways->warmup_days;
  auto overrides = scenario::parse_set_options(o.set);
  // Last, so it wins over a --set of the same key: the whole run must be observed.
  overrides.push_back({"warmup_days", "0", "warmup", 0, 0});
  sc = scenario::apply_overrides(sc, overrides);
  const std::uint64_t replications =
      o.replications.value_or(std::min(sc.replications, kDefaultReplicationCap));
  sc.set_run(o.seed.value_or(sc.seed), replications);

  const experiment::ModelSpec model = model_of(sc);
  experiment::RunOptions options;
  options.seed = sc.seed;
  options.replications = sc.replications;
  options.threads = o.threads;
  Progress progress("replications", o.quiet);
  options.on_progress = [&progress](std::uint64_t d, std::uint64_t t) { progress.update(d, t); };
  const experiment::RunResults results = experiment::run_replications(model, options);
  progress.finish();

  experiment::MeanSeries series;
  experiment::WarmupRecommendation recommendation;
  try {
    series = experiment::replication_mean_series(results.replications, infos, chosen);
    recommendation = experiment::recommend_warmup(series.names, series.values, method, args.welch);
  } catch (const experiment::WarmupError& e) {
    throw UsageError{"warmup: " + file + ": " + e.what()};
  }

  std::cout << "cmhsim " << version() << " warmup: " << sc.path << " (pathway): " << sc.replications
            << " replications, seed " << sc.seed << ", horizon " << model.horizon_days()
            << " days run with warmup_days 0 (" << recommendation.months_observed
            << " months observed; the file has warmup_days " << file_warmup << ", "
            << file_warmup / model::pathway::kMonthDays << " months)\n";
  print_recommendation(std::cout, recommendation, series.values);

  if (o.summary_json) {
    prepare_output_dir(*o.summary_json, "--summary-json");
    io::write_file_atomically(*o.summary_json,
                              recommendation_json(recommendation, sc.replications) + "\n");
    std::cout << "wrote " << *o.summary_json << "\n";
  }
  return kExitOk;
}

}  // namespace

CommandAction setup_warmup(CLI::App& app) {
  auto args = std::make_shared<WarmupArgs>();
  SharedOptions& o = args->shared;
  add_operands(app, o);
  add_replications(app, o,
                   "replications to average (default: the scenario's, at most " +
                       std::to_string(kDefaultReplicationCap) + ")",
                   1);
  add_seed(app, o, "override the scenario's seed");
  add_threads(app, o);
  app.add_option(
         "--series", args->series,
         "a monthly series to judge (repeatable or comma-separated; default: people by "
         "setting, people_in_gap, the waiting lists, the caseloads and mean_quality_of_life; "
         "'cmhsim params --outputs' lists them)")
      ->type_name("NAME")
      ->delimiter(',')
      // One value per --series, so a scenario file after it is not taken as a series.
      ->allow_extra_args(false);
  app.add_option("--method", args->method,
                 "mser5: MSER-5 on batch means of 5 months; welch: Welch's moving average")
      ->type_name("METHOD")
      ->check(CLI::IsMember({"mser5", "welch"}))
      ->capture_default_str();
  app.add_option("--window", args->welch.window,
                 "with --method welch: the moving average's half-window in months (it averages "
                 "2W+1 months)")
      ->type_name("W")
      ->check(whole_number(1, 1000))
      ->capture_default_str();
  app.add_option("--band", args->welch.band,
                 "with --method welch: the band's least half-width as a fraction of the final "
                 "level")
      ->type_name("FRACTION")
      ->check(CLI::Range(0.0, 1.0).description(""))
      ->capture_default_str();
  add_summary_json(app, o, "also write the recommendation as JSON here");
  add_set(app, o);
  add_quiet(app, o);
  return [args] { return warmup(*args); };
}

}  // namespace cmhsim::cli
