// The future-event list: min-heaps ordered by fires_before(), a binary one on std::priority_queue
// and an implicit d-ary one. Knows only Event ordering; bench/event_queue_bench picks between them.
#pragma once

#include <cstddef>
#include <queue>
#include <utility>
#include <vector>

#include "engine/event.hpp"

namespace cmhsim::engine {

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
  [[nodiscard]] const Event& top() const noexcept { return heap_.front(); }
  /// Reserves storage for `n` pending events.
  void reserve(std::size_t n) { heap_.reserve(n); }
  /// Removes every pending event.
  void clear() noexcept { heap_.clear(); }

  /// Inserts an event.
  void push(const Event& e) {
    heap_.push_back(e);
    sift_up(heap_.size() - 1, e);
  }

  /// Removes and returns the earliest event; the queue must not be empty.
  Event pop() {
    const Event out = heap_.front();
    const Event last = heap_.back();
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
        if (fires_before(heap_[c], heap_[best])) best = c;
      }
      heap_[i] = heap_[best];
      i = best;
    }
    sift_up(i, last);
    return out;
  }

 private:
  void sift_up(std::size_t i, const Event& e) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / Arity;
      if (!fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
};

/// Keeps pending events in std::priority_queue's binary heap; pop() returns the earliest.
class BinaryEventHeap {
 public:
  /// Returns true when no event is pending.
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  /// Returns the number of pending events.
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  /// Returns the earliest pending event; the queue must not be empty.
  [[nodiscard]] const Event& top() const noexcept { return heap_.top(); }
  /// Reserves storage for `n` pending events, keeping those already pending.
  void reserve(std::size_t n) { heap_.storage().reserve(n); }
  /// Removes every pending event.
  void clear() { heap_ = Heap(); }
  /// Inserts an event.
  void push(const Event& e) { heap_.push(e); }
  /// Removes and returns the earliest event; the queue must not be empty.
  Event pop() {
    Event e = heap_.top();
    heap_.pop();
    return e;
  }

 private:
  struct FiresAfter {
    bool operator()(const Event& a, const Event& b) const noexcept { return fires_before(b, a); }
  };
  // Exposes the container std::priority_queue keeps protected, so it can be reserved in place.
  struct Heap : std::priority_queue<Event, std::vector<Event>, FiresAfter> {
    std::vector<Event>& storage() { return c; }
  };
  Heap heap_;
};

/// Names the structure the simulator uses: the fastest in bench/event_queue_bench by geometric
/// mean over 1e3..1e6 pending events (docs/benchmarks.md has the figures).
using EventQueue = BinaryEventHeap;

}  // namespace cmhsim::engine
