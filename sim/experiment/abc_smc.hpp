// ABC-SMC (Toni et al. 2009) with the adaptive kernel and weights of Beaumont et al. (2009):
// proposals keyed by (seed, generation, particle, attempt), accepted in index order, so the result
// never depends on how a batch of points is evaluated. Knows nothing of scenarios or files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace cmhsim::experiment {

/// Describes one parameter's prior: uniform on [lo, hi], or normal truncated to [lo, hi].
struct AbcPrior {
  double lo = 0.0;
  double hi = 1.0;
  bool normal = false;
  double mean = 0.0;  ///< Normal only.
  double sd = 1.0;    ///< Normal only.
};

/// Describes what is fitted: the priors and the observed targets with their standard errors.
struct AbcProblem {
  std::vector<AbcPrior> priors;
  std::vector<double> observed;
  std::vector<double> sd;  ///< One per target, > 0.
};

/// Holds ABC-SMC's settings.
struct AbcOptions {
  std::size_t population = 200;
  std::size_t generations = 8;     ///< After generation 0 (drawn from the prior).
  double quantile = 0.5;           ///< Adaptive tolerance quantile (Del Moral et al. 2012).
  std::vector<double> tolerances;  ///< Fixed schedule for generations 1..; empty = adaptive.
  double min_acceptance = 0.02;    ///< Stop after a generation accepting fewer proposals.
  /// Keeps adaptive tolerances at or above this distance, and stops after the generation that
  /// reaches it (0: no floor).
  double tolerance_floor = 0.0;
  std::uint64_t seed = 0;
  std::uint64_t budget = 20000;      ///< Most model runs.
  std::uint64_t runs_per_point = 1;  ///< Model runs one point costs.
  std::size_t min_batch = 0;         ///< Points per round at least (0: the population).
};

/// Returns the median of the chi distribution with `degrees` degrees of freedom: the typical
/// distance of the truth's predictions from observations that carry their stated errors.
double chi_median(std::size_t degrees);

/// Identifies one proposal: the generation, the particle slot and the attempt at filling it.
struct PointRequest {
  std::vector<double> theta;
  std::uint64_t generation = 0;
  std::uint64_t particle = 0;
  std::uint64_t attempt = 0;
};

/// Returns each requested point's predicted targets, in request order; may evaluate them in
/// parallel but must give each point's prediction from its request alone.
using BatchEvaluator =
    std::function<std::vector<std::vector<double>>(const std::vector<PointRequest>&)>;

/// Holds one accepted particle.
struct AbcParticle {
  std::vector<double> theta;
  double weight = 0.0;  ///< Normalised within its generation.
  double distance = 0.0;
  std::vector<double> predicted;  ///< The point's predicted targets.
};

/// Holds one finished generation.
struct AbcGeneration {
  double tolerance = std::numeric_limits<double>::infinity();
  std::uint64_t proposals = 0;         ///< Drawn, including those outside the prior's support.
  std::uint64_t simulated = 0;         ///< Points evaluated.
  std::vector<AbcParticle> particles;  ///< In slot order.
};

/// Holds a calibration's progress: its finished generations and the runs spent so far.
struct AbcState {
  std::vector<AbcGeneration> generations;
  std::uint64_t runs = 0;  ///< Model runs, including those of an unfinished last generation.
  bool finished = false;
  std::string stop_reason;  ///< Why it finished: "generations", "budget", "acceptance".
};

/// Returns the distance of `predicted` from the problem's targets: the Euclidean norm of the
/// standardised residuals (predicted - observed) / sd; infinite if any prediction is not finite.
double abc_distance(const AbcProblem& problem, const std::vector<double>& predicted);

/// Runs ABC-SMC from `state` (empty to start, or a checkpoint) until it finishes or `stop()`
/// returns true between rounds; calls `on_generation(state)` after each finished generation (and
/// once more when it finishes). Returns the state reached; its `finished` says which.
AbcState run_abc_smc(const AbcProblem& problem, const AbcOptions& options, AbcState state,
                     const BatchEvaluator& evaluate,
                     const std::function<void(const AbcState&)>& on_generation,
                     const std::function<bool()>& stop);

/// Returns the weighted mean of parameter `k` over a generation's particles.
double weighted_mean(const AbcGeneration& g, std::size_t k);

/// Returns the weighted `q` quantile of `values` with `weights` (the smallest value whose
/// cumulative weight reaches q).
double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q);

}  // namespace cmhsim::experiment
