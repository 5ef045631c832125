// Tests the queueing network's warm start: the customers declared in service and waiting at day
// 0 are there, are served in turn, and leave every arriving customer's draws unchanged.
#include <catch2/catch.hpp>
#include <cmath>

#include "model/queueing_network.hpp"

using namespace cmhsim;
using model::ServiceMetric;

namespace {

/// Returns a network with one fixed-time service fed by a stream whose first arrival is late.
model::NetworkConfig single_server(int servers, double service_days, double horizon) {
  model::NetworkConfig c;
  model::ServiceConfig s;
  s.name = "cmht";
  s.servers = servers;
  s.service_time = engine::Distribution::fixed(service_days);
  c.services.push_back(s);
  model::ArrivalConfig a;
  a.name = "referrals";
  a.to = 0;
  a.interarrival = engine::Distribution::fixed(1000.0);
  c.arrivals.push_back(a);
  c.horizon_days = horizon;
  return c;
}

}  // namespace

TEST_CASE("warm start puts the declared customers in service and waiting at day 0",
          "[warm-start]") {
  model::NetworkConfig c = single_server(3, 10.0, 5.0);
  c.services[0].initial_busy = 3;
  c.services[0].initial_waiting = 5;
  const model::ReplicationOutcome out = model::QueueingNetwork(c, {1, 0}).run();
  const model::ServiceOutcome& s = out.services.at(0);
  CHECK(s.arrivals == 8u);
  CHECK(s.completions == 0u);
  CHECK(s[ServiceMetric::MeanInQueue] == Approx(5.0));
  CHECK(s[ServiceMetric::Utilisation] == Approx(1.0));
  CHECK(s[ServiceMetric::MeanInSystem] == Approx(8.0));
}

TEST_CASE("warm-start customers are served in turn", "[warm-start]") {
  model::NetworkConfig c = single_server(1, 1.0, 50.0);
  c.services[0].initial_busy = 1;
  c.services[0].initial_waiting = 4;
  const model::ServiceOutcome s = model::QueueingNetwork(c, {1, 0}).run().services.at(0);
  CHECK(s.completions == 5u);
  // The four waiting start at days 1, 2, 3 and 4; the one in service waited 0.
  CHECK(s[ServiceMetric::MeanWait] == Approx((0.0 + 1 + 2 + 3 + 4) / 5.0));
  // From empty, nobody arrives before day 1000, so nobody waits or is served.
  const model::ServiceOutcome cold =
      model::QueueingNetwork(single_server(1, 1.0, 50.0), {1, 0}).run().services.at(0);
  CHECK(cold.completions == 0u);
}

TEST_CASE("a warm start raises early waits of a busy service", "[warm-start]") {
  model::NetworkConfig c = single_server(2, 1.0, 30.0);
  c.services[0].service_time = engine::Distribution::exponential(1.0);
  c.arrivals[0].interarrival = engine::Distribution::exponential(0.6);
  model::NetworkConfig warm = c;
  warm.services[0].initial_busy = 2;
  warm.services[0].initial_waiting = 30;
  double cold_wait = 0.0;
  double warm_wait = 0.0;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    cold_wait += model::QueueingNetwork(c, {3, rep}).run().services[0][ServiceMetric::MeanWait];
    warm_wait += model::QueueingNetwork(warm, {3, rep}).run().services[0][ServiceMetric::MeanWait];
  }
  // 30 waiting at 2 per day take about 15 days to clear, so the early waits are days, not hours.
  CHECK(warm_wait / 20.0 > cold_wait / 20.0 + 3.0);
}

TEST_CASE("a warm start at one service leaves arriving customers' draws unchanged",
          "[warm-start][determinism]") {
  model::NetworkConfig c;
  for (const char* name : {"a", "b"}) {
    model::ServiceConfig s;
    s.name = name;
    s.servers = 2;
    s.service_time = engine::Distribution::exponential(0.8);
    c.services.push_back(s);
  }
  for (std::size_t to : {0u, 1u}) {
    model::ArrivalConfig a;
    a.name = to == 0 ? "to_a" : "to_b";
    a.to = to;
    a.interarrival = engine::Distribution::exponential(0.5);
    c.arrivals.push_back(a);
  }
  c.horizon_days = 200.0;
  model::NetworkConfig warm = c;
  warm.services[1].initial_busy = 2;
  warm.services[1].initial_waiting = 10;
  const auto cold_out = model::QueueingNetwork(c, {9, 2}).run();
  const auto warm_out = model::QueueingNetwork(warm, {9, 2}).run();
  // Service a sees the same customers with the same service times: identical to the last bit.
  CHECK(warm_out.services[0].values == cold_out.services[0].values);
  CHECK(warm_out.services[0].arrivals == cold_out.services[0].arrivals);
  CHECK(warm_out.services[1].arrivals == cold_out.services[1].arrivals + 12u);
}
