// Prints a run's summary as plain-text tables with 95% CIs: per service, then the model's
// end-of-run metrics. Knows nothing of files or of how the run was executed.
#pragma once

#include <ostream>
#include <string>

#include "experiment/run_results.hpp"

namespace cmhsim::cli {

/// Writes one block per service: each metric's mean and 95% CI, with units.
void print_summary_table(std::ostream& os, const experiment::RunResults& results);

/// Writes the model's end-of-run metrics (name, unit, mean, 95% CI); nothing if it has none.
void print_metrics_table(std::ostream& os, const experiment::RunResults& results);

/// Writes the headline end-of-run metrics (those of the report's summary) like
/// print_metrics_table; returns false, writing nothing, if the run has none of them.
bool print_headline_table(std::ostream& os, const experiment::RunResults& results);

/// Returns `v` with four significant digits, or "n/a" if it is not finite.
std::string format_number(double v);

/// Returns "[lo, hi]", or "n/a" if the interval is undefined.
std::string format_interval(double lo, double hi);

}  // namespace cmhsim::cli
