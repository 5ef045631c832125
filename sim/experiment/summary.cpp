// Reduction of replication outcomes into per-service means with Student-t 95% intervals.
// Visits replications in index order, so the result is independent of how they were run.
#include <cmath>

#include "experiment/run_results.hpp"

namespace cmhsim::experiment {

std::vector<ServiceSummary> summarise(const std::vector<model::ReplicationOutcome>& reps) {
  std::vector<ServiceSummary> out;
  if (reps.empty()) return out;
  const std::size_t services = reps.front().services.size();
  for (std::size_t s = 0; s < services; ++s) {
    ServiceSummary summary;
    summary.name = reps.front().services[s].name;
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      engine::Welford w;
      // Replications where a metric is undefined (e.g. a wait with no service starts) are skipped.
      for (const auto& rep : reps) {
        const double v = rep.services[s].values[m];
        if (std::isfinite(v)) w.add(v);
      }
      summary.metrics[m] = engine::confidence_interval(w, 0.95);
    }
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace cmhsim::experiment
