// Calibration files: reading and checking the file (and its targets CSV), resolving each
// parameter's prior against the scenario's key table, and building a point's scenario.
#include "scenario/calibration_file.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "scenario/calibration_csv.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/suggest.hpp"
#include "scenario/text_checks.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {
namespace {

namespace fs = std::filesystem;

const Parameter& calibration_entry(std::string_view path) {
  for (const Parameter& p : calibration_parameters()) {
    if (p.path == path) return p;
  }
  throw std::logic_error("no calibration-file key '" + std::string(path) + "'");
}

Override positioned(const std::string& key, std::string value, const std::string& file,
                    const YAML::Mark& mark) {
  const bool known = mark.pos >= 0;
  return Override{key, std::move(value), file, known ? mark.line + 1 : 0,
                  known ? mark.column + 1 : 0};
}

/// Returns the scenario file `f` names, relative to the calibration file's directory.
Scenario load_relative(const Reader& r, const Field& f, const std::string& text,
                       const std::string& source_name) {
  const fs::path file = (fs::path(source_name).parent_path() / text).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    r.fail(f, "no scenario file '" + file.string() +
                  "' (paths are relative to the calibration file's directory)");
  }
  return load_scenario_file(file.string());
}

class CalibrationReader {
 public:
  CalibrationReader(const Reader& r, CalibrationSpec& spec) : r_(r), s_(spec) {}

  void read_parameters(const Field& f) {
    if (!f.value.IsMap() || f.value.size() == 0) {
      r_.fail_expected(f, "a mapping of scenario key paths to priors");
    }
    std::vector<Field> entries;
    for (const auto& entry : f.value) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar() || key.Scalar().empty()) {
        r_.fail(key.Mark(), f.path,
                "expected a scenario key path as key, got " + Reader::describe(key));
      }
      entries.push_back(Field{entry.second, key.Mark(), key.Scalar(), "parameters." + key.Scalar(),
                              &calibration_entry("parameters.<key path>")});
    }
    for (const Field& e : entries) {
      for (const ParameterPrior& p : s_.parameters) {
        if (p.key_path == e.name) {
          r_.fail(*e.key_mark, e.path,
                  "duplicate parameter (first given at line " + std::to_string(p.line) + ")");
        }
      }
      s_.parameters.push_back(read_parameter(e));
    }
  }

  void read_targets(const Field& f) {
    if (!f.value.IsDefined() || f.value.IsNull()) return;
    if (!f.value.IsSequence()) r_.fail_expected(f, "a list of targets");
    std::size_t i = 0;
    for (const YAML::Node& item : f.value) {
      const Field field{item, std::nullopt, "", "targets[" + std::to_string(i++) + "]",
                        &calibration_entry("targets")};
      if (!item.IsMap()) r_.fail_expected(field, "a mapping {metric, observed, sd or ci95}");
      const Fields t = r_.mapping(field, calibration_children("targets[]"), "of a target");
      CalibrationTarget target;
      target.origin = s_.path;
      target.line = item.Mark().line + 1;
      target.column = item.Mark().column + 1;
      target.metric = r_.text(*t.find("metric"));
      if (target.metric.empty()) r_.fail(*t.find("metric"), "expected a metric name");
      if (const Field* sc = t.find("scenario")) {
        target.scenario =
            scenario_index(r_.text(*sc), [&](const std::string& m) { r_.fail(*sc, m); });
      }
      target.observed = r_.number(*t.find("observed"));
      const Field* sd = t.find("sd");
      const Field* ci = t.find("ci95");
      if ((sd == nullptr) == (ci == nullptr)) {
        r_.fail(field,
                sd == nullptr ? "expected sd or ci95, got neither" : "give sd or ci95, not both");
      }
      if (sd != nullptr) {
        target.sd = r_.number(*sd);
      } else {
        const std::vector<double> ends = r_.numbers(*ci);
        if (ends.size() != 2 || !(ends[0] < ends[1])) {
          r_.fail_expected(*ci, "two numbers [lo, hi] with lo < hi");
        }
        target.sd = (ends[1] - ends[0]) / 3.92;
      }
      s_.targets.push_back(std::move(target));
    }
  }

  void read_targets_csv(const Field& f) {
    const fs::path file = (fs::path(s_.path).parent_path() / r_.text(f)).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      r_.fail(f, "no CSV file '" + file.string() +
                     "' (paths are relative to the calibration file's directory)");
    }
    const std::string text = read_input_file(file.string());
    s_.text += "\n# " + file.string() + ":\n" + text;
    for (const CsvTarget& row : parse_targets_csv(text, file.string())) {
      CalibrationTarget target;
      target.metric = row.metric;
      target.observed = row.observed;
      target.sd = row.sd;
      target.origin = file.string();
      target.line = row.line;
      target.column = row.column;
      if (!row.scenario.empty()) {
        target.scenario = scenario_index(row.scenario, [&](const std::string& m) {
          throw ScenarioError(file.string(), row.line, row.scenario_column, "scenario", m);
        });
      }
      s_.targets.push_back(std::move(target));
    }
  }

 private:
  template <class Fail>
  std::size_t scenario_index(const std::string& name, const Fail& fail) const {
    for (std::size_t i = 0; i < s_.scenario_names.size(); ++i) {
      if (s_.scenario_names[i] == name) return i;
    }
    std::string hint = did_you_mean(name, s_.scenario_names);
    std::string names;
    for (const auto& n : s_.scenario_names) names += (names.empty() ? "" : ", ") + n;
    if (hint.empty()) hint = " (scenarios: " + names + ")";
    fail("no scenario named '" + name + "'" + hint);
    return 0;
  }

  ParameterPrior read_parameter(const Field& e) {
    const Override probe = positioned(e.name, "", s_.path, *e.key_mark);
    Parameter key = parameter_at(s_.scenarios[0], probe);
    for (std::size_t i = 1; i < s_.scenarios.size(); ++i)
      (void)parameter_at(s_.scenarios[i], probe);
    if (key.kind != ValueKind::Number && key.kind != ValueKind::Integer) {
      r_.fail(*e.key_mark, e.path,
              e.name + " takes a " + type_text(key) + "; only numeric keys can be calibrated");
    }
    ParameterPrior p;
    p.key_path = e.name;
    p.integer = key.kind == ValueKind::Integer;
    p.line = probe.line;
    p.column = probe.column;
    if (Reader::is_word(e, "plausible_range")) {
      if (!key.plausible.known()) {
        r_.fail(e, e.name +
                       " has no plausible range in the parameter table; give uniform: "
                       "[lo, hi] or normal: [mean, sd] with truncated: [lo, hi]");
      }
      p.lo = key.plausible.lo;
      p.hi = key.plausible.hi;
      return p;
    }
    if (!e.value.IsMap()) {
      r_.fail_expected(e,
                       "plausible_range, {uniform: [lo, hi]} or {normal: [mean, sd], "
                       "truncated: [lo, hi]}");
    }
    const Fields prior = r_.mapping(e, calibration_children("parameters.<key path>"), "of a prior");
    const Field* uniform = prior.find("uniform");
    const Field* normal = prior.find("normal");
    const Field* truncated = prior.find("truncated");
    if ((uniform == nullptr) == (normal == nullptr)) {
      r_.fail(e, uniform == nullptr ? "expected uniform: [lo, hi] or normal: [mean, sd], got "
                                      "neither"
                                    : "give uniform or normal, not both");
    }
    if (uniform != nullptr) {
      if (truncated != nullptr) {
        r_.fail(*truncated->key_mark, truncated->path, "truncated goes with normal, not uniform");
      }
    } else {
      const std::vector<double> ms = r_.numbers(*normal);
      if (ms.size() != 2 || !(ms[1] > 0.0)) {
        r_.fail_expected(*normal, "two numbers [mean, sd] with sd > 0");
      }
      p.kind = PriorKind::Normal;
      p.mean = ms[0];
      p.sd = ms[1];
      if (truncated == nullptr) {
        r_.fail(*normal->key_mark, join_path(e.path, "truncated"),
                "missing truncated: [lo, hi] (a normal prior is truncated to an interval within "
                "the key's bounds)");
      }
    }
    // The interval is the uniform's range, or the normal's truncation.
    const auto [lo, hi] = r_.interval(uniform != nullptr ? *uniform : *truncated, key, e.name);
    p.lo = lo;
    p.hi = hi;
    if (p.integer && std::ceil(p.lo) > std::floor(p.hi)) {
      r_.fail(e, interval_text(p.lo, p.hi) + " holds no whole number, and " + e.name +
                     " takes integers");
    }
    return p;
  }

  const Reader& r_;
  CalibrationSpec& s_;
};

