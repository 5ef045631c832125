// Sweep files: reading and checking the file, expanding its axes into points by the design, and
// building each point's scenario from the base. Knows YAML, the table and overrides; no runs.
#include "scenario/sweep_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "scenario/sweep_design.hpp"
#include "scenario/text_checks.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {
namespace {

constexpr std::size_t kMaxPoints = 1000000;
constexpr std::string_view kAxisEntry = "axes.<key path>";

const Parameter& sweep_entry(std::string_view path) {
  for (const Parameter& p : sweep_parameters()) {
    if (p.path == path) return p;
  }
  throw std::logic_error("no sweep-file key '" + std::string(path) + "'");
}

/// Returns a value node as the YAML text an override carries (flow style for collections).
std::string yaml_text(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "";
  if (node.IsScalar()) return node.Scalar();
  YAML::Emitter e;
  e << YAML::Flow << node;
  return e.c_str();
}

Override positioned(const std::string& key, std::string value, const std::string& file,
                    const YAML::Mark& mark) {
  const bool known = mark.pos >= 0;
  return Override{key, std::move(value), file, known ? mark.line + 1 : 0,
                  known ? mark.column + 1 : 0};
}

bool inside(const std::string& inner, const std::string& outer) {
  return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
         inner[outer.size()] == '.';
}

/// Remembers the key paths a sweep sets, rejecting repeats and keys inside one another.
class KeyRegistry {
 public:
  explicit KeyRegistry(const Reader& r) : r_(r) {}

  void add(const std::string& key, const YAML::Mark& mark, const char* what) {
    for (const auto& [other, line] : keys_) {
      if (other == key) {
        r_.fail(mark, key,
                std::string("duplicate ") + what + " (the key is first given at line " +
                    std::to_string(line) + ")");
      }
      if (inside(key, other) || inside(other, key)) {
        r_.fail(mark, key,
                "overlaps '" + other + "' (line " + std::to_string(line) +
                    "): a key and a key inside it cannot both be swept or set");
      }
    }
    keys_.emplace_back(key, mark.line + 1);
  }

 private:
  const Reader& r_;
  std::vector<std::pair<std::string, int>> keys_;
};

std::vector<std::pair<std::string, YAML::Mark>> entries(const Reader& r, const Field& f) {
  std::vector<std::pair<std::string, YAML::Mark>> out;
  for (const auto& entry : f.value) {
    if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
      r.fail(entry.first.Mark(), f.path,
             "expected a scenario key path as key, got " + Reader::describe(entry.first));
    }
    out.emplace_back(entry.first.Scalar(), entry.first.Mark());
  }
  return out;
}

std::string value_text(double v, bool integer) {
  return integer ? std::to_string(static_cast<long long>(v)) : format_number(v);
}

/// Returns `v` rounded to the nearest whole number within [lo, hi] (which holds one).
double whole(double v, double lo, double hi) {
  return std::clamp(std::round(v), std::ceil(lo), std::floor(hi));
}

/// Holds what an axis contributes while the file is read: its description and overrides.
struct AxisDraft {
  SweepAxis axis;
  std::vector<Override> choices;  ///< Factorial: one override per value.
  YAML::Mark range_mark;
};

class SweepReader {
 public:
  SweepReader(const Reader& r, SweepSpec& spec) : r_(r), s_(spec), keys_(r) {}

  void read_set(const Field& f) {
    if (!f.value.IsDefined() || f.value.IsNull()) return;
    if (!f.value.IsMap()) r_.fail_expected(f, "a mapping of scenario key paths to values");
    const auto keys = entries(r_, f);
    std::size_t i = 0;
    for (const auto& entry : f.value) {
      const auto& [key, mark] = keys[i++];
      keys_.add(key, mark, "key under set");
      Override o = positioned(key, yaml_text(entry.second), s_.path, mark);
      (void)parameter_at(s_.base, o);
      s_.fixed.push_back(std::move(o));
    }
  }

  std::vector<AxisDraft> read_axes(const Field& f) {
    if (!f.value.IsDefined() || f.value.IsNull() || (f.value.IsMap() && f.value.size() == 0)) {
      r_.fail(f, "expected at least one axis, got none");
    }
    if (!f.value.IsMap()) {
      r_.fail_expected(f,
                       "a mapping of scenario key paths to {values: [...]} or {range: [lo, hi]}");
    }
    const auto keys = entries(r_, f);
    std::vector<AxisDraft> out;
    std::size_t i = 0;
    for (const auto& entry : f.value) {
      const auto& [key, mark] = keys[i++];
      keys_.add(key, mark, "axis");
      out.push_back(
          read_axis(Field{entry.second, mark, key, "axes." + key, &sweep_entry(kAxisEntry)}));
    }
    return out;
  }

