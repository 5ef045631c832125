// Checks the task farm over MPI ranks; run as `mpirun -n 2 task_farm_mpi_driver` (exit 0 = pass).
// Must not know what real tasks compute: its tasks return deterministic bytes tagged with a rank.
#include <mpi.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "experiment/task_farm.hpp"

using cmhsim::experiment::DistributedSession;
using cmhsim::experiment::farm_tasks;
using cmhsim::experiment::TaskBytes;

namespace {

int failures = 0;

/// Records a failed check on rank 0.
void check(bool ok, const std::string& what) {
  if (ok) return;
  ++failures;
  std::cerr << "FAILED: " << what << '\n';
}

/// Returns task i's deterministic bytes; every seventh is large (beyond the eager MPI limit).
TaskBytes bytes_of(std::size_t i) {
  TaskBytes bytes(i % 7 == 0 ? 200000 + i : i + 1);
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    bytes[k] = static_cast<std::uint8_t>((i * 31 + k * 7) & 0xff);
  }
  return bytes;
}

/// Returns task i's bytes with the computing rank appended, after pretending to work.
TaskBytes tagged_work(std::size_t i, int milliseconds) {
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  TaskBytes bytes = bytes_of(i);
  bytes.push_back(static_cast<std::uint8_t>(DistributedSession::rank()));
  return bytes;
}

/// Returns the number of work calls summed over every rank (collective).
long total_over_ranks(long mine) {
  long total = 0;
  MPI_Allreduce(&mine, &total, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
  return total;
}

/// Farms 50 tasks (5 already done) and checks each arrives once, intact, and every rank worked.
void check_every_task_arrives_once() {
  constexpr std::size_t kCount = 50;
  std::vector<bool> done(kCount, false);
  for (std::size_t i = 3; i < kCount; i += 10) done[i] = true;
  std::vector<int> arrivals(kCount, 0);
  std::set<int> ranks_that_worked;
  long sink_calls = 0;
  long work_calls = 0;
  MPI_Barrier(MPI_COMM_WORLD);
  farm_tasks(
      kCount, done,
      [&](std::size_t i) {
        ++work_calls;
        return tagged_work(i, 10);
      },
      [&](std::size_t i, TaskBytes bytes) {
        ++sink_calls;
        check(i < kCount, "index in range");
        if (i >= kCount || bytes.empty()) return;
        ++arrivals[i];
        ranks_that_worked.insert(bytes.back());
        bytes.pop_back();
        check(bytes == bytes_of(i), "bytes of task " + std::to_string(i));
      },
      [] { return false; });
  const long total_work = total_over_ranks(work_calls);
  if (!DistributedSession::coordinator()) {
    if (sink_calls != 0) std::cerr << "FAILED: sink called on a worker rank\n";
    return;
  }
  for (std::size_t i = 0; i < kCount; ++i) {
    check(arrivals[i] == (done[i] ? 0 : 1),
          "task " + std::to_string(i) + " arrived " + std::to_string(arrivals[i]) + " times");
  }
  check(total_work == 45, "45 work calls over all ranks, got " + std::to_string(total_work));
  check(static_cast<int>(ranks_that_worked.size()) == DistributedSession::size(),
        "every rank worked (" + std::to_string(ranks_that_worked.size()) + " of " +
            std::to_string(DistributedSession::size()) + ")");
}

/// Stops after 10 results and checks no task started after that was lost or duplicated.
void check_stop_ends_early() {
  constexpr std::size_t kCount = 200;
  std::set<std::size_t> arrived;
  long work_calls = 0;
  long duplicates = 0;
  MPI_Barrier(MPI_COMM_WORLD);
  farm_tasks(
      kCount, std::vector<bool>(kCount, false),
      [&](std::size_t i) {
        ++work_calls;
        return tagged_work(i, 5);
      },
      [&](std::size_t i, TaskBytes) { duplicates += arrived.insert(i).second ? 0 : 1; },
      [&] { return arrived.size() >= 10; });
  const long total_work = total_over_ranks(work_calls);
  if (!DistributedSession::coordinator()) return;
  check(arrived.size() >= 10, "at least 10 results before stopping");
  check(arrived.size() < kCount / 2, "stopped early, got " + std::to_string(arrived.size()));
  check(duplicates == 0, "no duplicate results");
  check(total_work == static_cast<long>(arrived.size()),
        "every started task's result arrived (" + std::to_string(total_work) + " started, " +
            std::to_string(arrived.size()) + " arrived)");
}

/// Makes task 7 throw and checks rank 0 rethrows its message while every rank returns.
void check_error_reaches_coordinator() {
  constexpr std::size_t kCount = 40;
  long work_calls = 0;
  long results = 0;
  std::string message;
  MPI_Barrier(MPI_COMM_WORLD);
  try {
    farm_tasks(
        kCount, std::vector<bool>(kCount, false),
        [&](std::size_t i) {
          ++work_calls;
          if (i == 7) throw std::runtime_error("boom in seven");
          return tagged_work(i, 5);
        },
        [&](std::size_t, TaskBytes) { ++results; }, [] { return false; });
  } catch (const std::exception& e) {
    message = e.what();
  }
  const long total_work = total_over_ranks(work_calls);
  if (!DistributedSession::coordinator()) return;
  check(message.find("boom in seven") != std::string::npos,
        "rank 0 reports the failed task's message, got '" + message + "'");
  check(total_work == results + 1, "every other started task's result arrived");
  check(results < static_cast<long>(kCount) - 1, "no new tasks after the failure");
}

}  // namespace

int main(int argc, char** argv) {
  const DistributedSession session(&argc, &argv);
  if (DistributedSession::size() < 2) {
    std::cerr << "task_farm_mpi_driver: run under mpirun with at least 2 ranks\n";
    return 1;
  }
  check_every_task_arrives_once();
  check_stop_ends_early();
  check_error_reaches_coordinator();
  if (DistributedSession::coordinator()) {
    std::cout << (failures == 0 ? "task farm over " : "FAILED: task farm over ")
              << DistributedSession::size() << " ranks: " << failures << " failed checks\n";
  }
  return failures == 0 ? 0 : 1;
}
