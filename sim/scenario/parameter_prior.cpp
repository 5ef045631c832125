// The draw of an uncertain parameter's value by inversion of its distribution.
// Knows no files, streams or runs.
#include "scenario/parameter_prior.hpp"

#include <algorithm>
#include <cmath>

#include "engine/inverse_cdf.hpp"

namespace cmhsim::scenario {

double prior_quantile(const ParameterPrior& p, double u) {
  double v = 0.0;
  if (p.kind == PriorKind::Uniform) {
    v = std::clamp(p.lo == p.hi ? p.lo : p.lo + (p.hi - p.lo) * u, p.lo, p.hi);
  } else {
    v = engine::truncated_normal_quantile(p.mean, p.sd, p.lo, p.hi, u);
  }
  if (p.integer) v = std::clamp(std::round(v), std::ceil(p.lo), std::floor(p.hi));
  return v;
}

}  // namespace cmhsim::scenario
