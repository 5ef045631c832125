// The future-event list in time windows: the current window's events are sorted once when it
// opens (with a heap for those scheduled into it later), later windows wait unsorted in buckets.
// Knows only Event ordering.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/event.hpp"
#include "engine/event_chunks.hpp"

namespace cmhsim::engine {

/// Orders events exactly like `Heap` alone, keeping in order only those of the current time
/// window: a model whose pending events lie mostly far ahead (deaths, moves) then pops from a
/// sorted run and a small heap. With an infinite width (the default) every event goes to the heap.
template <typename Heap>
class WindowedEventQueue {
 public:
  /// Sets the window width in time units; only while the queue is empty.
  void set_width(double width) {
    inverse_width_ = std::isfinite(width) && width > 0.0 ? 1.0 / width : 0.0;
    limit_ = start_of(current_ + 1);
  }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  void reserve(std::size_t n) { heap_.reserve(n); }

  /// Adds `e`: to the heap when its window is the current one or earlier, else to its bucket.
  void push(const Event& e) {
    ++size_;
    if (e.time < limit_) {
      heap_.push(e);
      return;
    }
    const std::uint64_t w = window(e.time);
    if (w <= current_) {
      heap_.push(e);
    } else if (w - current_ < kRing) {
      chunks_.push(ring_[w % kRing], e);
    } else {
      overflow_.push_back(e);
      overflow_min_ = std::min(overflow_min_, w);
    }
  }
  /// Returns the next event (the queue must not be empty).
  const Event& top() {
    fill();
    return from_sorted() ? sorted_[next_] : heap_.top();
  }
  /// Returns the event `k` places after the next one in the open window's sorted run, or null
  /// when the run is shorter; events scheduled into the open window may fire before it.
  [[nodiscard]] const Event* later_in_window(std::size_t k) const noexcept {
    return next_ + k < sorted_.size() ? &sorted_[next_ + k] : nullptr;
  }
  /// Removes and returns the next event (the queue must not be empty).
  Event pop() {
    fill();
    --size_;
    return from_sorted() ? sorted_[next_++] : heap_.pop();
  }

 private:
  // Ring slots of later windows; windows further ahead wait in the overflow.
  static constexpr std::uint64_t kRing = 4096;
  // Longest run sorted by insertion.
  static constexpr std::size_t kSmallSort = 24;

  // Monotone in t, so a later window never holds an earlier event.
  [[nodiscard]] std::uint64_t window(double t) const noexcept {
    const double w = std::floor(t * inverse_width_);
    if (!(w > 0.0)) return 0;
    return w < 0x1p62 ? static_cast<std::uint64_t>(w) : std::uint64_t{1} << 62;
  }

  // Returns the earliest time in window k or later (+inf without windows): comparing with it is
  // the same as comparing windows, and cheaper.
  [[nodiscard]] double start_of(std::uint64_t k) const noexcept {
    if (inverse_width_ == 0.0) return kInfinity;
    const auto target = static_cast<double>(k);
    double t = target / inverse_width_;
    while (t > 0.0 && t * inverse_width_ >= target) t = std::nextafter(t, 0.0);
    while (t * inverse_width_ < target) t = std::nextafter(t, kInfinity);
    return t;
  }

  // Returns true when the next event comes from the sorted run rather than the heap (one of the
  // two must hold an event).
  [[nodiscard]] bool from_sorted() const noexcept {
    return next_ < sorted_.size() && (heap_.empty() || fires_before(sorted_[next_], heap_.top()));
  }

  // Opens the next non-empty window when nothing of the current one is left: its bucket is
  // sorted once and popped in order, which is cheaper than a heap of all of it; the events
  // scheduled into an open window go to the heap.
  void fill() {
    while (heap_.empty() && next_ == sorted_.size() && size_ > 0) {
      if (size_ == overflow_.size() && !overflow_.empty()) current_ = overflow_min_ - 1;
      ++current_;
      limit_ = start_of(current_ + 1);
      if (overflow_min_ < current_ + kRing / 2) spill_overflow();
      EventChunks::List& bucket = ring_[current_ % kRing];
      sort_window(bucket);
      next_ = 0;
      chunks_.release(bucket);
    }
  }

