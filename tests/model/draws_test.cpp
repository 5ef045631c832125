// Tests of the pathway model's sampling helpers: the remembering Poisson sampler inverts one
// uniform, the Poisson quantile is Boost's; ziggurat normals are normal and ziggurat
// exponentials exponential.
#include "model/draws.hpp"

#include <algorithm>
#include <boost/math/distributions/poisson.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

namespace cmhsim::model::pathway {

TEST_CASE("the Poisson sampler inverts one uniform below a mean of 10 and uses Boost's above",
          "[draws]") {
  // Repeated means use the remembered exp(-mean); the large ones go to Boost's rejection method.
  const std::vector<double> means = {0.33, 0.33, 0.0,  1e-9, 0.33, 2.5,  9.999, 9.999,
                                     10.0, 10.0, 37.5, 0.33, 4.0,  -1.0, 0.33,  7.25};
  PoissonSampler sampler;
  std::uint64_t total = 0;
  int near_edge = 0;
  for (std::uint64_t entity = 0; entity < 2000; ++entity) {
    engine::RandomStream expected(engine::RngKey{11, 2}, entity, 10, entity % 7);
    engine::RandomStream actual(engine::RngKey{11, 2}, entity, 10, entity % 7);
    for (const double mean : means) {
      std::uint32_t want = 0;
      if (!(mean > 0.0)) {
        want = 0;
      } else if (mean < 10.0) {
        // The smallest count whose CDF reaches the uniform; the walk's running sums may round
        // differently within a few ulps of a CDF value.
        const double u = expected.uniform01();
        want = poisson_quantile(u, mean);
        const boost::math::poisson_distribution<double> d(mean);
        if (std::abs(boost::math::cdf(d, want) - u) < 1e-12 ||
            (want > 0 && std::abs(boost::math::cdf(d, want - 1) - u) < 1e-12)) {
          ++near_edge;
          (void)sampler(actual, mean);
          continue;
        }
      } else {
        want = poisson(expected, mean);
      }
      REQUIRE(sampler(actual, mean) == want);
      REQUIRE(actual.position() == expected.position());
      total += want;
    }
  }
  CHECK(near_edge < 5);
  // The counts are real draws: about the sum of the means (92.9) per entity.
  CHECK(total > 2000 * 90);
  CHECK(total < 2000 * 96);
}

TEST_CASE("the Poisson quantile is Boost's, at random shares and at the CDF's own values",
          "[draws]") {
  using Policy = boost::math::policies::policy<
      boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>;
  engine::RandomStream rng(engine::RngKey{7, 0}, 0, 0);
  int compared = 0;
  for (int i = 0; i < 3000; ++i) {
    // Means from tiny to a large register's month of GP consultations.
    const double mean =
        i % 5 == 0 ? 3.0 * rng.uniform01() : std::exp(rng.uniform01() * std::log(400000.0));
    const boost::math::poisson_distribution<double, Policy> d(mean);
    const double at = boost::math::cdf(d, std::floor(boost::math::quantile(d, rng.uniform01())));
    for (const double u : {rng.uniform01(), at, std::nextafter(at, 0.0), std::nextafter(at, 1.0),
                           1e-9 * rng.uniform01(), 1.0 - 1e-9 * rng.uniform01()}) {
      if (!(u > 0.0 && u < 1.0)) continue;
      INFO("mean " << mean << " share " << u);
      REQUIRE(poisson_quantile(u, mean) == static_cast<std::uint32_t>(boost::math::quantile(d, u)));
      ++compared;
    }
  }
  CHECK(compared > 15000);
  CHECK(poisson_quantile(0.5, 0.0) == 0);
  CHECK(poisson_quantile(0.5, -1.0) == 0);
}

TEST_CASE("shared block words give each entity its word of its group's block", "[draws]") {
  const engine::RngKey key{3, 1};
  SharedBlockWords words(key, 7, 5);
  // In id order with gaps, back again, then far ahead: the words never depend on the order.
  for (const std::uint64_t entity : {0ull, 1ull, 5ull, 6ull, 17ull, 18ull, 40ull, 2ull, 1000ull}) {
    CAPTURE(entity);
    engine::RandomStream group(key, entity / 4, 7, 4 * 5);
    std::uint64_t want = 0;
    for (std::uint64_t w = 0; w <= entity % 4; ++w) want = group();
    CHECK(words(entity) == want);
  }
}

TEST_CASE("the Poisson sampler draws nothing for a mean that is not positive", "[draws]") {
  PoissonSampler sampler;
  engine::RandomStream rng(engine::RngKey{1, 0}, 3, 10);
  CHECK(sampler(rng, 0.0) == 0);
  CHECK(sampler(rng, -2.0) == 0);
  CHECK(rng.position() == 0);
}

namespace {

/// Returns the Kolmogorov-Smirnov distance between the sample `x` and the CDF `cdf`.
template <class Cdf>
double ks_distance(std::vector<double> x, Cdf cdf) {
  std::sort(x.begin(), x.end());
  const auto size = static_cast<double>(x.size());
  double d = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double c = cdf(x[i]);
    d = std::max({d, std::abs(c - static_cast<double>(i) / size),
                  std::abs(c - static_cast<double>(i + 1) / size)});
  }
  return d;
}

/// Returns true when `count` of `n` lies within a 99.9% binomial band around n p.
bool within_band(std::size_t count, std::size_t n, double p) {
  const double sd = std::sqrt(static_cast<double>(n) * p * (1.0 - p));
  return std::abs(static_cast<double>(count) - static_cast<double>(n) * p) < 3.3 * sd;
}

/// Checks `z` against the standard normal: Kolmogorov-Smirnov against its CDF, plus the share
/// beyond the ziggurat's tail start R (drawn by the tail method) and in a wedge-heavy band, each
/// within a 99.9% binomial band.
void check_standard_normal(const std::vector<double>& z) {
  const std::size_t n = z.size();
  std::size_t tail = 0;
  std::size_t band = 0;
  for (const double x : z) {
    if (std::abs(x) > NormalZiggurat::kR) ++tail;
    if (std::abs(x) > 1.0 && std::abs(x) < 2.0) ++band;
  }
  // The 99.9% critical value of the KS statistic is 1.95 / sqrt(n).
  CHECK(ks_distance(z, [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }) <
        1.95 / std::sqrt(static_cast<double>(n)));
  CHECK(within_band(tail, n, std::erfc(NormalZiggurat::kR / std::sqrt(2.0))));
  CHECK(within_band(band, n, std::erfc(1.0 / std::sqrt(2.0)) - std::erfc(2.0 / std::sqrt(2.0))));
  CHECK(tail > 100);  // The tail method did run.
}

}  // namespace

