// Death in the pathway model: each person draws one cumulative-hazard budget at entry, and when
// their hazard changes (a crisis, its end, vascular treatment found at a check or stopped) the
// remaining budget is spent under the new hazard. No I/O; the hazards are mortality.hpp's.
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/draws.hpp"
#include "model/mortality.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Returns the age at day `t` (+inf or -inf for infinite times).
double age_at(const Person& p, double t) { return std::isinf(t) ? t : p.age_at(t); }

}  // namespace

mortality::HazardState PathwaySimulation::hazard_state(const Person& p) const {
  return {p.male != 0, p.diagnosis, p.has(kCvTreated),
          static_cast<double>(p.suicide_risk_until) > sim_.now()};
}

void PathwaySimulation::start_mortality(std::uint32_t id) {
  engine::RandomStream rng(key_, id, static_cast<std::uint64_t>(Purpose::Mortality));
  schedule_death(id, exponential_by_inversion(rng, 1.0));  // The cause is draw 1.
}

double PathwaySimulation::remaining_hazard(std::uint32_t id) const {
  const Person& p = persons_[id];
  const double now = sim_.now();
  const double age = p.age_at(now);
  const double raised_until = age_at(p, p.suicide_risk_until);
  if (p.death_time < 0.0f) {
    return hazards_.budget_before_horizon(hazard_state(p), age, raised_until, p.age_at(horizon_),
                                          -static_cast<double>(p.death_time));
  }
  return hazards_.cumulative_hazard(hazard_state(p), age,
                                    p.age_at(std::max(static_cast<double>(p.death_time), now)),
                                    raised_until);
}

void PathwaySimulation::schedule_death(std::uint32_t id, double budget) {
  Person& p = persons_[id];
  const double now = sim_.now();
  ++p.death_token;
  const mortality::DeathDue due = hazards_.death_due(
      hazard_state(p), p.age_at(now), age_at(p, p.suicide_risk_until), p.age_at(horizon_), budget);
  if (!due.within) {
    // Negative even if the remainder is below the smallest float.
    p.death_time =
        -std::max(static_cast<float>(due.left), std::numeric_limits<float>::denorm_min());
    return;
  }
  // Stored as float, and scheduled at the stored value so later budgets are consistent with it.
  p.death_time = static_cast<float>(now + due.years * kYearDays);
  const double at = std::max(now, static_cast<double>(p.death_time));
  if (at <= horizon_) sim_.schedule_at(at, k_death_, id, p.death_token);
}

void PathwaySimulation::on_death(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.death_token != e.aux) return;
  const double now = sim_.now();
  engine::RandomStream rng(key_, id, static_cast<std::uint64_t>(Purpose::Mortality), 1);
  const mortality::CauseHazards h =
      mortality::cause_hazards(config_.mortality, hazard_state(p), p.age_at(now));
  outputs_.died_of(p, now, mortality::pick_cause(h, rng.uniform01()));
  leave_register(id, true);
}

void PathwaySimulation::note_crisis(std::uint32_t id) {
  const double budget = remaining_hazard(id);
  persons_[id].suicide_risk_until = std::numeric_limits<float>::infinity();
  schedule_death(id, budget);
}

void PathwaySimulation::note_crisis_end(std::uint32_t id) {
  const double budget = remaining_hazard(id);
  persons_[id].suicide_risk_until =
      static_cast<float>(sim_.now() + config_.mortality.post_crisis_days);
  schedule_death(id, budget);
}

void PathwaySimulation::cardiovascular_check(std::uint32_t id, bool checked,
                                             std::uint64_t found_bits, std::uint64_t uptake_bits) {
  Person& p = persons_[id];
  const MortalityConfig& m = config_.mortality;
  bool treat = false;
  if (checked && !p.has(kCvTreated)) {
    const bool found = engine::RandomStream::to_open01(found_bits) < m.check_detection_probability;
    const bool taken_up = engine::RandomStream::to_open01(uptake_bits) < m.treatment_uptake;
    treat = found && taken_up;
  }
  // Treatment continues while yearly checks do; a missed check stops it.
  const bool treated = checked ? (p.has(kCvTreated) || treat) : false;
  if (treated == p.has(kCvTreated)) return;
  const double budget = remaining_hazard(id);
  p.set(kCvTreated, treated);
  schedule_death(id, budget);
}

}  // namespace cmhsim::model::pathway
