// Distributes independent tasks over MPI ranks with dynamic scheduling: rank 0 coordinates and
// receives every result; without MPI (or with one rank) all tasks run in this process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace cmhsim::experiment {

/// Holds one task's result as bytes, so it can travel between ranks unchanged.
using TaskBytes = std::vector<std::uint8_t>;

/// Initialises MPI for the program's lifetime when built with it (a no-op otherwise).
class DistributedSession {
 public:
  /// Starts MPI (with thread support for oneTBB inside ranks) if cmhsim was built with MPI.
  DistributedSession(int* argc, char*** argv);
  ~DistributedSession();
  DistributedSession(const DistributedSession&) = delete;
  DistributedSession& operator=(const DistributedSession&) = delete;

  /// Returns this process's rank (0 without MPI).
  [[nodiscard]] static int rank();
  /// Returns the number of ranks (1 without MPI).
  [[nodiscard]] static int size();
  /// Returns true on the rank that coordinates and writes files (rank 0).
  [[nodiscard]] static bool coordinator() { return rank() == 0; }
  /// Returns true when cmhsim was built with MPI.
  [[nodiscard]] static bool built_with_mpi();
  /// Ends every rank with `code` when several are running (so none waits forever for a rank
  /// that failed); returns `code` otherwise.
  static int end_all_ranks(int code);
};

/// Runs `work(i)` once for every task i in [0, count) whose `done[i]` is false, spread over the
/// ranks (rank 0 hands out task indices one at a time as ranks ask; with one rank it works alone),
/// and calls `sink(i, bytes)` on rank 0 for each result as it arrives. Returns on every rank when
/// all tasks are finished or `stop()` (polled between tasks on rank 0) returns true.
/// Collective: every rank must call it with the same count and done flags.
void farm_tasks(std::size_t count, const std::vector<bool>& done,
                const std::function<TaskBytes(std::size_t)>& work,
                const std::function<void(std::size_t, TaskBytes)>& sink,
                const std::function<bool()>& stop);

/// Replaces `bytes` on every rank with rank 0's (a no-op with one rank), so every rank can carry
/// on from results only rank 0 received. Collective: every rank must call it.
void share_from_coordinator(TaskBytes& bytes);

}  // namespace cmhsim::experiment
