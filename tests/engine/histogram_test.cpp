// Tests of the fixed-bin histogram: binning edges, interpolated quantiles, merging, bad input.
// Must not depend on anything above the engine.
#include "engine/histogram.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "engine/random_stream.hpp"

using cmhsim::engine::Histogram;

TEST_CASE("histogram bins observations, edges going to the upper bin", "[histogram]") {
  Histogram h(4, 0.0, 2.0);
  CHECK(h.bins() == 4);
  CHECK(h.lower() == 0.0);
  CHECK(h.upper() == 2.0);
  CHECK(h.edge(1) == 0.5);
  for (double x : {-0.1, 0.0, 0.49, 0.5, 1.2, 1.99, 2.0, 7.0}) h.add(x);
  CHECK(h.count() == 8);
  CHECK(h.underflow() == 1);
  CHECK(h.bin_count(0) == 2);
  CHECK(h.bin_count(1) == 1);
  CHECK(h.bin_count(2) == 1);
  CHECK(h.bin_count(3) == 1);
  CHECK(h.overflow() == 2);
  CHECK(h.min() == -0.1);
  CHECK(h.max() == 7.0);
  CHECK_THROWS_AS(h.bin_count(4), std::out_of_range);
}

TEST_CASE("histogram quantiles interpolate within bins (hand-worked)", "[histogram]") {
  Histogram h(10, 0.0, 10.0);
  for (int i = 0; i < 10; ++i) h.add(i + 0.5);  // one observation in the middle of each bin
  CHECK(h.quantile(0.5) == 5.0);                // rank 5 reached at the top of bin 4
  CHECK(h.quantile(0.25) == 2.5);               // rank 2.5: halfway through bin 2
  CHECK(h.quantile(0.15) == 1.5);
  CHECK(h.quantile(0.05) == 0.5);  // 0.5 into bin 0, also the minimum
  CHECK(h.quantile(0.0) == 0.5);   // the minimum
  CHECK(h.quantile(1.0) == 9.5);   // the maximum
  CHECK(h.quantile(0.99) == 9.5);  // 9.9 interpolated, clamped to the maximum
}

TEST_CASE("histogram quantiles use the observed extremes in the outer bins", "[histogram]") {
  Histogram over(4, 0.0, 4.0);
  for (double x : {0.5, 1.5, 6.0, 10.0}) over.add(x);
  // Rank 3.5 lies in the overflow bin [4, 10] holding 2 of 4: 4 + (1.5 / 2) * 6.
  CHECK(over.quantile(0.875) == 8.5);

  Histogram under(4, 0.0, 4.0);
  for (double x : {-6.0, -2.0, 0.5, 1.5}) under.add(x);
  // Rank 1 lies in the underflow bin [-6, 0) holding 2: -6 + (1 / 2) * 6.
  CHECK(under.quantile(0.25) == -3.0);
}

TEST_CASE("histogram quantiles of a uniform stream are close to the truth", "[histogram]") {
  cmhsim::engine::RandomStream rng({6, 0}, 0, 0);
  Histogram h(100, 0.0, 1.0);
  for (int i = 0; i < 100000; ++i) h.add(rng.uniform01());
  for (double p : {0.05, 0.5, 0.9, 0.99}) CHECK(h.quantile(p) == Approx(p).margin(0.005));
}

TEST_CASE("merging histograms equals filling one", "[histogram]") {
  Histogram a(5, 0.0, 5.0), b(5, 0.0, 5.0), all(5, 0.0, 5.0);
  for (double x : {0.1, 1.1, 1.2, 9.0}) {
    a.add(x);
    all.add(x);
  }
  for (double x : {-3.0, 2.5, 4.9}) {
    b.add(x);
    all.add(x);
  }
  a.merge(b);
  CHECK(a.count() == all.count());
  CHECK(a.underflow() == all.underflow());
  CHECK(a.overflow() == all.overflow());
  for (std::size_t i = 0; i < a.bins(); ++i) CHECK(a.bin_count(i) == all.bin_count(i));
  CHECK(a.min() == -3.0);
  CHECK(a.max() == 9.0);
  for (double p : {0.1, 0.3, 0.5, 0.7, 0.9}) CHECK(a.quantile(p) == all.quantile(p));

  Histogram empty(5, 0.0, 5.0);
  a.merge(empty);
  CHECK(a.count() == all.count());
  CHECK(a.min() == -3.0);
}

TEST_CASE("histogram rejects bad bins, observations and probabilities", "[histogram][bad-input]") {
  CHECK_THROWS_AS(Histogram(0, 0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Histogram(10, 1.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Histogram(10, 2.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(Histogram(10, 0.0, std::nan("")), std::invalid_argument);
  Histogram h(10, 0.0, 1.0);
  CHECK_THROWS_AS(h.add(std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(h.add(-HUGE_VAL), std::invalid_argument);
  CHECK(h.count() == 0);
  CHECK(std::isnan(h.quantile(0.5)));
  CHECK_THROWS_AS(h.quantile(-0.1), std::invalid_argument);
  CHECK_THROWS_AS(h.quantile(1.5), std::invalid_argument);
  Histogram other(10, 0.0, 2.0), fewer(5, 0.0, 1.0);
  CHECK_THROWS_AS(h.merge(other), std::invalid_argument);
  CHECK_THROWS_AS(h.merge(fewer), std::invalid_argument);
}
