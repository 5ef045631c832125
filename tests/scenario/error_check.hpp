// Helpers for [bad-input] tests: run the loader on text and check where and what it reports.
// Knows the public scenario API only.
#pragma once

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "scenario/scenario.hpp"

namespace cmhsim::scenario::testing {

/// Returns the ScenarioError that parsing `text` as "ics.yaml" throws; fails the test if none.
inline ScenarioError error_of(const std::string& text) {
  try {
    (void)parse_scenario(text, "ics.yaml");
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("the loader accepted invalid input:\n" << text);
  throw std::logic_error("unreachable");
}

/// Checks that `text` fails at ics.yaml:`line`:`column` on `key_path` with `phrase` in the message.
inline void check_error(const std::string& text, int line, int column, const std::string& key_path,
                        const std::string& phrase) {
  const ScenarioError e = error_of(text);
  INFO("what(): " << e.what());
  CHECK(e.file() == "ics.yaml");
  CHECK(e.line() == line);
  CHECK(e.column() == column);
  CHECK(e.key_path() == key_path);
  CHECK_THAT(e.message(), Catch::Matchers::Contains(phrase));
  const std::string prefix = "ics.yaml:" + std::to_string(line) + ":" + std::to_string(column) +
                             ": " + (key_path.empty() ? "" : key_path + ": ");
  CHECK(std::string(e.what()) == prefix + e.message());
}

}  // namespace cmhsim::scenario::testing
