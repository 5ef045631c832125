// Tests of the CMHT in the pathway model: caseload slots following the care coordinators in post,
// contact rates scaled to coordinators' hours, and a waiting list without trend after warm-up.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/confidence.hpp"
#include "engine/welford.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/pathway_simulation.hpp"
#include "output_lookup.hpp"
#include "pathway_test_config.hpp"
#include "series_trend.hpp"

namespace cmhsim::model::pathway {
TEST_CASE("CMHT slots follow the coordinators in post and people wait only when slots are full",
          "[pathway][cmht]") {
  const PathwayConfig c = testing::small_place(testing::ics_baseline_config());
  PathwaySimulation sim(c, engine::RngKey{11, 0}, nullptr);
  std::size_t months = 0;
  std::size_t short_months = 0;
  sim.month_observer = [&](const PathwaySimulation& s) {
    ++months;
    const double slots = s.coordinators().fte_in_post() * c.services.cmht_caseload_per_fte;
    CHECK(s.cmht().servers() == static_cast<int>(std::floor(slots + 1e-9)));
    if (s.cmht().waiting() > 0) CHECK(s.cmht().busy() >= s.cmht().servers());
    CHECK(s.cmht_contact_scale() > 0.0);
    CHECK(s.cmht_contact_scale() <= 1.0);
    if (s.coordinators().in_post() < s.coordinators().size()) ++short_months;
  };
  sim.run();
  CHECK(months == 72);
  CHECK(short_months > 0);  // Turnover leaves posts vacant some of the time.
}

TEST_CASE("CMHT contact rates are scaled down in proportion when coordinators' hours run short",
          "[pathway][cmht]") {
  PathwayConfig c = testing::small_place(testing::ics_baseline_config());
  c.horizon_days = 3 * 365.25;
  c.services.cmht_contact_hours_per_fte_per_month = 20.0;
  PathwaySimulation sim(c, engine::RngKey{12, 0}, nullptr);
  sim.month_observer = [&](const PathwaySimulation& s) {
    double per_day = 0.0;
    for (const Person& p : s.persons()) {
      if (p.has(kAlive) && p.home == Setting::Cmht) per_day += p.cmht_rate;
    }
    const double demand = per_day * kMonthDays * c.services.cmht_contact_minutes / 60.0;
    const double supply = s.coordinators().fte_in_post() * 20.0;
    REQUIRE(demand > supply);
    CHECK(s.cmht_contact_scale() == Approx(supply / demand));
  };
  sim.run();
}

namespace {

/// Holds a CMHT's utilisation and waiting-list trend over replications of `c`.
struct CmhtLoad {
  engine::Estimate utilisation;
  engine::Estimate slope;  ///< Waiting-list slope, people per year.
  double mean_waiting = 0.0;
  double years = 0.0;
  double slots = 0.0;
};

/// Runs 8 replications of `c` and measures the CMHT's load after warm-up.
CmhtLoad cmht_load(const PathwayConfig& c) {
  const std::size_t k = testing::series_index("waiting_cmht");
  const std::size_t n = PathwayModel::series_infos().size();
  engine::Welford slopes;
  engine::Welford level;
  engine::Welford utilisation;
  for (std::uint64_t r = 0; r < 8; ++r) {
    const ReplicationOutcome o = PathwayModel(c, engine::RngKey{21, r}).run();
    std::vector<double> waiting(o.months);
    for (std::size_t m = 0; m < o.months; ++m) waiting[m] = o.series[m * n + k];
    slopes.add(12.0 * testing::least_squares_slope(waiting));  // People per year.
    for (const double w : waiting) level.add(w);
    REQUIRE(o.services.front().name == "cmht");
    utilisation.add(o.services.front()[ServiceMetric::Utilisation]);
  }
  return {engine::confidence_interval(utilisation), engine::confidence_interval(slopes),
          level.mean(), (c.horizon_days - c.warmup_days) / 365.25,
          std::floor(c.services.cmht_coordinators_fte * c.services.cmht_caseload_per_fte)};
}

/// Returns true when the waiting list has no trend: the slope's interval holds 0, or the drift
/// over the observed years is within 5% of the caseload slots either way.
bool without_trend(const CmhtLoad& l) {
  const bool holds_zero = l.slope.lo <= 0.0 && l.slope.hi >= 0.0;
  return holds_zero ||
         (l.slope.lo * l.years > -0.05 * l.slots && l.slope.hi * l.years < 0.05 * l.slots);
}

}  // namespace

TEST_CASE("the ICS baseline's CMHT has utilisation below 1 and a waiting list without trend",
          "[pathway][cmht][validation]") {
  // A third of the ICS over 8 years with the 2-year warm-up of ics_baseline_config.
  PathwayConfig c = testing::small_place(testing::ics_baseline_config());
  c.horizon_days = 8 * 365.25;
  c.warmup_days = 2 * 365.25;
  const CmhtLoad base = cmht_load(c);
  INFO("utilisation " << base.utilisation.mean << " [" << base.utilisation.lo << ", "
                      << base.utilisation.hi << "], waiting list slope " << base.slope.mean
                      << " a year [" << base.slope.lo << ", " << base.slope.hi << "], mean waiting "
                      << base.mean_waiting);
  // Not pinned at capacity: discharges keep up with referrals.
  CHECK(base.utilisation.hi < 0.95);
  CHECK(without_trend(base));

  // With slots for fewer than the referrals need, a list forms and patience holds it still.
  c.services.cmht_caseload_per_fte = 25.0;
  const CmhtLoad full = cmht_load(c);
  INFO("at 25 per FTE: utilisation " << full.utilisation.mean << ", waiting list slope "
                                     << full.slope.mean << " a year [" << full.slope.lo << ", "
                                     << full.slope.hi << "], mean waiting " << full.mean_waiting);
  CHECK(full.utilisation.lo > 0.98);
  CHECK(full.mean_waiting > 0.0);
  CHECK(without_trend(full));
}

}  // namespace cmhsim::model::pathway
