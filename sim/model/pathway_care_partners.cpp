// Care Partners in the pathway model: who is offered one (the referral criteria), the waiting
// list (step-down and post-crisis first, with patience and a maximum wait), allocation to the post
// with most room, coaching contacts with goals and disengagement, planned endings, and the monthly
// workforce cycle (supervision, leaving, hiring). No I/O.
#include <algorithm>
#include <bit>
#include <limits>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Caps the contacts counted towards rapport, where its effect has saturated.
constexpr std::uint8_t kRapportCap = 60;

}  // namespace

bool PathwaySimulation::may_offer_care_partner(const Person& p, CpRoute route) const {
  // In a trial Care Partners are offered at baseline only, to the intervention arm.
  if (workforce_.size() == 0 || trial_ || !p.has(kAlive) || p.home != Setting::PrimaryCare ||
      p.cp_worker != kNone) {
    return false;
  }
  const PolicyConfig& pol = config_.policies;
  switch (route) {
    case CpRoute::Struggling:
      return pol.care_partner_offer_struggling > 0.5;
    case CpRoute::PostCrisis:
      return pol.care_partner_offer_post_crisis > 0.5;
    case CpRoute::GapFinding:
      return pol.care_partner_gap_criterion == GapCriterion::Any ||
             p.state != ClinicalState::Stable;
    case CpRoute::StepDown:  // Chosen by policies.cmht_discharge_destination.
    case CpRoute::Listed:
      return true;
  }
  return false;
}

void PathwaySimulation::offer_care_partner(std::uint32_t id, bool priority, bool front) {
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.cp_worker != kNone || p.has(kCpWaiting) || workforce_.size() == 0) {
    return;
  }
  const double now = sim_.now();
  p.set(kCpWaiting);
  sync_person(id);
  ++p.cp_wait_seq;
  outputs_.cp_queued(now);
  const CpEntry entry{id, p.cp_wait_seq, now};
  std::deque<CpEntry>& line = priority ? cp_priority_ : cp_normal_;
  if (front) {
    line.push_front(entry);
  } else {
    line.push_back(entry);
  }
  // Leaving the list: after an exponential patience, or removed at the maximum wait. A trial
  // holds its intervention arm until allocated.
  const double patience = config_.care_partners.waiting_patience_days;
  const double max_wait = config_.policies.care_partner_max_wait_days;
  if (!trial_ && (patience > 0.0 || max_wait > 0.0)) {
    double leave = max_wait > 0.0 ? max_wait : std::numeric_limits<double>::infinity();
    bool at_max = max_wait > 0.0;
    if (patience > 0.0) {
      engine::RandomStream rng(key_, id, static_cast<std::uint64_t>(Purpose::Access),
                               4 * std::uint64_t{p.cp_wait_seq});
      const double own = exponential_by_inversion(rng, 1.0 / patience);  // Signposting: 4 k + 1.
      if (own < leave) {
        leave = own;
        at_max = false;
      }
    }
    if (now + leave <= horizon_) {
      // The offer time rides in the upper half of aux, so the handler knows the wait.
      const std::uint64_t aux = std::uint64_t{p.cp_wait_seq} | (at_max ? 1ull << 16 : 0ull) |
                                std::uint64_t{std::bit_cast<std::uint32_t>(static_cast<float>(now))}
                                    << 32;
      sim_.schedule_in(leave, k_cp_renege_, id, aux);
    }
  }
  assign_care_partners();
}

void PathwaySimulation::on_cp_renege(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  const auto seq = static_cast<std::uint16_t>(e.aux & 0xffffu);
  if (!p.has(kAlive) || !p.has(kCpWaiting) || p.cp_wait_seq != seq) return;
  const bool at_max = ((e.aux >> 16) & 1u) != 0;
  const double since = std::bit_cast<float>(static_cast<std::uint32_t>(e.aux >> 32));
  drop_cp_waiting(id);
  outputs_.cp_left_list(sim_.now(), since, at_max);
  if (!at_max) return;
  // Removed at the maximum wait: back to the GP alone, who signposts to a VCSE offer, taken up
  // with the person's engagement.
  bool signposted = false;
  {
    engine::RandomStream rng(key_, id, static_cast<std::uint64_t>(Purpose::Access),
                             4 * std::uint64_t{seq} + 1);
    signposted = bernoulli(rng, p.engagement);
  }
  if (signposted) refer_to_vcse(id);
}

