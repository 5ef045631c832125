// Tests that valid scenario files load into the expected typed configuration, defaults included.
// Knows the public scenario API and the model config; nothing of the YAML reader's internals.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

using cmhsim::engine::Discipline;
using cmhsim::engine::DistKind;
using cmhsim::engine::Resource;
using cmhsim::scenario::load_scenario_file;
using cmhsim::scenario::parse_scenario;

namespace {

const std::string kFullExample = CMHSIM_SOURCE_DIR "/tests/scenario/data/full_example.yaml";

}  // namespace

TEST_CASE("full example loads run settings and names services in file order", "[scenario]") {
  const auto s = load_scenario_file(kFullExample);
  CHECK(s.path == kFullExample);
  CHECK(s.text.find("name: pathway_example") != std::string::npos);
  CHECK(s.name == "pathway_example");
  CHECK(s.description == "Referrals to a CMHT with onward crisis care");
  CHECK(s.seed == 12345u);
  CHECK(s.replications == 20u);
  CHECK(s.network.horizon_days == 3650.0);
  CHECK(s.network.warmup_days == 365.0);
  CHECK(s.service_names() ==
        std::vector<std::string>{"cmht", "crisis", "inpatient", "outpatients"});
}

TEST_CASE("full example arrivals resolve their target service and priority", "[scenario]") {
  const auto s = load_scenario_file(kFullExample);
  REQUIRE(s.network.arrivals.size() == 2);
  const auto& referrals = s.network.arrivals[0];
  CHECK(referrals.name == "referrals");
  CHECK(referrals.to == 0u);
  CHECK(referrals.interarrival.kind() == DistKind::Exponential);
  CHECK(referrals.interarrival.mean() == Approx(0.1));
  CHECK(referrals.priority == 0);
  const auto& urgent = s.network.arrivals[1];
  CHECK(urgent.name == "urgent");
  CHECK(urgent.to == 1u);
  CHECK(urgent.interarrival.kind() == DistKind::Gamma);
  CHECK(urgent.interarrival.mean() == Approx(3.0));
  CHECK(urgent.interarrival.variance() == Approx(4.5));
  CHECK(urgent.priority == -1);
}

TEST_CASE("full example service with queue, patience and routing loads exactly", "[scenario]") {
  const auto s = load_scenario_file(kFullExample);
  REQUIRE(s.network.services.size() == 4);
  const auto& cmht = s.network.services[0];
  CHECK(cmht.name == "cmht");
  CHECK(cmht.servers == 10);
  CHECK(cmht.service_time.kind() == DistKind::Lognormal);
  CHECK(cmht.service_time.mean() == Approx(2.0));
  CHECK(cmht.service_time.variance() == Approx(1.0));
  CHECK(cmht.queue_capacity == 50u);
  CHECK(cmht.discipline == Discipline::Fifo);
  REQUIRE(cmht.patience.has_value());
  CHECK(cmht.patience->kind() == DistKind::Exponential);
  CHECK(cmht.patience->mean() == Approx(30.0));
  REQUIRE(cmht.routing.size() == 2);
  CHECK(cmht.routing[0].to == std::optional<std::size_t>(1));
  CHECK(cmht.routing[0].probability == 0.1);
  CHECK_FALSE(cmht.routing[1].to.has_value());
  CHECK(cmht.routing[1].probability == 0.9);
  CHECK(cmht.schedule.empty());
  CHECK_FALSE(cmht.schedule_cycle_days.has_value());
}

TEST_CASE("full example schedules, block routing and unlimited queue load exactly", "[scenario]") {
  const auto s = load_scenario_file(kFullExample);
  const auto& crisis = s.network.services[1];
  CHECK(crisis.servers == 4);
  CHECK(crisis.service_time.kind() == DistKind::Uniform);
  CHECK(crisis.service_time.mean() == Approx(2.0));
  CHECK(crisis.queue_capacity == Resource::kUnlimited);
  CHECK(crisis.discipline == Discipline::Priority);
  CHECK_FALSE(crisis.patience.has_value());
  REQUIRE(crisis.routing.size() == 3);
  CHECK(crisis.routing[0].to == std::optional<std::size_t>(2));
  CHECK(crisis.routing[0].probability == 0.25);
  CHECK(crisis.routing[1].to == std::optional<std::size_t>(0));
  CHECK(crisis.routing[1].probability == 0.5);
  CHECK_FALSE(crisis.routing[2].to.has_value());
  REQUIRE(crisis.schedule_cycle_days.has_value());
  CHECK(*crisis.schedule_cycle_days == 7.0);
  REQUIRE(crisis.schedule.size() == 2);
  CHECK(crisis.schedule[0].from_day == 0.0);
  CHECK(crisis.schedule[0].servers == 4);
  CHECK(crisis.schedule[1].from_day == 5.0);
  CHECK(crisis.schedule[1].servers == 2);

  const auto& inpatient = s.network.services[2];
  CHECK(inpatient.servers == 0);
  CHECK(inpatient.service_time.kind() == DistKind::Empirical);
  CHECK(inpatient.service_time.mean() == Approx((7.0 + 2 * 14.0 + 28.0) / 4.0));
  REQUIRE(inpatient.schedule.size() == 1);
  CHECK(inpatient.schedule[0].from_day == 30.0);
  CHECK(inpatient.schedule[0].servers == 6);
  CHECK_FALSE(inpatient.schedule_cycle_days.has_value());
}

TEST_CASE("omitted optional keys take their documented defaults", "[scenario]") {
  const auto s = parse_scenario(R"(horizon_days: 100
arrivals:
  a: {to: clinic, interarrival: {dist: exponential, mean: 1}}
services:
  clinic: {servers: 1, service_time: {dist: fixed, value: 0.5}}
)",
                                "some/dir/minimal.yaml");
  CHECK(s.path == "some/dir/minimal.yaml");
  CHECK(s.name == "minimal");
  CHECK(s.description.empty());
  CHECK(s.seed == 1u);
  CHECK(s.replications == 10u);
  CHECK(s.network.horizon_days == 100.0);
  CHECK(s.network.warmup_days == 0.0);
  REQUIRE(s.network.services.size() == 1);
  const auto& clinic = s.network.services[0];
  CHECK(clinic.queue_capacity == Resource::kUnlimited);
  CHECK(clinic.discipline == Discipline::Fifo);
  CHECK_FALSE(clinic.patience.has_value());
  CHECK(clinic.routing.empty());
  CHECK(clinic.schedule.empty());
  CHECK(s.network.arrivals.at(0).priority == 0);
}

TEST_CASE("YAML number spellings and a quoted unlimited are accepted", "[scenario]") {
  const auto s = parse_scenario(R"(horizon_days: 1.5e3
warmup_days: +10
seed: 18446744073709551615
arrivals:
  a: {to: clinic, interarrival: {dist: exponential, mean: .25}}
services:
  clinic:
    servers: 3
    service_time: {dist: empirical, values: [1, 2]}
    queue: {capacity: "unlimited"}
    routing: {clinic: 0.3, exit: 0.7}
)",
                                "numbers.yaml");
  CHECK(s.network.horizon_days == 1500.0);
  CHECK(s.network.warmup_days == 10.0);
  CHECK(s.seed == 18446744073709551615u);
  CHECK(s.network.arrivals[0].interarrival.mean() == Approx(0.25));
  CHECK(s.network.services[0].service_time.mean() == Approx(1.5));
  CHECK(s.network.services[0].queue_capacity == Resource::kUnlimited);
  CHECK(s.network.services[0].routing[0].to == std::optional<std::size_t>(0));
}
