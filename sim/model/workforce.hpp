// The Care Partner workforce and its supervisors: Care Partner posts (filled or vacant),
// competence and caseload lists; supervisor posts with their own turnover and recruitment; the
// monthly sharing of supervision hours and its smooth effect on competence and leaving. Knows
// people only as ids on caseload lists; knows nothing of events (the caller schedules hires).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random_stream.hpp"
#include "model/pathway_config.hpp"
#include "model/post_group.hpp"

namespace cmhsim::model::pathway {

/// Holds one Care Partner post.
struct Post {
  double fte = 0.0;
  double competence = 0.0;         ///< Coaching competence of the worker in post (0-1).
  double hired_at = 0.0;           ///< Start date of the worker in post (tenure = now - hired_at).
  double supervision_hours = 0.0;  ///< Supervision hours received at the latest month end.
  double supervision = 0.0;        ///< Effective supervision share (0-1) from those hours.
  std::uint32_t caseload_cap = 0;  ///< People the post may hold.
  std::uint32_t contacts_per_month = 0;  ///< Contacts the worker's hours allow in a month.
  std::uint32_t contacts_this_month = 0;
  std::uint32_t position = 0;           ///< Draws taken from the post's Workforce stream.
  std::vector<std::uint32_t> caseload;  ///< Person ids.
  bool in_post = false;
};

/// Returns the effective supervision share 1 - 2^(-hours / half_effect_hours) (0 with no hours).
[[nodiscard]] double effective_supervision(double hours, double half_effect_hours) noexcept;

/// Holds the posts and applies supervision, competence change, leaving and hiring.
class Workforce {
 public:
  /// Creates ceil(fte / fte_per_worker) Care Partner posts and ceil(supervisor_fte /
  /// fte_per_supervisor) supervisor posts (the last of each may be fractional); draws which posts
  /// start vacant (vacancy_at_start_share, per post) from each post's Workforce stream, and a
  /// vacant supervisor post's recruitment delay.
  Workforce(const CarePartnerConfig& cp, const SupervisionConfig& sup, engine::RngKey key);

  /// Returns the number of Care Partner posts.
  [[nodiscard]] std::size_t size() const noexcept { return posts_.size(); }
  /// Returns Care Partner post `k`.
  [[nodiscard]] Post& post(std::size_t k) { return posts_[k]; }
  [[nodiscard]] const Post& post(std::size_t k) const { return posts_[k]; }
  /// Returns the number of Care Partner posts filled.
  [[nodiscard]] std::size_t in_post() const noexcept;
  /// Returns the number of filled Care Partner posts given supervision hours at the latest month
  /// end.
  [[nodiscard]] std::size_t supervised() const noexcept;
  /// Returns the total caseload cap of filled posts.
  [[nodiscard]] std::uint64_t capacity() const noexcept;
  /// Returns the people on all caseload lists.
  [[nodiscard]] std::uint64_t caseload() const noexcept;
  /// Returns the number of Care Partners who have left so far.
  [[nodiscard]] std::uint64_t leavers() const noexcept { return leavers_; }

  /// Returns the number of supervisor posts.
  [[nodiscard]] std::size_t supervisor_posts() const noexcept { return supervisors_.size(); }
  /// Returns supervisor post `j`.
  [[nodiscard]] const StaffPost& supervisor(std::size_t j) const { return supervisors_.post(j); }
  /// Returns the number of supervisor posts filled.
  [[nodiscard]] std::size_t supervisors_in_post() const noexcept { return supervisors_.in_post(); }
  /// Returns the FTE of filled supervisor posts.
  [[nodiscard]] double supervisor_fte_in_post() const noexcept {
    return supervisors_.fte_in_post();
  }
  /// Returns the number of supervisors who have left so far.
  [[nodiscard]] std::uint64_t supervisor_leavers() const noexcept { return supervisors_.leavers(); }
  /// Returns the supervision hours each Care Partner in post received at the latest month end.
  [[nodiscard]] double hours_per_care_partner() const noexcept { return hours_per_cp_; }

  /// Returns the filled post with the most free caseload slots (lowest index on ties), or kNone.
  [[nodiscard]] std::uint32_t post_with_most_room() const noexcept;

  /// Draws a recruitment delay (days) for Care Partner post `k` from its stream.
  double recruitment_delay(std::size_t k);
  /// Fills Care Partner post `k` at `now` with a new worker of initial competence.
  void hire(std::size_t k, double now);

  /// Fills the supervisor posts whose recruitment delay has ended by `now`, shares their hours
  /// equally among the Care Partners in post and moves each one's competence toward the ceiling
  /// its effective supervision allows.
  void supervise(double now);

  /// Draws this month's Care Partner leavers (turnover, raised as effective supervision falls),
  /// marks their posts vacant and returns their indices; the caller empties their caseloads and
  /// schedules hires.
  std::vector<std::uint32_t> draw_leavers(double month_days);

  /// Draws this month's supervisor leavers (those who started at `now` stay), marks their posts
  /// vacant and draws each one's recruitment delay; returns the number who left.
  std::size_t draw_supervisor_leavers(double now, double month_days) {
    return supervisors_.draw_leavers(now, month_days);
  }

  /// Starts a new month of contact capacity.
  void reset_contacts() noexcept;

 private:
  double uniform(std::size_t k);

  const CarePartnerConfig& cp_;
  const SupervisionConfig& sup_;
  engine::RngKey key_;
  std::vector<Post> posts_;
  PostGroup supervisors_;
  double hours_per_cp_ = 0.0;
  std::uint64_t leavers_ = 0;
};

}  // namespace cmhsim::model::pathway
