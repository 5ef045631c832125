// The contents of the scenario parameter table and the text derived from each entry.
// Knows nothing of YAML or files; the loader and the reference generator read it.
#include "scenario/parameter_table.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace cmhsim::scenario {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Bounds kAny{};
constexpr Bounds kPositive{0.0, true, kInf, false};
constexpr Bounds kNonNegative{0.0, false, kInf, false};
constexpr Bounds kAtLeastOne{1.0, false, kInf, false};
constexpr Bounds kUnitInterval{0.0, false, 1.0, false};
constexpr Bounds kInt32{-2147483648.0, false, 2147483647.0, false};
constexpr std::string_view kInput = "n/a (scenario input)";

std::vector<Parameter> build_parameters() {
  using K = ValueKind;
  return {
      {"name", K::Text, "", false, "the file name without directory and extension", kAny, "", "",
       "Short identifier of the scenario, used in results and reports.", kInput},
      {"description", K::Text, "", false, "empty", kAny, "", "",
       "Free text saying what the scenario represents.", kInput},
      {"horizon_days", K::Number, "days", true, "", kPositive, "", "",
       "Simulated time of each replication, from day 0.", kInput},
      {"warmup_days", K::Number, "days", false, "0", kNonNegative, "and < horizon_days", "",
       "Initial period left out of all statistics, so results describe the system once it has "
       "filled up rather than its empty start.",
       kInput},
      {"replications", K::Integer, "", false, "10", kAtLeastOne, "", "",
       "Independent replications, each with its own random streams; at least 2 are needed for "
       "confidence intervals.",
       kInput},
      {"seed", K::Integer, "", false, "1", kNonNegative, "(unsigned 64-bit)", "",
       "Base seed; replication r draws from streams keyed by (seed, r), so a run is reproducible.",
       kInput},
      {"arrivals", K::NamedEntries, "", true, "", kAny, "at least one entry", "",
       "Arrival streams, each named by its key, kept in the order written.", kInput},
      {"arrivals.<name>", K::Mapping, "", false, "", kAny, "", "",
       "One stream of new arrivals, such as referrals.", kInput},
      {"arrivals.<name>.to", K::ServiceName, "", true, "", kAny, "a key of `services`", "",
       "Service that every arrival of this stream joins first.", kInput},
      {"arrivals.<name>.interarrival", K::Distribution, "days", true, "", kAny, "", "",
       "Time between consecutive arrivals of the stream.", kInput},
      {"arrivals.<name>.priority", K::Integer, "", false, "0", kInt32, "", "",
       "Queue priority of this stream's customers at services whose discipline is `priority`; "
       "lower values are served first.",
       kInput},
      {"services", K::NamedEntries, "", true, "", kAny,
       "at least one entry; no service named `exit`", "",
       "Capacity-limited services (teams, clinics, beds), each named by its key, kept in the "
       "order written.",
       kInput},
      {"services.<name>", K::Mapping, "", false, "", kAny, "", "",
       "One service: its servers, service time, waiting line and routing.", kInput},
      {"services.<name>.servers", K::Integer, "", true, "", kNonNegative, "", "",
       "Number of servers (staff, caseload slots or beds) until the first schedule step; 0 is "
       "allowed only with a schedule.",
       kInput},
      {"services.<name>.service_time", K::Distribution, "days", true, "", kAny, "", "",
       "Time one server spends on one customer.", kInput},
      {"services.<name>.queue", K::Mapping, "", false, "an unlimited FIFO line", kAny, "", "",
       "The waiting line in front of the servers.", kInput},
      {"services.<name>.queue.capacity", K::Integer, "", false, "unlimited", kNonNegative, "",
       "unlimited",
       "Most customers that may wait; an arrival finding the line full is turned away (blocked). "
       "0 means nobody waits.",
       kInput},
      {"services.<name>.queue.discipline", K::Choice, "", false, "fifo", kAny, "", "fifo|priority",
       "Order of the line: first come first served, or by the arrival stream's priority and then "
       "first come.",
       kInput},
      {"services.<name>.patience", K::Distribution, "days", false,
       "none (customers wait indefinitely)", kAny, "", "",
       "Time a waiting customer stays in the line before leaving unserved (reneging).", kInput},
      {"services.<name>.routing", K::NamedEntries, "", false, "every customer exits", kAny,
       "probabilities sum to 1", "",
       "Where customers go after service here; each key is a service name or `exit`.", kInput},
      {"services.<name>.routing.<target>", K::Number, "", false, "", kUnitInterval, "", "",
       "Probability of going on to service `<target>` (or of leaving when the key is `exit`); a "
       "service's probabilities must sum to 1 within 1e-9.",
       kInput},
      {"services.<name>.schedule", K::Mapping, "", false, "none (servers never change)", kAny, "",
       "", "Changes the number of servers over time.", kInput},
      {"services.<name>.schedule.cycle_days", K::Number, "days", false,
       "none (the steps apply once)", kPositive, "", "",
       "Period after which the steps repeat, e.g. 7 for a weekly pattern.", kInput},
      {"services.<name>.schedule.steps", K::Sequence, "", true, "", kAny, "at least one step", "",
       "The steps, in order of `from_day`.", kInput},
      {"services.<name>.schedule.steps[]", K::Mapping, "", false, "", kAny, "", "",
       "One step of the schedule.", kInput},
      {"services.<name>.schedule.steps[].from_day", K::Number, "days", true, "", kNonNegative,
       "and strictly increasing (and < cycle_days if given)", "",
       "Day from which the step applies (counted within each cycle when `cycle_days` is given).",
       kInput},
      {"services.<name>.schedule.steps[].servers", K::Integer, "", true, "", kNonNegative, "", "",
       "Number of servers from `from_day` on.", kInput},
  };
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
       {dist_key("mean", K::Number, "days", true, "", kPositive, "", "Mean.")},
       "mean",
       "Memoryless; the usual model of Poisson arrivals."},
      {"lognormal",
       {dist_key("mean", K::Number, "days", true, "", kPositive, "",
                 "Mean of the variable itself."),
        dist_key("sd", K::Number, "days", true, "", kPositive, "",
                 "Standard deviation of the variable itself (not of its logarithm).")},
       "mean",
       "Right-skewed; a common model of lengths of stay and contact durations."},
      {"gamma",
       {dist_key("shape", K::Number, "", true, "", kPositive, "", "Shape."),
        dist_key("scale", K::Number, "days", true, "", kPositive, "", "Scale.")},
       "shape × scale",
       "Flexible skew; shape 1 is exponential."},
      {"uniform",
       {dist_key("min", K::Number, "days", true, "", kNonNegative, "", "Smallest value."),
        dist_key("max", K::Number, "days", true, "", kPositive, "and > min", "Largest value.")},
       "(min + max) / 2",
       "Every value between min and max equally likely."},
      {"fixed",
       {dist_key("value", K::Number, "days", true, "", kPositive, "", "The value.")},
       "value",
       "Always the same value."},
      {"empirical",
       {dist_key("values", K::NumberList, "days", true, "", kNonNegative, "(weighted mean > 0)",
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

const Parameter& parameter(std::string_view path) {
  for (const Parameter& p : parameters()) {
    if (p.path == path) return p;
  }
  throw std::logic_error("no scenario parameter '" + std::string(path) + "'");
}

std::vector<const Parameter*> children(std::string_view path) {
  std::vector<const Parameter*> out;
  for (const Parameter& p : parameters()) {
    std::string_view rest = p.path;
    if (!path.empty()) {
      if (rest.size() <= path.size() + 1 || rest.substr(0, path.size()) != path ||
          rest[path.size()] != '.') {
        continue;
      }
      rest.remove_prefix(path.size() + 1);
    }
    if (rest.find('.') == std::string_view::npos) out.push_back(&p);
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

namespace {

std::string number_text(double v) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

bool is_numeric(ValueKind k) {
  return k == ValueKind::Integer || k == ValueKind::Number || k == ValueKind::NumberList;
}

std::string bounds_text(const Bounds& b) {
  const bool has_lo = b.lo > -kInf;
  const bool has_hi = b.hi < kInf;
  if (has_lo && has_hi) {
    return std::string("in ") + (b.lo_open ? "(" : "[") + number_text(b.lo) + ", " +
           number_text(b.hi) + (b.hi_open ? ")" : "]");
  }
  if (has_lo) return (b.lo_open ? "> " : ">= ") + number_text(b.lo);
  if (has_hi) return (b.hi_open ? "< " : "<= ") + number_text(b.hi);
  return "";
}

std::string joined(std::string a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return a;
  return a + " " + std::string(b);
}

}  // namespace

std::string range_text(const Parameter& p) {
  if (p.kind == ValueKind::Choice) {
    std::string out;
    const auto words = p.word_list();
    for (std::size_t i = 0; i < words.size(); ++i) {
      out += (i == 0 ? "" : (i + 1 == words.size() ? " or " : ", ")) + ("`" + words[i] + "`");
    }
    return out;
  }
  if (is_numeric(p.kind)) return joined(bounds_text(p.bounds), p.range_note);
  return std::string(p.range_note);
}

std::string type_text(const Parameter& p) {
  switch (p.kind) {
    case ValueKind::Text:
      return "string";
    case ValueKind::ServiceName:
      return "service name";
    case ValueKind::Integer:
      return p.words.empty() ? "integer" : "integer or `" + std::string(p.words) + "`";
    case ValueKind::Number:
      return "number";
    case ValueKind::NumberList:
      return "list of numbers";
    case ValueKind::Choice:
      return "word";
    case ValueKind::Distribution:
      return "distribution";
    case ValueKind::Mapping:
      return "mapping";
    case ValueKind::NamedEntries:
      return "mapping of named entries";
    case ValueKind::Sequence:
      return "list of mappings";
  }
  return "value";
}

namespace {

std::string expectation_markdown(const Parameter& p) {
  switch (p.kind) {
    case ValueKind::Text:
      return "a string";
    case ValueKind::ServiceName:
      return "the name of a service";
    case ValueKind::Integer: {
      std::string out = joined(joined("an integer", bounds_text(p.bounds)), p.range_note);
      if (!p.words.empty()) out += " or '" + std::string(p.words) + "'";
      return out;
    }
    case ValueKind::Number:
      return joined(joined("a number", bounds_text(p.bounds)), p.range_note);
    case ValueKind::NumberList:
      return joined(joined("a non-empty list of numbers", bounds_text(p.bounds)), p.range_note);
    case ValueKind::Choice: {
      std::string out = "one of ";
      const auto words = p.word_list();
      for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", '" : "'") + words[i] + "'";
      return out;
    }
    case ValueKind::Distribution:
      return "a distribution such as {dist: exponential, mean: 2}";
    case ValueKind::Mapping:
      return "a mapping";
    case ValueKind::NamedEntries:
      if (p.range_note.empty()) return "a mapping of named entries";
      return "a mapping of named entries (" + std::string(p.range_note) + ")";
    case ValueKind::Sequence:
      return "a list of mappings";
  }
  return "a value";
}

}  // namespace

std::string expectation(const Parameter& p) {
  std::string out = expectation_markdown(p);
  // Messages quote words with ' where the reference uses Markdown code spans.
  std::replace(out.begin(), out.end(), '`', '\'');
  return out;
}

}  // namespace cmhsim::scenario
