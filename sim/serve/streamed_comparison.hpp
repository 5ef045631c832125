// A paired comparison run in batches of replications, so partial answers can be shown while it
// refines, and stopped between batches on request. Knows the experiment layer, not HTTP.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiment/comparison.hpp"

namespace cmhsim::serve {

/// Says how far to run a streamed comparison.
struct StreamSettings {
  std::uint64_t seed = 1;
  std::uint64_t max_replications = 20;  ///< Never more than this many replications per arm.
  int threads = 0;                      ///< Worker threads; 0 means all cores.
  /// Stop once every outcome in `precision_outcomes` has a paired 95% half-width of at most
  /// `precision` times the larger of its two means' magnitudes; 0 runs to max_replications.
  double precision = 0.0;
  std::vector<std::string> precision_outcomes;
};

/// Names why a streamed comparison ended.
enum class StreamEnd { Precise, Limit, Cancelled };

/// Is called after each batch with the comparison of every replication so far.
using BatchCallback = std::function<void(const experiment::ComparisonResults&)>;

/// Runs `arms` (checked with experiment::comparability_problems first; ComparisonError if any)
/// in batches of resolve_threads(threads) replications (at least 2 in the first), calling
/// `on_batch` after each, until the precision or the limit is reached or `stop` is set. The
/// results after N replications equal experiment::compare() run with N, bit for bit.
StreamEnd run_in_batches(const std::vector<experiment::ComparisonArm>& arms,
                         const StreamSettings& settings, const std::atomic<bool>& stop,
                         const BatchCallback& on_batch);

/// Returns true when the first scenario after the baseline meets the settings' precision.
bool precise_enough(const experiment::ComparisonResults& results, const StreamSettings& settings);

}  // namespace cmhsim::serve
