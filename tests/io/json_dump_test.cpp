// Tests the JSON helpers shared by the summaries: estimates, escaping, number round trips, null
// for non-finite values, one line, invalid UTF-8 replaced. Knows nothing of results.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <limits>

#include "io/summary_json.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

TEST_CASE("json strings escape quotes, backslashes and control characters", "[json]") {
  CHECK(dump_json(Json("plain")) == R"("plain")");
  CHECK(dump_json(Json("say \"hi\"")) == R"("say \"hi\"")");
  CHECK(dump_json(Json("C:\\path\\")) == R"("C:\\path\\")");
  CHECK(dump_json(Json("a\nb\tc\rd\be\ff")) == R"("a\nb\tc\rd\be\ff")");
  CHECK(dump_json(Json(std::string("\x01\x1f\x7f", 3))) == "\"\\u0001\\u001f\x7f\"");
  CHECK(dump_json(Json(std::string("nul\0byte", 8))) == R"("nul\u0000byte")");
  CHECK(dump_json(Json("café — ü")) == "\"café — ü\"");  // UTF-8 passes through
  CHECK(dump_json(Json("")) == R"("")");
}

TEST_CASE("json keys are escaped and members keep their order", "[json]") {
  Json json;
  json["we\"ird\n"] = "v";
  json["b"] = 1;
  json["a"] = 2;
  CHECK(dump_json(json) == R"({"we\"ird\n":"v","b":1,"a":2})");
}

TEST_CASE("json with invalid UTF-8 is written with replacement characters", "[json][bad-input]") {
  const std::string bad("name\xff\xfe", 6);
  CHECK(dump_json(Json(bad)) == "\"name\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("json numbers round-trip and non-finite values become null", "[json]") {
  CHECK(dump_json(Json(std::numeric_limits<double>::quiet_NaN())) == "null");
  CHECK(dump_json(Json(std::numeric_limits<double>::infinity())) == "null");
  CHECK(dump_json(Json(-std::numeric_limits<double>::infinity())) == "null");
  CHECK(dump_json(Json(0.1)) == "0.1");
  CHECK(dump_json(Json(2.5)) == "2.5");
  CHECK(dump_json(Json(std::numeric_limits<std::uint64_t>::max())) == "18446744073709551615");
  CHECK(dump_json(Json(std::int64_t{-42})) == "-42");
  for (const double x : {1.0 / 3.0, 4.9406564584124654e-324, 1.7976931348623157e308, -123.456e-7,
                         6.02214076e23, 1e300, -0.0, 3.0}) {
    const std::string text = dump_json(Json(x));
    CHECK(bits(std::strtod(text.c_str(), nullptr)) == bits(x));
  }
}

TEST_CASE("an estimate is its mean and 95% interval, null where undefined", "[json]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(dump_json(estimate_json(engine::Estimate{2.5, 1.0, 4.0, 3})) ==
        R"({"mean":2.5,"ci95":[1.0,4.0]})");
  CHECK(dump_json(estimate_json(engine::Estimate{7.0, nan, nan, 1})) ==
        R"({"mean":7.0,"ci95":[null,null]})");
}

TEST_CASE("json is written on one line whatever the strings hold", "[json]") {
  Json json;
  json["a"] = {1, 2.5, nullptr, true, "x\ny"};
  json["b"] = Json::object();
  json["c"] = Json::array();
  const std::string text = dump_json(json);
  CHECK(text == R"({"a":[1,2.5,null,true,"x\ny"],"b":{},"c":[]})");
  CHECK(text.find('\n') == std::string::npos);
}

}  // namespace cmhsim::io::test
