// Running mean and variance by Welford's method, numerically stable in one pass.
// Knows nothing of what is being measured.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace cmhsim::engine {

/// Accumulates count, mean, variance, minimum and maximum of a stream of observations.
class Welford {
 public:
  /// Adds one observation.
  void add(double x) noexcept {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }

  /// Merges another accumulator into this one (Chan et al.'s parallel formula).
  void merge(const Welford& o) noexcept {
    if (o.n_ == 0) return;
    if (n_ == 0) {
      *this = o;
      return;
    }
    const double n = static_cast<double>(n_ + o.n_);
    const double delta = o.mean_ - mean_;
    mean_ += delta * static_cast<double>(o.n_) / n;
    m2_ += o.m2_ + delta * delta * static_cast<double>(n_) * static_cast<double>(o.n_) / n;
    n_ += o.n_;
    if (o.min_ < min_) min_ = o.min_;
    if (o.max_ > max_) max_ = o.max_;
  }

  /// Returns the number of observations.
  [[nodiscard]] std::uint64_t count() const noexcept { return n_; }
  /// Returns the mean, or NaN with no observations.
  [[nodiscard]] double mean() const noexcept {
    return n_ ? mean_ : std::numeric_limits<double>::quiet_NaN();
  }
  /// Returns the unbiased sample variance, or NaN with fewer than two observations.
  [[nodiscard]] double variance() const noexcept {
    return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : std::numeric_limits<double>::quiet_NaN();
  }
  /// Returns the sample standard deviation.
  [[nodiscard]] double sd() const noexcept { return std::sqrt(variance()); }
  /// Returns the smallest observation (+inf with none).
  [[nodiscard]] double min() const noexcept { return min_; }
  /// Returns the largest observation (-inf with none).
  [[nodiscard]] double max() const noexcept { return max_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace cmhsim::engine
