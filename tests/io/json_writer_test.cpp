// Tests the JSON emitter: escaping, number formatting, structure and misuse.
// Knows nothing of results.
#include "io/json_writer.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

std::string as_json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("json strings escape quotes, backslashes and control characters", "[json]") {
  CHECK(as_json_string("plain") == R"("plain")");
  CHECK(as_json_string("say \"hi\"") == R"("say \"hi\"")");
  CHECK(as_json_string("C:\\path\\") == R"("C:\\path\\")");
  CHECK(as_json_string("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
  CHECK(as_json_string(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
  CHECK(as_json_string(std::string("nul\0byte", 8)) == R"("nul\u0000byte")");
  CHECK(as_json_string("café — ü") == "\"café — ü\"");  // UTF-8 passes through
  CHECK(as_json_string("") == R"("")");
}

TEST_CASE("json numbers round-trip and non-finite values become null", "[json]") {
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
  CHECK(json_number(-std::numeric_limits<double>::infinity()) == "null");
  CHECK(json_number(0.1) == "0.10000000000000001");
  CHECK(json_number(2.5) == "2.5");
  CHECK(json_number(1e300) == "1.0000000000000001e+300");
  CHECK(json_number(-0.0) == "-0");
  CHECK(json_number(3.0) == "3");
  for (const double x :
       {1.0 / 3.0, 4.9406564584124654e-324, 1.7976931348623157e308, -123.456e-7, 6.02214076e23}) {
    const std::string text = json_number(x);
    CHECK(bits(std::strtod(text.c_str(), nullptr)) == bits(x));
  }
}

TEST_CASE("json writer separates members and elements", "[json]") {
  JsonWriter json;
  json.begin_object();
  json.key("a").begin_array().value(1).value(2.5).null().value(true).value("x").end_array();
  json.key("b").begin_object().end_object();
  json.key("c").begin_array().end_array();
  json.key("d").value(std::numeric_limits<double>::quiet_NaN());
  json.key("e").value(std::numeric_limits<std::uint64_t>::max());
  json.key("f").value(std::int64_t{-42});
  json.key("g").value(false);
  json.end_object();
  CHECK(json.str() == R"({"a": [1, 2.5, null, true, "x"], "b": {}, "c": [], "d": null, )"
                      R"("e": 18446744073709551615, "f": -42, "g": false})");
}

TEST_CASE("json writer escapes keys", "[json]") {
  JsonWriter json;
  json.begin_object().key("we\"ird\n").value("v").end_object();
  CHECK(json.str() == R"({"we\"ird\n": "v"})");
}

TEST_CASE("json writer rejects calls that do not form JSON", "[json][bad-input]") {
  SECTION("a value in an object without a key") {
    JsonWriter json;
    json.begin_object();
    CHECK_THROWS_AS(json.value(1), std::logic_error);
  }
  SECTION("a key in an array") {
    JsonWriter json;
    json.begin_array();
    CHECK_THROWS_AS(json.key("k"), std::logic_error);
  }
  SECTION("two keys in a row") {
    JsonWriter json;
    json.begin_object().key("a");
    CHECK_THROWS_AS(json.key("b"), std::logic_error);
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
  }
  SECTION("mismatched close") {
    JsonWriter json;
    json.begin_object();
    CHECK_THROWS_AS(json.end_array(), std::logic_error);
  }
  SECTION("incomplete or doubled document") {
    JsonWriter json;
    CHECK_THROWS_AS(json.str(), std::logic_error);
    json.begin_array();
    CHECK_THROWS_AS(json.str(), std::logic_error);
    json.end_array();
    CHECK(json.str() == "[]");
    CHECK_THROWS_AS(json.value(1), std::logic_error);
  }
}

}  // namespace cmhsim::io::test
