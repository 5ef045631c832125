// Typed reading and writing of HDF5 attributes, datasets and groups.
// Knows nothing of the results layout.
#include "io/hdf5_primitives.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "io/hdf5_checked_file.hpp"
#include "io/hdf5_global_heap.hpp"
#include "io/hdf5_read_checks.hpp"
#include "io/hdf5_seal.hpp"

namespace cmhsim::io::h5 {
namespace {

/// Returns a variable-length string type with character set `cset`.
DatatypeHandle vlen_string_type(H5T_cset_t cset) {
  DatatypeHandle type(check(H5Tcopy(H5T_C_S1), "cannot create a string type"));
  check(H5Tset_size(type.get(), H5T_VARIABLE), "cannot create a string type");
  check(H5Tset_cset(type.get(), cset), "cannot create a string type");
  return type;
}

/// Returns a scalar dataspace.
DataspaceHandle scalar_space() {
  return DataspaceHandle(check(H5Screate(H5S_SCALAR), "cannot create a dataspace"));
}

/// Returns a simple dataspace with the given dimensions.
template <std::size_t N>
DataspaceHandle simple_space(const std::array<hsize_t, N>& dims) {
  return DataspaceHandle(check(H5Screate_simple(static_cast<int>(N), dims.data(), nullptr),
                               "cannot create a dataspace"));
}

/// Throws IoError if `value` holds a NUL byte, which variable-length C strings cannot carry.
void require_no_nul(const std::string& value, const std::string& what) {
  if (value.find('\0') != std::string::npos)
    throw IoError(what + ": the string contains a NUL byte");
}

std::string attribute_label(hid_t object, const std::string& name) {
  return "attribute '" + name + "' of '" + object_path(object) + "'";
}

std::string dataset_label(hid_t parent, const std::string& name) {
  std::string base = object_path(parent);
  if (base.empty() || base.back() != '/') base += '/';
  return "dataset '" + base + name + "'";
}

/// Returns the dimensions of `space`, throwing IoError unless it has `rank` dimensions.
std::vector<hsize_t> dims_of(hid_t space, int rank, const std::string& label) {
  const std::vector<std::uint64_t> dims = checked_dims(space, label);
  if (dims.size() != static_cast<std::size_t>(rank)) {
    throw IoError(label + " has " + std::to_string(dims.size()) + " dimension(s), expected " +
                  std::to_string(rank));
  }
  return {dims.begin(), dims.end()};
}

/// Returns how many elements `space` holds, checked by checked_count.
std::size_t element_count(hid_t space, const std::string& label) {
  return static_cast<std::size_t>(checked_count(space, label));
}

/// Frees HDF5-allocated variable-length strings when it goes out of scope.
class VlenReclaimer {
 public:
  VlenReclaimer(hid_t type, hid_t space, std::vector<char*>& buffer) noexcept
      : type_(type), space_(space), buffer_(buffer) {}
  ~VlenReclaimer() {
#if H5_VERSION_GE(1, 12, 0)
    H5Treclaim(type_, space_, H5P_DEFAULT, buffer_.data());
#else
    H5Dvlen_reclaim(type_, space_, H5P_DEFAULT, buffer_.data());
#endif
  }
  VlenReclaimer(const VlenReclaimer&) = delete;
  VlenReclaimer& operator=(const VlenReclaimer&) = delete;

