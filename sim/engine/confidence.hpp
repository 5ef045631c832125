// Student-t confidence intervals for a mean and, by Welch's method, for a difference of two means
// of independent samples (Boost.Math).
// Knows nothing of what the replications measured.
#pragma once

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/welford.hpp"

namespace cmhsim::engine {

/// Holds a point estimate with its confidence interval.
struct Estimate {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double lo = std::numeric_limits<double>::quiet_NaN();
  double hi = std::numeric_limits<double>::quiet_NaN();
  std::uint64_t n = 0;

  /// Returns half the interval's width.
  [[nodiscard]] double half_width() const noexcept { return 0.5 * (hi - lo); }
  /// Returns true when `x` lies within [lo, hi].
  [[nodiscard]] bool contains(double x) const noexcept { return lo <= x && x <= hi; }
};

/// Returns the mean of `w` with a two-sided Student-t interval at `level` (NaN bounds if n < 2).
inline Estimate confidence_interval(const Welford& w, double level = 0.95) {
  Estimate e;
  e.n = w.count();
  e.mean = w.mean();
  if (e.n < 2) return e;
  const double sd = w.sd();
  if (sd == 0.0) {
    e.lo = e.hi = e.mean;
    return e;
  }
  const boost::math::students_t t(static_cast<double>(e.n - 1));
  const double q = boost::math::quantile(boost::math::complement(t, (1.0 - level) / 2.0));
  const double h = q * sd / std::sqrt(static_cast<double>(e.n));
  e.lo = e.mean - h;
  e.hi = e.mean + h;
  return e;
}

/// Returns mean(x) - mean(a) with a two-sided Welch interval at `level` (NaN bounds if either
/// sample has fewer than two observations; n is the smaller sample size).
inline Estimate welch_interval(const Welford& x, const Welford& a, double level = 0.95) {
  Estimate e;
  e.n = std::min(x.count(), a.count());
  if (x.count() == 0 || a.count() == 0) return e;
  e.mean = x.mean() - a.mean();
  if (x.count() < 2 || a.count() < 2) return e;
  const double vx = x.variance() / static_cast<double>(x.count());
  const double va = a.variance() / static_cast<double>(a.count());
  const double se2 = vx + va;
  if (se2 == 0.0) {
    e.lo = e.hi = e.mean;
    return e;
  }
  // Welch-Satterthwaite degrees of freedom.
  const double df =
      se2 * se2 /
      (vx * vx / static_cast<double>(x.count() - 1) + va * va / static_cast<double>(a.count() - 1));
  const boost::math::students_t t(df);
  const double q = boost::math::quantile(boost::math::complement(t, (1.0 - level) / 2.0));
  const double h = q * std::sqrt(se2);
  e.lo = e.mean - h;
  e.hi = e.mean + h;
  return e;
}

}  // namespace cmhsim::engine
