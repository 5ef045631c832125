// Services of the pathway model other than Care Partners: CMHT referral, triage, waiting list,
// first contacts and discharge, VCSE connections, and the monthly policy checks (physical health
// checks, CMHT reviews, discharge, re-referral) and the proactive sweeps of the register. No I/O.
#include <algorithm>
#include <bit>
#include <cmath>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
void PathwaySimulation::refer_to_cmht(std::uint32_t id, bool by_care_partner) {
  Person& p = persons_[id];
  if (p.has(kCmhtReferral) || p.has(kCmhtWaiting) || p.home == Setting::Cmht) return;
  p.set(kCmhtReferral);
  p.cmht_since = static_cast<float>(sim_.now());  // The referral day, until the CMHT start.
  double delay = 0.0;
  {
    PersonStream rng(*this, id, kSlotServices);
    const double ratio = by_care_partner ? config_.care_partners.referral_delay_ratio : 1.0;
    delay = std::max(0.0, config_.policies.referral_delay_days.sample(*rng)) * ratio +
            std::max(0.0, config_.services.cmht_triage_days.sample(*rng));
  }
  sim_.schedule_in(delay, k_referral_, id);
}

void PathwaySimulation::on_referral(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive)) return;
  p.set(kCmhtReferral, false);
  if (p.home == Setting::Cmht || p.has(kCmhtWaiting)) return;
  if (p.state == ClinicalState::Stable) {
    bool declined = false;
    {
      PersonStream rng(*this, id, kSlotServices);
      declined = bernoulli(*rng, config_.services.cmht_decline_stable_probability);
    }
    if (declined) return;  // Signposted back to primary care.
  }
  std::uint64_t ticket = 0;
  if (cmht_.arrive(id, sim_.now(), 0, &ticket) == engine::Admission::Started) {
    start_cmht(id);
    return;
  }
  join_cmht(id, ticket);
}

void PathwaySimulation::join_cmht(std::uint32_t id, std::uint64_t ticket) {
  Person& p = persons_[id];
  p.set(kCmhtWaiting);
  p.cmht_ticket = static_cast<std::uint32_t>(ticket);
  schedule_renege(id, config_.services.cmht_waiting_patience_days, k_cmht_renege_, ticket);
}

void PathwaySimulation::schedule_renege(std::uint32_t id, double patience, std::uint32_t kind,
                                        std::uint64_t ticket) {
  if (!(patience > 0.0)) return;
  double wait = 0.0;
  {
    PersonStream rng(*this, id, kSlotServices);
    wait = exponential(*rng, 1.0 / patience);
  }
  if (sim_.now() + wait <= horizon_) sim_.schedule_in(wait, kind, id, ticket);
}

void PathwaySimulation::on_cmht_renege(const engine::Event& e) {
  Person& p = persons_[e.target];
  if (!p.has(kAlive) || !p.has(kCmhtWaiting) || p.cmht_ticket != e.aux) return;
  cmht_.renege(e.aux, sim_.now());
  p.set(kCmhtWaiting, false);  // Stays where they are (primary care or a Care Partner).
}

