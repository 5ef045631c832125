// The seal of a results file: a checksum of every byte after it, kept in the HDF5 user block at
// the file's start, so a damaged file is refused before libhdf5 parses it. Knows no layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/io_error.hpp"

namespace cmhsim::io {

/// Signals a results file that cannot be read: absent, not HDF5, damaged or of the wrong kind.
class ResultsFileError : public IoError {
 public:
  using IoError::IoError;
};

/// Gives the size of the user block every results file reserves for its seal.
inline constexpr std::size_t kSealBlockSize = 512;

/// Writes the seal of the closed results file at `path` into its user block; throws IoError.
void seal_file(const std::string& path);

/// Throws ResultsFileError if the file at `path` has a user block whose seal is altered or does
/// not match its contents; files without a user block (written before seals) or with a blank one
/// (never sealed) pass unchecked.
void check_seal(const std::string& path);

/// Writes the seal of an HDF5 file image with a user block into its first bytes.
void seal_image(std::vector<std::uint8_t>& image);

/// Throws ResultsFileError unless `image` carries a seal that matches its contents.
void check_image_seal(const std::vector<std::uint8_t>& image);

}  // namespace cmhsim::io
