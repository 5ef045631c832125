// The one builder of a service's outcome from the statistics of its observed period.
// Knows the engine's resource statistics; nothing of which model made them.
#include "model/service_outcome.hpp"

#include <cstdint>
#include <limits>

namespace cmhsim::model {
namespace {

double ratio(std::uint64_t part, std::uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole)
               : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

ServiceOutcome service_outcome(std::string name, const engine::ResourceStatistics& st) {
  ServiceOutcome o;
  o.name = std::move(name);
  o.arrivals = st.arrivals;
  o.completions = st.completed;
  auto set = [&o](ServiceMetric m, double v) { o.values[static_cast<std::size_t>(m)] = v; };
  set(ServiceMetric::MeanWait, st.wait.mean());
  set(ServiceMetric::MeanInQueue, st.mean_in_queue);
  set(ServiceMetric::MeanInSystem, st.mean_in_queue + st.mean_busy);
  set(ServiceMetric::Utilisation, st.utilisation);
  set(ServiceMetric::ThroughputPerDay, st.span > 0.0 ? static_cast<double>(st.completed) / st.span
                                                     : std::numeric_limits<double>::quiet_NaN());
  set(ServiceMetric::BlockedFraction, ratio(st.blocked, st.arrivals));
  set(ServiceMetric::RenegedFraction, ratio(st.reneged, st.arrivals));
  return o;
}

}  // namespace cmhsim::model
