// Tests of Student-t confidence intervals and Welch intervals for a difference of means: the t
// quantile, hand-computed values, degenerate cases and coverage.
// Must not depend on anything above the engine.
#include "engine/confidence.hpp"

#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <initializer_list>

#include "engine/random_stream.hpp"
#include "engine/welford.hpp"

using cmhsim::engine::confidence_interval;
using cmhsim::engine::Estimate;
using cmhsim::engine::welch_interval;
using cmhsim::engine::Welford;

namespace {

Welford sample(std::initializer_list<double> xs) {
  Welford w;
  for (const double x : xs) w.add(x);
  return w;
}

}  // namespace

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

TEST_CASE("the Welch interval of two small samples matches a hand computation", "[confidence]") {
  // Means 2.5 and 5; variances 5/3 and 20/3, so se^2 = 5/12 + 5/3 = 25/12 and the
  // Welch-Satterthwaite df = (25/12)^2 / ((5/12)^2 / 3 + (5/3)^2 / 3) = 75/17.
  // t(0.975, 75/17) = 2.67717357846562 (scipy.stats.t.ppf).
  const Estimate e = welch_interval(sample({1, 2, 3, 4}), sample({2, 4, 6, 8}));
  const double h = 2.67717357846562 * std::sqrt(25.0 / 12.0);
  CHECK(e.n == 4);
  CHECK(e.mean == -2.5);
  CHECK(e.lo == Approx(-2.5 - h).epsilon(1e-12));
  CHECK(e.hi == Approx(-2.5 + h).epsilon(1e-12));
  CHECK(e.lo == Approx(-6.364167215486199).epsilon(1e-12));
  // At 90% the quantile is t(0.95, 75/17) = 2.0759427454237 (root of the regularised incomplete
  // beta function at 30 digits).
  CHECK(welch_interval(sample({1, 2, 3, 4}), sample({2, 4, 6, 8}), 0.90).half_width() ==
        Approx(2.0759427454237 * std::sqrt(25.0 / 12.0)).epsilon(1e-10));
}

TEST_CASE("the Welch interval is NaN with under two per sample and a point at zero spread",
          "[confidence]") {
  Estimate e = welch_interval(Welford{}, sample({1, 2}));
  CHECK(e.n == 0);
  CHECK(std::isnan(e.mean));
  e = welch_interval(sample({3}), sample({1, 2}));
  CHECK(e.n == 1);
  CHECK(e.mean == 1.5);
  CHECK(std::isnan(e.lo));
  CHECK(std::isnan(e.hi));
  e = welch_interval(sample({3, 3, 3}), sample({1, 1}));
  CHECK(e.n == 2);
  CHECK(e.lo == 2.0);
  CHECK(e.hi == 2.0);
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
