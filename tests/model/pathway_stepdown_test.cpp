// Tests of step-down from a CMHT: outpatient follow-up kept alongside a Care Partner, its
// discharge rule, and the three-year step-down cohort's definitions on small hand-built cases.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "model/pathway_model.hpp"
#include "model/pathway_simulation.hpp"
#include "model/stepdown_cohort.hpp"
#include "output_lookup.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::Person;
using pathway::StepDownState;

double metric(const ReplicationOutcome& o, const std::string& name) {
  return o.metrics[testing::metric_index(name)];
}

/// Returns a living person in primary care only.
Person person_in(Setting home, Setting setting) {
  Person p;
  p.set(pathway::kAlive);
  p.home = home;
  p.setting = setting;
  return p;
}

/// Returns a place where everyone on a CMHT at day 0 is stable and stepped down to a Care
/// Partner in the first two months, nobody deteriorates or arrives, every step-down finds a Care
/// Partner at once, and each Care Partner episode lasts a year.
PathwayConfig stepdown_place(double outpatients_share) {
  PathwayConfig c = testing::small_place(testing::ics_partners_config());
  c.horizon_days = 4 * 365.25;
  c.warmup_days = 0.0;
  c.population.initial_struggling_share = 0.0;
  c.population.initial_outpatients_share = 0.0;
  c.population.initial_cmht_share = 0.37;
  c.population.incidence_per_100k_per_year = 0.0;
  c.population.in_migration_per_year = 0.0;
  c.population.stationary_register = 0.0;  // A closed register.
  c.clinical.stable_to_struggling_per_year = 0.0;
  c.policies.cmht_discharge_stable_days = 30.0;
  c.policies.cmht_review_interval_days = 30.4375;  // Monthly reviews that always discharge.
  c.policies.cmht_review_discharge_probability = 1.0;
  c.policies.cmht_discharge_destination = DischargeDestination::CarePartner;
  c.policies.cmht_discharge_outpatients_share = outpatients_share;
  c.policies.outpatient_discharge_stable_days = 36500.0;  // Follow-up outlasts the run.
  c.care_partners.fte = 100;
  c.care_partners.vacancy_at_start_share = 0.0;
  c.care_partners.turnover_per_year = 0.0;
  c.care_partners.disengage_probability = 0.0;
  c.care_partners.goal_set_probability = 0.0;  // No planned endings before the year is up.
  c.care_partners.max_episode_days = 365.25;
  return c;
}

/// Holds one month's counts of the people stepped down in the first months.
struct Month {
  double outpatients_only = 0, cost_outpatients = 0;
  std::size_t with_follow_up = 0, with_care_partner = 0, follow_up_not_with_care_partner = 0;
};

std::vector<Month> watch(const PathwayConfig& c, std::uint64_t rep) {
  const std::size_t people_outpatients = testing::series_index("people_outpatients");
  const std::size_t cost_outpatients = testing::series_index("cost_outpatients");
  std::vector<Month> months;
  pathway::PathwaySimulation sim(c, engine::RngKey{131, rep}, nullptr);
  sim.month_observer = [&](const pathway::PathwaySimulation& s) {
    Month m;
    m.outpatients_only = s.last_month()[people_outpatients];
    m.cost_outpatients = s.last_month()[cost_outpatients];
    for (const Person& p : s.persons()) {
      if (!p.has(pathway::kAlive)) continue;
      const bool follow = p.has(pathway::kOutpatientFollowUp);
      const bool with = p.home == Setting::CarePartner;
      m.with_follow_up += follow ? 1 : 0;
      m.with_care_partner += with ? 1 : 0;
      m.follow_up_not_with_care_partner += follow && !with ? 1 : 0;
    }
    months.push_back(m);
  };
  sim.run();
  return months;
}

}  // namespace

