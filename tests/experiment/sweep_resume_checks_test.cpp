// Tests that resuming a sweep refuses stored points whose replication count or resolved scenario
// differs from what the sweep gives them now, naming the point and the key.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "experiment/sweep_execution.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;
using experiment::RunResults;

namespace {

/// Holds points in memory, as an earlier run left them.
class HeldStore final : public experiment::PointStore {
 public:
  std::map<std::size_t, RunResults> points;
  bool completed = false;

  std::string where() const override { return "memory"; }
  bool exists() const override { return true; }
  void create() override {}
  void tidy() override {}
  std::vector<bool> done(std::size_t count) const override {
    std::vector<bool> out(count, false);
    for (const auto& entry : points) out.at(entry.first) = true;
    return out;
  }
  void save(std::size_t point, const RunResults& results) override { points[point] = results; }
  RunResults load(std::size_t point) const override { return points.at(point); }
  void complete(const std::vector<std::size_t>&) override { completed = true; }
};

/// Sends nothing: these sweeps never run a point.
class NoEncoding final : public experiment::ResultsEncoding {
 public:
  experiment::TaskBytes encode(const RunResults&) const override { return {}; }
  RunResults decode(const experiment::TaskBytes&) const override { return {}; }
};

/// Returns a one-point sweep of two replications (never run by these tests).
const std::vector<experiment::SweepPoint>& one_point() {
  static const scenario::Scenario sc = scenario::parse_scenario(
      "name: p\nhorizon_days: 400\nwarmup_days: 60\nreplications: 2\nseed: 5\n"
      "population:\n  register_size: 600\n  practices: 10\n  pcns: 2\n  adults_16_65: 80000\n",
      "inline.yaml");
  static const std::vector<experiment::SweepPoint> points{{*sc.pathways, 5, 2}};
  return points;
}

/// Returns a stored point with `replications` replications and the given resolved values.
RunResults stored(std::size_t replications, experiment::KeyValues resolved) {
  RunResults r;
  r.replications.resize(replications);
  r.provenance.resolved = std::move(resolved);
  return r;
}

/// Returns resume options whose stamp gives `resolved` as every point's scenario now.
experiment::SweepExecution resuming(const experiment::KeyValues& resolved) {
  experiment::SweepExecution options;
  options.threads = 1;
  options.resume = true;
  options.stamp = [resolved](std::size_t, RunResults& r) { r.provenance.resolved = resolved; };
  return options;
}

/// Returns the message of the ResumeError that resuming over `store` throws (empty if none).
std::string resume_error(HeldStore& store, const experiment::SweepExecution& options) {
  try {
    experiment::execute_sweep(one_point(), options, store, NoEncoding{}, {}, {});
  } catch (const experiment::ResumeError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("resume refuses a stored point run from a different base scenario", "[sweep][abuse]") {
  HeldStore store;
  store.points[0] = stored(2, {{"warmup_days", "60"}, {"population.register_size", "600"}});
  const std::string message =
      resume_error(store, resuming({{"warmup_days", "60"}, {"population.register_size", "900"}}));
  CHECK(message.find("point 0") != std::string::npos);
  CHECK(message.find("'population.register_size' is '600' in the stored point but '900' now") !=
        std::string::npos);
  CHECK_FALSE(store.completed);
}

TEST_CASE("resume refuses a stored point missing a key the scenario now has", "[sweep][abuse]") {
  HeldStore store;
  store.points[0] = stored(2, {{"warmup_days", "60"}});
  const std::string message = resume_error(store, resuming({{"warmup_days", "60"}, {"seed", "5"}}));
  CHECK(message.find("point 0") != std::string::npos);
  CHECK(message.find("'seed'") != std::string::npos);
}

TEST_CASE("resume refuses a stored point with a replication dropped", "[sweep][abuse]") {
  HeldStore store;
  store.points[0] = stored(1, {{"warmup_days", "60"}});
  const std::string message = resume_error(store, resuming({{"warmup_days", "60"}}));
  CHECK(message.find("point 0") != std::string::npos);
  CHECK(message.find("holds 1 replications, but the sweep asks for 2") != std::string::npos);
  CHECK_FALSE(store.completed);
}

TEST_CASE("resume accepts a stored point that matches the sweep and completes", "[sweep][abuse]") {
  HeldStore store;
  store.points[0] = stored(2, {{"warmup_days", "60"}, {"seed", "5"}});
  CHECK(resume_error(store, resuming({{"seed", "5"}, {"warmup_days", "60"}})).empty());
  CHECK(store.completed);
}
