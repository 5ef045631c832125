// HDF5 error-stack reading and silencing for io::IoError messages.
// Knows nothing of the results layout.
#include "io/hdf5_handle.hpp"

#include <vector>

namespace cmhsim::io {
namespace {

/// Collects each error record's description, outermost call first.
herr_t collect_description(unsigned /*n*/, const H5E_error2_t* err, void* client) {
  auto* out = static_cast<std::vector<std::string>*>(client);
  if (err != nullptr && err->desc != nullptr && err->desc[0] != '\0') out->emplace_back(err->desc);
  return 0;
}

// Keeps libhdf5 from closing files when the program exits. A file whose close failed (a full
// disk) stays half-closed, and closing it again at exit crashes inside the library; every file
// that matters is closed explicitly on every path before then, and its temporary removed.
[[maybe_unused]] const bool kNoCloseAtExit = [] { return H5dont_atexit() >= 0; }();

}  // namespace

std::string take_hdf5_error_stack() {
  std::vector<std::string> descriptions;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_description, &descriptions);
  H5Eclear2(H5E_DEFAULT);
  // The outermost record says what the library call was doing, the innermost why it failed;
  // the records between repeat one or the other.
  if (descriptions.empty()) return {};
  if (descriptions.size() == 1 || descriptions.front() == descriptions.back()) {
    return descriptions.front();
  }
  return descriptions.front() + " (" + descriptions.back() + ")";
}

ErrorSilencer::ErrorSilencer() noexcept {
  saved_ = H5Eget_auto2(H5E_DEFAULT, &saved_func_, &saved_data_) >= 0;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

ErrorSilencer::~ErrorSilencer() {
  if (saved_) H5Eset_auto2(H5E_DEFAULT, saved_func_, saved_data_);
}

}  // namespace cmhsim::io
