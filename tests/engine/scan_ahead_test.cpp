// Tests of engine::ScanAhead: which positions it shows, how far ahead, and that each is shown
// once. Must not depend on anything above the engine.
#include "engine/scan_ahead.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

using cmhsim::engine::ScanAhead;

TEST_CASE("the scan shows each wanted position once, up to K ahead of the loop", "[scan-ahead]") {
  constexpr std::size_t n = 100;
  const auto wanted = [](std::size_t j) { return j % 3 == 0; };
  ScanAhead<4> ahead;
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < n; ++i) {
    ahead.at(i, n, wanted, [&](std::size_t j) { shown.push_back(j); });
    // Shown so far: every wanted position up to the fourth after i.
    std::size_t ahead_of_i = 0;
    for (const std::size_t j : shown) {
      REQUIRE(wanted(j));
      if (j > i) ++ahead_of_i;
    }
    const std::size_t left = (n - 1) / 3 - i / 3;  // Wanted positions after i.
    REQUIRE(ahead_of_i == std::min<std::size_t>(4, left));
  }
  std::vector<std::size_t> all;
  for (std::size_t j = 1; j < n; ++j) {
    if (wanted(j)) all.push_back(j);
  }
  CHECK(shown == all);  // Each once, in order; position 0 is the loop's own first.
}

TEST_CASE("the scan shows nothing when nothing ahead is wanted", "[scan-ahead]") {
  ScanAhead<8> ahead;
  int shown = 0;
  for (std::size_t i = 0; i < 50; ++i) {
    ahead.at(
        i, 50, [](std::size_t) { return false; }, [&](std::size_t) { ++shown; });
  }
  CHECK(shown == 0);
}
