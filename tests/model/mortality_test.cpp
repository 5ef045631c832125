// Tests of the mortality functions against closed forms: cumulative hazards, the time-to-death
// solver (by inversion and by simulation), cause shares and life tables on hand-built cases.
#include "model/mortality.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "engine/random_stream.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model::mortality {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Returns the default mortality parameters of the parameter table.
MortalityConfig defaults() { return testing::ics_baseline_config().mortality; }

/// Returns a config whose hazards are a pure Gompertz a e^(b x) for both sexes and all causes
/// natural, with no excess: the textbook case.
MortalityConfig gompertz_only(double log_a, double b) {
  MortalityConfig m = defaults();
  m.gompertz_log_a = {log_a, log_a};
  m.gompertz_b = {b, b};
  m.suicide_per_100k = {0.0, 0.0};
  m.other_external_per_100k = {0.0, 0.0};
  m.cardiovascular_ratio = {1.0, 1.0, 1.0};
  m.other_natural_ratio = {1.0, 1.0, 1.0};
  return m;
}

/// Integrates the hazard of state `s` over [a1, a2] numerically (Simpson, fine steps), one
/// smooth piece at a time between the excess bands' edges.
double numeric_cumulative(const MortalityConfig& m, const HazardState& s, double a1, double a2) {
  double total = 0.0;
  for (const double edge : {45.0, 65.0, a2}) {
    const double hi = std::min(edge, a2);
    if (!(hi > a1)) continue;
    constexpr int kSteps = 20000;
    const double h = (hi - a1) / kSteps;
    double sum = 0.0;
    for (int i = 0; i <= kSteps; ++i) {
      // Evaluates just inside the piece so the band is the piece's own.
      const double x = std::clamp(a1 + h * i, a1 + 1e-9, hi - 1e-9);
      const CauseHazards c = cause_hazards(m, s, x);
      const double hazard = std::accumulate(c.begin(), c.end(), 0.0);
      sum += hazard * (i == 0 || i == kSteps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0));
    }
    total += sum * h / 3.0;
    a1 = hi;
  }
  return total;
}

}  // namespace

TEST_CASE("a pure Gompertz hazard has the closed-form cumulative hazard and inverse",
          "[mortality]") {
  const MortalityConfig m = gompertz_only(-10.0, 0.09);
  const HazardState s{true, Diagnosis::Schizophrenia, false, false};
  const double a = std::exp(-10.0);
  const double expected = a / 0.09 * (std::exp(0.09 * 70.0) - std::exp(0.09 * 30.0));
  CHECK(cumulative_hazard(m, s, 30.0, 70.0, 0.0) == Approx(expected).epsilon(1e-12));
  CHECK(general_cumulative_hazard(m, true, 30.0, 70.0) == Approx(expected).epsilon(1e-12));
  // Inversion: t = ln(1 + E b / (a e^(b x0))) / b.
  for (const double e : {0.01, 0.5, 1.0, 3.0}) {
    const double t = std::log1p(e * 0.09 / (a * std::exp(0.09 * 40.0))) / 0.09;
    CHECK(years_to_death(m, s, 40.0, 0.0, e) == Approx(t).epsilon(1e-10));
  }
}

TEST_CASE("cumulative hazard across age bands and a raised-suicide window matches integration",
          "[mortality]") {
  const MortalityConfig m = defaults();
  HazardState s{false, Diagnosis::Bipolar, true, false};
  CHECK(cumulative_hazard(m, s, 30.0, 80.0, 0.0) ==
        Approx(numeric_cumulative(m, s, 30.0, 80.0)).epsilon(1e-8));
  // Raised until 50: the raised hazard to 50, the ordinary one after.
  HazardState raised = s;
  raised.suicide_raised = true;
  const double split =
      numeric_cumulative(m, raised, 30.0, 50.0) + numeric_cumulative(m, s, 50.0, 80.0);
  CHECK(cumulative_hazard(m, raised, 30.0, 80.0, 50.0) == Approx(split).epsilon(1e-8));
  // The crisis rate replaces the suicide rate while raised.
  const CauseHazards h = cause_hazards(m, raised, 40.0);
  CHECK(h[static_cast<std::size_t>(Cause::Suicide)] == Approx(m.crisis_suicide_per_100k / 1e5));
}

