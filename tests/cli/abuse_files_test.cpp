// End-to-end tests of results files under abuse: shards and checkpoints from a changed base
// scenario, damaged checkpoints, a full disk during a write, bit-flipped sweep and shard files,
// non-UTF-8 scenario text, and the exit code every command gives a bad results file.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::run;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;
using cmhsim::cli_test::write;

/// Writes a small M/M/c network scenario at `dir`/base.yaml with the given warm-up.
fs::path write_base(const fs::path& dir, int warmup_days) {
  const fs::path p = dir / "base.yaml";
  std::ofstream(p) << "name: mmc\nhorizon_days: 300\nwarmup_days: " << warmup_days
                   << "\nreplications: 2\nseed: 1\n"
                      "arrivals:\n  poisson:\n    to: pool\n"
                      "    interarrival: {dist: exponential, mean: 0.2}\n"
                      "services:\n  pool:\n    servers: 8\n"
                      "    service_time: {dist: exponential, mean: 1.0}\n";
  return p;
}

/// Writes a four-point sweep over the base's servers at `dir`/sweep.yaml.
fs::path write_sweep(const fs::path& dir) {
  const fs::path p = dir / "sweep.yaml";
  std::ofstream(p) << "name: abuse\nbase: base.yaml\ndesign: factorial\nreplications: 2\n"
                      "axes:\n  services.pool.servers: {values: [6, 8, 10, 12]}\n";
  return p;
}

/// Runs the shell `command` with `dir` as its working directory.
Result run_in(const fs::path& dir, const std::string& command) {
  return run("cd '" + dir.string() + "' && " + command, dir);
}

/// Runs `cmhsim args` with `dir` as its working directory.
Result run_cmhsim(const std::string& args, const fs::path& dir) {
  return run_in(dir, std::string(CMHSIM_EXE) + " " + args);
}

/// Runs `cmhsim args` in `dir` and requires exit code 0.
void require_ok(const std::string& args, const fs::path& dir) {
  const Result r = run_cmhsim(args, dir);
  INFO(args << "\n" << r.err);
  REQUIRE(r.code == 0);
}

}  // namespace

TEST_CASE("merge refuses shards run from a changed base scenario, naming the point and key",
          "[cli][sweep][abuse]") {
  const auto dir = scratch("abuse-merge-base");
  write_base(dir, 50);
  write_sweep(dir);
  require_ok("sweep sweep.yaml -q -o s0.h5 --shard 0/2", dir);
  write_base(dir, 70);  // the base changes between the shards
  require_ok("sweep sweep.yaml -q -o s1.h5 --shard 1/2", dir);

  auto r = run_cmhsim("merge merged.h5 s0.h5 s1.h5", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("point 0") != std::string::npos);
  CHECK(r.err.find("warmup_days") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "merged.h5"));

  // Without the sweep file to compare with, the shards still disagree with each other.
  fs::rename(dir / "sweep.yaml", dir / "moved.yaml");
  r = run_cmhsim("merge merged.h5 s0.h5 s1.h5", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("point 1") != std::string::npos);
  CHECK(r.err.find("warmup_days") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "merged.h5"));
}

TEST_CASE("merge accepts shards run from an unchanged base", "[cli][sweep][abuse]") {
  const auto dir = scratch("abuse-merge-same");
  write_base(dir, 50);
  write_sweep(dir);
  require_ok("sweep sweep.yaml -q -o s0.h5 --shard 0/2", dir);
  require_ok("sweep sweep.yaml -q -o s1.h5 --shard 1/2", dir);
  require_ok("merge merged.h5 s1.h5 s0.h5", dir);
  // The merged file is accepted in turn by export.
  require_ok("export merged.h5 --csv csv", dir);
}

TEST_CASE("a disk that fills during a write exits 1 with the message and keeps the old file",
          "[cli][io][abuse]") {
  const auto dir = scratch("abuse-disk-full");
  write_base(dir, 50);
  write_sweep(dir);
  std::string other = slurp(dir / "base.yaml");
  other.replace(other.find("name: mmc"), 9, "name: other");
  write(dir / "other.yaml", other);
  require_ok("run base.yaml -q -o out.h5", dir);
  const std::string good = slurp(dir / "out.h5");
  // RLIMIT_FSIZE (ulimit -f, in 512- or 1024-byte blocks) with SIGXFSZ ignored makes a write
  // fail with EFBIG, as a full disk fails one with ENOSPC, at a chosen size.
  for (const int blocks : {1, 2, 4, 8, 12, 16, 20, 30}) {
    for (const std::string command : {"run base.yaml -q -o out.h5", "sweep sweep.yaml -q -o out.h5",
                                      "compare base.yaml other.yaml -q -o out.h5"}) {
      INFO(command << " with ulimit -f " << blocks);
      fs::remove_all(dir / "out.h5.partial");
      // Under LeakSanitizer, the memory libhdf5 keeps for the file it could not close is not a
      // leak of cmhsim's (see the suppression file).
      const Result r = run_in(dir, "trap '' XFSZ; ulimit -f " + std::to_string(blocks) +
                                       "; LSAN_OPTIONS=suppressions=" CMHSIM_SOURCE_DIR
                                       "/tests/cli/lsan_hdf5_disk_full.supp exec " +
                                       std::string(CMHSIM_EXE) + " " + command);
      INFO(r.err);
      CHECK(r.code == 1);
      CHECK(r.err.find("cannot") != std::string::npos);
      CHECK(slurp(dir / "out.h5") == good);
      for (const auto& e : fs::directory_iterator(dir)) {
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
      }
    }
  }
}