TEST_CASE("ziggurat normals from 64-bit words have the standard normal's distribution", "[draws]") {
  const std::size_t n = 400000;
  std::vector<double> z;
  z.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    engine::RandomStream first(engine::RngKey{5, 1}, i, 7, 0);
    engine::RandomStream more(engine::RngKey{5, 1}, i, 7, 4);
    const std::uint64_t w = first();
    z.push_back(ziggurat_normal(static_cast<unsigned>(w & 127u), ziggurat_abscissa(w), more));
  }
  check_standard_normal(z);
}

TEST_CASE("ziggurat normals from the two halves of a word are standard and uncorrelated",
          "[draws]") {
  const std::size_t words = 200000;
  std::vector<double> z;
  z.reserve(2 * words);
  double sum_xy = 0.0;
  for (std::uint64_t i = 0; i < words; ++i) {
    engine::RandomStream first(engine::RngKey{5, 2}, i, 7, 0);
    const std::uint64_t w = first();
    double pair[2] = {0.0, 0.0};
    for (unsigned half = 0; half < 2; ++half) {
      const auto bits = static_cast<std::uint32_t>(w >> (32u * half));
      const auto layer = static_cast<unsigned>(bits & 127u);
      const double u = ziggurat_abscissa32(bits);
      CHECK(std::abs(u) < 1.0);
      engine::RandomStream more(engine::RngKey{5, 2}, 2 * i + half, 8, 0);
      pair[half] = ziggurat_normal(layer, u, more);
      // The first try agrees with the full method whenever it gives a value.
      const double first_try = ziggurat_first_try(layer, u);
      if (!std::isnan(first_try)) CHECK(first_try == pair[half]);
      z.push_back(pair[half]);
    }
    sum_xy += pair[0] * pair[1];
  }
  check_standard_normal(z);
  // For independent standard normals the mean product has sd 1 / sqrt(words).
  CHECK(std::abs(sum_xy / static_cast<double>(words)) <
        3.3 / std::sqrt(static_cast<double>(words)));
}

