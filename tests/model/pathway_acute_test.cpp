// Tests of acute beds: occupancy with and without leave, out-of-area places that fill and
// repatriation, delayed discharge, the readmission definition and fewer beds placing more people
// out of area under common random numbers.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "model/acute_capacity.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/pathway_simulation.hpp"
#include "model/pathway_tally.hpp"
#include "output_lookup.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::kSeriesCount;
using pathway::PathwaySimulation;

const ServiceOutcome& service(const ReplicationOutcome& o, const std::string& name) {
  for (const ServiceOutcome& s : o.services) {
    if (s.name == name) return s;
  }
  FAIL("no service " << name);
  return o.services.front();
}

/// Returns a small place of 300 people in crisis `crises` times a struggling year, every crisis
/// admitted at once, with `beds` in-area beds and `places` out-of-area places; `extra` adds
/// `services` keys.
PathwayConfig crisis_place(int beds, int places, double crises, const std::string& extra = "") {
  return testing::load_config(
      "horizon_days: 1461\nwarmup_days: 365.25\n"
      "population:\n  register_size: 300\n  adults_16_65: " +
      std::to_string(beds * 100000) +
      "\n  incidence_per_100k_per_year: 0\n  in_migration_per_year: 0\n  stationary_register: 0\n"
      "  out_migration_rate_per_year: 0\n  initial_struggling_share: 1\n"
      "clinical:\n  struggling_to_crisis_per_year: " +
      std::to_string(crises) +
      "\n  struggling_to_stable_per_year: 0.5\n"
      "services:\n  crisis_team_slots: 0\n  crisis_admission_if_full: 1\n"
      "  acute_beds_per_100k_adults: 1\n  register_bed_share: 1\n"
      "  out_of_area_beds_per_100k_adults: " +
      std::to_string(static_cast<double>(places) / beds) +
      "\n  length_of_stay_days: {dist: fixed, value: 30}\n" + extra);
}

}  // namespace

TEST_CASE("bed capacity is beds per 100,000 adults times adults times the register's share",
          "[pathway][acute]") {
  PathwayConfig c = testing::ics_baseline_config();
  c.population.adults_16_65 = 1000000;
  c.services.acute_beds_per_100k_adults = 18;
  c.services.register_bed_share = 0.55;
  c.services.out_of_area_beds_per_100k_adults = 3.8;
  CHECK(in_area_beds(c) == Approx(99.0));
  CHECK(out_of_area_places(c) == Approx(20.9));
}

TEST_CASE("full beds are occupied 1 - leave share excluding leave and fully including it",
          "[pathway][acute]") {
  // 10 beds for 300 people in crisis every two months: beds never stand empty after warm-up.
  const PathwayConfig c = crisis_place(10, 0, 6, "  leave_share: 0.25\n");
  const ReplicationOutcome o = PathwayModel(c, engine::RngKey{7, 0}).run();
  CHECK(o.metrics[testing::metric_index("bed_occupancy_including_leave")] ==
        Approx(1.0).epsilon(1e-12));
  CHECK(o.metrics[testing::metric_index("bed_occupancy")] == Approx(0.75).epsilon(1e-12));
  CHECK(o.metrics[testing::metric_index("bed_waits_per_year")] > 0.0);
  CHECK(o.metrics[testing::metric_index("out_of_area_placements_per_year")] == 0.0);
}

TEST_CASE("out-of-area places are capped and people come back when an in-area bed frees",
          "[pathway][acute]") {
  const PathwayConfig c = crisis_place(6, 4, 0.5);
  PathwaySimulation sim(c, engine::RngKey{8, 0}, nullptr);
  std::size_t months = 0;
  sim.month_observer = [&](const PathwaySimulation& s) {
    const auto& v = s.last_month();
    ++months;
    // Never more people in beds than in-area beds plus out-of-area places.
    CHECK(v[pathway::setting_series(Setting::Inpatient)] <= 10.0);
    CHECK(v[pathway::kOutOfAreaBedDays] <= 4.0 * pathway::kMonthDays + 1e-9);
  };
  const ReplicationOutcome o = sim.run();
  CHECK(months == 48);
  CHECK(o.metrics[testing::metric_index("out_of_area_placements_per_year")] > 0.0);
  CHECK(o.metrics[testing::metric_index("repatriations_per_year")] > 0.0);
  // Each repatriation ends a placement: at most the placements plus the 4 held at warm-up end,
  // over 3 observed years.
  CHECK(o.metrics[testing::metric_index("repatriations_per_year")] <=
        o.metrics[testing::metric_index("out_of_area_placements_per_year")] + 4.0 / 3.0);

  const PathwayConfig none = crisis_place(6, 0, 0.5);
  const ReplicationOutcome n = PathwayModel(none, engine::RngKey{8, 0}).run();
  CHECK(n.metrics[testing::metric_index("out_of_area_placements_per_year")] == 0.0);
  CHECK(n.metrics[testing::metric_index("repatriations_per_year")] == 0.0);
  CHECK(n.metrics[testing::metric_index("bed_waits_per_year")] >
        o.metrics[testing::metric_index("bed_waits_per_year")]);
}

