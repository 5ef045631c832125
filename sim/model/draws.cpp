// The Poisson quantile of draws.hpp, out of line so that only this file includes Boost.Math.
// Knows nothing of people or services.
#include "model/draws.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>

namespace cmhsim::model::pathway {

std::uint32_t poisson_quantile(double u, double mean) {
  if (!(mean > 0.0)) return 0;
  using Policy = boost::math::policies::policy<
      boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>;
  const boost::math::poisson_distribution<double, Policy> d(mean);
  // Boost's own quantile finds the same count by a root search over many CDF evaluations. The
  // normal approximation with a skewness correction lands within a count or two of it, and
  // Boost's CDF then decides, so the count is Boost's (checked in draws_test.cpp).
  const double z = boost::math::quantile(boost::math::normal_distribution<double>(), u);
  double k = std::floor(mean + z * std::sqrt(mean) + (z * z - 1.0) / 6.0);
  if (!(k > 0.0)) k = 0.0;
  if (boost::math::cdf(d, k) >= u) {
    while (k > 0.0 && boost::math::cdf(d, k - 1.0) >= u) k -= 1.0;
  } else {
    do {
      k += 1.0;
    } while (boost::math::cdf(d, k) < u);
  }
  return static_cast<std::uint32_t>(k);
}

}  // namespace cmhsim::model::pathway
