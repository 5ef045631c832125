// Hold-model benchmark of future-event list structures: ns per (pop + push) at steady size.
// Knows only the engine's Event and queues; prints one JSON object per line.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <queue>
#include <string>
#include <vector>

#include "engine/event.hpp"
#include "engine/event_queue.hpp"
#include "engine/random_stream.hpp"

namespace {

using cmhsim::engine::DaryEventHeap;
using cmhsim::engine::Event;
using cmhsim::engine::RandomStream;

constexpr int kRepeats = 5;
constexpr std::size_t kIncrements = 1u << 16;  // a power of two, so cycling is a mask

/// Orders std::priority_queue as a min-heap by fires_before().
struct FiresAfter {
  bool operator()(const Event& a, const Event& b) const noexcept {
    return cmhsim::engine::fires_before(b, a);
  }
};

/// Adapts std::priority_queue to the push/pop interface of DaryEventHeap.
class StdPriorityQueue {
 public:
  void reserve(std::size_t n) {
    std::vector<Event> storage;
    storage.reserve(n);
    q_ = Queue(FiresAfter{}, std::move(storage));
  }
  void push(const Event& e) { q_.push(e); }
  Event pop() {
    Event e = q_.top();
    q_.pop();
    return e;
  }
  [[nodiscard]] std::size_t size() const { return q_.size(); }

 private:
  using Queue = std::priority_queue<Event, std::vector<Event>, FiresAfter>;
  Queue q_;
};

/// Pops like libstdc++'s pop_heap (Floyd): walks the hole down to a leaf choosing the earliest
/// child without comparing against the moved element, then sifts that element up. A candidate
/// for the engine's queue, measured here only.
template <std::size_t Arity>
class BottomUpDaryHeap {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  void push(const Event& e) {
    heap_.push_back(e);
    sift_up(heap_.size() - 1, e);
  }
  Event pop() {
    const Event out = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return out;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = i * Arity + 1;
      if (first >= n) break;
      const std::size_t end = first + Arity < n ? first + Arity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (cmhsim::engine::fires_before(heap_[c], heap_[best])) best = c;
      }
      heap_[i] = heap_[best];
      i = best;
    }
    sift_up(i, last);
    return out;
  }

 private:
  void sift_up(std::size_t i, const Event& e) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / Arity;
      if (!cmhsim::engine::fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
};

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
    q.push(
        Event{inc[k++ & (kIncrements - 1)], static_cast<std::int32_t>(i % 3), 0, sequence++, i, 0});
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < ops; ++i) {
    Event e = q.pop();
    checksum += e.time;
    e.time += inc[k++ & (kIncrements - 1)];
    e.sequence = sequence++;
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
      {"std_priority_queue", hold_ns_per_op<StdPriorityQueue>},
      {"dary2", hold_ns_per_op<DaryEventHeap<2>>},
      {"dary4", hold_ns_per_op<DaryEventHeap<4>>},
      {"dary8", hold_ns_per_op<DaryEventHeap<8>>},
      {"dary4_bottom_up", hold_ns_per_op<BottomUpDaryHeap<4>>},
  };
  const std::size_t existing = 4;  // the first four exist in the engine; the last is a candidate
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
          "\"repeats\":%d,\"in_engine\":%s}\n",
          candidates[c].name.c_str(), pending, ops, med,
          *std::min_element(ns[c].begin(), ns[c].end()), kRepeats, c < existing ? "true" : "false");
    }
    std::fflush(stdout);
  }

  auto best_of = [&](std::size_t count) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < count; ++c) {
      if (log_sum[c] < log_sum[best]) best = c;
    }
    return best;
  };
  const auto geo = [&](std::size_t c) {
    return std::exp(log_sum[c] / static_cast<double>(sizes.size()));
  };
  const std::size_t best = best_of(existing);
  const std::size_t best_any = best_of(candidates.size());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "{\"bench\":\"event_queue\",\"recommended\":\"%s\",\"geomean_ns\":%.2f,"
      "\"best_including_candidates\":\"%s\",\"best_geomean_ns\":%.2f,"
      "\"criterion\":\"geometric mean over pending sizes of the median ns per hold\","
      "\"peak_rss_kib\":%ld}\n",
      candidates[best].name.c_str(), geo(best), candidates[best_any].name.c_str(), geo(best_any),
      usage.ru_maxrss);
  return 0;
}
