// Tests of the pathway model's sampling helpers: the remembering Poisson sampler gives the same
// counts from the same draws as Boost's Poisson distribution.
#include "model/draws.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

namespace cmhsim::model::pathway {

TEST_CASE("the Poisson sampler matches Boost's counts and draws for repeated and new means",
          "[draws]") {
  // Repeated means use the remembered exp(-mean); the large ones go to Boost's rejection method.
  const std::vector<double> means = {0.33, 0.33, 0.0,  1e-9, 0.33, 2.5,  9.999, 9.999,
                                     10.0, 10.0, 37.5, 0.33, 4.0,  -1.0, 0.33,  7.25};
  PoissonSampler sampler;
  std::uint64_t total = 0;
  for (std::uint64_t entity = 0; entity < 200; ++entity) {
    engine::RandomStream expected(engine::RngKey{11, 2}, entity, 10, entity % 7);
    engine::RandomStream actual(engine::RngKey{11, 2}, entity, 10, entity % 7);
    for (const double mean : means) {
      const std::uint32_t want = poisson(expected, mean);
      REQUIRE(sampler(actual, mean) == want);
      REQUIRE(actual.position() == expected.position());
      total += want;
    }
  }
  // The counts are real draws: about the sum of the means (92.9) per entity.
  CHECK(total > 200 * 88);
  CHECK(total < 200 * 98);
}

TEST_CASE("the Poisson sampler draws nothing for a mean that is not positive", "[draws]") {
  PoissonSampler sampler;
  engine::RandomStream rng(engine::RngKey{1, 0}, 3, 10);
  CHECK(sampler(rng, 0.0) == 0);
  CHECK(sampler(rng, -2.0) == 0);
  CHECK(rng.position() == 0);
}

}  // namespace cmhsim::model::pathway
