// Runs a scenario's replications in parallel (oneTBB) and reduces them in replication order.
// The only layer that knows threads; results never depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>

#include "experiment/model_spec.hpp"
#include "experiment/run_results.hpp"

namespace cmhsim::experiment {

/// Says how to run a set of replications.
struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replications = 10;
  int threads = 0;  ///< Worker threads; 0 means all cores.
  /// Keeps every person's summary (pathway models only; large: one record per person).
  bool record_persons = false;
  /// Is told (replications done, total) after each replication, from one thread at a time.
  std::function<void(std::uint64_t, std::uint64_t)> on_progress;
  /// Gives the model replication r runs when replications differ in their parameters (parameter
  /// uncertainty); empty means every replication runs the model it is given. Called from worker
  /// threads, so it must only read.
  std::function<ModelSpec(std::uint64_t)> model_for;
};

/// Calls `body(i)` once for every task i in [0, count) on `threads` workers (0 = all cores), then
/// `after(i)` from one thread at a time; a task is skipped when `skip(i)` (if given) says so as it
/// is about to start. The one parallel loop that runs replications and sweep tasks alike.
void parallel_tasks(std::uint64_t count, int threads,
                    const std::function<void(std::uint64_t)>& body,
                    const std::function<void(std::uint64_t)>& after,
                    const std::function<bool(std::uint64_t)>& skip = {});

/// Fills `results`' summaries, output tables, horizon, warm-up and event count from its
/// replications (in index order) for `model`; wall time and provenance are left alone.
void finish_results(const ModelSpec& model, RunResults& results);

/// Runs replications [first, first + count) of `model` keyed by (seed, r) and appends their
/// outcomes (and person tables when asked) to `results`, in index order.
void append_replications(const ModelSpec& model, const RunOptions& options, std::uint64_t first,
                         std::uint64_t count, RunResults& results);

/// Runs replications 0..R-1 of `model` keyed by (seed, r); fills outcomes, summaries, output
/// tables and timing. A NetworkConfig or PathwayConfig converts to a ModelSpec implicitly.
RunResults run_replications(const ModelSpec& model, const RunOptions& options);

/// Runs one replication of `model` under `key`, reporting to `recorder` if given (pathway only).
model::ReplicationOutcome run_one(const ModelSpec& model, engine::RngKey key,
                                  model::Recorder* recorder = nullptr);

/// Returns the number of worker threads `requested` resolves to (0 means all cores).
int resolve_threads(int requested);

}  // namespace cmhsim::experiment
