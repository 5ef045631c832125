// Tests of the running mean and variance: agreement with two passes, merging, edge cases.
// Must not depend on anything above the engine.
#include "engine/welford.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/random_stream.hpp"

using cmhsim::engine::Welford;

TEST_CASE("Welford gives the hand-worked mean, variance and range", "[welford]") {
  Welford w;
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) w.add(x);
  CHECK(w.count() == 8);
  CHECK(w.mean() == 5.0);
  CHECK(w.variance() == Approx(32.0 / 7.0).epsilon(1e-14));
  CHECK(w.sd() == Approx(std::sqrt(32.0 / 7.0)).epsilon(1e-14));
  CHECK(w.min() == 2.0);
  CHECK(w.max() == 9.0);
}

TEST_CASE("Welford matches a two-pass computation on offset data", "[welford]") {
  // A large offset is where the naive sum-of-squares formula loses every digit; the reference
  // is a two-pass computation in long double so that its own rounding is negligible.
  cmhsim::engine::RandomStream rng({1, 0}, 0, 0);
  std::vector<double> x(10000);
  for (auto& v : x) v = 1e9 + rng.uniform01();
  Welford w;
  for (double v : x) w.add(v);
  long double mean = 0.0L;
  for (double v : x) mean += v;
  mean /= static_cast<long double>(x.size());
  long double ss = 0.0L;
  for (double v : x) ss += (v - mean) * (v - mean);
  const long double variance = ss / static_cast<long double>(x.size() - 1);
  CHECK(w.mean() == Approx(static_cast<double>(mean)).epsilon(1e-14));
  CHECK(w.variance() == Approx(static_cast<double>(variance)).epsilon(1e-6));
  CHECK(w.variance() == Approx(1.0 / 12.0).epsilon(0.05));
}

TEST_CASE("merging accumulators equals adding everything to one", "[welford]") {
  cmhsim::engine::RandomStream rng({2, 0}, 0, 0);
  std::vector<double> x(1001);
  for (auto& v : x) v = 50.0 + 10.0 * rng.uniform01();
  Welford all;
  for (double v : x) all.add(v);

  // Uneven chunks, including an empty one, merged left to right.
  const std::vector<std::size_t> cuts = {0, 1, 1, 300, 777, 1001};
  Welford merged;
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    Welford part;
    for (std::size_t i = cuts[c]; i < cuts[c + 1]; ++i) part.add(x[i]);
    merged.merge(part);
  }
  CHECK(merged.count() == all.count());
  CHECK(merged.mean() == Approx(all.mean()).epsilon(1e-13));
  CHECK(merged.variance() == Approx(all.variance()).epsilon(1e-10));
  CHECK(merged.min() == all.min());
  CHECK(merged.max() == all.max());

  Welford empty;
  Welford copy = all;
  copy.merge(empty);
  CHECK(copy.count() == all.count());
  CHECK(copy.mean() == all.mean());
  empty.merge(all);
  CHECK(empty.variance() == all.variance());
}

TEST_CASE("Welford reports NaN where a statistic is undefined", "[welford]") {
  Welford w;
  CHECK(std::isnan(w.mean()));
  CHECK(std::isnan(w.variance()));
  CHECK(std::isinf(w.min()));
  CHECK(w.min() > 0.0);
  CHECK(w.max() < 0.0);
  w.add(3.0);
  CHECK(w.mean() == 3.0);
  CHECK(std::isnan(w.variance()));
}
