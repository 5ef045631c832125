// Crash-safe file replacement: write a temporary sibling, then fsync and rename it into place.
// Knows nothing of file formats; a half-written file never replaces a good one.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace cmhsim::io {

/// Manages a temporary sibling of an output path that becomes the output only on commit().
// The caller creates and writes the file at temp_path(). A rename within one directory is atomic,
// so readers of path() see either the old file or the complete new one, never a partial write.
class AtomicOutput {
 public:
  /// Prepares to write `path`, removing temporaries of it left by processes that no longer run;
  /// throws IoError if its directory does not exist or it is a directory.
  explicit AtomicOutput(std::string path);
  /// Removes the temporary file unless commit() succeeded.
  ~AtomicOutput();

  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  AtomicOutput(AtomicOutput&&) = delete;
  AtomicOutput& operator=(AtomicOutput&&) = delete;

  /// Returns the final output path.
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  /// Returns the temporary path to write: ".NAME.tmp-PID-N" in the output's directory.
  [[nodiscard]] const std::string& temp_path() const noexcept { return temp_path_; }
  /// Returns true once commit() has succeeded.
  [[nodiscard]] bool committed() const noexcept { return committed_; }

  /// Flushes the temporary file to disk and renames it onto path(); throws IoError on failure or
  /// if path() exists and is not a regular file (a device, FIFO, socket or symbolic link).
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::string directory_;
  bool committed_ = false;
  int pending_slot_ = -1;
};

/// Removes every temporary file of a live AtomicOutput; safe to call from a signal handler.
void remove_pending_temporaries() noexcept;

/// Replaces the file at `path` with `contents` through an AtomicOutput.
void write_file_atomically(const std::string& path, std::string_view contents);

/// Replaces the file at `path` with the file `write` creates at the temporary path it is given;
/// an IoError from `write` is rethrown naming `path`.
void write_atomically(const std::string& path,
                      const std::function<void(const std::string& temp_path)>& write);

}  // namespace cmhsim::io
