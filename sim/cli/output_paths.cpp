// Output path checks made before a command runs, so a bad path costs nothing and replaces
// nothing. Knows files and directories through POSIX stat, not what is written to them.
#include "cli/output_paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <optional>
#include <system_error>

#include "cli/exit_codes.hpp"

namespace cmhsim::cli {
namespace {

namespace fs = std::filesystem;

/// Identifies a file: an existing one by device and inode, a new one by its nearest existing
/// directory's device and inode plus the rest of its path.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  std::string rest;
  bool operator==(const FileIdentity& o) const {
    return device == o.device && inode == o.inode && rest == o.rest;
  }
};

[[noreturn]] void refuse(const std::string& command, const NamedPath& p, const std::string& why) {
  throw UsageError{command + ": " + p.what + " '" + p.path + "' " + why};
}

/// Returns the identity of an existing file `path` (following links), or nothing.
std::optional<FileIdentity> existing_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino, ""};
}

/// Returns the identity of a path that does not exist yet; refuses it if its nearest existing
/// ancestor is not a writable directory.
FileIdentity new_file_identity(const std::string& command, const NamedPath& p) {
  std::error_code ec;
  fs::path absolute = fs::absolute(p.path, ec).lexically_normal();
  fs::path rest;
  fs::path dir = absolute;
  while (true) {
    rest = rest.empty() ? dir.filename() : dir.filename() / rest;
    dir = dir.parent_path();
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode))
        refuse(command, p, "cannot be made: '" + dir.string() + "' is not a directory");
      if (::access(dir.c_str(), W_OK) != 0) {
        refuse(command, p, "cannot be made: directory '" + dir.string() + "' is not writable");
      }
      return FileIdentity{st.st_dev, st.st_ino, rest.string()};
    }
    if (!dir.has_relative_path()) refuse(command, p, "cannot be made: no part of its path exists");
  }
}

/// Refuses an output path that is not a regular file or a new file name; returns its identity.
FileIdentity check_output(const std::string& command, const NamedPath& p) {
  if (p.path.empty()) throw UsageError{command + ": " + p.what + " is an empty path"};
  const fs::path path(p.path);
  if (!path.has_filename() || path.filename() == "." || path.filename() == "..") {
    refuse(command, p, "names a directory, not a file");
  }
  struct stat st {};
  if (::lstat(p.path.c_str(), &st) != 0) {
    if (errno == ENOTDIR)
      refuse(command, p, "cannot be made: a part of its path is not a directory");
    return new_file_identity(command, p);
  }
  if (S_ISLNK(st.st_mode)) {
    refuse(command, p, "is a symbolic link; name the file it points to instead");
  }
  if (S_ISDIR(st.st_mode)) refuse(command, p, "is a directory; name a file in it");
  if (!S_ISREG(st.st_mode)) {
    refuse(command, p, "exists and is not a regular file (a device, FIFO or socket)");
  }
  return FileIdentity{st.st_dev, st.st_ino, ""};
}

}  // namespace

void check_outputs(const std::string& command, const std::vector<NamedPath>& inputs,
                   const std::vector<NamedPath>& outputs) {
  std::vector<std::pair<FileIdentity, const NamedPath*>> seen;
  for (const NamedPath& in : inputs) {
    if (auto id = existing_identity(in.path)) seen.emplace_back(*id, &in);
  }
  for (const NamedPath& out : outputs) {
    const FileIdentity id = check_output(command, out);
    for (const auto& [other, named] : seen) {
      if (other == id) {
        refuse(command, out,
               "is the same file as " + named->what + " '" + named->path +
                   "'; writing it would replace that file");
      }
    }
    seen.emplace_back(id, &out);
  }
}

void check_output_directory(const std::string& command, const NamedPath& dir) {
  if (dir.path.empty()) throw UsageError{command + ": " + dir.what + " is an empty path"};
  struct stat st {};
  if (::stat(dir.path.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) refuse(command, dir, "exists and is not a directory");
    return;
  }
  if (errno == ENOTDIR)
    refuse(command, dir, "cannot be made: a part of its path is not a directory");
  fs::path trimmed = fs::path(dir.path);
  if (!trimmed.has_filename()) trimmed = trimmed.parent_path();
  new_file_identity(command, NamedPath{trimmed.string(), dir.what});
}

std::string checked_file_name(const std::string& command, const std::string& name,
                              const std::string& what) {
  if (name.empty() || name == "." || name == ".." ||
      name.find_first_of(std::string("/\0", 2)) != std::string::npos) {
    throw UsageError{command + ": " + what + " '" + name +
                     "' cannot name the default output file; give -o or change the name"};
  }
  return name;
}

}  // namespace cmhsim::cli
