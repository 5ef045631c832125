// Tests of the capacity-limited resource: line disciplines, blocking, reneging, capacity changes
// and time-weighted statistics on hand-worked timelines. Must not depend on the simulator.
#include "engine/resource.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "engine/random_stream.hpp"

using cmhsim::engine::Admission;
using cmhsim::engine::Discipline;
using cmhsim::engine::Resource;
using cmhsim::engine::ResourceStatistics;
using cmhsim::engine::Start;

namespace {

/// Releases one server at `now` and returns who started, or -1 if nobody did.
long long release_who(Resource& r, double now) {
  const std::optional<Start> s = r.release(now);
  return s ? static_cast<long long>(s->customer) : -1;
}

}  // namespace

TEST_CASE("a FIFO line serves customers in arrival order with exact waits", "[resource]") {
  Resource r("clinic", 1);
  CHECK(r.arrive(1, 0.0) == Admission::Started);
  CHECK(r.arrive(2, 1.0) == Admission::Queued);
  CHECK(r.arrive(3, 1.5, -5) == Admission::Queued);  // FIFO ignores priority
  CHECK(r.arrive(4, 2.0) == Admission::Queued);
  CHECK(r.waiting() == 3);
  CHECK(r.busy() == 1);

  auto s = r.release(3.0);
  REQUIRE(s);
  CHECK(s->customer == 2);
  CHECK(s->waited == 2.0);
  s = r.release(4.0);
  REQUIRE(s);
  CHECK(s->customer == 3);
  CHECK(s->waited == 2.5);
  s = r.release(6.0);
  REQUIRE(s);
  CHECK(s->customer == 4);
  CHECK(s->waited == 4.0);
  CHECK_FALSE(r.release(7.0));
  CHECK(r.busy() == 0);
  CHECK(r.waiting() == 0);
}

TEST_CASE("a priority line serves lower values first and FIFO among equals", "[resource]") {
  Resource r("triage", 1, Discipline::Priority);
  CHECK(r.arrive(1, 0.0) == Admission::Started);
  r.arrive(2, 1.0, 5);
  r.arrive(3, 2.0, 1);
  r.arrive(4, 3.0, 5);
  r.arrive(5, 4.0, 1);
  r.arrive(6, 5.0, 0);
  r.arrive(7, 6.0, 5);
  std::vector<long long> order;
  for (double t = 10.0; r.waiting() > 0; t += 1.0) order.push_back(release_who(r, t));
  CHECK(order == std::vector<long long>{6, 3, 5, 2, 4, 7});
}

TEST_CASE("a full line blocks arrivals and counts them", "[resource]") {
  Resource r("beds", 1, Discipline::Fifo, 2);
  CHECK(r.queue_capacity() == 2);
  CHECK(r.arrive(1, 0.0) == Admission::Started);
  CHECK(r.arrive(2, 0.0) == Admission::Queued);
  CHECK(r.arrive(3, 0.0) == Admission::Queued);
  CHECK(r.arrive(4, 0.0) == Admission::Blocked);
  CHECK(r.arrive(5, 1.0) == Admission::Blocked);
  CHECK(r.waiting() == 2);
  CHECK(release_who(r, 2.0) == 2);
  CHECK(r.arrive(6, 2.0) == Admission::Queued);  // room again after a start
  const ResourceStatistics s = r.statistics(3.0);
  CHECK(s.arrivals == 6);
  CHECK(s.blocked == 2);
  CHECK(s.started == 2);
  CHECK(s.completed == 1);
}

TEST_CASE("a loss system with no line blocks once every server is busy", "[resource]") {
  Resource r("crisis", 2, Discipline::Fifo, 0);
  CHECK(r.arrive(1, 0.0) == Admission::Started);
  CHECK(r.arrive(2, 0.0) == Admission::Started);
  CHECK(r.arrive(3, 0.0) == Admission::Blocked);
  CHECK_FALSE(r.release(1.0));
  CHECK(r.arrive(4, 1.0) == Admission::Started);
  CHECK(r.statistics(1.0).blocked == 1);
}

