// Tests that every pathway key reaches the config field its table entry binds: each key is set
// alone to a value other than its default, and that field, and no other key's, changes.
#include <catch2/catch.hpp>
#include <string>

#include "scenario/overrides.hpp"
#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {
namespace {

const Scenario& minimal() {
  static const Scenario sc =
      parse_scenario("horizon_days: 400\npopulation:\n  register_size: 15000\n", "minimal.yaml");
  return sc;
}

/// Returns a scenario whose CMHT caseloads are full and which has Care Partners, so the warm
/// start's waiting lists and Care Partner counts may be set.
const Scenario& busy() {
  static const Scenario sc = parse_scenario(
      "horizon_days: 400\npopulation:\n  register_size: 15000\ncare_partners:\n  fte: 4\n"
      "warm_start:\n  cmht_caseload: 7350\n",  // floor(210 FTE x 35), the default slots.
      "busy.yaml");
  return sc;
}

/// Returns a scenario whose register is not held stationary (so in-migration is its own key).
const Scenario& open_register() {
  static const Scenario sc = parse_scenario(
      "horizon_days: 400\npopulation:\n  register_size: 15000\n  stationary_register: 0\n",
      "open_register.yaml");
  return sc;
}

/// Returns the minimal (else the busy, else the open-register) scenario with `path` set to
/// `value`, or nullopt if a rule between keys refuses them all; `used` gets the base.
std::optional<Scenario> with(const std::string& path, const std::string& value,
                             const Scenario** used = nullptr) {
  for (const Scenario* base : {&minimal(), &busy(), &open_register()}) {
    try {
      if (used != nullptr) *used = base;
      return apply_overrides(*base, {{path, value, kSetOrigin, 0, 0}});
    } catch (const ScenarioError&) {
      // Tries the next base.
    }
  }
  return std::nullopt;
}

/// Returns the value `p` has in the minimal scenario (its default in a section left out).
double current(const Parameter& p) {
  for (const auto& [key, value] : minimal().resolved) {
    if (key == p.path) return std::stod(value);
  }
  return std::stod(std::string(p.default_value));
}

/// Returns candidate values other than `p`'s current one: its plausible range's ends, then others.
std::vector<double> candidates(const Parameter& p) {
  const double d = current(p);
  std::vector<double> out;
  for (const double v : {p.plausible.lo, p.plausible.hi, d + 1.0, d * 0.5, d + 0.01}) {
    const double value = p.kind == ValueKind::Integer ? std::round(v) : v;
    if (!std::isnan(value) && value != d && p.bounds.contains(value)) out.push_back(value);
  }
  return out;
}

/// Converts to any type, to count an aggregate's fields by initialising it.
struct AnyValue {
  template <class T>
  operator T() const;  // NOLINT(google-explicit-constructor): only used unevaluated.
};

/// Returns how many fields the aggregate T has (each array counted once).
template <class T, class... A>
constexpr std::size_t field_count() {
  if constexpr (requires { T{A{}..., AnyValue{}}; }) {
    return field_count<T, A..., AnyValue>();
  } else {
    return sizeof...(A);
  }
}

/// Returns how many table entries of `section` are bound to the config (the section itself
/// when its presence is a flag, and each category mapping once).
std::size_t bound_entries(std::string_view section) {
  std::size_t n = 0;
  for (const Parameter& p : parameters()) {
    const bool here = p.path == section || is_child_of(p.path, section);
    if (here && p.schema == Schema::Pathway && !std::holds_alternative<std::monostate>(p.binding)) {
      ++n;
    }
  }
  return n;
}

/// Returns the count of resolved values that differ between two scenarios.
std::size_t changed_keys(const Scenario& a, const Scenario& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.resolved.size() && i < b.resolved.size(); ++i) {
    n += a.resolved[i] != b.resolved[i];
  }
  return n;
}

}  // namespace

TEST_CASE("every numeric pathway key reaches its config field", "[scenario][pathway]") {
  std::size_t checked = 0;
  for (const Parameter& p : parameters()) {
    const bool scalar = std::holds_alternative<FieldRef<double>>(p.binding) ||
                        std::holds_alternative<FieldRef<std::uint32_t>>(p.binding);
    if (!scalar) continue;
    INFO(p.path);
    bool set = false;
    for (const double v : candidates(p)) {
      const Scenario* base = nullptr;
      const auto sc = with(std::string(p.path), format_number(v), &base);
      if (!sc) continue;
      model::PathwayConfig c = *sc->pathways;
      std::visit(
          [&](auto ref) {
            if constexpr (std::is_same_v<decltype(ref), FieldRef<double>> ||
                          std::is_same_v<decltype(ref), FieldRef<std::uint32_t>>) {
              CHECK(static_cast<double>(ref(c)) == v);
            }
          },
          p.binding);
      // Only this key changed; a key of a section left out also gives the section.
      const std::string_view section = p.path.substr(0, p.path.find('.'));
      const bool optional = section == "trial" || section == "warm_start";
      if (!optional) CHECK(changed_keys(*base, *sc) == 1);
      CHECK(sc->pathways->trial.enabled == (section == "trial"));
      CHECK(sc->pathways->warm_start.enabled == (section == "warm_start"));
      set = true;
      ++checked;
      break;
    }
    CHECK(set);
  }
  CHECK(checked > 90);
}

