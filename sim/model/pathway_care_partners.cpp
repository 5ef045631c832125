// Care Partners in the pathway model: who is offered one, the waiting list (step-down and
// post-crisis first), allocation to the post with most room, coaching contacts with goals and
// disengagement, and the monthly workforce cycle (supervision, leaving, hiring). No I/O.
#include <algorithm>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Caps the contacts counted towards rapport, where its effect has saturated.
constexpr std::uint8_t kRapportCap = 60;

}  // namespace

bool PathwaySimulation::may_offer_care_partner(const Person& p) const {
  // In a trial Care Partners are offered at baseline only, to the intervention arm.
  return workforce_.size() > 0 && !trial_ && p.has(kAlive) && p.home == Setting::PrimaryCare &&
         p.cp_worker == kNone;
}

void PathwaySimulation::offer_care_partner(std::uint32_t id, bool priority, bool front) {
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.cp_worker != kNone || p.has(kCpWaiting) || workforce_.size() == 0) {
    return;
  }
  const double now = sim_.now();
  p.set(kCpWaiting);
  ++p.cp_wait_seq;
  outputs_.cp_queued(now);
  const CpEntry entry{id, p.cp_wait_seq, now};
  std::deque<CpEntry>& line = priority ? cp_priority_ : cp_normal_;
  if (front) {
    line.push_front(entry);
  } else {
    line.push_back(entry);
  }
  assign_care_partners();
}

void PathwaySimulation::drop_cp_waiting(std::uint32_t id) {
  Person& p = persons_[id];
  p.set(kCpWaiting, false);
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
  p.cp_worker = post;
  p.rapport = 0;  // A new worker starts the relationship again.
  workforce_.post(post).caseload.push_back(id);
  outputs_.cp_allocated(p, sim_.now(), since);
  p.home = Setting::CarePartner;
  if (p.setting == Setting::PrimaryCare) move_to(id, Setting::CarePartner);
  schedule_contact(id);
  schedule_transition(id);
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
    p.home = Setting::PrimaryCare;
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
  if (p.setting == Setting::CrisisTeam || p.setting == Setting::Inpatient) {
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
    ++p.goals_achieved_total;
    outputs_.goal_achieved(p);
  } else if (set_goal) {
    p.set(kGoalOpen);
    outputs_.goal_set(p);
  }
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
