// [abuse] tests for YAML that was misread: second documents, explicit tags, unterminated quotes,
// NUL bytes, deep nesting, list messages and long echoed values. Public API only.
#include <catch2/catch.hpp>
#include <string>

#include "../source_text.hpp"
#include "error_check.hpp"

using cmhsim::scenario::testing::check_error;
using cmhsim::scenario::testing::error_of;

namespace {

using cmhsim::test_text::read_text;

std::string pathway(const std::string& rest) {
  return "population:\n"
         "  register_size: 1000\n" +
         rest;
}

}  // namespace

TEST_CASE("a second YAML document is refused where it starts", "[scenario][abuse]") {
  check_error(pathway("---\npopulation: {register_size: 5}\n"), 3, 1, "",
              "a second YAML document; a scenario file holds one");
  check_error(pathway("---\n"), 3, 1, "", "a second YAML document");
}

TEST_CASE("a number tagged as a string is not read as a number", "[scenario][abuse]") {
  check_error(pathway("care_partners:\n  fte: !!str 40\n"), 4, 8, "care_partners.fte",
              "expected a number in [0, 10000], got '40' tagged tag:yaml.org,2002:str (write "
              "numbers without a tag)");
}

TEST_CASE("a number tagged as a number is still read", "[scenario][abuse]") {
  const auto s =
      cmhsim::scenario::parse_scenario(pathway("care_partners:\n  fte: !!float 40\n"), "ics.yaml");
  CHECK(s.pathways->care_partners.fte == 40.0);
}

TEST_CASE("an unterminated quote is reported at the key it swallowed", "[scenario][abuse]") {
  check_error(
      "description: \"ics baseline\nhorizon_days: 100\narrivals:\n"
      "  a: {to: s, interarrival: {dist: exponential, mean: 1}}\nservices:\n"
      "  s: {servers: 1, service_time: {dist: exponential, mean: 2}}\n",
      2, 1, "", "inside the quoted string opened at line 1; is its closing quote missing?");
}

TEST_CASE("a quoted string over several indented lines is still text", "[scenario][abuse]") {
  const auto s = cmhsim::scenario::parse_scenario(
      pathway("description: \"two lines,\n  note: this is text\"\n"), "ics.yaml");
  CHECK(s.description == "two lines, note: this is text");
}

TEST_CASE("a raw NUL byte is reported as such at its position", "[scenario][abuse]") {
  check_error(std::string("horizon_days: 1") + '\0' + "\n", 1, 16, "",
              "a NUL byte; a scenario file is text and holds none");
}

TEST_CASE("deep nesting is reported as too deep, not as a bad file", "[scenario][abuse]") {
  const auto e = error_of("description: " + std::string(3000, '[') + "\n");
  INFO(e.what());
  CHECK_THAT(e.message(), Catch::Matchers::Contains("nesting too deep (more than 500 levels)"));
  CHECK(e.line() > 0);
}

TEST_CASE("a list item's message does not repeat the list's rule", "[scenario][abuse]") {
  check_error(
      "horizon_days: 10\narrivals:\n  a: {to: s, interarrival: {dist: empirical, values: "
      "[1, .nan]}}\nservices:\n  s: {servers: 1, service_time: {dist: fixed, value: 1}}\n",
      3, 58, "arrivals.a.interarrival.values[1]",
      "expected a finite number in [0, 36525], got '.nan'");
}

TEST_CASE("long values are cut in messages", "[scenario][abuse]") {
  const auto e = error_of(pathway("care_partners:\n  fte: " + std::string(5000, 'x') + "\n"));
  CHECK(e.message().size() < 300);
  CHECK_THAT(e.message(), Catch::Matchers::Contains("... (5000 characters)"));
}

TEST_CASE("malformed input that loops yaml-cpp's multi-document reader fails fast",
          "[scenario][abuse]") {
  // Found by the fuzzer: YAML::LoadAll never returns on this text.
  const auto e = cmhsim::scenario::testing::error_of(
      read_text(CMHSIM_SOURCE_DIR "/tests/fuzz/corpus/regression_loadall_loop.yaml"));
  CHECK(e.line() == 1);
}
