// Care Partner and supervisor posts: vacancies at start, monthly sharing of supervision hours,
// competence moving toward a ceiling set by effective supervision, leaving and hiring. Knows
// people only as ids on caseload lists; the caller turns Care Partner leavers into events.
#include "model/workforce.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "model/person.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Caps the posts of each kind: ids are 32-bit and each stream id must stay below the next block.
constexpr std::size_t kMaxPosts = std::size_t{1} << 20;

/// Returns ceil(fte / per_post) posts, refusing counts beyond kMaxPosts.
std::size_t post_count(double fte, double per_post, const char* what) {
  if (!(fte > 0.0) || !(per_post > 0.0)) return 0;
  const double wanted = std::ceil(fte / per_post - 1e-9);
  // Converting a double beyond the integer's range is undefined, so check before the cast.
  if (!(wanted <= static_cast<double>(kMaxPosts))) {
    throw std::invalid_argument(std::string(what) + " asks for more than " +
                                std::to_string(kMaxPosts) + " posts");
  }
  return static_cast<std::size_t>(wanted);
}

/// Returns `f(rng)` on the Workforce stream of `entity` from `position`, and saves where it ends.
template <class F>
double draw(engine::RngKey key, std::uint64_t entity, std::uint32_t& position, F f) {
  engine::RandomStream rng(key, entity, static_cast<std::uint64_t>(Purpose::Workforce), position);
  const double x = f(rng);
  position = static_cast<std::uint32_t>(rng.position());
  return x;
}

}  // namespace

double effective_supervision(double hours, double half_effect_hours) noexcept {
  if (!(hours > 0.0)) return 0.0;
  if (!(half_effect_hours > 0.0)) return 1.0;
  return 1.0 - std::exp2(-hours / half_effect_hours);
}

Workforce::Workforce(const CarePartnerConfig& cp, const SupervisionConfig& sup, engine::RngKey key)
    : cp_(cp), sup_(sup), key_(key), hours_per_cp_(std::numeric_limits<double>::quiet_NaN()) {
  const std::size_t supervisors = post_count(sup_.supervisor_fte, sup_.fte_per_supervisor,
                                             "supervision.supervisor_fte / fte_per_supervisor");
  const std::size_t count =
      post_count(cp_.fte, cp_.fte_per_worker, "care_partners.fte / fte_per_worker");
  supervisors_.resize(supervisors);
  for (std::size_t j = 0; j < supervisors; ++j) {
    SupervisorPost& s = supervisors_[j];
    s.fte = std::min(sup_.fte_per_supervisor,
                     sup_.supervisor_fte - static_cast<double>(j) * sup_.fte_per_supervisor);
    s.in_post = !(supervisor_uniform(j) < sup_.vacancy_at_start_share);
    if (!s.in_post) s.vacant_until = supervisor_delay(j);
  }
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
  return draw(key_, kPostEntity + k, posts_[k].position,
              [](engine::RandomStream& rng) { return rng.uniform01(); });
}

double Workforce::supervisor_uniform(std::size_t j) {
  return draw(key_, kSupervisorPostEntity + j, supervisors_[j].position,
              [](engine::RandomStream& rng) { return rng.uniform01(); });
}

double Workforce::supervisor_delay(std::size_t j) {
  return draw(key_, kSupervisorPostEntity + j, supervisors_[j].position,
              [this](engine::RandomStream& rng) {
                return std::max(0.0, sup_.recruitment_delay_days.sample(rng));
              });
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

std::size_t Workforce::supervisors_in_post() const noexcept {
  return static_cast<std::size_t>(std::count_if(supervisors_.begin(), supervisors_.end(),
                                                [](const SupervisorPost& s) { return s.in_post; }));
}

double Workforce::supervisor_fte_in_post() const noexcept {
  double fte = 0.0;
  for (const SupervisorPost& s : supervisors_) fte += s.in_post ? s.fte : 0.0;
  return fte;
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
  return draw(key_, kPostEntity + k, posts_[k].position, [this](engine::RandomStream& rng) {
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
  for (SupervisorPost& s : supervisors_) {
    // A supervisor starts at the first month end after the recruitment delay: supervision is
    // given at month ends only.
    if (!s.in_post && s.vacant_until <= now + 1e-9) {
      s.in_post = true;
      s.hired_at = now;
    }
  }
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
    const double leave = 1.0 - std::exp(-cp_.turnover_per_year * ratio * month_days / kYearDays);
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

std::size_t Workforce::draw_supervisor_leavers(double now, double month_days) {
  std::size_t left = 0;
  const double leave = 1.0 - std::exp(-sup_.turnover_per_year * month_days / kYearDays);
  for (std::size_t j = 0; j < supervisors_.size(); ++j) {
    SupervisorPost& s = supervisors_[j];
    if (!s.in_post || s.hired_at >= now) continue;
    if (supervisor_uniform(j) < leave) {
      s.in_post = false;
      s.vacant_until = now + supervisor_delay(j);
      ++supervisor_leavers_;
      ++left;
    }
  }
  return left;
}

void Workforce::reset_contacts() noexcept {
  for (Post& p : posts_) p.contacts_this_month = 0;
}

}  // namespace cmhsim::model::pathway
