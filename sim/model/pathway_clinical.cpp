// Clinical dynamics of the pathway model: competing hazards between stable, struggling and crisis
// with support-dependent hazard ratios, crisis episodes and the decision to admit, leaving the
// register, and quality of life. No I/O; services are reached through their helpers.
#include <algorithm>
#include <cmath>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {

double PathwaySimulation::competence(const Person& p) const {
  return p.cp_worker == kNone ? 0.0 : workforce_.post(p.cp_worker).competence;
}

double PathwaySimulation::care_partner_effect(const Person& p) const {
  if (p.cp_worker == kNone || p.rapport == 0) return 0.0;
  // Coaching works through a relationship built over contacts with the same worker.
  const double scale = config_.care_partners.rapport_contacts;
  const double rapport = scale > 0.0 ? 1.0 - std::exp(-p.rapport / scale) : 1.0;
  return competence(p) * rapport;
}

double PathwaySimulation::support_ratio(const Person& p) const {
  const ClinicalConfig& c = config_.clinical;
  double r = 1.0;
  r *= 1.0 - (1.0 - c.care_partner_hazard_ratio) * care_partner_effect(p);
  if (p.home == Setting::Cmht) r *= c.cmht_hazard_ratio;
  if (p.has(kVcseConnected)) r *= c.vcse_hazard_ratio;
  return r;
}

double PathwaySimulation::stable_hazard_per_year(const Person& p) const {
  const ClinicalConfig& c = config_.clinical;
  const double network = c.network_hazard_ratio[static_cast<std::size_t>(p.network)] *
                         (p.trial_arm != 0 ? config_.trial.participant_hazard_ratio : 1.0);
  return c.stable_to_struggling_per_year * network *
         (p.lives_alone ? c.living_alone_hazard_ratio : 1.0) *
         (p.insecure_housing ? c.insecure_housing_hazard_ratio : 1.0) *
         (p.long_term_sick ? c.long_term_sick_hazard_ratio : 1.0) * support_ratio(p);
}

PathwaySimulation::StrugglingHazards PathwaySimulation::struggling_hazards_per_year(
    const Person& p) const {
  const ClinicalConfig& c = config_.clinical;
  const double network = c.network_hazard_ratio[static_cast<std::size_t>(p.network)] *
                         (p.trial_arm != 0 ? config_.trial.participant_hazard_ratio : 1.0);
  return {c.struggling_to_crisis_per_year * network * support_ratio(p),
          c.struggling_to_stable_per_year *
              (1.0 + (c.care_partner_recovery_ratio - 1.0) * care_partner_effect(p))};
}

void PathwaySimulation::schedule_transition(std::uint32_t id) {
  Person& p = persons_[id];
  ++p.transition_token;
  if (!p.has(kAlive) || p.state == ClinicalState::Crisis) return;
  double total = 0.0;
  double to_crisis = 0.0;
  if (p.state == ClinicalState::Stable) {
    total = stable_hazard_per_year(p);
  } else {
    const StrugglingHazards h = struggling_hazards_per_year(p);
    to_crisis = h.to_crisis;
    total = h.to_crisis + h.to_stable;
  }
  double delay = 0.0;
  double which = 0.0;
  {
    PersonStream rng(*this, id, kSlotTransition);
    delay = exponential(*rng, total / kYearDays);
    which = rng.uniform();
  }
  if (!(sim_.now() + delay <= horizon_)) return;
  ClinicalState target = ClinicalState::Struggling;
  if (p.state == ClinicalState::Struggling) {
    target = which * total < to_crisis ? ClinicalState::Crisis : ClinicalState::Stable;
  }
  sim_.schedule_in(delay, k_transition_, id,
                   p.transition_token | (static_cast<std::uint64_t>(target) << 16));
}

void PathwaySimulation::on_transition(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.transition_token != (e.aux & 0xffffu)) return;
  const auto target = static_cast<ClinicalState>(e.aux >> 16);
  if (target == ClinicalState::Crisis) {
    start_crisis(id);
    return;
  }
  p.state = target;
  p.state_since = static_cast<float>(sim_.now());
  sync_person(id);
  if (target == ClinicalState::Struggling) {
    if (p.cp_worker != kNone) {
      schedule_contact(id);  // A competent Care Partner steps up contact with need.
    } else if (p.home == Setting::PrimaryCare && !p.has(kCpWaiting)) {
      bool seeks_help = false;
      bool social = false;
      {
        PersonStream rng(*this, id, kSlotServices);
        seeks_help = bernoulli(*rng, p.engagement);  // Sees the GP, who may refer.
        social = bernoulli(*rng, config_.services.vcse_gp_referral_probability);
      }
      if (seeks_help && may_offer_care_partner(p, CpRoute::Struggling)) {
        offer_care_partner(id, false);
      }
      if (seeks_help && social) refer_to_vcse(id);  // Social prescribing.
    }
  }
  schedule_transition(id);
}

