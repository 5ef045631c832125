// Tests that a pathway scenario giving only the register size loads every key with the table's
// default into the config field the table binds, and how the file's kind is recognised.
#include <catch2/catch.hpp>
#include <string>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {
namespace {

Scenario minimal() { return parse_scenario("population:\n  register_size: 15000\n", "ics.yaml"); }

/// Returns the table default of `path` read as a number.
double default_number(std::string_view path, Schema schema = Schema::Pathway) {
  return std::stod(std::string(parameter(path, schema).default_value));
}

/// Returns the default a scenario of just `text` gives the distribution at `path`.
engine::Distribution default_distribution(std::string_view path) {
  const std::string_view section = path.substr(0, path.find('.'));
  const std::string text = "population:\n  register_size: 10\n" + std::string(section) + ":\n  " +
                           std::string(path.substr(section.size() + 1)) + ": " +
                           std::string(parameter(path, Schema::Pathway).default_value) + "\n";
  model::PathwayConfig c = *parse_scenario(text, "dist.yaml").pathways;
  return std::get<FieldRef<engine::Distribution>>(parameter(path, Schema::Pathway).binding)(c);
}

}  // namespace

TEST_CASE("population section makes a pathway scenario with run defaults", "[scenario][pathway]") {
  const Scenario s = minimal();
  REQUIRE(s.pathways.has_value());
  CHECK(s.name == "ics");
  CHECK(static_cast<double>(s.replications) == default_number("replications", Schema::Common));
  CHECK(static_cast<double>(s.seed) == default_number("seed", Schema::Common));
  CHECK(s.network.services.empty());
  CHECK(s.network.arrivals.empty());
  CHECK(s.network.horizon_days == default_number("horizon_days"));
  CHECK(s.network.warmup_days == 0.0);
  CHECK(s.pathways->horizon_days == s.network.horizon_days);
  CHECK(s.pathways->warmup_days == 0.0);
}

TEST_CASE("network scenario has no pathway configuration", "[scenario][pathway]") {
  const Scenario s = parse_scenario(R"(horizon_days: 100
arrivals:
  a: {to: clinic, interarrival: {dist: exponential, mean: 1}}
services:
  clinic: {servers: 1, service_time: {dist: fixed, value: 0.5}}
)",
                                    "net.yaml");
  CHECK_FALSE(s.pathways.has_value());
  CHECK(s.network.services.size() == 1);
}

TEST_CASE("every pathway key left out takes its table default in its config field",
          "[scenario][pathway]") {
  model::PathwayConfig c = *minimal().pathways;
  std::size_t checked = 0;
  for (const Parameter& p : parameters()) {
    if (p.schema != Schema::Pathway || p.required) continue;
    INFO(p.path);
    std::visit(
        [&](auto ref) {
          using R = decltype(ref);
          if constexpr (std::is_same_v<R, FieldRef<double>> ||
                        std::is_same_v<R, FieldRef<std::uint32_t>>) {
            CHECK(static_cast<double>(ref(c)) == default_number(p.path));
            ++checked;
          } else if constexpr (std::is_same_v<R, FieldRef<engine::Distribution>>) {
            const engine::Distribution d = default_distribution(p.path);
            CHECK(ref(c).kind() == d.kind());
            CHECK(ref(c).mean() == d.mean());
            ++checked;
          } else if constexpr (std::is_same_v<R, CategoryRef>) {
            const std::span<double> values = ref.values(c);
            REQUIRE(values.size() == ref.names.size());
            for (std::size_t i = 0; i < values.size(); ++i) {
              CHECK(values[i] == default_number(std::string(p.path) + "." + ref.names[i]));
              ++checked;
            }
          } else if constexpr (std::is_same_v<R, FieldRef<bool>>) {
            CHECK_FALSE(ref(c));  // Optional sections are off unless given.
            ++checked;
          }
        },
        p.binding);
  }
  CHECK(c.policies.cmht_discharge_destination == model::DischargeDestination::PrimaryCare);
  CHECK(parameter("policies.cmht_discharge_destination", Schema::Pathway).default_value ==
        "primary_care");
  CHECK(checked > 120);
}

TEST_CASE("category mappings name the model's categories in the model's order",
          "[scenario][pathway]") {
  for (const Parameter& p : parameters()) {
    const auto* ref = std::get_if<CategoryRef>(&p.binding);
    if (ref == nullptr) continue;
    INFO(p.path);
    const auto table_keys = children(p.path, Schema::Pathway);
    REQUIRE(table_keys.size() == ref->names.size());
    for (std::size_t i = 0; i < table_keys.size(); ++i)
      CHECK(table_keys[i]->key() == ref->names[i]);
  }
}

TEST_CASE("trial section enables the trial and fills its other keys from defaults",
          "[scenario][pathway]") {
  const Scenario s = parse_scenario(R"(population: {register_size: 300}
trial:
  participants_control: 90
)",
                                    "trial.yaml");
  const auto& t = s.pathways->trial;
  CHECK(t.enabled);
  CHECK(t.participants_control == 90u);
  CHECK(t.participants_intervention == default_number("trial.participants_intervention"));
  CHECK(t.practices == default_number("trial.practices"));
  CHECK(s.pathways->population.register_size == 300u);
}

TEST_CASE("an empty trial section still enables the trial", "[scenario][pathway]") {
  const Scenario s = parse_scenario("population: {register_size: 300}\ntrial:\n", "trial.yaml");
  CHECK(s.pathways->trial.enabled);
  CHECK(s.pathways->trial.intervention_practices == default_number("trial.intervention_practices"));
}

}  // namespace cmhsim::scenario
