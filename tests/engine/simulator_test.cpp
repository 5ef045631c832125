// Tests of the simulator: clock monotonicity, scheduling errors, horizons and dispatch.
// Must not depend on anything above the engine.
#include "engine/simulator.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/random_stream.hpp"

using cmhsim::engine::EngineError;
using cmhsim::engine::Event;
using cmhsim::engine::RandomStream;
using cmhsim::engine::Simulator;

TEST_CASE("clock never goes backwards and equals each event's time", "[simulator]") {
  Simulator sim;
  RandomStream rng({7, 0}, 0, 0);
  std::vector<double> seen;
  std::uint32_t kind = 0;
  kind = sim.add_handler([&](const Event& e) {
    REQUIRE(sim.now() == e.time);
    seen.push_back(sim.now());
    // Each event spawns one or two more, some at zero delay, until enough have fired.
    if (seen.size() < 20000) {
      const int children = 1 + static_cast<int>(rng() % 2);
      for (int c = 0; c < children; ++c) {
        const double delay = rng() % 4 == 0 ? 0.0 : rng.uniform01() * 3.0;
        sim.schedule_in(delay, kind, 0, 0, static_cast<std::int32_t>(rng() % 3));
      }
    }
  });
  for (int i = 0; i < 50; ++i) sim.schedule_at(rng.uniform01() * 10.0, kind);
  sim.run_until(1e9);
  REQUIRE(seen.size() > 1000);
  for (std::size_t i = 1; i < seen.size(); ++i) REQUIRE(seen[i] >= seen[i - 1]);
  CHECK(sim.events_processed() == seen.size());
  CHECK(sim.pending() == 0);
}

TEST_CASE("scheduling into the past throws EngineError", "[simulator][bad-input]") {
  Simulator sim;
  const auto kind = sim.add_handler([](const Event&) {});
  sim.schedule_at(5.0, kind);
  sim.run_until(5.0);
  REQUIRE(sim.now() == 5.0);
  CHECK_THROWS_AS(sim.schedule_at(4.999, kind), EngineError);
  CHECK_THROWS_AS(sim.schedule_in(-0.5, kind), EngineError);
  CHECK_THROWS_AS(sim.schedule_at(std::nan(""), kind), EngineError);
  CHECK_NOTHROW(sim.schedule_at(5.0, kind));
  CHECK_NOTHROW(sim.schedule_in(0.0, kind));
  CHECK(sim.pending() == 2);
}

TEST_CASE("scheduling a kind without a handler throws EngineError", "[simulator][bad-input]") {
  Simulator sim;
  CHECK_THROWS_AS(sim.schedule_at(1.0, 0), EngineError);
  const auto kind = sim.add_handler([](const Event&) {});
  CHECK_NOTHROW(sim.schedule_at(1.0, kind));
  CHECK_THROWS_AS(sim.schedule_at(1.0, kind + 1), EngineError);
  CHECK(sim.pending() == 1);
}

TEST_CASE("a priority outside the packable range throws EngineError", "[simulator][bad-input]") {
  Simulator sim;
  std::vector<std::int32_t> fired;
  const auto kind = sim.add_handler([&](const Event& e) { fired.push_back(e.priority()); });
  CHECK_NOTHROW(sim.schedule_at(1.0, kind, 0, 0, Event::kMaxPriority));
  CHECK_NOTHROW(sim.schedule_at(1.0, kind, 0, 0, Event::kMinPriority));
  CHECK_NOTHROW(sim.schedule_at(1.0, kind, 0, 0, 0));
  CHECK_THROWS_AS(sim.schedule_at(1.0, kind, 0, 0, Event::kMaxPriority + 1), EngineError);
  CHECK_THROWS_AS(sim.schedule_at(1.0, kind, 0, 0, Event::kMinPriority - 1), EngineError);
  CHECK_THROWS_AS(sim.schedule_at(1.0, kind, 0, 0, std::numeric_limits<std::int32_t>::max()),
                  EngineError);
  CHECK_THROWS_AS(sim.schedule_at(1.0, kind, 0, 0, std::numeric_limits<std::int32_t>::min()),
                  EngineError);
  CHECK(sim.pending() == 3);
  sim.run_until(1.0);
  CHECK(fired == std::vector<std::int32_t>{Event::kMinPriority, 0, Event::kMaxPriority});
}

TEST_CASE("registering more kinds than the event can carry throws EngineError",
          "[simulator][bad-input]") {
  Simulator sim;
  for (std::uint32_t k = 0; k < Event::kKindLimit; ++k) {
    REQUIRE(sim.add_handler([](const Event&) {}) == k);
  }
  CHECK_THROWS_AS(sim.add_handler([](const Event&) {}), EngineError);
  CHECK_THROWS_AS(sim.add_handler([](void*, const Event&) {}, nullptr), EngineError);
  CHECK_NOTHROW(sim.schedule_at(1.0, Event::kKindLimit - 1));
}

