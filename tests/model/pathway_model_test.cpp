// Tests of the pathway model: output tables, conservation, recorder contract, determinism,
// common random numbers and monotone responses to Care Partner and supervision capacity.
#include "model/pathway_model.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "model/pathway_outputs.hpp"
#include "model/pathway_simulation.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::PathwaySimulation;

using testing::small_place;

/// Records what the model reports.
class CapturingRecorder : public Recorder {
 public:
  std::vector<std::size_t> months;
  std::vector<double> values;
  std::vector<PersonSummary> people;
  void record_month(std::size_t month, std::span<const double> v) override {
    months.push_back(month);
    values.insert(values.end(), v.begin(), v.end());
  }
  void record_person(const PersonSummary& p) override { people.push_back(p); }
};

std::size_t series_index(const std::string& name) {
  const auto& infos = PathwayModel::series_infos();
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (infos[i].name == name) return i;
  }
  FAIL("no series " << name);
  return 0;
}

std::size_t metric_index(const std::string& name) {
  const auto& infos = PathwayModel::metric_infos();
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (infos[i].name == name) return i;
  }
  FAIL("no metric " << name);
  return 0;
}

double series_mean(const ReplicationOutcome& o, std::size_t k) {
  const std::size_t n = PathwayModel::series_infos().size();
  double sum = 0.0;
  for (std::size_t m = 0; m < o.months; ++m) sum += o.series[m * n + k];
  return sum / static_cast<double>(o.months);
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

TEST_CASE("output tables name every metric and series once, as the spec lists", "[pathway]") {
  const auto& metrics = PathwayModel::metric_infos();
  const auto& series = PathwayModel::series_infos();
  REQUIRE(metrics.size() == pathway::kMetricCount);
  REQUIRE(series.size() == pathway::kSeriesCount);
  std::set<std::string> names;
  for (const auto& m : metrics) {
    CHECK(!m.unit.empty());
    CHECK(!m.description.empty());
    names.insert(m.name);
  }
  CHECK(names.size() == metrics.size());
  for (const char* n : {"people_in_gap",
                        "crises_per_1000_per_year",
                        "admissions_per_1000_per_year",
                        "bed_occupancy",
                        "out_of_area_placements_per_year",
                        "readmission_12m_after_crisis",
                        "primary_care_only_share_12m",
                        "secondary_care_two_or_fewer_contacts_share",
                        "cmht_mean_wait_days",
                        "physical_health_check_coverage",
                        "care_partner_contacts_per_person",
                        "care_partner_no_contact_share",
                        "care_partners_in_post",
                        "supervision_coverage",
                        "mean_quality_of_life",
                        "mortality_ratio_under_75",
                        "deaths_per_1000_per_year",
                        "deaths_per_1000_per_year_cardiovascular",
                        "deaths_per_1000_per_year_other_natural",
                        "deaths_per_1000_per_year_suicide",
                        "deaths_per_1000_per_year_other_external",
                        "life_years_lost",
                        "life_years_lost_men",
                        "life_years_lost_women",
                        "cost_per_person_per_year",
                        "trial_qol_change_difference",
                        "trial_qol_change_difference_ci_lo",
                        "trial_qol_change_difference_ci_hi",
                        "trial_contacts_mean",
                        "trial_no_contact_share",
                        "care_partner_mean_wait_days",
                        "care_partner_waiting_list",
                        "care_partner_vacancy_rate",
                        "care_partner_leavers_per_year",
                        "care_partner_people_reached_per_year",
                        "stepdown_primary_care_only_share_3y",
                        "stepdown_returned_to_secondary_share_3y",
                        "stepdown_cohort_size",
                        "crises_per_1000_per_year.by_network.formal_sparse",
                        "mean_quality_of_life.by_ethnicity.black",
                        "care_partner_contacts_per_person.by_diagnosis.bipolar",
                        "primary_care_only_share_12m.by_network.diverse_active"}) {
    CHECK(names.count(n) == 1);
  }
  std::set<std::string> snames;
  for (const auto& s : series) snames.insert(s.name);
  CHECK(snames.size() == series.size());
  CHECK(snames.count("people_inpatient") == 1);
  CHECK(snames.count("cost_out_of_area") == 1);
}

TEST_CASE("every living person is in exactly one setting and caseloads stay within caps",
          "[pathway][conservation]") {
  PathwayConfig c = small_place(testing::ics_partners_config());
  c.care_partners.fte = 8;  // Scarce: a waiting list forms and caps bind.
  PathwaySimulation sim(c, engine::RngKey{7, 0}, nullptr);
  std::size_t months = 0;
  std::size_t bound_caps = 0;
  std::size_t waiting_months = 0;
  sim.month_observer = [&](const PathwaySimulation& s) {
    ++months;
    if (s.care_partner_waiting() > 0) ++waiting_months;
    const auto& v = s.last_month();
    double by_setting = 0.0;
    for (std::size_t k = 0; k < kSettingCount; ++k) by_setting += v[k];
    REQUIRE(by_setting == static_cast<double>(s.alive()));
    std::uint64_t living = 0;
    for (const auto& p : s.persons()) living += p.has(pathway::kAlive) ? 1 : 0;
    REQUIRE(living == s.alive());
    REQUIRE(s.deaths() + s.migrated() + s.alive() == s.persons().size());
    // Vacant coordinator posts lower the slots without evicting anyone: the caseload stays
    // within the funded slots, and people wait only while it is at or above the slots in post.
    REQUIRE(s.cmht().busy() <=
            static_cast<int>(std::floor(
                c.services.cmht_coordinators_fte * c.services.cmht_caseload_per_fte + 1e-9)));
    if (s.cmht().waiting() > 0) REQUIRE(s.cmht().busy() >= s.cmht().servers());
    for (std::size_t k = 0; k < s.workforce().size(); ++k) {
      const auto& post = s.workforce().post(k);
      REQUIRE(post.caseload.size() <= post.caseload_cap);
      if (!post.in_post) REQUIRE(post.caseload.empty());
      if (post.caseload.size() == post.caseload_cap) ++bound_caps;
      for (std::uint32_t id : post.caseload) {
        REQUIRE(s.persons()[id].cp_worker == k);
        REQUIRE(s.persons()[id].has(pathway::kAlive));
      }
    }
  };
  const ReplicationOutcome out = sim.run();
  CHECK(months == static_cast<std::size_t>(6 * 12));
  CHECK(out.months == 5 * 12);
  CHECK(bound_caps > 0);
  // A waiting list forms: most months end with people on it.
  CHECK(waiting_months > months / 2);
}

TEST_CASE("recorder receives consecutive months matching the outcome series", "[pathway]") {
  const PathwayConfig c = small_place(testing::ics_baseline_config());
  CapturingRecorder rec;
  PathwayModel model(c, engine::RngKey{3, 1}, &rec);
  const ReplicationOutcome out = model.run();
  REQUIRE(out.months == rec.months.size());
  for (std::size_t i = 0; i < rec.months.size(); ++i) REQUIRE(rec.months[i] == i);
  CHECK(same_bits(rec.values, out.series));
  CHECK(out.metrics.size() == PathwayModel::metric_infos().size());
  CHECK(out.services.size() == 5);
  CHECK(rec.people.size() > c.population.register_size / 2);
  CHECK(out.events > 0);
}

TEST_CASE("same config and key give bit-identical outcomes; another replication differs",
          "[pathway][determinism]") {
  const PathwayConfig c = small_place(testing::ics_partners_config());
  PathwayModel a(c, engine::RngKey{11, 2});
  PathwayModel b(c, engine::RngKey{11, 2});
  PathwayModel other(c, engine::RngKey{11, 3});
  const ReplicationOutcome oa = a.run();
  const ReplicationOutcome ob = b.run();
  const ReplicationOutcome oc = other.run();
  CHECK(same_bits(oa.metrics, ob.metrics));
  CHECK(same_bits(oa.series, ob.series));
  CHECK(oa.events == ob.events);
  CHECK_FALSE(same_bits(oa.series, oc.series));
}

TEST_CASE("Care Partner capacity does not change who the synthesised people are",
          "[pathway][crn]") {
  PathwayConfig none = small_place(testing::ics_baseline_config());
  PathwayConfig many = small_place(testing::ics_partners_config());
  PathwaySimulation a(none, engine::RngKey{5, 0}, nullptr);
  PathwaySimulation b(many, engine::RngKey{5, 0}, nullptr);
  a.run();
  b.run();
  const std::size_t n = std::min(a.persons().size(), b.persons().size());
  REQUIRE(n >= none.population.register_size);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& x = a.persons()[i];
    const auto& y = b.persons()[i];
    REQUIRE(x.age0 == y.age0);
    REQUIRE(x.entry_time == y.entry_time);
    REQUIRE(x.engagement == y.engagement);
    REQUIRE(x.diagnosis == y.diagnosis);
    REQUIRE(x.network == y.network);
    REQUIRE(x.ethnicity == y.ethnicity);
    REQUIRE(x.male == y.male);
    REQUIRE(x.lives_alone == y.lives_alone);
    REQUIRE(x.practice == y.practice);
  }
  // Dynamics do differ: Care Partners change who is where.
  CHECK(a.persons().size() == b.persons().size());
}

