// Hold-model benchmark of future-event list structures: ns per (pop + push) at steady size.
// Knows the engine's Event and queue and the d-ary heaps; prints one JSON object per line.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dary_event_heap.hpp"
#include "engine/event.hpp"
#include "engine/event_queue.hpp"
#include "engine/random_stream.hpp"

namespace {

using cmhsim::bench::DaryEventHeap;
using cmhsim::engine::BinaryEventHeap;
using cmhsim::engine::Event;
using cmhsim::engine::RandomStream;

constexpr int kRepeats = 5;
constexpr std::size_t kIncrements = 1u << 16;  // a power of two, so cycling is a mask

/// Returns exponential(mean 1) increments from a fixed stream; cycled so the timed loop does no
/// random-number work of its own.
std::vector<double> make_increments() {
  RandomStream rng({1985, 0}, 0, 0);
  std::vector<double> out(kIncrements);
  for (auto& x : out) x = -std::log(rng.uniform01());
  return out;
}

/// Times one hold run: pre-fills `pending` events, then `ops` pops each followed by a push.
template <class Queue>
double hold_ns_per_op(std::size_t pending, std::size_t ops, const std::vector<double>& inc,
                      double& checksum) {
  Queue q;
  q.reserve(pending + 1);
  std::uint64_t sequence = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < pending; ++i) {
    q.push(Event::make(inc[k++ & (kIncrements - 1)], static_cast<std::int32_t>(i % 3), sequence++,
                       0, i));
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < ops; ++i) {
    Event e = q.pop();
    checksum += e.time;
    e.time += inc[k++ & (kIncrements - 1)];
    e.order = Event::pack(e.priority(), sequence++, e.kind());
    q.push(e);
  }
  const auto t1 = std::chrono::steady_clock::now();
  if (q.size() != pending) std::abort();
  return std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(ops);
}

/// Names a structure and the function timing one hold run of it.
struct Candidate {
  std::string name;
  double (*run)(std::size_t, std::size_t, const std::vector<double>&, double&);
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  const std::vector<double> inc = make_increments();
  const std::vector<std::size_t> sizes = {1000, 10000, 100000, 1000000};
  const std::vector<Candidate> candidates = {
      {"binary_std_priority_queue", hold_ns_per_op<BinaryEventHeap>},
      {"dary2", hold_ns_per_op<DaryEventHeap<2>>},
      {"dary4", hold_ns_per_op<DaryEventHeap<4>>},
      {"dary8", hold_ns_per_op<DaryEventHeap<8>>},
  };
  std::vector<double> log_sum(candidates.size(), 0.0);  // for the geometric mean over sizes

  for (std::size_t pending : sizes) {
    const std::size_t ops = std::max<std::size_t>(2000000, 4 * pending);
    std::vector<std::vector<double>> ns(candidates.size());
    std::vector<double> checksum(candidates.size(), 0.0);
    // Repeats go round-robin over the structures so that load from other processes on a shared
    // machine falls on all of them alike.
    for (int r = 0; r < kRepeats; ++r) {
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        double sum = 0.0;
        ns[c].push_back(candidates[c].run(pending, ops, inc, sum));
        checksum[c] = sum;
      }
    }
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      // The order is a strict total order, so every structure must pop the same events.
      if (checksum[c] != checksum[0]) {
        std::fprintf(stderr, "%s popped a different sequence\n", candidates[c].name.c_str());
        return 1;
      }
      const double med = median(ns[c]);
      log_sum[c] += std::log(med);
      std::printf(
          "{\"bench\":\"event_queue\",\"structure\":\"%s\",\"pending\":%zu,"
          "\"hold_ops\":%zu,\"ns_per_hold_median\":%.2f,\"ns_per_hold_min\":%.2f,"
          "\"repeats\":%d}\n",
          candidates[c].name.c_str(), pending, ops, med,
          *std::min_element(ns[c].begin(), ns[c].end()), kRepeats);
    }
    std::fflush(stdout);
  }

  std::size_t best = 0;
  for (std::size_t c = 1; c < candidates.size(); ++c) {
    if (log_sum[c] < log_sum[best]) best = c;
  }
  const auto geo = [&](std::size_t c) {
    return std::exp(log_sum[c] / static_cast<double>(sizes.size()));
  };
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "{\"bench\":\"event_queue\",\"fastest\":\"%s\",\"geomean_ns\":%.2f,"
      "\"criterion\":\"geometric mean over pending sizes of the median ns per hold\","
      "\"peak_rss_kib\":%ld}\n",
      candidates[best].name.c_str(), geo(best), usage.ru_maxrss);
  return 0;
}
