// Pathway configurations for the model tests, loaded from short scenario texts so every value
// not written here is the parameter table's default: the ICS baseline, with Care Partners, a
// third of it, and a PARTNERS2-like trial.
#pragma once

#include <string>

#include "model/pathway_config.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::model::testing {

/// Returns the pathway config of a scenario text (defaults for every key it leaves out).
inline PathwayConfig load_config(const std::string& text) {
  return *scenario::parse_scenario(text, "model_test_fixture.yaml").pathways;
}

/// Returns the ICS baseline: 15,000 on the register, no Care Partners, 10 years, 2 warm-up.
inline PathwayConfig ics_baseline_config() {
  return load_config(
      "horizon_days: 3652.5\nwarmup_days: 730.5\npopulation:\n  register_size: 15000\n");
}

/// Returns the ICS baseline with 40 Care Partner FTE and 3 supervisor FTE (the partners scenario).
inline PathwayConfig ics_partners_config() {
  return load_config(
      "horizon_days: 3652.5\nwarmup_days: 730.5\npopulation:\n  register_size: 15000\n"
      "care_partners:\n  fte: 40\nsupervision:\n  supervisor_fte: 3\n");
}

/// Returns `c` scaled to a third of the ICS (5,000 people) over 6 years with 1 of warm-up.
inline PathwayConfig small_place(PathwayConfig c) {
  const double f = 1.0 / 3.0;
  c.population.register_size = 5000;
  c.population.adults_16_65 *= f;
  c.population.in_migration_per_year *= f;
  c.services.cmht_coordinators_fte *= f;
  c.services.crisis_team_slots *= f;
  c.services.vcse_places *= f;
  c.horizon_days = 6 * 365.25;
  c.warmup_days = 365.25;
  return c;
}

/// Returns a PARTNERS2-like trial: 39 practices (20 intervention), 116 + 82 participants, 304
/// days of follow-up, about 6 Care Partner FTE with vacancies, calibrated contact parameters.
inline PathwayConfig trial_config() {
  return load_config(
      "horizon_days: 304\nwarmup_days: 0\npopulation:\n  register_size: 15000\n  practices: 39\n"
      "  pcns: 10\ncare_partners:\n  fte: 6\n  contact_interval_stable_days: 21\n"
      "  contact_interval_struggling_days: 10\n  vacancy_at_start_share: 0.3\n"
      "supervision:\n  supervisor_fte: 0.3\ntrial:\n  follow_up_days: 304\n");
}

}  // namespace cmhsim::model::testing