TEST_CASE("bit-flipped sweep and shard files give export and merge exit 0 or 2, never a crash",
          "[cli][io][abuse]") {
  const auto dir = scratch("abuse-bit-flips");
  write_base(dir, 50);
  write_sweep(dir);
  require_ok("sweep sweep.yaml -q -o full.h5", dir);
  require_ok("sweep sweep.yaml -q -o s0.h5 --shard 0/2", dir);
  require_ok("sweep sweep.yaml -q -o s1.h5 --shard 1/2", dir);
  const std::string full = slurp(dir / "full.h5");
  const std::string shard = slurp(dir / "s0.h5");
  std::mt19937_64 rng(20261126);
  int refused = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const bool flip_shard = trial % 2 == 1;
    std::string bytes = flip_shard ? shard : full;
    std::uniform_int_distribution<std::size_t> where(0, bytes.size() - 1);
    std::uniform_int_distribution<int> bit(0, 7);
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) bytes[where(rng)] ^= static_cast<char>(1 << bit(rng));
    write(dir / "bad.h5", bytes);
    const Result r = flip_shard ? run_cmhsim("merge merged.h5 bad.h5 s1.h5", dir)
                                : run_cmhsim("export bad.h5 --csv csv", dir);
    INFO("trial " << trial << ": " << r.err);
    CHECK((r.code == 0 || r.code == 2));
    if (r.code == 2) ++refused;
    fs::remove(dir / "merged.h5");
  }
  // Almost every flip lands in data the checksum covers.
  CHECK(refused >= 55);
}

TEST_CASE("resume refuses checkpoints from a changed base, edited or truncated",
          "[cli][sweep][abuse]") {
  const auto dir = scratch("abuse-checkpoint");
  write_base(dir, 50);
  write_sweep(dir);
  // A file-size limit above a checkpoint's size but below the sweep file's stops the sweep at its
  // final write, leaving every point's checkpoint.
  const Result cut = run_in(dir, "trap '' XFSZ; ulimit -f 100; exec " + std::string(CMHSIM_EXE) +
                                     " sweep sweep.yaml -q -o out.h5");
  INFO(cut.err);
  REQUIRE(cut.code == 1);
  const fs::path partial = dir / "out.h5.partial";
  for (int i = 0; i < 4; ++i) REQUIRE(fs::exists(partial / ("point-" + std::to_string(i) + ".h5")));
  const std::string checkpoint = slurp(partial / "point-1.h5");

  write_base(dir, 70);
  auto r = run_cmhsim("sweep sweep.yaml -q -o out.h5 --resume", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("point 0") != std::string::npos);
  CHECK(r.err.find("warmup_days") != std::string::npos);
  write_base(dir, 50);

  std::string edited = checkpoint;
  edited[edited.size() / 2] ^= 0x10;
  write(partial / "point-1.h5", edited);
  r = run_cmhsim("sweep sweep.yaml -q -o out.h5 --resume", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("point-1.h5") != std::string::npos);

  write(partial / "point-1.h5", checkpoint.substr(0, checkpoint.size() / 2));
  r = run_cmhsim("sweep sweep.yaml -q -o out.h5 --resume", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("point-1.h5") != std::string::npos);

  write(partial / "point-1.h5", checkpoint);
  r = run_cmhsim("sweep sweep.yaml -q -o out.h5 --resume", dir);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(fs::exists(dir / "out.h5"));
  CHECK_FALSE(fs::exists(partial));
}

TEST_CASE("a scenario that is not UTF-8 is refused at load with its position",
          "[cli][scenario][abuse]") {
  const auto dir = scratch("abuse-utf8");
  write_base(dir, 50);
  std::string text = slurp(dir / "base.yaml");
  // A cp1252 pound sign (0xA3) in the description, on line 2.
  text.insert(text.find('\n') + 1, "description: costs in \xA3 per year\n");
  write(dir / "base.yaml", text);
  for (const std::string command : {"validate base.yaml", "run base.yaml -q -o out.h5"}) {
    const Result r = run_cmhsim(command, dir);
    INFO(command << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("base.yaml:2:23") != std::string::npos);
    CHECK(r.err.find("UTF-8") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "out.h5"));
}

TEST_CASE("export, merge and report exit 2 on a bad results file", "[cli][io][abuse]") {
  const auto dir = scratch("abuse-bad-results");
  write_base(dir, 50);
  require_ok("run base.yaml -q -o run.h5", dir);
  write(dir / "text.h5", "not a results file\n");
  const std::string run_bytes = slurp(dir / "run.h5");
  write(dir / "truncated.h5", run_bytes.substr(0, run_bytes.size() / 2));
  for (const std::string file : {"missing.h5", "text.h5", "truncated.h5", "run.h5"}) {
    const Result e = run_cmhsim("export " + file + " --csv csv", dir);
    const Result m = run_cmhsim("merge merged.h5 " + file, dir);
    INFO(file << "\nexport: " << e.err << "\nmerge: " << m.err);
    if (file != "run.h5") CHECK(e.code == 2);  // a run file exports fine
    CHECK(m.code == 2);
  }
  const Result r = run_cmhsim("report truncated.h5 -o report", dir);
  INFO(r.err);
  // Without the analysis Python the report cannot start at all (exit 1), which is not this check.
  if (r.err.find("no Python 3") == std::string::npos) {
    CHECK(r.code == 2);
    CHECK(r.err.find("Traceback") == std::string::npos);
  }
}
