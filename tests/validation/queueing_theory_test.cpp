// Validates the engine and queueing-network model against closed-form queueing theory:
// the 95% CI over replications must contain the analytic value.
#include <catch2/catch.hpp>

#include "experiment/runner.hpp"
#include "validation/network_builder.hpp"
#include "validation/queueing_formulas.hpp"

using namespace cmhsim;
using model::ServiceMetric;

namespace {

constexpr std::uint64_t kSeed = 20261123;

experiment::RunResults run(const model::NetworkConfig& net, std::uint64_t replications) {
  experiment::RunOptions o;
  o.seed = kSeed;
  o.replications = replications;
  return experiment::run_replications(net, o);
}

const engine::Estimate& metric(const experiment::RunResults& r, std::size_t service,
                               ServiceMetric m) {
  return r.summary.at(service).metrics[static_cast<std::size_t>(m)];
}

}  // namespace

TEST_CASE("analytic formulas match textbook values", "[validation]") {
  CHECK(validation::erlang_c(1, 0.5) == Approx(0.5));
  CHECK(validation::erlang_c(2, 1.0) == Approx(1.0 / 3.0));
  CHECK(validation::mmc_mean_wait(1, 0.5, 1.0) == Approx(1.0));  // ρ/(μ-λ)
  CHECK(validation::mm1k_blocking(1.0, 1.0, 4) == Approx(0.2));
  CHECK(validation::mg1_mean_wait(0.5, 1.0, 1.0) == Approx(1.0));  // exponential: as M/M/1
  const auto rates = validation::jackson_rates({1.0, 0.0}, {{0.0, 0.5}, {0.5, 0.0}});
  CHECK(rates[0] == Approx(4.0 / 3.0));
  CHECK(rates[1] == Approx(2.0 / 3.0));
}

TEST_CASE("M/M/c mean wait matches Erlang C across loads", "[validation]") {
  struct Case {
    int servers;
    double rho;
    double horizon;
    std::uint64_t replications;
  };
  const Case c = GENERATE(Case{1, 0.5, 20000.0, 20}, Case{3, 0.8, 20000.0, 20},
                          Case{10, 0.9, 10000.0, 20}, Case{2, 0.95, 200000.0, 30});
  const double mu = 1.0;
  const double lambda = c.rho * c.servers * mu;
  const auto net = validation::single_queue(
      lambda, c.servers, engine::Distribution::exponential(1.0), c.horizon, c.horizon / 10.0);
  const auto r = run(net, c.replications);
  const double expected = validation::mmc_mean_wait(c.servers, lambda, mu);
  const auto& wait = metric(r, 0, ServiceMetric::MeanWait);
  INFO("c=" << c.servers << " rho=" << c.rho << " Erlang C Wq=" << expected << " simulated "
            << wait.mean << " [" << wait.lo << ", " << wait.hi << "]");
  CHECK(wait.contains(expected));
  // A CI wide enough to contain anything would make the check meaningless.
  CHECK(wait.half_width() < 0.1 * expected);
  const auto& util = metric(r, 0, ServiceMetric::Utilisation);
  INFO("utilisation " << util.mean << " [" << util.lo << ", " << util.hi << "]");
  CHECK(util.contains(c.rho));
}

TEST_CASE("M/M/1/K blocking probability matches the closed form", "[validation]") {
  const int k = 5;  // Places in the system: one in service, four waiting.
  const double lambda = 0.9, mu = 1.0;
  auto net = validation::single_queue(lambda, 1, engine::Distribution::exponential(1.0 / mu),
                                      50000.0, 1000.0);
  net.services[0].queue_capacity = k - 1;
  const auto r = run(net, 20);
  const double expected = validation::mm1k_blocking(lambda, mu, k);
  const auto& blocked = metric(r, 0, ServiceMetric::BlockedFraction);
  INFO("P_K=" << expected << " simulated " << blocked.mean << " [" << blocked.lo << ", "
              << blocked.hi << "]");
  CHECK(blocked.contains(expected));
  CHECK(blocked.half_width() < 0.05 * expected);
}

TEST_CASE("M/G/1 mean wait with lognormal service matches Pollaczek-Khinchine", "[validation]") {
  const double lambda = 0.7, mean = 1.0, sd = 1.5;
  const auto service = engine::Distribution::lognormal(mean, sd);
  const auto net = validation::single_queue(lambda, 1, service, 100000.0, 5000.0);
  const auto r = run(net, 30);
  const double expected = validation::mg1_mean_wait(lambda, mean, sd * sd);
  const auto& wait = metric(r, 0, ServiceMetric::MeanWait);
  INFO("P-K Wq=" << expected << " simulated " << wait.mean << " [" << wait.lo << ", " << wait.hi
                 << "]");
  CHECK(wait.contains(expected));
  CHECK(wait.half_width() < 0.1 * expected);
}

TEST_CASE("open Jackson network with feedback matches per-node mean number in system",
          "[validation]") {
  // Node 0 (2 servers) feeds node 1 (1 server); both feed back.
  const double external = 1.0;
  const std::vector<std::vector<double>> p = {{0.2, 0.5}, {0.3, 0.0}};
  const std::vector<int> servers = {2, 1};
  const std::vector<double> mu = {1.2, 1.5};

  model::NetworkConfig net;
  for (int i = 0; i < 2; ++i) {
    model::ServiceConfig s;
    s.name = "node" + std::to_string(i);
    s.servers = servers[i];
    s.service_time = engine::Distribution::exponential(1.0 / mu[i]);
    for (std::size_t j = 0; j < 2; ++j) {
      if (p[i][j] > 0.0) s.routing.push_back({j, p[i][j]});
    }
    s.routing.push_back({std::nullopt, 1.0 - p[i][0] - p[i][1]});
    net.services.push_back(std::move(s));
  }
  model::ArrivalConfig a;
  a.name = "external";
  a.to = 0;
  a.interarrival = engine::Distribution::exponential(1.0 / external);
  net.arrivals.push_back(a);
  net.horizon_days = 50000.0;
  net.warmup_days = 2000.0;

  const auto r = run(net, 20);
  const auto lambda = validation::jackson_rates({external, 0.0}, p);
  for (std::size_t i = 0; i < 2; ++i) {
    const double expected = validation::mmc_mean_in_system(servers[i], lambda[i], mu[i]);
    const auto& l = metric(r, i, ServiceMetric::MeanInSystem);
    INFO("node " << i << " lambda=" << lambda[i] << " L=" << expected << " simulated " << l.mean
                 << " [" << l.lo << ", " << l.hi << "]");
    CHECK(l.contains(expected));
    CHECK(l.half_width() < 0.05 * expected);
    const auto& thr = metric(r, i, ServiceMetric::ThroughputPerDay);
    CHECK(thr.contains(lambda[i]));
  }
}