TEST_CASE("reneging removes the right customer, who is never started", "[resource]") {
  for (Discipline d : {Discipline::Fifo, Discipline::Priority}) {
    Resource r("outpatients", 1, d);
    std::uint64_t t2 = 0, t3 = 0, t4 = 0, t5 = 0;
    r.arrive(1, 0.0);
    REQUIRE(r.arrive(2, 1.0, 0, &t2) == Admission::Queued);
    REQUIRE(r.arrive(3, 2.0, 0, &t3) == Admission::Queued);
    REQUIRE(r.arrive(4, 3.0, 0, &t4) == Admission::Queued);
    REQUIRE(r.arrive(5, 3.5, 0, &t5) == Admission::Queued);
    CHECK(t2 != t3);
    r.renege(t3, 4.0);  // from the middle of the line
    r.renege(t2, 4.5);  // from its head
    CHECK(r.waiting() == 2);
    CHECK(release_who(r, 5.0) == 4);
    r.renege(t5, 5.5);  // the last one waiting: the line empties
    CHECK(r.waiting() == 0);
    CHECK(release_who(r, 6.0) == -1);
    CHECK(r.busy() == 0);
    // The reneged customers never reappear, whatever arrives next.
    CHECK(r.arrive(6, 7.0) == Admission::Started);
    CHECK(r.arrive(7, 7.0) == Admission::Queued);
    CHECK(release_who(r, 8.0) == 7);
    CHECK(release_who(r, 9.0) == -1);
    const ResourceStatistics s = r.statistics(9.0);
    CHECK(s.reneged == 3);
    CHECK(s.started == 4);  // customers 1, 4, 6, 7
    CHECK(s.arrivals == 7);
  }
}

TEST_CASE("raising servers starts waiters, lowering lets busy servers finish", "[resource]") {
  Resource r("care partners", 1);
  r.arrive(1, 0.0);
  r.arrive(2, 0.0);
  r.arrive(3, 0.0);
  r.arrive(4, 0.0);
  const std::vector<Start> started = r.set_servers(3, 1.0);
  REQUIRE(started.size() == 2);
  CHECK(started[0].customer == 2);
  CHECK(started[0].waited == 1.0);
  CHECK(started[1].customer == 3);
  CHECK(r.busy() == 3);
  CHECK(r.waiting() == 1);

  CHECK(r.set_servers(1, 2.0).empty());
  CHECK(r.servers() == 1);
  CHECK(r.busy() == 3);  // nobody is interrupted
  CHECK(release_who(r, 3.0) == -1);
  CHECK(release_who(r, 4.0) == -1);
  CHECK(r.busy() == 1);
  CHECK(release_who(r, 5.0) == 4);  // only now is there a free server
  CHECK(r.busy() == 1);

  Resource closed("closed", 0);
  CHECK(closed.arrive(1, 0.0) == Admission::Queued);
  const auto opened = closed.set_servers(2, 3.0);
  REQUIRE(opened.size() == 1);
  CHECK(opened[0].waited == 3.0);
}

TEST_CASE("utilisation and queue length are exact on a hand-worked timeline", "[resource]") {
  // Two servers. Arrivals at 0, 1, 2, 3; completions at 4, 6, 7, 8.
  // Busy: 1 on [0,1), 2 on [1,7), 1 on [7,8), 0 on [8,10): area 14.
  // Waiting: 1 on [2,3), 2 on [3,4), 1 on [4,6): area 5. Waits: 0, 0, 2, 3.
  Resource r("team", 2);
  r.arrive(1, 0.0);
  r.arrive(2, 1.0);
  r.arrive(3, 2.0);
  r.arrive(4, 3.0);
  CHECK(release_who(r, 4.0) == 3);
  CHECK(release_who(r, 6.0) == 4);
  CHECK(release_who(r, 7.0) == -1);
  CHECK(release_who(r, 8.0) == -1);
  const ResourceStatistics s = r.statistics(10.0);
  CHECK(s.span == 10.0);
  CHECK(s.mean_busy == 1.4);
  CHECK(s.mean_in_queue == 0.5);
  CHECK(s.mean_servers == 2.0);
  CHECK(s.utilisation == 0.7);
  CHECK(s.wait.count() == 4);
  CHECK(s.wait.mean() == Approx(1.25).epsilon(1e-15));
  CHECK(s.wait.max() == 3.0);
  CHECK(s.arrivals == 4);
  CHECK(s.started == 4);
  CHECK(s.completed == 4);
}

