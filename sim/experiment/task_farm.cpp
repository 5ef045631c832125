// Distributes independent tasks over MPI ranks, or runs them all in this process without MPI.
// Knows nothing of what a task computes; MPI itself lives in mpi_task_farm.cpp.
#include "experiment/task_farm.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

#ifdef CMHSIM_WITH_MPI
#include "experiment/mpi_task_farm.hpp"
#endif

namespace cmhsim::experiment {
namespace {

/// Warns when Slurm started several tasks that cannot see each other as MPI ranks: each would
/// run every task and write the same output.
void warn_if_isolated_slurm_tasks() {
  const char* step_tasks = std::getenv("SLURM_STEP_NUM_TASKS");
  if (step_tasks == nullptr || std::atoi(step_tasks) <= 1 || DistributedSession::size() > 1) return;
  std::cerr << "cmhsim: warning: Slurm started " << step_tasks
            << " tasks but this process is alone (MPI size 1): every task would run the whole "
               "sweep. Use 'srun --mpi=pmix' (see 'srun --mpi=list'), or mpirun, with a build "
               "that has MPI.\n";
}

/// Runs the not-done tasks in index order in this process, polling `stop` before each.
void farm_locally(std::size_t count, const std::vector<bool>& done,
                  const std::function<TaskBytes(std::size_t)>& work,
                  const std::function<void(std::size_t, TaskBytes)>& sink,
                  const std::function<bool()>& stop) {
  for (std::size_t i = 0; i < count; ++i) {
    if (i < done.size() && done[i]) continue;
    if (stop()) return;
    sink(i, work(i));
  }
}

}  // namespace

DistributedSession::DistributedSession([[maybe_unused]] int* argc, [[maybe_unused]] char*** argv) {
#ifdef CMHSIM_WITH_MPI
  mpi::start(argc, argv);
#endif
  warn_if_isolated_slurm_tasks();
}

DistributedSession::~DistributedSession() {
#ifdef CMHSIM_WITH_MPI
  mpi::finish();
#endif
}

int DistributedSession::rank() {
#ifdef CMHSIM_WITH_MPI
  return mpi::world_rank();
#else
  return 0;
#endif
}

int DistributedSession::size() {
#ifdef CMHSIM_WITH_MPI
  return mpi::world_size();
#else
  return 1;
#endif
}

int DistributedSession::end_all_ranks(int code) {
#ifdef CMHSIM_WITH_MPI
  mpi::abort_world(code);
#endif
  return code;
}

bool DistributedSession::built_with_mpi() {
#ifdef CMHSIM_WITH_MPI
  return true;
#else
  return false;
#endif
}

void farm_tasks(std::size_t count, const std::vector<bool>& done,
                const std::function<TaskBytes(std::size_t)>& work,
                const std::function<void(std::size_t, TaskBytes)>& sink,
                const std::function<bool()>& stop) {
#ifdef CMHSIM_WITH_MPI
  if (mpi::world_size() > 1) {
    mpi::farm_tasks_over_ranks(count, done, work, sink, stop);
    return;
  }
#endif
  farm_locally(count, done, work, sink, stop);
}

void share_from_coordinator([[maybe_unused]] TaskBytes& bytes) {
#ifdef CMHSIM_WITH_MPI
  if (mpi::world_size() > 1) mpi::broadcast_from_rank0(bytes);
#endif
}

}  // namespace cmhsim::experiment
