// Shared helpers for benchmarks: wall-clock timing, medians and peak resident memory.
// Knows nothing of what is being measured.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <vector>

namespace cmhsim::bench {

/// Returns the seconds `f` takes to run once.
template <class F>
double time_seconds(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Returns the median of `v` (the mean of the middle two for even sizes).
inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/// Returns `text` as a whole number when it is one, in [lo, hi], and nothing otherwise.
inline std::optional<long> whole_number(const char* text, long lo, long hi) {
  char* end = nullptr;
  const long n = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || n < lo || n > hi) return std::nullopt;
  return n;
}

/// Returns the process's peak resident set size in MiB.
inline double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux.
}

}  // namespace cmhsim::bench
