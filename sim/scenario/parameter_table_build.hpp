// Building blocks of the parameter table: common bounds, entry constructors and the per-section
// builders. Internal to scenario/; knows nothing of YAML or of loading.
#pragma once

#include <limits>
#include <string_view>
#include <vector>

#include "scenario/parameter_table.hpp"

namespace cmhsim::scenario::table {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr Bounds kAny{};
inline constexpr Bounds kPositive{0.0, true, kInf, false};
inline constexpr Bounds kNonNegative{0.0, false, kInf, false};
inline constexpr Bounds kAtLeastOne{1.0, false, kInf, false};
inline constexpr Bounds kUnitInterval{0.0, false, 1.0, false};
inline constexpr Bounds kInt32{-2147483648.0, false, 2147483647.0, false};
inline constexpr Bounds kCount32{1.0, false, 4294967295.0, false};
inline constexpr Bounds kCount32Zero{0.0, false, 4294967295.0, false};
/// Bounds a run's length: 100 years, longer than any planning question.
inline constexpr double kMaxDays = 36525.0;
inline constexpr Bounds kDays{0.0, true, kMaxDays, false};
inline constexpr Bounds kDaysZero{0.0, false, kMaxDays, false};
/// Bounds intervals between one person's planned contacts: at most one a day.
inline constexpr Bounds kInterval{1.0, false, kMaxDays, false};
/// Bounds rates per person-year: at most one event a day.
inline constexpr Bounds kRate{0.0, true, 365.25, false};
inline constexpr Bounds kRateZero{0.0, false, 365.25, false};
/// Bounds hazard ratios and multipliers: a hundredfold change is beyond any published effect.
inline constexpr Bounds kMultiplier{0.0, true, 100.0, false};
/// Bounds staff in FTE: more than a whole ICS employs.
inline constexpr Bounds kFte{0.0, false, 10000.0, false};
/// Bounds concurrent places (beds, slots): more than England holds.
inline constexpr Bounds kPlaces{0.0, false, 1000000.0, false};
/// Bounds counts of people: the place's register is at most about 1% of 100 million people.
inline constexpr Bounds kPeople{1.0, false, 1000000.0, false};
inline constexpr Bounds kPeopleZero{0.0, false, 1000000.0, false};
/// Bounds GP practices: England has about 6,300; person records store the practice in 16 bits.
inline constexpr Bounds kPractices{1.0, false, 10000.0, false};
/// Bounds unit costs in GBP: far above any NHS reference cost.
inline constexpr Bounds kCost{0.0, false, 1e9, false};
/// Bounds MANSA points and scores (the scale runs from 1 to 7).
inline constexpr Bounds kMansaPoints{0.0, false, 6.0, false};
inline constexpr Bounds kMansaSd{0.0, true, 6.0, false};
/// Bounds standard deviations of ages in years.
inline constexpr Bounds kAgeSd{0.0, true, 120.0, false};
/// Bounds replications: results are held in memory until the run ends (about 75 KB each).
inline constexpr Bounds kReplications{1.0, false, 10000.0, false};
inline constexpr std::string_view kLocalData = "local data (today's caseloads and waiting lists)";
inline constexpr std::string_view kInput = "n/a (scenario input)";
inline constexpr std::string_view kLever = "n/a (policy lever)";
inline constexpr std::string_view kAssumption = "assumption";

/// Returns a pathway section (a top-level mapping of pathway scenarios).
inline Parameter section(Key key, bool required, std::string_view default_value,
                         std::string_view description) {
  return {key.path, ValueKind::Mapping, "",     required, default_value,   kAny,       "",
          "",       description,        kInput, {},       Schema::Pathway, key.binding};
}

/// Returns `p` marked as deciding who is simulated (every key below it too).
inline Parameter defining_people(Parameter p) {
  p.defines_people = true;
  return p;
}

/// Returns `p` as a key the file must give (no default).
inline Parameter mandatory(Parameter p) {
  p.required = true;
  p.default_value = "";
  return p;
}

/// Returns a real-valued pathway key.
inline Parameter number(Key key, std::string_view unit, std::string_view default_value,
                        Bounds bounds, Plausible plausible, std::string_view description,
                        std::string_view source) {
  return {key.path, ValueKind::Number, unit,   false,     default_value,   bounds,     "",
          "",       description,       source, plausible, Schema::Pathway, key.binding};
}

/// Returns a whole-number pathway key.
inline Parameter integer(Key key, std::string_view unit, std::string_view default_value,
                         Bounds bounds, Plausible plausible, std::string_view description,
                         std::string_view source) {
  return {key.path, ValueKind::Integer, unit,   false,     default_value,   bounds,     "",
          "",       description,        source, plausible, Schema::Pathway, key.binding};
}

/// Returns a pathway duration given as a distribution; `plausible` bounds its mean.
inline Parameter duration(Key key, std::string_view default_value, Plausible plausible,
                          std::string_view description, std::string_view source) {
  return {key.path,
          ValueKind::Distribution,
          "days",
          false,
          default_value,
          kAny,
          "",
          "",
          description,
          source,
          plausible,
          Schema::Pathway,
          key.binding};
}

/// Returns a pathway key taking one of the '|'-separated `words`.
inline Parameter choice(Key key, std::string_view default_value, std::string_view words,
                        std::string_view description, std::string_view source) {
  return {key.path, ValueKind::Choice, "",     false, default_value,   kAny,       "",
          words,    description,       source, {},    Schema::Pathway, key.binding};
}

/// Returns a mapping with one entry per category; `note` states a joint constraint.
inline Parameter categories(Key key, std::string_view note, std::string_view description) {
  return {key.path,
          ValueKind::Categories,
          "",
          false,
          "each category's default below",
          kAny,
          note,
          "",
          description,
          "see each category",
          {},
          Schema::Pathway,
          key.binding};
}

/// Returns `p` with its unit replaced by `unit` (a distribution of something other than days).
inline Parameter parameter_unit(Parameter p, std::string_view unit) {
  p.unit = unit;
  return p;
}

/// Returns `p` with `note`, a constraint involving other keys, added to its range.
inline Parameter noted(Parameter p, std::string_view note) {
  p.range_note = note;
  return p;
}

/// Appends the keys common to every scenario (run settings).
void add_common(std::vector<Parameter>& out);
/// Appends the keys of queueing-network scenarios (`arrivals`, `services`).
void add_network(std::vector<Parameter>& out);
/// Appends the `population` section.
void add_population(std::vector<Parameter>& out);
/// Appends the `clinical` section.
void add_clinical(std::vector<Parameter>& out);
/// Appends the `mortality` section.
void add_mortality(std::vector<Parameter>& out);
/// Appends the `care_partners` and `supervision` sections.
void add_workforce(std::vector<Parameter>& out);
/// Appends the pathway `services` and the `policies` sections.
void add_services(std::vector<Parameter>& out);
/// Appends the `costs` and `trial` sections.
void add_costs_and_trial(std::vector<Parameter>& out);
/// Appends the `uncertainty` section.
void add_uncertainty(std::vector<Parameter>& out);
/// Appends the `economics` section.
void add_economics(std::vector<Parameter>& out);

}  // namespace cmhsim::scenario::table
