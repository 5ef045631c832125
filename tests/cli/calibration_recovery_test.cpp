// The synthetic-recovery check: simulate the scaled ICS with known values of three parameters,
// take five of its summary metrics as targets, calibrate, and require every true value inside its
// 95% posterior interval with each posterior narrower than its prior.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace cmhsim::cli_test;

namespace {

/// The scaled ICS with a shorter run, so that each point is quick.
const std::string kPlace =
    "name: place\nhorizon_days: 2191.5\nwarmup_days: 730.5\nreplications: 2\nseed: 20261123\n"
    "population: {register_size: 3000, practices: 40, pcns: 6, adults_16_65: 200000}\n"
    "services: {cmht_coordinators_fte: 42, crisis_team_slots: 26, vcse_places: 80}\n"
    "care_partners: {fte: 0}\nsupervision: {supervisor_fte: 0}\n";

struct Truth {
  const char* key;
  double value;
  double lo;
  double hi;
};

const Truth kTruth[] = {
    {"clinical.struggling_to_crisis_per_year", 0.8, 0.5, 1.5},
    {"services.physical_check_probability", 0.45, 0.2, 0.6},
    {"clinical.qol_target_base", 4.3, 4.0, 5.0},
};

const char* const kTargets[] = {"crises_per_1000_per_year", "physical_health_check_coverage",
                                "mean_quality_of_life", "admissions_per_1000_per_year",
                                "services.crisis_team.utilisation"};

}  // namespace

TEST_CASE("calibrating the scaled ICS recovers known parameter values", "[cli][calibrate]") {
  const fs::path dir = scratch("calibration_recovery");
  write(dir / "place.yaml", kPlace);
  // The observed figures: the place run with the true values, under another seed.
  std::string sets;
  for (const Truth& t : kTruth)
    sets += " --set " + std::string(t.key) + "=" + std::to_string(t.value);
  const Result truth = run_cmhsim("run " + (dir / "place.yaml").string() + sets +
                                      " -r 8 -s 99 -o " + (dir / "truth.h5").string() +
                                      " --summary-json " + (dir / "truth.json").string(),
                                  dir);
  REQUIRE(truth.code == 0);
  const auto observed = nlohmann::json::parse(slurp(dir / "truth.json"));

  std::string text = "scenario: place.yaml\nparameters:\n";
  for (const Truth& t : kTruth) {
    text += "  " + std::string(t.key) + ": {uniform: [" + std::to_string(t.lo) + ", " +
            std::to_string(t.hi) + "]}\n";
  }
  text += "targets:\n";
  for (const std::string metric : kTargets) {
    double value = 0.0;
    if (metric.rfind("services.", 0) == 0) {
      value = observed["services"]["crisis_team"]["utilisation"]["mean"].get<double>();
    } else {
      value = observed["metrics"][metric]["mean"].get<double>();
    }
    // A fixed fraction stands for the observed figure's standard error.
    text += "  - {metric: " + metric + ", observed: " + std::to_string(value) +
            ", sd: " + std::to_string(0.03 * std::abs(value)) + "}\n";
  }
  text +=
      "method: {population: 80, generations: 4}\nseed: 3\nreplications_per_point: 2\n"
      "budget: 6000\n";
  write(dir / "cal.yaml", text);
  const Result cal =
      run_cmhsim("calibrate " + (dir / "cal.yaml").string() + " -o " + (dir / "cal.h5").string() +
                     " --summary-json " + (dir / "cal.json").string() + " -q",
                 dir);
  INFO(cal.out << cal.err);
  REQUIRE(cal.code == 0);
  const auto posterior = nlohmann::json::parse(slurp(dir / "cal.json"));
  for (const Truth& t : kTruth) {
    const auto& p = posterior["parameters"][t.key];
    const double lo = p["ci95"][0].get<double>();
    const double hi = p["ci95"][1].get<double>();
    INFO(t.key << ": true " << t.value << ", posterior " << p.dump());
    CHECK(lo <= t.value);
    CHECK(t.value <= hi);
    CHECK(hi - lo < 0.8 * (t.hi - t.lo));
  }
}
