// Tests of access to Care Partners: a stationary waiting list when capacity exceeds demand,
// diminishing returns to more FTE, patience and the maximum wait, and planned endings.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/confidence.hpp"
#include "engine/welford.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_simulation.hpp"
#include "output_lookup.hpp"
#include "pathway_test_config.hpp"
#include "series_trend.hpp"

namespace cmhsim::model {
namespace {

using pathway::PathwaySimulation;
using testing::small_place;

/// Returns the mean of `x` with its 95% Student-t interval.
engine::Estimate t_interval(const std::vector<double>& x) {
  engine::Welford w;
  for (const double v : x) w.add(v);
  return engine::confidence_interval(w);
}

/// Returns the ICS partners scenario at a third of its size: 5,000 people and 11 FTE, capacity
/// a little above the demand from people with primary care only.
PathwayConfig partners_third() {
  PathwayConfig c = small_place(testing::ics_partners_config());
  c.care_partners.fte = 11;
  return c;
}

/// Returns a place whose Care Partner posts stay vacant, so everyone offered one waits.
PathwayConfig never_allocated(double patience, double max_wait) {
  PathwayConfig c = partners_third();
  c.care_partners.vacancy_at_start_share = 1.0;
  c.care_partners.recruitment_delay_days = engine::Distribution::fixed(1e6);
  c.care_partners.waiting_patience_days = patience;
  c.policies.care_partner_max_wait_days = max_wait;
  // Fewer other ways off the list (a CMHT taking over), so the list exits are mostly these two.
  c.policies.post_crisis_cmht_probability = 0.0;
  c.policies.rereferral_struggling_days = 36000.0;
  return c;
}

/// Returns a place where Care Partner episodes end only by the planned-ending rules: everyone
/// offered one at day 0, nobody deteriorates, disengages, or loses a worker.
PathwayConfig planned_endings() {
  PathwayConfig c = small_place(testing::ics_partners_config());
  c.care_partners.fte = 20;
  c.care_partners.vacancy_at_start_share = 0.0;
  c.care_partners.turnover_per_year = 0.0;
  c.care_partners.disengage_probability = 0.0;
  c.supervision.turnover_per_year = 0.0;
  c.clinical.stable_to_struggling_per_year = 0.0;
  c.population.initial_struggling_share = 0.0;
  c.warm_start = WarmStartConfig{true, 0, 0, 0, 500, 0};
  c.horizon_days = 3 * 365.25;
  c.warmup_days = 0.0;
  return c;
}

}  // namespace

TEST_CASE("with capacity above demand the Care Partner waiting list is flat after warm-up",
          "[pathway][care_partner_access]") {
  const PathwayConfig c = partners_third();
  const std::size_t waiting = testing::series_index("waiting_care_partner");
  const std::size_t list = testing::metric_index("care_partner_waiting_list");
  const std::size_t n = PathwayModel::series_infos().size();
  const double capacity = c.care_partners.fte * c.care_partners.caseload_per_fte;
  std::vector<double> drifts;
  std::vector<double> means;
  for (std::uint64_t rep = 0; rep < 8; ++rep) {
    const ReplicationOutcome o = PathwayModel(c, engine::RngKey{101, rep}).run();
    std::vector<double> y;
    for (std::size_t m = 0; m < o.months; ++m) y.push_back(o.series[m * n + waiting]);
    REQUIRE(y.size() == 60);
    drifts.push_back(testing::least_squares_slope(y) * static_cast<double>(y.size()));
    means.push_back(o.metrics[list]);
  }
  const engine::Estimate drift = t_interval(drifts);
  const engine::Estimate level = t_interval(means);
  INFO("drift over the observed months " << drift.mean << " [" << drift.lo << ", " << drift.hi
                                         << "] people; mean list " << level.mean
                                         << "; caseload capacity " << capacity);
  // The list is nearly empty (the mean list is too small to scale the drift by), so the drift
  // is measured against the caseload capacity: without patience, a maximum wait and planned
  // endings the list grew by more than the whole capacity over these years. The people with
  // primary care only, who are offered Care Partners, grow by about a tenth over them as
  // outpatient lists discharge, so a little upward drift is demand's.
  CHECK(level.mean > 0.0);
  CHECK(level.hi < 0.02 * capacity);
  CHECK(drift.lo > -0.05 * capacity);
  CHECK(drift.hi < 0.05 * capacity);
}

TEST_CASE("more Care Partner FTE reaches more people with diminishing returns",
          "[pathway][care_partner_access][monotone]") {
  const std::vector<double> ftes{5, 10, 20, 40};
  const std::size_t reached = testing::metric_index("care_partner_people_reached_per_year");
  const std::size_t wait = testing::metric_index("care_partner_mean_wait_days");
  std::vector<double> first;   // Reached per extra FTE from 5 to 10, minus from 10 to 20.
  std::vector<double> second;  // From 10 to 20, minus from 20 to 40.
  std::vector<double> waits_drop;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    std::vector<double> r;
    std::vector<double> w;
    for (const double fte : ftes) {
      PathwayConfig c = partners_third();
      c.care_partners.fte = fte;
      const ReplicationOutcome o = PathwayModel(c, engine::RngKey{103, rep}).run();
      r.push_back(o.metrics[reached]);
      w.push_back(o.metrics[wait]);
    }
    const double d1 = (r[1] - r[0]) / 5.0;
    const double d2 = (r[2] - r[1]) / 10.0;
    const double d3 = (r[3] - r[2]) / 20.0;
    INFO("replication " << rep << ": reached per extra FTE " << d1 << ", " << d2 << ", " << d3
                        << "; waits " << w[0] << ", " << w[1] << ", " << w[2] << ", " << w[3]);
    CHECK(r[1] > r[0]);
    CHECK(w[1] < w[0]);
    CHECK(w[2] <= w[1]);
    CHECK(w[3] <= w[2]);
    first.push_back(d1 - d2);
    second.push_back(d2 - d3);
    waits_drop.push_back((w[0] - w[1]) / 5.0 - (w[1] - w[2]) / 10.0);
  }
  const engine::Estimate a = t_interval(first);
  const engine::Estimate b = t_interval(second);
  const engine::Estimate dw = t_interval(waits_drop);
  INFO("shrinking increments " << a.mean << " [" << a.lo << ", " << a.hi << "], " << b.mean << " ["
                               << b.lo << ", " << b.hi << "]; wait " << dw.mean << " [" << dw.lo
                               << ", " << dw.hi << "]");
  CHECK(a.lo > 0.0);
  CHECK(b.lo > 0.0);
  CHECK(dw.lo > 0.0);
}

