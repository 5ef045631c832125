// End-to-end tests of `cmhsim compare`: paired differences on network scenarios, files written,
// determinism, and incomparable scenarios refused with exit code 2.
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

fs::path scratch(const std::string& name) { return cmhsim::cli_test::scratch("compare-" + name); }
using cmhsim::cli_test::run;
using cmhsim::cli_test::run_cmhsim;

/// Returns a one-desk network scenario called `name` with `servers` servers.
std::string desk(const std::string& name, int servers, const std::string& service = "desk") {
  return "name: " + name +
         "\nhorizon_days: 400\nwarmup_days: 40\nreplications: 12\nseed: 9\narrivals:\n"
         "  poisson:\n    to: " +
         service + "\n    interarrival: {dist: exponential, mean: 0.5}\nservices:\n  " + service +
         ":\n    servers: " + std::to_string(servers) +
         "\n    service_time: {dist: exponential, mean: 0.8}\n";
}

using cmhsim::cli_test::write;

}  // namespace

TEST_CASE("compare pairs network scenarios: paired CI narrower than unpaired", "[cli]") {
  const auto dir = scratch("network");
  write(dir / "two.yaml", desk("two", 2));
  write(dir / "three.yaml", desk("three", 3));
  write(dir / "four.yaml", desk("four", 4));
  const auto r = run_cmhsim("compare " + (dir / "two.yaml").string() + " " +
                                (dir / "three.yaml").string() + " " + (dir / "four.yaml").string() +
                                " -q --threads 2 -o " + (dir / "out" / "cmp.h5").string() +
                                " --summary-json " + (dir / "cmp.json").string(),
                            dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("three vs two: paired differences over 12 replications") != std::string::npos);
  CHECK(r.out.find("four vs two") != std::string::npos);
  CHECK(r.out.find("services.desk.mean_wait") != std::string::npos);
  CHECK(fs::file_size(dir / "out" / "cmp.h5") > 1000);

  const YAML::Node json = YAML::LoadFile((dir / "cmp.json").string());
  REQUIRE(json["scenarios"].size() == 3);
  CHECK(json["scenarios"][0].as<std::string>() == "two");
  const YAML::Node wait = json["metrics"]["services.desk.mean_wait"];
  REQUIRE(wait.IsMap());
  // Erlang C: mean waits 1.42 days with two servers, 0.16 with three.
  CHECK(wait["two"]["mean"].as<double>() == Approx(1.42).epsilon(0.35));
  CHECK(wait["three"]["mean"].as<double>() == Approx(0.156).epsilon(0.35));
  for (const char* name : {"three", "four"}) {
    INFO(name);
    const YAML::Node d = json["differences"][name]["services.desk.mean_wait"];
    REQUIRE(d.IsMap());
    const double lo = d["ci95"][0].as<double>();
    const double hi = d["ci95"][1].as<double>();
    const double ulo = d["unpaired_ci95"][0].as<double>();
    const double uhi = d["unpaired_ci95"][1].as<double>();
    CHECK(hi < 0.0);  // more servers, shorter waits
    CHECK(lo <= d["mean"].as<double>());
    CHECK(hi - lo < uhi - ulo);  // common random numbers pay off
    const double expected = json["metrics"]["services.desk.mean_wait"][name]["mean"].as<double>() -
                            wait["two"]["mean"].as<double>();
    CHECK(d["mean"].as<double>() == Approx(expected).epsilon(1e-12));
  }
  // Utilisation moves with the shared arrivals, so pairing removes most of the noise.
  const YAML::Node util = json["differences"]["three"]["services.desk.utilisation"];
  CHECK(util["ci95"][1].as<double>() - util["ci95"][0].as<double>() <
        0.5 * (util["unpaired_ci95"][1].as<double>() - util["unpaired_ci95"][0].as<double>()));
  CHECK_FALSE(json["differences"]["two"]);
}

TEST_CASE("compare is bit-identical whatever the thread count", "[cli][determinism]") {
  const auto dir = scratch("threads");
  write(dir / "two.yaml", desk("two", 2));
  write(dir / "three.yaml", desk("three", 3));
  for (const char* t : {"1", "2"}) {
    const auto r = run_cmhsim(
        "compare " + (dir / "two.yaml").string() + " " + (dir / "three.yaml").string() +
            " -q -r 4 -o " + (dir / (std::string("t") + t + ".h5")).string() + " --summary-json " +
            (dir / (std::string("t") + t + ".json")).string() + " --threads " + t,
        dir);
    REQUIRE(r.code == 0);
  }
  CHECK(slurp(dir / "t1.json") == slurp(dir / "t2.json"));
  CHECK(slurp(dir / "t1.json").find("\"replications\":4") != std::string::npos);
}

TEST_CASE("compare refuses incomparable scenarios with exit code 2 and writes nothing",
          "[cli][bad-input]") {
  const auto dir = scratch("bad");
  write(dir / "two.yaml", desk("two", 2));
  write(dir / "counter.yaml", desk("counter", 2, "counter"));
  auto r = run_cmhsim("compare " + (dir / "two.yaml").string() + " " +
                          (dir / "counter.yaml").string() + " -q -o " + (dir / "x.h5").string(),
                      dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("services differ: [desk] in two, [counter] in counter") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.h5"));

  r = run_cmhsim("compare " + (dir / "two.yaml").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("two or more scenario files") != std::string::npos);

  r = run_cmhsim("compare " + (dir / "two.yaml").string() + " " + (dir / "two.yaml").string() +
                     " -q -o " + (dir / "x.h5").string(),
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("two scenarios are called 'two'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.h5"));
}

TEST_CASE("a comparison file reads in Python with h5py", "[cli]") {
  const auto dir = scratch("h5py");
  if (run("/usr/bin/python3 -c 'import h5py'", dir).code != 0) {
    WARN("h5py is not installed; skipping");
    return;
  }
  write(dir / "two.yaml", desk("two", 2));
  write(dir / "three.yaml", desk("three", 3));
  REQUIRE(run_cmhsim("compare " + (dir / "two.yaml").string() + " " +
                         (dir / "three.yaml").string() + " -q -r 3 -o " + (dir / "cmp.h5").string(),
                     dir)
              .code == 0);
  write(dir / "check.py", R"(import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    assert f.attrs["schema"] == "cmhsim-results" and f.attrs["schema_version"] == 2
    assert f.attrs["content"] == "comparison"
    order = list(f["scenarios"].attrs["order"])
    assert order == ["two", "three"], order
    g = f["scenarios/three"]
    assert g.attrs["model"] == "network"
    assert g["services/desk/replications"].shape == (3, 7)
    assert g["metrics/replications"].shape == (3, 0)
    assert g["series/replications"].shape == (3, 0, 0)
    c = f["comparison"]
    names = list(c.attrs["names"])
    assert c["difference_mean"].shape == (1, len(names)), c["difference_mean"].shape
    k = names.index("services.desk.mean_wait")
    assert c["ci95_hi"][0, k] < 0 < c["unpaired_ci95_hi"][0, k] - c["unpaired_ci95_lo"][0, k]
print("ok")
)");
  const auto r =
      run("/usr/bin/python3 " + (dir / "check.py").string() + " " + (dir / "cmp.h5").string(), dir);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "ok\n");
}