TEST_CASE("a yearly health check takes place or not alike in every scenario", "[pathway][crn]") {
  // Support changes the chance of a check; with the same chance either way, whether a check
  // takes place depends only on the person and the check's year, whatever else differs.
  PathwayConfig none = small_place(testing::ics_baseline_config());
  PathwayConfig many = small_place(testing::ics_partners_config());
  for (PathwayConfig* c : {&none, &many}) {
    c->services.physical_check_with_support = c->services.physical_check_probability;
  }
  PathwaySimulation a(none, engine::RngKey{9, 0}, nullptr);
  PathwaySimulation b(many, engine::RngKey{9, 0}, nullptr);
  a.run();
  b.run();
  const double window_start = none.horizon_days - 365.25;
  std::size_t compared = 0;
  std::size_t checked = 0;
  std::size_t moved = 0;  // People whose care differed between the two runs.
  const std::size_t n = std::min(a.persons().size(), b.persons().size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& x = a.persons()[i];
    const auto& y = b.persons()[i];
    // Alive at the end of both runs and on the register before the 12-month window opened.
    if (!x.has(pathway::kAlive) || !y.has(pathway::kAlive) || x.entry_time >= window_start) {
      continue;
    }
    ++compared;
    if (x.home != y.home || x.cp_worker != y.cp_worker) ++moved;
    REQUIRE(x.has(pathway::kWindowCheck) == y.has(pathway::kWindowCheck));
    if (x.has(pathway::kWindowCheck)) ++checked;
  }
  CHECK(compared > 3000);
  // About 30% have a check in a year; Care Partners changed many other things.
  CHECK(checked > compared / 5);
  CHECK(checked < compared / 2);
  CHECK(moved > 100);
}

