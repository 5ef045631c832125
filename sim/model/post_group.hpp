// Staff posts filled only at month ends: a group of posts with its own vacancies at start,
// turnover and recruitment delays, each post drawing from its own Workforce stream. Serves
// supervisors and CMHT care coordinators; knows nothing of people, caseloads or events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "model/person.hpp"

namespace cmhsim::model::pathway {

/// Holds one post of a PostGroup.
struct StaffPost {
  double fte = 0.0;
  double vacant_until = 0.0;   ///< End of the recruitment delay of a vacant post.
  double hired_at = 0.0;       ///< Month end at which the worker in post started.
  std::uint32_t position = 0;  ///< Draws taken from the post's Workforce stream.
  bool in_post = false;
};

/// Sets a PostGroup: its FTE, how it is split into posts and how they turn over.
struct PostGroupSpec {
  double fte = 0.0;           ///< Total FTE of the group.
  double fte_per_post = 1.0;  ///< FTE of each post (the last may be fractional).
  double turnover_per_year = 0.0;
  const engine::Distribution* recruitment_delay_days = nullptr;  ///< Vacancy to start date.
  double vacancy_at_start_share = 0.0;  ///< Fraction of posts vacant at day 0.
  std::uint64_t first_entity = 0;       ///< Stream entity of post 0; post k uses first + k.
  const char* what = "";                ///< Names the group's keys in errors.
};

/// Caps the posts of a group: ids are 32-bit and each stream id must stay below the next block.
inline constexpr std::size_t kMaxPosts = std::size_t{1} << 20;

/// Returns ceil(fte / per_post) posts (0 when either is not positive); throws
/// std::invalid_argument naming `what` beyond kMaxPosts.
std::size_t post_count(double fte, double per_post, const char* what);

/// Returns the chance that a worker leaves within `days` at `turnover_per_year`.
[[nodiscard]] double leave_probability(double turnover_per_year, double days) noexcept;

/// Returns `f(rng)` on the Workforce stream of `entity` from `position`, and saves where it ends.
template <class F>
double draw_on_post(engine::RngKey key, std::uint64_t entity, std::uint32_t& position, F f) {
  engine::RandomStream rng(key, entity, static_cast<std::uint64_t>(Purpose::Workforce), position);
  const double x = f(rng);
  position = static_cast<std::uint32_t>(rng.position());
  return x;
}

/// Holds posts that start after a recruitment delay at the first month end past it.
class PostGroup {
 public:
  /// Creates the posts and draws, from each post's stream, whether it starts vacant and, if so,
  /// its recruitment delay.
  PostGroup(const PostGroupSpec& spec, engine::RngKey key);

  /// Returns the number of posts.
  [[nodiscard]] std::size_t size() const noexcept { return posts_.size(); }
  /// Returns post `j`.
  [[nodiscard]] const StaffPost& post(std::size_t j) const { return posts_[j]; }
  /// Returns the number of posts filled.
  [[nodiscard]] std::size_t in_post() const noexcept;
  /// Returns the FTE of filled posts.
  [[nodiscard]] double fte_in_post() const noexcept;
  /// Returns the number of workers who have left so far.
  [[nodiscard]] std::uint64_t leavers() const noexcept { return leavers_; }

  /// Fills the posts whose recruitment delay has ended by the month end `now`.
  void fill_due(double now);
  /// Draws this month's leavers (those who started at `now` stay), marks their posts vacant and
  /// draws each one's recruitment delay; returns the number who left.
  std::size_t draw_leavers(double now, double month_days);

 private:
  double uniform(std::size_t j);
  double delay(std::size_t j);

  PostGroupSpec spec_;
  engine::RngKey key_;
  std::vector<StaffPost> posts_;
  std::uint64_t leavers_ = 0;
};

}  // namespace cmhsim::model::pathway
