// Crash-safe file replacement through POSIX fsync and rename.
// Knows nothing of file formats.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "io/io_error.hpp"

namespace cmhsim::io {
namespace fs = std::filesystem;

namespace {

/// Distinguishes several outputs to the same path from one process.
std::atomic<unsigned long> g_temp_counter{0};

/// Holds one temporary path that a signal handler may remove; written before it is marked ready.
struct PendingSlot {
  std::atomic<bool> taken{false};
  std::atomic<bool> ready{false};
  std::array<char, 4096> path{};
};
static_assert(std::atomic<bool>::is_always_lock_free, "the slots are read in a signal handler");

/// Lists the temporaries not yet committed or removed, for remove_pending_temporaries().
std::array<PendingSlot, 64> g_pending;

/// Records `path` as pending; returns its slot, or -1 if none is free or the path is too long.
int register_pending(const std::string& path) {
  if (path.size() >= PendingSlot{}.path.size()) return -1;
  for (std::size_t i = 0; i < g_pending.size(); ++i) {
    bool expected = false;
    if (!g_pending[i].taken.compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_pending[i].path.data(), path.c_str(), path.size() + 1);
    g_pending[i].ready.store(true, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

/// Forgets the pending temporary in `slot` (from register_pending).
void release_pending(int slot) {
  if (slot < 0) return;
  g_pending[static_cast<std::size_t>(slot)].ready.store(false, std::memory_order_release);
  g_pending[static_cast<std::size_t>(slot)].taken.store(false, std::memory_order_release);
}

/// Returns the process id in a temporary name "PREFIX<pid>-<n>", or 0 if it has none.
pid_t temporary_owner(const std::string& name, const std::string& prefix) {
  if (name.rfind(prefix, 0) != 0) return 0;
  const std::string rest = name.substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == 0 || dash == std::string::npos || dash > 9) return 0;
  if (rest.find_first_not_of("0123456789") != dash) return 0;
  return static_cast<pid_t>(std::stol(rest.substr(0, dash)));
}

/// Removes temporaries of `file_name` in `directory` left by processes that no longer run.
// A SIGKILL or power cut leaves them behind; no handler can remove them then.
void remove_stale_temporaries(const fs::path& directory, const std::string& file_name) {
  const std::string prefix = "." + file_name + ".tmp-";
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const pid_t owner = temporary_owner(it->path().filename().string(), prefix);
    if (owner <= 0 || owner == ::getpid()) continue;
    if (::kill(owner, 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

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
  remove_stale_temporaries(directory, target.filename().string());
  pending_slot_ = register_pending(temp_path_);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) ::unlink(temp_path_.c_str());
  release_pending(pending_slot_);
}

void remove_pending_temporaries() noexcept {
  for (const PendingSlot& slot : g_pending) {
    if (slot.ready.load(std::memory_order_acquire)) ::unlink(slot.path.data());
  }
}

void AtomicOutput::commit() {
  if (committed_) throw IoError("'" + path_ + "' has already been committed");
  std::error_code ec;
  if (!fs::is_regular_file(temp_path_, ec)) {
    throw IoError("cannot write '" + path_ + "': temporary file '" + temp_path_ +
                  "' was not written");
  }
  fsync_path(temp_path_, false);
  // The rename would replace a device, FIFO, socket or symbolic link with a regular file.
  struct stat existing {};
  if (::lstat(path_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    throw IoError("cannot write '" + path_ + "': it exists and is not a regular file" +
                  (S_ISLNK(existing.st_mode) ? " (a symbolic link)" : ""));
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw IoError("cannot move '" + temp_path_ + "' onto '" + path_ + "': " + errno_text(errno));
  }
  committed_ = true;
  release_pending(pending_slot_);
  pending_slot_ = -1;
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