 private:
  AxisDraft read_axis(const Field& f) {
    const Override probe = positioned(f.name, "", s_.path, *f.key_mark);
    const Parameter key = parameter_at(s_.base, probe);
    const Fields fields = r_.mapping(f, sweep_children(kAxisEntry), "of an axis");
    const Field* values = fields.find("values");
    const Field* range = fields.find("range");
    const Field* steps = fields.find("steps");
    if (values == nullptr && range == nullptr) {
      r_.fail(f, "expected values: [...] or range: [lo, hi], got neither");
    }
    if (values != nullptr && range != nullptr) {
      r_.fail(*range->key_mark, range->path, "give values or range, not both");
    }
    AxisDraft d;
    d.axis.key_path = f.name;
    d.axis.integer = key.kind == ValueKind::Integer;
    d.axis.line = probe.line;
    d.axis.column = probe.column;
    const bool lhs = s_.design == SweepDesign::LatinHypercube;
    if (values != nullptr) {
      if (lhs) {
        r_.fail(*values->key_mark, values->path,
                "a latin_hypercube samples ranges: give range: [lo, hi] (lists of values, as "
                "for words and distributions, need design: factorial)");
      }
      if (steps != nullptr) {
        r_.fail(*steps->key_mark, steps->path, "steps goes with range, not with values");
      }
      if (!values->value.IsSequence()) {
        r_.fail_expected(*values, "a non-empty list of values of " + f.name);
      }
      if (values->value.size() == 0) r_.fail(*values, "expected at least one value, got none");
      for (const YAML::Node& item : values->value) {
        d.axis.values.push_back(yaml_text(item));
        d.choices.push_back(positioned(f.name, d.axis.values.back(), s_.path, item.Mark()));
      }
      return d;
    }
    read_range(*range, key, d);
    if (lhs) {
      if (steps != nullptr) {
        r_.fail(*steps->key_mark, steps->path,
                "steps is for factorial designs; a latin_hypercube samples each range at "
                "`points` points");
      }
      return d;
    }
    if (steps == nullptr) {
      r_.fail(Reader::where(*range), f.path + ".steps",
              "missing steps (the number of evenly spaced values from lo to hi, required with "
              "range in factorial designs)");
    }
    const std::uint64_t n = r_.unsigned_integer(*steps);
    if (n > kMaxPoints) r_.fail_expected(*steps, "an integer in [1, 1000000]");
    const auto [lo, hi] = *d.axis.range;
    for (std::uint64_t k = 0; k < n; ++k) {
      double v =
          n == 1
              ? (lo + hi) / 2.0
              : (k + 1 == n ? hi
                            : lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(n - 1));
      if (d.axis.integer) v = whole(v, lo, hi);
      const std::string text = value_text(v, d.axis.integer);
      // Rounding to whole numbers can repeat a value; each value is swept once.
      if (!d.axis.values.empty() && d.axis.values.back() == text) continue;
      d.axis.values.push_back(text);
      d.choices.push_back(positioned(f.name, text, s_.path, d.range_mark));
    }
    return d;
  }

  void read_range(const Field& range, const Parameter& key, AxisDraft& d) {
    const std::string& name = d.axis.key_path;
    if (key.kind != ValueKind::Number && key.kind != ValueKind::Integer) {
      r_.fail(range, name + " takes a " + type_text(key) +
                         ", not a number; list its values under values (design: factorial)");
    }
    const auto [lo, hi] = r_.interval(range, key, name);
    if (d.axis.integer && std::ceil(lo) > std::floor(hi)) {
      r_.fail(range,
              interval_text(lo, hi) + " holds no whole number, and " + name + " takes integers");
    }
    d.axis.range = std::array<double, 2>{lo, hi};
    d.range_mark = Reader::where(range);
  }

  const Reader& r_;
  SweepSpec& s_;
  KeyRegistry keys_;
};

void expand_factorial(const Reader& r, const Field& axes_field, SweepSpec& s,
                      const std::vector<AxisDraft>& drafts) {
  std::vector<std::size_t> sizes;
  for (const AxisDraft& d : drafts) sizes.push_back(d.choices.size());
  const std::size_t total = factorial_size(sizes, kMaxPoints);
  if (total == 0) r.fail(axes_field, "the factorial has more than 1000000 points");
  for (std::size_t i = 0; i < total; ++i) {
    const std::vector<std::size_t> at = factorial_point(sizes, i);
    std::vector<Override> point;
    for (std::size_t a = 0; a < drafts.size(); ++a) point.push_back(drafts[a].choices[at[a]]);
    point.insert(point.end(), s.fixed.begin(), s.fixed.end());
    s.points.push_back(std::move(point));
  }
}

