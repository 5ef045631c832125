// The run summary as JSON: each service's metric means with 95% intervals, for scripts and CI.
// Knows nothing of HDF5 or of how the results were produced.
#pragma once

#include <string>

#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Returns `{"services": {NAME: {METRIC: {"mean": m, "ci95": [lo, hi]}, ...}, ...},
/// "replications": R, "seed": S}` on one line, services in scenario order, metrics in
/// model::kServiceMetrics order, non-finite numbers as null.
std::string summary_json(const experiment::RunResults& results);

/// Writes summary_json(results) and a newline to `path` atomically; throws IoError on failure.
void write_summary_json(const experiment::RunResults& results, const std::string& path);

}  // namespace cmhsim::io
