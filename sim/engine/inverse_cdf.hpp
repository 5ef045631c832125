// Values of continuous distributions at a given probability, for draws by inversion (one uniform
// per value, so a value moves smoothly with its uniform). Knows nothing of what the values mean.
#pragma once

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace cmhsim::engine {

/// Returns the value at probability `u` in [0, 1] of a normal(mean, sd) truncated to [lo, hi]
/// (either end may be infinite): the normal's quantile at the probability `u` of the way between
/// the ends' probabilities, clamped to [lo, hi].
inline double truncated_normal_quantile(double mean, double sd, double lo, double hi, double u) {
  const boost::math::normal_distribution<double> normal(mean, sd);
  const double a_lo = std::isfinite(lo) ? boost::math::cdf(normal, lo) : 0.0;
  const double a_hi = std::isfinite(hi) ? boost::math::cdf(normal, hi) : 1.0;
  // Keeps the probability strictly inside (0, 1), where the quantile is finite.
  const double prob = std::clamp(a_lo + (a_hi - a_lo) * u, 0x1.0p-60, 1.0 - 0x1.0p-53);
  return std::clamp(boost::math::quantile(normal, prob), lo, hi);
}

}  // namespace cmhsim::engine
