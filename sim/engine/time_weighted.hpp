// Time-weighted average of a piecewise-constant level (queue length, busy servers).
// Knows nothing of what the level counts.
#pragma once

#include <limits>

namespace cmhsim::engine {

/// Integrates a level over time; the average is the integral over the observed span.
class TimeWeighted {
 public:
  /// Starts observing at time `t` with the current level `level`, forgetting earlier history.
  void reset(double t, double level) noexcept {
    start_ = last_ = t;
    level_ = level;
    area_ = 0.0;
    max_ = level;
  }

  /// Records that the level changes to `level` at time `t` (t must not decrease).
  void update(double t, double level) noexcept {
    area_ += level_ * (t - last_);
    last_ = t;
    level_ = level;
    if (level > max_) max_ = level;
  }
  /// Records that the level changes by `delta` at time `t` (t must not decrease).
  void add(double t, double delta) noexcept { update(t, level_ + delta); }

  /// Returns the integral of the level from the start to time `t`.
  [[nodiscard]] double area(double t) const noexcept { return area_ + level_ * (t - last_); }
  /// Returns the time average from the start to `t`, or NaN over an empty span.
  [[nodiscard]] double mean(double t) const noexcept {
    const double span = t - start_;
    return span > 0.0 ? area(t) / span : std::numeric_limits<double>::quiet_NaN();
  }
  /// Returns the current level.
  [[nodiscard]] double level() const noexcept { return level_; }
  /// Returns the highest level seen since the start.
  [[nodiscard]] double max() const noexcept { return max_; }
  /// Returns the time observation started.
  [[nodiscard]] double start() const noexcept { return start_; }

 private:
  double start_ = 0.0;
  double last_ = 0.0;
  double level_ = 0.0;
  double area_ = 0.0;
  double max_ = 0.0;
};

}  // namespace cmhsim::engine
