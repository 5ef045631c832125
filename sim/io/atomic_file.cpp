// Crash-safe file replacement through POSIX fsync and rename.
// Knows nothing of file formats.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "io/io_error.hpp"

namespace cmhsim::io {
namespace fs = std::filesystem;

namespace {

/// Distinguishes several outputs to the same path from one process.
std::atomic<unsigned long> g_temp_counter{0};

std::string errno_text(int err) { return std::error_code(err, std::generic_category()).message(); }

/// Owns a POSIX file descriptor.
class Fd {
 public:
  explicit Fd(int fd) noexcept : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  /// Closes the descriptor and returns close()'s result.
  int close() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd);
  }

 private:
  int fd_;
};

/// Flushes `path` (a file or directory) to disk; throws IoError on failure.
void fsync_path(const std::string& path, bool directory) {
  Fd fd(::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC));
  if (fd.get() < 0) {
    throw IoError("cannot open '" + path + "' to flush it: " + errno_text(errno));
  }
  // Some file systems cannot fsync a directory (EINVAL); the rename has still happened.
  if (::fsync(fd.get()) != 0 && !(directory && errno == EINVAL)) {
    throw IoError("cannot flush '" + path + "' to disk: " + errno_text(errno));
  }
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  const fs::path target(path_);
  if (path_.empty()) throw IoError("cannot write a file with an empty name");
  if (!target.has_filename()) {
    throw IoError("cannot write '" + path_ + "': the path names a directory, not a file");
  }
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw IoError("cannot write '" + path_ + "': directory '" + directory.string() +
                  "' does not exist");
  }
  if (fs::is_directory(target, ec)) {
    throw IoError("cannot write '" + path_ + "': a directory of that name exists");
  }
  directory_ = directory.string();
  // Appending piece by piece also sidesteps a GCC 12 -Wrestrict false positive on "." + string.
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".tmp-";
  temp_name += std::to_string(::getpid());
  temp_name += '-';
  temp_name += std::to_string(g_temp_counter.fetch_add(1));
  temp_path_ = (directory / temp_name).string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) ::unlink(temp_path_.c_str());
}

void AtomicOutput::commit() {
  if (committed_) throw IoError("'" + path_ + "' has already been committed");
  std::error_code ec;
  if (!fs::is_regular_file(temp_path_, ec)) {
    throw IoError("cannot write '" + path_ + "': temporary file '" + temp_path_ +
                  "' was not written");
  }
  fsync_path(temp_path_, false);
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw IoError("cannot move '" + temp_path_ + "' onto '" + path_ + "': " + errno_text(errno));
  }
  committed_ = true;
  // The rename is durable only once the directory entry itself reaches the disk.
  fsync_path(directory_, true);
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicOutput out(path);
  Fd fd(::open(out.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    throw IoError("cannot create '" + out.temp_path() + "': " + errno_text(errno));
  }
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t written = ::write(fd.get(), data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw IoError("cannot write '" + out.temp_path() + "': " + errno_text(errno));
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (fd.close() != 0) {
    throw IoError("cannot write '" + out.temp_path() + "': " + errno_text(errno));
  }
  out.commit();
}

void write_atomically(const std::string& path,
                      const std::function<void(const std::string& temp_path)>& write) {
  AtomicOutput out(path);
  try {
    write(out.temp_path());
  } catch (const IoError& e) {
    throw IoError("cannot write results file '" + path + "': " + e.what());
  }
  out.commit();
}

}  // namespace cmhsim::io
