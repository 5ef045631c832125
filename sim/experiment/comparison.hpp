// Paired comparison of scenarios under common random numbers: the same seed and replication
// indices for every scenario, differences per replication, paired and unpaired 95% intervals.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/confidence.hpp"
#include "experiment/cost_effectiveness.hpp"
#include "experiment/model_spec.hpp"
#include "experiment/run_results.hpp"
#include "experiment/runner.hpp"

namespace cmhsim::experiment {

/// Signals that scenarios cannot be compared (different kinds, places or services).
class ComparisonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Names one scenario of a comparison, the model it runs and the values that decide its people.
struct ComparisonArm {
  std::string name;
  ModelSpec model;
  /// The scenario keys (with their values) that decide who is simulated and what they draw;
  /// arms must agree on every one for common random numbers to pair the same people.
  KeyValues people{};
  /// Gives the model replication r runs under parameter uncertainty (empty: always `model`);
  /// every arm must give replication r the same parameter set, so comparisons stay paired.
  std::function<ModelSpec(std::uint64_t)> model_for{};
};

/// Holds one outcome's difference from the baseline: paired (per replication) and Welch.
struct Difference {
  engine::Estimate paired;    ///< Mean of X_r - A_r with a Student-t 95% interval.
  engine::Estimate unpaired;  ///< Mean X minus mean A with a Welch 95% interval.
};

/// Holds a comparison: each scenario's run and every outcome's differences from the first.
///
/// The outcomes are the model's end-of-run metrics, then each service's metrics named
/// `services.<service>.<metric>`.
struct ComparisonResults {
  std::vector<std::string> names;           ///< Scenario names; names[0] is the baseline.
  std::vector<RunResults> runs;             ///< One per scenario, in the same order.
  std::vector<model::OutputInfo> outcomes;  ///< The compared outcomes.
  std::vector<std::vector<engine::Estimate>> estimates;  ///< [scenario][outcome].
  std::vector<std::vector<Difference>> differences;      ///< [scenario - 1][outcome].
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  double wall_seconds = 0.0;
  /// Each scenario's cost-effectiveness against the first at the default thresholds (empty for
  /// models without economic metrics); `cmhsim compare --thresholds` recomputes it.
  CostEffectiveness cost_effectiveness;
};

/// Returns why `arms` cannot be compared pairwise (empty if they can): different model kinds,
/// values that define the people, or arrival streams and services (network).
std::vector<std::string> comparability_problems(const std::vector<ComparisonArm>& arms);

/// Runs every arm with the same seed and replications, then computes differences from arms[0];
/// throws ComparisonError if fewer than two arms or comparability_problems() finds any.
ComparisonResults compare(const std::vector<ComparisonArm>& arms, const RunOptions& options);

/// Returns the comparison of finished `runs` (one per name, equal replications): each outcome's
/// estimate per scenario and its differences from runs[0]; compare() reduces its runs with it.
ComparisonResults reduce_comparison(const std::vector<std::string>& names,
                                    std::vector<RunResults> runs, std::uint64_t seed);

/// Returns the compared outcomes of a run: model metrics, then `services.<s>.<m>`.
std::vector<model::OutputInfo> outcome_infos(const RunResults& run);

/// Returns outcome `k` (in outcome_infos order) of one replication.
double outcome_value(const model::ReplicationOutcome& rep, std::size_t k);

/// Returns the paired and unpaired differences of `x` from `baseline` (NaNs skipped; the paired
/// difference uses replications where both are finite).
Difference difference(const std::vector<double>& x, const std::vector<double>& baseline);

}  // namespace cmhsim::experiment
