// [abuse] tests for valid-looking values that would hang, exhaust memory or lie: each key's upper
// bound, the memory and event budgets, and non-finite distribution internals. Public API only.
#include <catch2/catch.hpp>
#include <string>

#include "error_check.hpp"
#include "scenario/limits.hpp"

using cmhsim::scenario::testing::check_error;
using cmhsim::scenario::testing::error_of;

namespace {

// Lines 1-2 of every pathway case; the case's own lines follow from line 3.
std::string pathway(const std::string& rest) {
  return "population:\n"
         "  register_size: 1000\n" +
         rest;
}

// A network whose arrival stream (line 3) and service (line 5) take the given bodies.
std::string network(const std::string& interarrival, const std::string& service,
                    const std::string& top = "horizon_days: 100\n") {
  return top + "arrivals:\n  a: {to: cmht, interarrival: " + interarrival +
         "}\nservices:\n  cmht: " + service + "\n";
}

const std::string kService = "{servers: 1, service_time: {dist: exponential, mean: 2}}";
const std::string kArrival = "{dist: exponential, mean: 1}";

}  // namespace

TEST_CASE("care partner FTE beyond a whole ICS is refused, not hung on", "[scenario][abuse]") {
  for (const std::string v : {"1e7", "1e9", "1e20"}) {
    check_error(pathway("care_partners:\n  fte: " + v + "\n"), 4, 8, "care_partners.fte",
                "expected a number in [0, 10000], got '" + v + "'");
  }
}

TEST_CASE("adults and register size beyond the domain are refused", "[scenario][abuse]") {
  for (const std::string v : {"1e12", "1e308"}) {
    check_error(pathway("  adults_16_65: " + v + "\n"), 3, 17, "population.adults_16_65",
                "expected a number in (0, 50000000], got '" + v + "'");
  }
  check_error("population:\n  register_size: 4294967295\n", 2, 18, "population.register_size",
              "expected an integer in [1, 1000000], got '4294967295'");
}

TEST_CASE("intervals that would schedule events without end are refused", "[scenario][abuse]") {
  check_error(pathway("care_partners:\n  contact_interval_struggling_days: 1e-9\n"), 4, 37,
              "care_partners.contact_interval_struggling_days",
              "expected a number in [1, 36525], got '1e-9'");
  check_error(pathway("policies:\n  proactive_interval_days: 1e-6\n"), 4, 28,
              "policies.proactive_interval_days",
              "expected 0 (no sweeps) or a number >= 1, got '1e-6'");
  check_error(network("{dist: exponential, mean: 5e-324}", kService), 3, 31,
              "arrivals.a.interarrival",
              "expected parameters whose distribution has a finite mean > 0");
  check_error(network(kArrival, kService, "horizon_days: 1e308\n"), 1, 15, "horizon_days",
              "expected a number in (0, 36525], got '1e308'");
}

TEST_CASE("initial customers beyond the domain are refused", "[scenario][abuse]") {
  check_error(network(kArrival,
                      "{servers: 1, service_time: {dist: exponential, mean: 2}, initial: "
                      "{busy: 1, waiting: 1000000000000}}"),
              5, 94, "services.cmht.initial.waiting",
              "expected an integer in [0, 1000000] and <= queue.capacity");
}

TEST_CASE("a lognormal whose internal parameters overflow is refused at load",
          "[scenario][abuse]") {
  check_error(network("{dist: lognormal, mean: 1e-300, sd: 1e300}", kService), 3, 67,
              "arrivals.a.interarrival.sd", "expected a number in (0, 36525], got '1e300'");
  check_error(network("{dist: lognormal, mean: 1e-300, sd: 30000}", kService), 3, 31,
              "arrivals.a.interarrival",
              "expected parameters whose distribution has a finite mean > 0 and a finite "
              "variance");
}

TEST_CASE("a NUL character in text is refused where it stands", "[scenario][abuse]") {
  check_error(pathway("description: \"a\\0b\"\n"), 3, 14, "description",
              "expected text without NUL characters");
  check_error(pathway(std::string("description: a") + '\0' + "b\n"), 3, 15, "",
              "a NUL byte; a scenario file is text and holds none");
}

TEST_CASE("replications are bounded, with the reason in the reference", "[scenario][abuse]") {
  check_error(pathway("replications: 100000\n"), 3, 15, "replications",
              "expected an integer in [1, 10000], got '100000'");
}

TEST_CASE("people beyond the memory budget are refused before allocation", "[scenario][abuse]") {
  const std::string text =
      "horizon_days: 36525\npopulation:\n  register_size: 1000000\n  adults_16_65: 50000000\n"
      "  incidence_per_100k_per_year: 100000\n";
  const auto e = error_of(text);
  CHECK(e.line() == 3);
  CHECK(e.key_path() == "population");
  CHECK_THAT(e.message(), Catch::Matchers::Contains("register_size") &&
                              Catch::Matchers::Contains("adults_16_65") &&
                              Catch::Matchers::Contains("a replication, more than the 4.29 GB"));
}

TEST_CASE("events beyond the budget are refused before the run", "[scenario][abuse]") {
  const auto e =
      error_of(network("{dist: exponential, mean: 1e-5}", kService, "horizon_days: 36525\n"));
  CHECK(e.line() == 3);
  CHECK(e.key_path() == "arrivals");
  CHECK_THAT(e.message(), Catch::Matchers::Contains("1.1e+10 events a replication"));
}

TEST_CASE("the shipped scenarios fit the budgets", "[scenario][abuse]") {
  using namespace cmhsim::scenario;
  for (const char* name : {"ics_baseline", "ics_partners", "england"}) {
    const Scenario s =
        load_scenario_file(std::string(CMHSIM_SOURCE_DIR "/scenarios/") + name + ".yaml");
    const Demand d = pathway_demand(*s.pathways);
    INFO(name << ": " << d.people << " people, " << d.bytes << " bytes, " << d.events);
    CHECK(d.bytes < kMemoryBudgetBytes);
    CHECK(d.events < kEventBudget);
  }
}
