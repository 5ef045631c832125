// HDF5 files in memory through the core driver with the backing store off: created empty and
// read back as an image, or opened from an image. Knows nothing of the results layout.
#include "io/hdf5_image.hpp"

#include <atomic>
#include <cstring>
#include <string>

#include "io/hdf5_seal.hpp"

namespace cmhsim::io::h5 {
namespace {

// The core driver allocates memory in steps of this many bytes.
constexpr std::size_t kIncrement = 1 << 16;

/// Returns a name no other memory file of this process has: HDF5 takes two open files of one
/// name for the same file.
std::string unique_name() {
  static std::atomic<std::uint64_t> next{0};
  return "cmhsim-memory-" + std::to_string(next.fetch_add(1));
}

/// Returns file access properties for a memory file that is never written to disk.
PropertyListHandle memory_access(const std::string& what) {
  PropertyListHandle fapl(check(H5Pcreate(H5P_FILE_ACCESS), what));
  check(H5Pset_fapl_core(fapl.get(), kIncrement, false), what);
  return fapl;
}

/// Returns true when `image` holds the HDF5 signature after a seal's user block.
bool starts_like_hdf5(const std::vector<std::uint8_t>& image) {
  static constexpr std::uint8_t kSignature[] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  return image.size() >= kSealBlockSize + sizeof kSignature &&
         std::memcmp(image.data() + kSealBlockSize, kSignature, sizeof kSignature) == 0;
}

}  // namespace

FileHandle create_memory_file() {
  const std::string what = "cannot create an HDF5 file in memory";
  PropertyListHandle fcpl(check(H5Pcreate(H5P_FILE_CREATE), what));
  check(H5Pset_obj_track_times(fcpl.get(), false), what);
  // The same user block as a file on disk, so an image holds a results file's very bytes.
  check(H5Pset_userblock(fcpl.get(), kSealBlockSize), what);
  PropertyListHandle fapl = memory_access(what);
  return FileHandle(
      check(H5Fcreate(unique_name().c_str(), H5F_ACC_EXCL, fcpl.get(), fapl.get()), what));
}

std::vector<std::uint8_t> file_image(hid_t file) {
  const std::string what = "cannot take the image of an HDF5 file";
  check(H5Fflush(file, H5F_SCOPE_LOCAL), what);
  const ssize_t size = check(H5Fget_file_image(file, nullptr, 0), what);
  // The library's image starts at the superblock: the user block goes before it, as on disk.
  std::vector<std::uint8_t> image(kSealBlockSize + static_cast<std::size_t>(size));
  check(H5Fget_file_image(file, image.data() + kSealBlockSize, image.size() - kSealBlockSize),
        what);
  seal_image(image);
  return image;
}

void check_file_image(const std::vector<std::uint8_t>& image) {
  // Without an image the core driver would read a disk file of the same name instead.
  if (!starts_like_hdf5(image)) throw IoError("the bytes do not hold an HDF5 file image");
  check_image_seal(image);
}

FileHandle open_file_image(const std::vector<std::uint8_t>& image) {
  check_file_image(image);
  const std::string what =
      "cannot open an HDF5 file image of " + std::to_string(image.size()) + " bytes";
  PropertyListHandle fapl = memory_access(what);
  check(H5Pset_file_image(fapl.get(), const_cast<std::uint8_t*>(image.data()), image.size()), what);
  return FileHandle(check(H5Fopen(unique_name().c_str(), H5F_ACC_RDONLY, fapl.get()), what));
}

}  // namespace cmhsim::io::h5
