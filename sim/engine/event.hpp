// A scheduled event and its total order: (time, priority, sequence), packed into (time, order).
// Knows nothing of what events mean; the model gives `kind`, `target` and `aux` their meaning.
#pragma once

#include <cstdint>

namespace cmhsim::engine {

/// Holds one pending event in 32 bytes of plain data so queues can move it cheaply.
///
/// `order` packs, from the top bit down, the priority (16 bits, offset so lower values compare
/// lower), the insertion sequence (40 bits) and the kind (8 bits). Comparing `order` as an
/// unsigned integer therefore compares (priority, sequence); the kind below never decides because
/// sequences are distinct.
struct Event {
  static constexpr int kPriorityBits = 16;
  static constexpr int kSequenceBits = 40;
  static constexpr int kKindBits = 8;
  static constexpr std::int32_t kMinPriority = -(std::int32_t{1} << (kPriorityBits - 1));
  static constexpr std::int32_t kMaxPriority = (std::int32_t{1} << (kPriorityBits - 1)) - 1;
  static constexpr std::uint64_t kSequenceLimit = std::uint64_t{1} << kSequenceBits;
  static constexpr std::uint32_t kKindLimit = std::uint32_t{1} << kKindBits;

  double time = 0.0;         ///< Simulation time in days.
  std::uint64_t order = 0;   ///< Packed priority, sequence and kind (see above).
  std::uint64_t target = 0;  ///< Entity the event concerns (handler-defined).
  std::uint64_t aux = 0;     ///< Extra handler-defined data (a token, a service index).

  /// Returns the packed order key; the arguments must lie within the limits above.
  static constexpr std::uint64_t pack(std::int32_t priority, std::uint64_t sequence,
                                      std::uint32_t kind) noexcept {
    const auto biased = static_cast<std::uint64_t>(static_cast<std::int64_t>(priority) -
                                                   static_cast<std::int64_t>(kMinPriority));
    return (biased << (kSequenceBits + kKindBits)) | (sequence << kKindBits) | kind;
  }

  /// Returns an event; the priority, sequence and kind must lie within the limits above.
  static constexpr Event make(double time, std::int32_t priority, std::uint64_t sequence,
                              std::uint32_t kind, std::uint64_t target = 0,
                              std::uint64_t aux = 0) noexcept {
    return Event{time, pack(priority, sequence, kind), target, aux};
  }

  /// Returns the priority; lower fires first among equal times.
  [[nodiscard]] constexpr std::int32_t priority() const noexcept {
    return static_cast<std::int32_t>(
        static_cast<std::int64_t>(order >> (kSequenceBits + kKindBits)) + kMinPriority);
  }
  /// Returns the insertion order, which breaks remaining ties deterministically.
  [[nodiscard]] constexpr std::uint64_t sequence() const noexcept {
    return (order >> kKindBits) & (kSequenceLimit - 1);
  }
  /// Returns the index of the handler that processes it.
  [[nodiscard]] constexpr std::uint32_t kind() const noexcept {
    return static_cast<std::uint32_t>(order & (kKindLimit - 1));
  }
};

static_assert(Event::kPriorityBits + Event::kSequenceBits + Event::kKindBits == 64);
static_assert(sizeof(Event) == 32);

/// Returns true when `a` must fire before `b`; a strict total order on distinct sequences.
inline bool fires_before(const Event& a, const Event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  return a.order < b.order;
}

}  // namespace cmhsim::engine
