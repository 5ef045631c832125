// Streamed comparisons: replications appended arm by arm in thread-sized batches, every
// partial answer reduced in replication order, as a fixed-count comparison reduces its runs.
#include "serve/streamed_comparison.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "experiment/runner.hpp"

namespace cmhsim::serve {

bool precise_enough(const experiment::ComparisonResults& results, const StreamSettings& settings) {
  if (!(settings.precision > 0.0) || results.differences.empty()) return false;
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    const auto& wanted = settings.precision_outcomes;
    if (std::find(wanted.begin(), wanted.end(), results.outcomes[k].name) == wanted.end()) continue;
    const engine::Estimate& d = results.differences.front()[k].paired;
    const double scale =
        std::max(std::abs(results.estimates[0][k].mean), std::abs(results.estimates[1][k].mean));
    // An outcome that is zero (or undefined) in both arms has no scale to be precise about.
    if (!(scale > 0.0) || !std::isfinite(scale)) continue;
    if (!(d.n >= 2 && std::isfinite(d.lo) && std::isfinite(d.hi))) return false;
    if ((d.hi - d.lo) / 2.0 > settings.precision * scale) return false;
  }
  return true;
}

StreamEnd run_in_batches(const std::vector<experiment::ComparisonArm>& arms,
                         const StreamSettings& settings, const std::atomic<bool>& stop,
                         const BatchCallback& on_batch) {
  if (arms.size() < 2)
    throw experiment::ComparisonError("a comparison needs at least two scenarios");
  const auto problems = experiment::comparability_problems(arms);
  if (!problems.empty()) {
    std::string message = "cannot compare these scenarios: ";
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
    throw experiment::ComparisonError(message);
  }
  const auto started = std::chrono::steady_clock::now();
  experiment::RunOptions options;
  options.seed = settings.seed;
  options.threads = settings.threads;
  const std::uint64_t batch =
      static_cast<std::uint64_t>(std::max(1, experiment::resolve_threads(settings.threads)));
  std::vector<std::string> names;
  for (const auto& arm : arms) names.push_back(arm.name);
  std::vector<experiment::RunResults> runs(arms.size());
  std::uint64_t done = 0;
  while (done < settings.max_replications) {
    const std::uint64_t want = done == 0 ? std::max<std::uint64_t>(batch, 2) : batch;
    const std::uint64_t count = std::min(want, settings.max_replications - done);
    for (std::size_t s = 0; s < arms.size(); ++s) {
      if (stop.load()) return StreamEnd::Cancelled;
      experiment::append_replications(arms[s].model, options, done, count, runs[s]);
    }
    done += count;
    for (std::size_t s = 0; s < arms.size(); ++s)
      experiment::finish_results(arms[s].model, runs[s]);
    if (stop.load()) return StreamEnd::Cancelled;
    experiment::ComparisonResults partial =
        experiment::reduce_comparison(names, runs, settings.seed);
    partial.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    on_batch(partial);
    if (done >= 2 && precise_enough(partial, settings)) return StreamEnd::Precise;
  }
  return StreamEnd::Limit;
}

}  // namespace cmhsim::serve
