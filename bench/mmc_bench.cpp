// M/M/c benchmark: the cmhsim engine and queueing-network model against a bare
// std::priority_queue loop doing the same queueing logic with the same random numbers.
#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <queue>
#include <vector>

#include "bench_util.hpp"
#include "model/queueing_network.hpp"

using namespace cmhsim;

namespace {

constexpr double kLambda = 9.0;      // Arrivals per day.
constexpr int kServers = 10;
constexpr double kMeanService = 1.0;  // Days.
constexpr double kCustomers = 1e6;
constexpr int kRepeats = 5;

// Runs the same M/M/c with a std::priority_queue, a FIFO deque and per-customer Philox streams.
std::uint64_t bare_loop(double horizon, std::uint64_t* served) {
  struct Ev {
    double time;
    std::uint64_t seq;
    std::uint64_t customer;  // ~0 marks an arrival.
    bool operator>(const Ev& o) const {
      return time != o.time ? time > o.time : seq > o.seq;
    }
  };
  const engine::RngKey key{1, 0};
  engine::RandomStream arrivals(key, 0, 1);
  boost::random::exponential_distribution<double> inter(kLambda), service(1.0 / kMeanService);
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> fel;
  std::deque<std::uint64_t> line;
  std::uint64_t seq = 0, next_customer = 0, events = 0, done = 0;
  int busy = 0;
  auto start = [&](std::uint64_t c, double now) {
    engine::RandomStream s(key, (std::uint64_t{1} << 40) + c, 2);
    fel.push({now + service(s), seq++, c});
    ++busy;
  };
  fel.push({inter(arrivals), seq++, ~std::uint64_t{0}});
  while (!fel.empty() && fel.top().time <= horizon) {
    const Ev e = fel.top();
    fel.pop();
    ++events;
    if (e.customer == ~std::uint64_t{0}) {
      const std::uint64_t c = next_customer++;
      if (busy < kServers) {
        start(c, e.time);
      } else {
        line.push_back(c);
      }
      fel.push({e.time + inter(arrivals), seq++, ~std::uint64_t{0}});
    } else {
      --busy;
      ++done;
      if (!line.empty()) {
        const std::uint64_t c = line.front();
        line.pop_front();
        start(c, e.time);
      }
    }
  }
  *served = done;
  return events;
}

}  // namespace

int main() {
  const double horizon = kCustomers / kLambda;
  model::NetworkConfig net;
  model::ServiceConfig s;
  s.name = "mmc";
  s.servers = kServers;
  s.service_time = engine::Distribution::exponential(kMeanService);
  net.services.push_back(s);
  model::ArrivalConfig a;
  a.name = "poisson";
  a.interarrival = engine::Distribution::exponential(1.0 / kLambda);
  net.arrivals.push_back(a);
  net.horizon_days = horizon;

  std::vector<double> engine_s, bare_s;
  std::uint64_t engine_events = 0, bare_events = 0, engine_served = 0, bare_served = 0;
  for (int i = 0; i < kRepeats; ++i) {
    engine_s.push_back(bench::time_seconds([&] {
      model::QueueingNetwork q(net, engine::RngKey{1, 0});
      const auto out = q.run();
      engine_events = out.events;
      engine_served = out.services[0].completions;
    }));
    bare_s.push_back(bench::time_seconds([&] { bare_events = bare_loop(horizon, &bare_served); }));
  }
  const double e_med = bench::median(engine_s), b_med = bench::median(bare_s);
  std::printf(
      "{\"bench\":\"mmc\",\"impl\":\"cmhsim\",\"lambda_per_day\":%g,\"servers\":%d,"
      "\"customers_served\":%llu,\"events\":%llu,\"wall_s_median\":%.4f,"
      "\"events_per_s_median\":%.4g,\"repeats\":%d}\n",
      kLambda, kServers, static_cast<unsigned long long>(engine_served),
      static_cast<unsigned long long>(engine_events), e_med,
      static_cast<double>(engine_events) / e_med, kRepeats);
  std::printf(
      "{\"bench\":\"mmc\",\"impl\":\"bare_priority_queue\",\"customers_served\":%llu,"
      "\"events\":%llu,\"wall_s_median\":%.4f,\"events_per_s_median\":%.4g,\"repeats\":%d}\n",
      static_cast<unsigned long long>(bare_served), static_cast<unsigned long long>(bare_events),
      b_med, static_cast<double>(bare_events) / b_med, kRepeats);
  std::printf(
      "{\"bench\":\"mmc\",\"summary\":true,\"engine_over_bare_time_ratio\":%.3f,"
      "\"target_ratio_max\":1.5,\"target_events_per_s_min\":1e7,\"peak_rss_mib\":%.1f}\n",
      e_med / b_med, bench::peak_rss_mib());
  return 0;
}
