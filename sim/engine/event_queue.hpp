// The future-event list: a binary min-heap on std::priority_queue ordered by fires_before().
// Knows only Event ordering; bench/event_queue_bench compares it with d-ary heaps.
#pragma once

#include <cstddef>
#include <queue>
#include <vector>

#include "engine/event.hpp"

namespace cmhsim::engine {

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
