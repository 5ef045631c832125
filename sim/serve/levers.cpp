// Lever descriptions from the parameter table and the baselines' resolved values; keys that
// decide who is simulated are left out, since a what-if cannot pair people who differ.
#include "serve/levers.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "scenario/parameter_table.hpp"

namespace cmhsim::serve {
namespace {

using Json = nlohmann::ordered_json;

const char* kind_name(scenario::ValueKind kind) {
  switch (kind) {
    case scenario::ValueKind::Integer:
      return "integer";
    case scenario::ValueKind::Number:
      return "number";
    case scenario::ValueKind::Choice:
      return "choice";
    case scenario::ValueKind::Distribution:
      return "distribution";
    default:
      return nullptr;
  }
}

Json finite_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Json describe(const std::string& path, const scenario::Parameter& p) {
  Json j;
  j["path"] = path;
  j["kind"] = kind_name(p.kind);
  j["unit"] = std::string(p.unit);
  j["description"] = std::string(p.description);
  j["source"] = std::string(p.source);
  j["default"] = std::string(p.default_value);
  j["min"] = finite_or_null(p.bounds.lo);
  j["min_open"] = p.bounds.lo_open;
  j["max"] = finite_or_null(p.bounds.hi);
  j["max_open"] = p.bounds.hi_open;
  j["range"] = scenario::range_text(p);
  j["plausible"] = p.plausible.known() ? Json::array({p.plausible.lo, p.plausible.hi}) : Json();
  j["plausible_text"] = scenario::plausible_text(p);
  j["words"] = p.word_list();
  j["values"] = Json::object();
  return j;
}

}  // namespace

const std::vector<std::string>& default_levers() {
  static const std::vector<std::string> levers{
      "care_partners.fte",
      "supervision.supervisor_fte",
      "supervision.hours_per_supervisor_fte_per_month",
      "supervision.half_effect_hours_per_care_partner",
      "policies.cmht_discharge_destination",
      "policies.proactive_coverage",
      "policies.proactive_interval_days",
      "services.cmht_coordinators_fte",
      "services.acute_beds_per_100k_adults",
      "services.crisis_team_slots",
  };
  return levers;
}

nlohmann::ordered_json levers_json(const std::vector<Baseline>& baselines) {
  std::vector<std::string> order;
  std::map<std::string, Json> found;
  for (const Baseline& b : baselines) {
    for (const auto& [path, value] : b.scenario.resolved) {
      // Top-level keys are run settings (seed, horizon); they are not levers.
      if (path.find('.') == std::string::npos) continue;
      if (scenario::defines_people(path, scenario::parameters())) continue;
      auto it = found.find(path);
      if (it == found.end()) {
        const scenario::Override probe{path, value, scenario::kSetOrigin, 0, 0};
        const scenario::Parameter p = scenario::parameter_at(b.scenario, probe);
        if (kind_name(p.kind) == nullptr) continue;
        it = found.emplace(path, describe(path, p)).first;
        order.push_back(path);
      }
      it->second["values"][b.scenario.name] = value;
    }
  }
  Json levers = Json::array();
  Json keys = Json::array();
  for (const auto& path : default_levers()) {
    if (found.count(path)) levers.push_back(found[path]);
  }
  for (const auto& path : order) {
    const auto& d = default_levers();
    if (std::find(d.begin(), d.end(), path) == d.end()) keys.push_back(found[path]);
  }
  return {{"levers", std::move(levers)}, {"keys", std::move(keys)}};
}

}  // namespace cmhsim::serve
