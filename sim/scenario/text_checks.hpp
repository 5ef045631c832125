// Checks on a scenario or sweep file's raw text made before it is parsed as YAML.
// Knows nothing of keys, values or the simulation.
#pragma once

#include <string>

namespace cmhsim::scenario {

/// Throws ScenarioError at the first byte of `text` (read from `source_name`) that does not
/// start or continue a valid UTF-8 character, naming its line, column and value.
void require_utf8(const std::string& text, const std::string& source_name);

}  // namespace cmhsim::scenario