TEST_CASE("member-function and plain-function handlers receive their object and event",
          "[simulator]") {
  struct Counter {
    std::vector<std::uint64_t> targets;
    void on_event(const Event& e) { targets.push_back(e.target); }
  } counter;
  Simulator sim;
  std::vector<std::uint64_t> plain;
  const auto member = sim.add_handler<&Counter::on_event>(&counter);
  const auto function = sim.add_handler(
      [](void* context, const Event& e) {
        static_cast<std::vector<std::uint64_t>*>(context)->push_back(e.aux);
      },
      &plain);
  sim.schedule_at(2.0, member, 7);
  sim.schedule_at(1.0, function, 0, 8);
  sim.schedule_at(3.0, member, 9);
  sim.run_until(3.0);
  CHECK(counter.targets == std::vector<std::uint64_t>{7, 9});
  CHECK(plain == std::vector<std::uint64_t>{8});
}

TEST_CASE("run_until with a dispatcher passes events to it in order instead of the handlers",
          "[simulator]") {
  Simulator sim;
  std::vector<double> handled;
  const auto a = sim.add_handler([&](const Event& e) { handled.push_back(e.time); });
  const auto b = sim.add_handler([&](const Event& e) { handled.push_back(e.time); });
  sim.schedule_at(3.0, a, 30);
  sim.schedule_at(1.0, b, 10);
  sim.schedule_at(2.0, a, 20, 0, -1);
  sim.schedule_at(2.0, b, 21, 0, -2);
  sim.schedule_at(9.0, a, 90);
  std::vector<std::tuple<double, std::uint32_t, std::uint64_t>> seen;
  sim.run_until(5.0, [&](const Event& e) {
    CHECK(sim.now() == e.time);
    seen.emplace_back(e.time, e.kind(), e.target);
    // Scheduling from the dispatcher works as from a handler.
    if (e.target == 10) sim.schedule_in(0.5, b, 15);
  });
  CHECK(handled.empty());
  CHECK(seen == std::vector<std::tuple<double, std::uint32_t, std::uint64_t>>{
                    {1.0, b, 10}, {1.5, b, 15}, {2.0, b, 21}, {2.0, a, 20}, {3.0, a, 30}});
  CHECK(sim.now() == 5.0);
  CHECK(sim.events_processed() == 5);
  CHECK(sim.pending() == 1);
  sim.run_until(10.0);
  CHECK(handled == std::vector<double>{9.0});
}

TEST_CASE("run_until stops at the horizon and leaves later events pending", "[simulator]") {
  Simulator sim;
  std::vector<double> fired;
  const auto kind = sim.add_handler([&](const Event& e) { fired.push_back(e.time); });
  for (double t : {10.0, 1.0, 5.0, 2.0, 5.0000001}) sim.schedule_at(t, kind);

  sim.run_until(5.0);  // an event exactly at the horizon fires
  CHECK(fired == std::vector<double>{1.0, 2.0, 5.0});
  CHECK(sim.now() == 5.0);
  CHECK(sim.pending() == 2);
  CHECK(sim.events_processed() == 3);

  sim.run_until(7.5);  // the clock moves to the horizon even between events
  CHECK(fired.size() == 4);
  CHECK(sim.now() == 7.5);
  CHECK(sim.pending() == 1);

  sim.run_until(3.0);  // a horizon in the past changes nothing
  CHECK(sim.now() == 7.5);
  CHECK(sim.pending() == 1);

  sim.run_until(20.0);
  CHECK(fired.back() == 10.0);
  CHECK(sim.now() == 20.0);
  CHECK(sim.pending() == 0);
}

TEST_CASE("an infinite horizon drains the list and leaves the clock at the last event",
          "[simulator]") {
  Simulator sim;
  const auto kind = sim.add_handler([](const Event&) {});
  sim.schedule_at(3.0, kind);
  sim.schedule_at(8.0, kind);
  sim.run_until(std::numeric_limits<double>::infinity());
  CHECK(sim.now() == 8.0);
  CHECK(sim.pending() == 0);
  CHECK_NOTHROW(sim.schedule_in(1.0, kind));
}

TEST_CASE("events reach their handler with target, aux and priority order", "[simulator]") {
  using Seen = std::tuple<char, std::uint64_t, std::uint64_t>;
  Simulator sim;
  std::vector<Seen> log;
  const auto a = sim.add_handler([&](const Event& e) { log.emplace_back('a', e.target, e.aux); });
  const auto b = sim.add_handler([&](const Event& e) { log.emplace_back('b', e.target, e.aux); });
  CHECK(a == 0);
  CHECK(b == 1);
  sim.schedule_at(1.0, b, 1, 2, 0);
  sim.schedule_at(1.0, a, 3, 4, 0);
  sim.schedule_at(1.0, b, 5, 6, -1);  // lower priority value fires first at equal time
  sim.schedule_at(0.5, a, 7, 8, 9);
  sim.run_until(1.0);
  CHECK(log == std::vector<Seen>{{'a', 7, 8}, {'b', 5, 6}, {'b', 1, 2}, {'a', 3, 4}});
}

