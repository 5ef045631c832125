// Prints a run's per-service summary as a plain-text table with 95% CIs.
// Knows nothing of files or of how the run was executed.
#pragma once

#include <ostream>

#include "experiment/run_results.hpp"

namespace cmhsim::cli {

/// Writes one block per service: each metric's mean and 95% CI, with units.
void print_summary_table(std::ostream& os, const experiment::RunResults& results);

}  // namespace cmhsim::cli
