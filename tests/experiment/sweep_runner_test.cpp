// The sweep runner's flat (point, replication) loop against run_replications, and its stop flag.
// Knows nothing of how finished points are stored.
#include "experiment/sweep_runner.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <map>

#include "experiment/runner.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;

namespace {

scenario::Scenario small_pathway(int fte) {
  return scenario::parse_scenario(
      "name: p\nhorizon_days: 400\nwarmup_days: 60\nreplications: 3\nseed: 5\n"
      "population:\n  register_size: 800\n  practices: 10\n  pcns: 2\n  adults_16_65: 80000\n"
      "care_partners:\n  fte: " +
          std::to_string(fte) + "\n",
      "inline.yaml");
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void require_same_outcomes(const experiment::RunResults& a, const experiment::RunResults& b) {
  REQUIRE(a.replications.size() == b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    const auto& x = a.replications[r];
    const auto& y = b.replications[r];
    REQUIRE(x.metrics.size() == y.metrics.size());
    for (std::size_t m = 0; m < x.metrics.size(); ++m) CHECK(same_bits(x.metrics[m], y.metrics[m]));
    REQUIRE(x.series.size() == y.series.size());
    for (std::size_t k = 0; k < x.series.size(); ++k) CHECK(same_bits(x.series[k], y.series[k]));
    CHECK(x.events == y.events);
  }
  REQUIRE(a.metric_summary.size() == b.metric_summary.size());
  for (std::size_t m = 0; m < a.metric_summary.size(); ++m) {
    CHECK(same_bits(a.metric_summary[m].mean, b.metric_summary[m].mean));
    CHECK(same_bits(a.metric_summary[m].hi, b.metric_summary[m].hi));
  }
}

}  // namespace

TEST_CASE("sweep points equal separate runs whatever the thread count", "[sweep][determinism]") {
  const std::vector<scenario::Scenario> scenarios{small_pathway(0), small_pathway(3),
                                                  small_pathway(8)};
  std::vector<experiment::SweepPoint> points;
  for (const auto& sc : scenarios) points.push_back({*sc.pathways, sc.seed, sc.replications});
  for (const int threads : {1, 2}) {
    std::map<std::size_t, experiment::RunResults> got;
    experiment::SweepRunOptions options;
    options.threads = threads;
    const std::size_t finished = experiment::run_sweep_points(
        points, {}, options,
        [&](std::size_t i, experiment::RunResults r) { got.emplace(i, std::move(r)); });
    REQUIRE(finished == 3);
    REQUIRE(got.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      experiment::RunOptions one;
      one.seed = scenarios[i].seed;
      one.replications = scenarios[i].replications;
      one.threads = 1;
      require_same_outcomes(got.at(i), experiment::run_replications(*scenarios[i].pathways, one));
    }
  }
}

TEST_CASE("a stopped sweep starts no new point and skips done ones", "[sweep]") {
  const auto sc = small_pathway(2);
  std::vector<experiment::SweepPoint> points(4, {*sc.pathways, sc.seed, 2});
  std::vector<std::size_t> seen;
  experiment::SweepRunOptions options;
  options.threads = 1;
  options.stop = [&] { return !seen.empty(); };  // stop once a point is done
  experiment::run_sweep_points(points, {false, true, false, false}, options,
                               [&](std::size_t i, experiment::RunResults) { seen.push_back(i); });
  CHECK(seen == std::vector<std::size_t>{0});
  seen.clear();
  options.stop = {};
  const auto n = experiment::run_sweep_points(
      points, {false, true, false, true}, options,
      [&](std::size_t i, experiment::RunResults) { seen.push_back(i); });
  CHECK(n == 2);
  CHECK(seen == std::vector<std::size_t>{0, 2});
}
