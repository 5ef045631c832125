// Tests of the benchmark's d-ary event heaps: they pop events in the engine's order, the same
// sequence as the engine's EventQueue. Must not depend on anything above the engine.
#include "dary_event_heap.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "../engine/event_heap_checks.hpp"
#include "engine/event_queue.hpp"

namespace {

using cmhsim::bench::DaryEventHeap;
using cmhsim::engine::BinaryEventHeap;
using cmhsim::engine::heap_checks::check_clear_and_refill;
using cmhsim::engine::heap_checks::check_random_pops;
using cmhsim::engine::heap_checks::check_reserve_keeps_pending;
using cmhsim::engine::heap_checks::check_tie_order;

}  // namespace

TEMPLATE_TEST_CASE("d-ary heaps pop equal times by priority then insertion sequence",
                   "[dary_event_heap]", DaryEventHeap<2>, DaryEventHeap<4>, DaryEventHeap<8>) {
  check_tie_order<TestType>();
}

TEMPLATE_TEST_CASE("d-ary heaps pop the same sequence as a multiset and the engine's queue",
                   "[dary_event_heap]", DaryEventHeap<2>, DaryEventHeap<4>, DaryEventHeap<8>) {
  const std::vector<std::uint64_t> popped = check_random_pops<TestType>();
  CHECK(popped == check_random_pops<BinaryEventHeap>());
}

TEST_CASE("clear empties a d-ary heap and it can be refilled", "[dary_event_heap]") {
  check_clear_and_refill<DaryEventHeap<4>>();
}

TEST_CASE("reserve keeps the events already pending in a d-ary heap", "[dary_event_heap]") {
  check_reserve_keeps_pending<DaryEventHeap<4>>();
}
