// The checks made before libhdf5 reads values: exact standard number types, bounded shapes and
// sizes no larger than the file. Knows nothing of the results layout.
#include "io/hdf5_read_checks.hpp"

#include <array>

namespace cmhsim::io::h5 {
namespace {

constexpr int kMaxRank = 32;

const char* class_name(H5T_class_t cls) {
  switch (cls) {
    case H5T_INTEGER:
      return "an integer";
    case H5T_FLOAT:
      return "a float";
    case H5T_STRING:
      return "a string";
    case H5T_COMPOUND:
      return "a compound";
    default:
      return "an unsupported type";
  }
}

/// Returns the size in bytes of the file `object` lies in.
std::uint64_t file_size_of(hid_t object, const std::string& label) {
  const FileHandle file(check(H5Iget_file_id(object), "cannot inspect " + label));
  hsize_t size = 0;
  check(H5Fget_filesize(file.get(), &size), "cannot inspect " + label);
  return size;
}

}  // namespace

void require_class(hid_t type, H5T_class_t expected, const std::string& label) {
  const H5T_class_t cls = H5Tget_class(type);
  if (cls != expected) {
    throw IoError(label + " is " + class_name(cls) + ", expected " + class_name(expected));
  }
}

void require_standard_number(hid_t type, H5T_class_t cls, const std::string& label) {
  require_class(type, cls, label);
  const std::array<hid_t, 8> integers = {H5T_STD_I8LE,  H5T_STD_U8LE,  H5T_STD_I16LE,
                                         H5T_STD_U16LE, H5T_STD_I32LE, H5T_STD_U32LE,
                                         H5T_STD_I64LE, H5T_STD_U64LE};
  const std::array<hid_t, 2> floats = {H5T_IEEE_F32LE, H5T_IEEE_F64LE};
  const auto any_equal = [&](const auto& types) {
    for (const hid_t t : types) {
      if (check(H5Tequal(type, t), "cannot inspect " + label) > 0) return true;
    }
    return false;
  };
  if (cls == H5T_INTEGER ? any_equal(integers) : any_equal(floats)) return;
  throw IoError(label + " is " + class_name(cls) + " of a non-standard size or layout");
}

std::vector<std::uint64_t> checked_dims(hid_t space, const std::string& label) {
  const H5S_class_t kind = H5Sget_simple_extent_type(space);
  if (kind == H5S_SCALAR) return {};
  if (kind != H5S_SIMPLE) throw IoError(label + " has no simple dataspace");
  const int rank = check(H5Sget_simple_extent_ndims(space), "cannot inspect " + label);
  if (rank > kMaxRank) throw IoError(label + " has " + std::to_string(rank) + " dimensions");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), "cannot inspect " + label);
  std::uint64_t count = 1;
  for (const hsize_t d : dims) {
    if (d != 0 && count > UINT64_MAX / d) throw IoError(label + " has a size that overflows");
    count *= d;
  }
  return {dims.begin(), dims.end()};
}

std::uint64_t checked_count(hid_t space, const std::string& label) {
  if (H5Sget_simple_extent_type(space) == H5S_NULL) return 0;
  std::uint64_t count = 1;
  for (const std::uint64_t d : checked_dims(space, label)) count *= d;
  return count;
}

void require_within_file(hid_t object, std::uint64_t count, std::uint64_t element_size,
                         const std::string& label) {
  const std::uint64_t file_size = file_size_of(object, label);
  if (element_size != 0 && count > file_size / element_size) {
    throw IoError(label + " claims " + std::to_string(count) + " values of " +
                  std::to_string(element_size) + " bytes, more than the file's " +
                  std::to_string(file_size) + " bytes hold");
  }
}

void require_stored(hid_t dataset, hid_t type, std::uint64_t count, const std::string& label) {
  const std::size_t element_size = H5Tget_size(type);
  if (element_size == 0) throw IoError(label + " has a type of no size");
  require_within_file(dataset, count, element_size, label);
  const hsize_t stored = H5Dget_storage_size(dataset);
  if (count > 0 && stored / element_size < count) {
    H5Eclear2(H5E_DEFAULT);
    throw IoError(label + " stores " + std::to_string(stored) + " bytes for " +
                  std::to_string(count) + " values of " + std::to_string(element_size) + " bytes");
  }
}

}  // namespace cmhsim::io::h5