void PathwaySimulation::start_cmht(std::uint32_t id, bool initial) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const double referred = p.cmht_since;
  double t1 = 0.0;
  double t2 = 0.0;
  {
    PersonStream rng(*this, id, kSlotServices);
    const double per_two_years = config_.services.cmht_contacts_per_two_years.sample(*rng);
    p.cmht_rate = static_cast<float>(std::max(0.0, per_two_years) / (2.0 * kYearDays));
    // The first two arrivals of the person's contact process, drawn now.
    const double rate = p.cmht_rate * cmht_contact_scale_;
    t1 = exponential(*rng, rate);
    t2 = t1 + exponential(*rng, rate);
  }
  p.cmht_since = static_cast<float>(now);
  p.set(kCmhtEarly, !initial);
  if (!initial) {
    const std::uint64_t episode = std::bit_cast<std::uint32_t>(p.cmht_since);
    const auto tag = [](float x) { return std::uint64_t{std::bit_cast<std::uint32_t>(x)} << 32; };
    if (now + t1 <= horizon_) sim_.schedule_in(t1, k_cmht_contact_, id, episode | tag(-1.0f));
    const auto waited = static_cast<float>(now - referred);
    if (now + t2 <= horizon_) sim_.schedule_in(t2, k_cmht_contact_, id, episode | tag(waited));
  }
  p.set(kCmhtWaiting, false);
  if (p.cp_worker != kNone) leave_caseload(id);  // The CMHT takes over from the Care Partner.
  if (p.has(kCpWaiting)) drop_cp_waiting(id);
  set_home(id, Setting::Cmht);
  if (!acute(p.setting)) {
    move_to(id, Setting::Cmht);
  }
  p.set(kOutpatientFollowUp, false);  // The CMHT takes over any outpatient follow-up.
  if (initial) stagger_initial_episode(id);
  sync_person(id);
  schedule_transition(id);
}

void PathwaySimulation::stagger_initial_episode(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const double stable_days = config_.policies.cmht_discharge_stable_days;
  const double hazard = stable_hazard_per_year(p) / kYearDays;
  PersonStream rng(*this, id, kSlotServices);
  // Part-way through an episode: the next review falls at a uniformly spread phase.
  p.cmht_since =
      static_cast<float>(now - rng.uniform() * config_.policies.cmht_review_interval_days);
  const double u = rng.uniform();
  const double u_state = rng.uniform();
  if (p.state == ClinicalState::Crisis) return;
  // The day-0 struggling share is the register's, above what a caseload settles to; people who
  // start struggling all recover within months and would reach the stable period together. The
  // caseload's state is drawn from the split its hazards settle to instead (crises aside).
  const StrugglingHazards out = struggling_hazards_per_year(p);
  const double to_struggling = stable_hazard_per_year(p);
  const double leave_struggling = out.to_crisis + out.to_stable;
  if (to_struggling + leave_struggling > 0.0) {
    const bool struggling = u_state * (to_struggling + leave_struggling) < to_struggling;
    p.state = struggling ? ClinicalState::Struggling : ClinicalState::Stable;
    p.state_since = static_cast<float>(now);
    sync_person(id);
  }
  if (p.state != ClinicalState::Stable || !(hazard > 0.0) || !(stable_days > 0.0)) return;
  // A stable spell ending at a constant hazard has an exponential age; on a caseload that
  // discharges at stable_days it is truncated there, so people reach stable_days at an even rate.
  const double age = -std::log1p(-u * -std::expm1(-hazard * stable_days)) / hazard;
  p.state_since = static_cast<float>(now - age);
}

void PathwaySimulation::on_cmht_contact(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.home != Setting::Cmht) return;
  if (std::bit_cast<std::uint32_t>(p.cmht_since) != static_cast<std::uint32_t>(e.aux)) return;
  const float waited = std::bit_cast<float>(static_cast<std::uint32_t>(e.aux >> 32));
  const bool second = waited >= 0.0f;
  const double now = sim_.now();
  if (second) {
    settle(id);  // Up to now with no bulk contacts; from now on they are counted in bulk.
    p.set(kCmhtEarly, false);
    sync_person(id);
  }
  if (p.setting != Setting::Cmht) return;  // In acute care: the crisis team or ward sees them.
  outputs_.secondary_contacts(p, now, 1);
  p.last_proactive = std::max(p.last_proactive, static_cast<float>(now));
  p.last_care_contact = std::max(p.last_care_contact, static_cast<float>(now));
  sync_person(id);
  if (second) outputs_.cmht_second_contact(now, waited + (now - p.cmht_since));
}

void PathwaySimulation::leave_cmht(std::uint32_t) {
  if (auto next = cmht_.release(sim_.now())) start_cmht(static_cast<std::uint32_t>(next->customer));
}