TEST_CASE("years to death inverts the cumulative hazard, windows and bands included",
          "[mortality]") {
  const MortalityConfig m = defaults();
  for (const bool male : {true, false}) {
    for (const bool raised : {false, true}) {
      const HazardState s{male, Diagnosis::OtherPsychosis, !male, raised};
      for (const double age : {20.0, 44.9, 60.0, 90.0}) {
        for (const double budget : {1e-4, 0.05, 0.7, 2.5}) {
          const double until = age + 0.25;
          const double t = years_to_death(m, s, age, until, budget);
          INFO("male " << male << " raised " << raised << " age " << age << " budget " << budget);
          REQUIRE(std::isfinite(t));
          CHECK(t >= 0.0);
          CHECK(cumulative_hazard(m, s, age, age + t, until) == Approx(budget).epsilon(1e-9));
        }
      }
    }
  }
}

TEST_CASE("integrals and deaths that start or end at a band edge use that edge's hazard",
          "[mortality]") {
  const MortalityConfig m = defaults();
  const Hazards hazards(m);
  for (const bool male : {true, false}) {
    const HazardState s{male, Diagnosis::Schizophrenia, male, false};
    INFO("male " << male);
    for (const auto& [a1, a2] : {std::pair{45.0, 65.0}, std::pair{30.0, 45.0},
                                 std::pair{65.0, 80.0}, std::pair{45.0, 50.0}}) {
      INFO("ages " << a1 << " to " << a2);
      CHECK(hazards.cumulative_hazard(s, a1, a2, 0.0) ==
            Approx(numeric_cumulative(m, s, a1, a2)).epsilon(1e-9));
      CHECK(hazards.general_cumulative_hazard(male, a1, a2) > 0.0);
    }
    for (const double age : {45.0, 65.0}) {
      for (const double budget : {1e-3, 0.3}) {
        const double t = hazards.years_to_death(s, age, 0.0, budget);
        CHECK(hazards.cumulative_hazard(s, age, age + t, 0.0) == Approx(budget).epsilon(1e-9));
      }
    }
  }
  // The general population's hazard has no excess, so its integral is the closed form.
  const double b = m.gompertz_b[0];
  const double closed =
      std::exp(m.gompertz_log_a[0]) / b * (std::exp(b * 65.0) - std::exp(b * 45.0)) +
      (m.suicide_per_100k[0] + m.other_external_per_100k[0]) / 1e5 * 20.0;
  CHECK(hazards.general_cumulative_hazard(true, 45.0, 65.0) == Approx(closed).epsilon(1e-12));
}

