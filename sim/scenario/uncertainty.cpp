// A scenario's `uncertainty` section: reading its entries with located errors, and drawing one
// parameter set from streams keyed by seed and set. Knows YAML, the table and the engine.
#include <cmath>
#include <limits>

#include "engine/random_stream.hpp"
#include "scenario/key_path.hpp"
#include "scenario/uncertainty_reader.hpp"

namespace cmhsim::scenario {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Reads the two numbers of a `[a, b]` entry of an uncertain parameter.
std::array<double, 2> pair_of(const Reader& r, const YAML::Node& node, const std::string& path,
                              const char* expected) {
  if (!node.IsSequence() || node.size() != 2) {
    r.fail(node.Mark(), path,
           std::string("expected ") + expected + ", got " + Reader::describe(node));
  }
  std::array<double, 2> out{};
  for (std::size_t i = 0; i < 2; ++i) {
    const YAML::Node item = node[i];
    double v = 0.0;
    if (!item.IsScalar() || !YAML::convert<double>::decode(item, v) || !std::isfinite(v)) {
      r.fail(item.Mark(), path,
             std::string("expected ") + expected + ", got " + Reader::describe(item));
    }
    out[i] = v;
  }
  return out;
}

/// Reads the `[lo, hi]` of an uncertain parameter: lo < hi (or lo <= hi when `may_be_equal`),
/// both within the bounds of `key`.
std::array<double, 2> interval_of(const Reader& r, const YAML::Node& node, const std::string& path,
                                  const Parameter& key, const std::string& name,
                                  bool may_be_equal) {
  const auto [lo, hi] = pair_of(r, node, path, "[lo, hi]");
  const std::string text = interval_text(lo, hi);
  if (may_be_equal ? lo > hi : !(lo < hi)) {
    r.fail(node.Mark(), path,
           std::string("expected lo ") + (may_be_equal ? "<=" : "<") + " hi, got " + text);
  }
  if (!key.bounds.contains(lo) || !key.bounds.contains(hi)) {
    r.fail(node.Mark(), path,
           text + " leaves the bounds of " + name + " (" + range_text(key) + ")");
  }
  return {lo, hi};
}

/// Reads one entry: `plausible_range` or a mapping with uniform, or normal and truncated.
ParameterPrior read_entry(const Reader& r, const Field& item, const Parameter& key) {
  ParameterPrior p;
  p.key_path = item.name;
  p.integer = key.kind == ValueKind::Integer;
  const YAML::Mark mark = *item.key_mark;
  p.line = mark.line + 1;
  p.column = mark.column + 1;
  const YAML::Node& v = item.value;
  const std::string forms =
      "{uniform: [lo, hi]}, {normal: [mean, sd], truncated: [lo, hi]} or plausible_range";
  if (v.IsScalar() && v.Scalar() == "plausible_range") {
    if (!key.plausible.known()) {
      r.fail(Reader::where(item), item.path,
             "the parameter table gives " + item.name + " no plausible range; give " +
                 "{uniform: [lo, hi]} instead");
    }
    p.lo = key.plausible.lo;
    p.hi = key.plausible.hi;
  } else if (v.IsMap()) {
    const YAML::Node uniform = v["uniform"];
    const YAML::Node normal = v["normal"];
    const YAML::Node truncated = v["truncated"];
    for (const auto& entry : v) {
      const std::string k = entry.first.Scalar();
      if (k != "uniform" && k != "normal" && k != "truncated") {
        r.fail(entry.first.Mark(), item.path + "." + k, "unknown key; expected " + forms);
      }
    }
    if (uniform.IsDefined() == normal.IsDefined()) {
      r.fail(Reader::where(item), item.path, "expected exactly one of uniform and normal");
    }
    if (uniform.IsDefined()) {
      if (truncated.IsDefined()) {
        r.fail(truncated.Mark(), item.path + ".truncated", "truncated goes with normal");
      }
      const auto [lo, hi] = interval_of(r, uniform, item.path + ".uniform", key, item.name, true);
      p.lo = lo;
      p.hi = hi;
    } else {
      const auto [mean, sd] = pair_of(r, normal, item.path + ".normal", "[mean, sd]");
      if (!(sd > 0.0)) r.fail(normal.Mark(), item.path + ".normal", "expected sd > 0");
      p.kind = PriorKind::Normal;
      p.mean = mean;
      p.sd = sd;
      p.lo = std::isfinite(key.bounds.lo) ? key.bounds.lo : -kInf;
      p.hi = std::isfinite(key.bounds.hi) ? key.bounds.hi : kInf;
      if (truncated.IsDefined()) {
        const auto [lo, hi] =
            interval_of(r, truncated, item.path + ".truncated", key, item.name, false);
        p.lo = lo;
        p.hi = hi;
      }
    }
  } else {
    r.fail(Reader::where(item), item.path, "expected " + forms + ", got " + Reader::describe(v));
  }
  if (p.integer && std::ceil(p.lo) > std::floor(p.hi)) {
    r.fail(
        Reader::where(item), item.path,
        interval_text(p.lo, p.hi) + " holds no whole number, and " + item.name + " takes integers");
  }
  return p;
}

}  // namespace

Uncertainty read_uncertainty(const Reader& r, const Field& f, const YAML::Node& root) {
  Uncertainty u;
  const Fields fields = r.mapping(f);
  if (const Field* sets = fields.find("sets")) u.sets = r.unsigned_integer(*sets);
  const Field* parameters = fields.find("parameters");
  if (parameters == nullptr || !parameters->value.IsMap() || parameters->value.size() == 0) {
    r.fail(parameters ? *parameters : f, "expected at least one uncertain parameter");
  }
  for (const Field& item : r.mapping(*parameters).items) {
    ResolvedKey key;
    try {
      key = resolve_key_path(root, r.schema(), item.name);
    } catch (const KeyPathProblem& p) {
      r.fail(*item.key_mark, item.path, p.message);
    }
    const Parameter& param = key.param();
    if (param.kind != ValueKind::Number && param.kind != ValueKind::Integer) {
      r.fail(*item.key_mark, item.path,
             item.name + " takes a " + type_text(param) + "; only numeric keys can be uncertain");
    }
    for (const ParameterPrior& other : u.parameters) {
      if (other.key_path == item.name) {
        r.fail(*item.key_mark, item.path,
               "duplicate uncertain parameter (first given at line " + std::to_string(other.line) +
                   ")");
      }
    }
    u.parameters.push_back(read_entry(r, item, param));
  }
  return u;
}

std::vector<double> draw_uncertain_set(const Uncertainty& u, std::uint64_t seed,
                                       std::uint64_t set) {
  std::vector<double> out;
  out.reserve(u.parameters.size());
  for (std::size_t a = 0; a < u.parameters.size(); ++a) {
    const ParameterPrior& p = u.parameters[a];
    engine::RandomStream rng(engine::RngKey{seed, set}, kUncertaintyEntity, a);
    out.push_back(prior_quantile(p, rng.uniform01()));
  }
  return out;
}

}  // namespace cmhsim::scenario