TEST_CASE("the step-down state names primary care only, secondary care and Care Partners",
          "[pathway][stepdown]") {
  using pathway::stepdown_state;
  Person p = person_in(Setting::PrimaryCare, Setting::PrimaryCare);
  CHECK(stepdown_state(p) == StepDownState::PrimaryCareOnly);
  p.set(pathway::kVcseConnected);
  CHECK(stepdown_state(p) == StepDownState::PrimaryCareOnly);
  p.set(pathway::kCpWaiting);
  CHECK(stepdown_state(p) == StepDownState::CarePartner);
  p.set(pathway::kCpWaiting, false);
  p.set(pathway::kCmhtReferral);
  CHECK(stepdown_state(p) == StepDownState::CarePartner);
  p.set(pathway::kCmhtReferral, false);
  p.set(pathway::kCmhtWaiting);
  CHECK(stepdown_state(p) == StepDownState::Secondary);

  Person cp = person_in(Setting::CarePartner, Setting::CarePartner);
  CHECK(stepdown_state(cp) == StepDownState::CarePartner);
  cp.set(pathway::kOutpatientFollowUp);
  CHECK(stepdown_state(cp) == StepDownState::Secondary);

  CHECK(stepdown_state(person_in(Setting::CarePartner, Setting::CrisisTeam)) ==
        StepDownState::Secondary);
  CHECK(stepdown_state(person_in(Setting::PrimaryCare, Setting::Inpatient)) ==
        StepDownState::Secondary);
  CHECK(stepdown_state(person_in(Setting::Cmht, Setting::Cmht)) == StepDownState::Secondary);
  CHECK(stepdown_state(person_in(Setting::Outpatients, Setting::Outpatients)) ==
        StepDownState::Secondary);

  pathway::StepDownCohort cohort;
  cohort.add(person_in(Setting::PrimaryCare, Setting::PrimaryCare));
  cohort.add(person_in(Setting::Outpatients, Setting::Outpatients));
  cohort.add(person_in(Setting::CarePartner, Setting::CarePartner));
  CHECK(cohort.followed == 3);
  CHECK(cohort.primary_care_only == 1);
  CHECK(cohort.secondary == 1);
}

TEST_CASE("step-down to a Care Partner keeps the outpatient share on outpatient follow-up",
          "[pathway][stepdown]") {
  const std::vector<Month> kept = watch(stepdown_place(1.0), 0);
  REQUIRE(kept.size() == 48);
  // Months 3 to 12: everyone stepped down is with a Care Partner and on outpatient follow-up,
  // nobody is on an outpatient list alone, yet outpatient appointments are held and paid for.
  for (std::size_t m = 2; m < 12; ++m) {
    INFO("month " << m + 1);
    CHECK(kept[m].with_care_partner > 1500);
    CHECK(kept[m].with_follow_up == kept[m].with_care_partner);
    CHECK(kept[m].outpatients_only == 0.0);
    CHECK(kept[m].cost_outpatients > 0.0);
  }
  // After the year with the Care Partner the follow-up goes on as an outpatient list alone.
  for (std::size_t m = 15; m < 48; ++m) {
    INFO("month " << m + 1);
    CHECK(kept[m].with_care_partner == 0);
    CHECK(kept[m].with_follow_up == 0);
    CHECK(kept[m].outpatients_only > 1400.0);
  }
  // Outpatient appointments in a month: about 1,800 people at the default rate a year.
  const PathwayConfig c = stepdown_place(1.0);
  const double expected = static_cast<double>(kept[6].with_follow_up) *
                          c.services.outpatient_appointments_per_year / 12.0 *
                          c.costs.outpatient_appointment;
  CHECK(kept[6].cost_outpatients == Approx(expected).epsilon(0.15));

  const std::vector<Month> none = watch(stepdown_place(0.0), 0);
  for (const Month& m : none) {
    CHECK(m.with_follow_up == 0);
    CHECK(m.outpatients_only == 0.0);
    CHECK(m.cost_outpatients == 0.0);
  }
}

