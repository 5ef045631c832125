// A comparison's summary as JSON: each scenario's outcome means and each scenario's paired
// differences from the baseline with 95% intervals. Knows nothing of HDF5.
#pragma once

#include <string>

#include "experiment/comparison.hpp"

namespace cmhsim::io {

/// Returns, on one line, `{"scenarios": [names], "baseline": name, "metrics": {NAME: {SCENARIO:
/// {"mean": m, "ci95": [lo, hi]}, ...}, ...}, "differences": {SCENARIO: {NAME: {"mean": d,
/// "ci95": [lo, hi], "unpaired_ci95": [lo, hi]}, ...}, ...}, "replications": R, "seed": S}`,
/// with differences for every scenario after the baseline, then (pathway models)
/// `"cost_effectiveness"` as cost_effectiveness_json gives it; non-finite numbers as null.
std::string comparison_json(const experiment::ComparisonResults& results);

/// Writes comparison_json(results) and a newline to `path` atomically; throws IoError on failure.
void write_comparison_json(const experiment::ComparisonResults& results, const std::string& path);

}  // namespace cmhsim::io
