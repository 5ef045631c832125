// Checking a calibration's target metrics against the names `run --summary-json` gives, before
// anything runs. Knows the model's output names; nothing of how a calibration runs.
#pragma once

#include "scenario/calibration_file.hpp"

namespace cmhsim::cli {

/// Throws a ScenarioError at the target's position unless its metric names an end-of-run metric
/// of a pathway model or a service metric (a pathway's services are checked when a point runs).
void check_metric(const scenario::CalibrationSpec& spec, const scenario::CalibrationTarget& t);

/// Checks every target of `spec` with check_metric.
void check_metrics(const scenario::CalibrationSpec& spec);

}  // namespace cmhsim::cli
