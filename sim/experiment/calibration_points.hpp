// Evaluating a batch of calibration points: over this process's threads, or over the MPI ranks
// with every rank receiving every result, so each rank can take the algorithm's next step.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/run_results.hpp"

namespace cmhsim::experiment {

/// Reports a target metric that a run's summary does not have.
class UnknownMetricError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs `work(i, inner_threads)` for every i in [0, count): on this process's `threads` workers
/// (each point on one thread), or, with several MPI ranks, handed out over the ranks (each point
/// on its rank's `threads`). Returns every point's values in index order on every rank.
/// Collective under MPI.
std::vector<std::vector<double>> evaluate_points(
    std::size_t count, int threads,
    const std::function<std::vector<double>(std::size_t, int)>& work);

/// Returns rank 0's answer of `stop()` on every rank (it alone sees signals). Collective.
bool agreed_stop(const std::function<bool()>& stop);

/// Returns the mean of the metric `name` as `run --summary-json` names it: an end-of-run metric
/// ("people_in_gap") or a service's ("services.cmht.mean_wait"). Throws UnknownMetricError.
double summary_metric(const RunResults& results, const std::string& name);

}  // namespace cmhsim::experiment
