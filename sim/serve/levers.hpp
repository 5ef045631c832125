// The levers the page offers: the chosen workforce and policy keys first, then every other key
// of the baselines a user may add, each with its unit, range, plausible range, source and
// value in each baseline. Knows the parameter table; nothing of HTTP.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "serve/what_if.hpp"

namespace cmhsim::serve {

/// Returns the key paths shown as levers from the start, in page order.
const std::vector<std::string>& default_levers();

/// Returns `{"levers": [...], "keys": [...]}`: the default levers, then every other key of the
/// baselines taking a number, an integer, a word or a distribution that does not define the
/// people, in table order.
nlohmann::ordered_json levers_json(const std::vector<Baseline>& baselines);

}  // namespace cmhsim::serve
