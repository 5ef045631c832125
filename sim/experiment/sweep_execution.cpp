// Executes a sweep over a point store: the resume rules, the shard, the choice between the
// threads backend and the task farm, and completion once every owned point is stored.
#include "experiment/sweep_execution.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "experiment/runner.hpp"
#include "experiment/task_farm.hpp"

namespace cmhsim::experiment {
namespace {

/// Returns `text` cut to about 80 characters for a message.
std::string shorten(const std::string& text) {
  constexpr std::size_t kLimit = 80;
  return "'" + (text.size() <= kLimit ? text : text.substr(0, kLimit) + "...") + "'";
}

/// Returns which points the store already holds, creating or tidying it on the coordinator.
std::vector<bool> open_store(PointStore& store, std::size_t count, bool resume, bool coordinator) {
  std::vector<bool> done(count, false);
  if (coordinator) {
    if (!store.exists()) {
      store.create();
      return done;
    }
    if (!resume) {
      throw SweepSetupError(store.where() +
                            " holds checkpoints of an earlier run; use --resume to continue it or "
                            "remove it to start again");
    }
    store.tidy();
    done = store.done(count);
  } else if (resume && store.exists()) {
    // Every rank must pass the farm the same done flags; the store sits on a shared file system.
    done = store.done(count);
  }
  if (done.size() != count) {
    throw std::logic_error("the point store reported " + std::to_string(done.size()) +
                           " points for a sweep of " + std::to_string(count));
  }
  return done;
}

/// Throws ResumeError unless every stored point was run from the scenario and replication count
/// the sweep gives it now.
void check_stored(const PointStore& store, const std::vector<SweepPoint>& points,
                  const SweepExecution& options, const std::vector<bool>& done) {
  for (std::size_t i = 0; i < done.size(); ++i) {
    if (!done[i]) continue;
    const std::string where = "point " + std::to_string(i) + " in " + store.where();
    const RunResults stored = store.load(i);
    if (stored.replications.size() != points[i].replications) {
      throw ResumeError(where + " holds " + std::to_string(stored.replications.size()) +
                        " replications, but the sweep asks for " +
                        std::to_string(points[i].replications) + "; remove " + store.where() +
                        " to start again");
    }
    if (!options.stamp) continue;
    RunResults expected;
    options.stamp(i, expected);
    const std::string difference = resolved_difference(
        stored.provenance.resolved, expected.provenance.resolved, "the stored point", "now");
    if (!difference.empty()) {
      throw ResumeError(where + " was run from a different scenario: " + difference + "; remove " +
                        store.where() + " to start again");
    }
    const ParameterSets& a = stored.parameter_sets;
    const ParameterSets& b = expected.parameter_sets;
    if (a.keys != b.keys || a.values != b.values || a.weights != b.weights ||
        stored.parameter_set_of != expected.parameter_set_of) {
      throw ResumeError(where + " was run with other parameter sets than now; remove " +
                        store.where() + " to start again");
    }
  }
}

/// Holds one execution's state: which points to run, the counts, and how a point is kept.
class Execution {
 public:
  Execution(const std::vector<SweepPoint>& points, const SweepExecution& options, PointStore& store,
            const std::function<void(const SweepProgress&)>& progress, std::vector<bool> done)
      : points_(points),
        options_(options),
        store_(store),
        progress_(progress),
        done_(std::move(done)) {
    for (std::size_t i = 0; i < points_.size(); ++i) {
      if (!options_.shard.owns(i)) {
        done_[i] = true;  // Points outside this shard count as done, so nobody runs them.
        continue;
      }
      ++counts_.points_owned;
      if (done_[i]) {
        ++counts_.points_done;
      } else {
        counts_.replications_total += points_[i].replications;
      }
    }
  }

