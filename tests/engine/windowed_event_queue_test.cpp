// Tests of the windowed future-event list: it pops exactly the engine heap's order whatever the
// window width, including events far beyond the ring of windows and on window boundaries.
#include "engine/windowed_event_queue.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/random_stream.hpp"
#include "event_heap_checks.hpp"

namespace cmhsim::engine {
namespace {

using Windowed = WindowedEventQueue<BinaryEventHeap>;

// Runs seeded random pushes and pops through the windowed queue and the plain heap side by side,
// with delays spanning a window to far beyond the ring; returns the number of events popped.
std::size_t compare_with_heap(double width, double max_delay) {
  Windowed q;
  q.set_width(width);
  BinaryEventHeap reference;
  RandomStream rng({7, 1}, 3, 0);
  std::uint64_t sequence = 0;
  double clock = 0.0;
  std::size_t pops = 0;
  for (int op = 0; op < 60000; ++op) {
    const double push_share = op < 40000 ? 0.55 : 0.2;
    if (reference.empty() || rng.uniform01() < push_share) {
      // Mostly near, sometimes far, often exactly on a window boundary, with tied times.
      const double u = rng.uniform01();
      double t = clock + u * u * u * max_delay;
      if (std::isfinite(width) && rng() % 4 == 0) t = std::floor(t / width) * width;
      if (t < clock) t = clock;
      const auto priority = static_cast<std::int32_t>(rng() % 3) - 1;
      const Event e = heap_checks::make(t, priority, sequence++);
      q.push(e);
      reference.push(e);
    } else {
      REQUIRE(q.size() == reference.size());
      REQUIRE(q.top().sequence() == reference.top().sequence());
      const Event want = reference.pop();
      const Event got = q.pop();
      REQUIRE(got.sequence() == want.sequence());
      REQUIRE(got.time == want.time);
      REQUIRE(got.target == want.target);
      clock = got.time;
      ++pops;
    }
  }
  while (!reference.empty()) {
    REQUIRE(q.pop().sequence() == reference.pop().sequence());
    ++pops;
  }
  CHECK(q.empty());
  CHECK(q.size() == 0);
  CHECK(pops == sequence);
  return pops;
}

}  // namespace

TEST_CASE("the windowed queue pops the heap's order for any window width", "[event_queue]") {
  // Delays up to 20,000 windows reach past the ring of 4,096, so the overflow is used too.
  for (const double width : {1.0, 0.37, 30.4375}) {
    CAPTURE(width);
    CHECK(compare_with_heap(width, 20000.0 * width) > 20000);
    CHECK(compare_with_heap(width, 3.0 * width) > 20000);
  }
  CHECK(compare_with_heap(std::numeric_limits<double>::infinity(), 100.0) > 20000);
}

TEST_CASE("the windowed queue sorts a crowded window, spread or bunched in one instant",
          "[event_queue]") {
  // Thousands of events in one later window: spread evenly, most of them at one time with
  // mixed priorities, and at the window's two ends.
  for (const int layout : {0, 1, 2}) {
    CAPTURE(layout);
    Windowed q;
    q.set_width(4.0);
    BinaryEventHeap reference;
    RandomStream rng({11, 2}, 5, 0);
    for (std::uint64_t sequence = 0; sequence < 5000; ++sequence) {
      const double u = rng.uniform01();
      double t = 8.0 + 4.0 * u;
      if (layout == 1 && sequence % 8 != 0) t = 9.5;
      if (layout == 2) t = u < 0.5 ? 8.0 : std::nextafter(12.0, 0.0);
      const auto priority = static_cast<std::int32_t>(rng() % 3) - 1;
      const Event e = heap_checks::make(t, priority, sequence);
      q.push(e);
      reference.push(e);
    }
    while (!reference.empty()) {
      const Event want = reference.pop();
      const Event got = q.pop();
      REQUIRE(got.sequence() == want.sequence());
      REQUIRE(got.time == want.time);
    }
    CHECK(q.empty());
  }
}

TEST_CASE("the windowed queue shows later events of the open window in firing order",
          "[event_queue]") {
  Windowed q;
  q.set_width(4.0);
  for (std::uint64_t sequence = 0; sequence < 10; ++sequence) {
    q.push(heap_checks::make(8.0 + 0.3 * static_cast<double>(9 - sequence), 0, sequence));
  }
  CHECK(q.later_in_window(0) == nullptr);  // No window is open before the first look.
  CHECK(q.top().sequence() == 9);
  REQUIRE(q.later_in_window(3) != nullptr);
  CHECK(q.later_in_window(3)->sequence() == 6);
  CHECK(q.later_in_window(9)->sequence() == 0);
  CHECK(q.later_in_window(10) == nullptr);  // Beyond the run's last event.
  q.pop();
  CHECK(q.later_in_window(0)->sequence() == 8);
  CHECK(q.later_in_window(8)->sequence() == 0);
}

TEST_CASE("the windowed queue pops equal times by priority then insertion sequence",
          "[event_queue]") {
  heap_checks::check_tie_order<Windowed>();
}

TEST_CASE("the windowed queue jumps an empty stretch to events only in the overflow",
          "[event_queue]") {
  Windowed q;
  q.set_width(1.0);
  q.push(heap_checks::make(1e6, 0, 0));
  q.push(heap_checks::make(2.5, 0, 1));
  q.push(heap_checks::make(1e6, -1, 2));
  q.push(heap_checks::make(5e5, 0, 3));
  std::vector<std::uint64_t> got;
  while (!q.empty()) got.push_back(q.pop().sequence());
  CHECK(got == std::vector<std::uint64_t>{1, 3, 2, 0});
  // Refilled after draining, at earlier times than the last window reached.
  q.push(heap_checks::make(7.0, 0, 4));
  q.push(heap_checks::make(3.0, 0, 5));
  CHECK(q.pop().sequence() == 5);
  CHECK(q.pop().sequence() == 4);
}

}  // namespace cmhsim::engine
