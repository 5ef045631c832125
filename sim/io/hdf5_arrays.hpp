// N-dimensional numeric HDF5 datasets and datasets that grow along their first dimension.
// Knows nothing of the results layout; callers hold an ErrorSilencer so HDF5 prints nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5_handle.hpp"

namespace cmhsim::io::h5 {

/// Holds a row-major N-dimensional array.
template <typename T>
struct Array {
  std::vector<std::size_t> dims;
  std::vector<T> values;  ///< Product of dims values, last dimension fastest.
};

/// Creates an N-D 64-bit float dataset; throws IoError if `values` does not fill `dims`.
DatasetHandle write_double_array(hid_t parent, const std::string& name,
                                 const std::vector<std::size_t>& dims,
                                 const std::vector<double>& values);
/// Creates an N-D 64-bit unsigned integer dataset; throws IoError if `values` does not fill `dims`.
DatasetHandle write_u64_array(hid_t parent, const std::string& name,
                              const std::vector<std::size_t>& dims,
                              const std::vector<std::uint64_t>& values);
/// Reads a floating-point dataset of `rank` dimensions.
Array<double> read_double_array(hid_t parent, const std::string& name, int rank);
/// Reads an integer dataset of `rank` dimensions as unsigned 64-bit values.
Array<std::uint64_t> read_u64_array(hid_t parent, const std::string& name, int rank);

/// Owns a chunked dataset that starts with no rows and grows by appended rows.
class AppendableDataset {
 public:
  /// Creates dataset `name` under `parent` with rows of `row_shape` (empty for scalars) of
  /// `file_type`, appended from memory of `memory_type`.
  AppendableDataset(hid_t parent, const std::string& name, hid_t file_type, hid_t memory_type,
                    std::vector<std::size_t> row_shape, std::size_t chunk_rows);

  /// Appends `count` rows stored contiguously at `data`.
  void append(const void* data, std::size_t count);
  /// Returns the rows written so far.
  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
  /// Returns the dataset identifier (for attributes).
  [[nodiscard]] hid_t get() const noexcept { return dataset_.get(); }
  /// Closes the dataset, throwing IoError on failure.
  void close();

 private:
  DatasetHandle dataset_;
  hid_t memory_type_;
  std::vector<std::size_t> row_shape_;
  std::size_t rows_ = 0;
  std::string label_;
};

}  // namespace cmhsim::io::h5
