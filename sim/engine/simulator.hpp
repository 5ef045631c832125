// The discrete-event simulator: a clock in days, the future-event list and handler dispatch.
// Knows nothing of mental health or of what any event kind means.
#pragma once

#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/event.hpp"
#include "engine/event_queue.hpp"
#include "engine/windowed_event_queue.hpp"

namespace cmhsim::engine {

/// Signals a misuse of the engine, such as scheduling into the past.
class EngineError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Advances a clock through events in (time, priority, sequence) order and dispatches each;
/// `Queue` holds the pending events (any queue popping in that order).
template <class Queue>
class BasicSimulator {
 public:
  /// Processes one event; `context` is the pointer given with it to add_handler.
  using Callback = void (*)(void* context, const Event&);
  using Handler = std::function<void(const Event&)>;

  BasicSimulator() = default;
  // Handlers may point into this simulator's own storage, so it is neither copied nor moved.
  BasicSimulator(const BasicSimulator&) = delete;
  BasicSimulator& operator=(const BasicSimulator&) = delete;

  /// Registers `callback` with `context` and returns the event kind that reaches it.
  std::uint32_t add_handler(Callback callback, void* context) {
    if (handlers_.size() >= Event::kKindLimit) {
      throw EngineError("more than " + std::to_string(Event::kKindLimit) + " event kinds");
    }
    handlers_.push_back(Slot{callback, context});
    return static_cast<std::uint32_t>(handlers_.size() - 1);
  }

  /// Registers the member function `Method` of `object` and returns the event kind that reaches it.
  template <auto Method, class T>
  std::uint32_t add_handler(T* object) {
    return add_handler(
        [](void* context, const Event& e) { (static_cast<T*>(context)->*Method)(e); }, object);
  }

  /// Registers a copy of `h` and returns the event kind that reaches it.
  std::uint32_t add_handler(Handler h) {
    if (handlers_.size() >= Event::kKindLimit) {
      throw EngineError("more than " + std::to_string(Event::kKindLimit) + " event kinds");
    }
    // A deque never moves its elements when it grows, so the context pointer stays valid.
    owned_.push_back(std::move(h));
    return add_handler([](void* context, const Event& e) { (*static_cast<Handler*>(context))(e); },
                       &owned_.back());
  }

  /// Returns the current simulation time in days.
  [[nodiscard]] double now() const noexcept { return now_; }
  /// Returns the number of events dispatched so far.
  [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }
  /// Returns the number of events waiting in the future-event list.
  [[nodiscard]] std::size_t pending() const noexcept { return queue_.size(); }

  /// Schedules an event of `kind` at absolute time `at`; throws EngineError if `at` is in the past,
  /// `kind` has no handler or `priority` lies outside [Event::kMinPriority, Event::kMaxPriority].
  void schedule_at(double at, std::uint32_t kind, std::uint64_t target = 0, std::uint64_t aux = 0,
                   std::int32_t priority = 0) {
    // One unsigned comparison checks both ends of the priority range.
    const bool bad_priority =
        static_cast<std::uint32_t>(priority) - static_cast<std::uint32_t>(Event::kMinPriority) >
        static_cast<std::uint32_t>(Event::kMaxPriority - Event::kMinPriority);
    if (!(at >= now_) || kind >= handlers_.size() || bad_priority ||
        next_sequence_ >= Event::kSequenceLimit) [[unlikely]] {
      reject(at, kind, priority);
    }
    queue_.push(Event{at, Event::pack(priority, next_sequence_++, kind), target, aux});
  }

  /// Schedules an event of `kind` after a non-negative delay from now.
  void schedule_in(double delay, std::uint32_t kind, std::uint64_t target = 0,
                   std::uint64_t aux = 0, std::int32_t priority = 0) {
    schedule_at(now_ + delay, kind, target, aux, priority);
  }

  /// Dispatches events in order until the next would fire after `horizon`; the clock ends there
  /// when `horizon` is finite, and at the last event otherwise.
  void run_until(double horizon) { loop(horizon, registered(), NoLook{}); }

