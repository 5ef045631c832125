// A small pathway scenario for experiment tests: 500 people over two years, defaults elsewhere.
// Knows the scenario text format and how a comparison arm is built from a scenario.
#pragma once

#include "experiment/comparison.hpp"
#include "scenario/pairing.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::experiment::test {

/// Returns a parsed pathway scenario with `register_size` people and `extra` appended to its text.
inline scenario::Scenario small_pathway(std::uint32_t register_size = 500,
                                        const std::string& extra = "") {
  const std::string text =
      "name: small_pathway\nhorizon_days: 730.5\nwarmup_days: 0\n"
      "replications: 4\nseed: 11\npopulation:\n  register_size: " +
      std::to_string(register_size) + "\n" + extra;
  scenario::Scenario sc = scenario::parse_scenario(text, "small_pathway.yaml");
  if (!sc.pathways) throw std::logic_error("the small pathway scenario did not parse as pathway");
  return sc;
}

/// Returns the comparison arm `name` of a parsed pathway scenario, with the values defining its
/// people.
inline ComparisonArm arm(const std::string& name, const scenario::Scenario& sc) {
  return {name, *sc.pathways, scenario::people_defining_values(sc)};
}

}  // namespace cmhsim::experiment::test
