// A scan that runs ahead of a loop over a list, showing a caller the next few items it will
// want, so it can start loading what they touch. Knows nothing of what the items are.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

namespace cmhsim::engine {

/// Keeps up to `K` wanted positions ahead of a loop's position in view. A hint only: the loop
/// decides again whether it wants an item when it gets there.
template <std::size_t K>
class ScanAhead {
 public:
  /// Moves to position `i` of a list of `n`: forgets positions at or before `i`, then scans on
  /// from the furthest position seen and calls `show(j)` for each next position `j` with
  /// `wanted(j)` until `K` shown positions lie ahead of `i`.
  template <class Wanted, class Show>
  void at(std::size_t i, std::size_t n, Wanted&& wanted, Show&& show) {
    while (count_ > 0 && shown_[first_] <= i) {
      first_ = (first_ + 1) % K;
      --count_;
    }
    for (scan_ = std::max(scan_, i + 1); scan_ < n && count_ < K; ++scan_) {
      if (!wanted(scan_)) continue;
      show(scan_);
      shown_[(first_ + count_++) % K] = scan_;
    }
  }

 private:
  std::array<std::size_t, K> shown_{};  ///< Shown positions still ahead, a ring from first_.
  std::size_t first_ = 0;
  std::size_t count_ = 0;
  std::size_t scan_ = 0;  ///< The next position to scan.
};

}  // namespace cmhsim::engine
