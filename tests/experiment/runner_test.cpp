// Tests the replication runner: determinism across thread counts and runs, summary reduction.
#include "experiment/runner.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

using namespace cmhsim;

namespace {

model::NetworkConfig two_node_network() {
  model::NetworkConfig net;
  model::ServiceConfig triage;
  triage.name = "triage";
  triage.servers = 2;
  triage.service_time = engine::Distribution::gamma(2.0, 0.2);
  triage.routing = {{1, 0.6}, {std::nullopt, 0.4}};
  model::ServiceConfig team;
  team.name = "team";
  team.servers = 3;
  team.service_time = engine::Distribution::lognormal(1.0, 0.8);
  team.queue_capacity = 20;
  team.patience = engine::Distribution::exponential(5.0);
  team.routing = {{0, 0.1}, {std::nullopt, 0.9}};
  net.services = {triage, team};
  model::ArrivalConfig a;
  a.name = "referrals";
  a.to = 0;
  a.interarrival = engine::Distribution::exponential(0.5);
  net.arrivals = {a};
  net.horizon_days = 2000.0;
  net.warmup_days = 100.0;
  return net;
}

bool bit_identical(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void require_identical(const experiment::RunResults& a, const experiment::RunResults& b) {
  REQUIRE(a.replications.size() == b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    REQUIRE(a.replications[r].events == b.replications[r].events);
    for (std::size_t s = 0; s < a.replications[r].services.size(); ++s) {
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        INFO("replication " << r << " service " << s << " metric "
                            << model::kServiceMetrics[m].name);
        REQUIRE(bit_identical(a.replications[r].services[s].values[m],
                              b.replications[r].services[s].values[m]));
      }
    }
  }
  for (std::size_t s = 0; s < a.summary.size(); ++s) {
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      REQUIRE(bit_identical(a.summary[s].metrics[m].mean, b.summary[s].metrics[m].mean));
      REQUIRE(bit_identical(a.summary[s].metrics[m].lo, b.summary[s].metrics[m].lo));
    }
  }
}

experiment::RunResults run(int threads, std::uint64_t seed = 7) {
  experiment::RunOptions o;
  o.seed = seed;
  o.replications = 8;
  o.threads = threads;
  return experiment::run_replications(two_node_network(), o);
}

}  // namespace

TEST_CASE("results are bit-identical for one thread and two", "[determinism]") {
  require_identical(run(1), run(2));
}

TEST_CASE("results are bit-identical run to run with one seed", "[determinism]") {
  require_identical(run(2), run(2));
}

TEST_CASE("a different seed gives different results", "[determinism]") {
  const auto a = run(1, 7);
  const auto b = run(1, 8);
  CHECK(a.replications[0].events != b.replications[0].events);
}

TEST_CASE("summary is the mean over replications with a t interval", "[experiment]") {
  const auto r = run(2);
  const auto wait = static_cast<std::size_t>(model::ServiceMetric::MeanWait);
  double sum = 0.0;
  for (const auto& rep : r.replications) sum += rep.services[1].values[wait];
  CHECK(r.summary[1].metrics[wait].mean == Approx(sum / 8.0).epsilon(1e-12));
  CHECK(r.summary[1].metrics[wait].n == 8);
  CHECK(r.summary[1].metrics[wait].lo < r.summary[1].metrics[wait].mean);
  CHECK(r.summary[1].name == "team");
}

TEST_CASE("a network run has services but no model metrics or series", "[experiment]") {
  const auto r = run(1);
  CHECK(r.model == experiment::ModelKind::Network);
  CHECK(r.metric_infos.empty());
  CHECK(r.series_infos.empty());
  CHECK(r.metric_summary.empty());
  CHECK(r.series_summary.empty());
  CHECK(r.persons.empty());
  REQUIRE(r.summary.size() == 2);
  CHECK(r.replications.front().months == 0);
}

TEST_CASE("progress is reported once per replication in order of completion", "[experiment]") {
  experiment::RunOptions o;
  o.replications = 5;
  o.threads = 2;
  std::vector<std::uint64_t> seen;
  o.on_progress = [&seen](std::uint64_t done, std::uint64_t total) {
    CHECK(total == 5);
    seen.push_back(done);
  };
  experiment::run_replications(two_node_network(), o);
  CHECK(seen == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
}
