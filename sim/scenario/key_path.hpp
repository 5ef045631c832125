// Resolution of dotted scenario key paths ("care_partners.fte", "services.cmht.queue.capacity")
// against the parameter table and a scenario document. Internal to scenario/; knows YAML.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "scenario/parameter_table.hpp"

namespace cmhsim::scenario {

/// Reports a key path that names no scenario key: the prefix at fault and why.
struct KeyPathProblem {
  std::string path;     ///< The part of the key path that fails, e.g. "care_partners.ftee".
  std::string message;  ///< What is wrong, e.g. "unknown key (did you mean 'fte'?)".
};

/// Holds a key path split into segments with the table entry of each prefix.
struct ResolvedKey {
  std::vector<std::string> segments;
  std::vector<const Parameter*> params;  ///< params[i] describes segments [0, i].

  /// Returns the entry of the value the whole path names.
  [[nodiscard]] const Parameter& param() const { return *params.back(); }
};

/// Returns the key `key_path` names in a `schema` scenario whose document is `root`.
///
/// Named entries (network services and arrival streams) must exist in `root`; keys inside a
/// distribution must belong to its family. Throws KeyPathProblem when the path names no key.
ResolvedKey resolve_key_path(const YAML::Node& root, Schema schema, std::string_view key_path);

/// Sets `value` at `key` in `root`, creating missing mappings on the way.
///
/// A created category mapping holds every category's default and a created distribution the
/// table's default distribution, so setting one of their keys changes only that key.
void set_key(YAML::Node root, const ResolvedKey& key, const YAML::Node& value);

}  // namespace cmhsim::scenario