void PathwaySimulation::discharge_from_cmht(std::uint32_t id) {
  set_home(id, Setting::PrimaryCare);
  move_to(id, Setting::PrimaryCare);
  leave_cmht(id);
  bool outpatients = false;
  {
    PersonStream rng(*this, id, kSlotServices);
    outpatients = bernoulli(*rng, config_.policies.cmht_discharge_outpatients_share);
  }
  switch (config_.policies.cmht_discharge_destination) {
    case DischargeDestination::PrimaryCare:
      if (outpatients) keep_on_outpatients(id);
      break;
    case DischargeDestination::CarePartner:
      step_down_to_care_partner(id, outpatients);
      break;
    case DischargeDestination::Vcse:
      if (outpatients) keep_on_outpatients(id);
      refer_to_vcse(id);
      break;
  }
  schedule_transition(id);
}

void PathwaySimulation::refer_to_vcse(std::uint32_t id) {
  Person& p = persons_[id];
  if (p.has(kVcseConnected) || p.has(kVcseWaiting)) return;
  std::uint64_t ticket = 0;
  if (vcse_.arrive(id, sim_.now(), 0, &ticket) == engine::Admission::Started) {
    start_vcse(id);
  } else {
    p.set(kVcseWaiting);
    p.vcse_ticket = static_cast<std::uint32_t>(ticket);
    schedule_renege(id, config_.services.vcse_waiting_patience_days, k_vcse_renege_, ticket);
  }
}

void PathwaySimulation::on_vcse_renege(const engine::Event& e) {
  Person& p = persons_[e.target];
  if (!p.has(kAlive) || !p.has(kVcseWaiting) || p.vcse_ticket != e.aux) return;
  vcse_.renege(e.aux, sim_.now());
  p.set(kVcseWaiting, false);
}

void PathwaySimulation::start_vcse(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  p.set(kVcseWaiting, false);
  p.set(kVcseConnected);
  p.last_proactive = static_cast<float>(now);
  sync_person(id);
  outputs_.vcse_started(now);
  double duration = 0.0;
  {
    PersonStream rng(*this, id, kSlotServices);
    duration = std::max(0.0, config_.services.vcse_connection_days.sample(*rng));
  }
  sim_.schedule_in(duration, k_vcse_end_, id);
  schedule_transition(id);
}

void PathwaySimulation::on_vcse_end(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || !p.has(kVcseConnected)) return;
  p.last_proactive = static_cast<float>(sim_.now());
  leave_vcse(id);
  schedule_transition(id);
}

void PathwaySimulation::on_vcse_self_referral(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  const Person& p = persons_[id];
  if (!p.has(kAlive) || p.setting != p.home) return;
  if (p.home == Setting::PrimaryCare || p.home == Setting::CarePartner) refer_to_vcse(id);
}

void PathwaySimulation::leave_vcse(std::uint32_t id) {
  persons_[id].set(kVcseConnected, false);
  sync_person(id);
  outputs_.vcse_ended(sim_.now());
  if (auto next = vcse_.release(sim_.now())) start_vcse(static_cast<std::uint32_t>(next->customer));
}

