// Typed HDF5 attributes, datasets and groups (strings, integers, doubles); failures are IoErrors.
// Knows nothing of the results layout; callers hold an ErrorSilencer so HDF5 prints nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5_handle.hpp"

namespace cmhsim::io::h5 {

// --- files and groups ----------------------------------------------------------------------------

/// Creates (truncating) an HDF5 file whose objects carry no timestamps, so output is reproducible.
FileHandle create_file(const std::string& path);
/// Opens an existing HDF5 file read-only.
FileHandle open_file_readonly(const std::string& path);
/// Opens the root group of `file`.
GroupHandle open_root(hid_t file);
/// Creates group `name` under `parent`, without timestamps.
GroupHandle create_group(hid_t parent, const std::string& name);
/// Opens group `name` under `parent`.
GroupHandle open_group(hid_t parent, const std::string& name);
/// Returns true when `parent` has a link called `name`.
bool has_link(hid_t parent, const std::string& name);
/// Returns the object's path inside its file, for messages.
std::string object_path(hid_t object);

// --- attributes ----------------------------------------------------------------------------------

/// Writes a scalar variable-length UTF-8 string attribute.
void write_string_attribute(hid_t object, const std::string& name, const std::string& value);
/// Writes a 1-D attribute of variable-length UTF-8 strings.
void write_strings_attribute(hid_t object, const std::string& name,
                             const std::vector<std::string>& values);
/// Writes a scalar 64-bit unsigned integer attribute.
void write_u64_attribute(hid_t object, const std::string& name, std::uint64_t value);
/// Writes a scalar 32-bit signed integer attribute.
void write_i32_attribute(hid_t object, const std::string& name, std::int32_t value);
/// Writes a scalar 64-bit float attribute.
void write_double_attribute(hid_t object, const std::string& name, double value);

/// Returns true when `object` has an attribute called `name`.
bool has_attribute(hid_t object, const std::string& name);
/// Reads a scalar string attribute (variable or fixed length).
std::string read_string_attribute(hid_t object, const std::string& name);
/// Reads a 1-D string attribute (variable or fixed length).
std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name);
/// Reads a scalar integer attribute as an unsigned 64-bit value.
std::uint64_t read_u64_attribute(hid_t object, const std::string& name);
/// Reads a scalar integer attribute as a signed 64-bit value.
std::int64_t read_i64_attribute(hid_t object, const std::string& name);
/// Reads a scalar floating-point attribute.
double read_double_attribute(hid_t object, const std::string& name);

// --- datasets ------------------------------------------------------------------------------------

/// Holds a row-major 2-D array of doubles.
struct Matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<double> values;  ///< rows * cols values, row after row.
};

/// Creates a scalar variable-length UTF-8 string dataset.
DatasetHandle write_string_dataset(hid_t parent, const std::string& name, const std::string& value);
/// Creates an N-D variable-length UTF-8 string dataset (`dims` empty is not allowed).
DatasetHandle write_strings_dataset(hid_t parent, const std::string& name,
                                    const std::vector<std::size_t>& dims,
                                    const std::vector<std::string>& values);
/// Reads a string dataset of any rank: its strings (row-major) and, if `dims` is given, its shape.
std::vector<std::string> read_strings_dataset(hid_t parent, const std::string& name,
                                              std::vector<std::size_t>* dims = nullptr);
/// Creates a 2-D 64-bit float dataset from a row-major matrix.
DatasetHandle write_double_matrix(hid_t parent, const std::string& name, const Matrix& matrix);
/// Creates a 1-D 64-bit float dataset.
DatasetHandle write_double_vector(hid_t parent, const std::string& name,
                                  const std::vector<double>& values);
/// Creates a 1-D 64-bit unsigned integer dataset.
DatasetHandle write_u64_vector(hid_t parent, const std::string& name,
                               const std::vector<std::uint64_t>& values);

/// Opens dataset `name` under `parent`.
DatasetHandle open_dataset(hid_t parent, const std::string& name);
/// Reads a scalar string dataset (variable or fixed length).
std::string read_string_dataset(hid_t parent, const std::string& name);
/// Reads a 2-D floating-point dataset.
Matrix read_double_matrix(hid_t parent, const std::string& name);
/// Reads a 1-D floating-point dataset.
std::vector<double> read_double_vector(hid_t parent, const std::string& name);
/// Reads a 1-D integer dataset as unsigned 64-bit values.
std::vector<std::uint64_t> read_u64_vector(hid_t parent, const std::string& name);

}  // namespace cmhsim::io::h5
