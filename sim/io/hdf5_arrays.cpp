// N-dimensional and appendable HDF5 datasets, without timestamps so output is reproducible.
// Knows nothing of the results layout.
#include "io/hdf5_arrays.hpp"

#include <functional>
#include <numeric>

#include "io/hdf5_primitives.hpp"
#include "io/hdf5_read_checks.hpp"

namespace cmhsim::io::h5 {
namespace {

std::string label_of(hid_t parent, const std::string& name) {
  std::string base = object_path(parent);
  if (base.empty() || base.back() != '/') base += '/';
  return "dataset '" + base + name + "'";
}

std::vector<hsize_t> to_hsize(const std::vector<std::size_t>& dims) {
  return {dims.begin(), dims.end()};
}

std::size_t product(const std::vector<std::size_t>& dims) {
  return std::accumulate(dims.begin(), dims.end(), std::size_t{1}, std::multiplies<>());
}

/// Creates a dataset of `file_type` over `space` with creation properties `dcpl`.
DatasetHandle create(hid_t parent, const std::string& name, hid_t file_type, hid_t space,
                     hid_t dcpl) {
  const std::string what = "cannot create " + label_of(parent, name);
  check(H5Pset_obj_track_times(dcpl, false), what);
  return DatasetHandle(check(
      H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), what));
}

template <typename T>
DatasetHandle write_array(hid_t parent, const std::string& name,
                          const std::vector<std::size_t>& dims, const std::vector<T>& values,
                          hid_t file_type, hid_t memory_type) {
  const std::string label = label_of(parent, name);
  if (product(dims) != values.size()) {
    throw IoError("cannot write " + label + ": " + std::to_string(values.size()) +
                  " values do not fill its shape");
  }
  const auto h = to_hsize(dims);
  DataspaceHandle space(check(H5Screate_simple(static_cast<int>(h.size()), h.data(), nullptr),
                              "cannot create a dataspace"));
  PropertyListHandle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "cannot create " + label));
  DatasetHandle ds = create(parent, name, file_type, space.get(), dcpl.get());
  if (!values.empty()) {
    check(H5Dwrite(ds.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "cannot write " + label);
  }
  return ds;
}

template <typename T>
Array<T> read_array(hid_t parent, const std::string& name, int rank, H5T_class_t cls,
                    hid_t memory_type) {
  const std::string label = label_of(parent, name);
  DatasetHandle ds = open_dataset(parent, name);
  DatatypeHandle type(check(H5Dget_type(ds.get()), "cannot inspect " + label));
  require_standard_number(type.get(), cls, label);
  DataspaceHandle space(check(H5Dget_space(ds.get()), "cannot inspect " + label));
  const std::vector<std::uint64_t> dims = checked_dims(space.get(), label);
  if (dims.size() != static_cast<std::size_t>(rank)) {
    throw IoError(label + " has " + std::to_string(dims.size()) + " dimension(s), expected " +
                  std::to_string(rank));
  }
  Array<T> out;
  out.dims.assign(dims.begin(), dims.end());
  require_stored(ds.get(), type.get(), product(out.dims), label);
  out.values.resize(product(out.dims));
  if (!out.values.empty()) {
    check(H5Dread(ds.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.values.data()),
          "cannot read " + label);
  }
  return out;
}

}  // namespace

DatasetHandle write_double_array(hid_t parent, const std::string& name,
                                 const std::vector<std::size_t>& dims,
                                 const std::vector<double>& values) {
  return write_array(parent, name, dims, values, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE);
}

DatasetHandle write_u64_array(hid_t parent, const std::string& name,
                              const std::vector<std::size_t>& dims,
                              const std::vector<std::uint64_t>& values) {
  return write_array(parent, name, dims, values, H5T_STD_U64LE, H5T_NATIVE_UINT64);
}

Array<double> read_double_array(hid_t parent, const std::string& name, int rank) {
  return read_array<double>(parent, name, rank, H5T_FLOAT, H5T_NATIVE_DOUBLE);
}

Array<std::uint64_t> read_u64_array(hid_t parent, const std::string& name, int rank) {
  return read_array<std::uint64_t>(parent, name, rank, H5T_INTEGER, H5T_NATIVE_UINT64);
}

AppendableDataset::AppendableDataset(hid_t parent, const std::string& name, hid_t file_type,
                                     hid_t memory_type, std::vector<std::size_t> row_shape,
                                     std::size_t chunk_rows)
    : memory_type_(memory_type), row_shape_(std::move(row_shape)), label_(label_of(parent, name)) {
  std::vector<hsize_t> dims{0};
  std::vector<hsize_t> max{H5S_UNLIMITED};
  std::vector<hsize_t> chunk{chunk_rows == 0 ? 1 : chunk_rows};
  for (std::size_t d : row_shape_) {
    dims.push_back(d);
    max.push_back(d);
    chunk.push_back(d == 0 ? 1 : d);
  }
  const std::string what = "cannot create " + label_;
  DataspaceHandle space(
      check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max.data()), what));
  PropertyListHandle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), what));
  check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), what);
  dataset_ = create(parent, name, file_type, space.get(), dcpl.get());
}

void AppendableDataset::append(const void* data, std::size_t count) {
  if (count == 0) return;
  const std::string what = "cannot append to " + label_;
  std::vector<hsize_t> dims{rows_ + count};
  std::vector<hsize_t> start{rows_};
  std::vector<hsize_t> extent{count};
  for (std::size_t d : row_shape_) {
    dims.push_back(d);
    start.push_back(0);
    extent.push_back(d);
  }
  check(H5Dset_extent(dataset_.get(), dims.data()), what);
  DataspaceHandle file_space(check(H5Dget_space(dataset_.get()), what));
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, extent.data(),
                            nullptr),
        what);
  DataspaceHandle memory_space(
      check(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr), what));
  if (product(row_shape_) > 0) {
    check(H5Dwrite(dataset_.get(), memory_type_, memory_space.get(), file_space.get(), H5P_DEFAULT,
                   data),
          what);
  }
  rows_ += count;
}

void AppendableDataset::close() { dataset_.close("cannot close " + label_); }

}  // namespace cmhsim::io::h5
