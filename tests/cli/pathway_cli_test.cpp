// End-to-end tests of `cmhsim run`, `compare` and `validate` on small pathway scenarios
// (500 people over two years): metrics tables, person tables, paired differences.
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::slurp;

fs::path scratch(const std::string& name) { return cmhsim::cli_test::scratch("pathway-" + name); }
using cmhsim::cli_test::run;
using cmhsim::cli_test::run_cmhsim;

/// Returns a small pathway scenario called `name`, with `extra` sections appended.
std::string pathway(const std::string& name, const std::string& extra = "",
                    int register_size = 500) {
  return "name: " + name +
         "\nhorizon_days: 730.5\nwarmup_days: 0\nreplications: 6\nseed: 4\npopulation:\n"
         "  register_size: " +
         std::to_string(register_size) + "\n" + extra;
}

const char* kCarePartners = "care_partners:\n  fte: 3\nsupervision:\n  supervisor_fte: 0.5\n";

using cmhsim::cli_test::write;

}  // namespace

TEST_CASE("run on a pathway scenario prints services and metrics and writes them",
          "[cli][pathway]") {
  const auto dir = scratch("run");
  write(dir / "base.yaml", pathway("base"));
  const auto r =
      run_cmhsim("run " + (dir / "base.yaml").string() + " -q -r 3 --persons --all-metrics -o " +
                     (dir / "base.h5").string() + " --summary-json " + (dir / "base.json").string(),
                 dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("(pathway)") != std::string::npos);
  CHECK(r.out.find("service cmht") != std::string::npos);
  CHECK(r.out.find("\nmetrics\n") != std::string::npos);
  CHECK(r.out.find("crises_per_1000_per_year.by_network.formal_sparse") != std::string::npos);
  const YAML::Node json = YAML::LoadFile((dir / "base.json").string());
  REQUIRE(json["metrics"].IsMap());
  const YAML::Node crises = json["metrics"]["crises_per_1000_per_year"];
  REQUIRE(crises.IsMap());
  CHECK(crises["mean"].as<double>() > 0.0);
  CHECK(crises["ci95"].size() == 2);
  CHECK(json["metrics"]["mean_quality_of_life.by_diagnosis.bipolar"]["mean"].as<double>() >= 1.0);
  CHECK(json["services"]["cmht"]);

  if (run("/usr/bin/python3 -c 'import h5py'", dir).code != 0) {
    WARN("h5py is not installed; skipping the Python read");
    return;
  }
  write(dir / "check.py", R"(import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    assert f.attrs["schema_version"] == 2 and f.attrs["model"] == "pathway"
    names = list(f["metrics/replications"].attrs["names"])
    assert "crises_per_1000_per_year.by_network.formal_sparse" in names
    assert f["metrics/replications"].shape == (3, len(names))
    reps, months, width = f["series/replications"].shape
    assert (reps, months) == (3, 24) and width == len(f["series/replications"].attrs["names"])
    assert f["series/summary/mean"].shape == (24, width)
    people = f["persons/2"][()]
    assert len(people) >= 500 and "care_partner_contacts" in people.dtype.names
print("ok")
)");
  const auto py = run(
      "/usr/bin/python3 " + (dir / "check.py").string() + " " + (dir / "base.h5").string(), dir);
  INFO(py.err);
  CHECK(py.out == "ok\n");
}

