// RAII ownership of HDF5 identifiers, and HDF5 failures turned into io::IoError.
// Knows nothing of the results layout or of what the files contain.
#pragma once

#include <hdf5.h>

#include <string>
#include <utility>

#include "io/io_error.hpp"

namespace cmhsim::io {

/// Returns the current thread's HDF5 error stack as one line (empty if none) and clears it.
std::string take_hdf5_error_stack();

/// Throws IoError saying `what` failed, with HDF5's reason, when `status` is negative.
template <typename T>
T check(T status, const std::string& what) {
  if (status < 0) {
    const std::string reason = take_hdf5_error_stack();
    throw IoError(reason.empty() ? what : what + ": " + reason);
  }
  return status;
}

/// Owns one HDF5 identifier and closes it with `Close`; move-only.
template <herr_t (*Close)(hid_t)>
class Hid {
 public:
  Hid() noexcept = default;
  /// Takes ownership of `id`, which may be invalid (negative).
  explicit Hid(hid_t id) noexcept : id_(id) {}
  ~Hid() { reset(); }

  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  Hid(Hid&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Hid& operator=(Hid&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }

  /// Returns the identifier without giving up ownership.
  [[nodiscard]] hid_t get() const noexcept { return id_; }
  /// Returns true when an identifier is held.
  [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }

  /// Closes the identifier, ignoring failure (for destructors and unwinding).
  void reset() noexcept {
    // A close failure here (often during unwinding) leaves an error stack nobody will read.
    if (id_ >= 0 && Close(id_) < 0) H5Eclear2(H5E_DEFAULT);
    id_ = H5I_INVALID_HID;
  }

  /// Closes the identifier and throws IoError naming `what` if closing fails.
  void close(const std::string& what) {
    const hid_t id = std::exchange(id_, H5I_INVALID_HID);
    if (id >= 0) check(Close(id), what);
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using FileHandle = Hid<H5Fclose>;
using GroupHandle = Hid<H5Gclose>;
using DatasetHandle = Hid<H5Dclose>;
using DataspaceHandle = Hid<H5Sclose>;
using DatatypeHandle = Hid<H5Tclose>;
using AttributeHandle = Hid<H5Aclose>;
using PropertyListHandle = Hid<H5Pclose>;

/// Stops HDF5 printing its error stack to stderr for this object's lifetime on this thread.
class ErrorSilencer {
 public:
  ErrorSilencer() noexcept;
  ~ErrorSilencer();
  ErrorSilencer(const ErrorSilencer&) = delete;
  ErrorSilencer& operator=(const ErrorSilencer&) = delete;

 private:
  H5E_auto2_t saved_func_ = nullptr;
  void* saved_data_ = nullptr;
  bool saved_ = false;
};

}  // namespace cmhsim::io
