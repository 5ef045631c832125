// Runs many scenario points' replications as one flat set of (point, replication) tasks on the
// runner's parallel loop, handing each point over as soon as its last replication is done.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "experiment/model_spec.hpp"
#include "experiment/run_results.hpp"

namespace cmhsim::experiment {

/// Describes one point of a sweep: its model and how to key its replications.
struct SweepPoint {
  ModelSpec model;
  std::uint64_t seed = 1;
  std::uint64_t replications = 10;
  /// Gives the model replication r runs under parameter uncertainty (empty: always `model`).
  std::function<ModelSpec(std::uint64_t)> model_for{};
};

/// Says how to run a sweep's points.
struct SweepRunOptions {
  int threads = 0;  ///< Worker threads; 0 means all cores.
  /// Is asked before each point starts; once true, no further point starts (started ones finish).
  std::function<bool()> stop;
  /// Is told (replications done, replications to do) after each replication, one call at a time.
  std::function<void(std::uint64_t, std::uint64_t)> on_progress;
};

/// Runs every point i with `done[i]` false (all if `done` is empty), replication r of a point
/// keyed by (its seed, r), and calls `on_point(i, results)` from one thread at a time as each
/// point finishes (summaries filled as by run_replications). Returns the points finished.
std::size_t run_sweep_points(const std::vector<SweepPoint>& points, const std::vector<bool>& done,
                             const SweepRunOptions& options,
                             const std::function<void(std::size_t, RunResults)>& on_point);

}  // namespace cmhsim::experiment
