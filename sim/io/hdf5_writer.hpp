// Writes a run's or a comparison's results to an HDF5 file in the documented schema
// (docs/results-schema.md). Knows nothing of how the results were produced; never leaves a
// half-written file in place.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiment/comparison.hpp"
#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Writes `results` to `path` atomically; throws IoError if the results or the write are invalid.
void write_results_hdf5(const experiment::RunResults& results, const std::string& path);

/// Returns the bytes of the results file write_results_hdf5 would write for `results` (built in
/// memory, never on disk); throws IoError if the results are invalid.
std::vector<std::uint8_t> results_hdf5_image(const experiment::RunResults& results);

/// Writes a comparison (one group per scenario and /comparison) to `path` atomically; throws
/// IoError if the results or the write are invalid.
void write_comparison_hdf5(const experiment::ComparisonResults& results, const std::string& path);

}  // namespace cmhsim::io
