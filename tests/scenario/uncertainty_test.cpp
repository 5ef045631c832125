// Tests of the scenario `uncertainty` section: reading its three forms, its located errors, and
// the seeded draw of parameter sets (deterministic, inside the ranges, with the right spread).
#include "scenario/uncertainty.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "error_check.hpp"
#include "scenario/scenario.hpp"

namespace {

using cmhsim::scenario::parse_scenario;
using cmhsim::scenario::PriorKind;
using cmhsim::scenario::testing::check_error;

const std::string kBase = "population:\n  register_size: 100\n";

}  // namespace

TEST_CASE("a scenario without an uncertainty section has no uncertain parameters") {
  const auto s = parse_scenario(kBase, "ics.yaml");
  CHECK_FALSE(s.uncertainty.active());
  for (const auto& kv : s.resolved) CHECK(kv.first.rfind("uncertainty", 0) != 0);
}

TEST_CASE("the uncertainty section reads uniform, truncated normal and plausible ranges") {
  const auto s = parse_scenario(kBase +
                                    "uncertainty:\n"
                                    "  sets: 4\n"
                                    "  parameters:\n"
                                    "    care_partners.caseload_per_fte: {uniform: [20, 40]}\n"
                                    "    care_partners.goal_set_probability: {normal: [0.3, 0.1], "
                                    "truncated: [0.1, 0.6]}\n"
                                    "    care_partners.disengage_probability: plausible_range\n"
                                    "    care_partners.turnover_per_year: {normal: [0.13, 0.05]}\n"
                                    "    population.practices: {uniform: [2, 4]}\n",
                                "ics.yaml");
  const auto& u = s.uncertainty;
  REQUIRE(u.parameters.size() == 5);
  CHECK(u.sets == 4);
  CHECK(u.parameters[0].key_path == "care_partners.caseload_per_fte");
  CHECK(u.parameters[0].kind == PriorKind::Uniform);
  CHECK(u.parameters[0].lo == 20.0);
  CHECK(u.parameters[0].hi == 40.0);
  CHECK(u.parameters[0].line == 6);
  CHECK(u.parameters[0].column == 5);
  CHECK(u.parameters[1].kind == PriorKind::Normal);
  CHECK(u.parameters[1].mean == 0.3);
  CHECK(u.parameters[1].sd == 0.1);
  CHECK(u.parameters[1].lo == 0.1);
  CHECK(u.parameters[1].hi == 0.6);
  // The parameter table's plausible range of the disengagement probability is 0.04-0.15.
  CHECK(u.parameters[2].lo == 0.04);
  CHECK(u.parameters[2].hi == 0.15);
  // Without `truncated`, a normal stays within the key's bounds (a rate in [0, 365.25]).
  CHECK(u.parameters[3].lo == 0.0);
  CHECK(u.parameters[3].hi == 365.25);
  CHECK(u.parameters[4].integer);
}

TEST_CASE("bad uncertainty sections fail at the offending entry", "[bad-input]") {
  const std::string head = kBase + "uncertainty:\n  parameters:\n";
  check_error(head + "    care_partners.caseload_per_ftee: {uniform: [20, 40]}\n", 5, 5,
              "uncertainty.parameters.care_partners.caseload_per_ftee", "did you mean");
  check_error(head + "    care_partners.caseload_per_fte: {uniform: [40, 20]}\n", 5, 47,
              "uncertainty.parameters.care_partners.caseload_per_fte.uniform",
              "expected lo <= hi, got [40, 20]");
  check_error(head + "    care_partners.goal_set_probability: {uniform: [0.5, 2]}\n", 5, 51,
              "uncertainty.parameters.care_partners.goal_set_probability.uniform",
              "leaves the bounds");
  check_error(head + "    policies.cmht_discharge_destination: plausible_range\n", 5, 5,
              "uncertainty.parameters.policies.cmht_discharge_destination",
              "only numeric keys can be uncertain");
  check_error(head + "    care_partners.caseload_per_fte: {normal: [30, 0]}\n", 5, 46,
              "uncertainty.parameters.care_partners.caseload_per_fte.normal", "expected sd > 0");
  check_error(head + "    care_partners.caseload_per_fte: {beta: [1, 2]}\n", 5, 38,
              "uncertainty.parameters.care_partners.caseload_per_fte.beta", "unknown key");
  check_error(head + "    care_partners.caseload_per_fte: twenty\n", 5, 37,
              "uncertainty.parameters.care_partners.caseload_per_fte", "plausible_range");
  check_error(kBase + "uncertainty:\n  sets: 2\n", 4, 3, "uncertainty.parameters", "missing");
}

TEST_CASE("parameter sets are drawn deterministically within their ranges") {
  const auto s = parse_scenario(kBase +
                                    "uncertainty:\n  parameters:\n"
                                    "    care_partners.caseload_per_fte: {uniform: [20, 40]}\n"
                                    "    care_partners.goal_set_probability: {normal: [0.3, 0.1], "
                                    "truncated: [0.2, 0.35]}\n"
                                    "    population.practices: {uniform: [2, 4]}\n",
                                "ics.yaml");
  const std::size_t n = 4000;
  double sum = 0.0;
  double sum_sq = 0.0;
  std::size_t integer_ends = 0;
  for (std::uint64_t set = 0; set < n; ++set) {
    const auto v = cmhsim::scenario::draw_uncertain_set(s.uncertainty, 42, set);
    REQUIRE(v == cmhsim::scenario::draw_uncertain_set(s.uncertainty, 42, set));
    REQUIRE(v.size() == 3);
    REQUIRE(v[0] >= 20.0);
    REQUIRE(v[0] <= 40.0);
    REQUIRE(v[1] >= 0.2);
    REQUIRE(v[1] <= 0.35);
    REQUIRE(v[2] == std::round(v[2]));
    REQUIRE(v[2] >= 2.0);
    REQUIRE(v[2] <= 4.0);
    integer_ends += v[2] == 2.0 || v[2] == 4.0;
    sum += v[0];
    sum_sq += v[0] * v[0];
  }
  // Uniform on [20, 40]: mean 30, variance 400 / 12.
  const double mean = sum / static_cast<double>(n);
  const double variance = sum_sq / static_cast<double>(n) - mean * mean;
  CHECK(std::abs(mean - 30.0) < 4.0 * std::sqrt(400.0 / 12.0 / static_cast<double>(n)));
  CHECK(variance == Approx(400.0 / 12.0).epsilon(0.1));
  // Rounding 2-4 to whole numbers gives the ends a quarter of the draws each.
  CHECK(static_cast<double>(integer_ends) / static_cast<double>(n) == Approx(0.5).margin(0.05));
  // Another seed draws other values.
  CHECK(cmhsim::scenario::draw_uncertain_set(s.uncertainty, 43, 0) !=
        cmhsim::scenario::draw_uncertain_set(s.uncertainty, 42, 0));
}
