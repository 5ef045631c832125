// Sequential stopping: keep adding replications until one outcome's 95% interval is narrow
// enough relative to its mean. Deterministic: replication r is always keyed (seed, r).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "experiment/run_results.hpp"
#include "experiment/runner.hpp"

namespace cmhsim::experiment {

/// Signals a precision target that names no outcome of the model or is out of range.
class PrecisionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Names the outcome to pin down and how closely.
struct PrecisionTarget {
  /// An end-of-run metric's name or `services.<service>.<metric>`.
  std::string outcome;
  double relative = 0.05;  ///< Target 95% CI half-width / |mean|.
  std::uint64_t max_replications = 1000;
};

/// Holds a precision-driven run and whether it met its target.
struct PrecisionRun {
  RunResults results;
  bool reached = false;
  double relative_half_width = 0.0;  ///< Of the target outcome at the final count.
};

/// Runs batches of resolve_threads(options.threads) replications (at least 2 at first) until the
/// target outcome's 95% half-width / |mean| <= target.relative or max_replications are done.
/// The results equal run_replications() with the final count. Throws PrecisionError if the
/// outcome is unknown or the target is not positive.
PrecisionRun run_to_precision(const ModelSpec& model, const RunOptions& options,
                              const PrecisionTarget& target);

/// Returns the relative 95% half-width of outcome `k` over `results`' replications (infinite
/// with fewer than two finite values or a zero mean).
double relative_half_width(const RunResults& results, std::size_t k);

}  // namespace cmhsim::experiment
