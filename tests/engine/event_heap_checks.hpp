// Checks any event heap must pass, for the engine's heap and the benchmark's d-ary heaps: ties pop
// by (time, priority, sequence), random pushes and pops match a multiset, clear and reserve.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "engine/event.hpp"
#include "engine/random_stream.hpp"

namespace cmhsim::engine::heap_checks {

/// Orders events as the engine fires them.
struct FiresBefore {
  bool operator()(const Event& a, const Event& b) const noexcept { return fires_before(a, b); }
};

/// Returns an event whose target encodes its sequence, so a popped copy can be checked.
inline Event make(double time, std::int32_t priority, std::uint64_t sequence) {
  return Event::make(time, priority, sequence, 0, sequence * 10);
}

/// Checks that equal times pop by priority, then insertion sequence.
template <class Heap>
void check_tie_order() {
  Heap q;
  // Pushed scrambled; the expected pop order is by (time, priority, sequence).
  q.push(make(5.0, 1, 0));
  q.push(make(5.0, 0, 1));
  q.push(make(5.0, 1, 2));
  q.push(make(3.0, 7, 3));
  q.push(make(5.0, 0, 4));
  q.push(make(5.0, -2, 5));
  q.push(make(5.0, 1, 6));
  q.push(make(5.0, 0, 7));
  REQUIRE(q.size() == 8);
  const std::vector<std::uint64_t> expected = {3, 5, 1, 4, 7, 0, 2, 6};
  std::vector<std::uint64_t> got;
  while (!q.empty()) {
    const Event e = q.pop();
    CHECK(e.target == e.sequence() * 10);
    got.push_back(e.sequence());
  }
  CHECK(got == expected);
}

/// Checks a heap against a multiset under 50,000 seeded random pushes and pops, then drains it;
/// returns the sequences in the order they were popped.
template <class Heap>
std::vector<std::uint64_t> check_random_pops() {
  Heap q;
  std::multiset<Event, FiresBefore> reference;
  RandomStream rng({42, 0}, 0, 0);
  std::uint64_t sequence = 0;
  double clock = 0.0;
  std::size_t pops = 0;
  std::vector<std::uint64_t> popped;
  for (int op = 0; op < 50000; ++op) {
    // Pushes outnumber pops early on so the heap grows to a few thousand, then it drains.
    const double push_share = op < 30000 ? 0.6 : 0.3;
    if (reference.empty() || rng.uniform01() < push_share) {
      // A coarse grid of times and priorities forces many ties.
      const double t = clock + static_cast<double>(rng() % 16) * 0.25;
      const auto priority = static_cast<std::int32_t>(rng() % 3) - 1;
      const Event e = make(t, priority, sequence++);
      q.push(e);
      reference.insert(e);
    } else {
      REQUIRE(q.top().sequence() == reference.begin()->sequence());
      const Event e = q.pop();
      REQUIRE(e.sequence() == reference.begin()->sequence());
      REQUIRE(e.time == reference.begin()->time);
      REQUIRE(e.priority() == reference.begin()->priority());
      reference.erase(reference.begin());
      popped.push_back(e.sequence());
      clock = e.time;
      ++pops;
    }
    REQUIRE(q.size() == reference.size());
  }
  while (!reference.empty()) {
    const Event e = q.pop();
    REQUIRE(e.sequence() == reference.begin()->sequence());
    reference.erase(reference.begin());
    popped.push_back(e.sequence());
  }
  CHECK(q.empty());
  CHECK(pops > 15000);
  return popped;
}

/// Checks that clear empties a heap and that it can be refilled.
template <class Heap>
void check_clear_and_refill() {
  Heap q;
  q.reserve(16);
  for (std::uint64_t s = 0; s < 10; ++s) q.push(make(static_cast<double>(10 - s), 0, s));
  q.clear();
  CHECK(q.empty());
  CHECK(q.size() == 0);
  q.push(make(2.0, 0, 20));
  q.push(make(1.0, 0, 21));
  CHECK(q.pop().sequence() == 21);
  CHECK(q.pop().sequence() == 20);
  CHECK(q.empty());
}

/// Checks that reserve keeps the events already pending.
template <class Heap>
void check_reserve_keeps_pending() {
  Heap q;
  q.push(make(3.0, 0, 0));
  q.push(make(1.0, 0, 1));
  q.reserve(1000);
  REQUIRE(q.size() == 2);
  CHECK(q.pop().sequence() == 1);
  CHECK(q.pop().sequence() == 0);
}

}  // namespace cmhsim::engine::heap_checks
