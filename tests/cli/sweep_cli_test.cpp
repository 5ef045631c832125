// End-to-end tests of `cmhsim sweep`, `merge` and `export`: thread-count independence,
// interruption by SIGINT and SIGKILL with resume, shards and merge, and CSV tables.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "cli_support.hpp"
#include "h5_compare.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;

/// Writes a 12-point sweep (4 x 3) over the shipped ICS scenario with a short horizon.
fs::path write_sweep(const fs::path& dir, int replications = 2) {
  const fs::path base = fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "ics_partners.yaml";
  const fs::path p = dir / "sweep.yaml";
  std::ofstream(p) << "name: test_sweep\nbase: " << base.string()
                   << "\ndesign: factorial\nreplications: " << replications
                   << "\nset:\n  horizon_days: 912\n  warmup_days: 182\n"
                      "axes:\n  care_partners.fte: {values: [5, 10, 20, 40]}\n"
                      "  supervision.supervisor_fte: {values: [0, 1, 3]}\n";
  return p;
}

/// Returns how many point checkpoints `dir` holds.
int checkpoints(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind("point-", 0) == 0) ++n;
  }
  return n;
}

/// Starts cmhsim with `args` (stdout and stderr to files in `dir`); returns its pid.
pid_t spawn(const std::vector<std::string>& args, const fs::path& dir) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, (dir / "stdout").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, (dir / "stderr").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> all{CMHSIM_EXE};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, CMHSIM_EXE, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

/// Waits (up to a minute) until `partial` holds a checkpoint; returns whether one appeared.
bool wait_for_checkpoint(const fs::path& partial) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (checkpoints(partial) > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

/// Checks every dataset of `a` equals the same dataset of `b`, and that they have the same ones.
void require_same_data(const fs::path& a, const fs::path& b) {
  const auto da = cmhsim::test::read_all_datasets(a.string());
  const auto db = cmhsim::test::read_all_datasets(b.string());
  REQUIRE(da.size() == db.size());
  REQUIRE(da.size() > 100);
  for (const auto& [name, values] : da) {
    INFO(name);
    REQUIRE(db.count(name) == 1);
    CHECK(values == db.at(name));
  }
}

}  // namespace

TEST_CASE("sweep results are identical with 1 and 2 threads", "[cli][sweep][determinism]") {
  const auto dir = scratch("sweep-threads");
  const auto sweep = write_sweep(dir);
  auto r = run_cmhsim(
      "sweep " + sweep.string() + " -o " + (dir / "t1.h5").string() + " --threads 1", dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = run_cmhsim("sweep " + sweep.string() + " -o " + (dir / "t2.h5").string() + " --threads 2",
                 dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("12 points") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "t2.h5.partial"));
  require_same_data(dir / "t1.h5", dir / "t2.h5");
  // Points differ from each other: Care Partner FTE changes the outcomes.
  const auto data = cmhsim::test::read_all_datasets((dir / "t1.h5").string());
  CHECK_FALSE(data.at("points/0/metrics/replications") == data.at("points/9/metrics/replications"));
  CHECK(data.at("sweep/settings").strings.size() == 24);
  CHECK(data.at("sweep/settings").strings[2 * 9] == "40");  // point 9: fte 40, supervisors 0
}

TEST_CASE("an interrupted sweep exits 130, keeps finished points and resumes to the same data",
          "[cli][sweep]") {
  const auto dir = scratch("sweep-interrupt");
  const auto sweep = write_sweep(dir);
  REQUIRE(run_cmhsim("sweep " + sweep.string() + " -o " + (dir / "full.h5").string(), dir).code ==
          0);

  const fs::path out = dir / "cut.h5";
  const fs::path partial = dir / "cut.h5.partial";
  const pid_t pid = spawn({"sweep", sweep.string(), "-o", out.string(), "--threads", "1"}, dir);
  REQUIRE(wait_for_checkpoint(partial));
  kill(pid, SIGINT);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  const int kept = checkpoints(partial);
  CHECK(kept >= 1);
  CHECK(kept < 12);
  CHECK_FALSE(fs::exists(out));
  const std::string err = slurp(dir / "stderr");
  CHECK(err.find("interrupted: " + std::to_string(kept) +
                 " of 12 points done; run again with "
                 "--resume") != std::string::npos);

  // Without --resume the checkpoints are not silently overwritten.
  auto r = run_cmhsim("sweep " + sweep.string() + " -o " + out.string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("--resume") != std::string::npos);

  r = run_cmhsim("sweep " + sweep.string() + " -o " + out.string() + " --resume", dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(fs::exists(partial));
  require_same_data(dir / "full.h5", out);
}

TEST_CASE("a sweep killed with SIGKILL resumes from its atomic checkpoints", "[cli][sweep]") {
  const auto dir = scratch("sweep-kill");
  const auto sweep = write_sweep(dir);
  REQUIRE(run_cmhsim("sweep " + sweep.string() + " -o " + (dir / "full.h5").string(), dir).code ==
          0);
  const fs::path out = dir / "killed.h5";
  const fs::path partial = dir / "killed.h5.partial";
  const pid_t pid = spawn({"sweep", sweep.string(), "-o", out.string(), "--threads", "2"}, dir);
  REQUIRE(wait_for_checkpoint(partial));
  kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));
  CHECK(checkpoints(partial) >= 1);
  CHECK_FALSE(fs::exists(out));
  const auto r = run_cmhsim("sweep " + sweep.string() + " -o " + out.string() + " --resume", dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  require_same_data(dir / "full.h5", out);
}

