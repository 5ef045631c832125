// Tests warm-up detection: MSER-5 and Welch's method on series with known transients, the
// moving average, the replication means and the recommendation over several series.
#include "experiment/warmup_analysis.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <random>

using namespace cmhsim;
using experiment::WarmupMethod;

namespace {

constexpr std::size_t kMonths = 120;
constexpr double kNoise = 1.0;

/// Returns `shape(t)` plus iid normal noise of sd kNoise for t = 0..kMonths-1.
std::vector<double> noisy(const std::function<double(double)>& shape, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, kNoise);
  std::vector<double> y(kMonths);
  for (std::size_t t = 0; t < kMonths; ++t) y[t] = shape(static_cast<double>(t)) + noise(rng);
  return y;
}

/// Returns 100 exp(-t / 6): below 3.6 noise sd after month 20, below 0.06 after month 45.
double decay(double t) { return 100.0 * std::exp(-t / 6.0); }

/// Returns 10 before month 40 and 0 from then on.
double step(double t) { return t < 40.0 ? 10.0 : 0.0; }

/// Returns the truncation `method` gives `series` (Welch with the default options).
std::size_t truncation(WarmupMethod method, const std::vector<double>& series) {
  return method == WarmupMethod::Mser5
             ? experiment::mser5_truncation(series).observations
             : experiment::welch_truncation(series, experiment::WelchOptions{}).observations;
}

