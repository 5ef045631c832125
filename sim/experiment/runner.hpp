// Runs a scenario's replications in parallel (oneTBB) and reduces them in replication order.
// The only layer that knows threads; results never depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>

#include "experiment/run_results.hpp"
#include "model/network_config.hpp"

namespace cmhsim::experiment {

/// Says how to run a set of replications.
struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replications = 10;
  int threads = 0;  ///< Worker threads; 0 means all cores.
  /// Is told (replications done, total) after each replication, from one thread at a time.
  std::function<void(std::uint64_t, std::uint64_t)> on_progress;
};

/// Runs replications 0..R-1 of `network` keyed by (seed, r); fills outcomes, summary and timing.
RunResults run_replications(const model::NetworkConfig& network, const RunOptions& options);

/// Returns the number of worker threads `requested` resolves to (0 means all cores).
int resolve_threads(int requested);

}  // namespace cmhsim::experiment