 private:
  hid_t type_;
  hid_t space_;
  std::vector<char*>& buffer_;
};

/// Reads `count` strings of file type `file_type` stored by `owner` via `read(memory_type,
/// buffer)`, or, for variable-length strings in a checked file, via `read_checked()`.
template <typename Read, typename ReadChecked>
std::vector<std::string> read_strings(hid_t owner, hid_t file_type, hid_t space, std::size_t count,
                                      Read read, ReadChecked read_checked,
                                      const std::string& label) {
  require_class(file_type, H5T_STRING, label);
  std::vector<std::string> out;
  if (count == 0) return out;  // HDF5 refuses to read into a null buffer
  if (check(H5Tis_variable_str(file_type), "cannot inspect " + label) > 0) {
    require_within_file(owner, count, kVlenDescriptorSize, label);
    // libhdf5 1.10 can loop or read out of bounds on a damaged global heap; cmhsim reads them.
    if (in_checked_file(owner)) return read_checked();
    out.reserve(count);
    DatatypeHandle memory = vlen_string_type(H5Tget_cset(file_type));
    std::vector<char*> buffer(count, nullptr);
    check(read(memory.get(), static_cast<void*>(buffer.data())), "cannot read " + label);
    const VlenReclaimer reclaim(memory.get(), space, buffer);
    for (const char* s : buffer) out.emplace_back(s == nullptr ? "" : s);
    return out;
  }
  const std::size_t size = H5Tget_size(file_type);
  if (size == 0) throw IoError(label + " has strings of no size");
  require_within_file(owner, count, size, label);
  out.reserve(count);
  DatatypeHandle memory(check(H5Tcopy(H5T_C_S1), "cannot create a string type"));
  check(H5Tset_size(memory.get(), size), "cannot create a string type");
  check(H5Tset_strpad(memory.get(), H5T_STR_NULLPAD), "cannot create a string type");
  std::vector<char> buffer(count * size, '\0');
  check(read(memory.get(), static_cast<void*>(buffer.data())), "cannot read " + label);
  for (std::size_t i = 0; i < count; ++i) {
    const char* begin = buffer.data() + i * size;
    out.emplace_back(begin, std::find(begin, begin + size, '\0'));
  }
  return out;
}

/// Creates attribute `name` on `object` and writes `data` of `memory_type` into it.
void write_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type,
                     hid_t space, const void* data) {
  const std::string what = "cannot write " + attribute_label(object, name);
  AttributeHandle attr(
      check(H5Acreate2(object, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT), what));
  // HDF5 refuses a null buffer even for zero elements; an empty attribute needs no write.
  if (check(H5Sget_simple_extent_npoints(space), what) > 0) {
    check(H5Awrite(attr.get(), memory_type, data), what);
  }
  attr.close(what);
}

/// Opens attribute `name` of `object`, saying clearly when it is missing.
AttributeHandle open_attribute(hid_t object, const std::string& name) {
  if (!has_attribute(object, name)) {
    throw IoError("'" + object_path(object) + "' has no attribute '" + name + "'");
  }
  return AttributeHandle(check(H5Aopen(object, name.c_str(), H5P_DEFAULT),
                               "cannot open " + attribute_label(object, name)));
}

/// Reads one numeric scalar of class `cls` from attribute `name` as `memory_type`.
template <typename T>
T read_numeric_attribute(hid_t object, const std::string& name, H5T_class_t cls,
                         hid_t memory_type) {
  const std::string label = attribute_label(object, name);
  AttributeHandle attr = open_attribute(object, name);
  DatatypeHandle type(check(H5Aget_type(attr.get()), "cannot inspect " + label));
  require_standard_number(type.get(), cls, label);
  DataspaceHandle space(check(H5Aget_space(attr.get()), "cannot inspect " + label));
  if (element_count(space.get(), label) != 1) throw IoError(label + " is not a single value");
  T value{};
  check(H5Aread(attr.get(), memory_type, &value), "cannot read " + label);
  return value;
}

/// Creates dataset `name` of `file_type` over `space` under `parent`, without timestamps.
DatasetHandle create_dataset(hid_t parent, const std::string& name, hid_t file_type, hid_t space) {
  const std::string what = "cannot create " + dataset_label(parent, name);
  PropertyListHandle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), what));
  check(H5Pset_obj_track_times(dcpl.get(), false), what);
  return DatasetHandle(check(
      H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
      what));
}