std::string number_text(double v, bool integer) {
  if (integer) return std::to_string(std::llround(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::string CalibrationSpec::target_label(std::size_t t) const {
  const CalibrationTarget& target = targets.at(t);
  return target.scenario == 0 ? target.metric
                              : scenario_names.at(target.scenario) + "." + target.metric;
}

CalibrationSpec parse_calibration(const std::string& text, const std::string& source_name) {
  require_utf8(text, source_name);
  const Reader r(source_name);
  const YAML::Node root = r.load_mapping(
      text,
      "the calibration file is empty; expected a mapping with scenario, parameters and "
      "targets");
  const Field root_field{root, std::nullopt, "", "", nullptr};
  const Fields top = r.mapping(root_field, calibration_children(""), "of calibration files");

  CalibrationSpec s;
  s.path = source_name;
  s.text = text;
  s.name = fs::path(source_name).stem().string();
  if (const Field* f = top.find("name")) s.name = r.file_name(*f);
  if (const Field* f = top.find("description")) s.description = r.text(*f);

  const Field& main = *top.find("scenario");
  s.scenarios.push_back(load_relative(r, main, r.text(main), source_name));
  if (const Field* f = top.find("scenarios")) {
    if (!f->value.IsSequence()) r.fail_expected(*f, "a list of scenario files");
    for (const YAML::Node& item : f->value) {
      const Field file{item, std::nullopt, "", f->path, f->param};
      if (!item.IsScalar()) r.fail_expected(file, "a scenario file");
      s.scenarios.push_back(load_relative(r, file, item.Scalar(), source_name));
    }
  }
  for (std::size_t i = 0; i < s.scenarios.size(); ++i) {
    std::string name = s.scenarios[i].name;
    if (name.empty()) name = fs::path(s.scenarios[i].path).stem().string();
    for (const std::string& other : s.scenario_names) {
      if (other == name) {
        r.fail(*top.find("scenarios"), "two scenarios are named '" + name +
                                           "'; targets name scenarios, so give each its own "
                                           "name:");
      }
    }
    s.scenario_names.push_back(name);
  }

  if (const Field* f = top.find("method")) {
    const Fields m = r.mapping(*f, calibration_children("method"), "of the method");
    if (const Field* g = m.find("name")) s.method = r.choice(*g);
    if (const Field* g = m.find("population")) s.abc.population = r.unsigned_integer(*g);
    if (const Field* g = m.find("generations")) s.abc.generations = r.unsigned_integer(*g);
    if (const Field* g = m.find("quantile")) s.abc.quantile = r.number(*g);
    if (const Field* g = m.find("min_acceptance")) s.abc.min_acceptance = r.number(*g);
    if (const Field* g = m.find("tolerance_floor")) s.abc.tolerance_floor = r.number(*g);
    if (const Field* g = m.find("tolerances")) {
      s.abc.tolerances = r.numbers(*g);
      for (std::size_t i = 1; i < s.abc.tolerances.size(); ++i) {
        if (!(s.abc.tolerances[i] < s.abc.tolerances[i - 1])) {
          r.fail(*g, "expected decreasing tolerances, got " +
                         format_number(s.abc.tolerances[i - 1]) + " then " +
                         format_number(s.abc.tolerances[i]));
        }
      }
      s.abc.generations = s.abc.tolerances.size();
    }
  }
  s.seed = s.scenarios[0].seed;
  if (const Field* f = top.find("seed")) s.seed = r.unsigned_integer(*f);
  if (const Field* f = top.find("replications_per_point")) {
    s.replications_per_point = r.unsigned_integer(*f);
  }
  if (const Field* f = top.find("budget")) s.budget = r.unsigned_integer(*f);

  CalibrationReader cal(r, s);
  cal.read_parameters(*top.find("parameters"));
  const Field* targets = top.find("targets");
  if (targets != nullptr) cal.read_targets(*targets);
  const Field* csv = top.find("targets_csv");
  if (csv != nullptr) cal.read_targets_csv(*csv);
  for (std::size_t i = 0; i < s.targets.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const CalibrationTarget& a = s.targets[j];
      const CalibrationTarget& b = s.targets[i];
      if (a.metric == b.metric && a.scenario == b.scenario) {
        throw ScenarioError(b.origin, b.line, b.column, "metric",
                            "duplicate target " + s.target_label(i) + " (first given at " +
                                a.origin + ":" + std::to_string(a.line) + ")");
      }
    }
  }
  if (s.targets.empty()) {
    r.fail(targets != nullptr ? *targets : root_field,
           "expected at least one target (under targets or in targets_csv), got none");
  }
  const std::uint64_t first = s.abc.population * s.replications_per_point * s.scenarios.size();
  if (first > s.budget) {
    r.fail(top.find("budget") != nullptr ? *top.find("budget") : root_field,
           "a budget of " + std::to_string(s.budget) +
               " runs cannot pay for the first "
               "generation (" +
               std::to_string(first) +
               " runs: population x "
               "replications_per_point x scenarios)");
  }

  // The corners of the priors' support are built now, so a bad combination stops the
  // calibration before anything runs.
  std::vector<double> lo;
  std::vector<double> hi;
  for (const ParameterPrior& p : s.parameters) {
    lo.push_back(p.lo);
    hi.push_back(p.hi);
  }
  for (std::size_t i = 0; i < s.scenarios.size(); ++i) {
    (void)calibration_point(s, i, lo);
    (void)calibration_point(s, i, hi);
  }
  return s;
}

CalibrationSpec load_calibration_file(const std::string& path) {
  return parse_calibration(read_input_file(path), path);
}

std::vector<Override> calibration_overrides(const CalibrationSpec& spec,
                                            const std::vector<double>& values) {
  if (values.size() != spec.parameters.size()) {
    throw std::invalid_argument("a calibration point needs one value per parameter");
  }
  std::vector<Override> out;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const ParameterPrior& p = spec.parameters[k];
    out.push_back(
        Override{p.key_path, number_text(values[k], p.integer), spec.path, p.line, p.column});
  }
  out.push_back(Override{"seed", std::to_string(spec.seed), spec.path, 0, 0});
  out.push_back(
      Override{"replications", std::to_string(spec.replications_per_point), spec.path, 0, 0});
  return out;
}

Scenario calibration_point(const CalibrationSpec& spec, std::size_t s,
                           const std::vector<double>& values) {
  return apply_overrides(spec.scenarios.at(s), calibration_overrides(spec, values));
}

}  // namespace cmhsim::scenario
