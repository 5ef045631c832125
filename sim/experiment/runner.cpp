// Parallel replications with oneTBB: each replication is a pure function of (model, seed, r),
// stored at index r, so the reduction order never depends on scheduling.
#include "experiment/runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>

#include "experiment/memory_recorder.hpp"
#include "model/pathway_model.hpp"
#include "model/queueing_network.hpp"

namespace cmhsim::experiment {

void parallel_tasks(std::uint64_t count, int threads,
                    const std::function<void(std::uint64_t)>& body,
                    const std::function<void(std::uint64_t)>& after,
                    const std::function<bool(std::uint64_t)>& skip) {
  std::mutex after_mutex;
  // Publishes each task's result: TBB's own join is invisible to ThreadSanitizer, since
  // Debian's oneTBB is not instrumented, so this release/acquire pair makes the order explicit.
  std::atomic<std::uint64_t> finished{0};
  tbb::task_arena arena(resolve_threads(threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::uint64_t>(0, count, 1),
        [&](const tbb::blocked_range<std::uint64_t>& range) {
          for (std::uint64_t i = range.begin(); i != range.end(); ++i) {
            if (!(skip && skip(i))) {
              body(i);
              if (after) {
                std::lock_guard<std::mutex> lock(after_mutex);
                after(i);
              }
            }
            finished.fetch_add(1, std::memory_order_acq_rel);
          }
        },
        tbb::simple_partitioner());
  });
  if (finished.load(std::memory_order_acquire) != count) {
    throw std::logic_error("parallel task loop finished with tasks missing");
  }
}

int resolve_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

model::ReplicationOutcome run_one(const ModelSpec& model, engine::RngKey key,
                                  model::Recorder* recorder) {
  if (const model::NetworkConfig* network = model.network()) {
    model::QueueingNetwork replication(*network, key);
    return replication.run();
  }
  model::PathwayModel replication(*model.pathways(), key, recorder);
  return replication.run();
}

void finish_results(const ModelSpec& model, RunResults& results) {
  results.model = model.kind();
  results.horizon_days = model.horizon_days();
  results.warmup_days = model.warmup_days();
  if (model.kind() == ModelKind::Pathway) {
    results.metric_infos = model::PathwayModel::metric_infos();
    results.series_infos = model::PathwayModel::series_infos();
  }
  results.events = 0;
  for (const auto& rep : results.replications) results.events += rep.events;
  results.summary = summarise(results.replications);
  results.metric_summary = summarise_metrics(results.replications);
  results.series_summary = summarise_series(results.replications, results.series_infos.size());
}

void append_replications(const ModelSpec& model, const RunOptions& options, std::uint64_t first,
                         std::uint64_t count, RunResults& results) {
  const bool persons = options.record_persons && model.kind() == ModelKind::Pathway;
  results.replications.resize(first + count);
  if (persons) results.persons.resize(first + count);
  std::uint64_t done = 0;
  parallel_tasks(
      count, options.threads,
      [&](std::uint64_t i) {
        const std::uint64_t r = first + i;
        const engine::RngKey key{options.seed, r};
        const ModelSpec chosen = options.model_for ? options.model_for(r) : model;
        if (persons) {
          MemoryRecorder recorder;
          results.replications[r] = run_one(chosen, key, &recorder);
          results.persons[r] = recorder.take_persons();
        } else {
          results.replications[r] = run_one(chosen, key);
        }
      },
      [&](std::uint64_t) {
        ++done;
        if (options.on_progress) options.on_progress(first + done, first + count);
      });
}

RunResults run_replications(const ModelSpec& model, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunResults results;
  append_replications(model, options, 0, options.replications, results);
  finish_results(model, results);
  results.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return results;
}

}  // namespace cmhsim::experiment
