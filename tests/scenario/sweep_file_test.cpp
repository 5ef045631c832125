// Tests that sweep files load into the documented points: the shipped sweeps, factorial order,
// evenly spaced ranges, hypercube strata and the scenario each point builds. Public API only.
#include "scenario/sweep_file.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>

using namespace cmhsim::scenario;

namespace {

const std::string kScenarios = CMHSIM_SOURCE_DIR "/scenarios/";
/// A sweep file name next to the shipped scenarios, so `base: ics_partners.yaml` resolves.
const std::string kInline = CMHSIM_SOURCE_DIR "/scenarios/inline_sweep.yaml";

std::vector<std::string> values_of(const SweepSpec& s, std::size_t i) {
  std::vector<std::string> out;
  for (const Override& o : s.points[i]) out.push_back(o.key_path + "=" + o.value);
  return out;
}

}  // namespace

TEST_CASE("sweep_small is a 2 x 2 factorial in documented order", "[sweep]") {
  const SweepSpec s = load_sweep_file(kScenarios + "sweep_small.yaml");
  CHECK(s.name == "sweep_small");
  CHECK(s.design == SweepDesign::Factorial);
  CHECK(s.replications == 3u);
  CHECK(s.seed == s.base.seed);
  CHECK(s.base.name == "ics_partners");
  CHECK(s.base.path == kScenarios + "ics_partners.yaml");
  REQUIRE(s.axes.size() == 2);
  CHECK(s.axes[0].key_path == "care_partners.fte");
  CHECK(s.axes[0].values == std::vector<std::string>{"10", "40"});
  CHECK(s.axes[1].values == std::vector<std::string>{"0", "3"});
  REQUIRE(s.points.size() == 4);
  const std::vector<std::string> fixed{"horizon_days=730.5", "warmup_days=182.6"};
  const auto expect = [&](std::size_t i, const std::string& fte, const std::string& sup) {
    std::vector<std::string> v{"care_partners.fte=" + fte, "supervision.supervisor_fte=" + sup};
    v.insert(v.end(), fixed.begin(), fixed.end());
    CHECK(values_of(s, i) == v);
  };
  expect(0, "10", "0");
  expect(1, "10", "3");
  expect(2, "40", "0");
  expect(3, "40", "3");
}

TEST_CASE("a sweep point builds the base with its overrides, seed and replications", "[sweep]") {
  const SweepSpec s = load_sweep_file(kScenarios + "sweep_small.yaml");
  const Scenario p = build_point(s, 1);
  REQUIRE(p.pathways);
  CHECK(p.pathways->care_partners.fte == 10.0);
  CHECK(p.pathways->supervision.supervisor_fte == 3.0);
  CHECK(p.network.horizon_days == 730.5);
  CHECK(p.network.warmup_days == 182.6);
  CHECK(p.replications == 3u);
  CHECK(p.seed == 20261123u);
  CHECK(p.pathways->care_partners.caseload_per_fte == 30.0);
  CHECK_THROWS_AS(build_point(s, 4), std::out_of_range);
}

TEST_CASE("sweep_workforce is a seeded 200-point hypercube, one sample per stratum", "[sweep]") {
  const SweepSpec s = load_sweep_file(kScenarios + "sweep_workforce.yaml");
  CHECK(s.design == SweepDesign::LatinHypercube);
  CHECK(s.replications == 20u);
  CHECK(s.seed == 20261123u);
  REQUIRE(s.points.size() == 200);
  REQUIRE(s.axes.size() == 4);
  for (std::size_t a = 0; a < s.axes.size(); ++a) {
    const SweepAxis& axis = s.axes[a];
    INFO(axis.key_path);
    REQUIRE(axis.range);
    REQUIRE(axis.values.size() == 200);
    const auto [lo, hi] = *axis.range;
    std::set<long> strata;
    for (std::size_t k = 0; k < 200; ++k) {
      const double v = std::stod(axis.values[k]);
      CHECK(v >= lo);
      CHECK(v <= hi);
      strata.insert(static_cast<long>(std::floor((v - lo) / (hi - lo) * 200.0)));
      CHECK(s.points[k][a].key_path == axis.key_path);
      CHECK(s.points[k][a].value == axis.values[k]);
    }
    CHECK(strata.size() == 200);
  }
  CHECK(s.points[0].back().key_path == "policies.cmht_discharge_destination");
  const Scenario p = build_point(s, 17);
  CHECK(p.pathways->care_partners.fte == std::stod(s.axes[0].values[17]));
  CHECK(p.pathways->supervision.half_effect_hours_per_care_partner ==
        std::stod(s.axes[3].values[17]));
}

