// Tests paired comparisons: interval arithmetic against reference values, common random numbers
// on network scenarios, and the checks that refuse incomparable scenarios.
#include "experiment/comparison.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "pathway_test_support.hpp"

using namespace cmhsim;

namespace {

model::NetworkConfig desk(int servers) {
  model::NetworkConfig net;
  model::ServiceConfig s;
  s.name = "desk";
  s.servers = servers;
  s.service_time = engine::Distribution::exponential(0.8);
  net.services = {s};
  model::ArrivalConfig a;
  a.name = "poisson";
  a.to = 0;
  a.interarrival = engine::Distribution::exponential(0.5);
  net.arrivals = {a};
  net.horizon_days = 400.0;
  net.warmup_days = 40.0;
  return net;
}

experiment::RunOptions options(std::uint64_t reps = 12) {
  experiment::RunOptions o;
  o.seed = 5;
  o.replications = reps;
  o.threads = 2;
  return o;
}

std::size_t outcome_index(const experiment::ComparisonResults& c, const std::string& name) {
  for (std::size_t k = 0; k < c.outcomes.size(); ++k) {
    if (c.outcomes[k].name == name) return k;
  }
  FAIL("no outcome " << name);
  return 0;
}

}  // namespace

TEST_CASE("paired and Welch intervals match reference values", "[comparison]") {
  // Reference values from scipy.stats (t.ppf) for x = 1..4 and a = 2, 4, 6, 8.
  const experiment::Difference d = experiment::difference({1, 2, 3, 4}, {2, 4, 6, 8});
  CHECK(d.paired.mean == -2.5);
  CHECK(d.paired.n == 4);
  CHECK(d.paired.lo == Approx(-4.5542602567608785).epsilon(1e-12));
  CHECK(d.paired.hi == Approx(-0.445739743239121).epsilon(1e-12));
  CHECK(d.unpaired.mean == -2.5);
  CHECK(d.unpaired.lo == Approx(-6.364167215486199).epsilon(1e-12));
  CHECK(d.unpaired.hi == Approx(1.3641672154861988).epsilon(1e-12));
}

TEST_CASE("paired differences skip replications where either value is undefined", "[comparison]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const experiment::Difference d = experiment::difference({1, nan, 3, 5}, {0, 1, nan, 4});
  CHECK(d.paired.n == 2);       // replications 0 and 3
  CHECK(d.paired.mean == 1.0);  // 1 - 0 and 5 - 4
  CHECK(d.paired.lo == 1.0);    // no spread: the interval collapses
  CHECK(d.unpaired.mean == Approx(3.0 - 5.0 / 3.0));
  CHECK(d.unpaired.n == 3);
}

TEST_CASE("a scenario compared with itself differs by exactly zero", "[comparison]") {
  const model::NetworkConfig a = desk(2);
  const model::NetworkConfig b = desk(2);
  const auto c = experiment::compare({{"a", a}, {"b", b}}, options(6));
  REQUIRE(c.differences.size() == 1);
  const std::size_t k = outcome_index(c, "services.desk.mean_wait");
  CHECK(c.differences[0][k].paired.mean == 0.0);
  CHECK(c.differences[0][k].paired.lo == 0.0);
  CHECK(c.differences[0][k].paired.hi == 0.0);
  CHECK(c.differences[0][k].unpaired.hi > 0.0);  // the unpaired interval cannot see the pairing
}

TEST_CASE("common random numbers make the paired interval narrower than the unpaired",
          "[comparison][validation]") {
  const model::NetworkConfig two = desk(2);
  const model::NetworkConfig three = desk(3);
  const auto c = experiment::compare({{"two", two}, {"three", three}}, options());
  REQUIRE(c.names == std::vector<std::string>{"two", "three"});
  REQUIRE(c.runs.size() == 2);
  CHECK(c.outcomes.size() == model::kServiceMetricCount);  // one service, no model metrics
  const std::size_t wait = outcome_index(c, "services.desk.mean_wait");
  const std::size_t queue = outcome_index(c, "services.desk.mean_in_queue");
  for (std::size_t k : {wait, queue}) {
    INFO(c.outcomes[k].name);
    const auto& d = c.differences[0][k];
    CHECK(d.paired.n == 12);
    // A third server shortens the wait (offered load 1.6: Erlang C waits 1.42 vs 0.16 days).
    CHECK(d.paired.hi < 0.0);
    CHECK(d.paired.half_width() < d.unpaired.half_width());
  }
  // The baseline run is exactly the run of the baseline alone.
  const auto alone = experiment::run_replications(two, options());
  CHECK(c.runs[0].replications[3].services[0].values[0] ==
        alone.replications[3].services[0].values[0]);
  CHECK(c.estimates[0][wait].mean == alone.summary[0].metrics[0].mean);
}