  // Puts the opened window's events from `bucket` into sorted_ in firing order: a counting pass
  // spreads them over sub-windows of equal width (the sub-window index never decreases with
  // time), and each sub-window, a handful of events on average, is then sorted alone.
  void sort_window(const EventChunks::List& bucket) {
    const std::size_t n = bucket.size;
    sorted_.resize(n);
    const double start = start_of(current_);
    const std::size_t parts = std::bit_ceil(n / 4);
    const double scale = static_cast<double>(parts) / (limit_ - start);
    if (n <= kSmallSort || !std::isfinite(scale)) {
      Event* out = sorted_.data();
      chunks_.for_each(bucket, [&out](const Event& e) { *out++ = e; });
      sort_range(sorted_.data(), sorted_.data() + n);
      return;
    }
    const auto part = [&](const Event& e) {
      const double x = (e.time - start) * scale;
      return x < static_cast<double>(parts - 1) ? static_cast<std::size_t>(x) : parts - 1;
    };
    // Counts then prefix sums give each sub-window's first slot.
    part_starts_.assign(parts + 1, 0);
    chunks_.for_each(bucket, [&](const Event& e) { ++part_starts_[part(e) + 1]; });
    for (std::size_t k = 1; k <= parts; ++k) part_starts_[k] += part_starts_[k - 1];
    chunks_.for_each(bucket, [&](const Event& e) { sorted_[part_starts_[part(e)]++] = e; });
    // Each count now holds its sub-window's end, which is the next one's start.
    Event* first = sorted_.data();
    for (std::size_t k = 0; k < parts; ++k) {
      Event* last = sorted_.data() + part_starts_[k];
      sort_range(first, last);
      first = last;
    }
  }

  // Sorts [first, last) into firing order: by insertion when short, as sub-windows usually are.
  static void sort_range(Event* first, Event* last) {
    if (last - first > static_cast<std::ptrdiff_t>(kSmallSort)) {
      std::sort(first, last, [](const Event& a, const Event& b) { return fires_before(a, b); });
      return;
    }
    for (Event* i = first + (first != last); i < last; ++i) {
      const Event e = *i;
      Event* j = i;
      for (; j > first && fires_before(e, *(j - 1)); --j) *j = *(j - 1);
      *j = e;
    }
  }

  // Moves overflow events that now fall within the ring into their slots.
  void spill_overflow() {
    overflow_min_ = kNoWindow;
    std::size_t kept = 0;
    for (const Event& e : overflow_) {
      const std::uint64_t w = window(e.time);
      if (w == current_) {
        heap_.push(e);
      } else if (w < current_ + kRing) {
        chunks_.push(ring_[w % kRing], e);
      } else {
        overflow_[kept++] = e;
        overflow_min_ = std::min(overflow_min_, w);
      }
    }
    overflow_.resize(kept);
  }

  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  static constexpr std::uint64_t kNoWindow = std::numeric_limits<std::uint64_t>::max();
  double inverse_width_ = 0.0;
  double limit_ = kInfinity;   ///< start_of(current_ + 1).
  std::uint64_t current_ = 0;  ///< The window now open (its events sorted or in the heap).
  std::size_t size_ = 0;
  Heap heap_;
  std::vector<Event> sorted_;             ///< The current window's bucket, in firing order.
  std::vector<std::size_t> part_starts_;  ///< The sort's sub-window counts and starts.
  std::size_t next_ = 0;                  ///< The first of sorted_ not yet popped.
  std::vector<EventChunks::List> ring_ = std::vector<EventChunks::List>(kRing);
  EventChunks chunks_;  ///< The storage of the later windows' buckets.
  std::vector<Event> overflow_;
  std::uint64_t overflow_min_ = kNoWindow;
};

}  // namespace cmhsim::engine
