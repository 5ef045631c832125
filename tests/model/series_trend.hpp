// The least-squares trend of a monthly series, for the model tests that require a flat one.
// Knows plain numbers only.
#pragma once

#include <vector>

namespace cmhsim::model::testing {

/// Returns the least-squares slope of `y` against 0, 1, 2, ... (per step of the series).
inline double least_squares_slope(const std::vector<double>& y) {
  const auto n = static_cast<double>(y.size());
  const double xbar = (n - 1.0) / 2.0;
  double ybar = 0.0;
  for (const double v : y) ybar += v / n;
  double sxy = 0.0;
  double sxx = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double dx = static_cast<double>(i) - xbar;
    sxy += dx * (y[i] - ybar);
    sxx += dx * dx;
  }
  return sxy / sxx;
}

}  // namespace cmhsim::model::testing
