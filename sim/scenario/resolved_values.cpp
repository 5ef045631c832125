// Every key of a validated scenario with the value that applies after defaults and overrides,
// in table order, as canonical text. Knows YAML and the table; knows nothing of the model.
#include "scenario/resolved_values.hpp"

#include "scenario/pairing.hpp"
#include "scenario/scenario_error.hpp"

namespace cmhsim::scenario {
namespace {

/// Walks a document along the parameter table, emitting each key's value as text.
class Resolver {
 public:
  Resolver(const Reader& r, ResolvedValues& out) : r_(r), out_(out) {}

  /// Emits every key below `parent` (whose given keys are `given`), defaults included.
  void mapping(const Field& parent, const Fields& given) {
    const std::string_view pattern = parent.param ? parent.param->path : std::string_view();
    for (const Parameter* p : children(pattern, r_.schema())) {
      if (const Field* f = given.find(p->key())) {
        value(*f);
        continue;
      }
      if (p->required || p->default_value.empty()) continue;
      const std::string path = join_path(parent.path, p->key());
      if (p->kind == ValueKind::Mapping || p->kind == ValueKind::Categories) {
        // The table says "none (...)" where leaving a mapping out means the feature is off.
        if (p->default_value.starts_with("none")) {
          out_.emplace_back(path, "none");
        } else {
          mapping(Field{YAML::Node(), std::nullopt, std::string(p->key()), path, p}, Fields{});
        }
        continue;
      }
      const Field f = r_.field_or_default(given, parent, p->key());
      try {
        value(f);
      } catch (const ScenarioError&) {
        // A default described in words ("no reneging") is shown as written.
        out_.emplace_back(path, std::string(p->default_value));
      }
    }
  }

 private:
  void value(const Field& f) {
    switch (f.param->kind) {
      case ValueKind::Mapping:
        mapping(f, r_.mapping(f));
        return;
      case ValueKind::Categories:
        mapping(f, f.value.IsDefined() && !f.value.IsNull() ? r_.categories(f) : Fields{});
        return;
      case ValueKind::NamedEntries:
        for (const Field& item : r_.mapping(f).items) value(item);
        return;
      case ValueKind::Sequence:
        for (const Field& item : r_.sequence(f)) value(item);
        return;
      case ValueKind::Distribution:
        out_.emplace_back(f.path, distribution(f));
        return;
      case ValueKind::KeyValue:
        out_.emplace_back(f.path, flow(f.value));
        return;
      default:
        out_.emplace_back(f.path, scalar(f));
    }
  }

  [[nodiscard]] std::string scalar(const Field& f) const {
    switch (f.param->kind) {
      case ValueKind::Number:
        return format_number(r_.number(f));
      case ValueKind::Integer:
        if (!f.param->words.empty() && Reader::is_word(f, f.param->words)) {
          return std::string(f.param->words);
        }
        return f.param->bounds.lo < 0 ? std::to_string(r_.integer(f))
                                      : std::to_string(r_.unsigned_integer(f));
      case ValueKind::NumberList:
        return list(r_.numbers(f));
      case ValueKind::Choice:
        return r_.choice(f);
      default:
        return r_.text(f);
    }
  }

  /// Returns "{dist: gamma, shape: 2, scale: 7}" with the family's keys in table order.
  [[nodiscard]] std::string distribution(const Field& f) const {
    if (!f.value.IsMap()) throw ScenarioError("", 0, 0, f.path, "not a mapping");
    (void)r_.distribution(f);  // Validates the mapping before it is read key by key.
    const std::string name = f.value["dist"].Scalar();
    std::string out = "{dist: " + name;
    for (const Parameter& k : find_family(name)->keys) {
      const YAML::Node node = f.value[std::string(k.key())];
      if (!node.IsDefined()) continue;
      const Field kf{node, std::nullopt, std::string(k.key()), join_path(f.path, k.key()), &k};
      out +=
          ", " + std::string(k.key()) + ": " +
          (k.kind == ValueKind::NumberList ? list(r_.numbers(kf)) : format_number(r_.number(kf)));
    }
    return out + "}";
  }

  /// Returns a node as one line of flow-style YAML, e.g. "{uniform: [4, 8]}".
  [[nodiscard]] static std::string flow(const YAML::Node& node) {
    if (node.IsScalar()) return node.Scalar();
    YAML::Emitter e;
    e << YAML::Flow << node;
    return e.c_str();
  }

  [[nodiscard]] static std::string list(const std::vector<double>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
      out += (i ? ", " : "") + format_number(values[i]);
    return out + "]";
  }

  const Reader& r_;
  ResolvedValues& out_;
};

}  // namespace

ResolvedValues resolve_values(const Reader& r, const Field& root, const Fields& top) {
  ResolvedValues out;
  Resolver(r, out).mapping(root, top);
  return out;
}

ResolvedValues people_defining_values(const Scenario& s, const std::vector<Parameter>& table) {
  ResolvedValues out;
  for (const auto& kv : s.resolved) {
    if (defines_people(kv.first, table)) out.push_back(kv);
  }
  return out;
}

}  // namespace cmhsim::scenario