TEST_CASE("a handler may register another handler while it runs", "[simulator]") {
  struct State {
    Simulator sim;
    std::vector<std::string> log;
    std::uint32_t late = 0;
  } state;
  // One pointer of capture is stored inside std::function itself, so it moves if the handler
  // table reallocates while this handler is still running.
  const auto first = state.sim.add_handler([s = &state](const Event&) {
    for (int i = 0; i < 64; ++i) {
      s->late = s->sim.add_handler([s](const Event&) { s->log.emplace_back("late"); });
    }
    s->log.emplace_back("first");  // reads the capture after the registrations
    s->sim.schedule_in(1.0, s->late);
  });
  state.sim.schedule_at(0.0, first);
  state.sim.run_until(2.0);
  CHECK(state.log == std::vector<std::string>{"first", "late"});
  CHECK(state.sim.events_processed() == 2);
}

namespace {

// Runs a self-scheduling workload with far-ahead events and returns (time, target) in firing
// order; `width` > 0 sets the windowed simulator's window, and `looks` (when given) runs it
// looking ahead and counts the looks.
template <class Sim>
std::vector<std::pair<double, std::uint64_t>> fire_workload(double width,
                                                            std::size_t* looks = nullptr) {
  Sim sim;
  if constexpr (std::is_same_v<Sim, cmhsim::engine::WindowedSimulator>) {
    sim.set_event_window(width);
  }
  RandomStream rng({9, 2}, 0, 0);
  std::vector<std::pair<double, std::uint64_t>> fired;
  std::uint64_t next = 0;
  std::uint32_t kind = 0;
  kind = sim.add_handler([&](const Event& e) {
    fired.emplace_back(sim.now(), e.target);
    if (fired.size() < 30000) {
      // Mostly soon, sometimes years ahead, sometimes at once, with tied priorities.
      const double u = rng.uniform01();
      const double delay = rng() % 5 == 0 ? 0.0 : u * u * u * 20000.0;
      sim.schedule_in(delay, kind, next++, 0, static_cast<std::int32_t>(rng() % 2));
    }
  });
  for (int i = 0; i < 200; ++i) sim.schedule_at(rng.uniform01() * 100.0, kind, next++);
  if (looks != nullptr) {
    sim.run_until_looking_ahead(std::numeric_limits<double>::infinity(),
                                [looks](const Event&) { ++*looks; });
  } else {
    sim.run_until(std::numeric_limits<double>::infinity());
  }
  return fired;
}

}  // namespace

TEST_CASE("a windowed simulator fires the plain simulator's events in the same order",
          "[simulator]") {
  const auto plain = fire_workload<Simulator>(0.0);
  REQUIRE(plain.size() >= 30000);
  for (const double width : {1.0, 4.0, 30.4375}) {
    CAPTURE(width);
    CHECK(fire_workload<cmhsim::engine::WindowedSimulator>(width) == plain);
  }
}

TEST_CASE("the event window is set before any event is scheduled", "[simulator][bad-input]") {
  cmhsim::engine::WindowedSimulator sim;
  const auto kind = sim.add_handler([](const Event&) {});
  sim.schedule_at(1.0, kind);
  CHECK_THROWS_AS(sim.set_event_window(4.0), EngineError);
}

TEST_CASE("looking ahead shows the next event and leaves the firing order alone", "[simulator]") {
  // Without rescheduling, what `ahead` is shown is exactly the event dispatched next.
  Simulator sim;
  std::vector<std::uint64_t> fired;
  std::vector<std::uint64_t> shown;
  const auto kind = sim.add_handler([&](const Event& e) { fired.push_back(e.target); });
  RandomStream rng({4, 4}, 0, 0);
  for (std::uint64_t i = 0; i < 500; ++i) sim.schedule_at(rng.uniform01() * 50.0, kind, i);
  sim.run_until_looking_ahead(1e9, [&](const Event& next) { shown.push_back(next.target); });
  REQUIRE(fired.size() == 500);
  REQUIRE(shown.size() == 499);  // Nothing is pending after the last event.
  for (std::size_t i = 0; i < shown.size(); ++i) REQUIRE(shown[i] == fired[i + 1]);
  // With a self-scheduling workload, the order is the plain run's.
  // A windowed queue also shows one event further on, when its open window holds one.
  std::size_t looks = 0;
  const auto order = fire_workload<cmhsim::engine::WindowedSimulator>(4.0, &looks);
  CHECK(order == fire_workload<cmhsim::engine::WindowedSimulator>(4.0));
  CHECK(looks > order.size());
  CHECK(looks < 2 * order.size());
}
