// The per-service outcome table: every metric's name, unit and meaning in one place.
// Used by the model to fill results and by io/ and cli/ to name them; knows nothing of files.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cmhsim::model {

/// Indexes the per-service metrics.
enum class ServiceMetric : std::size_t {
  MeanWait,
  MeanInQueue,
  MeanInSystem,
  Utilisation,
  ThroughputPerDay,
  BlockedFraction,
  RenegedFraction,
};

/// Describes one metric for tables, files and documentation.
struct MetricInfo {
  const char* name;
  const char* unit;
  const char* description;
};

inline constexpr std::size_t kServiceMetricCount = 7;

/// Lists the per-service metrics in ServiceMetric order.
inline constexpr std::array<MetricInfo, kServiceMetricCount> kServiceMetrics{{
    {"mean_wait", "days",
     "mean time in the waiting line per visit whose service started after warm-up (zero waits "
     "included; a customer routed back counts each visit)"},
    {"mean_in_queue", "people", "time-averaged number waiting, after warm-up"},
    {"mean_in_system", "people", "time-averaged number waiting or in service, after warm-up"},
    {"utilisation", "fraction", "busy-server time over available server time, after warm-up"},
    {"throughput_per_day", "people/day", "service completions per day after warm-up"},
    {"blocked_fraction", "fraction",
     "arrivals after warm-up turned away because the waiting line was full"},
    {"reneged_fraction", "fraction",
     "customers who left the waiting line after warm-up, over arrivals after warm-up"},
}};

/// Holds one replication's metrics for one service.
struct ServiceOutcome {
  std::string name;
  std::array<double, kServiceMetricCount> values{};
  std::uint64_t arrivals = 0;
  std::uint64_t completions = 0;

  /// Returns one metric's value.
  [[nodiscard]] double operator[](ServiceMetric m) const noexcept {
    return values[static_cast<std::size_t>(m)];
  }
};

/// Describes one model output (an end-of-run metric or a monthly series).
struct OutputInfo {
  std::string name;         ///< Machine name, e.g. "crises_per_1000_per_year" or "x.by_network.y".
  std::string unit;         ///< Unit, e.g. "people", "per 1000 person-years", "GBP".
  std::string description;  ///< Exact definition, as documented.
};

/// Holds one replication's results: per-service outcomes, and, for models that have them,
/// end-of-run metrics and monthly series named by the model's OutputInfo tables.
struct ReplicationOutcome {
  std::vector<ServiceOutcome> services;
  std::vector<double> metrics;  ///< In the model's metric order.
  std::vector<double> series;   ///< Monthly series, element [month * series_count + k].
  std::size_t months = 0;       ///< Months recorded in `series`.
  std::uint64_t events = 0;     ///< Events the simulator dispatched.
};

}  // namespace cmhsim::model
