// The layout of one run inside an HDF5 group: shared by results files (the root group) and
// comparison files (/scenarios/<name>). Internal to io/; see docs/results-schema.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "experiment/run_results.hpp"
#include "io/hdf5_handle.hpp"

namespace cmhsim::io::detail {

/// Throws IoError unless `name` can name an HDF5 group (not empty, '.', or with '/' or NUL).
void require_group_name(const std::string& name, const std::string& what);

/// Writes the schema identification attributes (schema, version, `content`) onto `root`.
void write_schema_attributes(hid_t root, const char* content);

/// Writes `results` (attributes, provenance, services, metrics, series, persons) into `group`.
void write_run_group(hid_t group, const experiment::RunResults& results);

/// Reads a run written by write_run_group (or a version-1 root group) from `group`.
experiment::RunResults read_run_group(hid_t group, std::int64_t version);

/// Opens the cmhsim results file at `path` after checking its schema and calls
/// `read(root, version)`; IoErrors from either are prefixed with the path.
void with_results_file(const std::string& path,
                       const std::function<void(hid_t, std::int64_t)>& read);

}  // namespace cmhsim::io::detail