void expand_hypercube(SweepSpec& s, std::vector<AxisDraft>& drafts, std::size_t n) {
  const auto u = latin_hypercube(drafts.size(), n, s.seed);
  s.points.assign(n, {});
  for (std::size_t a = 0; a < drafts.size(); ++a) {
    SweepAxis& axis = drafts[a].axis;
    const auto [lo, hi] = *axis.range;
    for (std::size_t k = 0; k < n; ++k) {
      double v = lo + (hi - lo) * u[a][k];
      if (axis.integer) v = whole(v, lo, hi);
      axis.values.push_back(value_text(v, axis.integer));
      s.points[k].push_back(
          positioned(axis.key_path, axis.values.back(), s.path, drafts[a].range_mark));
    }
  }
  for (auto& point : s.points) point.insert(point.end(), s.fixed.begin(), s.fixed.end());
}

std::string assignments(const std::vector<Override>& point) {
  std::string out;
  for (const Override& o : point) out += (out.empty() ? "" : ", ") + o.key_path + "=" + o.value;
  return out;
}

}  // namespace

SweepSpec parse_sweep(const std::string& text, const std::string& source_name) {
  require_utf8(text, source_name);
  const Reader r(source_name);
  const YAML::Node root = r.load_mapping(
      text, "the sweep file is empty; expected a mapping with at least base and axes");
  const Field root_field{root, std::nullopt, "", "", nullptr};
  const Fields top = r.mapping(root_field, sweep_children(""), "of sweep files");

  SweepSpec s;
  s.path = source_name;
  s.text = text;
  s.name = std::filesystem::path(source_name).stem().string();
  // The name becomes the default output's file name, so it must not leave results/.
  if (const Field* f = top.find("name")) s.name = r.file_name(*f);
  if (const Field* f = top.find("description")) s.description = r.text(*f);

  const Field& base_field = *top.find("base");
  const std::filesystem::path base =
      (std::filesystem::path(source_name).parent_path() / r.text(base_field)).lexically_normal();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(base, ec)) {
    r.fail(base_field, "no scenario file '" + base.string() +
                           "' (the base is relative to the sweep file's directory)");
  }
  s.base = load_scenario_file(base.string());

  const Field* design = top.find("design");
  if (design != nullptr && r.choice(*design) == "latin_hypercube") {
    s.design = SweepDesign::LatinHypercube;
  }
  const Field* points = top.find("points");
  std::size_t n = 0;
  if (s.design == SweepDesign::Factorial && points != nullptr) {
    r.fail(*points->key_mark, points->path,
           "points is for design: latin_hypercube; a factorial sweep has one point for each "
           "combination of the axes' values");
  }
  if (s.design == SweepDesign::LatinHypercube) {
    if (points == nullptr) {
      r.fail(Reader::where(*design), "points",
             "missing points (the number of points, required with design: latin_hypercube)");
    }
    const std::uint64_t v = r.unsigned_integer(*points);
    if (v > kMaxPoints) r.fail_expected(*points, "an integer in [1, 1000000]");
    n = static_cast<std::size_t>(v);
  }
  s.seed = s.base.seed;
  if (const Field* f = top.find("seed")) s.seed = r.unsigned_integer(*f);
  s.replications = s.base.replications;
  if (const Field* f = top.find("replications")) s.replications = r.unsigned_integer(*f);

  SweepReader sweep(r, s);
  if (const Field* f = top.find("set")) sweep.read_set(*f);
  const Field& axes_field = *top.find("axes");
  std::vector<AxisDraft> drafts = sweep.read_axes(axes_field);
  if (s.design == SweepDesign::Factorial) {
    expand_factorial(r, axes_field, s, drafts);
  } else {
    expand_hypercube(s, drafts, n);
  }
  for (AxisDraft& d : drafts) s.axes.push_back(std::move(d.axis));

  // Every point is built now, so a bad combination stops the sweep before anything runs.
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    try {
      (void)build_point(s, i);
    } catch (const ScenarioError& e) {
      if (!e.positioned()) throw;
      throw ScenarioError(e.file(), e.line(), e.column(), e.key_path(),
                          e.message() + " (at sweep point " + std::to_string(i) + ": " +
                              assignments(s.points[i]) + ")");
    }
  }
  return s;
}

SweepSpec load_sweep_file(const std::string& path) {
  return parse_sweep(read_input_file(path), path);
}

Scenario build_point(const SweepSpec& spec, std::size_t i) {
  std::vector<Override> all = spec.points.at(i);
  all.push_back(Override{"seed", std::to_string(spec.seed), spec.path, 0, 0});
  all.push_back(Override{"replications", std::to_string(spec.replications), spec.path, 0, 0});
  return apply_overrides(spec.base, all);
}

}  // namespace cmhsim::scenario
