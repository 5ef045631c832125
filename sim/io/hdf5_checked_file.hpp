// HDF5 files from outside, opened read-only beside their bytes: structure checked before libhdf5
// parses it, strings read by cmhsim, never by libhdf5. Knows nothing of the results layout.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/hdf5_handle.hpp"

namespace cmhsim::io::h5 {

/// Owns an HDF5 file opened read-only from a path or an image, and its bytes, for this thread.
class CheckedFile {
 public:
  /// Maps the file at `path`, checks its superblock and opens it; throws IoError.
  static CheckedFile open(const std::string& path);
  /// Checks the image's seal and superblock and opens it (`image` must outlive the object);
  /// throws IoError.
  static CheckedFile open_image(const std::vector<std::uint8_t>& image);

  ~CheckedFile();
  CheckedFile(CheckedFile&&) noexcept;
  CheckedFile& operator=(CheckedFile&&) = delete;
  CheckedFile(const CheckedFile&) = delete;
  CheckedFile& operator=(const CheckedFile&) = delete;

  /// Returns libhdf5's identifier of the open file.
  [[nodiscard]] hid_t get() const noexcept;

  /// Holds the file's bytes, their heaps and checks, and libhdf5's handle.
  struct State;

 private:
  explicit CheckedFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// Returns the address of `object`'s header in its file, relative to the superblock.
std::uint64_t header_address(hid_t object);

/// Returns true when `object` lies in a file opened as a CheckedFile on this thread.
bool in_checked_file(hid_t object);

/// Throws IoError, when `parent` lies in a CheckedFile, unless `name` is one name (no '/') and, if
/// `open`, names a hard link to an object whose stored structure passes StructureChecks: so
/// libhdf5 then looks up and opens only what was checked. Does nothing for other files.
void check_link(hid_t parent, const std::string& name, bool open);

/// Returns the `count` strings of the variable-length string attribute `name` of `object`, which
/// lies in a CheckedFile, read from the file's bytes; throws IoError if the stored attribute does
/// not match what libhdf5 reports or its strings do not resolve.
std::vector<std::string> read_vlen_attribute(hid_t object, const std::string& name,
                                             std::size_t count);

/// Returns the `count` strings of the variable-length string dataset `dataset`, which lies in a
/// CheckedFile, read from the file's bytes; throws IoError as read_vlen_attribute does.
std::vector<std::string> read_vlen_dataset(hid_t dataset, std::size_t count);

}  // namespace cmhsim::io::h5
