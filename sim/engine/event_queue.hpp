// The future-event list: an implicit d-ary min-heap ordered by fires_before().
// Knows only Event ordering; the arity is chosen from bench/event_queue_bench measurements.
#pragma once

#include <cstddef>
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
    sift_up(heap_.size() - 1);
  }

  /// Removes and returns the earliest event; the queue must not be empty.
  Event pop() {
    Event out = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(std::move(last));
    return out;
  }

 private:
  void sift_up(std::size_t i) {
    Event e = heap_[i];
    while (i > 0) {
      std::size_t parent = (i - 1) / Arity;
      if (!fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // Moves the hole at the root down, placing `e` where it keeps the heap order.
  void sift_down(Event e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t first = i * Arity + 1;
      if (first >= n) break;
      std::size_t last = first + Arity < n ? first + Arity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < last; ++c) {
        if (fires_before(heap_[c], heap_[best])) best = c;
      }
      if (!fires_before(heap_[best], e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
};

/// Names the structure the simulator uses; bench/event_queue_bench compares the alternatives.
using EventQueue = DaryEventHeap<4>;

}  // namespace cmhsim::engine
