// Care Partner and supervisor posts: vacancies at start, monthly sharing of supervision hours,
// competence moving toward a ceiling set by effective supervision, leaving and hiring. Knows
// people only as ids on caseload lists; the caller turns Care Partner leavers into events.
#include "model/workforce.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/person.hpp"

namespace cmhsim::model::pathway {
double effective_supervision(double hours, double half_effect_hours) noexcept {
  if (!(hours > 0.0)) return 0.0;
  if (!(half_effect_hours > 0.0)) return 1.0;
  return 1.0 - std::exp2(-hours / half_effect_hours);
}

namespace {

/// Returns the supervisor posts' group of `sup`.
PostGroupSpec supervisor_spec(const SupervisionConfig& sup) {
  return {sup.supervisor_fte,
          sup.fte_per_supervisor,
          sup.turnover_per_year,
          &sup.recruitment_delay_days,
          sup.vacancy_at_start_share,
          kSupervisorPostEntity,
          "supervision.supervisor_fte / fte_per_supervisor"};
}

}  // namespace

Workforce::Workforce(const CarePartnerConfig& cp, const SupervisionConfig& sup, engine::RngKey key)
    : cp_(cp),
      sup_(sup),
      key_(key),
      supervisors_(supervisor_spec(sup), key),
      hours_per_cp_(std::numeric_limits<double>::quiet_NaN()) {
  const std::size_t count =
      post_count(cp_.fte, cp_.fte_per_worker, "care_partners.fte / fte_per_worker");
  posts_.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    Post& p = posts_[k];
    p.fte = std::min(cp_.fte_per_worker, cp_.fte - static_cast<double>(k) * cp_.fte_per_worker);
    p.caseload_cap = static_cast<std::uint32_t>(std::floor(cp_.caseload_per_fte * p.fte + 1e-9));
    p.contacts_per_month =
        cp_.contact_hours > 0.0
            ? static_cast<std::uint32_t>(
                  std::floor(p.fte * cp_.hours_per_fte_per_month / cp_.contact_hours + 1e-9))
            : 0;
    p.in_post = !(uniform(k) < cp_.vacancy_at_start_share);
    p.competence = cp_.competence_initial;
    p.hired_at = 0.0;
  }
}

double Workforce::uniform(std::size_t k) {
  return draw_on_post(key_, kPostEntity + k, posts_[k].position,
                      [](engine::RandomStream& rng) { return rng.uniform01(); });
}

std::size_t Workforce::in_post() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(posts_.begin(), posts_.end(), [](const Post& p) { return p.in_post; }));
}

std::size_t Workforce::supervised() const noexcept {
  return static_cast<std::size_t>(std::count_if(posts_.begin(), posts_.end(), [](const Post& p) {
    return p.in_post && p.supervision_hours > 0.0;
  }));
}

std::uint64_t Workforce::capacity() const noexcept {
  std::uint64_t n = 0;
  for (const Post& p : posts_) n += p.in_post ? p.caseload_cap : 0;
  return n;
}

std::uint64_t Workforce::caseload() const noexcept {
  std::uint64_t n = 0;
  for (const Post& p : posts_) n += p.caseload.size();
  return n;
}

std::uint32_t Workforce::post_with_most_room() const noexcept {
  std::uint32_t best = kNone;
  std::size_t best_room = 0;
  for (std::size_t k = 0; k < posts_.size(); ++k) {
    const Post& p = posts_[k];
    if (!p.in_post || p.caseload.size() >= p.caseload_cap) continue;
    const std::size_t room = p.caseload_cap - p.caseload.size();
    if (room > best_room) {
      best_room = room;
      best = static_cast<std::uint32_t>(k);
    }
  }
  return best;
}

double Workforce::recruitment_delay(std::size_t k) {
  return draw_on_post(key_, kPostEntity + k, posts_[k].position, [this](engine::RandomStream& rng) {
    return std::max(0.0, cp_.recruitment_delay_days.sample(rng));
  });
}

void Workforce::hire(std::size_t k, double now) {
  Post& p = posts_[k];
  p.in_post = true;
  p.competence = cp_.competence_initial;
  p.hired_at = now;
  p.supervision_hours = 0.0;
  p.supervision = 0.0;
}

void Workforce::supervise(double now) {
  // Supervision is given at month ends only, so supervisors start at month ends.
  supervisors_.fill_due(now);
  const std::size_t n = in_post();
  const double hours = supervisor_fte_in_post() * sup_.hours_per_supervisor_fte_per_month;
  hours_per_cp_ = n > 0 ? hours / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
  const double share = n > 0 ? hours_per_cp_ : 0.0;
  const double s = effective_supervision(share, sup_.half_effect_hours_per_care_partner);
  const double ceiling = cp_.competence_min + (1.0 - cp_.competence_min) * s;
  for (Post& p : posts_) {
    p.supervision_hours = 0.0;
    p.supervision = 0.0;
    if (!p.in_post) continue;
    p.supervision_hours = share;
    p.supervision = s;
    // Competence approaches the ceiling geometrically: learning below it, drifting above it.
    const double rate =
        p.competence < ceiling ? cp_.competence_learning_per_month : cp_.competence_drift_per_month;
    p.competence =
        std::clamp(p.competence + rate * (ceiling - p.competence), cp_.competence_min, 1.0);
  }
}

std::vector<std::uint32_t> Workforce::draw_leavers(double month_days) {
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < posts_.size(); ++k) {
    Post& p = posts_[k];
    if (!p.in_post) continue;
    const double ratio = 1.0 + (cp_.unsupervised_turnover_ratio - 1.0) * (1.0 - p.supervision);
    const double leave = leave_probability(cp_.turnover_per_year * ratio, month_days);
    if (uniform(k) < leave) {
      p.in_post = false;
      p.supervision_hours = 0.0;
      p.supervision = 0.0;
      ++leavers_;
      out.push_back(static_cast<std::uint32_t>(k));
    }
  }
  return out;
}

void Workforce::reset_contacts() noexcept {
  for (Post& p : posts_) p.contacts_this_month = 0;
}

}  // namespace cmhsim::model::pathway
