// Helpers for end-to-end tests of the cmhsim executable: scratch directories, running a command
// with its output captured, reading files. Knows the command line only.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cmhsim::cli_test {

namespace fs = std::filesystem;

/// Holds a finished command's exit code and what it printed.
struct Result {
  int code;
  std::string out;
  std::string err;
};

/// Returns the whole content of a file (empty if it cannot be read).
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Replaces the content of a file with `text`, byte for byte.
inline void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

/// Returns a fresh, empty scratch directory for one test case.
inline fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CMHSIM_BINARY_DIR) / "tests" / "cli-scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Runs a shell command with no input, its output captured in `dir`.
inline Result run(const std::string& command, const fs::path& dir) {
  const std::string cmd = command + " >" + (dir / "stdout").string() + " 2>" +
                          (dir / "stderr").string() + " </dev/null";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "stdout"),
          slurp(dir / "stderr")};
}

/// Runs the cmhsim executable with `args`, its output captured in `dir`.
inline Result run_cmhsim(const std::string& args, const fs::path& dir) {
  return run(std::string(CMHSIM_EXE) + " " + args, dir);
}

}  // namespace cmhsim::cli_test
