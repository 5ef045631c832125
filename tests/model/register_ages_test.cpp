// Tests of the register's stationary age mix: the solved distribution against a closed form, and
// a simulated register that keeps its size and ages over twenty years.
#include "model/register_ages.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/welford.hpp"
#include "model/pathway_simulation.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using pathway::RegisterAges;

/// Holds the people on the register and their mean age.
struct Census {
  double size = 0.0;
  double mean_age = 0.0;
};

Census census(const pathway::PathwaySimulation& s, double t) {
  Census c;
  double ages = 0.0;
  for (const pathway::Person& p : s.persons()) {
    if (!p.has(pathway::kAlive)) continue;
    c.size += 1.0;
    ages += p.age_at(t);
  }
  c.mean_age = ages / c.size;
  return c;
}

/// Adds the change in register size (as a share) and mean age from the first month end to the
/// horizon, per replication.
void drift(const PathwayConfig& c, int replications, engine::Welford* size, engine::Welford* age) {
  for (int rep = 0; rep < replications; ++rep) {
    pathway::PathwaySimulation s(c, engine::RngKey{61, static_cast<std::uint64_t>(rep)}, nullptr);
    Census start;
    s.month_observer = [&start](const pathway::PathwaySimulation& at) {
      if (start.size == 0.0) start = census(at, at.now());  // The first month end.
    };
    s.run();
    const Census end = census(s, s.horizon());
    size->add(end.size / start.size - 1.0);
    age->add(end.mean_age - start.mean_age);
  }
}

}  // namespace

TEST_CASE("with no deaths and no moves the stationary ages are the incident ages plus a stay",
          "[population]") {
  PathwayConfig c = testing::ics_baseline_config();
  c.mortality.gompertz_log_a = {-60.0, -60.0};
  c.mortality.suicide_per_100k = {0.0, 0.0};
  c.mortality.other_external_per_100k = {0.0, 0.0};
  c.population.out_migration_rate_per_year = 0.0;
  // New diagnoses are a fifth of the register a year; with no other exit the register must
  // lose them at the same rate (in-migration 0 cannot balance), so stays are exponential with
  // mean 5 years: mean age = truncated-normal incident mean on [16, 95] + 5 (the grid's end at
  // 95 cuts a negligible tail).
  c.population.register_size = 5000;
  c.population.adults_16_65 = 1000.0 * 1e5 / c.population.incidence_per_100k_per_year;
  const RegisterAges ages(c.population, c.mortality);
  const double alpha = (16.0 - 30.0) / 10.0;
  const double phi = std::exp(-0.5 * alpha * alpha) / std::sqrt(2.0 * M_PI);
  const double tail = 0.5 * std::erfc(alpha / std::sqrt(2.0));
  const double expected = 30.0 + 10.0 * phi / tail + 5.0;
  CHECK(ages.mean() == Approx(expected).margin(0.05));
  CHECK(ages.deaths_per_person_year() == Approx(0.0).margin(1e-9));
  CHECK(ages.balancing_in_migration(5000.0) == 0.0);
  CHECK(ages.quantile(0.0) >= 16.0);
  CHECK(ages.quantile(0.5) < ages.quantile(0.9));
}

TEST_CASE("the stationary age quantile rises smoothly across the whole unit interval",
          "[population]") {
  const PathwayConfig c = testing::ics_baseline_config();
  const RegisterAges ages(c.population, c.mortality);
  // Steps of 1/4096 cross every guide share (multiples of 1/256) and its neighbours: a search
  // that started past the right grid step would jump there, one that started too early is
  // only slower. The quantile is linear within a step, so a share one double away moves it by
  // far less than a millionth of a year.
  double before = ages.quantile(0.0);
  double widest = 0.0;
  double widest_jump = 0.0;
  for (int k = 1; k < 4096; ++k) {
    const double u = k / 4096.0;
    const double below = ages.quantile(std::nextafter(u, 0.0));
    const double at = ages.quantile(u);
    const double above = ages.quantile(std::nextafter(u, 1.0));
    REQUIRE(below >= before);
    REQUIRE(at >= below);
    REQUIRE(above >= at);
    widest = std::max(widest, below - before);
    widest_jump = std::max({widest_jump, at - below, above - at});
    before = above;
  }
  CHECK(widest_jump < 1e-6);
  CHECK(ages.quantile(0.0) >= 16.0);
  CHECK(ages.quantile(std::nextafter(1.0, 0.0)) <= c.population.age_max + 0.05);
  // No 1/4096 of the register spans more than a year of age (its densest years hold more).
  CHECK(widest < 1.0);
  CHECK(ages.quantile(0.5) == Approx(ages.mean()).margin(5.0));
}

TEST_CASE("a stationary register keeps its size and age mix for twenty years",
          "[population][validation]") {
  PathwayConfig stationary = testing::small_place(testing::ics_baseline_config());
  stationary.horizon_days = 20 * 365.25;
  stationary.warmup_days = 0.0;
  PathwayConfig open = stationary;
  open.population.stationary_register = 0.0;
  engine::Welford size, age, open_size, open_age;
  drift(stationary, 6, &size, &age);
  drift(open, 6, &open_size, &open_age);
  INFO("stationary: size change " << size.mean() << ", mean age change " << age.mean()
                                  << " years; open: " << open_size.mean() << ", "
                                  << open_age.mean());
  // Within 2% and half a year over twenty years (sampling noise on 5,000 people is about 1%).
  CHECK(std::abs(size.mean()) < 0.02);
  CHECK(std::abs(age.mean()) < 0.5);
  // The register with the normal day-0 ages and the configured in-migration does drift.
  CHECK(std::abs(open_age.mean()) > 1.0);
}

}  // namespace cmhsim::model
