// A small streaming JSON emitter: objects, arrays, strings, numbers, booleans and null.
// Knows nothing of what is being written; output is one line, ": " and ", " separated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cmhsim::io {

/// Appends `text` to `out` as a JSON string literal, quoted and escaped.
void append_json_string(std::string& out, std::string_view text);

/// Returns `x` as a JSON number with 17 significant digits (round-trips), or `null` if not finite.
std::string json_number(double x);

/// Builds one JSON document; throws std::logic_error when calls do not form valid JSON.
class JsonWriter {
 public:
  /// Opens an object; follow with key()/value pairs and end_object().
  JsonWriter& begin_object();
  /// Closes the innermost object.
  JsonWriter& end_object();
  /// Opens an array; follow with values and end_array().
  JsonWriter& begin_array();
  /// Closes the innermost array.
  JsonWriter& end_array();
  /// Writes an object member's key; the next call writes its value.
  JsonWriter& key(std::string_view name);

  /// Writes a string value.
  JsonWriter& value(std::string_view text);
  /// Writes a string value.
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  /// Writes a number, or null when it is NaN or infinite.
  JsonWriter& value(double x);
  /// Writes an integer exactly.
  JsonWriter& value(std::int64_t x);
  /// Writes an integer exactly.
  JsonWriter& value(std::uint64_t x);
  /// Writes an integer exactly.
  JsonWriter& value(int x) { return value(static_cast<std::int64_t>(x)); }
  /// Writes true or false.
  JsonWriter& value(bool b);
  /// Writes null.
  JsonWriter& null();

  /// Returns the finished document; throws std::logic_error if it is incomplete.
  [[nodiscard]] const std::string& str() const;

 private:
  enum class Scope { Object, Array };
  struct Level {
    Scope scope;
    bool empty = true;
    bool awaiting_value = false;  ///< An object's key has been written.
  };

  /// Writes whatever separator must precede a value and checks a value is allowed here.
  void before_value();
  /// Appends a value's literal text.
  JsonWriter& raw_value(std::string_view text);

  std::string out_;
  std::vector<Level> stack_;
  bool complete_ = false;
};

}  // namespace cmhsim::io
