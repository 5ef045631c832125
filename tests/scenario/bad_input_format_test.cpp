// [bad-input] tests for file-level and key-level errors: syntax, unreadable files, unknown,
// duplicate and missing keys. Knows the public scenario API only.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"

using cmhsim::scenario::load_scenario_file;
using cmhsim::scenario::ScenarioError;
using cmhsim::scenario::testing::check_error;

TEST_CASE("YAML syntax error reports yaml-cpp's position", "[scenario][bad-input]") {
  check_error("horizon_days: 100\n  bad: indent\n", 2, 6, "", "invalid YAML: illegal map value");
}

TEST_CASE("unreadable file reports line 0 and the system's reason", "[scenario][bad-input]") {
  const std::string path = CMHSIM_BINARY_DIR "/no/such/dir/scenario.yaml";
  try {
    (void)load_scenario_file(path);
    FAIL("a missing file loaded");
  } catch (const ScenarioError& e) {
    CHECK(e.file() == path);
    CHECK(e.line() == 0);
    CHECK(e.column() == 0);
    CHECK(e.key_path().empty());
    CHECK(std::string(e.what()) == path + ":0:0: cannot read the file: No such file or directory");
  }
}

TEST_CASE("a directory given as scenario file is reported as unreadable", "[scenario][bad-input]") {
  const std::string path = CMHSIM_SOURCE_DIR "/tests/scenario";
  try {
    (void)load_scenario_file(path);
    FAIL("a directory loaded");
  } catch (const ScenarioError& e) {
    CHECK(e.line() == 0);
    CHECK(e.message() == "cannot read the file: it is a directory");
  }
}

TEST_CASE("empty scenario names the keys it needs", "[scenario][bad-input]") {
  check_error("# nothing but a comment\n", 1, 1, "",
              "the scenario is empty; expected a mapping with at least horizon_days, arrivals "
              "and services (a queueing network) or a population section (a pathway model)");
}

TEST_CASE("top level that is a list is rejected", "[scenario][bad-input]") {
  check_error("- horizon_days: 100\n", 1, 1, "",
              "expected a mapping of keys at the top level, got a list");
}

TEST_CASE("misspelt service key suggests the allowed key", "[scenario][bad-input]") {
  const std::string text = R"(name: ics
horizon_days: 100
arrivals:
  referrals:
    to: cmht
    interarrival: {dist: exponential, mean: 0.1}
services:
  crisis:
    servers: 2
    service_time: {dist: exponential, mean: 1}
  cmht:
    servrs: 10
    service_time: {dist: exponential, mean: 2}
)";
  check_error(text, 12, 5, "services.cmht.servrs", "unknown key (did you mean 'servers'?)");
  CHECK(std::string(cmhsim::scenario::testing::error_of(text).what()) ==
        "ics.yaml:12:5: services.cmht.servrs: unknown key (did you mean 'servers'?)");
}

TEST_CASE("unknown key with no close match lists the allowed keys", "[scenario][bad-input]") {
  check_error("horizon_days: 100\ncolour: red\n", 2, 1, "colour",
              "unknown key (allowed: name, description, horizon_days, warmup_days, replications, "
              "seed, arrivals, services, uncertainty)");
}

TEST_CASE("key outside a distribution family is unknown for that family", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, rate: 10}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
)",
              3, 59, "arrivals.referrals.interarrival.rate",
              "unknown key for an exponential distribution (allowed: dist, mean)");
}

TEST_CASE("duplicate key within a service names the first occurrence", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht:
    servers: 1
    service_time: {dist: exponential, mean: 2}
    servers: 2
)",
              8, 5, "services.cmht.servers", "duplicate key (first given at line 6)");
}

TEST_CASE("duplicate service name is rejected", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
  cmht: {servers: 2, service_time: {dist: exponential, mean: 2}}
)",
              6, 3, "services.cmht", "duplicate key (first given at line 5)");
}

TEST_CASE("missing required service key points at its parent mapping", "[scenario][bad-input]") {
  check_error(
      R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht:
    servers: 1
    queue: {capacity: 5}
)",
      6, 5, "services.cmht.service_time",
      "missing required key (expected a distribution such as {dist: exponential, mean: 2})");
}

TEST_CASE("missing required top-level key points at the document", "[scenario][bad-input]") {
  check_error(R"(arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
)",
              1, 1, "horizon_days", "missing required key (expected a number in (0, 36525])");
}

TEST_CASE("distribution without dist names the families", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht:
    servers: 1
    service_time: {mean: 2}
)",
              7, 19, "services.cmht.service_time.dist",
              "missing required key (expected one of 'exponential', 'lognormal', 'gamma', "
              "'uniform', 'fixed', 'empirical')");
}

TEST_CASE("misspelt distribution family suggests the family", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht:
    servers: 1
    service_time: {dist: exponental, mean: 2}
)",
              7, 26, "services.cmht.service_time.dist",
              "got 'exponental' (did you mean 'exponential'?)");
}
