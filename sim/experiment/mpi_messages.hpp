// The task farm's messages between MPI ranks: tags, layouts and polite (non-spinning) waits.
// Compiled only with MPI; knows nothing of what a task computes or how results are stored.
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cmhsim::experiment::mpi {

/// Names the kind of a task-farm message; every message carries one of these tags.
enum Tag : int {
  kReady = 101,   ///< worker -> coordinator, empty: "give me a task"
  kResult = 102,  ///< worker -> coordinator: 8-byte task index then the result bytes
  kError = 103,   ///< worker -> coordinator: 8-byte task index then the error message
  kTask = 104,    ///< coordinator -> worker: 8-byte task index
  kStop = 105,    ///< coordinator -> worker, empty: no more tasks, return
};

/// Holds one received message: who sent it, its tag, the task index (if any) and the payload.
struct Message {
  int source = 0;
  int tag = 0;
  std::size_t index = 0;
  std::vector<std::uint8_t> payload;
};

/// Returns true and fills `status` if a message from `source` (or MPI_ANY_SOURCE) is waiting.
bool poll(int source, MPI_Status& status);

/// Waits for a message from `source`, sleeping between polls so an idle rank leaves its cores
/// to the rank's worker threads (blocking MPI calls busy-wait in Open MPI).
MPI_Status wait_for(int source);

/// Receives the message described by `status` (from poll or wait_for) and decodes its index.
Message receive(const MPI_Status& status);

/// Sends an empty message with `tag` to `dest`.
void send_empty(int dest, Tag tag);

/// Sends the task index alone (kTask) to `dest`.
void send_index(int dest, Tag tag, std::size_t index);

/// Sends the task index followed by `payload` to `dest`; throws if it exceeds MPI's count limit.
void send_with_index(int dest, Tag tag, std::size_t index, const std::uint8_t* payload,
                     std::size_t size);

/// Sleeps for a growing interval (up to about a millisecond) between unsuccessful polls.
class Backoff {
 public:
  /// Sleeps for the current interval and lengthens the next.
  void pause();
  /// Restarts from the shortest interval after useful work.
  void reset() { micros_ = kFirst; }

 private:
  static constexpr int kFirst = 20;
  static constexpr int kLast = 1000;
  int micros_ = kFirst;
};

}  // namespace cmhsim::experiment::mpi
