// Overrides of scenario parameters by key path (`--set key.path=value`, sweep axes): the base
// scenario re-read with the values set, so every check of a scenario file applies to them.
#pragma once

#include <string>
#include <vector>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {

/// Sets one scenario key, given by its dotted path, to a value written as YAML.
struct Override {
  std::string key_path;  ///< E.g. "care_partners.fte" or "population.ethnicity_shares.white".
  std::string value;     ///< YAML text: "0.5", "care_partner", "{dist: gamma, shape: 2, scale: 7}".
  std::string origin;    ///< "--set", or the sweep file that gives the override.
  int line = 0;          ///< 1-based line in `origin` (0 for "--set").
  int column = 0;        ///< 1-based column in `origin` (0 for "--set").
};

/// Names the origin of command-line overrides.
inline constexpr const char* kSetOrigin = "--set";

/// Returns the overrides of `key.path=value` arguments (the text after each `--set`).
///
/// Throws a ScenarioError naming "--set ARG" when an argument lacks '=', a key path or a value,
/// or when its key path has an empty segment.
std::vector<Override> parse_set_options(const std::vector<std::string>& args);

/// Returns `base` re-read from its text with each override's key set, in order (a later override
/// of the same key wins), with every check of a scenario file applied.
///
/// Missing mappings on the way are created; a created category mapping starts from every
/// category's default (so setting one share leaves the others, and the shares check applies).
/// Errors name the override: "--set care_partners.ftee=3: unknown key (did you mean 'fte'?)",
/// or the sweep file with the override's line and column. The result's path is the base's; its
/// text is the effective scenario as YAML, headed by a comment listing the overrides.
Scenario apply_overrides(const Scenario& base, const std::vector<Override>& overrides);

/// Returns the entry of the scenario key `key_path` names in `base` (its kind, unit and bounds).
///
/// Throws a ScenarioError naming the override `o` when the path names no key.
Parameter parameter_at(const Scenario& base, const Override& o);

}  // namespace cmhsim::scenario
