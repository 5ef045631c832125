// Reduction of replication outcomes into means with Student-t 95% intervals: per service, per
// end-of-run metric and per month of each series. Visits replications in index order.
#include <cmath>
#include <stdexcept>
#include <string>

#include "experiment/run_results.hpp"

namespace cmhsim::experiment {
namespace {

/// Returns the 95% interval of `value(rep)` over replications where it is finite.
template <typename Value>
engine::Estimate estimate_over(const std::vector<model::ReplicationOutcome>& reps, Value value) {
  engine::Welford w;
  // Replications where an output is undefined (e.g. a wait with no service starts) are skipped.
  for (const auto& rep : reps) {
    const double v = value(rep);
    if (std::isfinite(v)) w.add(v);
  }
  return engine::confidence_interval(w, 0.95);
}

}  // namespace

std::vector<ServiceSummary> summarise(const std::vector<model::ReplicationOutcome>& reps) {
  std::vector<ServiceSummary> out;
  if (reps.empty()) return out;
  const std::size_t services = reps.front().services.size();
  for (std::size_t s = 0; s < services; ++s) {
    ServiceSummary summary;
    summary.name = reps.front().services[s].name;
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      summary.metrics[m] = estimate_over(
          reps, [&](const model::ReplicationOutcome& rep) { return rep.services[s].values[m]; });
    }
    out.push_back(std::move(summary));
  }
  return out;
}

std::vector<engine::Estimate> summarise_metrics(
    const std::vector<model::ReplicationOutcome>& reps) {
  std::vector<engine::Estimate> out;
  if (reps.empty()) return out;
  const std::size_t count = reps.front().metrics.size();
  for (std::size_t r = 0; r < reps.size(); ++r) {
    if (reps[r].metrics.size() != count) {
      throw std::invalid_argument("replication " + std::to_string(r) + " has " +
                                  std::to_string(reps[r].metrics.size()) + " metrics, expected " +
                                  std::to_string(count));
    }
  }
  out.reserve(count);
  for (std::size_t m = 0; m < count; ++m) {
    out.push_back(
        estimate_over(reps, [m](const model::ReplicationOutcome& rep) { return rep.metrics[m]; }));
  }
  return out;
}

std::vector<std::vector<engine::Estimate>> summarise_series(
    const std::vector<model::ReplicationOutcome>& reps, std::size_t series_count) {
  std::vector<std::vector<engine::Estimate>> out;
  if (reps.empty()) return out;
  const std::size_t months = reps.front().months;
  for (std::size_t r = 0; r < reps.size(); ++r) {
    if (reps[r].months != months || reps[r].series.size() != months * series_count) {
      throw std::invalid_argument(
          "replication " + std::to_string(r) + " has " + std::to_string(reps[r].series.size()) +
          " series values over " + std::to_string(reps[r].months) + " months, expected " +
          std::to_string(months * series_count) + " over " + std::to_string(months));
    }
  }
  out.resize(months);
  for (std::size_t month = 0; month < months; ++month) {
    out[month].reserve(series_count);
    for (std::size_t k = 0; k < series_count; ++k) {
      const std::size_t at = month * series_count + k;
      out[month].push_back(estimate_over(
          reps, [at](const model::ReplicationOutcome& rep) { return rep.series[at]; }));
    }
  }
  return out;
}

}  // namespace cmhsim::experiment
