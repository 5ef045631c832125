// Parallel replications with oneTBB: each replication is a pure function of (network, seed, r),
// stored at index r, so the reduction order never depends on scheduling.
#include "experiment/runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <mutex>

#include "model/queueing_network.hpp"

namespace cmhsim::experiment {

int resolve_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

RunResults run_replications(const model::NetworkConfig& network, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunResults results;
  results.horizon_days = network.horizon_days;
  results.warmup_days = network.warmup_days;
  results.replications.resize(options.replications);

  std::mutex progress_mutex;
  std::uint64_t done = 0;
  tbb::task_arena arena(resolve_threads(options.threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::uint64_t>(0, options.replications, 1),
        [&](const tbb::blocked_range<std::uint64_t>& range) {
          for (std::uint64_t r = range.begin(); r != range.end(); ++r) {
            model::QueueingNetwork replication(network, engine::RngKey{options.seed, r});
            results.replications[r] = replication.run();
            if (options.on_progress) {
              std::lock_guard<std::mutex> lock(progress_mutex);
              options.on_progress(++done, options.replications);
            }
          }
        },
        tbb::simple_partitioner());
  });

  for (const auto& rep : results.replications) results.events += rep.events;
  results.summary = summarise(results.replications);
  results.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return results;
}

}  // namespace cmhsim::experiment