/// Writes `data` into the whole of `dataset` unless it is empty.
void write_all(hid_t dataset, hid_t memory_type, const void* data, std::size_t count,
               const std::string& label) {
  if (count == 0) return;
  check(H5Dwrite(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
        "cannot write " + label);
}

/// Reads every element of dataset `name` (class `cls`, rank `rank`) as `memory_type`.
template <typename T>
std::vector<T> read_numeric_dataset(hid_t parent, const std::string& name, H5T_class_t cls,
                                    hid_t memory_type, int rank, std::vector<hsize_t>& dims) {
  const std::string label = dataset_label(parent, name);
  DatasetHandle ds = open_dataset(parent, name);
  DatatypeHandle type(check(H5Dget_type(ds.get()), "cannot inspect " + label));
  require_standard_number(type.get(), cls, label);
  DataspaceHandle space(check(H5Dget_space(ds.get()), "cannot inspect " + label));
  dims = dims_of(space.get(), rank, label);
  const std::size_t count = element_count(space.get(), label);
  require_stored(ds.get(), type.get(), count, label);
  std::vector<T> values(count);
  if (!values.empty()) {
    check(H5Dread(ds.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "cannot read " + label);
  }
  return values;
}

}  // namespace

FileHandle create_file(const std::string& path) {
  const std::string what = "cannot create HDF5 file '" + path + "'";
  PropertyListHandle fcpl(check(H5Pcreate(H5P_FILE_CREATE), what));
  check(H5Pset_obj_track_times(fcpl.get(), false), what);
  // The user block holds the seal written once the file is closed (hdf5_seal.hpp).
  check(H5Pset_userblock(fcpl.get(), kSealBlockSize), what);
  PropertyListHandle fapl(check(H5Pcreate(H5P_FILE_ACCESS), what));
  // Closing the file must really close it (and report failure) before it is renamed into place.
  check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), what);
  return FileHandle(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), what));
}

FileHandle open_file_readonly(const std::string& path) {
  return FileHandle(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT),
                          "cannot open HDF5 file '" + path + "'"));
}

GroupHandle open_root(hid_t file) {
  return GroupHandle(check(H5Gopen2(file, "/", H5P_DEFAULT), "cannot open the root group"));
}

GroupHandle create_group(hid_t parent, const std::string& name) {
  std::string base = object_path(parent);
  if (base.empty() || base.back() != '/') base += '/';
  const std::string what = "cannot create group '" + base + name + "'";
  PropertyListHandle gcpl(check(H5Pcreate(H5P_GROUP_CREATE), what));
  check(H5Pset_obj_track_times(gcpl.get(), false), what);
  return GroupHandle(
      check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), what));
}

GroupHandle open_group(hid_t parent, const std::string& name) {
  if (!has_link(parent, name)) {
    throw IoError("'" + object_path(parent) + "' has no group '" + name + "'");
  }
  check_link(parent, name, true);
  return GroupHandle(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT),
                           "cannot open group '" + name + "' in '" + object_path(parent) + "'"));
}

bool has_link(hid_t parent, const std::string& name) {
  check_link(parent, name, false);
  return check(H5Lexists(parent, name.c_str(), H5P_DEFAULT),
               "cannot look up '" + name + "' in '" + object_path(parent) + "'") > 0;
}

std::string object_path(hid_t object) {
  const ssize_t length = H5Iget_name(object, nullptr, 0);
  if (length <= 0) {
    H5Eclear2(H5E_DEFAULT);
    return "?";
  }
  std::string name(static_cast<std::size_t>(length) + 1, '\0');
  H5Iget_name(object, name.data(), name.size());
  name.resize(static_cast<std::size_t>(length));
  return name;
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value) {
  require_no_nul(value, "cannot write " + attribute_label(object, name));
  DatatypeHandle type = vlen_string_type(H5T_CSET_UTF8);
  DataspaceHandle space = scalar_space();
  const char* data = value.c_str();
  write_attribute(object, name, type.get(), type.get(), space.get(), &data);
}

void write_strings_attribute(hid_t object, const std::string& name,
                             const std::vector<std::string>& values) {
  std::vector<const char*> data;
  data.reserve(values.size());
  for (const auto& v : values) {
    require_no_nul(v, "cannot write " + attribute_label(object, name));
    data.push_back(v.c_str());
  }
  DatatypeHandle type = vlen_string_type(H5T_CSET_UTF8);
  DataspaceHandle space = simple_space<1>({values.size()});
  write_attribute(object, name, type.get(), type.get(), space.get(), data.data());
}

void write_u64_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  DataspaceHandle space = scalar_space();
  write_attribute(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, space.get(), &value);
}

