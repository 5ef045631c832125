// HDF5 files held in memory (the core driver without a backing store) and their byte images, so
// the results file format can travel as bytes. Knows nothing of the results layout.
#pragma once

#include <cstdint>
#include <vector>

#include "io/hdf5_handle.hpp"

namespace cmhsim::io::h5 {

/// Creates an empty HDF5 file in memory whose objects carry no timestamps; nothing touches disk.
FileHandle create_memory_file();

/// Returns the byte image of the memory (or any) HDF5 file `file`, after flushing it.
std::vector<std::uint8_t> file_image(hid_t file);

/// Throws IoError unless `image` starts like an HDF5 file image after a user block whose seal
/// matches its contents.
void check_file_image(const std::vector<std::uint8_t>& image);

/// Opens a read-only HDF5 file in memory from a copy of `image`; throws IoError if check_file_image
/// refuses it or HDF5 cannot open it.
FileHandle open_file_image(const std::vector<std::uint8_t>& image);

}  // namespace cmhsim::io::h5
