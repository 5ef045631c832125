// Tests that bad sweep files fail before anything runs, each error at the file, line and column
// of the offending entry with its key path. Public API only.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/sweep_file.hpp"

using namespace cmhsim::scenario;

namespace {

/// A sweep file name next to the shipped scenarios, so `base: ics_partners.yaml` resolves.
const std::string kSweep = CMHSIM_SOURCE_DIR "/scenarios/bad_sweep.yaml";

ScenarioError sweep_error(const std::string& text, const std::string& source = kSweep) {
  try {
    (void)parse_sweep(text, source);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("the sweep was accepted:\n" << text);
  throw std::logic_error("unreachable");
}

void check_sweep_error(const std::string& text, int line, int column, const std::string& key_path,
                       const std::string& phrase) {
  const ScenarioError e = sweep_error(text);
  INFO("what(): " << e.what());
  CHECK(e.file() == kSweep);
  CHECK(e.line() == line);
  CHECK(e.column() == column);
  CHECK(e.key_path() == key_path);
  CHECK_THAT(e.message(), Catch::Matchers::Contains(phrase));
}

const std::string kHead = "base: ics_partners.yaml\n";

}  // namespace

TEST_CASE("sweep axis with an unknown key path fails at its key with a suggestion",
          "[sweep][bad-input]") {
  check_sweep_error(kHead + "axes:\n  care_partners.ftee: {values: [1]}\n", 3, 3,
                    "care_partners.ftee", "unknown key (did you mean 'fte'?)");
  check_sweep_error(
      kHead + "set:\n  horizon_dayz: 100\naxes:\n  care_partners.fte: {values: [1]}\n", 3, 3,
      "horizon_dayz", "unknown key (did you mean 'horizon_days'?)");
  // Keys of queueing networks are unknown in a pathway base.
  check_sweep_error(kHead + "axes:\n  arrivals.referrals.priority: {values: [1]}\n", 3, 3,
                    "arrivals", "unknown key");
}

TEST_CASE("sweep structure errors point at the entry", "[sweep][bad-input]") {
  check_sweep_error(kHead + "axis:\n  care_partners.fte: {values: [1]}\n", 2, 1, "axis",
                    "unknown key of sweep files (did you mean 'axes'?)");
  check_sweep_error(kHead + "axes: {}\n", 2, 7, "axes", "expected at least one axis, got none");
  check_sweep_error("axes:\n  care_partners.fte: {values: [1]}\n", 1, 1, "base",
                    "missing required key");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {}\n", 3, 22, "axes.care_partners.fte",
                    "expected values: [...] or range: [lo, hi], got neither");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {values: [1], range: [0, 2]}\n", 3, 36,
                    "axes.care_partners.fte.range", "give values or range, not both");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {valus: [1]}\n", 3, 23,
                    "axes.care_partners.fte.valus",
                    "unknown key of an axis (did you mean 'values'?)");
}

TEST_CASE("sweep empty values and bad steps fail at the value", "[sweep][bad-input]") {
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {values: []}\n", 3, 31,
                    "axes.care_partners.fte.values", "expected at least one value, got none");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {range: [0, 10], steps: 0}\n", 3, 46,
                    "axes.care_partners.fte.steps",
                    "expected an integer in [1, 10000] (factorial with range only), got '0'");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {range: [0, 10]}\n", 3, 30,
                    "axes.care_partners.fte.steps", "missing steps");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {values: [1], steps: 2}\n", 3, 36,
                    "axes.care_partners.fte.steps", "steps goes with range, not with values");
}

TEST_CASE("sweep ranges must be ordered, numeric and within the key's bounds",
          "[sweep][bad-input]") {
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {range: [4, 4], steps: 2}\n", 3, 30,
                    "axes.care_partners.fte.range", "expected lo < hi, got [4, 4]");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {range: [-1, 3], steps: 2}\n", 3, 30,
                    "axes.care_partners.fte.range",
                    "[-1, 3] leaves the bounds of care_partners.fte (in [0, 10000])");
  check_sweep_error(kHead + "axes:\n  care_partners.fte: {range: [1, 2, 3], steps: 2}\n", 3, 30,
                    "axes.care_partners.fte.range", "expected two numbers [lo, hi]");
  check_sweep_error(kHead + "axes:\n  policies.cmht_discharge_destination: {range: [0, 1]}\n", 3,
                    48, "axes.policies.cmht_discharge_destination.range",
                    "policies.cmht_discharge_destination takes a word, not a number; list its "
                    "values under values (design: factorial)");
  check_sweep_error(kHead + "axes:\n  population.pcns: {range: [20.2, 20.8], steps: 2}\n", 3, 28,
                    "axes.population.pcns.range", "holds no whole number");
}

