// The /cost_effectiveness group of comparison files: increments per replication, summaries, the
// acceptability curve and EVPI (docs/results-schema.md). Knows nothing of JSON.
#pragma once

#include <hdf5.h>

#include "experiment/comparison.hpp"

namespace cmhsim::io {

/// Writes `results.cost_effectiveness` as group /cost_effectiveness under `root` (nothing if it
/// is empty).
void write_cost_effectiveness_group(hid_t root, const experiment::ComparisonResults& results);

}  // namespace cmhsim::io
