// Tests of the future-event list: the (time, priority, sequence) order and the binary heap.
// Must not depend on the simulator or on anything above the engine.
#include "engine/event_queue.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "engine/event.hpp"
#include "event_heap_checks.hpp"

namespace {

using cmhsim::engine::BinaryEventHeap;
using cmhsim::engine::Event;
using cmhsim::engine::fires_before;
using cmhsim::engine::heap_checks::make;

}  // namespace

TEST_CASE("fires_before orders by time, then priority, then sequence", "[event_queue]") {
  CHECK(fires_before(make(1.0, 9, 9), make(2.0, 0, 0)));
  CHECK_FALSE(fires_before(make(2.0, 0, 0), make(1.0, 9, 9)));
  CHECK(fires_before(make(1.0, -1, 9), make(1.0, 0, 0)));
  CHECK_FALSE(fires_before(make(1.0, 0, 0), make(1.0, -1, 9)));
  CHECK(fires_before(make(1.0, 0, 3), make(1.0, 0, 4)));
  CHECK_FALSE(fires_before(make(1.0, 0, 4), make(1.0, 0, 3)));
  CHECK_FALSE(fires_before(make(1.0, 0, 4), make(1.0, 0, 4)));
}

TEST_CASE("the packed order keeps priority, sequence and kind at their extremes", "[event_queue]") {
  const std::uint64_t last_sequence = Event::kSequenceLimit - 1;
  const std::uint32_t last_kind = Event::kKindLimit - 1;
  CHECK(Event::kMinPriority == -32768);
  CHECK(Event::kMaxPriority == 32767);
  for (std::int32_t p : {Event::kMinPriority, -1, 0, 1, Event::kMaxPriority}) {
    for (std::uint64_t s : {std::uint64_t{0}, std::uint64_t{1}, last_sequence}) {
      for (std::uint32_t k : {0u, 1u, last_kind}) {
        const Event e = Event::make(2.5, p, s, k, 11, 12);
        CHECK(e.priority() == p);
        CHECK(e.sequence() == s);
        CHECK(e.kind() == k);
        CHECK(e.time == 2.5);
        CHECK(e.target == 11);
        CHECK(e.aux == 12);
      }
    }
  }
}

TEST_CASE("the packed order compares as (priority, sequence) across the whole range",
          "[event_queue]") {
  const std::uint64_t last_sequence = Event::kSequenceLimit - 1;
  const std::uint32_t last_kind = Event::kKindLimit - 1;
  const std::vector<std::int32_t> priorities = {
      Event::kMinPriority,     Event::kMinPriority + 1, -3, -1, 0, 1,
      Event::kMaxPriority - 1, Event::kMaxPriority};
  const std::vector<std::uint64_t> sequences = {0, 1, 255, 256, last_sequence - 1, last_sequence};
  std::vector<Event> events;
  // Kinds run against sequence so that a kind deciding any tie would show.
  std::uint32_t kind = last_kind;
  for (std::int32_t p : priorities) {
    for (std::uint64_t s : sequences) events.push_back(Event::make(1.0, p, s, kind--));
  }
  for (const Event& a : events) {
    for (const Event& b : events) {
      const bool expected =
          a.priority() != b.priority() ? a.priority() < b.priority() : a.sequence() < b.sequence();
      CHECK(fires_before(a, b) == expected);
    }
  }
  // The lowest priority at the latest sequence still fires before the next priority's first.
  CHECK(fires_before(Event::make(1.0, Event::kMinPriority, last_sequence, last_kind),
                     Event::make(1.0, Event::kMinPriority + 1, 0, 0)));
  CHECK(fires_before(Event::make(1.0, Event::kMaxPriority - 1, last_sequence, last_kind),
                     Event::make(1.0, Event::kMaxPriority, 0, 0)));
  CHECK(fires_before(Event::make(1.0, Event::kMaxPriority, last_sequence, last_kind),
                     Event::make(1.5, Event::kMinPriority, 0, 0)));
}

TEST_CASE("equal times pop by priority then insertion sequence", "[event_queue]") {
  cmhsim::engine::heap_checks::check_tie_order<BinaryEventHeap>();
}

TEST_CASE("heap pops agree with a multiset under random pushes and pops", "[event_queue]") {
  cmhsim::engine::heap_checks::check_random_pops<BinaryEventHeap>();
}

TEST_CASE("clear empties the heap and it can be refilled", "[event_queue]") {
  cmhsim::engine::heap_checks::check_clear_and_refill<BinaryEventHeap>();
}

TEST_CASE("reserve keeps the events already pending", "[event_queue]") {
  cmhsim::engine::heap_checks::check_reserve_keeps_pending<BinaryEventHeap>();
}