void write_i32_attribute(hid_t object, const std::string& name, std::int32_t value) {
  DataspaceHandle space = scalar_space();
  write_attribute(object, name, H5T_STD_I32LE, H5T_NATIVE_INT32, space.get(), &value);
}

void write_double_attribute(hid_t object, const std::string& name, double value) {
  DataspaceHandle space = scalar_space();
  write_attribute(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, space.get(), &value);
}

bool has_attribute(hid_t object, const std::string& name) {
  return check(H5Aexists(object, name.c_str()), "cannot inspect " + attribute_label(object, name)) >
         0;
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  std::vector<std::string> values = read_strings_attribute(object, name);
  if (values.size() != 1) throw IoError(attribute_label(object, name) + " is not a single string");
  return std::move(values.front());
}

std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name) {
  const std::string label = attribute_label(object, name);
  AttributeHandle attr = open_attribute(object, name);
  DatatypeHandle type(check(H5Aget_type(attr.get()), "cannot inspect " + label));
  DataspaceHandle space(check(H5Aget_space(attr.get()), "cannot inspect " + label));
  const std::size_t count = element_count(space.get(), label);
  const auto read = [&](hid_t memory, void* buffer) { return H5Aread(attr.get(), memory, buffer); };
  const auto read_checked = [&] { return read_vlen_attribute(object, name, count); };
  return read_strings(object, type.get(), space.get(), count, read, read_checked, label);
}

std::uint64_t read_u64_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<std::uint64_t>(object, name, H5T_INTEGER, H5T_NATIVE_UINT64);
}

std::int64_t read_i64_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<std::int64_t>(object, name, H5T_INTEGER, H5T_NATIVE_INT64);
}

double read_double_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<double>(object, name, H5T_FLOAT, H5T_NATIVE_DOUBLE);
}

DatasetHandle write_string_dataset(hid_t parent, const std::string& name,
                                   const std::string& value) {
  require_no_nul(value, "cannot write " + dataset_label(parent, name));
  DatatypeHandle type = vlen_string_type(H5T_CSET_UTF8);
  DataspaceHandle space = scalar_space();
  DatasetHandle ds = create_dataset(parent, name, type.get(), space.get());
  const char* data = value.c_str();
  write_all(ds.get(), type.get(), &data, 1, dataset_label(parent, name));
  return ds;
}

DatasetHandle write_double_matrix(hid_t parent, const std::string& name, const Matrix& matrix) {
  if (matrix.values.size() != matrix.rows * matrix.cols) {
    throw IoError("cannot write " + dataset_label(parent, name) + ": matrix has " +
                  std::to_string(matrix.values.size()) + " values for " +
                  std::to_string(matrix.rows) + " x " + std::to_string(matrix.cols));
  }
  DataspaceHandle space = simple_space<2>({matrix.rows, matrix.cols});
  DatasetHandle ds = create_dataset(parent, name, H5T_IEEE_F64LE, space.get());
  write_all(ds.get(), H5T_NATIVE_DOUBLE, matrix.values.data(), matrix.values.size(),
            dataset_label(parent, name));
  return ds;
}

DatasetHandle write_double_vector(hid_t parent, const std::string& name,
                                  const std::vector<double>& values) {
  DataspaceHandle space = simple_space<1>({values.size()});
  DatasetHandle ds = create_dataset(parent, name, H5T_IEEE_F64LE, space.get());
  write_all(ds.get(), H5T_NATIVE_DOUBLE, values.data(), values.size(), dataset_label(parent, name));
  return ds;
}

DatasetHandle write_u64_vector(hid_t parent, const std::string& name,
                               const std::vector<std::uint64_t>& values) {
  DataspaceHandle space = simple_space<1>({values.size()});
  DatasetHandle ds = create_dataset(parent, name, H5T_STD_U64LE, space.get());
  write_all(ds.get(), H5T_NATIVE_UINT64, values.data(), values.size(), dataset_label(parent, name));
  return ds;
}

