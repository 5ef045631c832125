// The MPI side of the task farm: starting and stopping MPI, and farming tasks over its ranks.
// Compiled only with MPI; knows nothing of what a task computes or how results are stored.
#include "experiment/mpi_task_farm.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "experiment/mpi_messages.hpp"

namespace cmhsim::experiment::mpi {
namespace {

bool initialised_here = false;

/// Holds MPI_COMM_WORLD's rank and size, read once when the session starts, so that rank() and
/// size() make no MPI call: under MPI_THREAD_SERIALIZED only one thread may call MPI at a time, and
/// on rank 0 the communication thread does while tasks run.
struct World {
  bool known = false;
  int rank = 0;
  int size = 1;
};
World world;

/// Returns true when an MPI launcher's environment is present (Open MPI, PMIx or PMI/PMI2).
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

/// Prints `what` and aborts every rank: used when the farm's own protocol breaks.
[[noreturn]] void abort_job(const std::string& what) {
  std::cerr << "cmhsim: rank " << world_rank() << ": task farm failed: " << what << std::endl;
  MPI_Abort(MPI_COMM_WORLD, 1);
  std::abort();
}

/// Holds rank 0's state, shared by its communication thread and the calling thread.
class Coordinator {
 public:
  using Result = std::pair<std::size_t, TaskBytes>;

  Coordinator(std::size_t count, const std::vector<bool>& done, int workers)
      : active_workers_(workers) {
    for (std::size_t i = 0; i < count; ++i) {
      if (i >= done.size() || !done[i]) queue_.push_back(i);
    }
  }

  /// Returns the next task index, or nothing once the queue is empty or the farm is stopping.
  std::optional<std::size_t> take() {
    const std::lock_guard lock(mutex_);
    if (stopping_ || queue_.empty()) return std::nullopt;
    const std::size_t index = queue_.front();
    queue_.pop_front();
    return index;
  }

  /// Stops handing out tasks; results of tasks already running are still received.
  void request_stop() {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }

  /// Records an exception from rank 0's own work or sink (the first error wins) and stops.
  void fail_here(std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    if (!local_error_ && remote_error_.empty()) local_error_ = std::move(error);
  }

  /// Throws the first recorded error, if any.
  void rethrow_if_failed() const {
    const std::lock_guard lock(mutex_);
    if (local_error_) std::rethrow_exception(local_error_);
    if (!remote_error_.empty()) throw std::runtime_error(remote_error_);
  }

  /// Handles one waiting message from a worker and replies to it; returns false if none waited.
  bool serve_one() {
    MPI_Status status;
    if (!poll(MPI_ANY_SOURCE, status)) return false;
    Message message = receive(status);
    if (message.tag == kResult) {
      const std::lock_guard lock(mutex_);
      results_.emplace_back(message.index, std::move(message.payload));
      changed_.notify_all();
    } else if (message.tag == kError) {
      const std::string what(message.payload.begin(), message.payload.end());
      const std::lock_guard lock(mutex_);
      stopping_ = true;
      if (!local_error_ && remote_error_.empty()) {
        remote_error_ = "task " + std::to_string(message.index) + " failed on rank " +
                        std::to_string(message.source) + ": " + what;
      }
    } else if (message.tag != kReady) {
      throw std::logic_error("unexpected message tag " + std::to_string(message.tag));
    }
    // Every message from a worker means it is idle: give it the next task or let it go.
    if (const auto next = take()) {
      send_index(message.source, kTask, *next);
    } else {
      send_empty(message.source, kStop);
      const std::lock_guard lock(mutex_);
      --active_workers_;
      changed_.notify_all();
    }
    return true;
  }

  /// Serves workers until every one has been told to stop (the communication thread's loop).
  void serve_until_finished() {
    Backoff backoff;
    while (!finished()) {
      if (serve_one()) {
        backoff.reset();
      } else {
        backoff.pause();
      }
    }
  }

  /// Returns true when every worker has been told to stop.
  bool finished() const {
    const std::lock_guard lock(mutex_);
    return active_workers_ == 0;
  }

  /// Moves out the results received so far.
  std::deque<Result> take_results() {
    const std::lock_guard lock(mutex_);
    return std::exchange(results_, {});
  }

