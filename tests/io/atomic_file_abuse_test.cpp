// Tests that an atomic commit never replaces a FIFO or a symbolic link and that temporaries of
// dead processes are swept. Knows nothing of file formats.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "io/atomic_file.hpp"
#include "io/io_error.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {

namespace fs = std::filesystem;

TEST_CASE("commit refuses to replace a FIFO or a symbolic link", "[atomic][abuse]") {
  const TempDir dir;
  REQUIRE(::mkfifo(dir.file("fifo").c_str(), 0600) == 0);
  CHECK_THROWS_AS(write_file_atomically(dir.file("fifo"), "x"), IoError);
  CHECK(fs::is_fifo(dir.file("fifo")));
  write_bytes(dir.file("target"), "old");
  fs::create_symlink(dir.file("target"), dir.file("link"));
  CHECK_THROWS_AS(write_file_atomically(dir.file("link"), "new"), IoError);
  CHECK(fs::is_symlink(dir.file("link")));
  CHECK(read_bytes(dir.file("target")) == "old");
  CHECK(dir.entries() == std::set<std::string>{"fifo", "link", "target"});
}

TEST_CASE("a temporary of a process that no longer runs is removed; a live one is kept",
          "[atomic][abuse]") {
  const TempDir dir;
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const std::string stale = dir.file(".out.h5.tmp-" + std::to_string(child) + "-0");
  const std::string live = dir.file(".out.h5.tmp-" + std::to_string(::getppid()) + "-0");
  const std::string other = dir.file(".other.h5.tmp-" + std::to_string(child) + "-0");
  write_bytes(stale, "half");
  write_bytes(live, "busy");
  write_bytes(other, "half");
  write_file_atomically(dir.file("out.h5"), "done");
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(live));
  CHECK(fs::exists(other));
}

TEST_CASE("pending temporaries are removed on request and forgotten once committed",
          "[atomic][abuse]") {
  const TempDir dir;
  AtomicOutput done(dir.file("done"));
  write_bytes(done.temp_path(), "kept");
  done.commit();
  AtomicOutput pending(dir.file("pending"));
  write_bytes(pending.temp_path(), "partial");
  remove_pending_temporaries();
  CHECK_FALSE(fs::exists(pending.temp_path()));
  CHECK(read_bytes(dir.file("done")) == "kept");
}

}  // namespace cmhsim::io::test
