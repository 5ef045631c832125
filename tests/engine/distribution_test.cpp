// Tests of distributions: moments of samples, parameterisations, empirical weights, bad input.
// Must not depend on anything above the engine.
#include "engine/distribution.hpp"

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "engine/random_stream.hpp"

using cmhsim::engine::DistKind;
using cmhsim::engine::Distribution;
using cmhsim::engine::RandomStream;

namespace {

constexpr std::size_t kDraws = 200000;

/// Holds sample moments with their standard errors, from two passes over the draws.
struct Moments {
  double mean = 0.0;
  double variance = 0.0;
  double se_mean = 0.0;
  double se_variance = 0.0;
};

Moments sample_moments(const Distribution& d, std::uint64_t entity) {
  RandomStream rng({20240601, 0}, entity, 0);
  std::vector<double> x(kDraws);
  for (auto& v : x) v = d.sample(rng);
  const auto n = static_cast<double>(kDraws);
  double mean = 0.0;
  for (double v : x) mean += v;
  mean /= n;
  double m2 = 0.0, m4 = 0.0;
  for (double v : x) {
    const double d2 = (v - mean) * (v - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  Moments m;
  m.mean = mean;
  m.variance = m2 / (n - 1.0);
  m.se_mean = std::sqrt(m.variance / n);
  // Large-sample standard error of the sample variance: sqrt((mu4 - sigma^4) / n).
  m.se_variance = std::sqrt((m4 / n - (m2 / n) * (m2 / n)) / n);
  return m;
}

void check_moments(const Distribution& d, double mean, double variance, std::uint64_t entity) {
  INFO(d.describe());
  CHECK(d.mean() == Approx(mean).epsilon(1e-12));
  CHECK(d.variance() == Approx(variance).epsilon(1e-12));
  const Moments m = sample_moments(d, entity);
  CHECK(std::abs(m.mean - mean) < 4.0 * m.se_mean);
  CHECK(std::abs(m.variance - variance) < 4.0 * m.se_variance);
}

}  // namespace

TEST_CASE("exponential samples have the requested mean and variance", "[distribution]") {
  check_moments(Distribution::exponential(2.5), 2.5, 6.25, 1);
}

TEST_CASE("lognormal is parameterised by the mean and sd of the variable itself",
          "[distribution]") {
  check_moments(Distribution::lognormal(10.0, 5.0), 10.0, 25.0, 2);
  check_moments(Distribution::lognormal(0.5, 0.2), 0.5, 0.04, 3);
  // Median of a lognormal is mean / sqrt(1 + cv^2): 10 / sqrt(1.25).
  RandomStream rng({5, 5}, 5, 5);
  const auto d = Distribution::lognormal(10.0, 5.0);
  std::size_t below = 0;
  for (std::size_t i = 0; i < kDraws; ++i) below += d.sample(rng) < 10.0 / std::sqrt(1.25);
  const double share = static_cast<double>(below) / static_cast<double>(kDraws);
  CHECK(std::abs(share - 0.5) < 4.0 * std::sqrt(0.25 / static_cast<double>(kDraws)));
}

TEST_CASE("gamma samples follow the gamma CDF for shapes below, near and above 1",
          "[distribution]") {
  // Kolmogorov-Smirnov against the regularised incomplete gamma function, at the 99.9% critical
  // value 1.95 / sqrt(n), for the shapes the shipped scenarios use and a small one.
  std::uint64_t entity = 40;
  for (const double shape : {0.3, 0.98, 1.0, 2.0, 7.5}) {
    RandomStream rng({20240601, 0}, ++entity, 0);
    const Distribution d = Distribution::gamma(shape, 3.0);
    std::vector<double> x(kDraws);
    for (auto& v : x) v = d.sample(rng);
    std::sort(x.begin(), x.end());
    double ks = 0.0;
    const auto n = static_cast<double>(kDraws);
    for (std::size_t i = 0; i < kDraws; ++i) {
      const double cdf = boost::math::gamma_p(shape, x[i] / 3.0);
      ks = std::max({ks, std::abs(cdf - static_cast<double>(i) / n),
                     std::abs(cdf - static_cast<double>(i + 1) / n)});
    }
    INFO("shape " << shape);
    CHECK(ks < 1.95 / std::sqrt(n));
  }
}

TEST_CASE("gamma samples have mean shape*scale and variance shape*scale^2", "[distribution]") {
  check_moments(Distribution::gamma(2.0, 3.0), 6.0, 18.0, 4);
  check_moments(Distribution::gamma(0.5, 4.0), 2.0, 8.0, 5);
}

TEST_CASE("uniform samples lie between min and max with mean and variance of the interval",
          "[distribution]") {
  const auto d = Distribution::uniform(2.0, 5.0);
  check_moments(d, 3.5, 0.75, 6);
  RandomStream rng({1, 2}, 3, 4);
  for (int i = 0; i < 10000; ++i) {
    const double x = d.sample(rng);
    REQUIRE(x >= 2.0);
    REQUIRE(x < 5.0);
  }
}

TEST_CASE("fixed always yields its value", "[distribution]") {
  const auto d = Distribution::fixed(4.25);
  RandomStream rng({1, 1}, 1, 1);
  for (int i = 0; i < 100; ++i) REQUIRE(d.sample(rng) == 4.25);
  CHECK(d.mean() == 4.25);
  CHECK(d.variance() == 0.0);
  CHECK(d.kind() == DistKind::Fixed);
}

TEST_CASE("empirical draws respect the weights, zero weights never drawn", "[distribution]") {
  const auto d = Distribution::empirical({1.0, 2.0, 3.0}, {1.0, 0.0, 3.0});
  // Hand-worked: P = {0.25, 0, 0.75}; mean 2.5; variance 0.25*2.25 + 0.75*0.25 = 0.75.
  CHECK(d.mean() == 2.5);
  CHECK(d.variance() == 0.75);
  RandomStream rng({8, 8}, 8, 8);
  std::size_t ones = 0, twos = 0, threes = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double x = d.sample(rng);
    ones += x == 1.0;
    twos += x == 2.0;
    threes += x == 3.0;
  }
  CHECK(twos == 0);
  CHECK(ones + threes == kDraws);
  const double share = static_cast<double>(ones) / static_cast<double>(kDraws);
  CHECK(std::abs(share - 0.25) < 4.0 * std::sqrt(0.25 * 0.75 / static_cast<double>(kDraws)));
  check_moments(d, 2.5, 0.75, 9);
}

TEST_CASE("empirical without weights gives each value equal probability", "[distribution]") {
  // Values 0..4 equally likely: mean 2, variance (0+1+4+9+16)/5 - 4 = 2.
  check_moments(Distribution::empirical({0.0, 1.0, 2.0, 3.0, 4.0}), 2.0, 2.0, 10);
}

TEST_CASE("describe names the family and its parameters", "[distribution]") {
  CHECK(Distribution::exponential(2.5).describe() == "exponential(mean=2.5)");
  CHECK(Distribution::gamma(2.0, 3.0).describe() == "gamma(shape=2, scale=3)");
  CHECK(Distribution::uniform(1.0, 4.0).describe() == "uniform(min=1, max=4)");
  CHECK(Distribution::fixed(7.0).describe() == "fixed(7)");
  CHECK(Distribution::lognormal(10.0, 5.0).describe() == "lognormal(mean=10, sd=5)");
}

TEST_CASE("invalid distribution parameters throw std::invalid_argument",
          "[distribution][bad-input]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(Distribution::exponential(0.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::exponential(-1.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::exponential(nan), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::exponential(inf), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::lognormal(0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::lognormal(1.0, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::lognormal(1.0, -2.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::gamma(0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::gamma(1.0, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::uniform(2.0, 2.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::uniform(3.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::uniform(0.0, inf), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::fixed(nan), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({}), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({1.0, 2.0}, {1.0}), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({1.0}, {-1.0}), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({1.0, 2.0}, {0.0, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({1.0, nan}), std::invalid_argument);
  CHECK_THROWS_AS(Distribution::empirical({1.0, 2.0}, {1.0, nan}), std::invalid_argument);
  // Each weight is finite but their sum is not.
  CHECK_THROWS_AS(Distribution::empirical({1.0, 2.0}, {1e308, 1e308}), std::invalid_argument);
}