TEST_CASE("solving for death only before the horizon gives the deaths of solving at each change",
          "[mortality]") {
  // Each trial: a person with a budget and hazard changes at random times over a 10-year run.
  // Solving at every change (the budget left is the hazard from now until the death solved last)
  // and keeping only the budget left at the horizon until a change brings the death before it
  // must give the same deaths, to rounding.
  const MortalityConfig m = defaults();
  const Hazards h(m);
  engine::RandomStream rng(engine::RngKey{71, 0}, 0, 0);
  int died = 0;
  int brought_within = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    const double start = 20.0 + 60.0 * rng.uniform01();
    const double horizon = start + 10.0;
    const bool male = rng.uniform01() < 0.5;
    const auto state = [&](double age, double& raised_until) {
      const HazardState s{male, static_cast<Diagnosis>(trial % 3), rng.uniform01() < 0.5,
                          rng.uniform01() < 0.3};
      raised_until = rng.uniform01() < 0.5 ? kInfinity : age + 0.25 * rng.uniform01();
      return s;
    };
    double raised = 0.0;
    HazardState s = state(start, raised);
    const double budget = -std::log(rng.uniform01()) * (rng.uniform01() < 0.5 ? 0.05 : 1.0);
    double eager_death = start + h.years_to_death(s, start, raised, budget);
    DeathDue lazy = h.death_due(s, start, raised, horizon, budget);
    double lazy_death = lazy.within ? start + lazy.years : kInfinity;
    double t = start;
    for (int change = 0; change < 6; ++change) {
      t += 2.0 * rng.uniform01();
      if (!(t < horizon) || !(t < eager_death)) break;
      REQUIRE(t < lazy_death);
      double next_raised = 0.0;
      const HazardState next = state(t, next_raised);
      const double eager_left = h.cumulative_hazard(s, t, eager_death, raised);
      eager_death = t + h.years_to_death(next, t, next_raised, eager_left);
      const double lazy_left = lazy.within
                                   ? h.cumulative_hazard(s, t, lazy_death, raised)
                                   : h.budget_before_horizon(s, t, raised, horizon, lazy.left);
      CHECK(lazy_left == Approx(eager_left).epsilon(1e-9));
      const bool was_within = lazy.within;
      lazy = h.death_due(next, t, next_raised, horizon, lazy_left);
      lazy_death = lazy.within ? t + lazy.years : kInfinity;
      if (lazy.within && !was_within) ++brought_within;
      s = next;
      raised = next_raised;
    }
    const bool eager_within = eager_death < horizon;
    // Within 1e-9 years of the horizon either answer is right.
    if (std::abs(eager_death - horizon) < 1e-9) continue;
    CHECK(lazy.within == eager_within);
    if (eager_within) {
      ++died;
      CHECK(lazy_death == Approx(eager_death).epsilon(1e-12).margin(1e-9));
    } else {
      CHECK(lazy.left > 0.0);
    }
  }
  // Both paths ran often: deaths within the run, and deaths a change brought within it.
  INFO(died << " died within the run, " << brought_within << " brought within by a change");
  CHECK(died > 1500);
  CHECK(brought_within > 200);
}

TEST_CASE("survival from the sampler matches the analytic cumulative hazard", "[mortality]") {
  // Draw Exp(1) budgets, solve for death ages from 40 and compare the share surviving to 70 with
  // exp(-H(40, 70)) within a 99.9% binomial interval.
  const MortalityConfig m = defaults();
  const HazardState s{true, Diagnosis::Schizophrenia, false, true};
  const double until = 40.5;
  const double survival = std::exp(-cumulative_hazard(m, s, 40.0, 70.0, until));
  engine::RandomStream rng(engine::RngKey{7, 0}, 1, 3);
  constexpr int kDraws = 40000;
  int alive = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double e = -std::log(rng.uniform01());
    if (years_to_death(m, s, 40.0, until, e) > 30.0) ++alive;
  }
  const double share = static_cast<double>(alive) / kDraws;
  const double half_width = 3.29 * std::sqrt(survival * (1.0 - survival) / kDraws);
  CHECK(std::abs(share - survival) <= half_width);
  CHECK(survival > 0.5);
  CHECK(survival < 0.95);
}

TEST_CASE("the cause drawn follows the shares of the hazards", "[mortality]") {
  const CauseHazards h{1.0, 2.0, 0.0, 1.0};
  CHECK(pick_cause(h, 0.0) == Cause::Cardiovascular);
  CHECK(pick_cause(h, 0.2499) == Cause::Cardiovascular);
  CHECK(pick_cause(h, 0.25) == Cause::OtherNatural);
  CHECK(pick_cause(h, 0.7499) == Cause::OtherNatural);
  CHECK(pick_cause(h, 0.75) == Cause::OtherExternal);
  CHECK(pick_cause(h, 0.999999) == Cause::OtherExternal);
}

TEST_CASE("excess, treatment and diagnosis scale the natural causes as specified", "[mortality]") {
  const MortalityConfig m = defaults();
  const HazardState schizophrenia{true, Diagnosis::Schizophrenia, false, false};
  HazardState treated = schizophrenia;
  treated.treated = true;
  const HazardState bipolar{true, Diagnosis::Bipolar, false, false};
  const CauseHazards g = general_cause_hazards(m, true, 50.0);
  const CauseHazards a = cause_hazards(m, schizophrenia, 50.0);
  const CauseHazards t = cause_hazards(m, treated, 50.0);
  const CauseHazards b = cause_hazards(m, bipolar, 50.0);
  CHECK(a[0] == Approx(g[0] * m.cardiovascular_ratio[1]));
  CHECK(t[0] == Approx(a[0] * m.treatment_hazard_ratio));
  CHECK(t[1] == a[1]);
  CHECK(b[1] ==
        Approx(g[1] * (1.0 + (m.other_natural_ratio[1] - 1.0) * m.natural_excess_by_diagnosis[1])));
  CHECK(a[2] == Approx(g[2] * m.suicide_ratio));
  CHECK(a[3] == Approx(g[3] * m.other_external_ratio));
  CHECK(excess_age_band(44.99) == 0);
  CHECK(excess_age_band(45.0) == 1);
  CHECK(excess_age_band(65.0) == 2);
}

