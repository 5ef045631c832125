// [bad-input] tests for pathway rules that span keys: ordered limits, a beta distribution that
// exists, shares of settings, competence and trial consistency. Knows the public scenario API only.
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

TEST_CASE("oldest age not above the youngest is rejected at the later key",
          "[scenario][bad-input]") {
  check_error(pathway("  age_min: 60\n"
                      "  age_max: 50\n"),
              4, 12, "population.age_max", "expected a number > population.age_min (60), got '50'");
}

TEST_CASE("youngest age above the default oldest is rejected where it is given",
          "[scenario][bad-input]") {
  check_error(pathway("  age_min: 100\n"), 3, 12, "population.age_min",
              "expected a number < population.age_max (95), got '100'");
}

TEST_CASE("more PCNs than practices is rejected", "[scenario][bad-input]") {
  check_error(pathway("  practices: 35\n"
                      "  pcns: 40\n"),
              4, 9, "population.pcns",
              "expected an integer <= population.practices (35), got '40'");
  check_error(pathway("  practices: 20\n"), 3, 14, "population.practices",
              "expected an integer >= population.pcns (30), got '20'");
}

TEST_CASE("engagement sd too large for a beta distribution is rejected", "[scenario][bad-input]") {
  check_error(pathway("  engagement_sd: 0.5\n"), 3, 18, "population.engagement_sd",
              "expected a number < sqrt(mean * (1 - mean)) = 0.458 (a beta distribution with "
              "population.engagement_mean 0.7), got '0.5'");
}

TEST_CASE("engagement mean of 1 leaves no beta distribution", "[scenario][bad-input]") {
  check_error(pathway("  engagement_mean: 1\n"), 3, 20, "population.engagement_mean",
              "expected a number in (0.023, 0.977) (a beta distribution with "
              "population.engagement_sd 0.15), got '1'");
}

TEST_CASE("CMHT and outpatient shares above 1 together are rejected", "[scenario][bad-input]") {
  check_error(pathway("  initial_cmht_share: 0.8\n"), 3, 23, "population.initial_cmht_share",
              "expected a number <= 1 - population.initial_outpatients_share (0.65), got '0.8'");
  check_error(pathway("  initial_cmht_share: 0.5\n"
                      "  initial_outpatients_share: 0.625\n"),
              4, 30, "population.initial_outpatients_share",
              "expected a number <= 1 - population.initial_cmht_share (0.5), got '0.625'");
}

TEST_CASE("initial competence below its floor is rejected", "[scenario][bad-input]") {
  check_error(pathway("care_partners:\n"
                      "  competence_initial: 0.1\n"),
              4, 23, "care_partners.competence_initial",
              "expected a number >= care_partners.competence_min (0.2), got '0.1'");
  check_error(pathway("care_partners: {competence_min: 0.75}\n"), 3, 33,
              "care_partners.competence_min",
              "expected a number <= care_partners.competence_initial (0.5), got '0.75'");
}

TEST_CASE("trial with every practice in the intervention arm is rejected",
          "[scenario][bad-input]") {
  check_error(pathway("trial: {practices: 20, intervention_practices: 20}\n"), 3, 48,
              "trial.intervention_practices",
              "expected an integer < trial.practices (20), got '20'");
}

TEST_CASE("trial practices not above the default intervention practices is rejected",
          "[scenario][bad-input]") {
  check_error(pathway("trial: {practices: 10}\n"), 3, 20, "trial.practices",
              "expected an integer > trial.intervention_practices (20), got '10'");
}

TEST_CASE("trial with more practices than the place is rejected", "[scenario][bad-input]") {
  check_error(pathway("trial: {practices: 250}\n"), 3, 20, "trial.practices",
              "expected an integer <= population.practices (200), got '250'");
  check_error(pathway("  practices: 30\n"
                      "  pcns: 10\n"
                      "trial: {participants_control: 50}\n"),
              3, 14, "population.practices",
              "expected an integer >= trial.practices (39), got '30'");
}

TEST_CASE("trial without participants is rejected", "[scenario][bad-input]") {
  check_error(pathway("trial:\n"
                      "  participants_intervention: 0\n"),
              4, 30, "trial.participants_intervention",
              "expected an integer in [1, 1000000], got '0'");
}

TEST_CASE("trial consistency is not checked when there is no trial", "[scenario]") {
  const auto s = parse_scenario(pathway("  practices: 12\n  pcns: 4\n"), "ics.yaml");
  CHECK(s.pathways->population.practices == 12u);
  CHECK_FALSE(s.pathways->trial.enabled);
}

TEST_CASE("trial key enabled is not a key: the section's presence enables the trial",
          "[scenario][bad-input]") {
  check_error(pathway("trial: {enabled: true}\n"), 3, 9, "trial.enabled",
              "unknown key (allowed: practices, intervention_practices, "
              "participants_intervention, participants_control, follow_up_days, "
              "participant_hazard_ratio, qol_baseline_offset)");
}

TEST_CASE("a stationary register without new diagnoses is rejected at the incidence",
          "[scenario][bad-input]") {
  check_error(pathway("  incidence_per_100k_per_year: 0\n"), 3, 32,
              "population.incidence_per_100k_per_year",
              "expected a number > 0 with population.stationary_register 1 (or set that to 0), "
              "got '0'");
  check_error(pathway("  stationary_register: 1\n"
                      "  incidence_per_100k_per_year: 0\n"),
              3, 24, "population.stationary_register",
              "expected 0 when population.incidence_per_100k_per_year is 0 (a stationary "
              "register's ages come from new diagnoses), got '1'");
}

TEST_CASE("in-migration given for a stationary register is rejected where it is given",
          "[scenario][bad-input]") {
  check_error(pathway("  in_migration_per_year: 500\n"), 3, 26, "population.in_migration_per_year",
              "not used while population.stationary_register is 1 (in-migration then balances "
              "the register); remove it, or set stationary_register: 0 to use it");
}
