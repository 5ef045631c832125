// Checks on what an HDF5 dataset or attribute claims before its values are read: type, shape and
// a size that fits the file. Failures are IoErrors; knows nothing of the results layout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5_handle.hpp"

namespace cmhsim::io::h5 {

/// Throws IoError unless `type` is of class `expected`.
void require_class(hid_t type, H5T_class_t expected, const std::string& label);

/// Throws IoError unless `type` is a standard little-endian integer (1 to 8 bytes) or an IEEE
/// binary32 or binary64 float, as `cls` asks: the only numbers libhdf5 converts without surprise.
void require_standard_number(hid_t type, H5T_class_t cls, const std::string& label);

/// Returns the dimensions of `space` (none for a scalar), throwing IoError unless it is a scalar
/// or simple dataspace of at most 32 dimensions whose element count does not overflow.
std::vector<std::uint64_t> checked_dims(hid_t space, const std::string& label);

/// Returns the element count of `space` checked as checked_dims does.
std::uint64_t checked_count(hid_t space, const std::string& label);

/// Throws IoError if `count` elements of `element_size` bytes are more than the file `object`
/// lies in holds, so no claimed size can ask for more memory than the file's size.
void require_within_file(hid_t object, std::uint64_t count, std::uint64_t element_size,
                         const std::string& label);

/// Throws IoError unless dataset `dataset` stores at least `count` values of `type` and they fit
/// the file (require_within_file).
void require_stored(hid_t dataset, hid_t type, std::uint64_t count, const std::string& label);

}  // namespace cmhsim::io::h5