/// Returns the truncations of `shape` plus noise for seeds 1..21, sorted.
std::vector<std::size_t> over_seeds(WarmupMethod method,
                                    const std::function<double(double)>& shape) {
  std::vector<std::size_t> out;
  for (std::uint32_t seed = 1; seed <= 21; ++seed)
    out.push_back(truncation(method, noisy(shape, seed)));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("both methods cut an exponential decay where it has sunk to the noise", "[warmup]") {
  for (const auto method : {WarmupMethod::Mser5, WarmupMethod::Welch}) {
    INFO(experiment::warmup_method_name(method));
    const auto cuts = over_seeds(method, decay);
    // Never while the transient is still above 3.5 noise sd; typically once it is well below 1.
    CHECK(cuts.front() >= 20);
    CHECK(cuts[cuts.size() / 2] >= 25);
    CHECK(cuts[cuts.size() / 2] <= 45);
  }
  const auto one = experiment::mser5_truncation(noisy(decay, 7));
  CHECK(one.observations % experiment::kMserBatchSize == 0);
}

TEST_CASE("both methods cut a stationary series at or near its start", "[warmup]") {
  const auto level = [](double) { return 50.0; };
  for (const auto method : {WarmupMethod::Mser5, WarmupMethod::Welch}) {
    INFO(experiment::warmup_method_name(method));
    const auto cuts = over_seeds(method, level);
    CHECK(cuts[cuts.size() / 2] <= 5);
  }
}

TEST_CASE("both methods cut a step at month 40 no earlier than the step", "[warmup]") {
  for (const auto method : {WarmupMethod::Mser5, WarmupMethod::Welch}) {
    INFO(experiment::warmup_method_name(method));
    const auto cuts = over_seeds(method, step);
    CHECK(cuts.front() >= 40);
    CHECK(cuts[cuts.size() / 2] <= 50);
  }
}

TEST_CASE("a level series needs no truncation by either method", "[warmup]") {
  const std::vector<double> level(kMonths, 3.3);
  const std::vector<double> zero(kMonths, 0.0);
  for (const auto& series : {level, zero}) {
    const auto m = experiment::mser5_truncation(series);
    CHECK(m.observations == 0);
    CHECK_FALSE(m.at_limit);
    const auto w = experiment::welch_truncation(series, {});
    CHECK(w.observations == 0);
    CHECK_FALSE(w.at_limit);
  }
}

TEST_CASE("a series still trending at the end is cut at the limit, half the run", "[warmup]") {
  std::vector<double> trend(kMonths);
  for (std::size_t t = 0; t < kMonths; ++t) trend[t] = static_cast<double>(t) / 10.0;
  const auto m = experiment::mser5_truncation(trend);
  CHECK(m.observations == kMonths / 2);
  CHECK(m.at_limit);
  const auto w = experiment::welch_truncation(trend, {});
  CHECK(w.observations == kMonths / 2);
  CHECK(w.at_limit);
}

TEST_CASE("MSER-5 batches from the start, drops a partial last batch and limits d to half",
          "[warmup]") {
  // 23 months: four batches; a spike in month 22 (the partial fifth batch) is ignored.
  std::vector<double> y(23, 1.0);
  y[0] = y[1] = y[2] = y[3] = y[4] = 9.0;
  y[22] = 1000.0;
  const auto t = experiment::mser5_truncation(y);
  CHECK(t.observations == 5);
  CHECK_FALSE(t.at_limit);
  // A transient over three of four batches can be cut by at most two.
  std::vector<double> z(20, 1.0);
  for (std::size_t i = 0; i < 15; ++i) z[i] = 9.0 - static_cast<double>(i) / 2.0;
  const auto limited = experiment::mser5_truncation(z);
  CHECK(limited.observations == 10);
  CHECK(limited.at_limit);
  CHECK_THROWS_AS(experiment::mser5_truncation(std::vector<double>(19, 1.0)),
                  experiment::WarmupError);
}

TEST_CASE("Welch's moving average widens its window up to the half-window", "[warmup]") {
  const std::vector<double> y{1, 4, 9, 16, 25, 36, 49};
  const auto a = experiment::welch_moving_average(y, 2);
  REQUIRE(a.size() == 5);
  CHECK(a[0] == Approx(1.0));
  CHECK(a[1] == Approx(14.0 / 3.0));
  CHECK(a[2] == Approx(11.0));
  CHECK(a[3] == Approx(18.0));
  CHECK(a[4] == Approx(27.0));
  CHECK_THROWS_AS(experiment::welch_truncation(std::vector<double>(23, 1.0), {6, 0.01}),
                  experiment::WarmupError);
  CHECK_NOTHROW(experiment::welch_truncation(std::vector<double>(24, 1.0), {6, 0.01}));
}

TEST_CASE("Welch's band floor decides a smooth series' truncation", "[warmup]") {
  // 100 falling by 1 a month to 80 at month 20, then level. The moving average of half-window
  // 6 at month i exceeds 80 by the sum of (20 - j) over the months j < 20 of i-6..i+6, over 13:
  // 15/13 at month 21 and 10/13 from month 22 (within 1% of 80, 0.8); 55/13 at month 16 and
  // 45/13 from month 17 (within 5%, 4).
  std::vector<double> y(kMonths, 80.0);
  for (std::size_t t = 0; t < 20; ++t) y[t] = 100.0 - static_cast<double>(t);
  CHECK(experiment::welch_truncation(y, {6, 0.01}).observations == 22);
  CHECK(experiment::welch_truncation(y, {6, 0.05}).observations == 17);
}

TEST_CASE("replication means skip NaNs month by month", "[warmup]") {
  const double nan = std::nan("");
  model::ReplicationOutcome a;
  a.months = 2;
  a.series = {1.0, 10.0, 3.0, nan};  // [month * 2 + series]
  model::ReplicationOutcome b = a;
  b.series = {3.0, nan, 5.0, nan};
  const auto first = experiment::replication_mean_series({a, b}, 2, 0);
  CHECK(first == std::vector<double>{2.0, 4.0});
  const auto second = experiment::replication_mean_series({a, b}, 2, 1);
  CHECK(second[0] == 10.0);
  CHECK(std::isnan(second[1]));
  b.months = 1;
  CHECK_THROWS_AS(experiment::replication_mean_series({a, b}, 2, 0), experiment::WarmupError);
}

TEST_CASE("the recommendation is the largest truncation in whole days", "[warmup]") {
  CHECK(experiment::warmup_days_for_months(0) == 0);
  CHECK(experiment::warmup_days_for_months(12) == 366);  // 365.25 rounded up
  CHECK(experiment::warmup_days_for_months(36) == 1096);
  CHECK(experiment::warmup_days_for_months(48) == 1461);

  std::vector<double> flat(kMonths, 5.0);
  std::vector<double> early(kMonths, 5.0);
  std::vector<double> late(kMonths, 5.0);
  for (std::size_t t = 0; t < 10; ++t) early[t] = 50.0;
  for (std::size_t t = 0; t < 35; ++t) late[t] = 50.0;
  const auto r = experiment::recommend_warmup({"flat", "early", "late"}, {flat, early, late},
                                              WarmupMethod::Mser5);
  REQUIRE(r.series.size() == 3);
  CHECK(r.series[0].months == 0);
  CHECK(r.series[1].months == 10);
  CHECK(r.series[1].days == 305);
  CHECK(r.series[2].months == 35);
  CHECK(r.months == 35);
  CHECK(r.days == 1066);
  CHECK(r.driven_by == "late");
  CHECK(r.months_observed == kMonths);
  CHECK(r.settled_months == 35);
  CHECK(r.settled_driven_by == "late");

  std::vector<double> trend(kMonths);
  for (std::size_t t = 0; t < kMonths; ++t) trend[t] = static_cast<double>(t);
  const auto with_trend =
      experiment::recommend_warmup({"early", "trend"}, {early, trend}, WarmupMethod::Mser5);
  CHECK(with_trend.months == 60);
  CHECK(with_trend.driven_by == "trend");
  CHECK(with_trend.series[1].at_limit);
  CHECK(with_trend.settled_months == 10);
  CHECK(with_trend.settled_days == 305);
  CHECK(with_trend.settled_driven_by == "early");

  flat[3] = std::nan("");
  CHECK_THROWS_WITH(
      experiment::recommend_warmup({"flat"}, {flat}, WarmupMethod::Welch),
      "series flat has no finite value in month 3; the warm-up methods need one every month");
  CHECK_THROWS_WITH(
      experiment::recommend_warmup({"short"}, {std::vector<double>(10, 1.0)}, WarmupMethod::Mser5),
      "the run records 10 months; MSER-5 needs at least 20 (4 batches of 5); lengthen "
      "horizon_days");
  CHECK_THROWS_WITH(experiment::recommend_warmup({"short"}, {std::vector<double>(27, 1.0)},
                                                 WarmupMethod::Welch, {7, 0.01}),
                    Catch::Contains("half-window of 7 months needs at least 28"));
  CHECK_THROWS_WITH(experiment::recommend_warmup(
                        {"a", "b"}, {std::vector<double>(60, 1.0), std::vector<double>(50, 1.0)},
                        WarmupMethod::Mser5),
                    "series b has 50 months, not 60");
  CHECK(experiment::minimum_observations(WarmupMethod::Mser5) == 20);
  CHECK(experiment::minimum_observations(WarmupMethod::Welch, {6, 0.01}) == 24);
}
