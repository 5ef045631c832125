// Typed reading of YAML nodes against the parameter table, throwing positioned ScenarioErrors.
// Knows YAML and the table's value kinds; knows nothing of services, arrivals or the model.
#include "scenario/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

#include "scenario/scenario_error.hpp"
#include "scenario/suggest.hpp"

namespace cmhsim::scenario {
namespace {

enum class Parsed { Ok, Invalid, NonFinite, OutOfRange };

bool is_yaml_non_finite(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  return s == ".inf" || s == ".Inf" || s == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN";
}

// A leading '+' is valid YAML but std::from_chars does not take it.
std::string_view strip_plus(std::string_view s) {
  const bool plus =
      s.size() > 1 && s.front() == '+' && (s[1] == '.' || (s[1] >= '0' && s[1] <= '9'));
  return plus ? s.substr(1) : s;
}

Parsed parse_double(std::string_view s, double& out) {
  if (is_yaml_non_finite(s)) return Parsed::NonFinite;
  s = strip_plus(s);
  const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
  if (res.ec == std::errc::result_out_of_range) return Parsed::OutOfRange;
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return Parsed::Invalid;
  return std::isfinite(out) ? Parsed::Ok : Parsed::NonFinite;
}

template <typename Int>
Parsed parse_integer(std::string_view s, Int& out) {
  s = strip_plus(s);
  const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
  if (res.ec == std::errc::result_out_of_range) return Parsed::OutOfRange;
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return Parsed::Invalid;
  return Parsed::Ok;
}

// yaml-cpp tags quoted scalars "!" and plain ones "?".
bool is_quoted(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "!"; }

// A plain scalar, or one tagged as a number, may be read as a number.
bool may_be_number(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  return tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float";
}

/// Returns `s` cut to about 80 characters, so a message stays readable.
std::string cut(const std::string& s) {
  constexpr std::size_t kMaxEcho = 80;
  if (s.size() <= kMaxEcho) return s;
  std::size_t n = kMaxEcho;
  // Cutting inside a UTF-8 sequence would leave a broken character.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "... (" + std::to_string(s.size()) + " characters)";
}

/// Returns the 0-based line and column of byte `pos` of `text`.
YAML::Mark mark_at(const std::string& text, std::size_t pos) {
  YAML::Mark m;
  m.pos = static_cast<int>(pos);
  m.line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
  const auto nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  m.column = static_cast<int>(nl == std::string::npos || pos == 0 ? pos : pos - nl - 1);
  return m;
}

/// Returns true if `line` starts like a mapping key ("horizon_days: 5").
bool looks_like_key(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  const std::size_t start = i;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' ||
                             line[i] == '-' || line[i] == '.')) {
    ++i;
  }
  return i > start && i < line.size() && line[i] == ':' &&
         (i + 1 == line.size() || line[i + 1] == ' ');
}

/// Returns the position of the first line inside the quoted scalar at `open`, indented no more
/// than `indent`, that looks like a key, or npos: such a line shows a closing quote is missing.
std::size_t swallowed_key(const std::string& text, std::size_t open, std::size_t indent) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return std::string::npos;
      }
    } else if (text[i] == '\n') {
      const auto end = text.find('\n', i + 1);
      const std::string_view line(text.data() + i + 1,
                                  (end == std::string::npos ? text.size() : end) - i - 1);
      if (line.find_first_not_of(' ') <= indent && looks_like_key(line)) return i + 1;
    }
  }
  return std::string::npos;
}

std::string names_of(const std::vector<const Parameter*>& params) {
  std::string out;
  for (const Parameter* p : params) out += (out.empty() ? "" : ", ") + std::string(p->key());
  return out;
}

