// End-to-end test of the cost-effectiveness output of `cmhsim compare` on small pathway
// scenarios: the printed table, the JSON fields and their values, and --thresholds.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "cli_support.hpp"
#include "h5_compare.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::write;

/// Returns a small pathway scenario of two years after one of warm-up, with `extra` appended.
std::string small(const std::string& name, const std::string& extra = "") {
  return "name: " + name +
         "\nhorizon_days: 1095.75\nwarmup_days: 365.25\nreplications: 5\nseed: 4\npopulation:\n"
         "  register_size: 600\n" +
         extra;
}

}  // namespace

TEST_CASE("compare reports cost-effectiveness against the first scenario",
          "[cli][pathway][cost_effectiveness]") {
  const auto dir = cmhsim::cli_test::scratch("cost-effectiveness");
  write(dir / "base.yaml", small("base"));
  write(dir / "cp.yaml",
        small("cp", "care_partners:\n  fte: 3\nsupervision:\n  supervisor_fte: 0.5\n"));
  const auto r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                                (dir / "cp.yaml").string() + " -q -o " + (dir / "cmp.h5").string() +
                                " --summary-json " + (dir / "cmp.json").string(),
                            dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Cost-effectiveness against base") != std::string::npos);
  CHECK(r.out.find("net monetary benefit at 20000") != std::string::npos);
  CHECK(r.out.find("EVPI at 30000 GBP per QALY") != std::string::npos);

  const YAML::Node json = YAML::LoadFile((dir / "cmp.json").string());
  for (const char* metric : {"qalys_per_person", "discounted_cost_per_person"}) {
    INFO(metric);
    const double base = json["metrics"][metric]["base"]["mean"].as<double>();
    CHECK(base > 0.0);
    CHECK(json["metrics"][metric]["cp"]["mean"].as<double>() > 0.0);
  }
  // Two observed years at utilities below 1: fewer than 2 QALYs per person, but not far fewer.
  const double qalys = json["metrics"]["qalys_per_person"]["base"]["mean"].as<double>();
  CHECK(qalys < 2.0);
  CHECK(qalys > 0.8);
  const YAML::Node ce = json["cost_effectiveness"];
  REQUIRE(ce.IsMap());
  CHECK(ce.size() == 1);
  const YAML::Node cp = ce["cp"];
  REQUIRE(cp.IsMap());
  for (const char* key : {"incremental_cost", "incremental_qalys", "icer",
                          "net_monetary_benefit_20000", "net_monetary_benefit_30000"}) {
    INFO(key);
    REQUIRE(cp[key]["mean"]);
    CHECK(cp[key]["ci95"].size() == 2);
  }
  // Three Care Partners and a supervisor cost money: about 38,000 x 3 + 55,000 / 2 a year.
  const double dc = cp["incremental_cost"]["mean"].as<double>();
  CHECK(dc > 0.0);
  const double dq = cp["incremental_qalys"]["mean"].as<double>();
  CHECK(std::abs(dq) < 0.1);
  const double nmb = cp["net_monetary_benefit_20000"]["mean"].as<double>();
  CHECK(nmb == Approx(20000.0 * dq - dc).epsilon(1e-9));
  for (const char* key : {"probability_cost_effective_20000", "probability_cost_effective_30000"}) {
    INFO(key);
    const double p = cp[key].as<double>();
    CHECK(p >= 0.0);
    CHECK(p <= 1.0);
    CHECK(std::abs(p * 5.0 - std::round(p * 5.0)) < 1e-12);  // A share of 5 replications.
  }
  CHECK(cp["evpi_per_person"].as<double>() >= 0.0);

  const auto t =
      run_cmhsim("compare " + (dir / "base.yaml").string() + " " + (dir / "cp.yaml").string() +
                     " -q --thresholds 0,50000 -o " + (dir / "t.h5").string() + " --summary-json " +
                     (dir / "t.json").string(),
                 dir);
  INFO(t.err);
  REQUIRE(t.code == 0);
  const YAML::Node tj = YAML::LoadFile((dir / "t.json").string())["cost_effectiveness"]["cp"];
  CHECK_FALSE(tj["net_monetary_benefit_20000"]);
  CHECK(tj["net_monetary_benefit_0"]["mean"].as<double>() == Approx(-dc).epsilon(1e-9));
  // At a threshold of 0 the scenario is cost-effective exactly in the replications that save money.
  const auto datasets = cmhsim::test::read_all_datasets((dir / "t.h5").string());
  const auto& costs = datasets.at("cost_effectiveness/incremental_cost").numbers;
  REQUIRE(costs.size() == 5);
  double saving = 0.0;
  for (const double c : costs) saving += c < 0.0 ? 1.0 : 0.0;
  CHECK(tj["probability_cost_effective_0"].as<double>() == Approx(saving / 5.0));
  CHECK(tj["probability_cost_effective_50000"]);
}