DatasetHandle open_dataset(hid_t parent, const std::string& name) {
  if (!has_link(parent, name)) {
    throw IoError("'" + object_path(parent) + "' has no dataset '" + name + "'");
  }
  check_link(parent, name, true);
  return DatasetHandle(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT),
                             "cannot open " + dataset_label(parent, name)));
}

std::string read_string_dataset(hid_t parent, const std::string& name) {
  const std::string label = dataset_label(parent, name);
  DatasetHandle ds = open_dataset(parent, name);
  DatatypeHandle type(check(H5Dget_type(ds.get()), "cannot inspect " + label));
  DataspaceHandle space(check(H5Dget_space(ds.get()), "cannot inspect " + label));
  if (element_count(space.get(), label) != 1) throw IoError(label + " is not a single string");
  const auto read = [&](hid_t memory, void* buffer) {
    return H5Dread(ds.get(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  };
  const auto read_checked = [&] { return read_vlen_dataset(ds.get(), 1); };
  return std::move(
      read_strings(ds.get(), type.get(), space.get(), 1, read, read_checked, label).front());
}

DatasetHandle write_strings_dataset(hid_t parent, const std::string& name,
                                    const std::vector<std::size_t>& dims,
                                    const std::vector<std::string>& values) {
  const std::string label = dataset_label(parent, name);
  std::size_t total = 1;
  std::vector<hsize_t> h5dims;
  for (const std::size_t d : dims) {
    total *= d;
    h5dims.push_back(d);
  }
  if (dims.empty() || total != values.size()) {
    throw IoError("cannot write " + label + ": " + std::to_string(values.size()) +
                  " strings do not fill its shape");
  }
  std::vector<const char*> data;
  data.reserve(values.size());
  for (const auto& v : values) {
    require_no_nul(v, "cannot write " + label);
    data.push_back(v.c_str());
  }
  DatatypeHandle type = vlen_string_type(H5T_CSET_UTF8);
  DataspaceHandle space(
      check(H5Screate_simple(static_cast<int>(h5dims.size()), h5dims.data(), nullptr),
            "cannot create a dataspace for " + label));
  DatasetHandle ds = create_dataset(parent, name, type.get(), space.get());
  if (!values.empty()) write_all(ds.get(), type.get(), data.data(), values.size(), label);
  return ds;
}

std::vector<std::string> read_strings_dataset(hid_t parent, const std::string& name,
                                              std::vector<std::size_t>* dims) {
  const std::string label = dataset_label(parent, name);
  DatasetHandle ds = open_dataset(parent, name);
  DatatypeHandle type(check(H5Dget_type(ds.get()), "cannot inspect " + label));
  DataspaceHandle space(check(H5Dget_space(ds.get()), "cannot inspect " + label));
  if (dims) {
    const std::vector<std::uint64_t> h5dims = checked_dims(space.get(), label);
    dims->assign(h5dims.begin(), h5dims.end());
  }
  const std::size_t count = element_count(space.get(), label);
  const auto read = [&](hid_t memory, void* buffer) {
    return H5Dread(ds.get(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  };
  const auto read_checked = [&] { return read_vlen_dataset(ds.get(), count); };
  return read_strings(ds.get(), type.get(), space.get(), count, read, read_checked, label);
}

Matrix read_double_matrix(hid_t parent, const std::string& name) {
  std::vector<hsize_t> dims;
  Matrix m;
  m.values = read_numeric_dataset<double>(parent, name, H5T_FLOAT, H5T_NATIVE_DOUBLE, 2, dims);
  m.rows = static_cast<std::size_t>(dims[0]);
  m.cols = static_cast<std::size_t>(dims[1]);
  return m;
}

std::vector<double> read_double_vector(hid_t parent, const std::string& name) {
  std::vector<hsize_t> dims;
  return read_numeric_dataset<double>(parent, name, H5T_FLOAT, H5T_NATIVE_DOUBLE, 1, dims);
}

std::vector<std::uint64_t> read_u64_vector(hid_t parent, const std::string& name) {
  std::vector<hsize_t> dims;
  return read_numeric_dataset<std::uint64_t>(parent, name, H5T_INTEGER, H5T_NATIVE_UINT64, 1, dims);
}

}  // namespace cmhsim::io::h5