TEST_CASE("a hypercube sweep is reproducible for its seed and changes with it",
          "[sweep][determinism]") {
  const std::string text =
      "base: ics_partners.yaml\ndesign: latin_hypercube\npoints: 6\nseed: 7\n"
      "axes:\n  care_partners.fte: {range: [0, 60]}\n  population.practices: {range: [100, 300]}\n";
  const SweepSpec a = parse_sweep(text, kInline);
  const SweepSpec b = parse_sweep(text, kInline);
  CHECK(a.axes[0].values == b.axes[0].values);
  CHECK(a.axes[1].values == b.axes[1].values);
  std::string other = text;
  other.replace(other.find("seed: 7"), 7, "seed: 8");
  const SweepSpec c = parse_sweep(other, kInline);
  CHECK(c.axes[0].values != a.axes[0].values);
  CHECK(c.seed == 8u);
  // An integer key takes whole numbers, still one per stratum of width 200 / 6.
  std::set<long> strata;
  for (const std::string& v : a.axes[1].values) {
    CHECK(v.find('.') == std::string::npos);
    strata.insert(static_cast<long>(std::floor((std::stod(v) - 100.0) / 200.0 * 6.0)));
  }
  CHECK(strata.size() == 6);
  CHECK(build_point(a, 2).pathways->population.practices ==
        static_cast<std::uint32_t>(std::stoul(a.axes[1].values[2])));
}

TEST_CASE("a factorial range gives evenly spaced values with both ends", "[sweep]") {
  const SweepSpec s = parse_sweep(
      "base: ics_partners.yaml\naxes:\n"
      "  supervision.supervisor_fte: {range: [0, 4], steps: 3}\n"
      "  population.pcns: {range: [20, 23], steps: 3}\n"
      "  care_partners.caseload_per_fte: {range: [20, 40], steps: 1}\n"
      "  policies.cmht_discharge_destination: {values: [primary_care, care_partner]}\n",
      kInline);
  CHECK(s.axes[0].values == std::vector<std::string>{"0", "2", "4"});
  // 20, 21.5 and 23 round to whole numbers (21.5 to 22).
  CHECK(s.axes[1].values == std::vector<std::string>{"20", "22", "23"});
  CHECK(s.axes[2].values == std::vector<std::string>{"30"});
  CHECK(s.points.size() == 18);
  CHECK(values_of(s, 1) ==
        std::vector<std::string>{"supervision.supervisor_fte=0", "population.pcns=20",
                                 "care_partners.caseload_per_fte=30",
                                 "policies.cmht_discharge_destination=care_partner"});
  CHECK(values_of(s, 17)[0] == "supervision.supervisor_fte=4");
  CHECK(build_point(s, 17).pathways->policies.cmht_discharge_destination ==
        cmhsim::model::DischargeDestination::CarePartner);
}

TEST_CASE("sweep values may be distributions and the defaults come from the base", "[sweep]") {
  const SweepSpec s = parse_sweep(
      "name: triage\nbase: ics_partners.yaml\naxes:\n"
      "  services.cmht_triage_days:\n"
      "    values:\n"
      "      - {dist: gamma, shape: 2, scale: 7}\n"
      "      - {dist: fixed, value: 3}\n",
      kInline);
  CHECK(s.name == "triage");
  CHECK(s.replications == s.base.replications);
  REQUIRE(s.points.size() == 2);
  CHECK(build_point(s, 1).pathways->services.cmht_triage_days.mean() == Approx(3.0));
}
