// The one builder of a service's outcome (the seven per-service metrics) from the statistics of
// its observed period. Knows the engine's resource statistics; nothing of which model made them.
#pragma once

#include <string>

#include "engine/resource.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::model {

/// Returns the outcome of service `name` from statistics `st` of its observed period.
///
/// Ratios with a zero denominator are NaN. blocked_fraction is blocked arrivals over arrivals for
/// every line, so a line that cannot be full (unlimited) reports 0, not NaN.
ServiceOutcome service_outcome(std::string name, const engine::ResourceStatistics& st);

}  // namespace cmhsim::model
