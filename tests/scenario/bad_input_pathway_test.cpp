// [bad-input] tests for pathway scenarios: the file's kind, sections, category mappings, ranges,
// words and the rules that span keys. Knows the public scenario API only.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"

using cmhsim::scenario::parse_scenario;
using cmhsim::scenario::testing::check_error;

namespace {

// Lines 1-2 of every case here; the case's own lines follow from line 3.
std::string pathway(const std::string& rest) {
  return "population:\n"
         "  register_size: 1000\n" +
         rest;
}

}  // namespace

TEST_CASE("arrivals in a pathway scenario is a mixing error", "[scenario][bad-input]") {
  check_error(pathway("arrivals:\n"
                      "  a: {to: cmht, interarrival: {dist: exponential, mean: 1}}\n"),
              3, 1, "arrivals",
              "a pathway scenario (one with a population section) takes no "
              "arrivals");
}

TEST_CASE("pathway section in a network scenario names the missing population",
          "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  a: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
care_partners: {fte: 4}
)",
              6, 1, "care_partners",
              "'care_partners' is a section of pathway scenarios, which need a population "
              "section; this file has none");
}

TEST_CASE("population without register_size names the required key", "[scenario][bad-input]") {
  check_error("horizon_days: 100\npopulation:\n  practices: 10\n", 3, 3, "population.register_size",
              "missing required key (expected an integer in [1, 1000000])");
  check_error("population:\n", 1, 1, "population.register_size", "missing required key");
}

TEST_CASE("unknown top-level key of a pathway scenario lists the pathway sections",
          "[scenario][bad-input]") {
  check_error(pathway("colour: red\n"), 3, 1, "colour",
              "unknown key (allowed: name, description, horizon_days, warmup_days, replications, "
              "seed, population, clinical, mortality, care_partners, supervision, services, "
              "policies, costs, trial, warm_start, uncertainty, economics)");
}

TEST_CASE("misspelt pathway key suggests the key", "[scenario][bad-input]") {
  check_error(pathway("clinical:\n"
                      "  cmht_hazard_ration: 0.8\n"),
              4, 3, "clinical.cmht_hazard_ration",
              "unknown key (did you mean 'cmht_hazard_ratio'?)");
}

TEST_CASE("network services in a pathway scenario are unknown service keys",
          "[scenario][bad-input]") {
  check_error(pathway("services:\n"
                      "  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}\n"),
              4, 3, "services.cmht", "unknown key (allowed: gp_consultations_per_year, ");
}

TEST_CASE("section that is not a mapping is rejected", "[scenario][bad-input]") {
  check_error(pathway("clinical: 5\n"), 3, 11, "clinical", "expected a mapping, got '5'");
}

TEST_CASE("shares not summing to 1 report the sum", "[scenario][bad-input]") {
  check_error(pathway("  diagnosis_shares: {schizophrenia: 0.5, bipolar: 0.25, other_psychosis: "
                      "0.125}\n"),
              3, 21, "population.diagnosis_shares",
              "shares sum to 0.875, expected 1 (within 1e-6)");
}

TEST_CASE("shares within 1e-6 of 1 are accepted", "[scenario]") {
  const auto s = parse_scenario(
      pathway("  network_shares: {diverse_active: 0.3, family_stable: 0.35, formal_sparse: "
              "0.3500005}\n"),
      "ics.yaml");
  CHECK(s.pathways->population.network_shares[2] == 0.3500005);
}

TEST_CASE("misspelt category suggests the category", "[scenario][bad-input]") {
  check_error(pathway("  ethnicity_shares: {white: 0.8, blak: 0.07, asian: 0.08, mixed: 0.03, "
                      "other: 0.02}\n"),
              3, 34, "population.ethnicity_shares.blak",
              "unknown category 'blak' (did you mean 'black'?)");
}

TEST_CASE("unknown category with no close match lists the categories", "[scenario][bad-input]") {
  check_error(pathway("  diagnosis_shares: {schizophrenia: 0.5, bipolar: 0.3, depression: 0.2}\n"),
              3, 56, "population.diagnosis_shares.depression",
              "unknown category 'depression' (categories: schizophrenia, bipolar, "
              "other_psychosis)");
}

