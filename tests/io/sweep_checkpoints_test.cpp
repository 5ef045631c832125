// Tests the sweep's point store on disk: checkpoint files saved and checked against the sweep on
// resume, leftovers tidied, the sweep file assembled; and a sweep executed over it on both
// backends.
#include "io/sweep_checkpoints.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "experiment/sweep_execution.hpp"
#include "io/hdf5_results_encoding.hpp"
#include "io_test_support.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::io::test {
namespace fs = std::filesystem;

TEST_CASE("checkpoints are saved, listed, loaded and joined into the sweep file", "[sweep]") {
  const TempDir dir;
  const std::string output = dir.file("out.h5");
  SweepCheckpoints store(output, three_points(),
                         [](SweepHeader& h) { h.finished_utc = "2024-05-01T10:00:00Z"; });
  CHECK(store.where() == output + ".partial");
  CHECK_FALSE(store.exists());
  store.create();
  CHECK(store.exists());
  CHECK(store.done(3) == std::vector<bool>{false, false, false});

  const experiment::RunResults results = sample_pathway_results();
  store.save(1, results);
  CHECK(store.done(3) == std::vector<bool>{false, true, false});
  CHECK(fs::exists(output + ".partial/point-1.h5"));
  require_identical(results, store.load(1));

  store.save(0, sample_results());
  store.save(2, sample_results());
  store.complete({0, 1, 2});
  CHECK_FALSE(store.exists());
  CHECK(dir.entries() == std::set<std::string>{"out.h5"});
  const SweepContents contents = read_sweep_contents(output);
  CHECK(contents.points == std::vector<std::size_t>{0, 1, 2});
  CHECK(contents.header.finished_utc == "2024-05-01T10:00:00Z");
  CHECK(contents.header.settings[2] == std::vector<std::string>{"3"});
  require_identical(results, read_sweep_point(output, 1));
}

TEST_CASE("checkpoints of another sweep, point or setting are refused", "[sweep][bad-input]") {
  const TempDir dir;
  const std::string output = dir.file("out.h5");
  SweepCheckpoints store(output, three_points());
  store.create();
  store.save(0, sample_results());

  CHECK_THROWS_AS(SweepCheckpoints(output, three_points("name: other\n")).done(3),
                  experiment::ResumeError);
  CHECK_THROWS_WITH(SweepCheckpoints(output, three_points("name: other\n")).done(3),
                    Catch::Contains("different sweep file text"));
  SweepHeader moved = three_points();
  moved.settings[0] = {"9"};
  CHECK_THROWS_WITH(SweepCheckpoints(output, moved).done(3),
                    Catch::Contains("settings that differ from the sweep's point 0"));

  fs::rename(output + ".partial/point-0.h5", output + ".partial/point-2.h5");
  CHECK_THROWS_WITH(store.done(3), Catch::Contains("does not match its name"));
}

TEST_CASE("tidy removes temporaries of cut-short saves and keeps checkpoints", "[sweep]") {
  const TempDir dir;
  const std::string output = dir.file("out.h5");
  SweepCheckpoints store(output, three_points());
  store.create();
  store.save(2, sample_results());
  const fs::path partial = output + ".partial";
  write_bytes((partial / ".point-1.h5.tmp-12345").string(), "half a file");
  CHECK(store.done(3) == std::vector<bool>{false, false, true});
  store.tidy();
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(partial)) left.insert(e.path().filename().string());
  CHECK(left == std::set<std::string>{"point-2.h5"});
}

TEST_CASE("a sweep on the task farm gives the same sweep file as on threads", "[sweep][image]") {
  const scenario::Scenario sc = scenario::parse_scenario(
      "name: p\nhorizon_days: 400\nwarmup_days: 60\nreplications: 2\nseed: 5\n"
      "population:\n  register_size: 600\n  practices: 10\n  pcns: 2\n  adults_16_65: 80000\n",
      "inline.yaml");
  std::vector<experiment::SweepPoint> points;
  for (std::uint64_t seed : {5, 6, 7}) points.push_back({*sc.pathways, seed, 2});
  const TempDir dir;
  const Hdf5ResultsEncoding encoding;
  for (const auto backend :
       {experiment::SweepBackend::Threads, experiment::SweepBackend::TaskFarm}) {
    const bool farm = backend == experiment::SweepBackend::TaskFarm;
    SweepCheckpoints store(dir.file(farm ? "farm.h5" : "threads.h5"), three_points());
    experiment::SweepExecution options;
    options.threads = 2;
    options.backend = backend;
    options.started_utc = "2024-05-01T09:00:00Z";
    options.clock = [] { return std::string("2024-05-01T09:00:00Z"); };
    // Timing differs between runs; everything else must not.
    options.stamp = [](std::size_t, experiment::RunResults& r) { r.wall_seconds = 0.0; };
    const auto outcome = experiment::execute_sweep(points, options, store, encoding, {}, {});
    CHECK(outcome.complete());
    CHECK(outcome.points_done == 3);
  }
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("point " << i);
    require_identical(read_sweep_point(dir.file("threads.h5"), i),
                      read_sweep_point(dir.file("farm.h5"), i));
  }
  CHECK(dir.entries() == std::set<std::string>{"farm.h5", "threads.h5"});
}

}  // namespace cmhsim::io::test
