// Streaming estimate of one quantile in constant memory: the P-square algorithm (Jain & Chlamtac
// 1985) from Boost.Accumulators, exact below six observations. Knows nothing of what is measured.
#pragma once

#include <algorithm>
#include <array>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/p_square_quantile.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmhsim::engine {

/// Estimates the p-quantile of a stream of observations without storing them.
///
/// Boost's P-square keeps five markers and returns the middle one; before the markers are set it
/// returns an unsorted raw value, so the first five observations are also kept here and their
/// quantile is computed exactly (linear interpolation between order statistics, Hyndman-Fan 7).
class P2Quantile {
 public:
  /// Creates an estimator of the `p`-quantile, 0 < p < 1.
  explicit P2Quantile(double p) : p_(p), acc_(boost::accumulators::quantile_probability = p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw std::invalid_argument("quantile probability must lie in (0, 1), got " +
                                  std::to_string(p));
    }
  }

  /// Adds one observation; throws std::invalid_argument unless it is finite.
  void add(double x) {
    if (!std::isfinite(x)) throw std::invalid_argument("quantile observation is not finite");
    if (n_ < first_.size()) first_[n_] = x;
    ++n_;
    acc_(x);
  }

  /// Returns the estimated quantile, or NaN with no observations.
  [[nodiscard]] double value() const {
    if (n_ == 0) return std::numeric_limits<double>::quiet_NaN();
    if (n_ <= first_.size()) return exact_small();
    return boost::accumulators::p_square_quantile(acc_);
  }

  /// Returns the quantile probability p.
  [[nodiscard]] double probability() const noexcept { return p_; }
  /// Returns the number of observations.
  [[nodiscard]] std::uint64_t count() const noexcept { return n_; }

 private:
  using Accumulator = boost::accumulators::accumulator_set<
      double, boost::accumulators::stats<boost::accumulators::tag::p_square_quantile>>;

  double exact_small() const {
    std::array<double, 5> sorted = first_;
    const auto n = static_cast<std::ptrdiff_t>(n_);
    std::sort(sorted.begin(), sorted.begin() + n);
    const double h = p_ * static_cast<double>(n_ - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min<std::size_t>(lo + 1, n_ - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
  }

  double p_;
  std::uint64_t n_ = 0;
  std::array<double, 5> first_{};
  Accumulator acc_;
};

}  // namespace cmhsim::engine
