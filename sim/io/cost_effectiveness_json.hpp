// A comparison's cost-effectiveness as JSON: per scenario after the first, the increments, ICER,
// net monetary benefit, probability cost-effective and EVPI. Knows nothing of HDF5.
#pragma once

#include <nlohmann/json.hpp>

#include "experiment/comparison.hpp"

namespace cmhsim::io {

/// Returns `{SCENARIO: {"incremental_cost": {"mean", "ci95"}, "incremental_qalys", "icer",
/// "net_monetary_benefit_<T>"..., "probability_cost_effective_<T>"..., "evpi_per_person",
/// "evpi_for_place"}}` for every scenario after the first (T each threshold; EVPI at the first).
nlohmann::ordered_json cost_effectiveness_json(const experiment::ComparisonResults& results);

}  // namespace cmhsim::io