TEST_CASE("comparisons refuse scenarios of different kinds or places", "[comparison][bad-input]") {
  const model::NetworkConfig net = desk(2);
  const scenario::Scenario path = experiment::test::small_pathway(500);
  const auto a = experiment::test::arm("a", path);
  SECTION("different kinds") {
    const auto problems =
        experiment::comparability_problems({{"net", net}, experiment::test::arm("path", path)});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "net is a network scenario but path is a pathway scenario");
    CHECK_THROWS_AS(experiment::compare({{"net", net}, {"path", *path.pathways}}, options(2)),
                    experiment::ComparisonError);
  }
  SECTION("different population") {
    const scenario::Scenario other = experiment::test::small_pathway(600, "  male_share: 0.6\n");
    const auto problems =
        experiment::comparability_problems({a, experiment::test::arm("b", other)});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("population.register_size (500 in a, 600 in b)") &&
                                Catch::Contains("population.male_share (0.55 in a, 0.6 in b)") &&
                                !Catch::Contains("population.age_mean"));
  }
  SECTION("keys added to the population after the first version") {
    const scenario::Scenario other = experiment::test::small_pathway(
        500,
        "  insecure_housing_by_network: {diverse_active: 0.2, family_stable: 0.08, "
        "formal_sparse: 0.25}\n  long_term_sick_by_network: {diverse_active: 0.3, "
        "family_stable: 0.5, formal_sparse: 0.6}\n");
    const auto problems =
        experiment::comparability_problems({a, experiment::test::arm("b", other)});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0],
               Catch::Contains("population.insecure_housing_by_network.diverse_active (0.1 in a, "
                               "0.2 in b)") &&
                   Catch::Contains("population.long_term_sick_by_network.family_stable (0.4 in a, "
                                   "0.5 in b)"));
  }
  SECTION("a trial only in one scenario") {
    const scenario::Scenario trial = experiment::test::small_pathway(
        500, "  practices: 40\n  pcns: 10\ntrial:\n  practices: 39\n");
    const auto problems =
        experiment::comparability_problems({a, experiment::test::arm("b", trial)});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("trial (none in a, absent in b)") &&
                                Catch::Contains("trial.practices (absent in a, 39 in b)") &&
                                Catch::Contains("population.practices (200 in a, 40 in b)"));
  }
  SECTION("different seeds") {
    scenario::Scenario reseeded = path;
    reseeded.set_run(12, path.replications);
    const auto problems =
        experiment::comparability_problems({a, experiment::test::arm("b", reseeded)});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("seed (11 in a, 12 in b)"));
  }
  SECTION("same population, different services is fine") {
    const scenario::Scenario more =
        experiment::test::small_pathway(500, "care_partners:\n  fte: 3\n");
    CHECK(experiment::comparability_problems({a, experiment::test::arm("b", more)}).empty());
  }
  SECTION("different network services") {
    model::NetworkConfig renamed = desk(2);
    renamed.services[0].name = "counter";
    const auto problems = experiment::comparability_problems({{"a", net}, {"b", renamed}});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "services differ: [desk] in a, [counter] in b");
  }
  SECTION("duplicate names and single scenarios") {
    CHECK_THROWS_WITH(experiment::compare({{"a", net}, {"a", net}}, options(2)),
                      Catch::Contains("two scenarios are called 'a'"));
    CHECK_THROWS_WITH(experiment::compare({{"a", net}}, options(2)),
                      Catch::Contains("at least two"));
  }
}