  /// Waits until a result arrives, every worker has stopped, or `timeout` passes.
  void wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [this] { return !results_.empty() || active_workers_ == 0; });
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::size_t> queue_;
  std::deque<Result> results_;
  bool stopping_ = false;
  int active_workers_;
  std::exception_ptr local_error_;
  std::string remote_error_;
};

/// Runs rank 0: hands out tasks, works on tasks itself when MPI allows a communication thread,
/// and passes every result to `sink` on the calling thread.
void coordinate(std::size_t count, const std::vector<bool>& done,
                const std::function<TaskBytes(std::size_t)>& work,
                const std::function<void(std::size_t, TaskBytes)>& sink,
                const std::function<bool()>& stop) {
  Coordinator coordinator(count, done, world_size() - 1);
  int provided = MPI_THREAD_SINGLE;
  MPI_Query_thread(&provided);
  // With MPI_THREAD_SERIALIZED a second thread may own all MPI calls, so workers get answers
  // while this thread computes; otherwise rank 0 only coordinates.
  const bool works_too = provided >= MPI_THREAD_SERIALIZED;
  std::thread communication;
  if (works_too) {
    communication = std::thread([&coordinator] {
      try {
        coordinator.serve_until_finished();
      } catch (const std::exception& e) {
        abort_job(e.what());
      }
    });
  }

  bool sink_failed = false;
  const auto deliver = [&](std::size_t index, TaskBytes bytes) {
    if (sink_failed) return;
    try {
      sink(index, std::move(bytes));
    } catch (...) {
      sink_failed = true;
      coordinator.fail_here(std::current_exception());
    }
  };
  const auto deliver_received = [&] {
    for (auto& [index, bytes] : coordinator.take_results()) deliver(index, std::move(bytes));
  };

  Backoff backoff;
  for (;;) {
    deliver_received();
    if (stop()) coordinator.request_stop();
    if (works_too) {
      if (const auto index = coordinator.take()) {
        try {
          TaskBytes bytes = work(*index);
          deliver(*index, std::move(bytes));
        } catch (...) {
          coordinator.fail_here(std::current_exception());
        }
        continue;
      }
      if (coordinator.finished()) break;
      coordinator.wait(std::chrono::milliseconds(50));
    } else {
      if (coordinator.finished()) break;
      if (coordinator.serve_one()) {
        backoff.reset();
      } else {
        backoff.pause();
      }
    }
  }
  if (communication.joinable()) communication.join();
  deliver_received();
  coordinator.rethrow_if_failed();
}

/// Runs a worker rank: asks rank 0 for tasks, runs them and sends back results or errors.
void serve_tasks(const std::function<TaskBytes(std::size_t)>& work) {
  send_empty(0, kReady);
  for (;;) {
    const Message message = receive(wait_for(0));
    if (message.tag == kStop) return;
    if (message.tag != kTask) abort_job("unexpected message tag " + std::to_string(message.tag));
    std::string error;
    try {
      const TaskBytes bytes = work(message.index);
      send_with_index(0, kResult, message.index, bytes.data(), bytes.size());
      continue;
    } catch (const std::exception& e) {
      error = e.what();
    } catch (...) {
      error = "unknown exception";
    }
    send_with_index(0, kError, message.index, reinterpret_cast<const std::uint8_t*>(error.data()),
                    error.size());
  }
}

}  // namespace

void start(int* argc, char*** argv) {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised == 0) {
    if (!launched_by_mpi()) return;
    int provided = MPI_THREAD_SINGLE;
    MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided);
    initialised_here = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &world.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &world.size);
  world.known = true;
}

void finish() {
  world = World{};
  if (!initialised_here || !running()) return;
  MPI_Finalize();
  initialised_here = false;
}

bool running() {
  int initialised = 0;
  int finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  return initialised != 0 && finalised == 0;
}

int world_rank() {
  if (world.known) return world.rank;
  if (!running()) return 0;
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

int world_size() {
  if (world.known) return world.size;
  if (!running()) return 1;
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

void farm_tasks_over_ranks(std::size_t count, const std::vector<bool>& done,
                           const std::function<TaskBytes(std::size_t)>& work,
                           const std::function<void(std::size_t, TaskBytes)>& sink,
                           const std::function<bool()>& stop) {
  if (world_rank() == 0) {
    coordinate(count, done, work, sink, stop);
  } else {
    serve_tasks(work);
  }
}

void broadcast_from_rank0(TaskBytes& bytes) {
  unsigned long long size = bytes.size();
  MPI_Bcast(&size, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  bytes.resize(static_cast<std::size_t>(size));
  // MPI counts are ints: large messages go in pieces.
  constexpr std::size_t kPiece = 1u << 30;
  for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
    const int n = static_cast<int>(std::min(kPiece, bytes.size() - at));
    MPI_Bcast(bytes.data() + at, n, MPI_BYTE, 0, MPI_COMM_WORLD);
  }
}

void abort_world(int code) {
  if (running() && world_size() > 1) MPI_Abort(MPI_COMM_WORLD, code);
}

}  // namespace cmhsim::experiment::mpi