TEST_CASE("a life table of constant rates gives the closed-form expectancy", "[mortality]") {
  // With the same rate m in every band: q = 5m / (1 + 2.5m) per band, then 1/m in the open band.
  std::array<double, kLifeTableBands> rates{};
  rates.fill(0.02);
  const double q = 0.1 / 1.05;
  double alive = 1.0;
  double years = 0.0;
  for (std::size_t i = 0; i + 1 < kLifeTableBands; ++i) {
    years += 5.0 * (alive - 0.5 * alive * q);
    alive *= 1.0 - q;
  }
  years += alive / 0.02;
  CHECK(life_expectancy(rates) == Approx(years).epsilon(1e-12));
  // Close to the exact 1 / m of a constant hazard.
  CHECK(life_expectancy(rates) == Approx(50.0).epsilon(0.01));
  CHECK(life_table_band(14.9) == kLifeTableBands);
  CHECK(life_table_band(15.0) == 0);
  CHECK(life_table_band(84.9) == 13);
  CHECK(life_table_band(101.0) == 14);
}

TEST_CASE("life-years lost compare observed rates with the general population's", "[mortality]") {
  const MortalityConfig m = defaults();
  const std::array<double, kLifeTableBands> g = general_rates(m, false);
  std::array<double, kLifeTableBands> years{};
  std::array<double, kLifeTableBands> deaths{};
  // Observed at exactly the general rates: nothing lost.
  for (std::size_t i = 0; i < kLifeTableBands; ++i) {
    years[i] = 1000.0;
    deaths[i] = g[i] * 1000.0;
  }
  CHECK(life_years_lost(m, false, deaths, years) == Approx(0.0).margin(1e-9));
  // Doubling every rate loses years; the loss equals the two tables' difference.
  std::array<double, kLifeTableBands> doubled{};
  for (std::size_t i = 0; i < kLifeTableBands; ++i) {
    deaths[i] = 2.0 * g[i] * 1000.0;
    doubled[i] = 2.0 * g[i];
  }
  const double lost = life_expectancy(g) - life_expectancy(doubled);
  CHECK(life_years_lost(m, false, deaths, years) == Approx(lost).epsilon(1e-12));
  CHECK(lost > 3.0);
  // Bands without person-years take the general rate; no person-years at all is NaN.
  std::array<double, kLifeTableBands> none{};
  CHECK(std::isnan(life_years_lost(m, false, none, none)));
  std::array<double, kLifeTableBands> one_band{};
  std::array<double, kLifeTableBands> one_death{};
  one_band[3] = 100.0;
  one_death[3] = 100.0 * g[3];
  CHECK(life_years_lost(m, false, one_death, one_band) == Approx(0.0).margin(1e-9));
  // The general table agrees with the exact expectancy of the fitted hazard to within a year.
  CHECK(life_expectancy(g) == Approx(general_life_expectancy(m, false, 15.0)).margin(1.0));
}

TEST_CASE("the general-population fit reproduces the life expectancies it was fitted to",
          "[mortality]") {
  // ONS interim life tables, England and Wales 2010-2012: men 18.3 and 5.8 years at 65 and 85,
  // women 20.9 and 6.8.
  const MortalityConfig m = defaults();
  CHECK(general_life_expectancy(m, true, 65.0) == Approx(18.3).margin(0.1));
  CHECK(general_life_expectancy(m, true, 85.0) == Approx(5.8).margin(0.1));
  CHECK(general_life_expectancy(m, false, 65.0) == Approx(20.9).margin(0.1));
  CHECK(general_life_expectancy(m, false, 85.0) == Approx(6.8).margin(0.1));
}

}  // namespace cmhsim::model::mortality
