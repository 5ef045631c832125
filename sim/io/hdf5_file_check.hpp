// A check of every object and string of an HDF5 file from its bytes, for files h5py will parse.
// Knows the file format, not libhdf5 or the results layout.
#pragma once

#include <string>

namespace cmhsim::io::h5 {

/// Throws IoError unless every object reachable from the root of the HDF5 file at `path` passes
/// StructureChecks and every variable-length string of an attribute, or of a string dataset
/// stored contiguously or compactly, resolves to a sound global heap object of its length.
void check_whole_file(const std::string& path);

}  // namespace cmhsim::io::h5
