// Tests of the Care Partner workforce and its supervisors: the smooth response of competence and
// leaving to supervision hours, supervisor turnover and vacancies, and gradual drift without
// supervision. Drives the Workforce alone, month by month, with common random numbers.
#include "model/workforce.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/person.hpp"
#include "pathway_test_config.hpp"

using namespace cmhsim::model;
using cmhsim::engine::RngKey;
using pathway::kMonthDays;
using pathway::kYearDays;
using pathway::Workforce;

namespace {

/// Holds a sample mean and its 95% half-width (normal approximation).
struct Estimate {
  double mean = 0.0;
  double half_width = 0.0;
};

/// Returns the mean of `x` and its 95% half-width.
Estimate estimate(const std::vector<double>& x) {
  const auto n = static_cast<double>(x.size());
  double sum = 0.0;
  for (const double v : x) sum += v;
  const double mean = sum / n;
  double ss = 0.0;
  for (const double v : x) ss += (v - mean) * (v - mean);
  return {mean, 1.96 * std::sqrt(ss / (n - 1.0) / n)};
}

/// Holds what a run of the workforce alone gives.
struct RunResult {
  double mean_competence = 0.0;  ///< Over Care Partners in post at the end.
  double leavers = 0.0;          ///< Care Partners who left.
};

/// Runs `months` month ends: hires whose delay has ended, supervision, leavers and their hires.
RunResult run_months(Workforce& w, int months) {
  std::vector<std::pair<double, std::uint32_t>> pending;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!w.post(k).in_post) {
      pending.emplace_back(w.recruitment_delay(k), static_cast<std::uint32_t>(k));
    }
  }
  for (int m = 1; m <= months; ++m) {
    const double now = m * kMonthDays;
    std::vector<std::pair<double, std::uint32_t>> later;
    for (const auto& [at, k] : pending) {
      if (at <= now) {
        w.hire(k, at);
      } else {
        later.emplace_back(at, k);
      }
    }
    pending = std::move(later);
    w.supervise(now);
    w.draw_supervisor_leavers(now, kMonthDays);
    for (const std::uint32_t k : w.draw_leavers(kMonthDays)) {
      pending.emplace_back(now + w.recruitment_delay(k), k);
    }
  }
  RunResult r;
  double n = 0.0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!w.post(k).in_post) continue;
    r.mean_competence += w.post(k).competence;
    n += 1.0;
  }
  r.mean_competence /= n;
  r.leavers = static_cast<double>(w.leavers());
  return r;
}

}  // namespace

TEST_CASE("effective supervision rises smoothly from 0 with diminishing returns", "[workforce]") {
  CHECK(pathway::effective_supervision(0.0, 0.5) == 0.0);
  CHECK(pathway::effective_supervision(0.5, 0.5) == Approx(0.5));
  CHECK(pathway::effective_supervision(1.0, 0.5) == Approx(0.75));
  double last = 0.0;
  double last_step = 1.0;
  for (int i = 1; i <= 40; ++i) {
    const double s = pathway::effective_supervision(0.1 * i, 0.5);
    CHECK(s > last);
    CHECK(s < 1.0);
    CHECK(s - last < last_step);
    last_step = s - last;
    last = s;
  }
}

TEST_CASE("competence and retention rise with supervisor FTE with diminishing returns and no kink",
          "[workforce]") {
  PathwayConfig c = testing::ics_partners_config();
  // Supervisors always in post here, so the dose of supervision is the only thing varied.
  c.supervision.turnover_per_year = 0.0;
  c.supervision.vacancy_at_start_share = 0.0;
  REQUIRE(c.care_partners.fte == 40.0);
  constexpr int kGrid = 13;  // Supervisor FTE 0, 0.5, ..., 6.
  constexpr int kReps = 200;
  constexpr int kMonths = 24;
  std::vector<std::vector<double>> competence(kGrid), leavers(kGrid);
  for (int g = 0; g < kGrid; ++g) {
    PathwayConfig cg = c;
    cg.supervision.supervisor_fte = 0.5 * g;
    for (int rep = 0; rep < kReps; ++rep) {
      Workforce w(cg.care_partners, cg.supervision, RngKey{77, static_cast<std::uint64_t>(rep)});
      const RunResult r = run_months(w, kMonths);
      competence[g].push_back(r.mean_competence);
      leavers[g].push_back(r.leavers);
    }
  }
  auto paired = [&](const std::vector<std::vector<double>>& x, int a, int b) {
    std::vector<double> d;
    for (int rep = 0; rep < kReps; ++rep) d.push_back(x[b][rep] - x[a][rep]);
    return estimate(d);
  };
  for (int g = 1; g < kGrid; ++g) {
    INFO("supervisor FTE " << 0.5 * (g - 1) << " -> " << 0.5 * g);
    const Estimate step = paired(competence, g - 1, g);
    CHECK(step.mean - step.half_width > 0.0);  // Every step of 0.5 FTE raises competence.
    if (g + 1 < kGrid) {
      std::vector<double> second;
      for (int rep = 0; rep < kReps; ++rep) {
        second.push_back(competence[g + 1][rep] - 2.0 * competence[g][rep] +
                         competence[g - 1][rep]);
      }
      const Estimate curvature = estimate(second);
      CHECK(curvature.mean - curvature.half_width <= 0.0);  // Increments never grow.
      // No kink: the next increment is at least a fixed share of this one.
      const Estimate next = paired(competence, g, g + 1);
      CHECK(next.mean > 0.3 * step.mean);
    }
  }
  // Twice the old "full cover" (1.5 hours for each of 40 Care Partners = 3 FTE) still helps.
  const Estimate beyond = paired(competence, 6, 12);
  CHECK(beyond.mean - beyond.half_width > 0.0);
  const Estimate fewer_leavers_full = paired(leavers, 0, 6);
  CHECK(fewer_leavers_full.mean + fewer_leavers_full.half_width < 0.0);
  const Estimate fewer_leavers_beyond = paired(leavers, 6, 12);
  CHECK(fewer_leavers_beyond.mean + fewer_leavers_beyond.half_width < 0.0);
  CHECK(fewer_leavers_beyond.mean > fewer_leavers_full.mean);  // Smaller gain, same 3 FTE more.
}