/// Returns true if `line` is a document marker ("---" or "...", alone or before a space).
bool is_marker(std::string_view line, std::string_view marker) {
  return line.substr(0, 3) == marker &&
         (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

/// Returns the position of the line that starts a second document, or npos.
///
/// Markers stand at column 0, where no value of the first document's mappings can continue.
std::size_t second_document(const std::string& text) {
  bool content = false;
  bool ended = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto nl = text.find('\n', pos);
    const std::size_t stop = nl == std::string::npos ? text.size() : nl;
    const std::string_view line(text.data() + pos, stop - pos);
    const auto first = line.find_first_not_of(" \t\r");
    const bool blank = first == std::string_view::npos || line[first] == '#';
    if (is_marker(line, "---")) {
      if (content || ended) return pos;
      // Text after "--- " on the same line belongs to the document.
      content = line.find_first_not_of(" \t\r", 3) != std::string_view::npos;
    } else if (is_marker(line, "...")) {
      ended = true;
    } else if (!blank && line[0] != '%') {
      if (ended) return pos;
      content = true;
    }
    pos = stop + 1;
  }
  return std::string::npos;
}

/// Returns the position of a key swallowed by a quoted value anywhere below `node`, or npos;
/// sets `opened` to the line (1-based) where that value's quote opens.
std::size_t find_swallowed_key(const std::string& text, const YAML::Node& node, int& opened) {
  if (!node.IsMap() && !node.IsSequence()) return std::string::npos;
  for (const auto& entry : node) {
    const YAML::Node value = node.IsMap() ? entry.second : entry;
    const bool quoted_value = node.IsMap() && is_quoted(value) && value.Mark().pos >= 0 &&
                              static_cast<std::size_t>(value.Mark().pos) < text.size() &&
                              (text[value.Mark().pos] == '"' || text[value.Mark().pos] == '\'');
    if (quoted_value) {
      const auto key_column = static_cast<std::size_t>(std::max(0, entry.first.Mark().column));
      const auto at = swallowed_key(text, static_cast<std::size_t>(value.Mark().pos), key_column);
      if (at != std::string::npos) {
        opened = value.Mark().line + 1;
        return at;
      }
    }
    const auto inner = find_swallowed_key(text, value, opened);
    if (inner != std::string::npos) return inner;
  }
  return std::string::npos;
}

/// Returns " (out of range)" for a value above the largest allowed, else nothing.
std::string range_hint(const Bounds& b, double v) {
  return b.hi_open ? (v >= b.hi ? " (out of range)" : "") : (v > b.hi ? " (out of range)" : "");
}

/// Returns the whole number `text` of field `f`, failing with `expected` if it is not one or
/// lies outside the entry's bounds.
template <class Int>
Int whole_number(const Reader& r, const Field& f, const std::string& text,
                 const std::string& expected) {
  Int v = 0;
  const Parsed parsed = parse_integer(text, v);
  if (parsed == Parsed::OutOfRange) r.fail_expected(f, expected, " (out of range)");
  if (parsed != Parsed::Ok) r.fail_expected(f, expected);
  if (!f.param->bounds.contains(static_cast<double>(v))) {
    r.fail_expected(f, expected, range_hint(f.param->bounds, static_cast<double>(v)));
  }
  return v;
}

}  // namespace

const Field* Fields::find(std::string_view key) const {
  for (const Field& f : items) {
    if (f.name == key) return &f;
  }
  return nullptr;
}

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

YAML::Mark Reader::where(const Field& f) {
  // yaml-cpp places an empty value at the next token, often on the next line: use the key.
  const bool empty = !f.value.IsDefined() || f.value.IsNull();
  if (f.key_mark && (empty || f.value.Mark().pos < 0)) return *f.key_mark;
  return f.value.Mark();
}

void Reader::fail(const YAML::Mark& mark, const std::string& path,
                  const std::string& message) const {
  const bool known = mark.pos >= 0;
  throw ScenarioError(file_, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, path, message);
}

void Reader::fail(const Field& f, const std::string& message) const {
  fail(where(f), f.path, message);
}

void Reader::fail_expected(const Field& f, const std::string& expected,
                           const std::string& hint) const {
  fail(f, "expected " + expected + ", got " + describe(f.value) + hint);
}

std::string Reader::describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (is_quoted(node)) return "the quoted string \"" + cut(node.Scalar()) + "\"";
  if (node.Tag() != "?") return "'" + cut(node.Scalar()) + "' tagged " + node.Tag();
  return "'" + cut(node.Scalar()) + "'";
}

bool Reader::is_word(const Field& f, std::string_view word) {
  return f.value.IsScalar() && f.value.Scalar() == word;
}

std::string Reader::scalar(const Field& f, const std::string& expected) const {
  if (!f.value.IsScalar()) fail_expected(f, expected);
  if (is_quoted(f.value)) fail_expected(f, expected, " (write numbers without quotes)");
  if (!may_be_number(f.value)) fail_expected(f, expected, " (write numbers without a tag)");
  return f.value.Scalar();
}