TEST_CASE("a delayed discharge lengthens every delayed stay by the configured days",
          "[pathway][acute]") {
  // Ample beds, fixed 30-day stays; every discharge delayed by a fixed 10 days.
  const PathwayConfig plain = crisis_place(200, 0, 1, "  delayed_discharge_probability: 0\n");
  const PathwayConfig delayed =
      crisis_place(200, 0, 1,
                   "  delayed_discharge_probability: 1\n"
                   "  delayed_discharge_days: {dist: fixed, value: 10}\n");
  const ReplicationOutcome a = PathwayModel(plain, engine::RngKey{9, 0}).run();
  const ReplicationOutcome b = PathwayModel(delayed, engine::RngKey{9, 0}).run();
  CHECK(a.metrics[testing::metric_index("delayed_discharge_share")] == 0.0);
  CHECK(b.metrics[testing::metric_index("delayed_discharge_mean_days")] == Approx(10.0));
  CHECK(b.metrics[testing::metric_index("delayed_discharge_share")] == Approx(1.0).margin(0.05));
  // Little's law: mean in-area stay = mean occupied beds / admissions a day.
  const auto stay = [](const ReplicationOutcome& o) {
    const ServiceOutcome& s = service(o, "inpatient");
    return s[ServiceMetric::MeanInSystem] / s[ServiceMetric::ThroughputPerDay];
  };
  CHECK(stay(a) == Approx(30.0).epsilon(0.03));
  CHECK(stay(b) == Approx(40.0).epsilon(0.03));
}

TEST_CASE("readmission counts another crisis-team episode or admission within 12 months",
          "[pathway][acute]") {
  const PathwayConfig c = testing::ics_baseline_config();
  pathway::PersonList people(4);
  const pathway::Workforce workforce(c.care_partners, c.supervision, engine::RngKey{1, 0});
  const pathway::PostGroup coordinators(pathway::PostGroupSpec{}, engine::RngKey{1, 0});
  const engine::Resource cmht("cmht", 1), team("crisis_team", 1), beds("inpatient", 1),
      vcse("vcse", 1);
  const pathway::QualityOfLife qol;
  const mortality::Hazards hazards(c.mortality);
  pathway::PathwayTally tally(
      c, {people, qol, workforce, coordinators, cmht, team, beds, vcse, hazards}, nullptr, 0.0, 0.0,
      false);
  // Person 0: the episode ends in the admission it led to (not a readmission).
  tally.follow_up_episode(people[0], 10.0);
  tally.admitted(people[0], 10.0, false, true);
  // Person 1: a new episode 280 days after the first ended (a readmission); the second episode
  // is followed by nothing.
  tally.follow_up_episode(people[1], 20.0);
  tally.crisis_episode_started(people[1], 300.0);
  tally.follow_up_episode(people[1], 330.0);
  // Person 2: an admission 370 days after the episode ended (too late).
  tally.follow_up_episode(people[2], 50.0);
  tally.admitted(people[2], 420.0, false, false);
  // Person 3: the episode ends less than 12 months before the end (not followed long enough).
  tally.follow_up_episode(people[3], 700.0);
  const ReplicationOutcome o = tally.finish(1000.0, 0);
  CHECK(o.metrics[testing::metric_index("readmission_12m_after_crisis")] == Approx(0.25));
}

TEST_CASE("with common random numbers fewer beds place more people out of area",
          "[pathway][acute][monotone]") {
  PathwayConfig more = testing::small_place(testing::ics_baseline_config());
  PathwayConfig fewer = more;
  fewer.services.acute_beds_per_100k_adults = 10;
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const ReplicationOutcome a = PathwayModel(more, engine::RngKey{43, rep}).run();
    const ReplicationOutcome b = PathwayModel(fewer, engine::RngKey{43, rep}).run();
    CHECK(b.metrics[testing::metric_index("out_of_area_placements_per_year")] >
          a.metrics[testing::metric_index("out_of_area_placements_per_year")]);
    CHECK(b.metrics[testing::metric_index("bed_occupancy")] >
          a.metrics[testing::metric_index("bed_occupancy")]);
  }
}

}  // namespace cmhsim::model
