// The Care Partner workforce: posts (filled or vacant), competence, caseload lists, monthly
// supervision from a pooled supervisor capacity, leaving and recruitment. Knows people only as
// ids on caseload lists; knows nothing of events (the caller schedules hires).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random_stream.hpp"
#include "model/pathway_config.hpp"

namespace cmhsim::model::pathway {

/// Holds one Care Partner post.
struct Post {
  double fte = 0.0;
  double competence = 0.0;         ///< Coaching competence of the worker in post (0-1).
  double hired_at = 0.0;           ///< Start date of the worker in post (tenure = now - hired_at).
  std::uint32_t caseload_cap = 0;  ///< People the post may hold.
  std::uint32_t contacts_per_month = 0;  ///< Contacts the worker's hours allow in a month.
  std::uint32_t contacts_this_month = 0;
  std::uint32_t position = 0;           ///< Draws taken from the post's Workforce stream.
  std::vector<std::uint32_t> caseload;  ///< Person ids.
  bool in_post = false;
  bool supervised = false;  ///< Supervised in the current month.
};

/// Holds the posts and applies supervision, competence change, leaving and hiring.
class Workforce {
 public:
  /// Creates ceil(fte / fte_per_worker) posts (the last may be fractional); draws which posts
  /// start vacant (vacancy_at_start_share, per post) from each post's Workforce stream.
  Workforce(const CarePartnerConfig& cp, const SupervisionConfig& sup, engine::RngKey key);

  /// Returns the number of posts.
  [[nodiscard]] std::size_t size() const noexcept { return posts_.size(); }
  /// Returns post `k`.
  [[nodiscard]] Post& post(std::size_t k) { return posts_[k]; }
  [[nodiscard]] const Post& post(std::size_t k) const { return posts_[k]; }
  /// Returns the number of posts filled.
  [[nodiscard]] std::size_t in_post() const noexcept;
  /// Returns the number of filled posts supervised this month.
  [[nodiscard]] std::size_t supervised() const noexcept;
  /// Returns the total caseload cap of filled posts.
  [[nodiscard]] std::uint64_t capacity() const noexcept;
  /// Returns the people on all caseload lists.
  [[nodiscard]] std::uint64_t caseload() const noexcept;
  /// Returns the number of workers who have left so far.
  [[nodiscard]] std::uint64_t leavers() const noexcept { return leavers_; }

  /// Returns the filled post with the most free caseload slots (lowest index on ties), or kNone.
  [[nodiscard]] std::uint32_t post_with_most_room() const noexcept;

  /// Draws a recruitment delay (days) for post `k` from its stream.
  double recruitment_delay(std::size_t k);
  /// Fills post `k` at `now` with a new worker of initial competence.
  void hire(std::size_t k, double now);

  /// Allocates this month's supervision in post order starting at post (month mod posts), then
  /// moves competence up (supervised) or down (unsupervised) within [competence_min, 1].
  void supervise(std::uint64_t month);

  /// Draws this month's leavers (turnover, raised when unsupervised), marks their posts vacant and
  /// returns their indices; the caller empties their caseloads and schedules hires.
  std::vector<std::uint32_t> draw_leavers(double month_days);

  /// Starts a new month of contact capacity.
  void reset_contacts() noexcept;

 private:
  double uniform(std::size_t k);

  const CarePartnerConfig& cp_;
  const SupervisionConfig& sup_;
  engine::RngKey key_;
  std::vector<Post> posts_;
  std::uint64_t leavers_ = 0;
};

}  // namespace cmhsim::model::pathway