  /// Runs as run_until(horizon) but passes each event to `dispatch` instead of its registered
  /// handler, so that a model with a fixed set of kinds can have its handlers inlined.
  template <class Dispatch>
  void run_until(double horizon, Dispatch&& dispatch) {
    loop(horizon, dispatch, NoLook{});
  }

  /// Runs as run_until(horizon), showing `ahead` the next pending event before each dispatch and,
  /// with a windowed queue, also the one kLookFurther places after it in the open window, so
  /// that a model can start loading what those events will touch while this one is handled.
  template <class Ahead>
  void run_until_looking_ahead(double horizon, Ahead&& ahead) {
    loop(horizon, registered(), ahead);
  }

  /// Reserves room for `n` pending events.
  void reserve(std::size_t n) { queue_.reserve(n); }

  /// Keeps in the heap only events within windows of `width` time units, the later ones in
  /// unsorted buckets (the firing order is unchanged); call before scheduling anything. Only for
  /// a windowed queue.
  void set_event_window(double width) {
    if (queue_.size() != 0) throw EngineError("the event window is set before any event");
    queue_.set_width(width);
  }

  /// Sets how far past the next event a windowed queue's look ahead also reaches: far enough
  /// for memory to answer in time (in England at 10 years 4 beat 2 and 8, by 2-3%).
  static constexpr std::size_t kLookFurther = 4;

 private:
  struct NoLook {
    void operator()(const Event&) const noexcept {}
  };

  // Returns the dispatch to the registered handlers.
  auto registered() {
    return [this](const Event& e) {
      // A copy, because the handler may register another handler and grow the table.
      const Slot slot = handlers_[e.kind()];
      slot.callback(slot.context, e);
    };
  }

  template <class Dispatch, class Ahead>
  void loop(double horizon, Dispatch&& dispatch, Ahead&& ahead) {
    while (!queue_.empty() && queue_.top().time <= horizon) {
      const Event e = queue_.pop();
      now_ = e.time;
      ++processed_;
      if constexpr (!std::is_same_v<std::decay_t<Ahead>, NoLook>) {
        if (!queue_.empty()) ahead(queue_.top());
        if constexpr (requires { queue_.later_in_window(0); }) {
          if (const Event* later = queue_.later_in_window(kLookFurther)) ahead(*later);
        }
      }
      dispatch(e);
    }
    if (std::isfinite(horizon) && horizon > now_) now_ = horizon;
  }

  struct Slot {
    Callback callback;
    void* context;
  };

  // Kept out of line so the checks in schedule_at stay small enough to inline.
  [[noreturn, gnu::cold, gnu::noinline]] void reject(double at, std::uint32_t kind,
                                                     std::int32_t priority) const {
    if (!(at >= now_)) {
      throw EngineError("event scheduled at t=" + std::to_string(at) +
                        " before the clock at t=" + std::to_string(now_));
    }
    if (kind >= handlers_.size()) {
      throw EngineError("event kind " + std::to_string(kind) + " has no handler");
    }
    if (next_sequence_ >= Event::kSequenceLimit) {
      throw EngineError("more than " + std::to_string(Event::kSequenceLimit) + " events scheduled");
    }
    throw EngineError("event priority " + std::to_string(priority) + " outside [" +
                      std::to_string(Event::kMinPriority) + ", " +
                      std::to_string(Event::kMaxPriority) + "]");
  }

  double now_ = 0.0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t processed_ = 0;
  Queue queue_;
  std::vector<Slot> handlers_;
  std::deque<Handler> owned_;
};

/// Simulates with every pending event in one heap: best when few are pending.
using Simulator = BasicSimulator<EventQueue>;
/// Simulates with a heap of the current window's events only: best when most pending events lie
/// far ahead of the clock (see WindowedEventQueue).
using WindowedSimulator = BasicSimulator<WindowedEventQueue<EventQueue>>;

}  // namespace cmhsim::engine