TEST_CASE("a renege lowers the time-weighted queue length when it happens", "[resource]") {
  // One server. Customer 1 served on [0,6); 2 waits on [1,6) then is served on [6,8);
  // 3 waits on [2,4) and reneges. Waiting: 1 on [1,2), 2 on [2,4), 1 on [4,6): area 7.
  Resource r("gp", 1);
  std::uint64_t t3 = 0;
  r.arrive(1, 0.0);
  r.arrive(2, 1.0);
  r.arrive(3, 2.0, 0, &t3);
  r.renege(t3, 4.0);
  CHECK(release_who(r, 6.0) == 2);
  CHECK(release_who(r, 8.0) == -1);
  const ResourceStatistics s = r.statistics(10.0);
  CHECK(s.mean_in_queue == 0.7);
  CHECK(s.mean_busy == 0.8);
  CHECK(s.utilisation == 0.8);
  CHECK(s.reneged == 1);
  CHECK(s.wait.count() == 2);  // reneged customers have no wait for service
  CHECK(s.wait.mean() == 2.5);
}

TEST_CASE("utilisation divides by the time-varying server count", "[resource]") {
  // One server on [0,5), three on [5,10); one customer in service throughout.
  // Server area 5 + 15 = 20, busy area 10: utilisation 0.5, mean servers 2.
  Resource r("flex", 1);
  r.arrive(1, 0.0);
  r.set_servers(3, 5.0);
  const ResourceStatistics s = r.statistics(10.0);
  CHECK(s.mean_servers == 2.0);
  CHECK(s.mean_busy == 1.0);
  CHECK(s.utilisation == 0.5);
}

TEST_CASE("servers finishing above a lowered count still count as available", "[resource]") {
  // Three busy on [0,4); servers lowered to 1 at 4; two leave at 6, the last at 8.
  // Available: 3 on [0,6), 1 on [6,10): area 22. Busy: 3 on [0,6), 1 on [6,8): area 20.
  Resource r("shrinking", 3);
  r.arrive(1, 0.0);
  r.arrive(2, 0.0);
  r.arrive(3, 0.0);
  r.set_servers(1, 4.0);
  CHECK_FALSE(r.release(6.0).has_value());
  CHECK_FALSE(r.release(6.0).has_value());
  CHECK_FALSE(r.release(8.0).has_value());
  const ResourceStatistics s = r.statistics(10.0);
  CHECK(s.mean_servers == Approx(2.2));
  CHECK(s.mean_busy == Approx(2.0));
  CHECK(s.utilisation == Approx(20.0 / 22.0));
  CHECK(s.utilisation <= 1.0);
}

TEST_CASE("reset_statistics drops everything observed before it", "[resource]") {
  // The hand-worked timeline again, reset at t = 5 (one busy pair, customer 4 waiting).
  // After 5: busy 2 on [5,7), 1 on [7,8): area 5; waiting 1 on [5,6): area 1; one wait of 3.
  Resource r("team", 2);
  r.arrive(1, 0.0);
  r.arrive(2, 1.0);
  r.arrive(3, 2.0);
  r.arrive(4, 3.0);
  release_who(r, 4.0);
  r.reset_statistics(5.0);
  const ResourceStatistics at_reset = r.statistics(5.0);
  CHECK(at_reset.arrivals == 0);
  CHECK(at_reset.started == 0);
  CHECK(at_reset.wait.count() == 0);
  CHECK(at_reset.span == 0.0);
  release_who(r, 6.0);
  release_who(r, 7.0);
  release_who(r, 8.0);
  const ResourceStatistics s = r.statistics(10.0);
  CHECK(s.span == 5.0);
  CHECK(s.arrivals == 0);
  CHECK(s.started == 1);
  CHECK(s.completed == 3);
  CHECK(s.wait.count() == 1);
  CHECK(s.wait.mean() == 3.0);
  CHECK(s.mean_busy == 1.0);
  CHECK(s.mean_in_queue == 0.2);
  CHECK(s.utilisation == 0.5);
}

