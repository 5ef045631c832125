// The calibration summary as JSON: each parameter's posterior with its prior range, each target's
// observed value and posterior predictive check, and the runs used. Knows nothing of HDF5.
#pragma once

#include <string>

#include "experiment/calibration_results.hpp"

namespace cmhsim::io {

/// Returns `{"parameters": {KEY: {"mean", "ci95", "prior"}}, "targets": {LABEL: {"observed",
/// "predicted": {"mean", "ci95"}}}, "runs": N}` for a finished calibration.
std::string calibration_json(const experiment::CalibrationResults& results);

/// Writes calibration_json(results) to `path` atomically; throws IoError.
void write_calibration_json(const experiment::CalibrationResults& results, const std::string& path);

}  // namespace cmhsim::io
