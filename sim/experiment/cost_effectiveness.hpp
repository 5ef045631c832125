// Cost-effectiveness of a paired comparison: incremental costs and QALYs per person against the
// first scenario, ICER, net monetary benefit, acceptability and EVPI over replications. No I/O.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/confidence.hpp"

namespace cmhsim::experiment {

struct ComparisonResults;

/// Signals cost-effectiveness inputs that cannot be used (no thresholds, ragged replications).
class CostEffectivenessError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Holds one scenario's cost-effectiveness against the baseline (the first scenario).
struct CeComparison {
  engine::Estimate incremental_cost;   ///< Mean paired difference of discounted cost per person.
  engine::Estimate incremental_qalys;  ///< Mean paired difference of discounted QALYs per person.
  /// Ratio of the mean increments (NaN when the QALY increment is within kIcerMinQalys of 0)
  /// with Fieller's 95% interval (NaN bounds when the interval is unbounded).
  engine::Estimate icer;
  std::vector<engine::Estimate> net_monetary_benefit;  ///< Per threshold: mean and t interval.
  std::vector<double> probability_cost_effective;      ///< Per threshold: share with NMB > 0.
  std::vector<double> acceptability;                   ///< Per curve threshold: share with NMB > 0.
  std::vector<double> incremental_costs;               ///< Per used replication.
  std::vector<double> incremental_qalys_by_replication;  ///< Per used replication.
};

/// Holds a comparison's cost-effectiveness; empty when its model has no economic metrics.
struct CostEffectiveness {
  std::vector<double> thresholds;         ///< GBP per QALY.
  std::vector<double> curve_thresholds;   ///< GBP per QALY, the acceptability curve's grid.
  std::vector<CeComparison> comparisons;  ///< [scenario - 1].
  std::vector<double> evpi_per_person;    ///< Per threshold, over every scenario.
  /// Mean over used replications of the baseline's people observed (NaN if unknown).
  double people = std::numeric_limits<double>::quiet_NaN();
  std::uint64_t replications = 0;  ///< Replications with finite costs and QALYs in every scenario.

  /// Returns true when nothing was computed.
  [[nodiscard]] bool empty() const noexcept { return comparisons.empty(); }
};

/// Sets the QALY increment per person below which (in absolute value) the ICER is undefined.
inline constexpr double kIcerMinQalys = 1e-9;

/// Returns the name suffix of threshold `t`: "20000" for 20,000 GBP per QALY, "%g" if fractional.
inline std::string threshold_label(double t) {
  char text[32];
  if (t == std::floor(t) && std::abs(t) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", t);
  } else {
    std::snprintf(text, sizeof text, "%g", t);
  }
  return text;
}

/// Returns the default thresholds: 20,000 and 30,000 GBP per QALY.
std::vector<double> default_thresholds();

/// Returns the default acceptability curve grid: 0 to 100,000 GBP per QALY by 1,000.
std::vector<double> default_curve_thresholds();

/// Returns the ratio a/b of the mean paired increments of `cost` and `qalys` with Fieller's 95%
/// interval; NaN mean when |b| < kIcerMinQalys, NaN bounds when the interval is unbounded.
engine::Estimate icer_with_fieller(const std::vector<double>& cost,
                                   const std::vector<double>& qalys);

/// Returns the expected value of perfect information from net monetary benefits nmb[s][r]: the
/// mean over r of the best scenario's NMB minus the best scenario's mean NMB (never negative).
double expected_value_of_perfect_information(const std::vector<std::vector<double>>& nmb);

/// Returns the cost-effectiveness of every scenario s > 0 against scenario 0 from per-person
/// costs[s][r] and qalys[s][r]; replications not finite in every scenario are left out, and
/// `people` is the place's people per replication. Throws CostEffectivenessError on bad inputs.
CostEffectiveness cost_effectiveness(const std::vector<std::vector<double>>& costs,
                                     const std::vector<std::vector<double>>& qalys,
                                     const std::vector<double>& thresholds,
                                     const std::vector<double>& curve_thresholds, double people);

/// Returns the cost-effectiveness of a comparison from its outcomes discounted_cost_per_person,
/// qalys_per_person and people_observed; empty when its outcomes lack them.
CostEffectiveness cost_effectiveness(const ComparisonResults& results,
                                     const std::vector<double>& thresholds);

}  // namespace cmhsim::experiment
