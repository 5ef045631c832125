// Tests of the values of distributions at given probabilities.
// Knows the engine's inverse CDFs only.
#include "engine/inverse_cdf.hpp"

#include <catch2/catch.hpp>
#include <limits>

using cmhsim::engine::truncated_normal_quantile;

TEST_CASE("truncated normal quantile matches the normal's own quantiles", "[distribution]") {
  const double inf = std::numeric_limits<double>::infinity();
  // Untruncated: the median is the mean, and u = 0.975 is 1.959964 sd above it.
  CHECK(truncated_normal_quantile(4.5, 0.3, -inf, inf, 0.5) == Approx(4.5).epsilon(1e-12));
  CHECK(truncated_normal_quantile(0.0, 1.0, -inf, inf, 0.975) == Approx(1.959964).epsilon(1e-6));
  // Truncated to [0, inf): the median of a half-normal is 0.674490 sd.
  CHECK(truncated_normal_quantile(0.0, 2.0, 0.0, inf, 0.5) == Approx(2.0 * 0.674490).epsilon(1e-6));
}

TEST_CASE("truncated normal quantile stays within its truncation", "[distribution]") {
  CHECK(truncated_normal_quantile(4.5, 0.3, 4.0, 5.0, 0.0) == Approx(4.0).epsilon(1e-9));
  CHECK(truncated_normal_quantile(4.5, 0.3, 4.0, 5.0, 1.0) == Approx(5.0).epsilon(1e-9));
  for (const double u : {0.0, 0.001, 0.3, 0.999, 1.0}) {
    const double v = truncated_normal_quantile(10.0, 50.0, 9.0, 11.0, u);
    CHECK(v >= 9.0);
    CHECK(v <= 11.0);
  }
  // Far in a tail the probabilities of the ends are tiny; the value must stay finite and inside.
  const double t = truncated_normal_quantile(0.0, 1.0, 8.0, 9.0, 0.5);
  CHECK(t >= 8.0);
  CHECK(t <= 9.0);
}
