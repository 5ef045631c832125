// Step-down from a CMHT: keeping people on psychiatric outpatient follow-up whatever the discharge
// destination, step-down to a Care Partner with that follow-up alongside, the follow-up's monthly
// discharge rule, and the three-year look at the step-down cohort. No I/O.
#include "model/pathway_simulation.hpp"
#include "model/stepdown_cohort.hpp"

namespace cmhsim::model::pathway {

void PathwaySimulation::keep_on_outpatients(std::uint32_t id) {
  set_home(id, Setting::Outpatients);
  move_to(id, Setting::Outpatients);
}

void PathwaySimulation::step_down_to_care_partner(std::uint32_t id, bool outpatients) {
  Person& p = persons_[id];
  if (!may_offer_care_partner(p, CpRoute::StepDown)) {
    if (outpatients) keep_on_outpatients(id);
    return;
  }
  if (outpatients) p.set(kOutpatientFollowUp);
  sync_person(id);
  offer_care_partner(id, true);  // Step-down has priority on the waiting list.
  const double now = sim_.now();
  if (now >= warmup_ && now + kStepDownFollowDays <= horizon_) {
    sim_.schedule_in(kStepDownFollowDays, k_stepdown_followed_, id);
  }
}

void PathwaySimulation::outpatient_follow_up_month(std::uint32_t id) {
  Person& p = persons_[id];
  if (!p.has(kOutpatientFollowUp)) return;
  const double now = sim_.now();
  const bool stable = p.state == ClinicalState::Stable;
  if (stable && now - p.state_since >= config_.policies.outpatient_discharge_stable_days) {
    settle(id);  // Appointments up to now count before the list lets the person go.
    p.set(kOutpatientFollowUp, false);
    sync_person(id);
    return;
  }
  if (p.home == Setting::PrimaryCare && !p.has(kCpWaiting)) {
    // No longer with a Care Partner nor waiting for one: on the outpatient list alone.
    move_to(id, Setting::Outpatients);
    set_home(id, Setting::Outpatients);
    p.set(kOutpatientFollowUp, false);
    sync_person(id);
  }
}

void PathwaySimulation::on_stepdown_followed(const engine::Event& e) {
  const Person& p = persons_[e.target];
  if (!p.has(kAlive)) return;  // Deaths and moves away leave the cohort.
  outputs_.stepdown_followed(p);
}

}  // namespace cmhsim::model::pathway
