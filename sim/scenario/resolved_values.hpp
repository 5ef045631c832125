// The resolved values of a scenario: each key the table defines, with the value that applies
// after defaults and overrides. Internal to scenario/; knows YAML and the table.
#pragma once

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {

/// Returns every key of the validated document `root` (top-level fields `top`) with its value
/// as canonical text (numbers as format_number writes them), in table order; a mapping left out
/// whose default is "none (...)" appears once with the value "none".
ResolvedValues resolve_values(const Reader& r, const Field& root, const Fields& top);

}  // namespace cmhsim::scenario