TEST_CASE("more Care Partner FTE never leaves more people waiting for one", "[pathway][monotone]") {
  PathwayConfig few = small_place(testing::ics_partners_config());
  PathwayConfig more = few;
  few.care_partners.fte = 6;
  more.care_partners.fte = 14;
  const std::size_t k = series_index("waiting_care_partner");
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const ReplicationOutcome a = PathwayModel(few, engine::RngKey{21, rep}).run();
    const ReplicationOutcome b = PathwayModel(more, engine::RngKey{21, rep}).run();
    INFO("replication " << rep);
    CHECK(series_mean(b, k) <= series_mean(a, k));
    CHECK(series_mean(a, k) > 0.0);
  }
}

TEST_CASE("without supervision Care Partners lose competence and leave more",
          "[pathway][monotone]") {
  PathwayConfig ample = small_place(testing::ics_partners_config());
  ample.care_partners.fte = 20;
  ample.supervision.supervisor_fte = 3;
  PathwayConfig none = ample;
  none.supervision.supervisor_fte = 0;
  const std::size_t coverage = metric_index("supervision_coverage");
  const std::size_t in_post = metric_index("care_partners_in_post");
  std::uint64_t leavers_none = 0;
  std::uint64_t leavers_ample = 0;
  double in_post_none = 0.0;
  double in_post_ample = 0.0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    PathwaySimulation a(ample, engine::RngKey{31, rep}, nullptr);
    PathwaySimulation b(none, engine::RngKey{31, rep}, nullptr);
    const ReplicationOutcome oa = a.run();
    const ReplicationOutcome ob = b.run();
    CHECK(oa.metrics[coverage] == Approx(1.0));
    CHECK(ob.metrics[coverage] == 0.0);
    auto mean_competence = [](const pathway::Workforce& w) {
      double sum = 0.0;
      double n = 0.0;
      for (std::size_t k = 0; k < w.size(); ++k) {
        if (!w.post(k).in_post) continue;
        sum += w.post(k).competence;
        n += 1.0;
      }
      return sum / n;
    };
    CHECK(mean_competence(b.workforce()) < mean_competence(a.workforce()));
    leavers_none += b.workforce().leavers();
    leavers_ample += a.workforce().leavers();
    in_post_none += ob.metrics[in_post];
    in_post_ample += oa.metrics[in_post];
  }
  CHECK(leavers_none > leavers_ample);
  CHECK(in_post_none < in_post_ample);
}

