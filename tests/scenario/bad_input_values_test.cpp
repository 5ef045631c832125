// [bad-input] tests for values of the wrong type, non-finite or out of range, including
// distribution parameters. Knows the public scenario API only.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"

using cmhsim::scenario::testing::check_error;

namespace {

// Lines 1-5 of every case here; the service's remaining keys follow from line 6.
std::string with_service(const std::string& cmht_body) {
  return "horizon_days: 100\n"
         "arrivals:\n"
         "  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}\n"
         "services:\n"
         "  cmht:\n" +
         cmht_body;
}

// Completes a scenario whose first lines are `top` with a valid network after them.
std::string with_network(const std::string& top) {
  return top +
         "arrivals:\n"
         "  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}\n"
         "services:\n"
         "  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}\n";
}

}  // namespace

TEST_CASE("word where an integer belongs says what was expected", "[scenario][bad-input]") {
  check_error(with_service("    servers: ten\n"
                           "    service_time: {dist: exponential, mean: 2}\n"),
              6, 14, "services.cmht.servers", "expected an integer in [0, 1000000], got 'ten'");
}

TEST_CASE("quoted number is a string, not a number", "[scenario][bad-input]") {
  check_error(
      with_service("    servers: \"10\"\n"
                   "    service_time: {dist: exponential, mean: 2}\n"),
      6, 14, "services.cmht.servers",
      "expected an integer in [0, 1000000], got the quoted string \"10\" (write numbers without "
      "quotes)");
}

TEST_CASE("fraction where an integer belongs is rejected", "[scenario][bad-input]") {
  check_error(with_network("horizon_days: 100\nreplications: 2.5\n"), 2, 15, "replications",
              "expected an integer in [1, 10000], got '2.5'");
}

TEST_CASE("integer too large for its type is out of range", "[scenario][bad-input]") {
  check_error(with_network("horizon_days: 100\nseed: 18446744073709551616\n"), 2, 7, "seed",
              "expected an integer >= 0 (unsigned 64-bit), got '18446744073709551616' (out of "
              "range)");
  check_error(with_service("    servers: 99999999999\n"
                           "    service_time: {dist: exponential, mean: 2}\n"),
              6, 14, "services.cmht.servers", "got '99999999999' (out of range)");
}

TEST_CASE("infinite horizon is not a finite number", "[scenario][bad-input]") {
  check_error(with_network("horizon_days: .inf\n"), 1, 15, "horizon_days",
              "expected a finite number in (0, 36525], got '.inf'");
}

TEST_CASE("NaN distribution mean is not a finite number", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: .nan}}
)",
              5, 65, "arrivals.referrals.interarrival.mean",
              "expected a finite number in (0, 36525], got '.nan'");
}

TEST_CASE("zero mean interarrival time is rejected", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 0}}
services:
  cmht: {servers: 1, service_time: {dist: exponential, mean: 2}}
)",
              3, 65, "arrivals.referrals.interarrival.mean",
              "expected a number in (0, 36525], got '0'");
}

TEST_CASE("negative lognormal sd is rejected", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: lognormal, mean: 2, sd: -1}\n"),
              7, 50, "services.cmht.service_time.sd", "expected a number in (0, 36525], got '-1'");
}

TEST_CASE("negative queue capacity is out of range", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: exponential, mean: 2}\n"
                           "    queue: {capacity: -1}\n"),
              8, 23, "services.cmht.queue.capacity",
              "expected an integer in [0, 1000000] or 'unlimited', got '-1'");
}

TEST_CASE("misspelt queue discipline suggests the word", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: exponential, mean: 2}\n"
                           "    queue: {discipline: prority}\n"),
              8, 25, "services.cmht.queue.discipline",
              "expected one of 'fifo', 'priority', got 'prority' (did you mean 'priority'?)");
}

TEST_CASE("plain number where a distribution belongs shows an example", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: 2\n"),
              7, 19, "services.cmht.service_time",
              "expected a distribution such as {dist: exponential, mean: 2}, got '2'");
}

TEST_CASE("uniform max not above min is rejected", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: uniform, min: 3, max: 2}\n"),
              7, 48, "services.cmht.service_time.max", "expected a number > min (3), got '2'");
}

TEST_CASE("empirical weights must match the values one to one", "[scenario][bad-input]") {
  check_error(
      with_service("    servers: 1\n"
                   "    service_time: {dist: empirical, values: [1, 2, 3], weights: [1, 2]}\n"),
      7, 65, "services.cmht.service_time.weights",
      "expected one weight per value (3), got a list with 2 weights");
}

TEST_CASE("negative empirical value names its list index", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: empirical, values: [1, -2]}\n"),
              7, 49, "services.cmht.service_time.values[1]",
              "expected a number in [0, 36525], got '-2'");
}

TEST_CASE("empirical weights all zero are rejected", "[scenario][bad-input]") {
  check_error(
      with_service("    servers: 1\n"
                   "    service_time: {dist: empirical, values: [1, 2], weights: [0, 0]}\n"),
      7, 62, "services.cmht.service_time.weights", "expected weights that are not all 0");
}

TEST_CASE("empirical weights summing to infinity are rejected", "[scenario][bad-input]") {
  check_error(with_service("    servers: 1\n"
                           "    service_time: {dist: empirical, values: [1, 2], weights: [1e308, "
                           "1e308]}\n"),
              7, 62, "services.cmht.service_time.weights", "expected weights whose sum is finite");
}

TEST_CASE("list where a mapping of services belongs is rejected", "[scenario][bad-input]") {
  check_error(R"(horizon_days: 100
arrivals:
  referrals: {to: cmht, interarrival: {dist: exponential, mean: 1}}
services: [cmht]
)",
              4, 11, "services",
              "expected a mapping of named entries (at least one entry; no service named 'exit'), "
              "got a list");
}

TEST_CASE("warm-up not shorter than the horizon is rejected", "[scenario][bad-input]") {
  check_error(with_network("horizon_days: 100\nwarmup_days: 100\n"), 2, 14, "warmup_days",
              "expected a number >= 0 and < horizon_days (100), got '100'");
}
