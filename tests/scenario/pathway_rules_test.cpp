// Tests the pathway keys that need more than one key to check: warm start counts against the
// services' capacity, and the discharge destination words. Knows the scenario API and the config.
#include <catch2/catch.hpp>
#include <string>

#include "scenario/scenario.hpp"

using cmhsim::model::DischargeDestination;
using namespace cmhsim::scenario;

TEST_CASE("warm start counts load, and wrong ones are rejected with their place",
          "[scenario][pathway][bad-input]") {
  const std::string head =
      "population: {register_size: 2000}\n"
      "services: {cmht_coordinators_fte: 20, cmht_caseload_per_fte: 25}\n"
      "care_partners: {fte: 4}\n";
  const Scenario sc =
      parse_scenario(head +
                         "warm_start: {cmht_caseload: 500, cmht_waiting: 100, outpatients: 300,\n"
                         "  care_partner_caseload: 120, care_partner_waiting: 40}\n",
                     "warm.yaml");
  const auto& w = sc.pathways->warm_start;
  CHECK(w.enabled);
  CHECK(w.cmht_caseload == 500);
  CHECK(w.cmht_waiting == 100);
  CHECK(w.outpatients == 300);
  CHECK(w.care_partner_caseload == 120);
  CHECK(w.care_partner_waiting == 40);
  CHECK_FALSE(parse_scenario(head, "cold.yaml").pathways->warm_start.enabled);

  auto error_of = [&](const std::string& warm) -> std::string {
    try {
      (void)parse_scenario(head + warm, "warm.yaml");
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK(
      error_of("warm_start: {cmht_caseload: 501}\n") ==
      "warm.yaml:4:29: warm_start.cmht_caseload: expected an integer <= the CMHT caseload slots "
      "(500 = floor(services.cmht_coordinators_fte x services.cmht_caseload_per_fte)), got '501'");
  CHECK(error_of("warm_start: {cmht_caseload: 10, cmht_waiting: 5}\n") ==
        "warm.yaml:4:47: warm_start.cmht_waiting: expected 0 while CMHT caseloads have free slots "
        "(cmht_caseload 10 < 500), got '5'");
  CHECK(error_of("warm_start: {outpatients: 2500}\n")
            .find("the counts add up to 2500 people, more than population.register_size (2000)") !=
        std::string::npos);
}

TEST_CASE("every discharge destination word maps to its enumerator", "[scenario][pathway]") {
  const auto load = [](const std::string& word) {
    return parse_scenario(
               "population: {register_size: 10}\npolicies: {cmht_discharge_destination: " + word +
                   "}\n",
               "ics.yaml")
        .pathways->policies.cmht_discharge_destination;
  };
  CHECK(load("primary_care") == DischargeDestination::PrimaryCare);
  CHECK(load("care_partner") == DischargeDestination::CarePartner);
  CHECK(load("vcse") == DischargeDestination::Vcse);
}
