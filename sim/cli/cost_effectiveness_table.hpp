// Prints a comparison's cost-effectiveness as plain text: per scenario after the first, the
// increments, ICER, net monetary benefit and probability cost-effective, then the EVPI.
#pragma once

#include <ostream>

#include "experiment/comparison.hpp"

namespace cmhsim::cli {

/// Writes the cost-effectiveness block of `results` (nothing when the model has no economics).
void print_cost_effectiveness_table(std::ostream& os, const experiment::ComparisonResults& results);

}  // namespace cmhsim::cli
