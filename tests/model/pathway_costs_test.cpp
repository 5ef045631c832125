// Tests of the pathway cost computation: hand-computed costs by category and their total.
// Knows the model's cost function and config only.
#include "model/pathway_costs.hpp"

#include <catch2/catch.hpp>

namespace cmhsim::model::pathway {

TEST_CASE("costs by category are unit costs times activity", "[pathway][costs]") {
  PathwayConfig config{};  // Zeroed: config fields have no defaults of their own.
  CostConfig& c = config.costs;
  c.gp_consultation = 30.0;
  c.physical_health_check = 50.0;
  c.care_partner_fte_year = 36525.0;
  c.supervisor_fte_year = 73050.0;
  c.cmht_contact = 100.0;
  c.crisis_team_day = 200.0;
  c.inpatient_bed_day = 400.0;
  c.out_of_area_bed_day = 600.0;
  c.outpatient_appointment = 150.0;
  c.vcse_place_day = 10.0;
  CostActivity a;
  a.gp_consultations = 10;
  a.physical_checks = 2;
  a.care_partner_fte_days = 730.5;       // Two FTE-years.
  a.supervisor_fte_days = 0.5 * 365.25;  // Half an FTE for a year.
  a.cmht_contacts = 3;
  a.crisis_days = 4;
  a.bed_days = 5;
  a.out_of_area_bed_days = 6;
  a.outpatient_appointments = 7;
  a.vcse_place_days = 8;
  const auto v = costs_by_kind(a, config);
  CHECK(v[kCostPrimaryCare] == 10 * 30.0 + 2 * 50.0);
  CHECK(v[kCostCarePartners] == Approx(2 * 36525.0).epsilon(1e-15));
  CHECK(v[kCostSupervision] == Approx(0.5 * 73050.0).epsilon(1e-15));
  CHECK(v[kCostCmht] == 300.0);
  CHECK(v[kCostCrisis] == 800.0);
  CHECK(v[kCostInpatient] == 2000.0);
  CHECK(v[kCostOutOfArea] == 3600.0);
  CHECK(v[kCostOutpatients] == 1050.0);
  CHECK(v[kCostVcse] == 80.0);
  CHECK(total_cost(v) ==
        Approx(400.0 + 73050.0 + 36525.0 + 300 + 800 + 2000 + 3600 + 1050 + 80).epsilon(1e-15));
}

TEST_CASE("a period with no activity costs only the supervisors", "[pathway][costs]") {
  PathwayConfig config{};  // Zeroed: config fields have no defaults of their own.
  config.supervision.supervisor_fte = 2.0;
  config.costs.supervisor_fte_year = 50000.0;
  CostActivity a;
  a.supervisor_fte_days = 2.0 * 365.25 / 12.0;  // Both in post for a month.
  const auto v = costs_by_kind(a, config);
  CHECK(v[kCostSupervision] == Approx(2.0 * 50000.0 / 12.0).epsilon(1e-15));
  CHECK(total_cost(v) == v[kCostSupervision]);
}

TEST_CASE("vacant supervisor posts cost nothing", "[pathway][costs]") {
  PathwayConfig config{};  // Zeroed: config fields have no defaults of their own.
  config.supervision.supervisor_fte = 2.0;
  config.costs.supervisor_fte_year = 50000.0;
  CostActivity a;
  a.supervisor_fte_days = 365.25 / 12.0;  // One of the two posts filled for a month.
  const auto v = costs_by_kind(a, config);
  CHECK(v[kCostSupervision] == Approx(50000.0 / 12.0).epsilon(1e-15));
}

}  // namespace cmhsim::model::pathway
