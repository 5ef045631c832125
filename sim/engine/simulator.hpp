// The discrete-event simulator: a clock in days, the future-event list and handler dispatch.
// Knows nothing of mental health or of what any event kind means.
#pragma once

#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/event.hpp"
#include "engine/event_queue.hpp"
#include "engine/windowed_event_queue.hpp"

namespace cmhsim::engine {

/// Signals a misuse of the engine, such as scheduling into the past.
class EngineError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Advances a clock through events in (time, priority, sequence) order and dispatches each.
class Simulator {
 public:
  using Handler = std::function<void(const Event&)>;

  /// Registers a handler and returns the event kind that reaches it.
  std::uint32_t add_handler(Handler h) {
    handlers_.push_back(std::move(h));
    return static_cast<std::uint32_t>(handlers_.size() - 1);
  }

  /// Returns the current simulation time in days.
  [[nodiscard]] double now() const noexcept { return now_; }
  /// Returns the number of events dispatched so far.
  [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }
  /// Returns the number of events waiting in the future-event list.
  [[nodiscard]] std::size_t pending() const noexcept { return queue_.size(); }

  /// Schedules an event of `kind` at absolute time `at`; throws EngineError if `at` is in the past
  /// or `kind` has no handler.
  void schedule_at(double at, std::uint32_t kind, std::uint64_t target = 0, std::uint64_t aux = 0,
                   std::int32_t priority = 0) {
    if (!(at >= now_)) {
      throw EngineError("event scheduled at t=" + std::to_string(at) +
                        " before the clock at t=" + std::to_string(now_));
    }
    if (kind >= handlers_.size()) {
      throw EngineError("event kind " + std::to_string(kind) + " has no handler");
    }
    queue_.push(Event{at, priority, kind, next_sequence_++, target, aux});
  }

  /// Schedules an event of `kind` after a non-negative delay from now.
  void schedule_in(double delay, std::uint32_t kind, std::uint64_t target = 0,
                   std::uint64_t aux = 0, std::int32_t priority = 0) {
    schedule_at(now_ + delay, kind, target, aux, priority);
  }

  /// Dispatches events in order until the next would fire after `horizon`; the clock ends there
  /// when `horizon` is finite, and at the last event otherwise.
  void run_until(double horizon) {
    while (!queue_.empty() && queue_.top().time <= horizon) {
      const Event e = queue_.pop();
      now_ = e.time;
      ++processed_;
      handlers_[e.kind](e);
    }
    if (std::isfinite(horizon) && horizon > now_) now_ = horizon;
  }

  /// Reserves room for `n` pending events.
  void reserve(std::size_t n) { queue_.reserve(n); }

  /// Keeps in the heap only events within windows of `width` time units, the later ones in
  /// unsorted buckets (the firing order is unchanged); call before scheduling anything.
  void set_event_window(double width) {
    if (queue_.size() != 0) throw EngineError("the event window is set before any event");
    queue_.set_width(width);
  }

 private:
  double now_ = 0.0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t processed_ = 0;
  WindowedEventQueue<EventQueue> queue_;
  // A deque keeps a running handler in place if it registers another handler.
  std::deque<Handler> handlers_;
};

}  // namespace cmhsim::engine