void PathwaySimulation::monthly_checks(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const PolicyConfig& pol = config_.policies;
  if (p.next_check <= now) {
    // A Care Partner raises uptake through contacts (coaching on physical health), not through
    // caseload membership alone.
    const bool supported =
        (p.home == Setting::CarePartner && p.rapport > 0) || p.home == Setting::Cmht;
    const ServicesConfig& s = config_.services;
    // One block per check, keyed by the check's year, so the same check draws the same numbers
    // in every scenario.
    const auto year = static_cast<std::uint64_t>(std::floor(p.next_check / kYearDays));
    std::uint64_t words[4];
    engine::RandomStream::block_words(key_, id, static_cast<std::uint64_t>(Purpose::Physical), year,
                                      words);
    const bool checked = engine::RandomStream::to_open01(words[0]) <
                         (supported ? s.physical_check_with_support : s.physical_check_probability);
    // Whether the person refers themselves to a VCSE offer in the coming year, and when: drawn
    // once a year here rather than every month. Below the chance, u / chance is uniform again.
    const double u = engine::RandomStream::to_open01(words[1]);
    const bool self_refers = u < self_referral_per_check_;
    const double self_referral_day = self_refers ? u / self_referral_per_check_ * kYearDays : 0.0;
    if (checked) outputs_.physical_check(p, now);
    cardiovascular_check(id, checked, words[2], words[3]);
    if (self_refers && now + self_referral_day <= horizon_) {
      sim_.schedule_in(self_referral_day, k_vcse_self_referral_, id);
    }
    p.next_check = static_cast<float>(p.next_check + kYearDays);
  }
  if (p.setting != p.home) return;  // In acute care: decisions wait for the return.
  outpatient_follow_up_month(id);
  const double stable_for = p.state == ClinicalState::Stable ? now - p.state_since : -1.0;
  if (p.home == Setting::Cmht && stable_for >= pol.cmht_discharge_stable_days) {
    // A caseload review, every interval from the start, fell since the last month end.
    const double interval = pol.cmht_review_interval_days;
    const double on = now - p.cmht_since;
    const bool reviewed =
        on >= interval && std::floor(on / interval) > std::floor((on - kMonthDays) / interval);
    bool discharge = false;
    if (reviewed) {
      PersonStream rng(*this, id, kSlotServices);
      discharge = bernoulli(*rng, pol.cmht_review_discharge_probability);
    }
    if (discharge) {
      discharge_from_cmht(id);
      return;
    }
  }
  if (p.home == Setting::Outpatients && stable_for >= pol.outpatient_discharge_stable_days) {
    set_home(id, Setting::PrimaryCare);
    move_to(id, Setting::PrimaryCare);
    return;
  }
  if (p.home == Setting::CarePartner && care_partner_goals_met(p)) {
    leave_caseload(id);  // A planned ending: the rule is in pathway_care_partners.cpp.
    return;
  }
  if (p.state == ClinicalState::Struggling &&
      (p.home == Setting::PrimaryCare || p.home == Setting::CarePartner)) {
    // Re-referral once per struggling spell, in the month it passes the threshold.
    const double spell = now - p.state_since;
    if (spell >= pol.rereferral_struggling_days &&
        spell < pol.rereferral_struggling_days + kMonthDays) {
      bool refer = false;
      {
        PersonStream rng(*this, id, kSlotServices);
        refer = bernoulli(*rng, p.engagement);
      }
      if (refer) refer_to_cmht(id, p.home == Setting::CarePartner);
    }
  }
}

void PathwaySimulation::on_sweep(const engine::Event&) {
  const double now = sim_.now();
  const PolicyConfig& pol = config_.policies;
  const std::uint64_t sweep = sweeps_++;
  for (std::size_t i = 0, n = living_.size(); i < n; ++i) {
    const std::uint32_t id = living_[i];
    Person& p = persons_[id];
    if (!p.has(kAlive)) continue;
    if (p.setting != Setting::PrimaryCare && p.setting != Setting::Outpatients) continue;
    if (now - p.last_proactive <= pol.gap_contact_window_days) continue;
    engine::RandomStream rng(key_, id, static_cast<std::uint64_t>(Purpose::Proactive), sweep);
    if (!(rng.uniform01() < pol.proactive_coverage)) continue;
    // Found on the register: invited to an assessment, which counts only when taken up.
    if (!(rng.uniform01() < p.engagement)) continue;
    p.last_proactive = static_cast<float>(now);
    sync_person(id);
    outputs_.assessment(p);
    const bool care_partner = pol.proactive_offer == ProactiveOffer::CarePartner &&
                              may_offer_care_partner(p, CpRoute::GapFinding);
    if (care_partner) {
      offer_care_partner(id, false);
    } else if (p.state != ClinicalState::Stable) {
      refer_to_cmht(id, false);  // The review finds someone struggling: a referral.
    }
  }
  sim_.schedule_in(pol.proactive_interval_days, k_sweep_);
}

}  // namespace cmhsim::model::pathway
