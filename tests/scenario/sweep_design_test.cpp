// Tests the sweep designs: the full factorial's point order and the Latin hypercube's one sample
// per stratum, reproducible for a seed. Knows the design functions only.
#include "scenario/sweep_design.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <vector>

using namespace cmhsim::scenario;

TEST_CASE("factorial points run through every combination with the last axis fastest", "[sweep]") {
  const std::vector<std::size_t> sizes{2, 3};
  REQUIRE(factorial_size(sizes, 100) == 6);
  const std::vector<std::vector<std::size_t>> expected{{0, 0}, {0, 1}, {0, 2},
                                                       {1, 0}, {1, 1}, {1, 2}};
  for (std::size_t i = 0; i < 6; ++i) CHECK(factorial_point(sizes, i) == expected[i]);
  CHECK(factorial_size({10, 10, 10}, 999) == 0);
  CHECK(factorial_size({10, 10, 10}, 1000) == 1000);
  CHECK(factorial_size({3, 0}, 100) == 0);
}

TEST_CASE("each hypercube axis puts one sample in each stratum", "[sweep]") {
  for (const std::uint64_t seed : {1u, 7u, 20261123u}) {
    for (const std::size_t n : {1u, 5u, 200u}) {
      const auto u = latin_hypercube(4, n, seed);
      REQUIRE(u.size() == 4);
      for (const auto& axis : u) {
        REQUIRE(axis.size() == n);
        std::set<std::size_t> strata;
        for (const double x : axis) {
          REQUIRE(x > 0.0);
          REQUIRE(x < 1.0);
          strata.insert(static_cast<std::size_t>(std::floor(x * static_cast<double>(n))));
        }
        CHECK(strata.size() == n);
        CHECK(*strata.rbegin() == n - 1);
      }
    }
  }
}

TEST_CASE("a hypercube is the same for a seed and different for another", "[sweep][determinism]") {
  const auto a = latin_hypercube(3, 20, 7);
  CHECK(latin_hypercube(3, 20, 7) == a);
  const auto b = latin_hypercube(3, 20, 8);
  CHECK(b != a);
  // Axes draw from their own streams: axis 0 does not depend on how many axes follow.
  CHECK(latin_hypercube(1, 20, 7)[0] == a[0]);
  // The axes are not copies of one another.
  CHECK(a[0] != a[1]);
}
