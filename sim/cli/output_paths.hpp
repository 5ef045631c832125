// Checks, before anything runs, that each output path can be written without harm: never an
// input, another output, a directory, a device, a FIFO or a symbolic link. Knows no file formats.
#pragma once

#include <string>
#include <vector>

namespace cmhsim::cli {

/// Names a file a command reads or writes and what named it (an option or "scenario file").
struct NamedPath {
  std::string path;
  std::string what;
};

/// Throws UsageError (prefixed with `command`) unless every output names a regular file or a
/// new one in a directory that exists or can be created, and is neither an input nor another
/// output; inputs and outputs are compared by device and inode, not by spelling.
void check_outputs(const std::string& command, const std::vector<NamedPath>& inputs,
                   const std::vector<NamedPath>& outputs);

/// Throws UsageError unless `dir` is a directory or can be created as one.
void check_output_directory(const std::string& command, const NamedPath& dir);

/// Returns `name` if it can name a file in a directory; else throws UsageError naming `what`.
std::string checked_file_name(const std::string& command, const std::string& name,
                              const std::string& what);

}  // namespace cmhsim::cli
