// Care Partner posts: vacancies at start, monthly supervision and competence, leaving and hiring.
// Knows people only as ids on caseload lists; the caller turns leavers into events.
#include "model/workforce.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "model/person.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Caps the posts: post ids are 32-bit and each post's stream id must stay below the next block.
constexpr std::size_t kMaxPosts = std::size_t{1} << 20;

}  // namespace

Workforce::Workforce(const CarePartnerConfig& cp, const SupervisionConfig& sup, engine::RngKey key)
    : cp_(cp), sup_(sup), key_(key) {
  if (!(cp_.fte > 0.0) || !(cp_.fte_per_worker > 0.0)) return;
  const double wanted = std::ceil(cp_.fte / cp_.fte_per_worker - 1e-9);
  // Converting a double beyond the integer's range is undefined, so check before the cast.
  if (!(wanted <= static_cast<double>(kMaxPosts))) {
    throw std::invalid_argument("care_partners.fte / fte_per_worker asks for more than " +
                                std::to_string(kMaxPosts) + " posts");
  }
  const auto count = static_cast<std::size_t>(wanted);
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
  engine::RandomStream rng(key_, kPostEntity + k, static_cast<std::uint64_t>(Purpose::Workforce),
                           posts_[k].position);
  const double u = rng.uniform01();
  posts_[k].position = static_cast<std::uint32_t>(rng.position());
  return u;
}

std::size_t Workforce::in_post() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(posts_.begin(), posts_.end(), [](const Post& p) { return p.in_post; }));
}

std::size_t Workforce::supervised() const noexcept {
  return static_cast<std::size_t>(std::count_if(
      posts_.begin(), posts_.end(), [](const Post& p) { return p.in_post && p.supervised; }));
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
  engine::RandomStream rng(key_, kPostEntity + k, static_cast<std::uint64_t>(Purpose::Workforce),
                           posts_[k].position);
  const double d = std::max(0.0, cp_.recruitment_delay_days.sample(rng));
  posts_[k].position = static_cast<std::uint32_t>(rng.position());
  return d;
}

void Workforce::hire(std::size_t k, double now) {
  Post& p = posts_[k];
  p.in_post = true;
  p.competence = cp_.competence_initial;
  p.hired_at = now;
  p.supervised = false;
}

void Workforce::supervise(std::uint64_t month) {
  const std::size_t n = posts_.size();
  if (n == 0) return;
  double hours = sup_.supervisor_fte * sup_.hours_per_supervisor_fte_per_month;
  const double need = sup_.hours_per_care_partner_per_month;
  const std::size_t start = static_cast<std::size_t>(month % n);
  for (std::size_t i = 0; i < n; ++i) {
    Post& p = posts_[(start + i) % n];
    p.supervised = false;
    if (!p.in_post) continue;
    if (hours + 1e-9 >= need) {
      p.supervised = true;
      hours -= need;
    }
    const double change = p.supervised ? cp_.competence_gain_per_supervised_month
                                       : -cp_.competence_drift_per_unsupervised_month;
    p.competence = std::clamp(p.competence + change, cp_.competence_min, 1.0);
  }
}

std::vector<std::uint32_t> Workforce::draw_leavers(double month_days) {
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < posts_.size(); ++k) {
    Post& p = posts_[k];
    if (!p.in_post) continue;
    const double ratio = p.supervised ? 1.0 : cp_.unsupervised_turnover_ratio;
    const double leave = 1.0 - std::exp(-cp_.turnover_per_year * ratio * month_days / 365.25);
    if (uniform(k) < leave) {
      p.in_post = false;
      p.supervised = false;
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
