// Tests the task farm in one process (no MPI launcher): order, skipped tasks, stop and errors.
// Must not know MPI; the multi-rank behaviour is checked by task_farm_mpi_driver under mpirun.
#include "experiment/task_farm.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <stdexcept>
#include <vector>

using cmhsim::experiment::DistributedSession;
using cmhsim::experiment::farm_tasks;
using cmhsim::experiment::TaskBytes;

namespace {

/// Returns task i's deterministic bytes: i+1 bytes counting up from i.
TaskBytes bytes_of(std::size_t i) {
  TaskBytes bytes(i + 1);
  for (std::size_t k = 0; k < bytes.size(); ++k) bytes[k] = static_cast<std::uint8_t>(i + k);
  return bytes;
}

struct Recorded {
  std::vector<std::size_t> worked;
  std::vector<std::size_t> sunk;
  std::vector<TaskBytes> bytes;
};

}  // namespace

TEST_CASE("one process runs every task in index order and sinks each result", "[task-farm]") {
  Recorded r;
  farm_tasks(
      6, std::vector<bool>(6, false),
      [&](std::size_t i) {
        r.worked.push_back(i);
        return bytes_of(i);
      },
      [&](std::size_t i, TaskBytes b) {
        r.sunk.push_back(i);
        r.bytes.push_back(std::move(b));
      },
      [] { return false; });
  CHECK(r.worked == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
  CHECK(r.sunk == r.worked);
  REQUIRE(r.bytes.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) CHECK(r.bytes[i] == bytes_of(i));
}

TEST_CASE("tasks already done are skipped", "[task-farm]") {
  Recorded r;
  const std::vector<bool> done{true, false, true, true, false};
  farm_tasks(
      5, done,
      [&](std::size_t i) {
        r.worked.push_back(i);
        return bytes_of(i);
      },
      [&](std::size_t i, TaskBytes) { r.sunk.push_back(i); }, [] { return false; });
  CHECK(r.worked == std::vector<std::size_t>{1, 4});
  CHECK(r.sunk == std::vector<std::size_t>{1, 4});
}

TEST_CASE("stop is polled before each task and ends the farm early", "[task-farm]") {
  Recorded r;
  farm_tasks(
      10, std::vector<bool>(10, false),
      [&](std::size_t i) {
        r.worked.push_back(i);
        return bytes_of(i);
      },
      [&](std::size_t i, TaskBytes) { r.sunk.push_back(i); }, [&] { return r.sunk.size() >= 3; });
  CHECK(r.worked == std::vector<std::size_t>{0, 1, 2});
  CHECK(r.sunk == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("no tasks means neither work nor sink is called", "[task-farm]") {
  int calls = 0;
  farm_tasks(
      0, {},
      [&](std::size_t) {
        ++calls;
        return TaskBytes{};
      },
      [&](std::size_t, TaskBytes) { ++calls; }, [] { return false; });
  CHECK(calls == 0);
}

TEST_CASE("an exception in a task propagates and later tasks do not run", "[task-farm]") {
  Recorded r;
  const auto run = [&] {
    farm_tasks(
        5, std::vector<bool>(5, false),
        [&](std::size_t i) {
          r.worked.push_back(i);
          if (i == 2) throw std::runtime_error("task two broke");
          return bytes_of(i);
        },
        [&](std::size_t i, TaskBytes) { r.sunk.push_back(i); }, [] { return false; });
  };
  CHECK_THROWS_WITH(run(), "task two broke");
  CHECK(r.worked == std::vector<std::size_t>{0, 1, 2});
  CHECK(r.sunk == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a session outside an MPI launcher is rank 0 of 1", "[task-farm]") {
  int argc = 1;
  char name[] = "task_farm_test";
  char* args[] = {name, nullptr};
  char** argv = args;
  const DistributedSession session(&argc, &argv);
  CHECK(DistributedSession::rank() == 0);
  CHECK(DistributedSession::size() == 1);
  CHECK(DistributedSession::coordinator());
#ifdef CMHSIM_WITH_MPI
  CHECK(DistributedSession::built_with_mpi());
#else
  CHECK_FALSE(DistributedSession::built_with_mpi());
#endif
}
