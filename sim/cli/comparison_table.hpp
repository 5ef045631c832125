// Prints a comparison as plain-text tables: for each scenario after the baseline, every
// outcome's baseline value, scenario value and paired difference with 95% CIs.
#pragma once

#include <ostream>

#include "experiment/comparison.hpp"

namespace cmhsim::cli {

/// Writes one block per compared scenario, with the unpaired CI width for reference: every
/// outcome if `all_outcomes`, else only the headline outcomes (all if the model has none).
void print_comparison_table(std::ostream& os, const experiment::ComparisonResults& results,
                            bool all_outcomes = true);

}  // namespace cmhsim::cli
