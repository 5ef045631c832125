// Tests that every pathway parameter has a unit, a source or "assumption", and a plausible range
// that lies within its bounds and holds its default. Knows the parameter table and yaml-cpp.
#include "scenario/parameter_table.hpp"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <string>

using namespace cmhsim::scenario;

namespace {

bool is_value(const Parameter& p) {
  return p.schema == Schema::Pathway &&
         (p.kind == ValueKind::Number || p.kind == ValueKind::Integer ||
          p.kind == ValueKind::Distribution || p.kind == ValueKind::Choice);
}

bool is_run_setting(const Parameter& p) { return p.path.find('.') == std::string_view::npos; }

/// Returns the mean of a default distribution written as a YAML flow mapping.
double default_mean(std::string_view text) {
  const YAML::Node d = YAML::Load(std::string(text));
  const std::string family = d["dist"].as<std::string>();
  if (family == "gamma") return d["shape"].as<double>() * d["scale"].as<double>();
  if (family == "lognormal" || family == "exponential") return d["mean"].as<double>();
  if (family == "fixed") return d["value"].as<double>();
  FAIL("no mean for default family " << family);
  return 0.0;
}

}  // namespace

TEST_CASE("every pathway value has a unit, a source and a plausible range", "[reference]") {
  int values = 0;
  for (const Parameter& p : parameters()) {
    if (!is_value(p) || is_run_setting(p)) continue;
    ++values;
    INFO(p.path);
    // A model parameter names where its default comes from, or says it is an assumption or a
    // policy lever; the generic scenario-input note is for run settings only.
    CHECK_FALSE(p.source.empty());
    CHECK(p.source != "n/a (scenario input)");
    if (p.kind == ValueKind::Choice) {
      CHECK_FALSE(p.plausible.known());
      continue;
    }
    CHECK_FALSE(p.unit.empty());
    REQUIRE(p.plausible.known());
    CHECK(p.plausible.lo <= p.plausible.hi);
  }
  // Every field of model::PathwayConfig has an entry (binding_test.cpp checks it per section).
  CHECK(values > 0);
}

TEST_CASE("plausible ranges lie within bounds and hold the default", "[reference]") {
  for (const Parameter& p : parameters()) {
    if (!is_value(p) || is_run_setting(p) || !p.plausible.known()) continue;
    INFO(p.path);
    if (p.kind == ValueKind::Distribution) {
      CHECK(p.plausible.lo > 0.0);
      const double mean = default_mean(p.default_value);
      CHECK(p.plausible.lo <= mean);
      CHECK(mean <= p.plausible.hi);
      continue;
    }
    CHECK(p.bounds.contains(p.plausible.lo));
    CHECK(p.bounds.contains(p.plausible.hi));
    if (p.required) continue;
    const double v = std::stod(std::string(p.default_value));
    CHECK(p.bounds.contains(v));
    CHECK(p.plausible.lo <= v);
    CHECK(v <= p.plausible.hi);
  }
}

TEST_CASE("published figures are the defaults of the parameters that cite them", "[reference]") {
  const auto check = [](std::string_view path, std::string_view value, std::string_view cite) {
    const Parameter& p = parameter(path, Schema::Pathway);
    INFO(path);
    CHECK(p.default_value == value);
    CHECK_THAT(std::string(p.source), Catch::Matchers::Contains(std::string(cite)));
  };
  check("population.incidence_per_100k_per_year", "46.4", "Hardoon et al. 2013");
  check("mortality.natural_excess_by_diagnosis.bipolar", "0.73", "Hayes et al. 2017");
  check("mortality.suicide_ratio", "12.86", "Saha et al. 2007");
  check("mortality.suicide_per_100k.male", "16.9", "ONS");
  check("mortality.crisis_suicide_per_100k", "1100", "Chung et al. 2017");
  check("mortality.treatment_hazard_ratio", "0.81", "CTT Collaboration 2005");
  check("services.physical_check_probability", "0.3", "144,160 of 489,185");
  // A leaver rate: the King's Fund's 19% is the vacancy rate, cited by the vacancy share instead.
  check("care_partners.turnover_per_year", "0.13", "13.6% of NHS mental health staff left");
  check("care_partners.vacancy_at_start_share", "0.2", "King's Fund 2023");
  check("supervision.turnover_per_year", "0.1", "NHS Digital workforce statistics");
  check("supervision.vacancy_at_start_share", "0.18", "18% of nursing posts");
  check("services.length_of_stay_days", "{dist: lognormal, mean: 36, sd: 32}",
        "NHS Benchmarking 2023 mean adult acute stay 39 days");
  check("services.cmht_caseload_per_fte", "35", "a maximum caseload of 35");
  check("costs.out_of_area_bed_day", "719", "GBP 620 a day in 2021/22");
  check("costs.gp_consultation", "40", "Unit Costs of Health and Social Care 2025");
  check("costs.cmht_contact", "279", "A06 Community Mental Health Team - Functional, GBP 278.91");
  check("costs.inpatient_bed_day", "719", "200MHPS Acute Adult Mental Health Care, GBP 719.10");
  check("economics.utility_stable", "0.92", "Mavranezouli 2010");
  check("trial.participants_intervention", "116", "Byng et al. 2023");
  check("population.network_shares.diverse_active", "0.3", "assumption");
}

TEST_CASE("baseline defaults have no Care Partners and no supervisors", "[reference]") {
  CHECK(parameter("care_partners.fte", Schema::Pathway).default_value == "0");
  CHECK(parameter("supervision.supervisor_fte", Schema::Pathway).default_value == "0");
  CHECK(parameter("population.register_size", Schema::Pathway).required);
}
