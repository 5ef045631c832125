// Tests of the benchmark's d-ary event heaps: they pop events in the engine's order, the same
// sequence as the engine's EventQueue. Must not depend on anything above the engine.
#include "dary_event_heap.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "engine/event.hpp"
#include "engine/event_queue.hpp"
#include "engine/random_stream.hpp"

namespace {

using cmhsim::bench::DaryEventHeap;
using cmhsim::engine::BinaryEventHeap;
using cmhsim::engine::Event;
using cmhsim::engine::fires_before;

struct FiresBefore {
  bool operator()(const Event& a, const Event& b) const noexcept { return fires_before(a, b); }
};

Event make(double time, std::int32_t priority, std::uint64_t sequence) {
  Event e;
  e.time = time;
  e.priority = priority;
  e.sequence = sequence;
  e.target = sequence * 10;  // lets a popped copy be checked field by field
  return e;
}

}  // namespace

TEMPLATE_TEST_CASE("d-ary heaps pop equal times by priority then insertion sequence",
                   "[dary_event_heap]", DaryEventHeap<2>, DaryEventHeap<4>, DaryEventHeap<8>) {
  TestType q;
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
    CHECK(e.target == e.sequence * 10);
    got.push_back(e.sequence);
  }
  CHECK(got == expected);
}

TEMPLATE_TEST_CASE("d-ary heaps pop the same sequence as a multiset and the engine's queue",
                   "[dary_event_heap]", DaryEventHeap<2>, DaryEventHeap<4>, DaryEventHeap<8>) {
  TestType q;
  BinaryEventHeap engine_queue;
  std::multiset<Event, FiresBefore> reference;
  cmhsim::engine::RandomStream rng({42, 0}, 0, 0);
  std::uint64_t sequence = 0;
  double clock = 0.0;
  std::size_t pops = 0;
  for (int op = 0; op < 50000; ++op) {
    // Pushes outnumber pops early on so the heap grows to a few thousand, then it drains.
    const double push_share = op < 30000 ? 0.6 : 0.3;
    if (reference.empty() || rng.uniform01() < push_share) {
      // A coarse grid of times and priorities forces many ties.
      const double t = clock + static_cast<double>(rng() % 16) * 0.25;
      const auto priority = static_cast<std::int32_t>(rng() % 3) - 1;
      const Event e = make(t, priority, sequence++);
      q.push(e);
      engine_queue.push(e);
      reference.insert(e);
    } else {
      REQUIRE(q.top().sequence == reference.begin()->sequence);
      const Event e = q.pop();
      REQUIRE(e.sequence == reference.begin()->sequence);
      REQUIRE(e.time == reference.begin()->time);
      REQUIRE(e.priority == reference.begin()->priority);
      REQUIRE(engine_queue.pop().sequence == e.sequence);
      reference.erase(reference.begin());
      clock = e.time;
      ++pops;
    }
    REQUIRE(q.size() == reference.size());
  }
  while (!reference.empty()) {
    const Event e = q.pop();
    REQUIRE(e.sequence == reference.begin()->sequence);
    REQUIRE(engine_queue.pop().sequence == e.sequence);
    reference.erase(reference.begin());
  }
  CHECK(q.empty());
  CHECK(engine_queue.empty());
  CHECK(pops > 15000);
}

TEST_CASE("clear empties a d-ary heap and it can be refilled", "[dary_event_heap]") {
  DaryEventHeap<4> q;
  q.reserve(16);
  for (std::uint64_t s = 0; s < 10; ++s) q.push(make(static_cast<double>(10 - s), 0, s));
  q.clear();
  CHECK(q.empty());
  CHECK(q.size() == 0);
  q.push(make(2.0, 0, 20));
  q.push(make(1.0, 0, 21));
  CHECK(q.pop().sequence == 21);
  CHECK(q.pop().sequence == 20);
  CHECK(q.empty());
}

TEST_CASE("reserve keeps the events already pending in a d-ary heap", "[dary_event_heap]") {
  DaryEventHeap<4> q;
  q.push(make(3.0, 0, 0));
  q.push(make(1.0, 0, 1));
  q.reserve(1000);
  REQUIRE(q.size() == 2);
  CHECK(q.pop().sequence == 1);
  CHECK(q.pop().sequence == 0);
}
