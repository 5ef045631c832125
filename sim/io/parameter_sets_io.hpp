// Parameter sets on disk: CSV text (a weight column and one column per key path) and an HDF5 group
// of keys, values, weights and provenance. Knows nothing of scenarios or of how sets are used.
#pragma once

#include <hdf5.h>

#include <string>

#include "experiment/parameter_sets.hpp"

namespace cmhsim::io {

/// Reads parameter sets from a CSV text file (FILE.csv) or a calibration/results HDF5 file with a
/// /parameter_sets group; errors name the file, line and column (CSV) or the HDF5 object.
///
/// CSV: '#' lines are comments (their text, without "# ", is the provenance), blank lines are
/// skipped, the first other line is the header `weight,<key1>,...` (without the weight column
/// every set weighs the same), and each further line is one set. Throws
/// experiment::ParameterSetsError.
experiment::ParameterSets read_parameter_sets(const std::string& path);

/// Writes `sets` as CSV text atomically (io's atomic_file): '#' comment lines with the provenance,
/// then a header `weight,<key1>,<key2>,...`, then one row per set, numbers with %.17g.
void write_parameter_sets_csv(const experiment::ParameterSets& sets, const std::string& path);

/// Writes `sets` as group `name` (default "parameter_sets") under `parent`: dataset `keys`
/// (strings, [K]), `values` (float64, [N, K]), `weights` (float64, [N]), attribute `provenance`.
void write_parameter_sets_group(hid_t parent, const experiment::ParameterSets& sets,
                                const std::string& name = "parameter_sets");

/// Reads a group written by write_parameter_sets_group; throws experiment::ParameterSetsError
/// naming the HDF5 object when it is missing, misshapen or holds invalid sets.
experiment::ParameterSets read_parameter_sets_group(hid_t parent,
                                                    const std::string& name = "parameter_sets");

}  // namespace cmhsim::io
