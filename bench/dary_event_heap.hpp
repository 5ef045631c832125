// An implicit d-ary min-heap of events ordered by fires_before(), the benchmark's alternative to
// the engine's EventQueue. Knows only the engine's Event ordering; the simulator never uses it.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/event.hpp"

namespace cmhsim::bench {

/// Keeps pending events in a d-ary heap; pop() always returns the earliest by fires_before().
template <std::size_t Arity>
class DaryEventHeap {
  static_assert(Arity >= 2, "a heap needs at least two children per node");

 public:
  /// Returns true when no event is pending.
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  /// Returns the number of pending events.
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  /// Returns the earliest pending event; the queue must not be empty.
  [[nodiscard]] const engine::Event& top() const noexcept { return heap_.front(); }
  /// Reserves storage for `n` pending events.
  void reserve(std::size_t n) { heap_.reserve(n); }
  /// Removes every pending event.
  void clear() noexcept { heap_.clear(); }

  /// Inserts an event.
  void push(const engine::Event& e) {
    heap_.push_back(e);
    sift_up(heap_.size() - 1, e);
  }

  /// Removes and returns the earliest event; the queue must not be empty.
  engine::Event pop() {
    const engine::Event out = heap_.front();
    const engine::Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return out;
    // Bottom-up deletion: walk the hole down to a leaf along the earliest children without
    // comparing against `last`, then sift `last` up from there. Roughly half the comparisons of
    // the textbook sift-down, since `last` usually belongs near the bottom.
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = i * Arity + 1;
      if (first >= n) break;
      const std::size_t end = first + Arity < n ? first + Arity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (engine::fires_before(heap_[c], heap_[best])) best = c;
      }
      heap_[i] = heap_[best];
      i = best;
    }
    sift_up(i, last);
    return out;
  }

 private:
  void sift_up(std::size_t i, const engine::Event& e) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / Arity;
      if (!engine::fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  std::vector<engine::Event> heap_;
};

}  // namespace cmhsim::bench
