// Tests of the CMHT access, staffing and low-contact outputs on small hand-built cases: the
// outputs observer is fed events directly and its metrics are checked against their definitions.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/resource.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_tally.hpp"
#include "model/post_group.hpp"
#include "model/workforce.hpp"
#include "output_lookup.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Holds an outputs observer over hand-built people, posts and services.
struct Fixture {
  explicit Fixture(double warmup, double window_start, double vacancy_share = 0.0,
                   std::size_t people = 0)
      : config(testing::load_config("population:\n  register_size: 10\ncare_partners:\n"
                                    "  fte: 0\nsupervision:\n  supervisor_fte: 0\n")),
        persons(people),
        workforce(config.care_partners, config.supervision, engine::RngKey{1, 0}),
        delay(engine::Distribution::fixed(10.0)),
        coordinators(PostGroupSpec{4.0, 1.0, 0.0, &delay, vacancy_share, kCoordinatorPostEntity,
                                   "coordinators"},
                     engine::RngKey{1, 0}),
        hazards(config.mortality),
        tally(config, {persons, qol, workforce, coordinators, cmht, crisis, beds, vcse, hazards},
              nullptr, warmup, window_start, false) {
    for (Person& p : persons) {
      p.set(kAlive);
      tally.joined_register(p, 0.0);
    }
  }
  PathwayConfig config{};  // Zeroed: config fields have no defaults of their own.
  PersonList persons;
  QualityOfLife qol;
  Workforce workforce;
  engine::Distribution delay;
  PostGroup coordinators;
  engine::Resource cmht{"cmht", 10}, crisis{"crisis_team", 1}, beds{"inpatient", 1},
      vcse{"vcse", 1};
  mortality::Hazards hazards;
  PathwayTally tally;
};

}  // namespace

TEST_CASE("referral to second contact averages second contacts after warm-up only",
          "[pathway][cmht]") {
  Fixture f(100.0, 200.0);
  f.tally.cmht_second_contact(50.0, 5.0);  // Before warm-up: not counted.
  f.tally.cmht_second_contact(120.0, 20.0);
  f.tally.cmht_second_contact(150.0, 28.0);  // Exactly 4 weeks counts as within.
  f.tally.cmht_second_contact(180.0, 60.0);
  const ReplicationOutcome o = f.tally.finish(300.0, 0);
  CHECK(o.metrics[testing::metric_index("cmht_referral_to_second_contact_days")] == Approx(36.0));
  CHECK(o.metrics[testing::metric_index("cmht_seen_within_4_weeks_share")] == Approx(2.0 / 3.0));
}

TEST_CASE("without second contacts the CMHT access metrics are NaN", "[pathway][cmht]") {
  Fixture f(0.0, 100.0);
  const ReplicationOutcome o = f.tally.finish(200.0, 0);
  CHECK(std::isnan(o.metrics[testing::metric_index("cmht_referral_to_second_contact_days")]));
  CHECK(std::isnan(o.metrics[testing::metric_index("cmht_seen_within_4_weeks_share")]));
}

TEST_CASE("two or fewer contacts counts only people under secondary care the whole window",
          "[pathway][cmht]") {
  Fixture f(0.0, 100.0, 0.0, 5);
  PersonList& p = f.persons;
  p[0].home = p[0].setting = Setting::Cmht;         // Throughout, 3 contacts.
  p[1].home = p[1].setting = Setting::Outpatients;  // Throughout, 2 contacts.
  p[2].home = p[2].setting = Setting::Cmht;         // Discharged in the window: left out.
  p[3].home = p[3].setting = Setting::PrimaryCare;  // Joins a CMHT in the window: left out.
  p[4].home = p[4].setting = Setting::Cmht;         // Throughout, no contacts.
  f.tally.open_window();
  f.tally.secondary_contacts(p[0], 120.0, 3);
  f.tally.secondary_contacts(p[1], 130.0, 2);
  f.tally.secondary_contacts(p[2], 130.0, 1);
  p[2].home = p[2].setting = Setting::PrimaryCare;
  f.tally.outside_secondary_care(p[2]);
  p[3].home = p[3].setting = Setting::Cmht;
  f.tally.secondary_contacts(p[3], 150.0, 1);
  const ReplicationOutcome o = f.tally.finish(200.0, 0);
  CHECK(o.metrics[testing::metric_index("secondary_care_two_or_fewer_contacts_share")] ==
        Approx(2.0 / 3.0));
}

TEST_CASE("the CMHT vacancy rate is the mean share of posts vacant at recorded month ends",
          "[pathway][cmht]") {
  // Every post starts vacant with a 10-day delay: vacant at the first month end, filled after it.
  Fixture f(0.0, 1000.0, 1.0);
  REQUIRE(f.coordinators.size() == 4);
  REQUIRE(f.coordinators.in_post() == 0);
  f.tally.close_month(0, kMonthDays, {}, {});
  CHECK(f.tally.last_month()[kCmhtCoordinatorsInPost] == 0.0);
  f.coordinators.fill_due(kMonthDays);
  f.tally.close_month(1, 2 * kMonthDays, {}, {});
  CHECK(f.tally.last_month()[kCmhtCoordinatorsInPost] == 4.0);
  const ReplicationOutcome o = f.tally.finish(2 * kMonthDays, 0);
  CHECK(o.metrics[testing::metric_index("cmht_vacancy_rate")] == Approx(0.5));
}

}  // namespace cmhsim::model::pathway
