// End-to-end tests that an output path never replaces an input, another output, a device, a FIFO,
// a directory or a symbolic link, and that bad names, options and input files are refused early.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/interrupt.hpp"
#include "cli_support.hpp"
#include "io/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;

using cmhsim::cli_test::write;

const char* kScenario = R"(name: tiny
horizon_days: 200
warmup_days: 20
replications: 2
seed: 3
arrivals:
  poisson:
    to: desk
    interarrival: {dist: exponential, mean: 0.5}
services:
  desk:
    servers: 2
    service_time: {dist: exponential, mean: 0.8}
)";

/// Writes the tiny network scenario to `dir`/s.yaml and returns its path.
fs::path scenario(const fs::path& dir) {
  const fs::path p = dir / "s.yaml";
  write(p, kScenario);
  return p;
}

/// Writes a two-point sweep over `base` to `dir`/sw.yaml and returns its path.
fs::path sweep_file(const fs::path& dir, const fs::path& base) {
  const fs::path p = dir / "sw.yaml";
  write(p, "name: tiny_sweep\nbase: " + base.string() +
               "\ndesign: factorial\nreplications: 2\n"
               "axes:\n  services.desk.servers: {values: [2, 3]}\n");
  return p;
}

/// Returns true when the command ran nothing: no summary table was printed.
bool ran_nothing(const Result& r) { return r.out.find("replications") == std::string::npos; }

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("run refuses an output that is its own scenario file", "[abuse][cli]") {
  const auto dir = scratch("abuse-run-self");
  const fs::path s = scenario(dir);
  const Result r = run_cmhsim("run -q " + q(s) + " -o " + q(s), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(ran_nothing(r));
  CHECK(slurp(s) == kScenario);
}

TEST_CASE("run compares files, not spellings: ./ paths and hard links alias too", "[abuse][cli]") {
  const auto dir = scratch("abuse-run-alias");
  const fs::path s = scenario(dir);
  Result r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "." / "s.yaml"), dir);
  CHECK(r.code == 2);
  CHECK(slurp(s) == kScenario);
  fs::create_hard_link(s, dir / "link.h5");
  r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "link.h5"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(slurp(dir / "link.h5") == kScenario);
}

TEST_CASE("run refuses two outputs naming one new file", "[abuse][cli]") {
  const auto dir = scratch("abuse-run-two-outputs");
  const fs::path s = scenario(dir);
  const Result r = run_cmhsim(
      "run -q " + q(s) + " -o " + q(dir / "x.h5") + " --summary-json " + q(dir / "." / "x.h5"),
      dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("--summary-json") != std::string::npos);
  CHECK(ran_nothing(r));
  CHECK_FALSE(fs::exists(dir / "x.h5"));
}