TEST_CASE("a trial enrols the arms in their practices and offers Care Partners to one arm",
          "[pathway][trial]") {
  const PathwayConfig c = testing::trial_config();
  PathwaySimulation sim(c, engine::RngKey{1, 0}, nullptr);
  const ReplicationOutcome out = sim.run();
  REQUIRE(sim.persons().size() == 198);
  for (const auto& p : sim.persons()) {
    if (p.trial_arm == 1) {
      CHECK(p.practice < 20);
    } else {
      REQUIRE(p.trial_arm == 2);
      CHECK(p.practice >= 20);
      CHECK(p.practice < 39);
      CHECK(p.care_partner_contacts == 0);
    }
  }
  CHECK(sim.horizon() == 304.0);
  CHECK(std::isfinite(out.metrics[metric_index("trial_qol_change_difference")]));
}

TEST_CASE("a PARTNERS2-like trial delivers about 9 contacts with about 9% never contacted",
          "[pathway][trial][validation]") {
  const PathwayConfig c = testing::trial_config();
  const std::size_t contacts = metric_index("trial_contacts_mean");
  const std::size_t none = metric_index("trial_no_contact_share");
  const std::size_t lo = metric_index("trial_qol_change_difference_ci_lo");
  const std::size_t hi = metric_index("trial_qol_change_difference_ci_hi");
  double sum_contacts = 0.0;
  double sum_none = 0.0;
  int covers_zero = 0;
  const int reps = 20;
  for (int r = 0; r < reps; ++r) {
    const ReplicationOutcome o =
        PathwayModel(c, engine::RngKey{2023, static_cast<std::uint64_t>(r)}).run();
    sum_contacts += o.metrics[contacts];
    sum_none += o.metrics[none];
    if (o.metrics[lo] <= 0.0 && 0.0 <= o.metrics[hi]) ++covers_zero;
  }
  CHECK(sum_contacts / reps >= 7.0);
  CHECK(sum_contacts / reps <= 11.0);
  CHECK(sum_none / reps >= 0.04);
  CHECK(sum_none / reps <= 0.15);
  CHECK(covers_zero > reps / 2);
}

TEST_CASE("the ICS baseline lands in published ranges for crises, admissions and mortality",
          "[pathway][validation]") {
  const PathwayConfig c = testing::ics_baseline_config();
  const ReplicationOutcome o = PathwayModel(c, engine::RngKey{99, 0}).run();
  const double crises = o.metrics[metric_index("crises_per_1000_per_year")];
  const double admissions = o.metrics[metric_index("admissions_per_1000_per_year")];
  const double mortality = o.metrics[metric_index("mortality_ratio_under_75")];
  CHECK(crises >= 100.0);
  CHECK(crises <= 250.0);
  CHECK(admissions >= 30.0);
  CHECK(admissions <= 100.0);
  // Premature mortality at least the all-age hazard ratios of 1.79-2.08 (Hayes et al. 2017):
  // the excess is largest at younger ages. Life-years lost within 8.0-17.5 (Chang et al. 2011).
  CHECK(mortality >= 1.79);
  const double lost = o.metrics[metric_index("life_years_lost")];
  CHECK(lost >= 8.0);
  CHECK(lost <= 17.5);
  // About a third of the register with primary care only (31% in 2012, Reilly et al. 2012,
  // discharge increasing since). Beds come from the place's capacity, not sized to an occupancy:
  // the register's stays must fit in them (docs/calibration.md compares the occupancy with the
  // national figure).
  const double primary_only = o.metrics[metric_index("primary_care_only_share_12m")];
  CHECK(primary_only >= 0.25);
  CHECK(primary_only <= 0.45);
  const double occupancy = o.metrics[metric_index("bed_occupancy")];
  CHECK(occupancy > 0.0);
  CHECK(occupancy <= 0.95);
  CHECK(o.months == 96);
}

TEST_CASE("fewer beds fill the rest and place more people out of area", "[pathway][monotone]") {
  PathwayConfig ample = small_place(testing::ics_baseline_config());
  PathwayConfig short_beds = ample;
  short_beds.services.acute_beds_per_100k_adults = 8;
  const std::size_t ooa = metric_index("out_of_area_placements_per_year");
  const std::size_t occupancy = metric_index("bed_occupancy");
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const ReplicationOutcome a = PathwayModel(ample, engine::RngKey{41, rep}).run();
    const ReplicationOutcome b = PathwayModel(short_beds, engine::RngKey{41, rep}).run();
    CHECK(b.metrics[ooa] > a.metrics[ooa]);
    CHECK(b.metrics[occupancy] > a.metrics[occupancy]);
    CHECK(b.metrics[occupancy] <= 1.0);
  }
}

}  // namespace cmhsim::model
