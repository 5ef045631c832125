// The typed exception of the io layer: a results or output file could not be read or written.
// Knows nothing of file formats.
#pragma once

#include <stdexcept>

namespace cmhsim::io {

/// Signals a failure to read or write a results or output file.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cmhsim::io