TEST_CASE("supervisors leave and their posts fall vacant at the configured rates", "[workforce]") {
  PathwayConfig c = testing::ics_partners_config();
  c.care_partners.fte = 0.0;
  c.supervision.supervisor_fte = 400.0;
  c.supervision.fte_per_supervisor = 1.0;
  c.supervision.turnover_per_year = 0.1;
  c.supervision.vacancy_at_start_share = 0.18;
  const double delay_mean = 120.0;  // Gamma, shape 2, scale 60: the default.
  constexpr int kReps = 10;
  constexpr int kMonths = 60;
  double vacant_at_start = 0.0;
  double posts = 0.0;
  double exposures = 0.0;
  double left = 0.0;
  std::vector<double> vacancy_months;
  for (int rep = 0; rep < kReps; ++rep) {
    Workforce w(c.care_partners, c.supervision, RngKey{91, static_cast<std::uint64_t>(rep)});
    REQUIRE(w.supervisor_posts() == 400);
    posts += 400.0;
    vacant_at_start += 400.0 - static_cast<double>(w.supervisors_in_post());
    std::vector<double> vacant_since(400, -1.0);
    for (int m = 1; m <= kMonths; ++m) {
      const double now = m * kMonthDays;
      std::vector<bool> was_in(400);
      for (std::size_t j = 0; j < 400; ++j) was_in[j] = w.supervisor(j).in_post;
      w.supervise(now);
      for (std::size_t j = 0; j < 400; ++j) {
        const auto& s = w.supervisor(j);
        if (!was_in[j] && s.in_post && vacant_since[j] >= 0.0) {
          vacancy_months.push_back(now - vacant_since[j]);
        }
        // At risk: in post before this month end (a starter does not leave at its first one).
        if (was_in[j]) exposures += 1.0;
      }
      const std::size_t before = w.supervisors_in_post();
      const std::size_t gone = w.draw_supervisor_leavers(now, kMonthDays);
      CHECK(w.supervisors_in_post() + gone == before);
      left += static_cast<double>(gone);
      for (std::size_t j = 0; j < 400; ++j) {
        if (was_in[j] && !w.supervisor(j).in_post) vacant_since[j] = now;
      }
    }
  }
  const double share = vacant_at_start / posts;
  CHECK(std::abs(share - 0.18) < 1.96 * std::sqrt(0.18 * 0.82 / posts) + 1e-9);
  const double p = 1.0 - std::exp(-0.1 * kMonthDays / kYearDays);
  CHECK(std::abs(left / exposures - p) < 1.96 * std::sqrt(p * (1.0 - p) / exposures));
  // A vacancy lasts the recruitment delay rounded up to the next month end: on average about
  // half a month more than the delay.
  REQUIRE(vacancy_months.size() > 500);
  const Estimate vacancy = estimate(vacancy_months);
  CHECK(vacancy.mean > delay_mean - vacancy.half_width);
  CHECK(vacancy.mean < delay_mean + kMonthDays + vacancy.half_width);
  CHECK(std::abs(vacancy.mean - (delay_mean + 0.5 * kMonthDays)) < vacancy.half_width + 3.0);
}

TEST_CASE("months without supervision lower competence gradually", "[workforce]") {
  PathwayConfig c = testing::ics_partners_config();
  c.supervision.supervisor_fte = 0.0;
  c.care_partners.turnover_per_year = 0.0;
  c.care_partners.vacancy_at_start_share = 0.0;
  c.care_partners.competence_initial = 0.9;
  const double floor = c.care_partners.competence_min;
  const double drift = c.care_partners.competence_drift_per_month;
  REQUIRE(drift > 0.0);
  REQUIRE(drift < 1.0);
  Workforce w(c.care_partners, c.supervision, RngKey{5, 0});
  double last = 0.9;
  for (int m = 1; m <= 24; ++m) {
    w.supervise(m * kMonthDays);
    for (std::size_t k = 0; k < w.size(); ++k) {
      const double now = w.post(k).competence;
      INFO("month " << m << " post " << k);
      CHECK(w.post(k).supervision == 0.0);
      CHECK(now < last);                                    // Falls every month...
      CHECK(now == Approx(last - drift * (last - floor)));  // ...by a share of the excess...
      CHECK(now > floor);                                   // ...never reaching the floor at once.
    }
    last = w.post(0).competence;
  }
  CHECK(last > floor);
  CHECK(last < 0.9 - 0.5 * (0.9 - floor));  // Two years without supervision lose most of it.
}

TEST_CASE("Care Partner draws do not depend on the number of supervisors", "[workforce]") {
  PathwayConfig none = testing::ics_partners_config();
  none.supervision.supervisor_fte = 0.0;
  PathwayConfig some = none;
  some.supervision.supervisor_fte = 4.0;
  Workforce a(none.care_partners, none.supervision, RngKey{3, 1});
  Workforce b(some.care_partners, some.supervision, RngKey{3, 1});
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    CHECK(a.post(k).in_post == b.post(k).in_post);
    CHECK(a.recruitment_delay(k) == b.recruitment_delay(k));
  }
}
