// Parameter uncertainty for run, compare and sweep: planning which set each replication uses and
// building each used set's scenario through overrides. Knows scenarios and the sets file.
#include "cli/parameter_uncertainty.hpp"

#include <cstdio>
#include <fstream>

#include "cli/exit_codes.hpp"
#include "io/parameter_sets_io.hpp"
#include "scenario/overrides.hpp"
#include "scenario/pairing.hpp"

namespace cmhsim::cli {
namespace {

/// Returns `v` with %.17g, which reads back to the same double.
std::string exact(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

/// Returns the 1-based line and column of `key` in the header of the CSV file at `path`, or
/// {0, 0} when the file is not CSV text or the key is not found.
std::pair<int, int> csv_key_position(const std::string& path, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::size_t start = 0;
    for (;;) {
      const std::size_t end = std::min(line.find(',', start), line.size());
      std::size_t a = start;
      while (a < end && (line[a] == ' ' || line[a] == '\t')) ++a;
      std::size_t b = end;
      while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r')) --b;
      if (line.compare(a, b - a, key) == 0 && b - a == key.size()) {
        return {number, static_cast<int>(a) + 1};
      }
      if (end == line.size()) break;
      start = end + 1;
    }
    return {0, 0};
  }
  return {0, 0};
}

/// Returns the overrides that give `base` the values of set `i`, positioned where each key is
/// named: the sets file's header, or the key's entry in the `uncertainty` section.
std::vector<scenario::Override> overrides_of(const SetPlan& plan, const scenario::Scenario& base,
                                             std::size_t i) {
  std::vector<scenario::Override> out;
  for (std::size_t k = 0; k < plan.sets.keys.size(); ++k) {
    const std::string& key = plan.sets.keys[k];
    scenario::Override o{key, exact(plan.sets.values[i][k]), plan.origin, 0, 0};
    if (plan.from_file) {
      std::tie(o.line, o.column) = csv_key_position(plan.origin, key);
    } else if (k < base.uncertainty.parameters.size()) {
      o.line = base.uncertainty.parameters[k].line;
      o.column = base.uncertainty.parameters[k].column;
    }
    out.push_back(std::move(o));
  }
  return out;
}

/// Returns the uncertainty section's resolved entries of `sc`, for comparing scenarios.
scenario::ResolvedValues uncertainty_entries(const scenario::Scenario& sc) {
  scenario::ResolvedValues out;
  for (const auto& kv : sc.resolved) {
    if (kv.first.rfind("uncertainty.", 0) == 0) out.push_back(kv);
  }
  return out;
}

}  // namespace

std::optional<SetPlan> plan_parameter_sets(const std::optional<std::string>& path,
                                           const scenario::Scenario& sc, std::uint64_t seed,
                                           std::uint64_t replications) {
  if (path && sc.uncertainty.active()) {
    throw UsageError{"--parameter-sets: " + sc.path +
                     " has an uncertainty section; give the parameter sets one way, not both"};
  }
  SetPlan plan;
  if (path) {
    plan.sets = io::read_parameter_sets(*path);
    plan.origin = *path;
    plan.from_file = true;
    for (std::uint64_t r = 0; r < replications; ++r) {
      plan.set_of.push_back(experiment::set_for_replication(plan.sets, seed, r));
    }
    return plan;
  }
  if (!sc.uncertainty.active()) return std::nullopt;
  const std::uint64_t count = sc.uncertainty.sets == 0 ? replications : sc.uncertainty.sets;
  for (const auto& p : sc.uncertainty.parameters) plan.sets.keys.push_back(p.key_path);
  for (std::uint64_t s = 0; s < count; ++s) {
    plan.sets.values.push_back(scenario::draw_uncertain_set(sc.uncertainty, seed, s));
  }
  plan.sets.weights.assign(count, 1.0 / static_cast<double>(count));
  plan.sets.provenance =
      "drawn from the uncertainty section of " + sc.path + " with seed " + std::to_string(seed);
  plan.origin = sc.path;
  for (std::uint64_t r = 0; r < replications; ++r) plan.set_of.push_back(r % count);
  return plan;
}

void require_same_uncertainty(const std::vector<scenario::Scenario>& scenarios) {
  const scenario::ResolvedValues first = uncertainty_entries(scenarios.front());
  for (std::size_t i = 1; i < scenarios.size(); ++i) {
    const scenario::ResolvedValues other = uncertainty_entries(scenarios[i]);
    if (!other.empty() && other != first) {
      throw UsageError{"compare: " + scenarios[i].path +
                       " has an uncertainty section that differs from the first scenario's (" +
                       scenarios.front().path +
                       "); compared scenarios draw the same parameter sets, so give the section "
                       "in the first scenario only, or the same section in every one"};
    }
  }
}

SetScenarios::SetScenarios(const scenario::Scenario& base, const SetPlan& plan, bool paired)
    : by_set_(plan.sets.values.size()), set_of_(plan.set_of) {
  const auto people = paired ? scenario::people_defining_values(base) : scenario::ResolvedValues{};
  for (const std::string& key : plan.sets.keys) {
    // The run's seed and replications come from the command line and the first scenario, and
    // the scenario text each set starts from does not carry them.
    if (key == "seed" || key == "replications") {
      throw experiment::ParameterSetsError(plan.origin + ": a parameter set cannot set " + key);
    }
  }
  for (const std::uint64_t i : plan.set_of) {
    if (by_set_[i]) continue;
    scenario::Scenario sc = scenario::apply_overrides(base, overrides_of(plan, base, i));
    const std::string where = plan.origin + " (parameter set " + std::to_string(i) + ")";
    if (sc.network.horizon_days != base.network.horizon_days ||
        sc.network.warmup_days != base.network.warmup_days ||
        sc.service_names() != base.service_names()) {
      throw experiment::ParameterSetsError(
          where +
          ": a parameter set cannot change the horizon, warm-up or services, which "
          "every replication of a run shares");
    }
    if (paired) {
      const auto changed = scenario::people_defining_values(sc);
      for (std::size_t k = 0; k < changed.size() && k < people.size(); ++k) {
        if (changed[k] != people[k]) {
          throw experiment::ParameterSetsError(
              where + ": sets " + changed[k].first + " to " + changed[k].second +
              " (the scenario has " + people[k].second +
              "), a key that decides who is simulated; compared scenarios "
              "must simulate the same people, so parameter sets cannot vary it");
        }
      }
    }
    by_set_[i] = std::move(sc);
  }
}

experiment::ModelSpec SetScenarios::model_for(std::uint64_t r) const {
  const scenario::Scenario& sc = *by_set_.at(set_of_.at(r));
  if (sc.pathways) return experiment::ModelSpec(*sc.pathways);
  return experiment::ModelSpec(sc.network);
}

void record_parameter_sets(const SetPlan& plan, std::uint64_t replications,
                           experiment::RunResults& results) {
  results.parameter_sets = plan.sets;
  results.parameter_set_of.assign(plan.set_of.begin(),
                                  plan.set_of.begin() + static_cast<std::ptrdiff_t>(replications));
}

std::string describe_plan(const SetPlan& plan) {
  std::string out = "parameter uncertainty: " + std::to_string(plan.sets.values.size()) +
                    " parameter sets of " + std::to_string(plan.sets.keys.size()) + " keys ";
  out += plan.from_file ? "from " + plan.origin
                        : "drawn from the uncertainty section of " + plan.origin;
  return out;
}

}  // namespace cmhsim::cli