TEST_CASE("compare refuses an output that is one of its scenarios", "[abuse][cli]") {
  const auto dir = scratch("abuse-compare-self");
  const fs::path a = scenario(dir);
  const fs::path b = dir / "b.yaml";
  write(b, std::string(kScenario).replace(6, 4, "tinb"));
  const Result r = run_cmhsim("compare -q " + q(a) + " " + q(b) + " -o " + q(b), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(slurp(b) == std::string(kScenario).replace(6, 4, "tinb"));
}

TEST_CASE("sweep refuses an output that is the sweep file or its base scenario", "[abuse][cli]") {
  const auto dir = scratch("abuse-sweep-self");
  const fs::path s = scenario(dir);
  const fs::path sw = sweep_file(dir, s);
  const std::string sweep_text = slurp(sw);
  Result r = run_cmhsim("sweep -q " + q(sw) + " -o " + q(sw), dir);
  CHECK(r.code == 2);
  CHECK(slurp(sw) == sweep_text);
  r = run_cmhsim("sweep -q " + q(sw) + " -o " + q(s), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(slurp(s) == kScenario);
  CHECK_FALSE(fs::exists(dir / "s.yaml.partial"));
}

TEST_CASE("sweep refuses a directory output without leaving a checkpoint folder", "[abuse][cli]") {
  const auto dir = scratch("abuse-sweep-dir");
  const fs::path sw = sweep_file(dir, scenario(dir));
  fs::create_directory(dir / "out");
  const Result r = run_cmhsim("sweep -q " + q(sw) + " -o " + q(dir / "out"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("directory") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.partial"));
}

TEST_CASE("merge refuses an output that is one of its shards, however spelled", "[abuse][cli]") {
  const auto dir = scratch("abuse-merge-self");
  write(dir / "s1.h5", "shard one");
  write(dir / "shard0.h5", "shard zero");
  const Result r = run_cmhsim(
      "merge " + q(dir / "." / "s1.h5") + " " + q(dir / "shard0.h5") + " " + q(dir / "s1.h5"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(slurp(dir / "s1.h5") == "shard one");
}

TEST_CASE("export refuses to write a table over its own input", "[abuse][cli]") {
  const auto dir = scratch("abuse-export-self");
  const fs::path s = scenario(dir);
  fs::create_directory(dir / "csv");
  const fs::path input = dir / "csv" / "metrics_summary.csv";
  REQUIRE(run_cmhsim("run -q " + q(s) + " -o " + q(input), dir).code == 0);
  const std::string before = slurp(input);
  const Result r = run_cmhsim("export " + q(input) + " --csv " + q(dir / "csv"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("same file") != std::string::npos);
  CHECK(slurp(input) == before);
}

TEST_CASE("export refuses a --csv path that is a file", "[abuse][cli]") {
  const auto dir = scratch("abuse-export-file");
  const fs::path s = scenario(dir);
  REQUIRE(run_cmhsim("run -q " + q(s) + " -o " + q(dir / "r.h5"), dir).code == 0);
  write(dir / "notdir", "keep");
  const Result r = run_cmhsim("export " + q(dir / "r.h5") + " --csv " + q(dir / "notdir"), dir);
  CHECK(r.code == 2);
  CHECK(slurp(dir / "notdir") == "keep");
}

TEST_CASE("report refuses an output directory that is its input file", "[abuse][cli]") {
  const auto dir = scratch("abuse-report-self");
  write(dir / "r.h5", "results");
  const Result r = run_cmhsim("report " + q(dir / "r.h5") + " -o " + q(dir / "r.h5"), dir);
  CHECK(r.code == 2);
  CHECK(slurp(dir / "r.h5") == "results");
}

TEST_CASE("run refuses a FIFO, a device and a symbolic link as its output", "[abuse][cli]") {
  const auto dir = scratch("abuse-run-special");
  const fs::path s = scenario(dir);
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  Result r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "fifo"), dir);
  CHECK(r.code == 2);
  CHECK(ran_nothing(r));
  CHECK(fs::is_fifo(dir / "fifo"));

  // A private copy of /dev/null: the system's must never be put at risk by a test.
  if (::mknod((dir / "null").c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) {
    r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "null"), dir);
    CHECK(r.code == 2);
    CHECK(r.err.find("not a regular file") != std::string::npos);
    CHECK(fs::is_character_file(dir / "null"));
  }

  write(dir / "target.h5", "old");
  fs::create_symlink(dir / "target.h5", dir / "link.h5");
  r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "link.h5"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("symbolic link") != std::string::npos);
  CHECK(fs::is_symlink(dir / "link.h5"));
  CHECK(slurp(dir / "target.h5") == "old");

  fs::create_symlink("/proc/self/fd/1", dir / "stdout_link");
  r = run_cmhsim("run -q " + q(s) + " --summary-json " + q(dir / "stdout_link"), dir);
  CHECK(r.code == 2);
  CHECK(fs::is_symlink(dir / "stdout_link"));
}

TEST_CASE("output directories, trailing slashes and empty names are refused before running",
          "[abuse][cli]") {
  const auto dir = scratch("abuse-run-badout");
  const fs::path s = scenario(dir);
  fs::create_directory(dir / "existing");
  Result r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "existing"), dir);
  CHECK(r.code == 2);
  CHECK(ran_nothing(r));
  r = run_cmhsim("run -q " + q(s) + " -o " + dir.string() + "/newdir/", dir);
  CHECK(r.code == 2);
  CHECK(ran_nothing(r));
  CHECK_FALSE(fs::exists(dir / "newdir"));
  r = run_cmhsim("run -q " + q(s) + " -o ''", dir);
  CHECK(r.code == 2);
  CHECK(ran_nothing(r));
  write(dir / "plain", "x");
  r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "plain" / "x.h5"), dir);
  CHECK(r.code == 2);
  CHECK(ran_nothing(r));
}

TEST_CASE("an unknown --precision metric creates no output folder", "[abuse][cli]") {
  const auto dir = scratch("abuse-precision-dir");
  const fs::path s = scenario(dir);
  const Result r = run_cmhsim(
      "run -q " + q(s) + " --precision nosuchmetric=0.1 -o " + q(dir / "made" / "x.h5"), dir);
  CHECK(r.code == 2);
  CHECK_FALSE(fs::exists(dir / "made"));
}