TEST_CASE("resource misuse throws", "[resource][bad-input]") {
  CHECK_THROWS_AS(Resource("bad", -1), std::invalid_argument);
  Resource r("ok", 1);
  CHECK_THROWS_AS(r.release(0.0), std::logic_error);
  CHECK_THROWS_AS(r.set_servers(-2, 0.0), std::invalid_argument);
  CHECK(r.name() == "ok");
}

TEST_CASE("random arrivals, releases, reneges and capacity changes match a reference line",
          "[resource]") {
  for (Discipline d : {Discipline::Fifo, Discipline::Priority}) {
    struct Waiting {
      std::int32_t priority;
      std::uint64_t order;
      std::uint64_t customer;
      std::uint64_t ticket;
    };
    const std::size_t capacity = 8;
    Resource r("ref", 2, d, capacity);
    std::vector<Waiting> line;  // the reference: who waits, in arrival order
    int servers = 2, busy = 0;
    std::uint64_t next_customer = 0, order = 0, started = 0, reneged = 0, blocked = 0;
    cmhsim::engine::RandomStream rng({9, static_cast<std::uint64_t>(d)}, 0, 0);
    auto next_of_line = [&]() {
      auto best = line.begin();
      for (auto it = line.begin(); it != line.end(); ++it) {
        const bool earlier = d == Discipline::Fifo
                                 ? it->order < best->order
                                 : (it->priority != best->priority ? it->priority < best->priority
                                                                   : it->order < best->order);
        if (earlier) best = it;
      }
      return best;
    };
    double now = 0.0;
    for (int step = 0; step < 20000; ++step) {
      now += rng.uniform01();
      const std::uint64_t action = rng() % 10;
      if (action < 4) {
        const auto priority = static_cast<std::int32_t>(rng() % 3);
        const std::uint64_t c = next_customer++;
        std::uint64_t ticket = 0;
        const Admission a = r.arrive(c, now, priority, &ticket);
        if (busy < servers && line.empty()) {
          REQUIRE(a == Admission::Started);
          ++busy;
          ++started;
        } else if (line.size() >= capacity) {
          REQUIRE(a == Admission::Blocked);
          ++blocked;
        } else {
          REQUIRE(a == Admission::Queued);
          line.push_back({priority, order++, c, ticket});
        }
      } else if (action < 7) {
        if (busy == 0) continue;
        const std::optional<Start> s = r.release(now);
        --busy;
        if (busy < servers && !line.empty()) {
          const auto it = next_of_line();
          REQUIRE(s);
          REQUIRE(s->customer == it->customer);
          line.erase(it);
          ++busy;
          ++started;
        } else {
          REQUIRE_FALSE(s);
        }
      } else if (action < 9) {
        if (line.empty()) continue;
        const auto it = line.begin() + static_cast<std::ptrdiff_t>(rng() % line.size());
        r.renege(it->ticket, now);
        line.erase(it);
        ++reneged;
      } else {
        servers = static_cast<int>(rng() % 4);
        const std::vector<Start> starts = r.set_servers(servers, now);
        for (const Start& s : starts) {
          REQUIRE(busy < servers);
          const auto it = next_of_line();
          REQUIRE(s.customer == it->customer);
          line.erase(it);
          ++busy;
          ++started;
        }
        REQUIRE((busy >= servers || line.empty()));
      }
      REQUIRE(r.waiting() == line.size());
      REQUIRE(r.busy() == busy);
    }
    const ResourceStatistics s = r.statistics(now);
    CHECK(s.started == started);
    CHECK(s.reneged == reneged);
    CHECK(s.blocked == blocked);
    CHECK(reneged > 1000);
    CHECK(blocked > 10);
  }
}
