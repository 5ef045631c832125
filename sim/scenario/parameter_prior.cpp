// The draw of an uncertain parameter's value by inversion of its distribution.
// Knows no files, streams or runs.
#include "scenario/parameter_prior.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace cmhsim::scenario {

double prior_quantile(const ParameterPrior& p, double u) {
  double v = 0.0;
  if (p.kind == PriorKind::Uniform) {
    v = p.lo == p.hi ? p.lo : p.lo + (p.hi - p.lo) * u;
  } else {
    const boost::math::normal_distribution<double> normal(p.mean, p.sd);
    const double a_lo = std::isfinite(p.lo) ? boost::math::cdf(normal, p.lo) : 0.0;
    const double a_hi = std::isfinite(p.hi) ? boost::math::cdf(normal, p.hi) : 1.0;
    // Keep the probability strictly inside (0, 1), where the quantile is finite.
    const double prob = std::clamp(a_lo + (a_hi - a_lo) * u, 0x1.0p-60, 1.0 - 0x1.0p-53);
    v = boost::math::quantile(normal, prob);
  }
  v = std::clamp(v, p.lo, p.hi);
  if (p.integer) v = std::clamp(std::round(v), std::ceil(p.lo), std::floor(p.hi));
  return v;
}

}  // namespace cmhsim::scenario
