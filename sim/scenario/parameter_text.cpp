// Text derived from parameter table entries: ranges, types, error expectations and plausible
// ranges, shared by the loader's messages and the generated reference. Knows nothing of YAML.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "scenario/parameter_table.hpp"

namespace cmhsim::scenario {

std::string format_number(double v) {
  char buf[64];
  // Plain digits read better than "1e+06" for the magnitudes of scenario values.
  const double mag = std::abs(v);
  const bool plain = v == 0.0 || (mag >= 1e-4 && mag < 1e15);
  const auto res = plain ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                         : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string interval_text(double lo, double hi) {
  std::string out = "[";
  out += format_number(lo);
  out += ", ";
  out += format_number(hi);
  return out + "]";
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool is_numeric(ValueKind k) {
  return k == ValueKind::Integer || k == ValueKind::Number || k == ValueKind::NumberList;
}

std::string bounds_text(const Bounds& b) {
  const bool has_lo = b.lo > -kInf;
  const bool has_hi = b.hi < kInf;
  if (has_lo && has_hi) {
    return std::string("in ") + (b.lo_open ? "(" : "[") + format_number(b.lo) + ", " +
           format_number(b.hi) + (b.hi_open ? ")" : "]");
  }
  if (has_lo) return (b.lo_open ? "> " : ">= ") + format_number(b.lo);
  if (has_hi) return (b.hi_open ? "< " : "<= ") + format_number(b.hi);
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
    case ValueKind::Categories:
      return "mapping by category";
    case ValueKind::NamedEntries:
      return "mapping of named entries";
    case ValueKind::Sequence:
      return "list of mappings";
    case ValueKind::KeyValue:
      return "value of that key";
    case ValueKind::KeyValueList:
      return "list of values of that key";
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
    case ValueKind::Categories: {
      std::string out = "a mapping with one value for each of ";
      const auto keys = children(p.path, p.schema);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        out += (i == 0 ? "" : ", ") + std::string(keys[i]->key());
      }
      return out;
    }
    case ValueKind::NamedEntries:
      if (p.range_note.empty()) return "a mapping of named entries";
      return "a mapping of named entries (" + std::string(p.range_note) + ")";
    case ValueKind::Sequence:
      return "a list of mappings";
    case ValueKind::KeyValue:
      return "a value of the scenario key";
    case ValueKind::KeyValueList:
      return "a non-empty list of values of the scenario key";
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

std::string plausible_text(const Parameter& p) {
  if (!p.plausible.known()) return "";
  std::string out = format_number(p.plausible.lo) + "–" + format_number(p.plausible.hi);
  return p.kind == ValueKind::Distribution ? "mean " + out : out;
}

}  // namespace cmhsim::scenario
