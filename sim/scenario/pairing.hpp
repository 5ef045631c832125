// What scenarios compared pairwise must share: the resolved values the parameter table marks as
// deciding who is simulated and what they draw. Knows the table and Scenario; no YAML.
#pragma once

#include <vector>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {

/// Returns the resolved values of `s` whose keys `table` marks as defining the people (or that
/// lie below a marked section), in table order.
ResolvedValues people_defining_values(const Scenario& s,
                                      const std::vector<Parameter>& table = parameters());

}  // namespace cmhsim::scenario
