// The run summary as JSON: each service's metric means with 95% intervals, for scripts and CI.
// Knows nothing of HDF5 or of how the results were produced.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/confidence.hpp"
#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Returns `{"services": {NAME: {METRIC: {"mean": m, "ci95": [lo, hi]}, ...}, ...},
/// "metrics": {NAME: {"mean": m, "ci95": [lo, hi]}, ...}, "replications": R, "seed": S}` on one
/// line: services in scenario order with metrics in model::kServiceMetrics order, then the
/// model's end-of-run metrics in outcome order (empty for a network); non-finite numbers as null.
std::string summary_json(const experiment::RunResults& results);

/// Returns `{"mean": m, "ci95": [lo, hi]}` (non-finite numbers become null when dumped).
nlohmann::ordered_json estimate_json(const engine::Estimate& e);

/// Returns `json` as one line of text; invalid UTF-8 in strings is replaced, never thrown on.
std::string dump_json(const nlohmann::ordered_json& json);

/// Writes summary_json(results) and a newline to `path` atomically; throws IoError on failure.
void write_summary_json(const experiment::RunResults& results, const std::string& path);

}  // namespace cmhsim::io