TEST_CASE("resume rejects checkpoints of a different sweep", "[cli][sweep][bad-input]") {
  const auto dir = scratch("sweep-mismatch");
  const auto sweep = write_sweep(dir);
  const fs::path out = dir / "m.h5";
  const pid_t pid = spawn({"sweep", sweep.string(), "-o", out.string(), "--threads", "1"}, dir);
  REQUIRE(wait_for_checkpoint(dir / "m.h5.partial"));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  write_sweep(dir, 3);  // the same sweep with 3 replications per point
  const auto r = run_cmhsim("sweep " + sweep.string() + " -o " + out.string() + " --resume", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("different sweep file text") != std::string::npos);
}

TEST_CASE("shards 0/2 and 1/2 merge into the unsharded sweep", "[cli][sweep]") {
  const auto dir = scratch("sweep-shards");
  const auto sweep = write_sweep(dir);
  REQUIRE(run_cmhsim("sweep " + sweep.string() + " -o " + (dir / "full.h5").string(), dir).code ==
          0);
  for (const char* s : {"0", "1"}) {
    const auto r =
        run_cmhsim("sweep " + sweep.string() + " -o " +
                       (dir / (std::string("s") + s + ".h5")).string() + " --shard " + s + "/2",
                   dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
  const auto shard0 = cmhsim::test::read_all_datasets((dir / "s0.h5").string());
  CHECK(shard0.count("points/0/metrics/replications") == 1);
  CHECK(shard0.count("points/1/metrics/replications") == 0);

  auto r =
      run_cmhsim("merge " + (dir / "merged.h5").string() + " " + (dir / "s0.h5").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("lack point") != std::string::npos);
  r = run_cmhsim("merge " + (dir / "merged.h5").string() + " " + (dir / "s0.h5").string() + " " +
                     (dir / "s0.h5").string(),
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("appears in both") != std::string::npos);
  r = run_cmhsim("merge " + (dir / "merged.h5").string() + " " + (dir / "s1.h5").string() + " " +
                     (dir / "s0.h5").string(),
                 dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  require_same_data(dir / "full.h5", dir / "merged.h5");
  r = run_cmhsim("sweep --shard 2/2 " + sweep.string(), dir);
  CHECK(r.code == 2);
}

TEST_CASE("export writes tidy CSV tables from a sweep file", "[cli][export]") {
  const auto dir = scratch("sweep-export");
  const auto sweep = write_sweep(dir);
  REQUIRE(run_cmhsim("sweep " + sweep.string() + " -o " + (dir / "s.h5").string(), dir).code == 0);
  auto r =
      run_cmhsim("export " + (dir / "s.h5").string() + " --csv " + (dir / "csv").string(), dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto lines = [&](const char* name) {
    std::ifstream in(dir / "csv" / name);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const auto data = cmhsim::test::read_all_datasets((dir / "s.h5").string());
  const auto& means = data.at("points/5/metrics/summary/mean");
  const std::size_t metrics = means.numbers.size();
  REQUIRE(metrics > 10);
  const auto summary = lines("metrics_summary.csv");
  CHECK(summary.front() == "point,scenario,metric,unit,mean,ci95_lo,ci95_hi,n");
  CHECK(summary.size() == 1 + 12 * metrics);
  CHECK(lines("metrics_replications.csv").size() == 1 + 12 * 2 * metrics);
  const auto& series = data.at("points/0/series/summary/mean");
  CHECK(lines("series_summary.csv").size() == 1 + 12 * series.dims[0] * series.dims[1]);
  CHECK(lines("services_summary.csv").size() > 12);
  // Point 5's first metric: the row's mean is the file's mean, exactly.
  const std::string prefix = "5,care_partners.fte=10; supervision.supervisor_fte=3,";
  const auto row = std::find_if(summary.begin(), summary.end(),
                                [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
  REQUIRE(row != summary.end());
  std::vector<std::string> fields;
  std::stringstream ss(row->substr(prefix.size()));
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  REQUIRE(fields.size() == 6);
  CHECK(std::stod(fields[2]) == means.numbers[0]);

  std::ofstream(dir / "junk.h5") << "not hdf5";
  r = run_cmhsim("export " + (dir / "junk.h5").string() + " --csv " + (dir / "csv2").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("not an HDF5 file") != std::string::npos);
}
