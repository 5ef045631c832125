// Resolution of dotted scenario key paths against the parameter table and a scenario document,
// and setting a value there. Knows YAML and the table; nothing of the model's config types.
#include "scenario/key_path.hpp"

#include "scenario/suggest.hpp"

namespace cmhsim::scenario {
namespace {

std::vector<std::string> split(std::string_view key_path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto dot = key_path.find('.', start);
    out.emplace_back(key_path.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// Returns " (did you mean 'x'?)" or " (<what>: a, b, c)".
std::string hint(std::string_view word, const std::vector<std::string>& candidates,
                 const std::string& what) {
  std::string h = did_you_mean(word, candidates);
  if (h.empty()) h = " (" + what + ": " + listed(candidates) + ")";
  return h;
}

/// Returns the default of a distribution key as a mapping, or an undefined node if it has none.
YAML::Node default_distribution(const Parameter& p) {
  try {
    YAML::Node d = YAML::Load(std::string(p.default_value));
    if (d.IsMap()) return d;
  } catch (const YAML::Exception&) {
    // A default described in words ("none ...") is not a distribution to build on.
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

const Parameter* child_of_mapping(const Parameter* parent, Schema schema, const std::string& seg,
                                  const std::string& path) {
  const auto allowed = children(parent ? parent->path : std::string_view(), schema);
  std::vector<std::string> names;
  for (const Parameter* p : allowed) {
    if (p->key() == seg) return p;
    names.emplace_back(p->key());
  }
  if (parent && parent->kind == ValueKind::Categories) {
    throw KeyPathProblem{path, "unknown category '" + seg + "'" + hint(seg, names, "categories")};
  }
  throw KeyPathProblem{path, "unknown key" + hint(seg, names, "allowed")};
}

const Parameter* named_entry(const Parameter& parent, Schema schema, const YAML::Node& node,
                             bool exists, const std::string& seg, const std::string& path) {
  const Parameter* child = children(parent.path, schema).front();
  // Routing targets may be new; services and arrival streams must already be declared.
  if (parent.path == "services" || parent.path == "arrivals") {
    std::vector<std::string> names;
    if (exists && node.IsMap()) {
      for (const auto& entry : node) {
        if (entry.first.IsScalar()) names.push_back(entry.first.Scalar());
      }
    }
    for (const std::string& n : names) {
      if (n == seg) return child;
    }
    const std::string what = parent.path == "services" ? "service" : "arrival stream";
    throw KeyPathProblem{path, "unknown " + what + " '" + seg + "'" + hint(seg, names, "known")};
  }
  return child;
}

const Parameter* distribution_key(const Parameter& parent, const YAML::Node& node, bool exists,
                                  const std::string& seg, const std::string& prefix,
                                  const std::string& path) {
  const YAML::Node dist = exists && node.IsMap() ? node : default_distribution(parent);
  if (!dist.IsDefined() || !dist["dist"] || !dist["dist"].IsScalar()) {
    throw KeyPathProblem{prefix,
                         "the scenario gives no distribution here to change a key of; set the "
                         "whole distribution, e.g. " +
                             prefix + "={dist: exponential, mean: 2}"};
  }
  if (seg == "dist") return &distribution_selector();
  const std::string family = dist["dist"].Scalar();
  const DistributionFamily* f = find_family(family);
  if (f == nullptr) throw KeyPathProblem{prefix, "unknown distribution family '" + family + "'"};
  std::vector<std::string> names{"dist"};
  for (const Parameter& k : f->keys) {
    if (k.path == seg) return &k;
    names.emplace_back(k.path);
  }
  throw KeyPathProblem{
      path, "unknown key of a " + family + " distribution" + hint(seg, names, "allowed")};
}

}  // namespace

ResolvedKey resolve_key_path(const YAML::Node& root, Schema schema, std::string_view key_path) {
  ResolvedKey out;
  out.segments = split(key_path);
  const Parameter* parent = nullptr;
  YAML::Node node = root;
  bool exists = root.IsDefined() && root.IsMap();
  std::string prefix;
  for (const std::string& seg : out.segments) {
    if (seg.empty()) {
      throw KeyPathProblem{std::string(key_path),
                           "expected a dotted key path such as care_partners.fte, with no empty "
                           "segment"};
    }
    const std::string path = prefix.empty() ? seg : prefix + "." + seg;
    const Parameter* found = nullptr;
    if (parent == nullptr || parent->kind == ValueKind::Mapping ||
        parent->kind == ValueKind::Categories) {
      found = child_of_mapping(parent, schema, seg, path);
    } else if (parent->kind == ValueKind::NamedEntries) {
      found = named_entry(*parent, schema, node, exists, seg, path);
    } else if (parent->kind == ValueKind::Distribution) {
      found = distribution_key(*parent, node, exists, seg, prefix, path);
    } else if (parent->kind == ValueKind::Sequence) {
      throw KeyPathProblem{prefix,
                           "takes a list of mappings, which a key path cannot reach into; set "
                           "the whole list"};
    } else {
      throw KeyPathProblem{prefix, "takes a " + type_text(*parent) +
                                       ", not a mapping, so it has no key '" + seg + "'"};
    }
    out.params.push_back(found);
    if (exists && node.IsMap()) {
      const YAML::Node& view = node;
      const YAML::Node next = view[seg];
      exists = next.IsDefined() && !next.IsNull();
      if (exists) node.reset(next);
    } else {
      exists = false;
    }
    parent = found;
    prefix = path;
  }
  return out;
}

void set_key(YAML::Node root, const ResolvedKey& key, const YAML::Node& value) {
  YAML::Node cur = root;
  for (std::size_t i = 0; i + 1 < key.segments.size(); ++i) {
    const std::string& seg = key.segments[i];
    const Parameter& p = *key.params[i];
    const YAML::Node& view = cur;
    const YAML::Node existing = view[seg];
    if (!existing.IsDefined() || !existing.IsMap()) {
      YAML::Node fresh(YAML::NodeType::Map);
      if (p.kind == ValueKind::Categories) {
        for (const Parameter* c : children(p.path, p.schema)) {
          fresh[std::string(c->key())] = YAML::Load(std::string(c->default_value));
        }
      } else if (p.kind == ValueKind::Distribution) {
        fresh = default_distribution(p);
      }
      cur[seg] = fresh;
    }
    const YAML::Node next = cur[seg];
    cur.reset(next);
  }
  cur[key.segments.back()] = value;
}

}  // namespace cmhsim::scenario
