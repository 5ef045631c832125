// Tests the headline outcomes and their sentences: the report summary's list and wording
// (analysis/cmhsim_analysis/summary.py gives the same sentences for these values).
#include "io/headline.hpp"

#include <catch2/catch.hpp>
#include <limits>

namespace cmhsim::io::test {

TEST_CASE("the headline outcomes are the report summary's ten, in its order", "[headline]") {
  std::vector<std::string> names;
  for (const auto& h : headline_outcomes()) names.emplace_back(h.name);
  CHECK(names == std::vector<std::string>{"people_in_gap", "crises_per_1000_per_year",
                                          "admissions_per_1000_per_year", "bed_occupancy",
                                          "out_of_area_placements_per_year",
                                          "primary_care_only_share_12m", "mean_quality_of_life",
                                          "mortality_ratio_under_75", "cost_per_person_per_year",
                                          "cmht_mean_wait_days"});
  REQUIRE(find_headline("bed_occupancy") != nullptr);
  CHECK(find_headline("bed_occupancy")->scale == 100.0);
  CHECK(find_headline("services.cmht.mean_wait") == nullptr);
}

TEST_CASE("numbers are grouped in thousands with fixed decimals", "[headline]") {
  CHECK(grouped_number(1234567.891, 2) == "1,234,567.89");
  CHECK(grouped_number(999.5, 0) == "1,000");
  CHECK(grouped_number(0.5, 0) == "0");
  CHECK(grouped_number(-1234.5, 1) == "-1,234.5");
  CHECK(grouped_number(12.0, 3) == "12.000");
  CHECK(decimals_for(0.0123) == 4);
  CHECK(decimals_for(5.0, 0.7) == 2);
  CHECK(decimals_for(150.0) == 0);
  CHECK(decimals_for(std::numeric_limits<double>::quiet_NaN(), 0.002) == 4);
}

TEST_CASE("differences read as the report's sentences", "[headline]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(describe_difference("people_in_gap", -1237.4, -1254.2, -1220.9) ==
        "1,237 fewer people in the gap (95% CI 1,221 to 1,254)");
  CHECK(describe_difference("bed_occupancy", 0.0123, 0.004, 0.0206) ==
        "bed occupancy 1.23 percentage points higher (95% CI 0.40 to 2.06)");
  CHECK(describe_difference("cost_per_person_per_year", 12.5, -3.2, 28.1) ==
        "no clear difference: £12.5 more per person per year (95% CI 3.2 less to 28.1 more)");
  CHECK(describe_difference("mean_quality_of_life", 0.0, 0.0, 0.0) ==
        "no difference in any replication (mean quality of life)");
  CHECK(describe_difference("cmht_mean_wait_days", -2.345, nan, nan) ==
        "CMHT waits 2.35 days shorter (no interval: fewer than two replications)");
  CHECK(describe_difference("crises_per_1000_per_year", nan, nan, nan) ==
        "not defined for this comparison (crises_per_1000_per_year)");
  CHECK(describe_difference("care_partners_in_post", 3.21, 2.9, 3.5) ==
        "3.21 higher care_partners_in_post (95% CI 2.90 to 3.50)");
  CHECK(describe_difference("primary_care_only_share_12m", -0.05312, -0.0601, -0.0461) ==
        "5.31 percentage points fewer people seen only in primary care in the last year "
        "(95% CI 4.61 to 6.01)");
}

}  // namespace cmhsim::io::test