TEST_CASE("every category of every mapping reaches its array element", "[scenario][pathway]") {
  for (const Parameter& p : parameters()) {
    const auto* ref = std::get_if<CategoryRef>(&p.binding);
    if (ref == nullptr) continue;
    INFO(p.path);
    // Rotating the defaults keeps any sum and moves every value to another category.
    const auto keys = children(p.path, Schema::Pathway);
    std::vector<double> values;
    for (const Parameter* k : keys) values.push_back(std::stod(std::string(k->default_value)));
    std::rotate(values.begin(), values.begin() + 1, values.end());
    std::string mapping = "{";
    for (std::size_t i = 0; i < keys.size(); ++i) {
      mapping += (i ? ", " : "") + std::string(keys[i]->key()) + ": " + format_number(values[i]);
    }
    const auto sc = with(std::string(p.path), mapping + "}");
    REQUIRE(sc);
    model::PathwayConfig c = *sc->pathways;
    const std::span<double> got = ref->values(c);
    for (std::size_t i = 0; i < values.size(); ++i) CHECK(got[i] == values[i]);
  }
}

TEST_CASE("every distribution key reaches its config field", "[scenario][pathway]") {
  std::size_t checked = 0;
  for (const Parameter& p : parameters()) {
    const auto* ref = std::get_if<FieldRef<engine::Distribution>>(&p.binding);
    if (ref == nullptr) continue;
    INFO(p.path);
    const auto sc = with(std::string(p.path), "{dist: fixed, value: 12.5}");
    REQUIRE(sc);
    model::PathwayConfig c = *sc->pathways;
    CHECK((*ref)(c).kind() == engine::DistKind::Fixed);
    CHECK((*ref)(c).mean() == 12.5);
    CHECK(changed_keys(minimal(), *sc) == 1);
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("every word of a choice maps to the model's enumerator", "[scenario][pathway]") {
  for (const Parameter& p : parameters()) {
    const auto* ref = std::get_if<ChoiceRef>(&p.binding);
    if (ref == nullptr) continue;
    INFO(p.path);
    REQUIRE(p.word_list().size() == ref->names.size());
    for (std::size_t i = 0; i < ref->names.size(); ++i) {
      const auto sc = with(std::string(p.path), ref->names[i]);
      REQUIRE(sc);
      CHECK(ref->get(*sc->pathways) == i);
    }
  }
}

TEST_CASE("every field of the pathway config has one table entry", "[scenario][pathway]") {
  // A field without an entry would be left at zero by the loader; a count per section struct
  // catches it without listing the fields.
  using model::PathwayConfig;
  CHECK(field_count<model::PopulationConfig>() == bound_entries("population"));
  CHECK(field_count<model::ClinicalConfig>() == bound_entries("clinical"));
  CHECK(field_count<model::MortalityConfig>() == bound_entries("mortality"));
  CHECK(field_count<model::CarePartnerConfig>() == bound_entries("care_partners"));
  CHECK(field_count<model::SupervisionConfig>() == bound_entries("supervision"));
  CHECK(field_count<model::ServicesConfig>() == bound_entries("services"));
  CHECK(field_count<model::PolicyConfig>() == bound_entries("policies"));
  CHECK(field_count<model::CostConfig>() == bound_entries("costs"));
  CHECK(field_count<model::TrialConfig>() == bound_entries("trial"));
  CHECK(field_count<model::WarmStartConfig>() == bound_entries("warm_start"));
  // The sections, then the run length the loader sets from the run settings.
  CHECK(field_count<PathwayConfig>() == pathway_sections().size() + 2);
}

TEST_CASE("every pathway key of the table is bound to the config", "[scenario][pathway]") {
  for (const Parameter& p : parameters()) {
    if (p.schema != Schema::Pathway) continue;
    INFO(p.path);
    const std::string_view parent = p.path.substr(0, p.path.rfind('.'));
    const bool category =
        parent != p.path && parameter(parent, Schema::Pathway).kind == ValueKind::Categories;
    const bool section = p.kind == ValueKind::Mapping;
    const bool run_setting = p.path.find('.') == std::string_view::npos && !section;
    if (category || section || run_setting) continue;
    CHECK_FALSE(std::holds_alternative<std::monostate>(p.binding));
  }
}

}  // namespace cmhsim::scenario
