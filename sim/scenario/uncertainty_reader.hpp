// Reading a scenario's `uncertainty` section from its document, with located errors.
// Internal to scenario/; knows YAML, the table and key paths.
#pragma once

#include <yaml-cpp/yaml.h>

#include "scenario/uncertainty.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {

/// Returns the section `f` of the document `root`; throws ScenarioError at the offending entry:
/// a key path that names no numeric key, a distribution that is not one of the three forms, a
/// range with lo > hi or outside the key's bounds, or a key without a plausible range.
Uncertainty read_uncertainty(const Reader& r, const Field& f, const YAML::Node& root);

}  // namespace cmhsim::scenario
