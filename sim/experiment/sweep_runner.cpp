// One flat parallel loop over (point, replication) tasks; a point is summarised and handed over
// when its last replication finishes, so results never depend on the thread count.
#include "experiment/sweep_runner.hpp"

#include <atomic>
#include <chrono>
#include <memory>

#include "experiment/runner.hpp"

namespace cmhsim::experiment {
namespace {

// A point's life: not started, started (its replications all run), abandoned (stop came first).
enum : int { kIdle = 0, kStarted = 1, kAbandoned = 2 };

/// Holds one point's progress while its replications run.
struct PointState {
  std::atomic<int> state{kIdle};
  std::uint64_t remaining = 0;              ///< Guarded by the loop's `after` serialisation.
  std::atomic<std::int64_t> started_ns{0};  ///< Steady-clock time the point started.
  RunResults results;
};

}  // namespace

std::size_t run_sweep_points(const std::vector<SweepPoint>& points, const std::vector<bool>& done,
                             const SweepRunOptions& options,
                             const std::function<void(std::size_t, RunResults)>& on_point) {
  struct Task {
    std::size_t point;
    std::uint64_t replication;
  };
  std::vector<Task> tasks;
  auto states = std::make_unique<PointState[]>(points.size());
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!done.empty() && done.at(p)) continue;
    states[p].remaining = points[p].replications;
    states[p].results.replications.resize(points[p].replications);
    for (std::uint64_t r = 0; r < points[p].replications; ++r) tasks.push_back({p, r});
  }
  const std::uint64_t total = tasks.size();
  std::uint64_t replications_done = 0;
  std::size_t finished = 0;

  // Decides as a task is about to start whether its point runs: a point started keeps going.
  const auto skip = [&](std::uint64_t i) {
    PointState& s = states[tasks[i].point];
    int state = s.state.load(std::memory_order_acquire);
    if (state != kIdle) return state == kAbandoned;
    const bool stopping = options.stop && options.stop();
    const int next = stopping ? kAbandoned : kStarted;
    const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
    if (s.state.compare_exchange_strong(state, next, std::memory_order_acq_rel)) {
      if (!stopping) s.started_ns.store(now, std::memory_order_relaxed);
      return stopping;
    }
    return state == kAbandoned;
  };
  const auto body = [&](std::uint64_t i) {
    const Task& t = tasks[i];
    const SweepPoint& point = points[t.point];
    const ModelSpec model = point.model_for ? point.model_for(t.replication) : point.model;
    states[t.point].results.replications[t.replication] =
        run_one(model, engine::RngKey{point.seed, t.replication});
  };
  const auto after = [&](std::uint64_t i) {
    const std::size_t p = tasks[i].point;
    ++replications_done;
    if (options.on_progress) options.on_progress(replications_done, total);
    PointState& s = states[p];
    if (--s.remaining != 0) return;
    finish_results(points[p].model, s.results);
    const std::chrono::steady_clock::time_point started{
        std::chrono::steady_clock::duration{s.started_ns.load(std::memory_order_relaxed)}};
    s.results.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ++finished;
    on_point(p, std::move(s.results));
    s.results = RunResults{};
  };
  parallel_tasks(total, options.threads, body, after, skip);
  return finished;
}

}  // namespace cmhsim::experiment
