// [bad-input] tests for the network's structure: routing, service names, arrivals and schedules.
// Knows the public scenario API only.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"

using cmhsim::scenario::testing::check_error;

namespace {

// Lines 1-7 of every case here: an arrival stream and the start of service cmht.
std::string with_cmht(const std::string& rest) {
  return "horizon_days: 100\n"
         "arrivals:\n"
         "  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}\n"
         "services:\n"
         "  cmht:\n"
         "    servers: 10\n"
         "    service_time: {dist: exponential, mean: 2}\n" +
         rest;
}

const std::string kCrisis =
    "  crisis:\n"
    "    servers: 2\n"
    "    service_time: {dist: exponential, mean: 1}\n";

}  // namespace

TEST_CASE("routing probabilities not summing to 1 report the sum", "[scenario][bad-input]") {
  check_error(with_cmht("    routing: {crisis: 0.5, exit: 0.25}\n" + kCrisis), 8, 14,
              "services.cmht.routing", "probabilities sum to 0.75, expected 1 (within 1e-9)");
}

TEST_CASE("route to an unknown service suggests a known one", "[scenario][bad-input]") {
  check_error(with_cmht("    routing: {crsis: 0.5, exit: 0.5}\n" + kCrisis), 8, 15,
              "services.cmht.routing.crsis", "unknown service 'crsis' (did you mean 'crisis'?)");
}

TEST_CASE("route to an unknown service with no close match lists the services",
          "[scenario][bad-input]") {
  check_error(with_cmht("    routing: {ward: 0.5, exit: 0.5}\n" + kCrisis), 8, 15,
              "services.cmht.routing.ward", "unknown service 'ward' (known: cmht, crisis, exit)");
}

TEST_CASE("routing probability above 1 is out of range", "[scenario][bad-input]") {
  check_error(with_cmht("    routing: {crisis: 1.5, exit: -0.5}\n" + kCrisis), 8, 23,
              "services.cmht.routing.crisis", "expected a number in [0, 1], got '1.5'");
}

TEST_CASE("arrival sent to an unknown service suggests a known one", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmth, interarrival: {dist: exponential, mean: 1}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
)",
              3, 19, "arrivals.referrals.to", "unknown service 'cmth' (did you mean 'cmht'?)");
}

TEST_CASE("empty arrivals mapping is rejected", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals: {}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
)",
              2, 11, "arrivals", "expected at least one arrival stream, got none");
}

TEST_CASE("services key with no entries is rejected at the key", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
)",
              4, 1, "services", "expected at least one service, got none");
}

TEST_CASE("service named exit is rejected", "[scenario][bad-input]") {
  check_error(with_cmht("  exit:\n"
                        "    servers: 2\n"
                        "    service_time: {dist: exponential, mean: 1}\n"),
              8, 3, "services.exit", "'exit' is reserved for leaving the network");
}

TEST_CASE("zero servers without a schedule is rejected", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services:
  cmht:
    servers: 0
    service_time: {dist: exponential, mean: 2}
)",
              6, 14, "services.cmht.servers",
              "expected an integer >= 1 when no schedule is given, got '0'");
}

TEST_CASE("schedule step days that do not increase are rejected", "[scenario][bad-input]") {
  check_error(with_cmht("    schedule:\n"
                        "      cycle_days: 7\n"
                        "      steps:\n"
                        "        - {from_day: 0, servers: 4}\n"
                        "        - {from_day: 0, servers: 2}\n"),
              12, 22, "services.cmht.schedule.steps[1].from_day",
              "expected a number > 0 (from_day must increase from step to step), got '0'");
}

TEST_CASE("schedule step at or beyond the cycle is rejected", "[scenario][bad-input]") {
  check_error(with_cmht("    schedule:\n"
                        "      cycle_days: 7\n"
                        "      steps:\n"
                        "        - {from_day: 0, servers: 4}\n"
                        "        - {from_day: 7, servers: 2}\n"),
              12, 22, "services.cmht.schedule.steps[1].from_day",
              "expected a number < cycle_days (7), got '7'");
}

TEST_CASE("schedule with an empty step list is rejected", "[scenario][bad-input]") {
  check_error(with_cmht("    schedule:\n"
                        "      cycle_days: 7\n"
                        "      steps: []\n"),
              10, 14, "services.cmht.schedule.steps",
              "expected a list of at least one step, got none");
}

TEST_CASE("schedule step missing servers points at the step", "[scenario][bad-input]") {
  check_error(with_cmht("    schedule:\n"
                        "      steps:\n"
                        "        - {from_day: 0}\n"),
              10, 11, "services.cmht.schedule.steps[0].servers",
              "missing required key (expected an integer in [0, 1000000])");
}

TEST_CASE("schedule step that is not a mapping is rejected", "[scenario][bad-input]") {
  check_error(with_cmht("    schedule:\n"
                        "      steps: [5]\n"),
              9, 15, "services.cmht.schedule.steps[0]", "expected a mapping, got '5'");
}

TEST_CASE("service and stream names must be letters, digits, '_' or '-'", "[scenario][bad-input]") {
  check_error(with_cmht("  crisis team:\n"
                        "    servers: 2\n"
                        "    service_time: {dist: exponential, mean: 1}\n"),
              8, 3, "services.crisis team",
              "expected a service name of letters, digits, '_' or '-', got 'crisis team'");
}