  /// Runs every (point, replication) task of the points to do on this process's threads.
  void run_on_threads(const std::function<bool()>& stop) {
    std::mutex mutex;
    SweepRunOptions run;
    run.threads = options_.threads;
    run.stop = stop;
    run.on_progress = [&](std::uint64_t done, std::uint64_t) {
      counts_.replications_done = done;
      report();
    };
    run_sweep_points(points_, done_, run, [&](std::size_t i, RunResults results) {
      const std::lock_guard lock(mutex);
      results.provenance.started_utc = options_.started_utc;
      keep(i, std::move(results));
    });
  }

  /// Hands the points to do out over the ranks, whole, each encoded on its way to rank 0.
  void run_on_farm(const ResultsEncoding& encoding, const std::function<bool()>& stop) {
    farm_tasks(
        points_.size(), done_,
        [&](std::size_t i) {
          const std::string started = options_.clock ? options_.clock() : std::string();
          RunOptions run;
          run.seed = points_[i].seed;
          run.replications = points_[i].replications;
          run.threads = options_.threads;
          RunResults results = run_replications(points_[i].model, run);
          results.provenance.started_utc = started;
          return encoding.encode(results);
        },
        [&](std::size_t i, TaskBytes bytes) {
          RunResults results = encoding.decode(bytes);
          counts_.replications_done += results.replications.size();
          keep(i, std::move(results));
          report();
        },
        stop);
  }

  /// Completes the store with the shard's points if every one is done; returns the outcome.
  SweepOutcome finish() {
    SweepOutcome outcome;
    outcome.points_owned = counts_.points_owned;
    outcome.points_done = counts_.points_done;
    if (!outcome.complete()) return outcome;
    std::vector<std::size_t> owned;
    for (std::size_t i = 0; i < points_.size(); ++i) {
      if (options_.shard.owns(i)) owned.push_back(i);
    }
    store_.complete(owned);
    return outcome;
  }

 private:
  /// Stamps and stores a finished point.
  void keep(std::size_t i, RunResults results) {
    if (options_.stamp) options_.stamp(i, results);
    store_.save(i, results);
    ++counts_.points_done;
  }

  void report() const {
    if (progress_) progress_(counts_);
  }

  const std::vector<SweepPoint>& points_;
  const SweepExecution& options_;
  PointStore& store_;
  const std::function<void(const SweepProgress&)>& progress_;
  std::vector<bool> done_;
  SweepProgress counts_;
};

}  // namespace

std::string resolved_difference(const KeyValues& first, const KeyValues& second,
                                const std::string& first_name, const std::string& second_name) {
  std::map<std::string, std::string> rest(second.begin(), second.end());
  for (const auto& [key, value] : first) {
    const auto it = rest.find(key);
    if (it == rest.end())
      return "key '" + key + "' is in " + first_name + " but not " + second_name;
    if (it->second != value) {
      return "key '" + key + "' is " + shorten(value) + " in " + first_name + " but " +
             shorten(it->second) + " " + second_name;
    }
    rest.erase(it);
  }
  if (!rest.empty()) {
    return "key '" + rest.begin()->first + "' is missing from " + first_name;
  }
  return {};
}

SweepOutcome execute_sweep(const std::vector<SweepPoint>& points, const SweepExecution& options,
                           PointStore& store, const ResultsEncoding& encoding,
                           const std::function<void(const SweepProgress&)>& progress,
                           const std::function<bool()>& stop) {
  if (options.shard.count == 0 || options.shard.index >= options.shard.count) {
    throw std::invalid_argument("a shard i/N needs 0 <= i < N");
  }
  const bool coordinator = DistributedSession::coordinator();
  std::vector<bool> done = open_store(store, points.size(), options.resume, coordinator);
  check_stored(store, points, options, done);
  Execution execution(points, options, store, progress, std::move(done));
  const std::function<bool()> stopping = [&stop] { return stop && stop(); };
  const bool farm = options.backend == SweepBackend::TaskFarm ||
                    (options.backend == SweepBackend::Automatic && DistributedSession::size() > 1);
  if (farm) {
    execution.run_on_farm(encoding, stopping);
    if (!coordinator) return SweepOutcome{false, 0, 0};
  } else {
    execution.run_on_threads(stopping);
  }
  return execution.finish();
}

}  // namespace cmhsim::experiment
