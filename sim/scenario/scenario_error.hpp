// The one exception type of the scenario layer: what went wrong, where in which file.
// Knows nothing of YAML or of the simulation; the CLI turns it into an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace cmhsim::scenario {

/// Reports a scenario that cannot be read or is invalid; what() is "FILE:LINE:COL: key.path: msg".
///
/// Line and column are 1-based, or 0 when unknown (e.g. an unreadable file). The key path segment
/// is left out of what() when the error belongs to no key (e.g. a YAML syntax error). An error
/// whose origin is not a file (a command-line `--set key=value`) has no position at all: what()
/// is "ORIGIN: key.path: msg".
class ScenarioError : public std::runtime_error {
 public:
  /// Creates an error at `file`:`line`:`column` about `key_path`.
  ScenarioError(std::string file, int line, int column, std::string key_path, std::string message);
  /// Creates an error about `key_path` from `origin`, which is not a file (line and column 0).
  ScenarioError(std::string origin, std::string key_path, std::string message);

  /// Returns the file name as given to the loader.
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// Returns the 1-based line, or 0 if unknown.
  [[nodiscard]] int line() const noexcept { return line_; }
  /// Returns the 1-based column, or 0 if unknown.
  [[nodiscard]] int column() const noexcept { return column_; }
  /// Returns the dotted key path, such as "services.cmht.queue.capacity" (may be empty).
  [[nodiscard]] const std::string& key_path() const noexcept { return key_path_; }
  /// Returns the message without position or key path.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  /// Returns true if file() names a file (with a position), false for a command-line origin.
  [[nodiscard]] bool positioned() const noexcept { return positioned_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string key_path_;
  std::string message_;
  bool positioned_ = true;
};

}  // namespace cmhsim::scenario
