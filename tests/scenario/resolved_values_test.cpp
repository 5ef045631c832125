// Tests the resolved values of a scenario: every key with the value that applies after defaults
// and overrides, as canonical text, so a default left out equals the same default written out.
#include <catch2/catch.hpp>

#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {
namespace {

std::string value_of(const Scenario& sc, const std::string& key) {
  for (const auto& [k, v] : sc.resolved) {
    if (k == key) return v;
  }
  return "(missing)";
}

const std::string kBase = "horizon_days: 400\npopulation:\n  register_size: 700\n";

}  // namespace

TEST_CASE("resolved values list every key with defaults applied", "[resolved]") {
  const Scenario sc = parse_scenario(kBase, "base.yaml");
  CHECK(value_of(sc, "horizon_days") == "400");
  CHECK(value_of(sc, "seed") == "1");
  CHECK(value_of(sc, "population.register_size") == "700");
  CHECK(value_of(sc, "population.age_mean") == "48");
  CHECK(value_of(sc, "population.ethnicity_shares.white") == "0.8");
  CHECK(value_of(sc, "services.length_of_stay_days") == "{dist: lognormal, mean: 36, sd: 32}");
  CHECK(value_of(sc, "policies.cmht_discharge_destination") == "primary_care");
  CHECK(value_of(sc, "trial") == "none");
  CHECK(value_of(sc, "trial.practices") == "(missing)");
  // Every key of the pathway sections is listed exactly once (the trial and warm start are off).
  std::size_t leaves = 0;
  for (const Parameter& p : parameters()) {
    const bool pathway_leaf = p.schema == Schema::Pathway &&
                              std::string_view(p.path).find('.') != std::string_view::npos &&
                              p.kind != ValueKind::Mapping && p.kind != ValueKind::Categories &&
                              !std::string_view(p.path).starts_with("trial.") &&
                              !std::string_view(p.path).starts_with("warm_start.");
    if (pathway_leaf) {
      ++leaves;
      CHECK(value_of(sc, std::string(p.path)) != "(missing)");
    }
  }
  std::size_t pathway_values = 0;
  for (const auto& kv : sc.resolved) {
    if (kv.first.find('.') != std::string::npos) ++pathway_values;
  }
  CHECK(pathway_values == leaves);
}

TEST_CASE("a default written out resolves like the default left out", "[resolved]") {
  const Scenario implicit = parse_scenario(kBase, "a.yaml");
  const Scenario written = parse_scenario(
      kBase +
          "  age_mean: 48.0\nservices:\n  length_of_stay_days: {sd: 32, dist: lognormal, mean: "
          "3.6e1}\n",
      "a.yaml");
  CHECK(implicit.resolved == written.resolved);
}

TEST_CASE("resolved values follow overrides and the run's seed", "[resolved]") {
  Scenario sc = apply_overrides(
      parse_scenario(kBase, "base.yaml"),
      {{"care_partners.fte", "12", kSetOrigin, 0, 0}, {"trial.practices", "30", kSetOrigin, 0, 0}});
  CHECK(value_of(sc, "care_partners.fte") == "12");
  CHECK(value_of(sc, "trial.practices") == "30");
  CHECK(value_of(sc, "trial.participants_control") == "82");
  sc.set_run(99, 7);
  CHECK(value_of(sc, "seed") == "99");
  CHECK(value_of(sc, "replications") == "7");
}

TEST_CASE("network scenarios resolve named services and optional parts", "[resolved]") {
  const Scenario sc = parse_scenario(
      "horizon_days: 100\narrivals:\n  walk_in:\n    to: desk\n    interarrival: {dist: "
      "exponential, mean: 1}\nservices:\n  desk:\n    servers: 2\n    service_time: {dist: "
      "fixed, value: 0.5}\n",
      "net.yaml");
  CHECK(value_of(sc, "services.desk.servers") == "2");
  CHECK(value_of(sc, "services.desk.service_time") == "{dist: fixed, value: 0.5}");
  CHECK(value_of(sc, "services.desk.queue.capacity") == "unlimited");
  CHECK(value_of(sc, "services.desk.queue.discipline") == "fifo");
  CHECK(value_of(sc, "services.desk.schedule") == "none");
  CHECK(value_of(sc, "arrivals.walk_in.to") == "desk");
}

}  // namespace cmhsim::scenario
