// HDF5 global heap collections parsed from a file's bytes by cmhsim, and the variable-length
// strings they hold, so libhdf5 never parses a heap. Knows the file format, not libhdf5 or results.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "io/hdf5_file_bytes.hpp"

namespace cmhsim::io::h5 {

/// Gives the bytes of one variable-length element in a dataset or attribute: its length (4 bytes),
/// the address of its heap collection (8) and its index in the collection (4).
inline constexpr std::size_t kVlenDescriptorSize = 16;

/// Reads objects of the global heap collections of one file, checking each collection's whole
/// structure the first time it is used: its size, and that its objects tile it exactly.
class GlobalHeaps {
 public:
  /// Reads collections from `file`, which must outlive this object.
  explicit GlobalHeaps(const FileBytes& file) : file_(file) {}

  /// Returns the bytes of object `index` of the collection at `address`; throws IoError if the
  /// collection is damaged or has no such object.
  std::span<const std::uint8_t> object(std::uint64_t address, std::uint32_t index);

  /// Returns the variable-length string described by `descriptor` (kVlenDescriptorSize bytes),
  /// cut at its first NUL as a C string would be; throws IoError if it does not resolve to a
  /// heap object of exactly its length.
  std::string string(std::span<const std::uint8_t> descriptor);

  /// Returns the `count` strings whose descriptors fill the start of `data`, the stored values of
  /// `label`; throws IoError if `data` is too short or a string does not resolve.
  std::vector<std::string> strings(std::span<const std::uint8_t> data, std::uint64_t count,
                                   const std::string& label);

 private:
  /// Holds the objects of one collection by index (empty for indices not present).
  struct Collection {
    std::vector<std::span<const std::uint8_t>> objects;
    std::vector<bool> present;
  };

  const Collection& collection(std::uint64_t address);

  const FileBytes& file_;
  std::map<std::uint64_t, Collection> collections_;
};

}  // namespace cmhsim::io::h5