void PathwaySimulation::drop_cp_waiting(std::uint32_t id) {
  Person& p = persons_[id];
  p.set(kCpWaiting, false);
  sync_person(id);
  ++p.cp_wait_seq;  // Leaves a stale entry behind, skipped when reached.
  outputs_.cp_dropped(sim_.now());
}

void PathwaySimulation::assign_care_partners() {
  auto stale = [this](const CpEntry& e) {
    const Person& p = persons_[e.person];
    return !p.has(kCpWaiting) || p.cp_wait_seq != e.seq;
  };
  for (;;) {
    while (!cp_priority_.empty() && stale(cp_priority_.front())) cp_priority_.pop_front();
    while (!cp_normal_.empty() && stale(cp_normal_.front())) cp_normal_.pop_front();
    std::deque<CpEntry>* line = !cp_priority_.empty() ? &cp_priority_
                                : !cp_normal_.empty() ? &cp_normal_
                                                      : nullptr;
    if (line == nullptr) return;
    const std::uint32_t post = workforce_.post_with_most_room();
    if (post == kNone) return;
    const CpEntry entry = line->front();
    line->pop_front();
    join_caseload(entry.person, post, entry.since);
  }
}

void PathwaySimulation::join_caseload(std::uint32_t id, std::uint32_t post, double since) {
  Person& p = persons_[id];
  p.set(kCpWaiting, false);
  sync_person(id);
  p.cp_worker = post;
  p.rapport = 0;  // A new worker starts the relationship again.
  p.cp_goals = 0;
  workforce_.post(post).caseload.push_back(id);
  outputs_.cp_allocated(p, sim_.now(), since);
  set_home(id, Setting::CarePartner);
  if (p.setting == Setting::PrimaryCare) move_to(id, Setting::CarePartner);
  // The episode is named by the waiting entry it came from; a later offer renames it.
  const double longest = config_.care_partners.max_episode_days;
  if (!trial_ && longest > 0.0 && sim_.now() + longest <= horizon_) {
    sim_.schedule_in(longest, k_cp_episode_end_, id, p.cp_wait_seq);
  }
  schedule_contact(id);
  schedule_transition(id);
}

bool PathwaySimulation::care_partner_goals_met(const Person& p) const {
  // A trial delivers its intervention up to the follow-up, so it has no planned endings.
  if (trial_ || p.state != ClinicalState::Stable || p.has(kGoalOpen)) return false;
  const CarePartnerConfig& cp = config_.care_partners;
  return p.cp_goals >= cp.discharge_goals && sim_.now() - p.state_since >= cp.discharge_stable_days;
}

void PathwaySimulation::on_cp_episode_end(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  const Person& p = persons_[id];
  if (!p.has(kAlive) || p.cp_worker == kNone || p.cp_wait_seq != e.aux) return;
  if (p.setting != p.home) {
    // In acute care: the ending waits for the next month end after the return.
    if (next_month_end_ <= horizon_)
      sim_.schedule_at(next_month_end_, k_cp_episode_end_, id, e.aux);
    return;
  }
  leave_caseload(id);
}

void PathwaySimulation::leave_caseload(std::uint32_t id, bool reassign) {
  Person& p = persons_[id];
  std::vector<std::uint32_t>& list = workforce_.post(p.cp_worker).caseload;
  const auto it = std::find(list.begin(), list.end(), id);
  if (it != list.end()) {
    *it = list.back();
    list.pop_back();
  }
  outputs_.cp_discharged(sim_.now());
  p.cp_worker = kNone;
  ++p.contact_token;
  if (p.home == Setting::CarePartner) {
    set_home(id, Setting::PrimaryCare);
    if (p.setting == Setting::CarePartner) move_to(id, Setting::PrimaryCare);
  }
  schedule_transition(id);
  if (reassign) assign_care_partners();
}

void PathwaySimulation::schedule_contact(std::uint32_t id) {
  Person& p = persons_[id];
  ++p.contact_token;
  if (!p.has(kAlive) || p.cp_worker == kNone) return;
  const CarePartnerConfig& cp = config_.care_partners;
  // Stepping up contact when someone struggles is a coaching skill, so it scales with
  // competence: contacts follow need, not deterioration the worker does not notice.
  const double mean =
      p.state == ClinicalState::Stable
          ? cp.contact_interval_stable_days
          : cp.contact_interval_stable_days -
                (cp.contact_interval_stable_days - cp.contact_interval_struggling_days) *
                    competence(p);
  if (!(mean > 0.0)) return;
  double delay = 0.0;
  {
    PersonStream rng(*this, id, kSlotContact);
    delay = exponential(*rng, 1.0 / mean);
  }
  if (sim_.now() + delay <= horizon_) sim_.schedule_in(delay, k_contact_, id, p.contact_token);
}