TEST_CASE("people leave the Care Partner list at the rate their patience sets",
          "[pathway][care_partner_access]") {
  const double patience = 60.0;
  const PathwayConfig c = never_allocated(patience, 0.0);
  PathwaySimulation sim(c, engine::RngKey{105, 0}, nullptr);
  const ReplicationOutcome o = sim.run();
  const pathway::CpListExits& exits = sim.care_partner_list_exits();
  const ServiceOutcome* line = nullptr;
  for (const ServiceOutcome& s : o.services) {
    if (s.name == "care_partners") line = &s;
  }
  REQUIRE(line != nullptr);
  CHECK(exits.max_wait == 0);
  REQUIRE(exits.patience > 500);
  // Leaving hazard = patience exits over person-days on the list (every waiting day counts,
  // whatever ends the wait), which estimates 1 / patience without bias.
  const double person_days = (*line)[ServiceMetric::MeanInQueue] * (c.horizon_days - c.warmup_days);
  const double rate = static_cast<double>(exits.patience) / person_days;
  const double se = rate / std::sqrt(static_cast<double>(exits.patience));
  INFO("rate " << rate << " per day, 1/patience " << 1.0 / patience);
  CHECK(std::abs(rate - 1.0 / patience) < 3.0 * se);
}

TEST_CASE("the maximum wait removes everyone still waiting at exactly that wait",
          "[pathway][care_partner_access]") {
  const double patience = 90.0;
  const double max_wait = 90.0;
  const PathwayConfig c = never_allocated(patience, max_wait);
  PathwaySimulation sim(c, engine::RngKey{107, 0}, nullptr);
  sim.run();
  const pathway::CpListExits& exits = sim.care_partner_list_exits();
  REQUIRE(exits.max_wait > 200);
  REQUIRE(exits.patience > 200);
  CHECK(exits.max_wait_days / static_cast<double>(exits.max_wait) ==
        Approx(max_wait).epsilon(1e-4));
  // Patience alone: P(wait >= max) = exp(-max / patience); other exits (death, a CMHT) only
  // lower it a little.
  const double total = static_cast<double>(exits.max_wait + exits.patience);
  const double share = static_cast<double>(exits.max_wait) / total;
  const double expected = std::exp(-max_wait / patience);
  const double se = std::sqrt(expected * (1.0 - expected) / total);
  INFO("share removed at the maximum " << share << ", expected " << expected);
  CHECK(share < expected + 3.0 * se);
  CHECK(share > expected - 3.0 * se - 0.03);
  // The mean wait of those who left of their own accord is that of an exponential below max.
  const double own = exits.patience_days / static_cast<double>(exits.patience);
  const double e = std::exp(-max_wait / patience);
  const double truncated_mean = patience - max_wait * e / (1.0 - e);
  CHECK(own == Approx(truncated_mean).epsilon(0.08));
}

