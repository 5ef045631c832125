// Tests that a network service's warm start (`initial`) loads and that counts the service
// cannot hold at day 0 are rejected at their value. Knows the public scenario API.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"
#include "scenario/overrides.hpp"

using namespace cmhsim::scenario;
using cmhsim::scenario::testing::check_error;

namespace {

std::string network(const std::string& initial) {
  return "horizon_days: 100\n"
         "arrivals:\n"
         "  r: {to: cmht, interarrival: {dist: exponential, mean: 1}}\n"
         "services:\n"
         "  cmht:\n"
         "    servers: 3\n"
         "    service_time: {dist: exponential, mean: 2}\n"
         "    queue: {capacity: 10}\n"
         "    initial: " +
         initial + "\n";
}

}  // namespace

TEST_CASE("a network service's warm start loads its counts", "[scenario][warm-start]") {
  const Scenario s = parse_scenario(network("{busy: 3, waiting: 7}"), "ics.yaml");
  CHECK(s.network.services[0].initial_busy == 3);
  CHECK(s.network.services[0].initial_waiting == 7u);
  const Scenario empty = parse_scenario(network("{busy: 2}"), "ics.yaml");
  CHECK(empty.network.services[0].initial_busy == 2);
  CHECK(empty.network.services[0].initial_waiting == 0u);
  // The same keys can be set by key path.
  const Scenario set = apply_overrides(
      empty,
      parse_set_options({"services.cmht.initial.busy=3", "services.cmht.initial.waiting=4"}));
  CHECK(set.network.services[0].initial_waiting == 4u);
}

TEST_CASE("a warm start beyond the servers or the queue is rejected",
          "[scenario][warm-start][bad-input]") {
  check_error(network("{busy: 4}"), 9, 21, "services.cmht.initial.busy",
              "expected an integer <= the servers at day 0 (3), got '4'");
  check_error(network("{busy: 3, waiting: 11}"), 9, 33, "services.cmht.initial.waiting",
              "expected an integer <= queue.capacity (10), got '11'");
  check_error(network("{busy: 2, waiting: 1}"), 9, 33, "services.cmht.initial.waiting",
              "expected 0 while servers are free (busy 2 of 3 at day 0), got '1' (customers wait "
              "only when every server is busy)");
  check_error(network("{busy: -1}"), 9, 21, "services.cmht.initial.busy",
              "expected an integer in [0, 1000000] and <= the servers at day 0, got '-1'");
  check_error(network("{bsy: 1}"), 9, 15, "services.cmht.initial.bsy",
              "unknown key (did you mean 'busy'?)");
}