Fields Reader::mapping(const Field& f) const {
  const std::string_view pattern = f.param ? f.param->path : std::string_view();
  const bool named = f.param && f.param->kind == ValueKind::NamedEntries;
  auto allowed = children(pattern, schema_);
  if (named && (allowed.size() != 1 || allowed.front()->key().front() != '<')) {
    throw std::logic_error("named entries need one <...> child: " + std::string(pattern));
  }
  if (!named) return mapping(f, allowed, "");

  if (!f.value.IsDefined() || f.value.IsNull()) return {};
  if (!f.value.IsMap()) fail_expected(f, expectation(*f.param));
  Fields out;
  std::map<std::string, int> seen;
  for (const auto& entry : f.value) {
    const YAML::Node key = entry.first;
    Field item{entry.second, key.Mark(), "", "", allowed.front()};
    if (!key.IsScalar() || key.Scalar().empty()) {
      fail(key.Mark(), f.path, "expected a non-empty name as key, got " + describe(key));
    }
    item.name = key.Scalar();
    item.path = join_path(f.path, item.name);
    if (auto [pos, fresh] = seen.emplace(item.name, key.Mark().line + 1); !fresh) {
      fail(key.Mark(), item.path,
           "duplicate key (first given at line " + std::to_string(pos->second) + ")");
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

Fields Reader::mapping(const Field& f, const std::vector<const Parameter*>& allowed,
                       const std::string& what) const {
  Fields out;
  const bool empty = !f.value.IsDefined() || f.value.IsNull();
  if (!empty && !f.value.IsMap()) {
    fail_expected(f, f.param ? expectation(*f.param) : std::string("a mapping"));
  }
  std::map<std::string, int> seen;
  if (!empty) {
    for (const auto& entry : f.value) {
      const YAML::Node key = entry.first;
      if (!key.IsScalar()) fail(key.Mark(), f.path, "expected a key, got " + describe(key));
      const std::string name = key.Scalar();
      const std::string path = join_path(f.path, name);
      if (auto [pos, fresh] = seen.emplace(name, key.Mark().line + 1); !fresh) {
        fail(key.Mark(), path,
             "duplicate key (first given at line " + std::to_string(pos->second) + ")");
      }
      const Parameter* param = nullptr;
      for (const Parameter* p : allowed) {
        if (p->key() == name) param = p;
      }
      if (param == nullptr) {
        std::vector<std::string> candidates;
        for (const Parameter* p : allowed) candidates.emplace_back(p->key());
        std::string hint = did_you_mean(name, candidates);
        if (hint.empty()) hint = " (allowed: " + names_of(allowed) + ")";
        fail(key.Mark(), path, "unknown key" + (what.empty() ? "" : " " + what) + hint);
      }
      out.items.push_back(Field{entry.second, key.Mark(), name, path, param});
    }
  }
  for (const Parameter* p : allowed) {
    if (p->required && out.find(p->key()) == nullptr) {
      fail(where(f), join_path(f.path, p->key()),
           "missing required key (expected " + expectation(*p) + ")");
    }
  }
  return out;
}

std::vector<Field> Reader::sequence(const Field& f) const {
  std::vector<Field> out;
  if (!f.value.IsDefined() || f.value.IsNull()) return out;
  if (!f.value.IsSequence()) fail_expected(f, expectation(*f.param));
  const Parameter& item = parameter(std::string(f.param->path) + "[]", schema_);
  std::size_t i = 0;
  for (const YAML::Node& node : f.value) {
    out.push_back(Field{node, std::nullopt, "", f.path + "[" + std::to_string(i++) + "]", &item});
  }
  return out;
}

Fields Reader::categories(const Field& f) const {
  if (!f.value.IsMap()) fail_expected(f, expectation(*f.param));
  const auto allowed = children(f.param->path, schema_);
  std::vector<std::string> names;
  for (const Parameter* p : allowed) names.emplace_back(p->key());
  Fields out;
  std::map<std::string, int> seen;
  for (const auto& entry : f.value) {
    const YAML::Node key = entry.first;
    if (!key.IsScalar()) fail(key.Mark(), f.path, "expected a category, got " + describe(key));
    const std::string name = key.Scalar();
    const std::string path = join_path(f.path, name);
    if (auto [pos, fresh] = seen.emplace(name, key.Mark().line + 1); !fresh) {
      fail(key.Mark(), path,
           "duplicate category (first given at line " + std::to_string(pos->second) + ")");
    }
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string hint = did_you_mean(name, names);
      if (hint.empty()) hint = " (categories: " + names_of(allowed) + ")";
      fail(key.Mark(), path, "unknown category '" + name + "'" + hint);
    }
    out.items.push_back(Field{entry.second, key.Mark(), name, path,
                              allowed[static_cast<std::size_t>(it - names.begin())]});
  }
  for (const std::string& name : names) {
    if (out.find(name) == nullptr) {
      fail(where(f), join_path(f.path, name),
           "missing category '" + name + "' (expected " + expectation(*f.param) + ")");
    }
  }
  return out;
}

YAML::Node Reader::load_mapping(const std::string& text, const std::string& empty_message) const {
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    fail(mark_at(text, nul), "", "a NUL byte; a scenario file is text and holds none");
  }
  if (const auto second = second_document(text); second != std::string::npos) {
    fail(mark_at(text, second), "",
         "a second YAML document; a scenario file holds one (remove the '---' line)");
  }
  YAML::Node root;
  try {
    // YAML::LoadAll can loop forever on some malformed input, so read one document.
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    fail(e.mark, "", "nesting too deep (more than " + std::to_string(e.depth()) + " levels)");
  } catch (const YAML::Exception& e) {
    fail(e.mark, "", "invalid YAML: " + e.msg);
  }
  int opened = 0;
  if (const auto at = find_swallowed_key(text, root, opened); at != std::string::npos) {
    fail(mark_at(text, at), "",
         "this line lies inside the quoted string opened at line " + std::to_string(opened) +
             "; is its closing quote missing?");
  }
  if (!root.IsDefined() || root.IsNull()) throw ScenarioError(file_, 1, 1, "", empty_message);
  if (!root.IsMap()) {
    fail(root.Mark(), "", "expected a mapping of keys at the top level, got " + describe(root));
  }
  return root;
}

Field Reader::field_or_default(const Fields& fields, const Field& parent,
                               std::string_view key) const {
  if (const Field* f = fields.find(key)) return *f;
  const std::string path = join_path(parent.path, key);
  const Parameter& p = parameter(
      parent.param ? std::string(parent.param->path) + "." + std::string(key) : std::string(key),
      schema_);
  if (p.required || p.default_value.empty()) {
    throw std::logic_error("no default for scenario parameter '" + std::string(p.path) + "'");
  }
  return Field{YAML::Load(std::string(p.default_value)), std::nullopt, std::string(key), path, &p};
}

std::string Reader::text(const Field& f) const {
  if (!f.value.IsScalar()) fail_expected(f, expectation(*f.param));
  if (f.value.Scalar().find('\0') != std::string::npos) {
    fail(f, "expected text without NUL characters (\\0)");
  }
  return f.value.Scalar();
}

std::string Reader::file_name(const Field& f) const {
  std::string name = text(f);
  const bool plain =
      !name.empty() && name != "." && name != ".." &&
      std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
  if (!plain) {
    fail_expected(f,
                  "a file name of letters, digits, '-', '_' and '.' (not '.' or '..'), "
                  "as it names the default output file");
  }
  return name;
}

double Reader::number(const Field& f) const {
  const std::string expected = expectation(*f.param);
  const std::string s = scalar(f, expected);
  double v = 0.0;
  switch (parse_double(s, v)) {
    case Parsed::Ok:
      break;
    case Parsed::NonFinite:
      fail_expected(f, "a finite" + expected.substr(1));
    case Parsed::OutOfRange:
      fail_expected(f, expected, " (out of range)");
    case Parsed::Invalid:
      fail_expected(f, expected);
  }
  if (!f.param->bounds.contains(v)) fail_expected(f, expected, range_hint(f.param->bounds, v));
  return v;
}

std::int64_t Reader::integer(const Field& f) const {
  const std::string expected = expectation(*f.param);
  return whole_number<std::int64_t>(*this, f, scalar(f, expected), expected);
}

std::uint64_t Reader::unsigned_integer(const Field& f) const {
  const std::string expected = expectation(*f.param);
  return whole_number<std::uint64_t>(*this, f, scalar(f, expected), expected);
}

std::string Reader::choice(const Field& f) const {
  const std::string expected = expectation(*f.param);
  if (!f.value.IsScalar()) fail_expected(f, expected);
  const std::vector<std::string> words = f.param->word_list();
  for (const std::string& w : words) {
    if (f.value.Scalar() == w) return w;
  }
  fail_expected(f, expected, did_you_mean(f.value.Scalar(), words));
}

std::vector<double> Reader::numbers(const Field& f) const {
  if (!f.value.IsSequence() || f.value.size() == 0) fail_expected(f, expectation(*f.param));
  Parameter item = *f.param;
  item.kind = ValueKind::Number;
  // The list's own rule (such as "two numbers lo < hi") is not a rule of each item.
  item.range_note = "";
  std::vector<double> out;
  std::size_t i = 0;
  for (const YAML::Node& node : f.value) {
    out.push_back(
        number(Field{node, std::nullopt, "", f.path + "[" + std::to_string(i++) + "]", &item}));
  }
  return out;
}

std::array<double, 2> Reader::interval(const Field& f, const Parameter& key,
                                       const std::string& name) const {
  const std::vector<double> ends = numbers(f);
  if (ends.size() != 2) fail_expected(f, "two numbers [lo, hi]");
  const std::string text = interval_text(ends[0], ends[1]);
  if (!(ends[0] < ends[1])) fail(f, "expected lo < hi, got " + text);
  if (!key.bounds.contains(ends[0]) || !key.bounds.contains(ends[1])) {
    fail(f, text + " leaves the bounds of " + name + " (" + range_text(key) + ")");
  }
  return {ends[0], ends[1]};
}

}  // namespace cmhsim::scenario