TEST_CASE("a Care Partner episode ends at the maximum length when no goal is met",
          "[pathway][care_partner_access]") {
  PathwayConfig c = planned_endings();
  c.care_partners.goal_set_probability = 0.0;  // No goals: only the maximum ends an episode.
  c.care_partners.max_episode_days = 200.0;
  // Counts the day-0 cohort alive, and alive on a caseload, at each month end.
  struct Count {
    double time, alive, on;
  };
  auto counter = [](std::vector<Count>& out) {
    return [&out](const PathwaySimulation& s) {
      Count k{s.now(), 0.0, 0.0};
      for (std::uint32_t id = 0; id < 500; ++id) {
        const pathway::Person& p = s.persons()[id];
        if (!p.has(pathway::kAlive)) continue;
        k.alive += 1.0;
        if (p.cp_worker != pathway::kNone) k.on += 1.0;
      }
      out.push_back(k);
    };
  };
  std::vector<Count> capped;
  PathwaySimulation sim(c, engine::RngKey{109, 0}, nullptr);
  sim.month_observer = counter(capped);
  sim.run();
  REQUIRE(capped.size() == 36);
  // Everyone offered at day 0 is allocated and stays while alive until day 200, then leaves.
  for (const Count& k : capped) {
    INFO("day " << k.time);
    CHECK(k.on == (k.time < 200.0 ? k.alive : 0.0));
  }
  CHECK(capped.back().alive > 400.0);

  c.care_partners.max_episode_days = 0.0;  // No maximum: nobody leaves.
  std::vector<Count> open;
  PathwaySimulation uncapped(c, engine::RngKey{109, 0}, nullptr);
  uncapped.month_observer = counter(open);
  uncapped.run();
  for (const Count& k : open) CHECK(k.on == k.alive);
}

TEST_CASE("a Care Partner discharges once the goals are met and the person is stable",
          "[pathway][care_partner_access]") {
  PathwayConfig c = planned_endings();
  c.care_partners.max_episode_days = 0.0;
  c.care_partners.goal_set_probability = 1.0;
  c.care_partners.discharge_goals = 2;
  c.care_partners.discharge_stable_days = 0.0;
  PathwaySimulation sim(c, engine::RngKey{111, 0}, nullptr);
  std::vector<bool> was_on(500, false);
  std::size_t ended = 0;
  std::size_t early = 0;
  std::size_t overdue = 0;
  sim.month_observer = [&](const PathwaySimulation& s) {
    for (std::uint32_t id = 0; id < 500; ++id) {
      const pathway::Person& p = s.persons()[id];
      if (!p.has(pathway::kAlive)) continue;
      const bool on = p.cp_worker != pathway::kNone;
      if (was_on[id] && !on) {
        ++ended;
        if (p.cp_goals < 2 || p.has(pathway::kGoalOpen)) ++early;
      }
      // The month end's checks have run: nobody left on a caseload meets the rule.
      if (on && p.cp_goals >= 2 && !p.has(pathway::kGoalOpen) && p.setting == p.home) ++overdue;
      was_on[id] = on;
    }
  };
  sim.run();
  CHECK(ended > 100);
  CHECK(early == 0);
  CHECK(overdue == 0);
}

}  // namespace cmhsim::model
