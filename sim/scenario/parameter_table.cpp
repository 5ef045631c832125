// The scenario parameter table: assembly of the per-section entries and lookups by path.
// Knows nothing of YAML or files; the loader and the reference generator read it.
#include "scenario/parameter_table.hpp"

#include <stdexcept>

#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario {
namespace {

using namespace table;

std::vector<Parameter> build_parameters() {
  std::vector<Parameter> out;
  add_common(out);
  add_network(out);
  add_population(out);
  add_clinical(out);
  add_mortality(out);
  add_workforce(out);
  add_services(out);
  add_costs_and_trial(out);
  add_uncertainty(out);
  add_economics(out);
  return out;
}

Parameter dist_key(std::string_view key, ValueKind kind, std::string_view unit, bool required,
                   std::string_view default_value, Bounds bounds, std::string_view note,
                   std::string_view description) {
  return {key, kind, unit, required, default_value, bounds, note, "", description, kInput};
}

std::vector<DistributionFamily> build_families() {
  using K = ValueKind;
  return {
      {"exponential",
       {dist_key("mean", K::Number, "days", true, "", kDays, "", "Mean.")},
       "mean",
       "Memoryless; the usual model of Poisson arrivals."},
      {"lognormal",
       {dist_key("mean", K::Number, "days", true, "", kDays, "", "Mean of the variable itself."),
        dist_key("sd", K::Number, "days", true, "", kDays, "",
                 "Standard deviation of the variable itself (not of its logarithm).")},
       "mean",
       "Right-skewed; a common model of lengths of stay and contact durations."},
      {"gamma",
       {dist_key("shape", K::Number, "", true, "", {0, true, 1e6, false}, "", "Shape."),
        dist_key("scale", K::Number, "days", true, "", kDays, "", "Scale.")},
       "shape × scale",
       "Flexible skew; shape 1 is exponential."},
      {"uniform",
       {dist_key("min", K::Number, "days", true, "", kDaysZero, "", "Smallest value."),
        dist_key("max", K::Number, "days", true, "", kDays, "and > min", "Largest value.")},
       "(min + max) / 2",
       "Every value between min and max equally likely."},
      {"fixed",
       {dist_key("value", K::Number, "days", true, "", kDays, "", "The value.")},
       "value",
       "Always the same value."},
      {"empirical",
       {dist_key("values", K::NumberList, "days", true, "", kDaysZero, "(weighted mean > 0)",
                 "The possible values."),
        dist_key("weights", K::NumberList, "", false, "equal weights", kNonNegative,
                 "(one per value, not all 0)", "Relative frequency of each value.")},
       "Σ weight·value / Σ weight",
       "One of the listed values, drawn in proportion to its weight."},
  };
}

}  // namespace

bool Bounds::contains(double v) const noexcept {
  const bool above = lo_open ? v > lo : v >= lo;
  const bool below = hi_open ? v < hi : v <= hi;
  return above && below;
}

std::string_view Parameter::key() const noexcept {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

std::vector<std::string> Parameter::word_list() const {
  std::vector<std::string> out;
  std::string_view rest = words;
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    out.emplace_back(rest.substr(0, bar));
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  return out;
}

const std::vector<Parameter>& parameters() {
  static const std::vector<Parameter> table = build_parameters();
  return table;
}

bool belongs_to(const Parameter& p, Schema schema) noexcept {
  return p.schema == Schema::Common || p.schema == schema;
}

const Parameter& parameter(std::string_view path, Schema schema) {
  for (const Parameter& p : parameters()) {
    if (p.path == path && belongs_to(p, schema)) return p;
  }
  throw std::logic_error("no scenario parameter '" + std::string(path) + "'");
}

bool is_child_of(std::string_view path, std::string_view parent) noexcept {
  if (!parent.empty()) {
    if (path.size() <= parent.size() + 1 || path.substr(0, parent.size()) != parent ||
        path[parent.size()] != '.') {
      return false;
    }
    path.remove_prefix(parent.size() + 1);
  }
  return path.find('.') == std::string_view::npos;
}

std::vector<const Parameter*> children(std::string_view path, Schema schema) {
  std::vector<const Parameter*> out;
  for (const Parameter& p : parameters()) {
    if (belongs_to(p, schema) && is_child_of(p.path, path)) out.push_back(&p);
  }
  return out;
}

bool defines_people(std::string_view path, const std::vector<Parameter>& table) {
  // Checks the path itself and each section above it: "population.a.b", "population.a", ...
  for (std::string_view prefix = path; !prefix.empty();) {
    for (const Parameter& p : table) {
      if (p.path == prefix && p.defines_people) return true;
    }
    const auto dot = prefix.rfind('.');
    prefix = dot == std::string_view::npos ? std::string_view() : prefix.substr(0, dot);
  }
  return false;
}

std::vector<const Parameter*> pathway_sections() {
  std::vector<const Parameter*> out;
  for (const Parameter* p : children("", Schema::Pathway)) {
    if (p->schema == Schema::Pathway && p->kind == ValueKind::Mapping) out.push_back(p);
  }
  return out;
}

const Parameter& distribution_selector() {
  static const Parameter dist{"dist",
                              ValueKind::Choice,
                              "",
                              true,
                              "",
                              kAny,
                              "",
                              "exponential|lognormal|gamma|uniform|fixed|empirical",
                              "The distribution family; it decides which other keys are allowed.",
                              kInput};
  return dist;
}

const std::vector<DistributionFamily>& distribution_families() {
  static const std::vector<DistributionFamily> families = build_families();
  return families;
}

const DistributionFamily* find_family(std::string_view name) {
  for (const DistributionFamily& f : distribution_families()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace cmhsim::scenario
