// Tests that bad calibration files (and targets CSVs) fail before anything runs, each error at
// the file, line and column of the offending entry with its key path. Public API only.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/calibration_file.hpp"
#include "scenario/scenario_error.hpp"

using namespace cmhsim::scenario;

namespace {

/// A calibration file name next to the shipped calibration scenarios, so paths resolve.
const std::string kFile = CMHSIM_SOURCE_DIR "/scenarios/calibration/bad_calibration.yaml";

ScenarioError calibration_error(const std::string& text) {
  try {
    (void)parse_calibration(text, kFile);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("the calibration was accepted:\n" << text);
  throw std::logic_error("unreachable");
}

void check_error(const std::string& text, int line, int column, const std::string& key_path,
                 const std::string& phrase) {
  const ScenarioError e = calibration_error(text);
  INFO("what(): " << e.what());
  CHECK(e.file() == kFile);
  CHECK(e.line() == line);
  CHECK(e.column() == column);
  CHECK(e.key_path() == key_path);
  CHECK_THAT(e.message(), Catch::Matchers::Contains(phrase));
}

const std::string kHead = "scenario: ics_small.yaml\n";
const std::string kParams =
    "parameters:\n  services.physical_check_probability: {uniform: [0.2, 0.6]}\n";
const std::string kTargets =
    "targets:\n  - {metric: physical_health_check_coverage, observed: 0.5, sd: 0.02}\n";

}  // namespace

TEST_CASE("a valid calibration file loads with its priors, targets and defaults", "[calibration]") {
  const CalibrationSpec s = parse_calibration(
      kHead + kParams +
          "  clinical.qol_target_base: {normal: [4.5, 0.3], truncated: [4, 5]}\n"
          "  clinical.struggling_to_crisis_per_year: plausible_range\n" +
          kTargets +
          "  - {metric: services.crisis_team.utilisation, observed: 0.8, ci95: [0.7, 0.9]}\n",
      kFile);
  REQUIRE(s.parameters.size() == 3);
  CHECK(s.parameters[0].kind == PriorKind::Uniform);
  CHECK(s.parameters[0].lo == 0.2);
  CHECK(s.parameters[1].kind == PriorKind::Normal);
  CHECK(s.parameters[1].mean == 4.5);
  CHECK(s.parameters[1].sd == 0.3);
  CHECK(s.parameters[2].lo == 0.5);  // The parameter table's plausible range.
  CHECK(s.parameters[2].hi == 1.5);
  REQUIRE(s.targets.size() == 2);
  CHECK(s.targets[1].sd == Approx(0.2 / 3.92));
  CHECK(s.method == "abc_smc");
  CHECK(s.abc.population == 200);
  CHECK(s.replications_per_point == 4);
  CHECK(s.budget == 20000);
  CHECK(s.seed == 20261123);  // The scenario's.
}

TEST_CASE("calibration keys are checked with suggestions", "[calibration][bad-input]") {
  check_error(kHead + kParams + kTargets + "budjet: 100\n", 6, 1, "budjet",
              "unknown key of calibration files (did you mean 'budget'?)");
  check_error(kHead + "parameters:\n  services.physical_check_probabilty: {uniform: [0.2, 0.6]}\n" +
                  kTargets,
              3, 3, "services.physical_check_probabilty",
              "did you mean 'physical_check_probability'");
  check_error(kHead +
                  "parameters:\n  services.physical_check_probability: {uniform: [0.2, 0.6], "
                  "mean: 1}\n" +
                  kTargets,
              3, 62, "parameters.services.physical_check_probability.mean",
              "unknown key of a prior");
  check_error(kHead + kParams + "targets:\n  - {metric: x, observed: 1, sdd: 1}\n", 5, 30,
              "targets[0].sdd", "did you mean 'sd'?");
  check_error(kHead + kParams + kTargets + "method: {name: abc_smcc}\n", 6, 16, "method.name",
              "abc_smc");
}

TEST_CASE("calibration priors and targets are checked at their entries",
          "[calibration][bad-input]") {
  check_error(kHead +
                  "parameters:\n  services.physical_check_probability: {uniform: [0.6, 0.2]}\n" +
                  kTargets,
              3, 50, "parameters.services.physical_check_probability.uniform", "expected lo < hi");
  check_error(kHead +
                  "parameters:\n  services.physical_check_probability: {uniform: [0.2, 1.6]}\n" +
                  kTargets,
              3, 50, "parameters.services.physical_check_probability.uniform", "leaves the bounds");
  check_error(kHead + "parameters:\n  clinical.qol_target_base: {normal: [4.5, 0.3]}\n" + kTargets,
              3, 30, "parameters.clinical.qol_target_base.truncated", "missing truncated");
  check_error(
      kHead + "parameters:\n  policies.cmht_discharge_destination: plausible_range\n" + kTargets, 3,
      3, "parameters.policies.cmht_discharge_destination", "only numeric keys");
  check_error(kHead + kParams + "targets:\n  - {metric: x, observed: 1}\n", 5, 5, "targets[0]",
              "expected sd or ci95");
  check_error(kHead + kParams + "targets:\n  - {metric: x, observed: 1, sd: 0}\n", 5, 34,
              "targets[0].sd", "expected a number > 0");
  check_error(kHead + kParams + "targets:\n  - {metric: x, scenario: trial, observed: 1, sd: 1}\n",
              5, 27, "targets[0].scenario", "no scenario named 'trial'");
  check_error(kHead + kParams + kTargets +
                  "  - {metric: physical_health_check_coverage, observed: 0.4, sd: 0.1}\n",
              6, 5, "metric", "duplicate target physical_health_check_coverage");
  check_error(kHead + kParams, 1, 1, "", "expected at least one target");
  check_error("scenario: missing.yaml\n" + kParams + kTargets, 1, 11, "scenario",
              "no scenario file");
  check_error(kHead + kParams + kTargets + "budget: 10\n", 6, 9, "budget",
              "cannot pay for the first generation");
}

TEST_CASE("a targets CSV's errors name the CSV's line and column", "[calibration][bad-input]") {
  const std::string dir = CMHSIM_SOURCE_DIR "/scenarios/calibration/";
  const auto csv_error = [&](const std::string& csv) {
    const std::string path = std::filesystem::temp_directory_path() / "cmhsim_targets_test.csv";
    std::ofstream(path) << csv;
    try {
      (void)parse_calibration(kHead + kParams + "targets_csv: " + path + "\n", kFile);
    } catch (const ScenarioError& e) {
      std::filesystem::remove(path);
      return e;
    }
    std::filesystem::remove(path);
    FAIL("the CSV was accepted:\n" << csv);
    throw std::logic_error("unreachable");
  };
  ScenarioError e = csv_error("metric,observd,sd\nx,1,1\n");
  CHECK(e.line() == 1);
  CHECK(e.column() == 8);
  CHECK_THAT(e.message(), Catch::Matchers::Contains("did you mean 'observed'?"));
  e = csv_error("# local figures\nmetric,observed,sd\nx,1,one\n");
  CHECK(e.line() == 3);
  CHECK(e.column() == 5);
  CHECK(e.key_path() == "sd");
  e = csv_error("metric,observed,ci95_lo,ci95_hi\nx,1,2,1\n");
  CHECK(e.line() == 2);
  CHECK_THAT(e.message(), Catch::Matchers::Contains("ci95_lo < ci95_hi"));
  e = csv_error("metric,observed\nx,1\n");
  CHECK_THAT(e.message(), Catch::Matchers::Contains("missing column sd"));
}

TEST_CASE("the shipped example reads its targets from its CSV", "[calibration]") {
  const CalibrationSpec s =
      load_calibration_file(CMHSIM_SOURCE_DIR "/scenarios/calibration/example.yaml");
  REQUIRE(s.targets.size() == 5);
  CHECK(s.targets[0].metric == "crises_per_1000_per_year");
  CHECK(s.targets[0].observed == 95.0);
  CHECK(s.targets[0].sd == Approx(14.0 / 3.92));
  CHECK(s.targets[0].line == 5);  // Three comment lines, then the header.
}

TEST_CASE("a calibration point sets each parameter with %.17g and the run settings",
          "[calibration]") {
  const CalibrationSpec s = parse_calibration(kHead + kParams + kTargets + "seed: 9\n", kFile);
  const std::vector<Override> o = calibration_overrides(s, {0.1 + 0.2});
  REQUIRE(o.size() == 3);
  CHECK(o[0].value == "0.30000000000000004");
  CHECK(o[1].key_path == "seed");
  CHECK(o[1].value == "9");
  const Scenario point = calibration_point(s, 0, {0.25});
  CHECK(point.pathways->services.physical_check_probability == 0.25);
  CHECK(point.replications == 4);
}
