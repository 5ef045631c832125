// Tests that the values scenarios compared pairwise must share come from the parameter table:
// a key or section added to the table is picked up without the check being edited.
#include "scenario/pairing.hpp"

#include <catch2/catch.hpp>

#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario {
namespace {

Scenario small() {
  return parse_scenario(
      "horizon_days: 400\nseed: 5\npopulation:\n  register_size: 700\ncare_partners:\n  fte: 2\n",
      "small.yaml");
}

/// Returns the keys of `values`.
std::vector<std::string> keys(const ResolvedValues& values) {
  std::vector<std::string> out;
  for (const auto& kv : values) out.push_back(kv.first);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& key) {
  return std::find(v.begin(), v.end(), key) != v.end();
}

}  // namespace

TEST_CASE("every population and trial key and the seed define the people", "[pairing]") {
  const Scenario sc = small();
  const auto k = keys(people_defining_values(sc));
  CHECK(has(k, "seed"));
  CHECK(has(k, "population.register_size"));
  CHECK(has(k, "population.insecure_housing_by_network.formal_sparse"));
  CHECK(has(k, "population.long_term_sick_by_network.diverse_active"));
  CHECK(has(k, "trial"));
  CHECK_FALSE(has(k, "care_partners.fte"));
  CHECK_FALSE(has(k, "horizon_days"));
  // Every population key of the table is there, so none can be forgotten.
  for (const Parameter* p : children("population", Schema::Pathway)) {
    if (p->kind == ValueKind::Categories) {
      for (const Parameter* c : children(p->path, Schema::Pathway)) {
        CHECK(has(k, std::string(c->path)));
      }
    } else {
      CHECK(has(k, std::string(p->path)));
    }
  }
}

TEST_CASE("a key or section added to the table joins the people check unedited", "[pairing]") {
  std::vector<Parameter> table = parameters();
  table.push_back(table::number("population.household_size_mean", "people", "2.4", table::kPositive,
                                {2, 3}, "Mean household size.", "assumption"));
  Parameter households = table::section("households", false, "the defaults of its keys", "");
  table.push_back(households);
  table.push_back(table::number("households.carers_share", "fraction", "0.3", table::kUnitInterval,
                                {0.2, 0.4}, "Share with a carer.", "assumption"));
  Scenario sc = small();
  sc.resolved.emplace_back("population.household_size_mean", "2.4");
  sc.resolved.emplace_back("households.carers_share", "0.3");

  SECTION("a new key in a section that defines the people") {
    CHECK(has(keys(people_defining_values(sc, table)), "population.household_size_mean"));
  }
  SECTION("a new section counts once the table marks it") {
    CHECK_FALSE(has(keys(people_defining_values(sc, table)), "households.carers_share"));
    table[table.size() - 2] = table::defining_people(households);
    CHECK(has(keys(people_defining_values(sc, table)), "households.carers_share"));
  }
}

}  // namespace cmhsim::scenario
