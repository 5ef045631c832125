// A small streaming JSON emitter with RFC 8259 string escaping and round-trip doubles.
// Knows nothing of what is being written.
#include "io/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace cmhsim::io {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20) {
          // Other control characters have no short escape.
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xF];
        } else {
          // Bytes of multi-byte UTF-8 sequences pass through unchanged.
          out += c;
        }
      }
    }
  }
  out += '"';
}

std::string json_number(double x) {
  if (!std::isfinite(x)) return "null";
  // to_chars is locale-independent, unlike printf("%.17g"), and gives the same digits.
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x,
                                    std::chars_format::general, 17);
  return std::string(buffer.data(), result.ptr);
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  stack_.push_back({Scope::Object});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (stack_.empty() || stack_.back().scope != Scope::Object || stack_.back().awaiting_value) {
    throw std::logic_error("JsonWriter: end_object() without a complete open object");
  }
  stack_.pop_back();
  out_ += '}';
  complete_ = stack_.empty();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  stack_.push_back({Scope::Array});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  if (stack_.empty() || stack_.back().scope != Scope::Array) {
    throw std::logic_error("JsonWriter: end_array() without an open array");
  }
  stack_.pop_back();
  out_ += ']';
  complete_ = stack_.empty();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || stack_.back().scope != Scope::Object || stack_.back().awaiting_value) {
    throw std::logic_error("JsonWriter: key() outside an object or twice in a row");
  }
  Level& level = stack_.back();
  if (!level.empty) out_ += ", ";
  level.empty = false;
  level.awaiting_value = true;
  append_json_string(out_, name);
  out_ += ": ";
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  complete_ = stack_.empty();
  return *this;
}

JsonWriter& JsonWriter::value(double x) { return raw_value(json_number(x)); }

JsonWriter& JsonWriter::value(std::int64_t x) { return raw_value(std::to_string(x)); }

JsonWriter& JsonWriter::value(std::uint64_t x) { return raw_value(std::to_string(x)); }

JsonWriter& JsonWriter::value(bool b) { return raw_value(b ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return raw_value("null"); }

const std::string& JsonWriter::str() const {
  if (!complete_) throw std::logic_error("JsonWriter: the document is incomplete");
  return out_;
}

void JsonWriter::before_value() {
  if (complete_) throw std::logic_error("JsonWriter: a document holds one top-level value");
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (level.scope == Scope::Object) {
    if (!level.awaiting_value) throw std::logic_error("JsonWriter: an object member needs a key");
    level.awaiting_value = false;
    return;
  }
  if (!level.empty) out_ += ", ";
  level.empty = false;
}

JsonWriter& JsonWriter::raw_value(std::string_view text) {
  before_value();
  out_ += text;
  complete_ = stack_.empty();
  return *this;
}

}  // namespace cmhsim::io
