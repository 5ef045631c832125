// Overrides of scenario parameters by key path: parsing `--set` arguments, setting keys in the
// base scenario's document and re-reading it. Knows YAML and the loader; no simulation.
#include "scenario/overrides.hpp"

#include <yaml-cpp/yaml.h>

#include "scenario/key_path.hpp"

namespace cmhsim::scenario {
namespace {

Schema schema_of(const Scenario& s) { return s.pathways ? Schema::Pathway : Schema::Network; }

std::string assignment(const Override& o) { return o.key_path + "=" + o.value; }

/// Returns an error at the override's origin about `key_path` (left out when it is the override's
/// own key on the command line, where "--set KEY=VALUE" already names it).
ScenarioError error_at(const Override& o, const std::string& key_path, const std::string& message) {
  if (o.origin == kSetOrigin) {
    return ScenarioError(std::string(kSetOrigin) + " " + assignment(o),
                         key_path == o.key_path ? "" : key_path, message);
  }
  return ScenarioError(o.origin, o.line, o.column, key_path, message);
}

YAML::Node load_base(const Scenario& base) {
  try {
    return YAML::Load(base.text);
  } catch (const YAML::Exception& e) {
    throw ScenarioError(base.path, 0, 0, "", "cannot re-read the scenario's text: " + e.msg);
  }
}

ResolvedKey resolve(const YAML::Node& root, Schema schema, const Override& o) {
  try {
    return resolve_key_path(root, schema, o.key_path);
  } catch (const KeyPathProblem& p) {
    throw error_at(o, p.path, p.message);
  }
}

bool within(const std::string& path, const std::string& outer) {
  return path == outer ||
         (path.size() > outer.size() && path.compare(0, outer.size(), outer) == 0 &&
          (path[outer.size()] == '.' || path[outer.size()] == '['));
}

/// Returns the override an error of the re-read document belongs to: the last one whose key
/// contains the error's key or lies inside it; else the last override.
const Override& culprit(const std::vector<Override>& overrides, const std::string& error_path,
                        bool& related) {
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (within(error_path, it->key_path) ||
        (!error_path.empty() && within(it->key_path, error_path))) {
      related = true;
      return *it;
    }
  }
  related = false;
  return overrides.back();
}

std::string all_assignments(const std::vector<Override>& overrides) {
  std::string out;
  for (const Override& o : overrides) out += (out.empty() ? "" : ", ") + assignment(o);
  return out;
}

}  // namespace

std::vector<Override> parse_set_options(const std::vector<std::string>& args) {
  std::vector<Override> out;
  for (const std::string& arg : args) {
    const std::string origin = std::string(kSetOrigin) + " " + arg;
    const auto eq = arg.find('=');
    if (eq == std::string::npos) {
      throw ScenarioError(origin, "",
                          "expected key.path=value, e.g. care_partners.fte=40 (no '=' found)");
    }
    Override o{arg.substr(0, eq), arg.substr(eq + 1), kSetOrigin, 0, 0};
    if (o.key_path.empty()) {
      throw ScenarioError(origin, "",
                          "expected key.path=value, e.g. care_partners.fte=40 (no key)");
    }
    if (o.value.empty()) {
      throw ScenarioError(origin, o.key_path, "expected a value after '='");
    }
    if (o.key_path.find_first_of(" \t") != std::string::npos) {
      throw ScenarioError(origin, "", "expected a key path without spaces, e.g. care_partners.fte");
    }
    const bool empty_segment = o.key_path.front() == '.' || o.key_path.back() == '.' ||
                               o.key_path.find("..") != std::string::npos;
    if (empty_segment) {
      throw ScenarioError(origin, "",
                          "expected a dotted key path such as care_partners.fte, with no empty "
                          "segment");
    }
    out.push_back(std::move(o));
  }
  return out;
}

Parameter parameter_at(const Scenario& base, const Override& o) {
  return resolve(load_base(base), schema_of(base), o).param();
}

Scenario apply_overrides(const Scenario& base, const std::vector<Override>& overrides) {
  if (overrides.empty()) return base;
  const Schema schema = schema_of(base);
  YAML::Node root = load_base(base);
  for (const Override& o : overrides) {
    const ResolvedKey key = resolve(root, schema, o);
    YAML::Node value;
    try {
      value = YAML::Load(o.value);
    } catch (const YAML::Exception& e) {
      throw error_at(o, o.key_path, "invalid YAML value '" + o.value + "': " + e.msg);
    }
    set_key(root, key, value);
  }
  YAML::Emitter out;
  out << root;
  const std::string text =
      "# " + base.path + " with " + all_assignments(overrides) + "\n" + out.c_str() + "\n";
  try {
    Scenario s = parse_scenario(text, base.path);
    if (s.name.empty()) s.name = base.name;
    return s;
  } catch (const ScenarioError& e) {
    bool related = false;
    const Override& o = culprit(overrides, e.key_path(), related);
    std::string message = e.message();
    if (!related) message += " (after " + all_assignments(overrides) + ")";
    throw error_at(o, e.key_path(), message);
  }
}

}  // namespace cmhsim::scenario
