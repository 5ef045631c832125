// Exit codes of the cmhsim executable: the only place they are defined.
// Library code throws typed exceptions; cli/ maps them to these.
#pragma once

#include <string>

namespace cmhsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;        ///< The run failed (I/O, internal error).
inline constexpr int kExitBadInput = 2;       ///< Bad command line or scenario file.
inline constexpr int kExitInterrupted = 130;  ///< Stopped by SIGINT/SIGTERM (128 + SIGINT).

/// Signals a bad command line; main() prints it with the usage hint and exits kExitBadInput.
struct UsageError {
  const char* what() const noexcept { return message.c_str(); }
  std::string message;
};

}  // namespace cmhsim::cli