TEST_CASE("outpatient follow-up alongside a Care Partner ends by the outpatient discharge rule",
          "[pathway][stepdown]") {
  PathwayConfig c = stepdown_place(1.0);
  c.care_partners.max_episode_days = 0.0;  // Everyone stays with their Care Partner.
  c.policies.outpatient_discharge_stable_days = 200.0;
  const std::vector<Month> months = watch(c, 1);
  // Stable since up to 30 days before day 0: nobody reaches 200 stable days by month 5, and by
  // month 7 (day 213) everyone has, so the follow-up has ended with the Care Partner going on.
  for (std::size_t m = 2; m < 5; ++m) {
    INFO("month " << m + 1);
    CHECK(months[m].with_follow_up == months[m].with_care_partner);
    CHECK(months[m].cost_outpatients > 0.0);
  }
  for (std::size_t m = 6; m < 48; ++m) {
    INFO("month " << m + 1);
    CHECK(months[m].with_follow_up == 0);
    CHECK(months[m].with_care_partner > 1400);
    CHECK(months[m].outpatients_only == 0.0);
    if (m >= 7) CHECK(months[m].cost_outpatients == 0.0);
  }
}

TEST_CASE("without deterioration the step-down shares at three years follow the outpatient share",
          "[pathway][stepdown]") {
  // Nobody deteriorates and every Care Partner episode ends after a year: three years on, people
  // kept on outpatients are under secondary care and the rest have primary care only.
  for (const double share : {0.0, 1.0}) {
    const PathwayConfig c = stepdown_place(share);
    const ReplicationOutcome o = PathwayModel(c, engine::RngKey{137, 0}).run();
    INFO("outpatients share " << share);
    CHECK(metric(o, "stepdown_cohort_size") > 1500.0);
    CHECK(metric(o, "stepdown_primary_care_only_share_3y") == 1.0 - share);
    CHECK(metric(o, "stepdown_returned_to_secondary_share_3y") == share);
  }
  const PathwayConfig c = stepdown_place(0.5);
  const ReplicationOutcome half = PathwayModel(c, engine::RngKey{137, 1}).run();
  const double n = metric(half, "stepdown_cohort_size");
  const double primary = metric(half, "stepdown_primary_care_only_share_3y");
  const double secondary = metric(half, "stepdown_returned_to_secondary_share_3y");
  CHECK(primary + secondary == Approx(1.0).margin(1e-12));
  // Binomial: within 4 standard errors of the share not kept on outpatients.
  CHECK(std::abs(primary - 0.5) < 4.0 * std::sqrt(0.25 / n));
}

TEST_CASE("the step-down cohort leaves out the dead and step-downs too late to follow",
          "[pathway][stepdown]") {
  PathwayConfig c = stepdown_place(0.5);
  c.horizon_days = 3 * 365.25;  // Every step-down is within 3 years of the end.
  const ReplicationOutcome late = PathwayModel(c, engine::RngKey{139, 0}).run();
  CHECK(metric(late, "stepdown_cohort_size") == 0.0);
  CHECK(std::isnan(metric(late, "stepdown_primary_care_only_share_3y")));
  CHECK(std::isnan(metric(late, "stepdown_returned_to_secondary_share_3y")));

  // Counts the people stepped down at day 0's month ends and those alive three years later.
  c = stepdown_place(0.5);
  std::size_t stepped = 0;
  std::size_t alive_later = 0;
  std::vector<bool> was_cp;
  pathway::PathwaySimulation sim(c, engine::RngKey{139, 1}, nullptr);
  sim.month_observer = [&](const pathway::PathwaySimulation& s) {
    const auto& people = s.persons();
    if (was_cp.empty()) was_cp.assign(people.size(), false);
    for (std::size_t id = 0; id < people.size(); ++id) {
      if (people[id].home == Setting::CarePartner && !was_cp[id]) {
        was_cp[id] = true;
        ++stepped;
      }
    }
  };
  const ReplicationOutcome o = sim.run();
  for (std::size_t id = 0; id < was_cp.size(); ++id) {
    if (was_cp[id] && sim.persons()[id].has(pathway::kAlive)) ++alive_later;
  }
  INFO("stepped down " << stepped << ", alive at the end " << alive_later);
  // Deaths between the three-year look and the end make the cohort at least the survivors.
  CHECK(metric(o, "stepdown_cohort_size") >= static_cast<double>(alive_later));
  CHECK(metric(o, "stepdown_cohort_size") < static_cast<double>(stepped));
}

}  // namespace cmhsim::model
