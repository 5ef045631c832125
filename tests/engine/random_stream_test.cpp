// Tests of counter-based random streams: determinism, independence of streams, uniformity.
// Must not depend on anything above the engine.
#include "engine/random_stream.hpp"

#include <Random123/philox.h>

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using cmhsim::engine::RandomStream;
using cmhsim::engine::RngKey;

namespace {

std::vector<std::uint64_t> draws(RandomStream s, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& x : out) x = s();
  return out;
}

}  // namespace

static_assert(std::uniform_random_bit_generator<RandomStream>);

TEST_CASE("same key, entity and purpose give the identical sequence", "[random][determinism]") {
  const RngKey key{2024, 3};
  CHECK(draws(RandomStream(key, 17, 2), 1000) == draws(RandomStream(key, 17, 2), 1000));
}

TEST_CASE("draw i is word i % 4 of Philox4x64 at counter (entity, purpose, i / 4, 0)",
          "[random][determinism]") {
  // This layout is what makes results reproducible across versions; it must not drift.
  const RngKey key{11, 5};
  RandomStream s(key, 7, 3);
  r123::Philox4x64 philox;
  const r123::Philox4x64::key_type k = {{11, 5}};
  for (std::uint64_t block = 0; block < 3; ++block) {
    const r123::Philox4x64::ctr_type ctr = {{7, 3, block, 0}};
    const auto words = philox(ctr, k);
    for (int w = 0; w < 4; ++w) CHECK(s() == words.v[w]);
  }
  CHECK(s.position() == 12);
}

TEST_CASE("a block's words are the stream's four draws from four times the block", "[random]") {
  const RngKey key{11, 5};
  for (const std::uint64_t block : {0ull, 1ull, 37ull}) {
    std::uint64_t words[4] = {};
    RandomStream::block_words(key, 9, 7, block, words);
    RandomStream s(key, 9, 7, 4 * block);
    for (const std::uint64_t w : words) CHECK(w == s());
  }
}

TEST_CASE("a stream opened at a position continues the sequence from there",
          "[random][determinism]") {
  const RngKey key{1, 1};
  const auto all = draws(RandomStream(key, 4, 4), 20);
  for (std::uint64_t start : {1u, 3u, 4u, 7u, 13u}) {
    RandomStream s(key, 4, 4, start);
    for (std::uint64_t i = start; i < 20; ++i) REQUIRE(s() == all[i]);
  }
}

TEST_CASE("draws of a stream do not change when other streams are created and drawn from",
          "[random][determinism]") {
  const RngKey key{99, 0};
  const auto alone = draws(RandomStream(key, 5, 1), 500);

  // Same stream, drawn one value at a time with other entities and purposes interleaved.
  RandomStream target(key, 5, 1);
  std::vector<RandomStream> others;
  std::vector<std::uint64_t> interleaved;
  for (std::size_t i = 0; i < alone.size(); ++i) {
    others.emplace_back(key, 100 + i, i % 3);  // a new entity each step
    others.emplace_back(key, 5, 2 + i);        // a new purpose of the same entity each step
    for (auto& o : others) o();
    interleaved.push_back(target());
  }
  CHECK(interleaved == alone);
}

TEST_CASE("different replication, seed, entity or purpose give different sequences",
          "[random][determinism]") {
  const auto base = draws(RandomStream(RngKey{7, 0}, 1, 1), 64);
  const auto other_replication = draws(RandomStream(RngKey{7, 1}, 1, 1), 64);
  const auto other_seed = draws(RandomStream(RngKey{8, 0}, 1, 1), 64);
  const auto other_entity = draws(RandomStream(RngKey{7, 0}, 2, 1), 64);
  const auto other_purpose = draws(RandomStream(RngKey{7, 0}, 1, 2), 64);
  for (const auto* v : {&other_replication, &other_seed, &other_entity, &other_purpose}) {
    std::size_t equal = 0;
    for (std::size_t i = 0; i < base.size(); ++i) equal += base[i] == (*v)[i];
    CHECK(equal == 0);
  }
}

TEST_CASE("uniform01 stays strictly inside (0, 1)", "[random]") {
  RandomStream s({3, 3}, 0, 0);
  double lo = 1.0, hi = 0.0;
  for (int i = 0; i < 100000; ++i) {
    const double u = s.uniform01();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  CHECK(lo < 1e-3);
  CHECK(hi > 1.0 - 1e-3);
  // The extreme bit patterns map inside the interval too.
  CHECK(RandomStream::to_open01(0) > 0.0);
  CHECK(RandomStream::to_open01(std::numeric_limits<std::uint64_t>::max()) < 1.0);
  CHECK(RandomStream::to_open01(std::uint64_t{1} << 63) == 0.5 + 0x1.0p-53);
}

TEST_CASE("uniform01 passes a chi-square test of uniformity over 100 bins", "[random]") {
  constexpr int kBins = 100;
  constexpr int kDraws = 100000;
  RandomStream s({12345, 0}, 1, 1);
  std::vector<double> counts(kBins, 0.0);
  for (int i = 0; i < kDraws; ++i) counts[static_cast<std::size_t>(s.uniform01() * kBins)] += 1.0;
  const double expected = static_cast<double>(kDraws) / kBins;
  double chi2 = 0.0;
  for (double c : counts) chi2 += (c - expected) * (c - expected) / expected;
  // Rejects at the 0.1% level (critical value 148.23 for 99 degrees of freedom).
  const double critical = boost::math::quantile(boost::math::chi_squared(kBins - 1), 0.999);
  REQUIRE(critical == Approx(148.23).margin(0.01));
  CHECK(chi2 < critical);
  // Far too even a spread would also be suspicious.
  CHECK(chi2 > boost::math::quantile(boost::math::chi_squared(kBins - 1), 0.001));
}

TEST_CASE("uniform01 passes a Kolmogorov-Smirnov test", "[random]") {
  constexpr std::size_t kDraws = 100000;
  RandomStream s({777, 2}, 9, 4);
  std::vector<double> u(kDraws);
  for (auto& x : u) x = s.uniform01();
  std::sort(u.begin(), u.end());
  double d = 0.0;
  const auto n = static_cast<double>(kDraws);
  for (std::size_t i = 0; i < kDraws; ++i) {
    const auto rank = static_cast<double>(i);
    d = std::max({d, (rank + 1.0) / n - u[i], u[i] - rank / n});
  }
  // 1.949 / sqrt(n) is the asymptotic critical value at the 0.1% level.
  CHECK(d < 1.949 / std::sqrt(n));
}
