// Tests of Student-t confidence intervals: the t quantile, degenerate cases and coverage.
// Must not depend on anything above the engine.
#include "engine/confidence.hpp"

#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/random_stream.hpp"
#include "engine/welford.hpp"

using cmhsim::engine::confidence_interval;
using cmhsim::engine::Estimate;
using cmhsim::engine::Welford;

TEST_CASE("the 95% interval over 10 replications uses t = 2.262", "[confidence]") {
  Welford w;
  for (int i = 1; i <= 10; ++i) w.add(i);  // mean 5.5, variance 55/6
  const Estimate e = confidence_interval(w);
  CHECK(e.n == 10);
  CHECK(e.mean == 5.5);
  const double se = std::sqrt(55.0 / 6.0) / std::sqrt(10.0);
  CHECK(e.half_width() / se == Approx(2.262).margin(5e-4));
  CHECK(e.lo == Approx(5.5 - 2.2621571628 * se).epsilon(1e-9));
  CHECK(e.hi == Approx(5.5 + 2.2621571628 * se).epsilon(1e-9));
  CHECK(e.contains(5.5));
  CHECK_FALSE(e.contains(e.hi + 1e-9));
}

TEST_CASE("a 90% interval over 10 replications uses t = 1.833", "[confidence]") {
  Welford w;
  for (int i = 1; i <= 10; ++i) w.add(i);
  const double se = std::sqrt(55.0 / 6.0) / std::sqrt(10.0);
  CHECK(confidence_interval(w, 0.90).half_width() / se == Approx(1.833).margin(5e-4));
}

TEST_CASE("intervals are NaN below two observations and a point at zero spread", "[confidence]") {
  Welford w;
  Estimate e = confidence_interval(w);
  CHECK(e.n == 0);
  CHECK(std::isnan(e.mean));
  w.add(4.0);
  e = confidence_interval(w);
  CHECK(e.mean == 4.0);
  CHECK(std::isnan(e.lo));
  CHECK(std::isnan(e.hi));
  w.add(4.0);
  e = confidence_interval(w);
  CHECK(e.lo == 4.0);
  CHECK(e.hi == 4.0);
}

TEST_CASE("95% intervals from normal samples of 10 cover the mean about 95% of the time",
          "[confidence][validation]") {
  cmhsim::engine::RandomStream rng({31337, 0}, 0, 0);
  boost::random::normal_distribution<double> normal(3.0, 2.0);
  constexpr int kTrials = 2000;
  int covered = 0;
  for (int t = 0; t < kTrials; ++t) {
    Welford w;
    for (int i = 0; i < 10; ++i) w.add(normal(rng));
    covered += confidence_interval(w).contains(3.0);
  }
  const double coverage = static_cast<double>(covered) / kTrials;
  INFO("coverage " << coverage);
  CHECK(coverage >= 0.93);
  CHECK(coverage <= 0.97);
}
