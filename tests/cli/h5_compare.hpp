// Test helper: lists every dataset of an HDF5 file with its values, so two files can be compared
// dataset by dataset (numbers exactly, NaN equal to NaN; strings as text). Attributes are not read.
#pragma once

#include <hdf5.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "io/hdf5_handle.hpp"
#include "io/hdf5_primitives.hpp"

namespace cmhsim::test {

/// Holds one dataset's shape and values (numbers or strings).
struct DatasetValues {
  std::vector<hsize_t> dims;
  std::vector<double> numbers;
  std::vector<std::string> strings;

  bool operator==(const DatasetValues& o) const {
    if (dims != o.dims || strings != o.strings || numbers.size() != o.numbers.size()) return false;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      const double a = numbers[i], b = o.numbers[i];
      if (!(a == b || (std::isnan(a) && std::isnan(b)))) return false;
    }
    return true;
  }
};

/// Returns every dataset of the file at `path` by its full path.
inline std::map<std::string, DatasetValues> read_all_datasets(const std::string& path) {
  using namespace cmhsim::io;
  const ErrorSilencer quiet;
  FileHandle file = h5::open_file_readonly(path);
  std::vector<std::string> names;
  H5Ovisit(
      file.get(), H5_INDEX_NAME, H5_ITER_NATIVE,
      [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
        if (info->type == H5O_TYPE_DATASET) {
          static_cast<std::vector<std::string>*>(data)->push_back(name);
        }
        return 0;
      },
      &names);
  std::map<std::string, DatasetValues> out;
  for (const auto& name : names) {
    DatasetValues v;
    DatasetHandle ds(H5Dopen2(file.get(), name.c_str(), H5P_DEFAULT));
    DataspaceHandle space(H5Dget_space(ds.get()));
    DatatypeHandle type(H5Dget_type(ds.get()));
    v.dims.resize(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
    H5Sget_simple_extent_dims(space.get(), v.dims.data(), nullptr);
    if (H5Tget_class(type.get()) == H5T_STRING) {
      v.strings = h5::read_strings_dataset(file.get(), name);
    } else {
      const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
      v.numbers.resize(n);
      if (n > 0) {
        H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.numbers.data());
      }
    }
    out.emplace(name, std::move(v));
  }
  return out;
}

}  // namespace cmhsim::test
