// Sequential replications in thread-sized batches until a relative-precision target is met;
// summaries are recomputed from all replications in index order, as in a fixed-count run.
#include "experiment/precision.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "engine/confidence.hpp"
#include "experiment/comparison.hpp"

namespace cmhsim::experiment {
namespace {

/// Returns the index of `name` among the run's outcomes; throws PrecisionError listing them.
std::size_t outcome_index(const RunResults& results, const std::string& name) {
  const auto infos = outcome_infos(results);
  for (std::size_t k = 0; k < infos.size(); ++k) {
    if (infos[k].name == name) return k;
  }
  std::string known;
  for (std::size_t k = 0; k < infos.size() && k < 12; ++k) known += (k ? ", " : "") + infos[k].name;
  throw PrecisionError("no outcome called '" + name + "'; outcomes include " + known +
                       (infos.size() > 12 ? ", ..." : ""));
}

}  // namespace

double relative_half_width(const RunResults& results, std::size_t k) {
  engine::Welford w;
  for (const auto& rep : results.replications) {
    const double v = outcome_value(rep, k);
    if (std::isfinite(v)) w.add(v);
  }
  const engine::Estimate e = engine::confidence_interval(w, 0.95);
  if (e.n < 2 || e.mean == 0.0 || !std::isfinite(e.lo)) {
    return std::numeric_limits<double>::infinity();
  }
  return e.half_width() / std::abs(e.mean);
}

PrecisionRun run_to_precision(const ModelSpec& model, const RunOptions& options,
                              const PrecisionTarget& target) {
  if (!(target.relative > 0.0)) throw PrecisionError("the relative precision must be positive");
  if (target.max_replications < 2) throw PrecisionError("--max-replications must be at least 2");
  const auto started = std::chrono::steady_clock::now();
  const std::uint64_t batch = static_cast<std::uint64_t>(resolve_threads(options.threads));
  PrecisionRun run;
  std::uint64_t done = 0;
  std::size_t k = 0;
  bool first = true;
  while (done < target.max_replications) {
    const std::uint64_t want = first ? std::max<std::uint64_t>(batch, 2) : batch;
    const std::uint64_t count = std::min(want, target.max_replications - done);
    append_replications(model, options, done, count, run.results);
    done += count;
    if (first) {
      finish_results(model, run.results);
      k = outcome_index(run.results, target.outcome);
      first = false;
    }
    run.relative_half_width = relative_half_width(run.results, k);
    if (run.relative_half_width <= target.relative) {
      run.reached = true;
      break;
    }
  }
  finish_results(model, run.results);
  run.results.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

}  // namespace cmhsim::experiment
