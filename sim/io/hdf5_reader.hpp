// Reads a results file written by write_results_hdf5 back into RunResults.
// Knows nothing of how the results were produced; rejects files of another schema or version.
#pragma once

#include <string>

#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Returns the results stored at `path`; throws IoError if it is not a cmhsim results file of
/// this schema version or is inconsistent.
experiment::RunResults read_results_hdf5(const std::string& path);

}  // namespace cmhsim::io
