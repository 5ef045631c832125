// Tests of the P-square streaming quantile: exact small samples, accuracy on large streams.
// Must not depend on anything above the engine.
#include "engine/p2_quantile.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"

using cmhsim::engine::P2Quantile;

namespace {

/// Returns the sample quantile by linear interpolation between order statistics.
double exact_quantile(std::vector<double> x, double p) {
  std::sort(x.begin(), x.end());
  const double h = p * static_cast<double>(x.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

}  // namespace

TEST_CASE("P-square is exact for up to five observations", "[quantile]") {
  P2Quantile median(0.5);
  CHECK(std::isnan(median.value()));
  median.add(3.0);
  CHECK(median.value() == 3.0);
  median.add(1.0);
  CHECK(median.value() == 2.0);
  median.add(2.0);
  CHECK(median.value() == 2.0);

  P2Quantile q25(0.25);
  for (double x : {4.0, 1.0, 3.0, 2.0}) q25.add(x);
  CHECK(q25.value() == 1.75);  // h = 0.75 between 1 and 2

  P2Quantile q90(0.9);
  for (double x : {5.0, 1.0, 4.0, 2.0, 3.0}) q90.add(x);
  CHECK(q90.value() == Approx(4.6).epsilon(1e-15));  // h = 3.6 between 4 and 5
  CHECK(q90.count() == 5);
  CHECK(q90.probability() == 0.9);
}

TEST_CASE("P-square tracks quantiles of a long exponential stream within 1%", "[quantile]") {
  const auto dist = cmhsim::engine::Distribution::exponential(1.0);
  for (double p : {0.5, 0.9, 0.95, 0.99}) {
    cmhsim::engine::RandomStream rng({4, 0}, 0, 0);
    P2Quantile q(p);
    std::vector<double> x(100000);
    for (auto& v : x) {
      v = dist.sample(rng);
      q.add(v);
    }
    const double exact = exact_quantile(x, p);
    INFO("p = " << p << ", exact " << exact << ", estimate " << q.value());
    CHECK(q.value() == Approx(exact).epsilon(0.01));
    CHECK(q.value() == Approx(-std::log(1.0 - p)).epsilon(0.02));
    CHECK(q.count() == x.size());
  }
}

TEST_CASE("P-square tracks quantiles of a uniform stream", "[quantile]") {
  cmhsim::engine::RandomStream rng({5, 0}, 0, 0);
  P2Quantile q10(0.1), q50(0.5), q90(0.9);
  for (int i = 0; i < 100000; ++i) {
    const double u = rng.uniform01();
    q10.add(u);
    q50.add(u);
    q90.add(u);
  }
  CHECK(q10.value() == Approx(0.1).margin(0.005));
  CHECK(q50.value() == Approx(0.5).margin(0.005));
  CHECK(q90.value() == Approx(0.9).margin(0.005));
}

TEST_CASE("P-square rejects bad probabilities and non-finite observations",
          "[quantile][bad-input]") {
  CHECK_THROWS_AS(P2Quantile(0.0), std::invalid_argument);
  CHECK_THROWS_AS(P2Quantile(1.0), std::invalid_argument);
  CHECK_THROWS_AS(P2Quantile(std::nan("")), std::invalid_argument);
  P2Quantile q(0.5);
  CHECK_THROWS_AS(q.add(std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(q.add(std::numeric_limits<double>::infinity()), std::invalid_argument);
  CHECK(q.count() == 0);
}
