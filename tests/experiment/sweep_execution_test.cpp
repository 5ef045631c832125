// Tests executing a sweep over an in-memory point store: fresh runs on both backends, resume
// rules, shards and stopping, each checked against separate runs of the points.
#include "experiment/sweep_execution.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <map>
#include <optional>

#include "experiment/runner.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;
using experiment::RunResults;

namespace {

/// Keeps points in memory and records what the execution asked of it.
class MemoryStore final : public experiment::PointStore {
 public:
  bool present = false;
  int tidied = 0;
  std::map<std::size_t, RunResults> points;
  std::vector<std::size_t> saved;
  std::optional<std::vector<std::size_t>> completed;

  std::string where() const override { return "memory"; }
  bool exists() const override { return present; }
  void create() override { present = true; }
  void tidy() override { ++tidied; }
  std::vector<bool> done(std::size_t count) const override {
    std::vector<bool> out(count, false);
    for (const auto& entry : points) out.at(entry.first) = true;
    return out;
  }
  void save(std::size_t point, const RunResults& results) override {
    saved.push_back(point);
    points[point] = results;
  }
  RunResults load(std::size_t point) const override { return points.at(point); }
  void complete(const std::vector<std::size_t>& list) override { completed = list; }
};

/// Parks results in memory and sends their slot number: one process needs no real encoding.
class SlotEncoding final : public experiment::ResultsEncoding {
 public:
  experiment::TaskBytes encode(const RunResults& results) const override {
    slots_.push_back(results);
    return {static_cast<std::uint8_t>(slots_.size() - 1)};
  }
  RunResults decode(const experiment::TaskBytes& bytes) const override {
    return slots_.at(bytes.at(0));
  }

