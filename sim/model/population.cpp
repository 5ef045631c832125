// Synthesis of people on the SMI register and their time of moving away.
// Uses only population and clinical parameters: service parameters never change who a person is.
#include "model/population.hpp"

#include <algorithm>
#include <cmath>

#include "engine/distribution.hpp"
#include "model/draws.hpp"

namespace cmhsim::model::pathway {
namespace {

constexpr double kYear = 365.25;
constexpr double kAdultMinAge = 16.0;

/// Returns a normal variate truncated to [lo, hi] by rejection (clamped after many tries).
double truncated_normal(engine::RandomStream& rng, double mean, double sd, double lo, double hi) {
  if (!(sd > 0.0)) return std::clamp(mean, lo, hi);
  for (int attempt = 0; attempt < 64; ++attempt) {
    const double x = mean + sd * standard_normal(rng);
    if (x >= lo && x <= hi) return x;
  }
  return std::clamp(mean, lo, hi);
}

/// Returns a beta variate with the given mean and sd (the mean itself if sd is too large or 0),
/// as X / (X + Y) for gamma variates X and Y with the beta's two shapes.
double beta_by_moments(engine::RandomStream& rng, double mean, double sd) {
  const double m = std::clamp(mean, 1e-6, 1.0 - 1e-6);
  const double k = m * (1.0 - m) / (sd * sd) - 1.0;
  if (!(sd > 0.0) || !(k > 0.0)) return m;
  const double x = engine::Distribution::gamma(m * k, 1.0).sample(rng);
  const double y = engine::Distribution::gamma((1.0 - m) * k, 1.0).sample(rng);
  // Both underflow only for shapes far below any plausible sd.
  return x + y > 0.0 ? x / (x + y) : m;
}

}  // namespace

Person synthesize_person(const PathwayConfig& config, const RegisterAges* ages, engine::RngKey key,
                         std::uint32_t id, Origin origin, double now) {
  const PopulationConfig& pop = config.population;
  engine::RandomStream rng(key, id, static_cast<std::uint64_t>(Purpose::Synthesis));
  Person p;
  const bool from_register = origin == Origin::Register || origin == Origin::InMigrant;
  double age = 0.0;
  if (origin == Origin::Incident) {
    age = truncated_normal(rng, pop.incident_age_mean, pop.incident_age_sd, kAdultMinAge,
                           pop.age_max);
  } else if (from_register && ages != nullptr) {
    age = ages->quantile(rng.uniform01());
  } else {
    age = truncated_normal(rng, pop.age_mean, pop.age_sd, pop.age_min, pop.age_max);
  }
  p.age0 = static_cast<float>(age - now / kYear);
  p.entry_time = static_cast<float>(now);
  p.male = bernoulli(rng, pop.male_share) ? 1 : 0;
  p.ethnicity = static_cast<Ethnicity>(categorical(rng, pop.ethnicity_shares));
  p.diagnosis = static_cast<Diagnosis>(categorical(rng, pop.diagnosis_shares));
  p.network = static_cast<NetworkType>(categorical(rng, pop.network_shares));
  p.lives_alone =
      bernoulli(rng, pop.lives_alone_by_network[static_cast<std::size_t>(p.network)]) ? 1 : 0;
  const double engagement_mean =
      pop.engagement_mean * pop.engagement_ratio_by_network[static_cast<std::size_t>(p.network)];
  p.engagement = static_cast<float>(beta_by_moments(rng, engagement_mean, pop.engagement_sd));
  // Drawn for every origin so later draws keep their positions whatever the origin.
  const double u_setting = rng.uniform01();
  const bool struggling = bernoulli(rng, pop.initial_struggling_share);
  const double qol = truncated_normal(rng, pop.qol_initial_mean, pop.qol_initial_sd, 1.0, 7.0);
  const double u_practice = rng.uniform01();
  const double check_offset = rng.uniform01() * kYear;
  const double u_since = rng.uniform01();
  const auto network = static_cast<std::size_t>(p.network);
  p.insecure_housing = bernoulli(rng, pop.insecure_housing_by_network[network]) ? 1 : 0;
  p.long_term_sick = bernoulli(rng, pop.long_term_sick_by_network[network]) ? 1 : 0;

  p.home = Setting::PrimaryCare;
  if (origin == Origin::Register) {
    if (u_setting < pop.initial_cmht_share) {
      p.home = Setting::Cmht;
    } else if (u_setting < pop.initial_cmht_share + pop.initial_outpatients_share) {
      p.home = Setting::Outpatients;
    }
  }
  p.setting = p.home;
  p.state = (struggling || origin == Origin::Incident) ? ClinicalState::Struggling
                                                       : ClinicalState::Stable;
  p.state_since = static_cast<float>(now);
  const double stable_rate = config.clinical.stable_to_struggling_per_year;
  if (origin == Origin::Register && p.state == ClinicalState::Stable && stable_rate > 0.0) {
    // People on the register at day 0 have been stable for some time already: the time since a
    // spell that ends at a constant rate began is exponential with the same mean, so discharges
    // that wait for a stable period do not arrive in a wave.
    p.state_since = static_cast<float>(now + std::log1p(-u_since) / stable_rate * kYear);
  }
  const bool participant = origin == Origin::TrialIntervention || origin == Origin::TrialControl;
  const double qol_shift = participant ? config.trial.qol_baseline_offset : 0.0;
  p.qol_start = static_cast<float>(std::clamp(qol + qol_shift, 1.0, 7.0));
  p.settled_at = static_cast<float>(now);
  p.next_check = static_cast<float>(now + check_offset);

  std::uint32_t first_practice = 0;
  std::uint32_t practices = std::max<std::uint32_t>(pop.practices, 1);
  if (origin == Origin::TrialIntervention) {
    practices = std::max<std::uint32_t>(config.trial.intervention_practices, 1);
  } else if (origin == Origin::TrialControl) {
    first_practice = config.trial.intervention_practices;
    practices = std::max<std::uint32_t>(config.trial.practices - first_practice, 1);
  }
  const auto offset = std::min<std::uint32_t>(
      static_cast<std::uint32_t>(u_practice * static_cast<double>(practices)), practices - 1);
  p.practice = static_cast<std::uint16_t>(first_practice + offset);
  const std::uint32_t all_practices =
      std::max<std::uint32_t>(config.trial.enabled ? config.trial.practices : pop.practices, 1);
  p.pcn = static_cast<std::uint16_t>(std::uint64_t{p.practice} *
                                     std::max<std::uint32_t>(pop.pcns, 1) / all_practices);
  p.trial_arm = origin == Origin::TrialIntervention ? 1 : origin == Origin::TrialControl ? 2 : 0;
  p.set(kAlive);
  return p;
}

double draw_move_time(const PathwayConfig& config, engine::RngKey key, std::uint32_t id,
                      double now) {
  engine::RandomStream migration(key, id, static_cast<std::uint64_t>(Purpose::Migration));
  return now + exponential(migration, config.population.out_migration_rate_per_year) * kYear;
}

}  // namespace cmhsim::model::pathway
