// The distribution of an uncertain scenario parameter, shared by a scenario's `uncertainty`
// section and calibration files' priors, and the draw of a value from it. Knows no files or runs.
#pragma once

#include <string>

namespace cmhsim::scenario {

/// Names the family of a parameter's distribution.
enum class PriorKind { Uniform, Normal };

/// Describes one uncertain parameter: the scenario key it sets and the distribution of its value.
struct ParameterPrior {
  std::string key_path;  ///< Scenario key path, e.g. "care_partners.fte".
  PriorKind kind = PriorKind::Uniform;
  double lo = 0.0;       ///< Uniform: lower end; normal: lower truncation (may be -inf).
  double hi = 0.0;       ///< Uniform: upper end; normal: upper truncation (may be +inf).
  double mean = 0.0;     ///< Normal only.
  double sd = 0.0;       ///< Normal only.
  bool integer = false;  ///< True when the key takes whole numbers (values are rounded).
  int line = 0;          ///< Where the parameter's key stands in its file.
  int column = 0;
};

/// Returns the value of `p` at probability `u` in [0, 1) by inversion: lo + (hi - lo) u for a
/// uniform, the normal's quantile within its truncation's probabilities for a normal, rounded
/// to the nearest whole number within the range for integer keys.
double prior_quantile(const ParameterPrior& p, double u);

}  // namespace cmhsim::scenario