TEST_CASE("sweep design keys must agree with the design", "[sweep][bad-input]") {
  check_sweep_error(kHead + "points: 20\naxes:\n  care_partners.fte: {values: [1]}\n", 2, 1,
                    "points", "points is for design: latin_hypercube");
  check_sweep_error(
      kHead + "design: latin_hypercube\naxes:\n  care_partners.fte: {range: [0, 1]}\n", 2, 9,
      "points", "missing points");
  check_sweep_error(
      kHead + "design: latin_hypercube\npoints: 5\naxes:\n  care_partners.fte: {values: [1]}\n", 5,
      23, "axes.care_partners.fte.values", "a latin_hypercube samples ranges");
  check_sweep_error(kHead +
                        "design: latin_hypercube\npoints: 5\naxes:\n"
                        "  care_partners.fte: {range: [0, 1], steps: 3}\n",
                    5, 38, "axes.care_partners.fte.steps", "steps is for factorial designs");
  check_sweep_error(kHead + "design: latin_hypercube\npoints: 0\naxes:\n  a.b: {range: [0, 1]}\n",
                    3, 9, "points",
                    "expected an integer in [1, 100000] (latin_hypercube only), got '0'");
  check_sweep_error(kHead + "design: grid\naxes:\n  care_partners.fte: {values: [1]}\n", 2, 9,
                    "design", "expected one of 'factorial', 'latin_hypercube', got 'grid'");
}

TEST_CASE("sweep axes may not repeat or nest, with set or with each other", "[sweep][bad-input]") {
  check_sweep_error(kHead +
                        "axes:\n  care_partners.fte: {values: [1]}\n"
                        "  care_partners.fte: {values: [2]}\n",
                    4, 3, "care_partners.fte", "duplicate axis (the key is first given at line 3)");
  check_sweep_error(kHead +
                        "set:\n  care_partners.fte: 3\naxes:\n"
                        "  care_partners.fte: {values: [2]}\n",
                    5, 3, "care_partners.fte", "duplicate axis (the key is first given at line 3)");
  check_sweep_error(kHead +
                        "axes:\n  services.cmht_triage_days: {values: [{dist: fixed, value: 3}]}\n"
                        "  services.cmht_triage_days.scale: {values: [2]}\n",
                    4, 3, "services.cmht_triage_days.scale",
                    "overlaps 'services.cmht_triage_days' (line 3)");
}

TEST_CASE("a sweep value that fails the scenario's checks names its entry and point",
          "[sweep][bad-input]") {
  const std::string text = kHead +
                           "axes:\n  supervision.supervisor_fte: {values: [1, 2]}\n"
                           "  care_partners.fte: {values: [10, -5]}\n";
  check_sweep_error(text, 4, 36, "care_partners.fte", "expected a number in [0, 10000], got '-5'");
  const ScenarioError e = sweep_error(text);
  CHECK_THAT(e.message(),
             Catch::Matchers::EndsWith("(at sweep point 1: supervision.supervisor_fte=1, "
                                       "care_partners.fte=-5)"));
  // A combination can break a rule that spans keys: here the shares sum to 1.1.
  check_sweep_error(kHead +
                        "set:\n  population.ethnicity_shares.white: 0.9\n"
                        "axes:\n  care_partners.fte: {values: [1]}\n",
                    3, 3, "population.ethnicity_shares", "shares sum to 1.1");
}

TEST_CASE("a sweep whose base is missing or invalid reports it", "[sweep][bad-input]") {
  check_sweep_error("base: no_such.yaml\naxes:\n  care_partners.fte: {values: [1]}\n", 1, 7, "base",
                    "no scenario file '" CMHSIM_SOURCE_DIR "/scenarios/no_such.yaml'");
  const std::filesystem::path dir =
      std::filesystem::path(CMHSIM_BINARY_DIR) / "tests" / "scenario_sweep_tmp";
  std::filesystem::create_directories(dir);
  {
    std::ofstream base(dir / "broken.yaml");
    base << "population:\n  register_size: 15000\ncare_partners:\n  fte: -3\n";
  }
  const ScenarioError e =
      sweep_error("base: broken.yaml\naxes:\n  care_partners.fte: {values: [1]}\n",
                  (dir / "sweep.yaml").string());
  CHECK(e.file() == (dir / "broken.yaml").string());
  CHECK(e.line() == 4);
  CHECK(e.column() == 8);
  CHECK(e.key_path() == "care_partners.fte");
}

TEST_CASE("an unreadable sweep file reports the path", "[sweep][bad-input]") {
  try {
    (void)load_sweep_file("no_such_sweep.yaml");
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) ==
          "no_such_sweep.yaml:0:0: cannot read the file: No such file or directory");
  }
}

TEST_CASE("a sweep name that is not a plain file name fails at the name", "[sweep][bad-input]") {
  const std::string axes = "axes:\n  care_partners.fte: {values: [1]}\n";
  for (const std::string name : {"../evil", "'/abs/evil'", "..", ".", "'a b'", "'sub/x'", "''"}) {
    INFO("name: " << name);
    check_sweep_error(kHead + "name: " + name + "\n" + axes, 2, 7, "name",
                      "expected a file name of letters, digits, '-', '_' and '.'");
    const ScenarioError e = sweep_error(kHead + "name: " + name + "\n" + axes);
    CHECK(std::string(e.what()).rfind(kSweep + ":2:7: name: expected a file name", 0) == 0);
  }
  CHECK(parse_sweep(kHead + "name: fte-1.5_x\n" + axes, kSweep).name == "fte-1.5_x");
}
