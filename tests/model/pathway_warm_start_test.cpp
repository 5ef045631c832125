// Tests the pathway model's warm start: a run begins from today's caseloads and waiting lists,
// and the same people are placed in every scenario of the place.
#include <catch2/catch.hpp>

#include "model/pathway_simulation.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

PathwayConfig warm_place() {
  PathwayConfig c = testing::ics_partners_config();
  c.population.register_size = 2000;
  c.services.cmht_coordinators_fte = 20;  // 20 x 25 = 500 caseload slots.
  c.services.cmht_caseload_per_fte = 25;
  c.care_partners.fte = 4;  // 4 x 30 = 120 Care Partner places.
  c.care_partners.vacancy_at_start_share = 0.0;
  c.warm_start = WarmStartConfig{true, 500, 100, 300, 120, 40};
  c.horizon_days = 0.01;  // Stop straight after day 0's placements.
  c.warmup_days = 0.0;
  return c;
}

struct Counts {
  std::size_t cmht = 0, outpatients = 0, on_care_partner = 0;
};

Counts count(const pathway::PathwaySimulation& sim) {
  Counts n;
  for (const pathway::Person& p : sim.persons()) {
    if (p.setting == Setting::Cmht) ++n.cmht;
    if (p.setting == Setting::Outpatients) ++n.outpatients;
    if (p.cp_worker != pathway::kNone) ++n.on_care_partner;
  }
  return n;
}

}  // namespace

TEST_CASE("a warm start places today's caseloads and waiting lists at day 0", "[pathway]") {
  const PathwayConfig c = warm_place();
  pathway::PathwaySimulation sim(c, engine::RngKey{5, 0}, nullptr);
  sim.run();
  const Counts n = count(sim);
  CHECK(n.cmht == 500);
  CHECK(sim.cmht().busy() == 500);
  CHECK(sim.cmht().waiting() == 100);
  CHECK(n.outpatients == 300);
  CHECK(n.on_care_partner == 120);
  CHECK(sim.care_partner_waiting() == 40);
}

TEST_CASE("without a warm start the initial shares place people instead", "[pathway]") {
  PathwayConfig c = warm_place();
  c.warm_start.enabled = false;
  pathway::PathwaySimulation sim(c, engine::RngKey{5, 0}, nullptr);
  sim.run();
  const Counts n = count(sim);
  // Shares 0.37 and 0.30 of 2000 people, capped by the 500 CMHT slots.
  CHECK(n.cmht == 500);
  CHECK(sim.cmht().waiting() > 150);
  CHECK(n.outpatients > 500);
  CHECK(n.on_care_partner == 0);
}

}  // namespace cmhsim::model
