// A comparison as the page shows it: headline differences with sentences, costs, and monthly
// series with 95% bands for the baseline and the changed scenario. Knows the results; no HTTP.
#pragma once

#include <nlohmann/json.hpp>

#include "experiment/comparison.hpp"

namespace cmhsim::serve {

/// Returns the page's view of the first scenario after the baseline in `results`: `headline`
/// and `costs` rows ({name, unit, description, baseline, scenario, difference, sentence}) and
/// `series` ({name, unit, description, baseline: {mean, lo, hi}, scenario: {...}} per series).
nlohmann::ordered_json result_json(const experiment::ComparisonResults& results);

}  // namespace cmhsim::serve
