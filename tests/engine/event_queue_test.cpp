// Tests of the future-event list: the (time, priority, sequence) order and the binary heap.
// Must not depend on the simulator or on anything above the engine.
#include "engine/event_queue.hpp"

#include <catch2/catch.hpp>

#include "engine/event.hpp"
#include "event_heap_checks.hpp"

namespace {

using cmhsim::engine::BinaryEventHeap;
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
