// A scheduled event and its total order: (time, priority, sequence).
// Knows nothing of what events mean; the model gives `kind`, `target` and `aux` their meaning.
#pragma once

#include <cstdint>

namespace cmhsim::engine {

/// Holds one pending event; plain data so queues can move it cheaply.
struct Event {
  double time = 0.0;           ///< Simulation time in days.
  std::int32_t priority = 0;   ///< Lower fires first among equal times.
  std::uint32_t kind = 0;      ///< Index of the handler that processes it.
  std::uint64_t sequence = 0;  ///< Insertion order; breaks remaining ties deterministically.
  std::uint64_t target = 0;    ///< Entity the event concerns (handler-defined).
  std::uint64_t aux = 0;       ///< Extra handler-defined data (a token, a service index).
};

/// Returns true when `a` must fire before `b`; a strict total order on distinct sequences.
inline bool fires_before(const Event& a, const Event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

}  // namespace cmhsim::engine
