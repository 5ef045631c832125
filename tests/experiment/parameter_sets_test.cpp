// Tests of parameter sets: the checks that reject malformed sets and the weighted choice of the
// set each replication uses (deterministic, keyed by seed and replication, in proportion).
#include "experiment/parameter_sets.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace {

using cmhsim::experiment::check_parameter_sets;
using cmhsim::experiment::ParameterSets;
using cmhsim::experiment::ParameterSetsError;
using cmhsim::experiment::set_for_replication;

ParameterSets three_sets() {
  return ParameterSets{{"a.x", "b.y"}, {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}}, {0.2, 0.5, 0.3}, "t"};
}

}  // namespace

TEST_CASE("check_parameter_sets accepts well-formed sets") {
  REQUIRE_NOTHROW(check_parameter_sets(three_sets()));
}

TEST_CASE("check_parameter_sets rejects malformed sets") {
  ParameterSets s = three_sets();
  SECTION("no keys") {
    s.keys.clear();
    for (auto& row : s.values) row.clear();
  }
  SECTION("an empty key") { s.keys[1] = ""; }
  SECTION("a repeated key") { s.keys[1] = "a.x"; }
  SECTION("no sets") {
    s.values.clear();
    s.weights.clear();
  }
  SECTION("a short row") { s.values[1].pop_back(); }
  SECTION("a non-finite value") { s.values[2][0] = std::numeric_limits<double>::quiet_NaN(); }
  SECTION("an infinite value") { s.values[0][1] = std::numeric_limits<double>::infinity(); }
  SECTION("a negative weight") { s.weights = {-0.1, 0.6, 0.5}; }
  SECTION("a non-finite weight") { s.weights[0] = std::numeric_limits<double>::quiet_NaN(); }
  SECTION("weights not summing to 1") { s.weights = {0.2, 0.5, 0.31}; }
  SECTION("fewer weights than sets") { s.weights.pop_back(); }
  REQUIRE_THROWS_AS(check_parameter_sets(s), ParameterSetsError);
}

TEST_CASE("check_parameter_sets allows a weight sum within 1e-9 of 1") {
  ParameterSets s = three_sets();
  s.weights = {0.2, 0.5, 0.3 + 5e-10};
  REQUIRE_NOTHROW(check_parameter_sets(s));
}

TEST_CASE("set_for_replication depends only on seed, replication and weights") {
  const ParameterSets s = three_sets();
  std::vector<std::size_t> first;
  for (std::uint64_t r = 0; r < 50; ++r) first.push_back(set_for_replication(s, 7, r));
  // Asked in another order, the answers are the same.
  for (std::uint64_t r = 50; r-- > 0;) REQUIRE(set_for_replication(s, 7, r) == first[r]);
  // Another seed gives another sequence.
  std::size_t differ = 0;
  for (std::uint64_t r = 0; r < 50; ++r) differ += set_for_replication(s, 8, r) != first[r];
  REQUIRE(differ > 10);
  // Values do not matter, only weights.
  ParameterSets other = s;
  other.values = {{9.0, 9.0}, {8.0, 8.0}, {7.0, 7.0}};
  for (std::uint64_t r = 0; r < 50; ++r) REQUIRE(set_for_replication(other, 7, r) == first[r]);
}

TEST_CASE("set_for_replication never picks a set of weight zero") {
  ParameterSets s = three_sets();
  s.weights = {0.0, 1.0, 0.0};
  for (std::uint64_t r = 0; r < 500; ++r) REQUIRE(set_for_replication(s, 3, r) == 1);
}

TEST_CASE("set_for_replication picks sets in proportion to their weights") {
  const ParameterSets s = three_sets();
  const std::uint64_t n = 20000;
  std::vector<double> counts(3, 0.0);
  for (std::uint64_t r = 0; r < n; ++r) counts[set_for_replication(s, 12345, r)] += 1.0;
  // Pearson's chi-square with 2 degrees of freedom; 13.82 is its 99.9% point.
  double chi2 = 0.0;
  for (std::size_t i = 0; i < 3; ++i) {
    const double expected = s.weights[i] * static_cast<double>(n);
    chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
  }
  REQUIRE(chi2 < 13.82);
  // And a skewed weighting is followed too: set 0 about 1% of the time.
  ParameterSets skewed = s;
  skewed.weights = {0.01, 0.09, 0.9};
  double rare = 0.0;
  for (std::uint64_t r = 0; r < n; ++r) rare += set_for_replication(skewed, 99, r) == 0;
  const double sd = std::sqrt(0.01 * 0.99 * static_cast<double>(n));
  REQUIRE(std::abs(rare - 0.01 * static_cast<double>(n)) < 4.0 * sd);
}

TEST_CASE("thin_parameter_sets keeps each set's count within one of weight times count",
          "[parameter-sets]") {
  const ParameterSets sets = three_sets();  // weights 0.2, 0.5, 0.3
  for (const std::uint64_t seed : {1u, 2u, 3u, 99u}) {
    const ParameterSets thin = cmhsim::experiment::thin_parameter_sets(sets, 10, seed);
    REQUIRE_NOTHROW(check_parameter_sets(thin));
    REQUIRE(thin.values.size() == 10);
    REQUIRE(thin.keys == sets.keys);
    std::vector<int> counts(3, 0);
    for (const auto& row : thin.values) {
      for (std::size_t i = 0; i < 3; ++i) counts[i] += row == sets.values[i] ? 1 : 0;
    }
    // 10 x (0.2, 0.5, 0.3) are whole numbers, so systematic resampling hits them exactly.
    CHECK(counts == std::vector<int>{2, 5, 3});
    for (const double w : thin.weights) CHECK(w == 0.1);
  }
  const ParameterSets a = cmhsim::experiment::thin_parameter_sets(sets, 4, 7);
  const ParameterSets b = cmhsim::experiment::thin_parameter_sets(sets, 4, 7);
  CHECK(a.values == b.values);
  CHECK_THROWS_AS(cmhsim::experiment::thin_parameter_sets(sets, 0, 7), ParameterSetsError);
}