void PathwaySimulation::start_crisis(std::uint32_t id) {
  note_crisis(id);
  Person& p = persons_[id];
  const double now = sim_.now();
  p.state = ClinicalState::Crisis;
  p.state_since = static_cast<float>(now);
  sync_person(id);
  ++p.transition_token;
  outputs_.crisis(p, now);
  qol_.drop(id, config_.clinical.qol_crisis_drop);

  const engine::Admission admission = crisis_team_.arrive(id, now);
  double duration = 0.0;
  bool admit_now = false;
  {
    PersonStream rng(*this, id, kSlotCrisis);
    if (admission == engine::Admission::Started) {
      duration = std::max(0.0, config_.services.crisis_episode_days.sample(*rng));
    } else {
      admit_now = bernoulli(*rng, config_.services.crisis_admission_if_full);
    }
  }
  if (admission == engine::Admission::Started) {
    outputs_.crisis_episode_started(p, now);
    move_to(id, Setting::CrisisTeam);
    sim_.schedule_in(duration, k_crisis_end_, id);
  } else if (admit_now) {
    admit(id, false);
  } else {
    // Turned away and not admitted: the crisis passes where the person is.
    note_crisis_end(id);
    p.state = ClinicalState::Struggling;
    sync_person(id);
    schedule_transition(id);
  }
}

void PathwaySimulation::on_crisis_end(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.setting != Setting::CrisisTeam) return;
  end_crisis_episode();
  outputs_.follow_up_episode(p, sim_.now());
  bool admit_now = false;
  {
    PersonStream rng(*this, id, kSlotCrisis);
    admit_now = bernoulli(*rng, config_.services.crisis_admission_probability);
  }
  if (admit_now) {
    admit(id, true);
  } else {
    end_acute_care(id);
  }
}

void PathwaySimulation::end_crisis_episode() {
  crisis_team_.release(sim_.now());
  outputs_.crisis_episode_ended(sim_.now());
}

void PathwaySimulation::on_followup(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive)) return;
  // A proactive mental health contact after crisis care or a bed.
  outputs_.followup_contact(p);
  p.last_proactive = p.last_care_contact = static_cast<float>(sim_.now());
  sync_person(id);
}

void PathwaySimulation::end_acute_care(std::uint32_t id) {
  note_crisis_end(id);
  Person& p = persons_[id];
  const double now = sim_.now();
  p.state = ClinicalState::Struggling;
  p.state_since = static_cast<float>(now);
  sync_person(id);
  // The follow-up contact comes post_discharge_followup_days later.
  sim_.schedule_in(config_.policies.post_discharge_followup_days, k_followup_, id);
  move_to(id, p.home);
  if (p.home != Setting::Cmht) {
    bool refer = false;
    {
      PersonStream rng(*this, id, kSlotCrisis);
      refer = bernoulli(*rng, config_.policies.post_crisis_cmht_probability);
    }
    if (refer) {
      refer_to_cmht(id, false);
    } else if (p.home == Setting::PrimaryCare && may_offer_care_partner(p, CpRoute::PostCrisis)) {
      offer_care_partner(id, true);
    }
  }
  schedule_transition(id);
}

void PathwaySimulation::leave_register(std::uint32_t id, bool death) {
  Person& p = persons_[id];
  const double now = sim_.now();
  settle(id);
  p.set(kAlive, false);
  departed_.push_back(id);
  sync_person(id);
  if (p.has(kCmhtWaiting)) {
    cmht_.renege(p.cmht_ticket, now);
    p.set(kCmhtWaiting, false);
  }
  if (p.has(kVcseWaiting)) {
    vcse_.renege(p.vcse_ticket, now);
    p.set(kVcseWaiting, false);
  }
  if (p.has(kCpWaiting)) drop_cp_waiting(id);
  // Someone waiting for a bed is in crisis care without holding a crisis-team slot.
  const bool waiting_for_bed = drop_bed_waiting(id);
  if (p.setting == Setting::CrisisTeam && !waiting_for_bed) {
    end_crisis_episode();
  } else if (p.setting == Setting::Inpatient) {
    free_bed(p);
  }
  if (p.has(kVcseConnected)) leave_vcse(id);
  if (p.cp_worker != kNone) leave_caseload(id);
  if (p.home == Setting::Cmht) leave_cmht(id);
  outputs_.left_register(p, now, death);
  ++p.transition_token;
  ++p.contact_token;
}

double PathwaySimulation::qol_target(const Person& p) const {
  const ClinicalConfig& c = config_.clinical;
  double t = c.qol_target_base;
  if (p.has(kVcseConnected)) t += c.qol_target_vcse;
  if (p.state != ClinicalState::Stable) t -= c.qol_struggling_target_drop;
  return t;
}

}  // namespace cmhsim::model::pathway