TEST_CASE("run and compare print only the headline outcomes unless asked for all",
          "[cli][pathway]") {
  const auto dir = scratch("headline");
  write(dir / "base.yaml", pathway("base"));
  const std::string out = " -q -o " + (dir / "x.h5").string();
  auto r = run_cmhsim("run " + (dir / "base.yaml").string() + " -r 2" + out, dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("headline metrics (all of them: --all-metrics)") != std::string::npos);
  CHECK(r.out.find("\n  people_in_gap ") != std::string::npos);
  CHECK(r.out.find("\n  cmht_mean_wait_days ") != std::string::npos);
  CHECK(r.out.find("service cmht") == std::string::npos);
  CHECK(r.out.find("by_network") == std::string::npos);
  CHECK(r.out.find("care_partners_in_post") == std::string::npos);

  // One file with --set: the file against a copy changed by --set.
  r = run_cmhsim("compare " + (dir / "base.yaml").string() +
                     " --set care_partners.fte=3 --set supervision.supervisor_fte=0.5 -r 3" + out,
                 dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("base_what_if vs base: paired differences over 3 replications (common random "
                   "numbers); headline outcomes (all of them: --all-metrics)") !=
        std::string::npos);
  CHECK(r.out.find("\n  people_in_gap ") != std::string::npos);
  CHECK(r.out.find("services.cmht.utilisation") == std::string::npos);
  r = run_cmhsim("compare " + (dir / "base.yaml").string() +
                     " --set care_partners.fte=3 -r 3 --all-metrics" + out,
                 dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("services.cmht.utilisation") != std::string::npos);
  CHECK(r.out.find("headline outcomes") == std::string::npos);
  r = run_cmhsim("compare " + (dir / "base.yaml").string() + " --set care_partners.fte=-1" + out,
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.rfind("--set care_partners.fte=-1: ", 0) == 0);
}

TEST_CASE("compare pairs pathway scenarios of one population", "[cli][pathway]") {
  const auto dir = scratch("compare");
  write(dir / "base.yaml", pathway("base"));
  write(dir / "cp.yaml", pathway("cp", kCarePartners));
  const auto r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                                (dir / "cp.yaml").string() + " -q -o " + (dir / "cmp.h5").string() +
                                " --summary-json " + (dir / "cmp.json").string(),
                            dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("cp vs base: paired differences over 6 replications") != std::string::npos);
  const YAML::Node json = YAML::LoadFile((dir / "cmp.json").string());
  CHECK(json["metrics"]["care_partners_in_post"]["base"]["mean"].as<double>() == 0.0);
  CHECK(json["metrics"]["care_partners_in_post"]["cp"]["mean"].as<double>() > 0.0);
  CHECK(json["metrics"]["crises_per_1000_per_year.by_network.formal_sparse"]["cp"]);
  CHECK(json["metrics"]["services.cmht.utilisation"]["base"]);
  // Care Partners reach people in the gap; the same people in both arms make the paired
  // interval far narrower than the unpaired one.
  const YAML::Node gap = json["differences"]["cp"]["people_in_gap"];
  REQUIRE(gap.IsMap());
  CHECK(gap["ci95"][1].as<double>() < 0.0);
  CHECK(gap["ci95"][1].as<double>() - gap["ci95"][0].as<double>() <
        gap["unpaired_ci95"][1].as<double>() - gap["unpaired_ci95"][0].as<double>());
}

TEST_CASE("compare refuses pathway scenarios of different populations or kinds",
          "[cli][pathway][bad-input]") {
  const auto dir = scratch("bad");
  write(dir / "base.yaml", pathway("base"));
  write(dir / "bigger.yaml", pathway("bigger", "", 600));
  write(dir / "net.yaml",
        "name: net\nhorizon_days: 100\narrivals:\n  a:\n    to: s\n    interarrival: {dist: "
        "exponential, mean: 1}\nservices:\n  s:\n    servers: 1\n"
        "    service_time: {dist: exponential, mean: 0.5}\n");
  auto r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                          (dir / "bigger.yaml").string() + " -q -o " + (dir / "x.h5").string(),
                      dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("population.register_size (500 in base, 600 in bigger)") != std::string::npos);
  r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " + (dir / "net.yaml").string() +
                     " -q -o " + (dir / "x.h5").string(),
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("base is a pathway scenario but net is a network scenario") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.h5"));

  r = run_cmhsim(
      "run " + (dir / "net.yaml").string() + " --persons -q -o " + (dir / "x.h5").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("--persons applies to pathway scenarios only") != std::string::npos);
}
