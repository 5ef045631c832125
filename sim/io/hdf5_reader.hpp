// Reads results and comparison files written by hdf5_writer back into memory.
// Knows nothing of how the results were produced; rejects files of another schema or version.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiment/comparison.hpp"
#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Returns the run stored at `path` (schema version 1 or 2); throws IoError if it is not a
/// cmhsim results file of a version this code reads, is a comparison file, or is inconsistent.
experiment::RunResults read_results_hdf5(const std::string& path);

/// Returns the run held by `image`, the bytes of a results file (e.g. from results_hdf5_image);
/// throws IoError as read_results_hdf5 does, or if the bytes are not an HDF5 file.
experiment::RunResults read_results_hdf5_image(const std::vector<std::uint8_t>& image);

/// Throws ResultsFileError if the file at `path` fails its seal or, when it holds HDF5 data, the
/// checks the readers make of its stored structure and strings, applied to every object it holds
/// (for files another HDF5 reader will parse); other files pass, for that reader to refuse.
void check_results_file(const std::string& path);

/// Returns the comparison stored at `path`; throws IoError if it is not a comparison file.
experiment::ComparisonResults read_comparison_hdf5(const std::string& path);

}  // namespace cmhsim::io
