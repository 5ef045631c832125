// Paired comparisons: runs each scenario with the same seed and replications, then reduces the
// per-replication differences from the baseline in replication order.
#include "experiment/comparison.hpp"

#include <chrono>
#include <cmath>
#include <set>

namespace cmhsim::experiment {

std::vector<model::OutputInfo> outcome_infos(const RunResults& run) {
  std::vector<model::OutputInfo> out = run.metric_infos;
  std::vector<std::string> services;
  if (!run.replications.empty()) {
    for (const auto& s : run.replications.front().services) services.push_back(s.name);
  } else {
    for (const auto& s : run.summary) services.push_back(s.name);
  }
  for (const auto& service : services) {
    for (const auto& m : model::kServiceMetrics) {
      out.push_back({"services." + service + "." + m.name, m.unit,
                     "service " + service + ": " + m.description});
    }
  }
  return out;
}

double outcome_value(const model::ReplicationOutcome& rep, std::size_t k) {
  if (k < rep.metrics.size()) return rep.metrics[k];
  const std::size_t i = k - rep.metrics.size();
  return rep.services.at(i / model::kServiceMetricCount).values[i % model::kServiceMetricCount];
}

Difference difference(const std::vector<double>& x, const std::vector<double>& baseline) {
  engine::Welford paired;
  engine::Welford wx;
  engine::Welford wa;
  const std::size_t n = std::min(x.size(), baseline.size());
  for (std::size_t r = 0; r < n; ++r) {
    const bool fx = std::isfinite(x[r]);
    const bool fa = std::isfinite(baseline[r]);
    if (fx) wx.add(x[r]);
    if (fa) wa.add(baseline[r]);
    if (fx && fa) paired.add(x[r] - baseline[r]);
  }
  return {engine::confidence_interval(paired, 0.95), engine::welch_interval(wx, wa, 0.95)};
}

ComparisonResults reduce_comparison(const std::vector<std::string>& names,
                                    std::vector<RunResults> runs, std::uint64_t seed) {
  ComparisonResults out;
  out.names = names;
  out.seed = seed;
  out.replications = runs.front().replications.size();
  out.runs = std::move(runs);
  out.outcomes = outcome_infos(out.runs.front());
  const std::size_t outcomes = out.outcomes.size();
  const std::size_t reps = out.replications;
  // values[s][k][r]: outcome k of replication r of scenario s.
  std::vector<std::vector<std::vector<double>>> values(out.runs.size());
  for (std::size_t s = 0; s < out.runs.size(); ++s) {
    values[s].assign(outcomes, std::vector<double>(reps));
    for (std::size_t r = 0; r < reps; ++r) {
      for (std::size_t k = 0; k < outcomes; ++k) {
        values[s][k][r] = outcome_value(out.runs[s].replications[r], k);
      }
    }
    std::vector<engine::Estimate> estimates;
    for (std::size_t k = 0; k < outcomes; ++k) {
      engine::Welford w;
      for (const double v : values[s][k]) {
        if (std::isfinite(v)) w.add(v);
      }
      estimates.push_back(engine::confidence_interval(w, 0.95));
    }
    out.estimates.push_back(std::move(estimates));
  }
  for (std::size_t s = 1; s < out.runs.size(); ++s) {
    std::vector<Difference> diffs;
    diffs.reserve(outcomes);
    for (std::size_t k = 0; k < outcomes; ++k) {
      diffs.push_back(difference(values[s][k], values[0][k]));
    }
    out.differences.push_back(std::move(diffs));
  }
  out.cost_effectiveness = cost_effectiveness(out, default_thresholds());
  return out;
}

ComparisonResults compare(const std::vector<ComparisonArm>& arms, const RunOptions& options) {
  if (arms.size() < 2) throw ComparisonError("a comparison needs at least two scenarios");
  std::set<std::string> seen;
  for (const auto& arm : arms) {
    if (!seen.insert(arm.name).second) {
      throw ComparisonError("two scenarios are called '" + arm.name + "'; names must differ");
    }
  }
  const std::vector<std::string> problems = comparability_problems(arms);
  if (!problems.empty()) {
    std::string message = "cannot compare these scenarios: ";
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
    throw ComparisonError(message);
  }

  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> names;
  std::vector<RunResults> runs;
  for (const auto& arm : arms) {
    names.push_back(arm.name);
    RunOptions arm_options = options;
    arm_options.model_for = arm.model_for;
    runs.push_back(run_replications(arm.model, arm_options));
  }
  ComparisonResults out = reduce_comparison(names, std::move(runs), options.seed);
  out.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace cmhsim::experiment
