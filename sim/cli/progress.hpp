// A one-line progress bar with ETA on a terminal; silent when stderr is not a terminal.
// Knows nothing of what is being counted.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cmhsim::cli {

/// Draws "[#####.....] done/total what, ETA" on stderr when it is a terminal and not quiet.
class Progress {
 public:
  /// Prepares a bar counting `what` (e.g. "replications").
  Progress(std::string what, bool quiet);
  /// Redraws the bar for `done` of `total`, with `note` (e.g. "3/10 points") before the ETA.
  void update(std::uint64_t done, std::uint64_t total, const std::string& note = "");
  /// Clears the bar's line.
  void finish();

 private:
  std::string what_;
  bool active_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace cmhsim::cli