void PathwaySimulation::on_contact(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.contact_token != e.aux || p.cp_worker == kNone) return;
  if (acute(p.setting)) {
    schedule_contact(id);  // Paused during acute care; the caseload slot is held.
    return;
  }
  Post& worker = workforce_.post(p.cp_worker);
  if (worker.contacts_this_month >= worker.contacts_per_month) {
    // No hours left this month: the contact moves to the start of next month.
    if (next_month_end_ <= horizon_) sim_.schedule_at(next_month_end_, k_contact_, id, e.aux);
    return;
  }
  const CarePartnerConfig& cp = config_.care_partners;
  bool taken = false;
  bool disengage = false;
  {
    PersonStream rng(*this, id, kSlotContact);
    taken = bernoulli(*rng, p.engagement);
    if (taken && !p.has(kCpEngaged)) {
      disengage =
          bernoulli(*rng, cp.disengage_probability * (1.0 - 0.5 * cp.choice_of_care_partner));
    }
  }
  if (!taken) {
    schedule_contact(id);
    return;
  }
  if (disengage) {
    leave_caseload(id);  // Poor therapeutic fit: declines before any recorded contact.
    return;
  }
  const double now = sim_.now();
  p.set(kCpEngaged);
  ++worker.contacts_this_month;
  const bool closer = p.rapport < kRapportCap;
  if (closer) ++p.rapport;
  outputs_.care_partner_contact(p);
  p.last_proactive = p.last_care_contact = static_cast<float>(now);
  sync_person(id);
  bool achieved = false;
  bool set_goal = false;
  bool to_vcse = false;
  {
    PersonStream rng(*this, id, kSlotGoal);
    if (p.has(kGoalOpen)) {
      achieved = bernoulli(*rng, cp.goal_achieve_probability * worker.competence);
    } else {
      set_goal = bernoulli(*rng, cp.goal_set_probability);
    }
    to_vcse = bernoulli(*rng, config_.services.vcse_referral_probability);
  }
  if (achieved) {
    p.set(kGoalOpen, false);
    qol_.add_gain(id, config_.clinical.qol_target_per_goal, config_.clinical.qol_target_goal_cap);
    if (p.cp_goals < std::numeric_limits<std::uint8_t>::max()) ++p.cp_goals;
    outputs_.goal_achieved(p);
  } else if (set_goal) {
    p.set(kGoalOpen);
    outputs_.goal_set(p);
  }
  sync_person(id);
  if (to_vcse) refer_to_vcse(id);
  schedule_contact(id);
  if (closer) schedule_transition(id);  // A closer relationship changes the hazards.
}

void PathwaySimulation::on_hire(const engine::Event& e) {
  const std::size_t k = e.target;
  const double now = sim_.now();
  workforce_.hire(k, now);
  outputs_.cp_fte(now, workforce_.post(k).fte);
  outputs_.cp_capacity(now, workforce_.capacity());
  assign_care_partners();
}

void PathwaySimulation::workforce_month() {
  const double now = sim_.now();
  const double supervisor_fte = workforce_.supervisor_fte_in_post();
  workforce_.supervise(now);
  workforce_.draw_supervisor_leavers(now, kMonthDays);
  outputs_.supervisor_fte(now, workforce_.supervisor_fte_in_post() - supervisor_fte);
  if (workforce_.size() == 0) return;
  for (const std::uint32_t k : workforce_.draw_leavers(kMonthDays)) {
    outputs_.cp_fte(now, -workforce_.post(k).fte);
    const std::vector<std::uint32_t> caseload = workforce_.post(k).caseload;
    for (const std::uint32_t id : caseload) leave_caseload(id, false);
    // Continuity is lost: the caseload goes back to the front of the waiting list.
    for (auto it = caseload.rbegin(); it != caseload.rend(); ++it) {
      offer_care_partner(*it, true, true);
    }
    const double delay = workforce_.recruitment_delay(k);
    if (now + delay <= horizon_) sim_.schedule_in(delay, k_hire_, k);
  }
  outputs_.cp_capacity(now, workforce_.capacity());
  workforce_.reset_contacts();
  assign_care_partners();
  // Competence changed: hazards of everyone on a caseload change with it.
  for (std::size_t k = 0; k < workforce_.size(); ++k) {
    for (const std::uint32_t id : workforce_.post(k).caseload) schedule_transition(id);
  }
}

}  // namespace cmhsim::model::pathway
