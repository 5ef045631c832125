// Strict parsing of comparison requests with nlohmann-json: every refusal is a RequestError
// with status 400 and a message saying which key is wrong and why.
#include "serve/compare_request.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "scenario/parameter_table.hpp"
#include "serve/serve_error.hpp"

namespace cmhsim::serve {
namespace {

using Json = nlohmann::ordered_json;

RequestError bad(const std::string& message) { return RequestError(400, message); }

std::string text_of(const Json& v, const std::string& key, const RequestLimits& limits) {
  if (!v.is_string()) throw bad("'" + key + "' must be a string");
  const auto& s = v.get_ref<const std::string&>();
  if (s.empty() || s.size() > limits.max_text) {
    throw bad("'" + key + "' must be 1 to " + std::to_string(limits.max_text) + " characters");
  }
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      throw bad("'" + key + "' must not hold control characters");
    }
  }
  return s;
}

/// Returns a `set` value as the YAML text `--set` would be given.
std::string set_value(const Json& v, const std::string& key, const RequestLimits& limits) {
  const std::string where = "set." + key;
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number_float()) {
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw bad("'" + where + "' must be a finite number");
    return scenario::format_number(x);
  }
  if (v.is_string()) return text_of(v, where, limits);
  throw bad("'" + where + "' must be a number or a string");
}

}  // namespace

bool valid_page_name(const std::string& page) {
  if (page.empty() || page.size() > 64) return false;
  for (const char c : page) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

int json_depth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

CompareRequest parse_compare_request(const std::string& body, const RequestLimits& limits) {
  // Checked before parsing, so a deeply nested body costs no recursion.
  if (json_depth(body) > limits.max_depth) throw bad("the request is nested too deeply");
  const Json doc = Json::parse(body, nullptr, false);
  if (doc.is_discarded()) throw bad("the request body is not valid JSON");
  if (!doc.is_object()) throw bad("the request must be a JSON object");
  CompareRequest out;
  bool has_page = false;
  bool has_baseline = false;
  bool has_set = false;
  for (const auto& [key, v] : doc.items()) {
    if (key == "page") {
      out.page = text_of(v, key, limits);
      if (!valid_page_name(out.page)) {
        throw bad("'page' must be 1 to 64 letters, digits, '-' or '_'");
      }
      has_page = true;
    } else if (key == "baseline") {
      out.baseline = text_of(v, key, limits);
      has_baseline = true;
    } else if (key == "set") {
      if (!v.is_object()) throw bad("'set' must be an object of key paths and values");
      if (v.size() > limits.max_keys) {
        throw bad("'set' may hold at most " + std::to_string(limits.max_keys) + " keys");
      }
      for (const auto& [path, value] : v.items()) {
        if (path.empty() || path.size() > limits.max_text) {
          throw bad("a key path in 'set' must be 1 to " + std::to_string(limits.max_text) +
                    " characters");
        }
        out.set.push_back(path + "=" + set_value(value, path, limits));
      }
      has_set = true;
    } else if (key == "replications") {
      if (!v.is_number_unsigned() || v.get<std::uint64_t>() < 2 ||
          v.get<std::uint64_t>() > limits.max_replications) {
        throw bad("'replications' must be a whole number from 2 to " +
                  std::to_string(limits.max_replications));
      }
      out.replications = v.get<std::uint64_t>();
    } else if (key == "precision") {
      if (!v.is_number() || !(v.get<double>() >= 0.0 && v.get<double>() <= 1.0)) {
        throw bad("'precision' must be a number from 0 to 1");
      }
      out.precision = v.get<double>();
    } else {
      throw bad("unknown key '" + key.substr(0, 64) +
                "'; a request has page, baseline, set, replications and precision");
    }
  }
  if (!has_page) throw bad("'page' is missing");
  if (!has_baseline) throw bad("'baseline' is missing");
  if (!has_set) throw bad("'set' is missing");
  return out;
}

}  // namespace cmhsim::serve
