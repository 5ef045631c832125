// Tests of the pathway model's health economics: discounting against its closed form, utilities
// by state, and the QALYs and discounted costs of a run against its own monthly series.
#include "model/economics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/person.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::discounted_years;

/// Returns the closed form of the integral of 1.035^-t from 0 to `years`.
double closed_form(double rate, double years) {
  return (1.0 - std::pow(1.0 + rate, -years)) / std::log(1.0 + rate);
}

}  // namespace

TEST_CASE("discounted years follow the closed form of continuous discounting",
          "[pathway][economics]") {
  CHECK(discounted_years(0.035, 0.0, 10.0) == Approx(closed_form(0.035, 10.0)).epsilon(1e-14));
  CHECK(discounted_years(0.035, 0.0, 10.0) == Approx(8.4613).epsilon(1e-4));
  CHECK(discounted_years(0.0, 2.0, 5.0) == 3.0);
  CHECK(discounted_years(0.035, 5.0, 5.0) == 0.0);
  CHECK(pathway::discount_factor(0.035, 2.0) == Approx(1.0 / (1.035 * 1.035)).epsilon(1e-15));
  CHECK(pathway::mean_discount_factor(0.0, 1.0, 2.0) == 1.0);
  CHECK(pathway::mean_discount_factor(0.035, 0.0, 1.0) ==
        Approx(0.035 / 1.035 / std::log(1.035)).epsilon(1e-12));
  CHECK(pathway::mean_discount_factor(0.035, 3.0, 3.0) == pathway::discount_factor(0.035, 3.0));
}

TEST_CASE("a person held in one state accrues its utility times the discounted years",
          "[pathway][economics]") {
  // The observer adds the month-end utility times each recorded month's discounted years.
  EconomicsConfig e{0.035, 0.035, 0.92, 0.76, 0.60, 0.55};
  const double u = pathway::utility(e, ClinicalState::Struggling, Setting::Cmht);
  const double month = pathway::kMonthDays / pathway::kYearDays;
  double qalys = 0.0;
  for (int m = 0; m < 120; ++m) qalys += u * discounted_years(0.035, m * month, (m + 1) * month);
  CHECK(qalys == Approx(0.76 * closed_form(0.035, 10.0)).epsilon(1e-12));
  CHECK(qalys < 0.76 * 10.0);
}

TEST_CASE("utilities follow the state, and a bed overrides it", "[pathway][economics]") {
  const EconomicsConfig e{0.035, 0.035, 0.9, 0.7, 0.5, 0.4};
  CHECK(pathway::utility(e, ClinicalState::Stable, Setting::PrimaryCare) == 0.9);
  CHECK(pathway::utility(e, ClinicalState::Stable, Setting::CarePartner) == 0.9);
  CHECK(pathway::utility(e, ClinicalState::Struggling, Setting::Outpatients) == 0.7);
  CHECK(pathway::utility(e, ClinicalState::Crisis, Setting::CrisisTeam) == 0.5);
  CHECK(pathway::utility(e, ClinicalState::Crisis, Setting::Inpatient) == 0.4);
  CHECK(pathway::utility(e, ClinicalState::Stable, Setting::Inpatient) == 0.4);
}

TEST_CASE("a run's QALYs and discounted costs are its monthly series, discounted",
          "[pathway][economics]") {
  PathwayConfig c = testing::small_place(testing::ics_baseline_config());
  c.population.register_size = 1500;
  c.horizon_days = 3 * 365.25;
  c.warmup_days = 365.25;
  c.economics = EconomicsConfig{0.05, 0.02, 1.0, 1.0, 1.0, 1.0};
  PathwayModel model(c, engine::RngKey{5, 1});
  const ReplicationOutcome out = model.run();
  const std::size_t n = PathwayModel::series_infos().size();
  REQUIRE(out.months > 20);
  const double month = pathway::kMonthDays / pathway::kYearDays;
  // The first recorded month starts at the first month end at or after the warm-up.
  const double first = std::ceil(c.warmup_days / pathway::kMonthDays - 1e-9) * pathway::kMonthDays;
  double qalys = 0.0;
  double cost = 0.0;
  for (std::size_t m = 0; m < out.months; ++m) {
    const double from =
        (first - c.warmup_days) / pathway::kYearDays + month * static_cast<double>(m);
    double living = 0.0;
    for (std::size_t s = 0; s < kSettingCount; ++s) {
      living += out.series[m * n + pathway::setting_series(static_cast<Setting>(s))];
    }
    double month_cost = 0.0;
    for (std::size_t k = 0; k < pathway::kCostKindCount; ++k) {
      month_cost += out.series[m * n + pathway::cost_series(static_cast<pathway::CostKind>(k))];
    }
    qalys += living * discounted_years(0.02, from, from + month);
    cost += month_cost * pathway::mean_discount_factor(0.05, from, from + month);
  }
  const double people = out.metrics[pathway::kMPeopleObserved];
  CHECK(people >= 1500.0 * 0.9);
  CHECK(out.metrics[pathway::kMQalysPerPerson] == Approx(qalys / people).epsilon(1e-9));
  CHECK(out.metrics[pathway::kMDiscountedCostPerPerson] == Approx(cost / people).epsilon(1e-9));
  // Everyone's utility is 1, so QALYs are below the discounted years of the two observed years.
  CHECK(out.metrics[pathway::kMQalysPerPerson] < closed_form(0.02, 2.0));
  CHECK(out.metrics[pathway::kMQalysPerPerson] > 0.5);
}

TEST_CASE("lower utilities and a higher discount rate give fewer QALYs", "[pathway][economics]") {
  PathwayConfig c = testing::small_place(testing::ics_baseline_config());
  c.population.register_size = 1000;
  c.horizon_days = 2 * 365.25;
  c.warmup_days = 365.25;
  const double full =
      PathwayModel(c, engine::RngKey{9, 1}).run().metrics[pathway::kMQalysPerPerson];
  c.economics.utility_stable = 0.5;
  const double lower =
      PathwayModel(c, engine::RngKey{9, 1}).run().metrics[pathway::kMQalysPerPerson];
  c.economics.discount_rate_qalys = 0.5;
  const double discounted =
      PathwayModel(c, engine::RngKey{9, 1}).run().metrics[pathway::kMQalysPerPerson];
  CHECK(lower < full);
  CHECK(discounted < lower);
}

}  // namespace cmhsim::model
