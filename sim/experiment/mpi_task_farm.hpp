// The MPI side of the task farm: starting and stopping MPI, and farming tasks over its ranks.
// Compiled only with MPI; knows nothing of what a task computes or how results are stored.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "experiment/task_farm.hpp"

namespace cmhsim::experiment::mpi {

/// Starts MPI if an MPI launcher (mpirun, srun) started this process and MPI is not running yet.
void start(int* argc, char*** argv);

/// Finalises MPI if start() initialised it.
void finish();

/// Returns true while MPI is initialised and not finalised.
bool running();

/// Returns this process's rank in MPI_COMM_WORLD (0 when MPI is not running); after start() it
/// makes no MPI call, so any thread may ask.
int world_rank();

/// Returns the number of ranks in MPI_COMM_WORLD (1 when MPI is not running); after start() it
/// makes no MPI call, so any thread may ask.
int world_size();

/// Ends every rank of the job with `code` (MPI_Abort); returns only if MPI is not running.
void abort_world(int code);

/// Runs farm_tasks over two or more ranks: rank 0 coordinates (and works), the others work.
void farm_tasks_over_ranks(std::size_t count, const std::vector<bool>& done,
                           const std::function<TaskBytes(std::size_t)>& work,
                           const std::function<void(std::size_t, TaskBytes)>& sink,
                           const std::function<bool()>& stop);

/// Replaces `bytes` on every rank with rank 0's (MPI_Bcast of the size, then the bytes).
void broadcast_from_rank0(TaskBytes& bytes);

}  // namespace cmhsim::experiment::mpi
