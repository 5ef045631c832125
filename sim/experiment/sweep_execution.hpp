// Executes a sweep: which points run (shard, resume rules), on which backend (oneTBB threads in
// one process, or the task farm over MPI ranks), storing each finished point as it arrives.
// Knows nothing of files, formats or the command line: the store and the encoding are interfaces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiment/point_store.hpp"
#include "experiment/results_encoding.hpp"
#include "experiment/run_results.hpp"
#include "experiment/sweep_runner.hpp"

namespace cmhsim::experiment {

/// Selects the points one invocation runs: all, or those whose index % count == index.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  /// Returns true when the sweep is split, so this invocation runs only some points.
  [[nodiscard]] bool active() const noexcept { return count > 1; }
  /// Returns true when this shard runs point `point`.
  [[nodiscard]] bool owns(std::size_t point) const noexcept { return point % count == index; }
};

/// Names how a sweep's points are spread over processors.
enum class SweepBackend {
  Automatic,  ///< The task farm when several MPI ranks run, threads otherwise.
  Threads,    ///< This process alone: every (point, replication) task on oneTBB workers.
  TaskFarm,   ///< Whole points handed out to the ranks, each run on its rank's threads.
};

/// Says how to execute a sweep.
struct SweepExecution {
  int threads = 0;      ///< Worker threads per process; 0 means all cores.
  Shard shard;          ///< The points this invocation runs.
  bool resume = false;  ///< Continues from the points an existing store holds.
  SweepBackend backend = SweepBackend::Automatic;
  std::string started_utc;  ///< The sweep's start, recorded as each point's under threads.
  /// Returns the current time as text, recorded as a point's start under the task farm.
  std::function<std::string()> clock;
  /// Fills a finished point's provenance (its start already set) just before it is stored.
  std::function<void(std::size_t, RunResults&)> stamp;
};

/// Counts a sweep's progress for display.
struct SweepProgress {
  std::uint64_t replications_done = 0;
  std::uint64_t replications_total = 0;  ///< Over the points this invocation has to run.
  std::size_t points_done = 0;           ///< Including those an earlier run finished.
  std::size_t points_owned = 0;          ///< The points of this shard.
};

/// Says how a sweep's execution ended.
struct SweepOutcome {
  bool coordinator = true;  ///< False on a rank that only worked: its counts are zero.
  std::size_t points_owned = 0;
  std::size_t points_done = 0;
  /// Returns true when every point of the shard is done (the store was then completed); says
  /// nothing on a rank that only worked.
  [[nodiscard]] bool complete() const noexcept { return points_done == points_owned; }
};

/// Returns the first key whose resolved value differs between `first` and `second`, said with
/// their names (e.g. "the stored point", "now"), or an empty string when they agree.
std::string resolved_difference(const KeyValues& first, const KeyValues& second,
                                const std::string& first_name, const std::string& second_name);

/// Runs the sweep's points that this shard owns and `store` lacks (resuming only when
/// `options.resume`; throws SweepSetupError over an existing store otherwise), saves each as it
/// finishes, reports `progress` on the coordinator and starts no new point once `stop()` is true.
/// On resume, throws ResumeError if a stored point's replication count or resolved scenario
/// (as `options.stamp` gives it now) differs. When every owned point is stored, calls
/// `store.complete` with them. Collective under MPI:
/// every rank calls it with the same points and options; only rank 0 changes the store, and the
/// encoding carries finished points to it.
SweepOutcome execute_sweep(const std::vector<SweepPoint>& points, const SweepExecution& options,
                           PointStore& store, const ResultsEncoding& encoding,
                           const std::function<void(const SweepProgress&)>& progress,
                           const std::function<bool()>& stop);

}  // namespace cmhsim::experiment
