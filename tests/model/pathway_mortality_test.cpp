// Tests of death in the pathway model: care changes deaths through checks and crises, common
// random numbers keep deaths paired where hazards agree, and the mortality outputs add up.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/welford.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/pathway_simulation.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::PathwaySimulation;

/// Returns the ICS baseline scaled to a third (5,000 people) over 6 years with 1 of warm-up.
PathwayConfig small_place() { return testing::small_place(testing::ics_baseline_config()); }

double metric(const ReplicationOutcome& o, std::size_t k) { return o.metrics[k]; }

}  // namespace

TEST_CASE("more frequent physical health checks give fewer cardiovascular deaths",
          "[pathway][mortality][crn]") {
  PathwayConfig few = small_place();
  PathwayConfig more = few;
  few.services.physical_check_probability = 0.2;
  few.services.physical_check_with_support = 0.2;
  more.services.physical_check_probability = 0.9;
  more.services.physical_check_with_support = 0.9;
  engine::Welford difference;
  for (std::uint64_t rep = 0; rep < 6; ++rep) {
    const ReplicationOutcome a = PathwayModel(few, engine::RngKey{31, rep}).run();
    const ReplicationOutcome b = PathwayModel(more, engine::RngKey{31, rep}).run();
    const std::size_t cv = pathway::kMDeathsPer1000ByCause;
    difference.add(metric(b, cv) - metric(a, cv));
  }
  INFO("paired difference " << difference.mean() << " (sd " << difference.sd() << ")");
  // The paired difference's 99% upper bound (t, 5 degrees of freedom) lies below zero.
  CHECK(difference.mean() + 4.032 * difference.sd() / std::sqrt(6.0) < 0.0);
}

TEST_CASE("the crisis suicide rate matters only when there are crises",
          "[pathway][mortality][crn]") {
  PathwayConfig calm = small_place();
  calm.clinical.struggling_to_crisis_per_year = 0.0;
  PathwayConfig calm_raised = calm;
  calm_raised.mortality.crisis_suicide_per_100k = 20000.0;
  const ReplicationOutcome a = PathwayModel(calm, engine::RngKey{41, 0}).run();
  const ReplicationOutcome b = PathwayModel(calm_raised, engine::RngKey{41, 0}).run();
  // Without crises nothing changes, to the bit.
  CHECK(a.metrics[pathway::kMDeathsPer1000] == b.metrics[pathway::kMDeathsPer1000]);
  CHECK(a.events == b.events);

  PathwayConfig crises = small_place();
  PathwayConfig crises_raised = crises;
  crises_raised.mortality.crisis_suicide_per_100k = 20000.0;
  const std::size_t suicide = pathway::kMDeathsPer1000ByCause + 2;
  const ReplicationOutcome c = PathwayModel(crises, engine::RngKey{41, 0}).run();
  const ReplicationOutcome d = PathwayModel(crises_raised, engine::RngKey{41, 0}).run();
  CHECK(d.metrics[suicide] > c.metrics[suicide] + 1.0);
}

TEST_CASE("with suicide raised only around crises, everyone who dies had a crisis",
          "[pathway][mortality]") {
  PathwayConfig c = small_place();
  c.warmup_days = 0.0;
  c.mortality.gompertz_log_a = {-50.0, -50.0};  // No natural deaths.
  c.mortality.other_external_per_100k = {0.0, 0.0};
  c.mortality.suicide_ratio = 1e-9;  // No suicide outside crisis windows.
  c.mortality.crisis_suicide_per_100k = 5000.0;
  PathwaySimulation s(c, engine::RngKey{43, 0}, nullptr);
  const ReplicationOutcome o = s.run();
  std::size_t dead = 0;
  for (const pathway::Person& p : s.persons()) {
    if (p.has(pathway::kAlive) || p.has(pathway::kMigrated)) continue;
    ++dead;
    CHECK(p.crises >= 1);
  }
  CHECK(dead >= 20);
  CHECK(o.metrics[pathway::kMDeathsPer1000ByCause + 2] ==
        Approx(o.metrics[pathway::kMDeathsPer1000]));
}

TEST_CASE("care leaves the deaths of people whose hazard it does not change",
          "[pathway][mortality][crn]") {
  // A treatment with no effect: checks change nothing, so people without a crisis in either
  // scenario die at the same time whatever the Care Partner capacity.
  PathwayConfig none = small_place();
  none.mortality.treatment_hazard_ratio = 1.0;
  PathwayConfig partners = none;
  partners.care_partners.fte = 14;
  partners.supervision.supervisor_fte = 1;
  PathwaySimulation a(none, engine::RngKey{47, 0}, nullptr);
  PathwaySimulation b(partners, engine::RngKey{47, 0}, nullptr);
  a.run();
  b.run();
  const std::size_t n = std::min(a.persons().size(), b.persons().size());
  std::size_t compared = 0;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& x = a.persons()[i];
    const auto& y = b.persons()[i];
    // A crisis raises the suicide hazard from its start, so its end is set for anyone who had one.
    if (x.suicide_risk_until != pathway::kNever || y.suicide_risk_until != pathway::kNever)
      continue;
    ++compared;
    if (std::abs(x.death_time - y.death_time) > 1e-3f * std::max(1.0f, x.death_time)) ++differ;
  }
  CHECK(compared > 3000);
  CHECK(differ == 0);
}

TEST_CASE("deaths by cause add up to all deaths", "[pathway][mortality]") {
  const PathwayConfig c = small_place();
  const ReplicationOutcome o = PathwayModel(c, engine::RngKey{53, 0}).run();
  double by_cause = 0.0;
  for (std::size_t k = 0; k < 4; ++k) by_cause += o.metrics[pathway::kMDeathsPer1000ByCause + k];
  CHECK(by_cause == Approx(o.metrics[pathway::kMDeathsPer1000]));
  CHECK(o.metrics[pathway::kMDeathsPer1000] > 5.0);
  CHECK(o.metrics[pathway::kMLifeYearsLost] > 0.0);
  CHECK(o.metrics[pathway::kMMortalityRatioUnder75] > 1.0);
}

}  // namespace cmhsim::model