TEST_CASE("category mapping missing a category names it", "[scenario][bad-input]") {
  check_error(pathway("clinical:\n"
                      "  network_hazard_ratio: {diverse_active: 0.9, family_stable: 1.0}\n"),
              4, 25, "clinical.network_hazard_ratio.formal_sparse",
              "missing category 'formal_sparse' (expected a mapping with one value for each of "
              "diverse_active, family_stable, formal_sparse)");
}

TEST_CASE("category given twice names the first occurrence", "[scenario][bad-input]") {
  check_error(pathway("mortality:\n"
                      "  natural_excess_by_diagnosis:\n"
                      "    schizophrenia: 1.0\n"
                      "    bipolar: 0.7\n"
                      "    bipolar: 0.8\n"
                      "    other_psychosis: 0.8\n"),
              7, 5, "mortality.natural_excess_by_diagnosis.bipolar",
              "duplicate category (first given at line 6)");
}

TEST_CASE("list where a category mapping belongs names the categories", "[scenario][bad-input]") {
  check_error(pathway("  diagnosis_shares: [0.45, 0.35, 0.2]\n"), 3, 21,
              "population.diagnosis_shares",
              "expected a mapping with one value for each of schizophrenia, bipolar, "
              "other_psychosis, got a list");
}

TEST_CASE("category value out of its range is rejected", "[scenario][bad-input]") {
  check_error(pathway("  lives_alone_by_network: {diverse_active: 0.2, family_stable: 0.1, "
                      "formal_sparse: 1.5}\n"),
              3, 84, "population.lives_alone_by_network.formal_sparse",
              "expected a number in [0, 1], got '1.5'");
}

TEST_CASE("probability above 1 is rejected", "[scenario][bad-input]") {
  check_error(pathway("care_partners:\n"
                      "  disengage_probability: 1.2\n"),
              4, 26, "care_partners.disengage_probability",
              "expected a number in [0, 1], got '1.2'");
}

TEST_CASE("zero hazard rate is rejected", "[scenario][bad-input]") {
  check_error(pathway("clinical: {stable_to_struggling_per_year: 0}\n"), 3, 43,
              "clinical.stable_to_struggling_per_year",
              "expected a number in (0, 365.25], got '0'");
}

TEST_CASE("negative capacity is rejected", "[scenario][bad-input]") {
  check_error(pathway("services:\n"
                      "  crisis_team_slots: -10\n"),
              4, 22, "services.crisis_team_slots", "expected a number in [0, 1000000], got '-10'");
}

TEST_CASE("misspelt discharge destination suggests the word", "[scenario][bad-input]") {
  check_error(pathway("policies:\n"
                      "  cmht_discharge_destination: care_partners\n"),
              4, 31, "policies.cmht_discharge_destination",
              "expected one of 'primary_care', 'care_partner', 'vcse', got 'care_partners' (did "
              "you mean 'care_partner'?)");
}

TEST_CASE("choice of Care Partner must be 0 or 1", "[scenario][bad-input]") {
  check_error(pathway("care_partners:\n"
                      "  choice_of_care_partner: 0.5\n"),
              4, 27, "care_partners.choice_of_care_partner",
              "expected an integer in [0, 1], got '0.5'");
}

TEST_CASE("number where a pathway distribution belongs shows an example", "[scenario][bad-input]") {
  check_error(pathway("services:\n"
                      "  length_of_stay_days: 33\n"),
              4, 24, "services.length_of_stay_days",
              "expected a distribution such as {dist: exponential, mean: 2}, got '33'");
}

TEST_CASE("warm-up beyond the default pathway horizon is rejected", "[scenario][bad-input]") {
  check_error(pathway("warmup_days: 4000\n"), 3, 14, "warmup_days",
              "expected a number >= 0 and < horizon_days (3652.5), got '4000'");
}
