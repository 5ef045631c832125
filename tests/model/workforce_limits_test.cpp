// [abuse] tests that the Care Partner workforce refuses post counts it cannot represent instead
// of converting an out-of-range double. Knows the model's config types only.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "model/workforce.hpp"
#include "pathway_test_config.hpp"

using namespace cmhsim::model;

TEST_CASE("a post count beyond the integer range is refused, not cast", "[model][abuse]") {
  PathwayConfig c = testing::ics_partners_config();
  for (const double fte : {1e7, 1e20, 1e300}) {
    c.care_partners.fte = fte;
    CHECK_THROWS_AS(pathway::Workforce(c.care_partners, c.supervision, cmhsim::engine::RngKey{}),
                    std::invalid_argument);
  }
  c.care_partners.fte = 40.0;
  CHECK(pathway::Workforce(c.care_partners, c.supervision, cmhsim::engine::RngKey{}).size() == 40);
}
