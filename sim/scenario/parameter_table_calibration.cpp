// The table of calibration-file keys: the scenarios, the parameters with their priors, the
// targets, the method and its settings. Knows nothing of YAML, of loading or of the algorithm.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario {
namespace {

using namespace table;

constexpr Bounds kPositiveSd{0.0, true, kInf, false};
constexpr Bounds kQuantile{0.0, true, 1.0, true};
constexpr Bounds kPopulation{10.0, false, 100000.0, false};
constexpr Bounds kGenerations{1.0, false, 100.0, false};
constexpr Bounds kBudget{1.0, false, 1e9, false};

std::vector<Parameter> build_calibration_parameters() {
  using K = ValueKind;
  return {
      {"name", K::Text, "", false, "the file name without directory and extension", kAny, "", "",
       "Short identifier of the calibration, used in results.", kInput},
      {"description", K::Text, "", false, "empty", kAny, "", "",
       "Free text saying what is calibrated to what.", kInput},
      {"scenario", K::Text, "", true, "", kAny, "a scenario file", "",
       "The scenario to calibrate, as a path relative to the calibration file's directory.",
       kInput},
      {"scenarios", K::Text, "", false, "none", kAny, "a list of scenario files", "",
       "Further scenarios that targets may name (such as a trial scenario); each gets the same "
       "parameter values as the main one.",
       kInput},
      {"parameters", K::NamedEntries, "", true, "", kAny,
       "at least one entry; keys are numeric scenario key paths", "",
       "The parameters to calibrate, each with its prior.", kInput},
      {"parameters.<key path>", K::Mapping, "", false, "", kAny,
       "`plausible_range`, or exactly one of `uniform` and `normal`", "",
       "The prior of one parameter: `plausible_range` takes the parameter table's plausible range "
       "as a uniform prior.",
       kInput},
      {"parameters.<key path>.uniform", K::NumberList, "", false, "", kAny,
       "two numbers lo < hi within the key's bounds", "", "A uniform prior on [lo, hi].", kInput},
      {"parameters.<key path>.normal", K::NumberList, "", false, "", kAny,
       "two numbers [mean, sd], sd > 0; needs truncated", "",
       "A normal prior with this mean and standard deviation, truncated to `truncated`.", kInput},
      {"parameters.<key path>.truncated", K::NumberList, "", false, "", kAny,
       "two numbers lo < hi within the key's bounds (normal only)", "",
       "The interval a normal prior is truncated to.", kInput},
      {"targets", K::Sequence, "", false, "none (then targets_csv is required)", kAny,
       "a list of mappings", "", "The observed figures the model is fitted to.", kInput},
      {"targets[].metric", K::Text, "", true, "", kAny,
       "an end-of-run metric or services.<service>.<metric>", "",
       "A metric as `cmhsim run --summary-json` names it.", kInput},
      {"targets[].scenario", K::Text, "", false, "the main scenario", kAny,
       "the name of a scenario under scenarios", "", "The scenario whose run gives the metric.",
       kInput},
      {"targets[].observed", K::Number, "", true, "", kAny, "", "", "The observed value.", kInput},
      {"targets[].sd", K::Number, "", false, "none (give sd or ci95)", kPositiveSd, "", "",
       "The observed value's standard error (its uncertainty, not the spread of people).", kInput},
      {"targets[].ci95", K::NumberList, "", false, "none (give sd or ci95)", kAny,
       "two numbers lo < hi", "",
       "The observed value's 95% confidence interval; its sd is taken as (hi - lo) / 3.92.",
       kInput},
      {"targets_csv", K::Text, "", false, "none", kAny, "a CSV file", "",
       "A CSV file of further targets, relative to the calibration file's directory: a header "
       "naming metric, observed and either sd or ci95_lo and ci95_hi (and optionally scenario), "
       "then one target per row.",
       kInput},
      {"method", K::Mapping, "", false, "abc_smc with the defaults below", kAny, "", "",
       "The calibration method and its settings (docs/calibration-method.md).", kInput},
      {"method.name", K::Choice, "", false, "abc_smc", kAny, "", "abc_smc",
       "Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009) with the "
       "adaptive perturbation kernel and weights of Beaumont et al. (2009).",
       kInput},
      {"method.population", K::Integer, "", false, "200", kPopulation, "", "",
       "Accepted particles per generation.", kInput},
      {"method.generations", K::Integer, "", false, "8", kGenerations, "", "",
       "The most generations after the first (drawn from the prior); fewer when the tolerances "
       "or the budget run out.",
       kInput},
      {"method.quantile", K::Number, "", false, "0.5", kQuantile, "", "",
       "Adaptive tolerance: each generation's tolerance is this quantile of the previous "
       "population's distances (Del Moral et al. 2012); ignored when tolerances are given.",
       kInput},
      {"method.tolerances", K::NumberList, "", false, "adaptive (by quantile)", kPositiveSd,
       "decreasing", "", "A fixed tolerance schedule, one distance per generation after the first.",
       kInput},
      {"method.tolerance_floor", K::Number, "", false,
       "the median of the chi distribution with one degree of freedom per target", kNonNegative, "",
       "",
       "The lowest adaptive tolerance; the calibration stops after the generation that reaches "
       "it. Predictions use common random numbers, so they do not carry the targets' errors: "
       "the default is the distance at which observations with the targets' sds typically lie "
       "from the truth's predictions (0: no floor).",
       kInput},
      {"method.min_acceptance", K::Number, "", false, "0.02", kQuantile, "", "",
       "Stops after a generation whose share of accepted proposals falls below this.", kInput},
      {"seed", K::Integer, "", false, "the scenario's seed", kNonNegative, "(unsigned 64-bit)", "",
       "Seed of the proposals and of every point's runs.", kInput},
      {"replications_per_point", K::Integer, "", false, "4", kReplications, "", "",
       "Replications of each scenario at each point; the prediction is their mean.", kInput},
      {"budget", K::Integer, "", false, "20000", kBudget, "", "",
       "The most model runs (replications) the calibration may use; it stops after the last "
       "generation that fits.",
       kInput},
  };
}

}  // namespace

const std::vector<Parameter>& calibration_parameters() {
  static const std::vector<Parameter> table = build_calibration_parameters();
  return table;
}

std::vector<const Parameter*> calibration_children(std::string_view path) {
  std::vector<const Parameter*> out;
  for (const Parameter& p : calibration_parameters()) {
    if (is_child_of(p.path, path)) out.push_back(&p);
  }
  return out;
}

}  // namespace cmhsim::scenario