 private:
  mutable std::vector<RunResults> slots_;
};

scenario::Scenario small_pathway(int fte) {
  return scenario::parse_scenario(
      "name: p\nhorizon_days: 400\nwarmup_days: 60\nreplications: 2\nseed: 5\n"
      "population:\n  register_size: 600\n  practices: 10\n  pcns: 2\n  adults_16_65: 80000\n"
      "care_partners:\n  fte: " +
          std::to_string(fte) + "\n",
      "inline.yaml");
}

/// Returns four points of different capacity and seed; their configurations live as long as the
/// program, since a ModelSpec only refers to one.
const std::vector<experiment::SweepPoint>& four_points() {
  static const std::vector<scenario::Scenario> scenarios{small_pathway(0), small_pathway(2),
                                                         small_pathway(5), small_pathway(9)};
  static const std::vector<experiment::SweepPoint> points = [] {
    std::vector<experiment::SweepPoint> out;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      out.push_back({*scenarios[i].pathways, scenarios[i].seed + i, scenarios[i].replications});
    }
    return out;
  }();
  return points;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

/// Checks `got` holds the outcomes of running `point` on its own.
void require_fresh_run(const RunResults& got, const experiment::SweepPoint& point) {
  experiment::RunOptions one;
  one.seed = point.seed;
  one.replications = point.replications;
  one.threads = 1;
  const RunResults want = experiment::run_replications(point.model, one);
  REQUIRE(got.replications.size() == want.replications.size());
  for (std::size_t r = 0; r < want.replications.size(); ++r) {
    const auto& x = got.replications[r];
    const auto& y = want.replications[r];
    CHECK(x.events == y.events);
    REQUIRE(x.metrics.size() == y.metrics.size());
    for (std::size_t m = 0; m < x.metrics.size(); ++m) CHECK(same_bits(x.metrics[m], y.metrics[m]));
    REQUIRE(x.series.size() == y.series.size());
    for (std::size_t k = 0; k < x.series.size(); ++k) CHECK(same_bits(x.series[k], y.series[k]));
  }
  REQUIRE(got.metric_summary.size() == want.metric_summary.size());
  for (std::size_t m = 0; m < want.metric_summary.size(); ++m) {
    CHECK(same_bits(got.metric_summary[m].mean, want.metric_summary[m].mean));
    CHECK(same_bits(got.metric_summary[m].lo, want.metric_summary[m].lo));
  }
  CHECK(got.events == want.events);
}

std::vector<std::size_t> sorted(std::vector<std::size_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("a sweep stores every point as separate runs would give it, on either backend",
          "[sweep][determinism]") {
  const auto& points = four_points();
  const SlotEncoding encoding;
  for (const auto backend :
       {experiment::SweepBackend::Threads, experiment::SweepBackend::TaskFarm}) {
    for (const int threads : {1, 2}) {
      const bool farm = backend == experiment::SweepBackend::TaskFarm;
      INFO((farm ? "task farm" : "threads") << ", " << threads << " threads");
      MemoryStore store;
      experiment::SweepExecution options;
      options.threads = threads;
      options.backend = backend;
      options.started_utc = "sweep start";
      options.clock = [] { return std::string("point start"); };
      std::vector<std::string> stamped;
      options.stamp = [&](std::size_t i, RunResults& r) {
        stamped.push_back(r.provenance.started_utc);
        r.provenance.host = "host-" + std::to_string(i);
      };
      std::vector<experiment::SweepProgress> reports;
      const auto outcome = experiment::execute_sweep(
          points, options, store, encoding,
          [&](const experiment::SweepProgress& p) { reports.push_back(p); }, {});
      CHECK(store.present);
      CHECK(store.tidied == 0);
      CHECK(outcome.coordinator);
      CHECK(outcome.complete());
      CHECK(outcome.points_owned == 4);
      CHECK(outcome.points_done == 4);
      CHECK(sorted(store.saved) == std::vector<std::size_t>{0, 1, 2, 3});
      REQUIRE(store.completed);
      CHECK(*store.completed == std::vector<std::size_t>{0, 1, 2, 3});
      CHECK(stamped == std::vector<std::string>(4, farm ? "point start" : "sweep start"));
      for (std::size_t i = 0; i < 4; ++i) {
        CHECK(store.points.at(i).provenance.host == "host-" + std::to_string(i));
        require_fresh_run(store.points.at(i), points[i]);
      }
      REQUIRE_FALSE(reports.empty());
      CHECK(reports.back().replications_done == 8);
      CHECK(reports.back().replications_total == 8);
      CHECK(reports.back().points_owned == 4);
    }
  }
}

TEST_CASE("resuming runs only the points the store lacks", "[sweep]") {
  const auto& points = four_points();
  MemoryStore store;
  store.present = true;
  RunResults kept;
  kept.events = 424242;  // a marker: the point must not be run or saved again
  // Resuming checks a stored point holds the replications the sweep asks for (all have 2).
  kept.replications.resize(points[1].replications);
  store.points[1] = kept;
  store.points[3] = kept;
  experiment::SweepExecution options;
  options.resume = true;
  options.threads = 2;
  std::vector<experiment::SweepProgress> reports;
  const auto outcome = experiment::execute_sweep(
      points, options, store, SlotEncoding{},
      [&](const experiment::SweepProgress& p) { reports.push_back(p); }, {});
  CHECK(store.tidied == 1);
  CHECK(sorted(store.saved) == std::vector<std::size_t>{0, 2});
  CHECK(store.points.at(1).events == 424242);
  CHECK(store.points.at(3).events == 424242);
  require_fresh_run(store.points.at(0), points[0]);
  require_fresh_run(store.points.at(2), points[2]);
  CHECK(outcome.complete());
  CHECK(outcome.points_done == 4);
  REQUIRE(store.completed);
  CHECK(*store.completed == std::vector<std::size_t>{0, 1, 2, 3});
  REQUIRE_FALSE(reports.empty());
  CHECK(reports.front().points_done == 2);
  CHECK(reports.back().replications_total == 4);
}

TEST_CASE("an existing store is refused without resume and nothing runs", "[sweep][bad-input]") {
  MemoryStore store;
  store.present = true;
  store.points[0] = RunResults{};
  experiment::SweepExecution options;
  CHECK_THROWS_WITH(
      experiment::execute_sweep(four_points(), options, store, SlotEncoding{}, {}, {}),
      Catch::Contains("memory holds checkpoints of an earlier run") && Catch::Contains("--resume"));
  CHECK_THROWS_AS(experiment::execute_sweep(four_points(), options, store, SlotEncoding{}, {}, {}),
                  experiment::SweepSetupError);
  CHECK(store.saved.empty());
  CHECK(store.tidied == 0);
  CHECK_FALSE(store.completed);
}

TEST_CASE("a shard runs and completes only its own points", "[sweep]") {
  const auto& points = four_points();
  for (const auto backend :
       {experiment::SweepBackend::Threads, experiment::SweepBackend::TaskFarm}) {
    MemoryStore store;
    experiment::SweepExecution options;
    options.shard = {1, 2};
    options.backend = backend;
    const auto outcome = experiment::execute_sweep(points, options, store, SlotEncoding{}, {}, {});
    CHECK(outcome.points_owned == 2);
    CHECK(outcome.complete());
    CHECK(sorted(store.saved) == std::vector<std::size_t>{1, 3});
    REQUIRE(store.completed);
    CHECK(*store.completed == std::vector<std::size_t>{1, 3});
    require_fresh_run(store.points.at(3), points[3]);
  }
  MemoryStore store;
  experiment::SweepExecution bad;
  bad.shard = {2, 2};
  CHECK_THROWS_AS(experiment::execute_sweep(points, bad, store, SlotEncoding{}, {}, {}),
                  std::invalid_argument);
}

TEST_CASE("a stopped sweep is incomplete and resumes to the results of an unbroken one",
          "[sweep]") {
  const auto& points = four_points();
  for (const auto backend :
       {experiment::SweepBackend::Threads, experiment::SweepBackend::TaskFarm}) {
    MemoryStore store;
    experiment::SweepExecution options;
    options.threads = 1;
    options.backend = backend;
    const auto cut = experiment::execute_sweep(points, options, store, SlotEncoding{}, {},
                                               [&] { return !store.saved.empty(); });
    CHECK_FALSE(cut.complete());
    CHECK(cut.points_done == 1);
    CHECK(cut.points_owned == 4);
    CHECK(store.saved.size() == 1);
    CHECK_FALSE(store.completed);

    options.resume = true;
    const auto rest = experiment::execute_sweep(points, options, store, SlotEncoding{}, {}, {});
    CHECK(rest.complete());
    CHECK(store.saved.size() == 4);
    CHECK(sorted(store.saved) == std::vector<std::size_t>{0, 1, 2, 3});
    for (std::size_t i = 0; i < 4; ++i) require_fresh_run(store.load(i), points[i]);
  }
}