TEST_CASE("negative and absurd counts on the command line exit 2 with a message", "[abuse][cli]") {
  const auto dir = scratch("abuse-counts");
  const fs::path s = scenario(dir);
  const auto refused = [&](const std::string& option, const std::string& named) {
    const Result r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "x.h5") + " " + option, dir);
    INFO(option << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(named) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.h5"));
  };
  refused("--seed=-1", "--seed");
  refused("--replications=-1", "--replications");
  refused("--precision desk.mean_wait=0.1 --max-replications=-1", "--max-replications");
  refused("--threads 10000", "--threads");
  refused("--threads=-3", "--threads");
}

TEST_CASE("validate refuses a directory, a device and a FIFO and goes on", "[abuse][cli]") {
  const auto dir = scratch("abuse-validate-special");
  const fs::path s = scenario(dir);
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  const Result r =
      run_cmhsim("validate " + q(dir) + " /dev/zero " + q(dir / "fifo") + " " + q(s), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find(dir.string() + ":0:0: cannot read the file: it is a directory") !=
        std::string::npos);
  CHECK(r.err.find("/dev/zero:0:0: cannot read the file: not a regular file") != std::string::npos);
  CHECK(r.err.find("fifo:0:0: cannot read the file: not a regular file") != std::string::npos);
  CHECK(r.out.find(s.string() + ": OK") != std::string::npos);
}

TEST_CASE("a scenario file over the size limit is refused", "[abuse][cli]") {
  const auto dir = scratch("abuse-validate-large");
  const fs::path big = dir / "big.yaml";
  {
    std::ofstream out(big);
    out << kScenario << "# ";
    out << std::string(5 * 1024 * 1024, 'x') << "\n";
  }
  const Result r = run_cmhsim("validate " + q(big), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("larger than the limit") != std::string::npos);
}

TEST_CASE("a scenario name that is not a plain file name is refused where it is written",
          "[abuse][cli]") {
  const auto dir = scratch("abuse-name");
  for (const std::string name : {"../../../tmp/x/evil", "/abs/evil", "..", "a b"}) {
    const fs::path s = dir / "s.yaml";
    write(s, "name: '" + name + "'\n" + std::string(kScenario).substr(11));
    const Result r = run_cmhsim("validate " + q(s), dir);
    INFO(name << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(s.string() + ":1:7: name:") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "results"));
}

TEST_CASE("a sweep name that is not a plain file name is refused before anything is written",
          "[abuse][cli]") {
  const auto dir = scratch("abuse-sweep-name");
  const fs::path s = scenario(dir);
  write(dir / "sw.yaml", "name: ../evil\nbase: " + s.string() +
                             "\ndesign: factorial\nreplications: 2\n"
                             "axes:\n  services.desk.servers: {values: [2, 3]}\n");
  const Result r = run_cmhsim("sweep -q " + q(dir / "sw.yaml"), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("../evil") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "evil.h5.partial"));
  CHECK_FALSE(fs::exists(dir / "results"));
}

TEST_CASE("stale temporaries of dead processes are removed when an output is written",
          "[abuse][cli]") {
  const auto dir = scratch("abuse-stale-temp");
  const fs::path s = scenario(dir);
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path stale = dir / (".x.h5.tmp-" + std::to_string(child) + "-0");
  write(stale, "half written");
  const Result r = run_cmhsim("run -q " + q(s) + " -o " + q(dir / "x.h5"), dir);
  CHECK(r.code == 0);
  CHECK_FALSE(fs::exists(stale));
}

TEST_CASE("SIGTERM while a temporary is being written removes it before the process ends",
          "[abuse][cli]") {
  const auto dir = scratch("abuse-sigterm-temp");
  const std::string target = (dir / "out.h5").string();
  const std::string marker = (dir / "temp-name").string();
  const pid_t child = ::fork();
  if (child == 0) {
    cmhsim::cli::remove_temporaries_on_signal();
    cmhsim::io::AtomicOutput out(target);
    std::ofstream(out.temp_path()) << "partial";
    std::ofstream(marker) << out.temp_path();
    ::raise(SIGTERM);
    ::_exit(0);  // not reached: the handler ends the process with SIGTERM
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  const std::string temp = slurp(marker);
  REQUIRE_FALSE(temp.empty());
  CHECK_FALSE(fs::exists(temp));
  CHECK_FALSE(fs::exists(target));
}
