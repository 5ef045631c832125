// M/M/c benchmark: the cmhsim engine and queueing-network model against a bare
// std::priority_queue loop doing the same queueing logic with the same random numbers.
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <queue>
#include <vector>

#include "bench_util.hpp"
#include "model/queueing_network.hpp"

using namespace cmhsim;

namespace {

constexpr double kLambda = 9.0;  // Arrivals per day.
constexpr int kServers = 10;
constexpr double kMeanService = 1.0;  // Days.
constexpr double kCustomers = 1e6;
constexpr int kRepeats = 5;

/// Holds the outputs both implementations compute, so their equality can be checked.
struct Outputs {
  std::uint64_t events = 0;
  std::uint64_t served = 0;
  double mean_wait = 0.0;
  double utilisation = 0.0;
};

// Runs the same M/M/c with a std::priority_queue, a FIFO deque and per-customer Philox streams,
// measuring what the model measures: mean wait in queue, time-averaged queue length and busy
// servers, so both do the same work.
Outputs bare_loop(double horizon) {
  struct Ev {
    double time;
    std::uint64_t seq;
    std::uint64_t customer;  // ~0 marks an arrival.
    bool operator>(const Ev& o) const { return time != o.time ? time > o.time : seq > o.seq; }
  };
  const engine::RngKey key{1, 0};
  engine::RandomStream arrivals(key, 0, 1);
  boost::random::exponential_distribution<double> inter(kLambda), service(1.0 / kMeanService);
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> fel;
  struct Waiting {
    std::uint64_t customer;
    double since;
  };
  std::deque<Waiting> line;
  std::uint64_t seq = 0, next_customer = 0, events = 0, done = 0, started = 0;
  int busy = 0;
  double wait_sum = 0.0, busy_area = 0.0, queue_area = 0.0, last = 0.0;
  auto advance = [&](double now) {
    busy_area += busy * (now - last);
    queue_area += static_cast<double>(line.size()) * (now - last);
    last = now;
  };
  auto start = [&](std::uint64_t c, double now, double since) {
    engine::RandomStream s(key, (std::uint64_t{1} << 40) + c, 2);
    fel.push({now + service(s), seq++, c});
    ++busy;
    ++started;
    wait_sum += now - since;
  };
  fel.push({inter(arrivals), seq++, ~std::uint64_t{0}});
  while (!fel.empty() && fel.top().time <= horizon) {
    const Ev e = fel.top();
    fel.pop();
    ++events;
    advance(e.time);
    if (e.customer == ~std::uint64_t{0}) {
      const std::uint64_t c = next_customer++;
      if (busy < kServers) {
        start(c, e.time, e.time);
      } else {
        line.push_back({c, e.time});
      }
      fel.push({e.time + inter(arrivals), seq++, ~std::uint64_t{0}});
    } else {
      --busy;
      ++done;
      if (!line.empty()) {
        const Waiting w = line.front();
        line.pop_front();
        start(w.customer, e.time, w.since);
      }
    }
  }
  advance(horizon);
  return {events, done, wait_sum / static_cast<double>(started), busy_area / (kServers * horizon)};
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
  Outputs eng, bare;
  for (int i = 0; i < kRepeats; ++i) {
    engine_s.push_back(bench::time_seconds([&] {
      model::QueueingNetwork q(net, engine::RngKey{1, 0});
      const auto out = q.run();
      eng = {out.events, out.services[0].completions,
             out.services[0][model::ServiceMetric::MeanWait],
             out.services[0][model::ServiceMetric::Utilisation]};
    }));
    bare_s.push_back(bench::time_seconds([&] { bare = bare_loop(horizon); }));
  }
  // Same random numbers and logic: the two must agree, or the comparison means nothing.
  const bool same = eng.events == bare.events && eng.served == bare.served &&
                    std::abs(eng.mean_wait - bare.mean_wait) < 1e-9 * bare.mean_wait &&
                    std::abs(eng.utilisation - bare.utilisation) < 1e-9;
  const double e_med = bench::median(engine_s), b_med = bench::median(bare_s);
  std::printf(
      "{\"bench\":\"mmc\",\"impl\":\"cmhsim\",\"lambda_per_day\":%g,\"servers\":%d,"
      "\"customers_served\":%llu,\"events\":%llu,\"mean_wait_days\":%.6f,\"utilisation\":%.6f,"
      "\"wall_s_median\":%.4f,\"events_per_s_median\":%.4g,\"repeats\":%d}\n",
      kLambda, kServers, static_cast<unsigned long long>(eng.served),
      static_cast<unsigned long long>(eng.events), eng.mean_wait, eng.utilisation, e_med,
      static_cast<double>(eng.events) / e_med, kRepeats);
  std::printf(
      "{\"bench\":\"mmc\",\"impl\":\"bare_priority_queue\",\"customers_served\":%llu,"
      "\"events\":%llu,\"mean_wait_days\":%.6f,\"utilisation\":%.6f,\"wall_s_median\":%.4f,"
      "\"events_per_s_median\":%.4g,\"repeats\":%d}\n",
      static_cast<unsigned long long>(bare.served), static_cast<unsigned long long>(bare.events),
      bare.mean_wait, bare.utilisation, b_med, static_cast<double>(bare.events) / b_med, kRepeats);
  std::printf(
      "{\"bench\":\"mmc\",\"summary\":true,\"same_results\":%s,"
      "\"engine_over_bare_time_ratio\":%.3f,\"target_ratio_max\":1.3,"
      "\"target_events_per_s_min\":1e7,\"peak_rss_mib\":%.1f}\n",
      same ? "true" : "false", e_med / b_med, bench::peak_rss_mib());
  return same ? 0 : 1;
}
