// Helpers shared by the commands that run scenarios: provenance, output directories and the
// model a scenario describes. Knows the command line's conventions, not the model.
#pragma once

#include <string>

#include "experiment/model_spec.hpp"
#include "experiment/run_results.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {

/// Returns this machine's host name, or "unknown".
std::string host_name();

/// Returns the current time as ISO 8601 UTC.
std::string utc_now();

/// Creates the directory of `path` if needed; throws UsageError naming `option` if it cannot.
void prepare_output_dir(const std::string& path, const char* option);

/// Returns the model the scenario describes (its pathway configuration if set, else its network).
experiment::ModelSpec model_of(const scenario::Scenario& sc);

/// Returns a one-line description of the scenario's kind and size, e.g. for `validate`.
std::string describe_model(const scenario::Scenario& sc);

/// Fills `results.provenance` for a run of `sc` that started at `started` on `threads` threads.
void fill_provenance(experiment::RunResults& results, const scenario::Scenario& sc,
                     const std::string& started, int threads);

/// Returns the scenario's name, or its file name without directory and extension.
std::string scenario_stem(const scenario::Scenario& sc);

}  // namespace cmhsim::cli