TEST_CASE("ziggurat normals drawn from a stream have the standard normal's distribution",
          "[draws]") {
  engine::RandomStream rng(engine::RngKey{5, 3}, 1, 7);
  std::vector<double> z(400000);
  for (double& x : z) x = standard_normal(rng);
  // One word a try (about 1.012 tries each), and more draws for the 2.8% of tries outside the
  // layer's rectangle: about 1.041 words each.
  CHECK(rng.position() > z.size() + z.size() * 3 / 100);
  CHECK(rng.position() < z.size() + z.size() * 5 / 100);
  check_standard_normal(z);
}

TEST_CASE("ziggurat exponentials have the exponential distribution, tail included", "[draws]") {
  const ExponentialZiggurat& t = kExponentialZiggurat;
  // The top layer and the base with its tail have the layers' area (to the precision of R and V:
  // the recursion carries their last digits' error up to the top).
  CHECK(t.x[255] * (1.0 - t.f[255]) == Approx(ExponentialZiggurat::kV).epsilon(1e-10));
  CHECK(t.x[1] * t.f[1] + std::exp(-ExponentialZiggurat::kR) ==
        Approx(ExponentialZiggurat::kV).epsilon(1e-12));
  engine::RandomStream rng(engine::RngKey{8, 1}, 2, 3);
  const std::size_t n = 400000;
  std::vector<double> x(n);
  for (double& v : x) v = exponential(rng, 2.5);
  // One word a try (about 1.011 tries each) and one more for the 2.2% of tries in a wedge: about
  // 1.033 words each.
  CHECK(rng.position() > n + n * 3 / 100);
  CHECK(rng.position() < n + n * 37 / 1000);
  std::size_t tail = 0;
  std::size_t band = 0;
  for (const double v : x) {
    if (2.5 * v > ExponentialZiggurat::kR) ++tail;
    if (2.5 * v > 1.0 && 2.5 * v < 2.0) ++band;
  }
  // The 99.9% critical value of the KS statistic is 1.95 / sqrt(n).
  CHECK(ks_distance(x, [](double v) { return -std::expm1(-2.5 * v); }) <
        1.95 / std::sqrt(static_cast<double>(n)));
  CHECK(within_band(tail, n, std::exp(-ExponentialZiggurat::kR)));
  CHECK(within_band(band, n, std::exp(-1.0) - std::exp(-2.0)));
  CHECK(tail > 100);  // The tail (a new exponential beyond R) did run.
  // A rate that is not positive gives +inf after one draw.
  const std::uint64_t before = rng.position();
  CHECK(std::isinf(exponential(rng, 0.0)));
  CHECK(rng.position() == before + 1);
}

TEST_CASE("the 32-bit abscissa spans (-1, 1) symmetrically in steps of 2^-24", "[draws]") {
  CHECK(ziggurat_abscissa32(0u) == -1.0 + 0x1.0p-25);
  CHECK(ziggurat_abscissa32(0xffffffffu) == 1.0 - 0x1.0p-25);
  CHECK(ziggurat_abscissa32(0x80u) - ziggurat_abscissa32(0u) == 0x1.0p-24);
  // The layer bits do not move the abscissa.
  CHECK(ziggurat_abscissa32(0x7fu) == ziggurat_abscissa32(0u));
  CHECK(ziggurat_abscissa32(0x12345680u) == -ziggurat_abscissa32(0xedcba97fu));
}

}  // namespace cmhsim::model::pathway
