// Staff posts filled at month ends: vacancies at start, leaving at a turnover rate and refilling
// after a recruitment delay, each post on its own Workforce stream. Knows nothing of people.
#include "model/post_group.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace cmhsim::model::pathway {

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

double leave_probability(double turnover_per_year, double days) noexcept {
  return 1.0 - std::exp(-turnover_per_year * days / kYearDays);
}

PostGroup::PostGroup(const PostGroupSpec& spec, engine::RngKey key) : spec_(spec), key_(key) {
  const std::size_t count = post_count(spec_.fte, spec_.fte_per_post, spec_.what);
  posts_.resize(count);
  for (std::size_t j = 0; j < count; ++j) {
    StaffPost& s = posts_[j];
    s.fte = std::min(spec_.fte_per_post, spec_.fte - static_cast<double>(j) * spec_.fte_per_post);
    s.in_post = !(uniform(j) < spec_.vacancy_at_start_share);
    if (!s.in_post) s.vacant_until = delay(j);
  }
}

double PostGroup::uniform(std::size_t j) {
  return draw_on_post(key_, spec_.first_entity + j, posts_[j].position,
                      [](engine::RandomStream& rng) { return rng.uniform01(); });
}

double PostGroup::delay(std::size_t j) {
  const engine::Distribution* d = spec_.recruitment_delay_days;
  return draw_on_post(key_, spec_.first_entity + j, posts_[j].position,
                      [d](engine::RandomStream& rng) {
                        return d != nullptr ? std::max(0.0, d->sample(rng)) : 0.0;
                      });
}

std::size_t PostGroup::in_post() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(posts_.begin(), posts_.end(), [](const StaffPost& s) { return s.in_post; }));
}

double PostGroup::fte_in_post() const noexcept {
  double fte = 0.0;
  for (const StaffPost& s : posts_) fte += s.in_post ? s.fte : 0.0;
  return fte;
}

void PostGroup::fill_due(double now) {
  for (StaffPost& s : posts_) {
    // A worker starts at the first month end after the recruitment delay.
    if (!s.in_post && s.vacant_until <= now + 1e-9) {
      s.in_post = true;
      s.hired_at = now;
    }
  }
}

std::size_t PostGroup::draw_leavers(double now, double month_days) {
  std::size_t left = 0;
  const double leave = leave_probability(spec_.turnover_per_year, month_days);
  for (std::size_t j = 0; j < posts_.size(); ++j) {
    StaffPost& s = posts_[j];
    if (!s.in_post || s.hired_at >= now) continue;
    if (uniform(j) < leave) {
      s.in_post = false;
      s.vacant_until = now + delay(j);
      ++leavers_;
      ++left;
    }
  }
  return left;
}

}  // namespace cmhsim::model::pathway
