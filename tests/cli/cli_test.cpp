// End-to-end tests of the cmhsim executable: help, version, run outputs, exit codes, and that
// bad input never creates or replaces an output file.
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;

using cmhsim::cli_test::write;

const char* kSmallScenario = R"(name: small
horizon_days: 500
warmup_days: 50
replications: 4
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

}  // namespace

TEST_CASE("help and version exit zero and describe the program", "[cli]") {
  const auto dir = scratch("help");
  auto r = run_cmhsim("--help", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("cmhsim run FILE.yaml") != std::string::npos);
  CHECK(r.out.find("cmhsim compare A.yaml B.yaml") != std::string::npos);
  r = run_cmhsim("run --help", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("--summary-json") != std::string::npos);
  CHECK(r.out.find("--persons") != std::string::npos);
  r = run_cmhsim("compare --help", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("common random") != std::string::npos);
  r = run_cmhsim("--version", dir);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("cmhsim ", 0) == 0);
}

TEST_CASE("unknown commands and options exit 2 with a hint", "[cli][bad-input]") {
  const auto dir = scratch("usage");
  auto r = run_cmhsim("frobnicate", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
  r = run_cmhsim("run --replicatons 3 x.yaml", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("cmhsim --help") != std::string::npos);
}

TEST_CASE("run writes HDF5 and a JSON summary with confidence intervals", "[cli]") {
  const auto dir = scratch("run");
  write(dir / "small.yaml", kSmallScenario);
  const auto r = run_cmhsim("run " + (dir / "small.yaml").string() + " -o " +
                                (dir / "out" / "small.h5").string() + " --summary-json " +
                                (dir / "small.json").string() + " --threads 2",
                            dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("service desk") != std::string::npos);
  CHECK(fs::file_size(dir / "out" / "small.h5") > 1000);
  const YAML::Node json = YAML::LoadFile((dir / "small.json").string());
  const YAML::Node util = json["services"]["desk"]["utilisation"];
  const double mean = util["mean"].as<double>();
  // Offered load 1.6 on 2 servers: utilisation 0.8.
  CHECK(mean == Approx(0.8).margin(0.05));
  REQUIRE(util["ci95"].size() == 2);
  CHECK(util["ci95"][0].as<double>() <= mean);
  CHECK(util["ci95"][1].as<double>() >= mean);
  CHECK(json["metrics"].IsMap());
  CHECK(json["metrics"].size() == 0);  // a queueing network has no end-of-run model metrics
  for (const char* m : {"mean_wait", "mean_in_queue", "throughput_per_day", "blocked_fraction",
                        "reneged_fraction"}) {
    CHECK(json["services"]["desk"][m]["mean"]);
  }
}

TEST_CASE("run is bit-identical whatever the thread count", "[cli][determinism]") {
  const auto dir = scratch("threads");
  write(dir / "small.yaml", kSmallScenario);
  for (const char* t : {"1", "2"}) {
    const auto r =
        run_cmhsim("run " + (dir / "small.yaml").string() + " -q -o " +
                       (dir / (std::string("t") + t + ".h5")).string() + " --summary-json " +
                       (dir / (std::string("t") + t + ".json")).string() + " --threads " + t,
                   dir);
    REQUIRE(r.code == 0);
  }
  CHECK(slurp(dir / "t1.json") == slurp(dir / "t2.json"));
}

TEST_CASE("a bad scenario exits 2, names the place and leaves outputs alone", "[cli][bad-input]") {
  const auto dir = scratch("bad");
  std::string bad = kSmallScenario;
  bad.replace(bad.find("servers: 2"), 10, "servrs: 2");
  write(dir / "bad.yaml", bad);
  write(dir / "good.h5", "previous results");
  const auto r =
      run_cmhsim("run " + (dir / "bad.yaml").string() + " -o " + (dir / "good.h5").string() +
                     " --summary-json " + (dir / "new.json").string(),
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("bad.yaml:12:5: services.desk.servrs: unknown key (did you mean 'servers'?)") !=
        std::string::npos);
  CHECK(slurp(dir / "good.h5") == "previous results");
  CHECK_FALSE(fs::exists(dir / "new.json"));
}

TEST_CASE("an output that is a directory exits 2 before running and leaves no temporary file",
          "[cli]") {
  const auto dir = scratch("unwritable");
  write(dir / "small.yaml", kSmallScenario);
  // A directory where the results file should go: refused before the run, even as root.
  fs::create_directories(dir / "out.h5" / "keep");
  const auto r = run_cmhsim(
      "run " + (dir / "small.yaml").string() + " -q -o " + (dir / "out.h5").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("out.h5") != std::string::npos);
  CHECK(fs::is_directory(dir / "out.h5" / "keep"));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 4);  // small.yaml, out.h5/, stdout, stderr: no temporary file remains.
}

TEST_CASE("every scenario in scenarios/ validates", "[cli]") {
  const auto dir = scratch("validate");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CMHSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const auto r = run_cmhsim("validate " + entry.path().string(), dir);
    INFO(entry.path() << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find(": OK (") != std::string::npos);
    const bool kind_named = r.out.find("(queueing network:") != std::string::npos ||
                            r.out.find("(pathway model:") != std::string::npos ||
                            r.out.find("(sweep: ") != std::string::npos;
    CHECK(kind_named);
  }
  CHECK(files >= 2);
}

TEST_CASE("params lists every scenario key with its unit", "[cli]") {
  const auto dir = scratch("params");
  const auto r = run_cmhsim("params", dir);
  CHECK(r.code == 0);
  for (const char* key :
       {"horizon_days", "services.<name>.servers", "arrivals.<name>.interarrival"}) {
    CHECK(r.out.find(key) != std::string::npos);
  }
}
