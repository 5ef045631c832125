// Tests of what the pathway model keeps in bulk: the levels behind GP consultations and CMHT
// contact totals and the counts by setting agree with the people month by month, and skipping
// people with no month-end work due changes no result.
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "model/pathway_outputs.hpp"
#include "model/pathway_simulation.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Checks at every month end that the bulk levels equal their sums over the people.
void check_bulk_levels(const PathwayConfig& c, std::uint64_t seed) {
  PathwaySimulation sim(c, engine::RngKey{seed, 0}, nullptr);
  std::size_t months = 0;
  double most_on_caseload = 0.0;
  sim.month_observer = [&](const PathwaySimulation& s) {
    ++months;
    double gp = 0.0;
    double outpatient = 0.0;
    double cmht_rate = 0.0;
    double on_caseload = 0.0;
    std::array<double, kSettingCount> by_setting{};
    for (const Person& p : s.persons()) {
      if (!p.has(kAlive)) continue;
      by_setting[static_cast<std::size_t>(p.setting)] += 1.0;
      const bool acute = p.setting == Setting::CrisisTeam || p.setting == Setting::Inpatient;
      if (!acute) gp += 1.0;
      if (!acute && (p.setting == Setting::Outpatients || p.has(kOutpatientFollowUp))) {
        outpatient += 1.0;
      }
      if (p.setting == Setting::Cmht && !p.has(kCmhtEarly)) {
        cmht_rate += p.cmht_rate;
        on_caseload += 1.0;
      }
    }
    for (std::size_t k = 0; k < kSettingCount; ++k) {
      REQUIRE(s.last_month()[setting_series(static_cast<Setting>(k))] == by_setting[k]);
    }
    REQUIRE(s.gp_people() == gp);
    REQUIRE(s.outpatient_people() == outpatient);
    REQUIRE(s.cmht_bulk_rate() == Approx(cmht_rate).epsilon(1e-9));
    most_on_caseload = std::max(most_on_caseload, on_caseload);
  };
  sim.run();
  CHECK(months >= 24);
  CHECK(most_on_caseload > 10.0);  // The CMHT part was exercised.
}

/// Returns true when `a` and `b` are equal element by element, NaN equal to NaN.
bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("bulk levels and counts by setting agree with the people at every month end",
          "[pathway][contacts]") {
  check_bulk_levels(testing::small_place(testing::ics_baseline_config()), 3);
  // Care Partners, step-downs and outpatient follow-up move people between settings more.
  check_bulk_levels(testing::small_place(testing::ics_partners_config()), 5);
  // Step-down to Care Partners keeps people on outpatient lists alongside.
  PathwayConfig stepdown = testing::small_place(testing::ics_partners_config());
  stepdown.policies.cmht_discharge_destination = DischargeDestination::CarePartner;
  check_bulk_levels(stepdown, 7);
}

TEST_CASE("month ends that skip people with nothing due give the same results as doing everyone",
          "[pathway][determinism]") {
  PathwayConfig stepdown = testing::small_place(testing::ics_partners_config());
  stepdown.policies.cmht_discharge_destination = DischargeDestination::CarePartner;
  const std::vector<PathwayConfig> configs = {testing::small_place(testing::ics_baseline_config()),
                                              testing::small_place(testing::ics_partners_config()),
                                              stepdown, testing::trial_config()};
  std::uint64_t seed = 30;
  for (const PathwayConfig& c : configs) {
    ++seed;
    PathwaySimulation due(c, engine::RngKey{seed, 0}, nullptr);
    PathwaySimulation everyone(c, engine::RngKey{seed, 0}, nullptr);
    everyone.month_work_for_everyone = true;
    const ReplicationOutcome a = due.run();
    const ReplicationOutcome b = everyone.run();
    INFO("config " << seed);
    CHECK(a.events == b.events);
    CHECK(same(a.metrics, b.metrics));
    CHECK(same(a.series, b.series));
  }
}
}  // namespace cmhsim::model::pathway
