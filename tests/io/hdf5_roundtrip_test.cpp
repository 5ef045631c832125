// Tests that write_results_hdf5 then read_results_hdf5 gives back every value bit for bit.
// Knows nothing of the file layout beyond the public writer and reader.
#include <catch2/catch.hpp>
#include <cmath>

#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

/// Checks that every field of `b` equals `a`, doubles compared by bit pattern.
void require_identical(const experiment::RunResults& a, const experiment::RunResults& b) {
  CHECK(b.provenance.version == a.provenance.version);
  CHECK(b.provenance.git_commit == a.provenance.git_commit);
  CHECK(b.provenance.scenario_path == a.provenance.scenario_path);
  CHECK(b.provenance.scenario_text == a.provenance.scenario_text);
  CHECK(b.provenance.seed == a.provenance.seed);
  CHECK(b.provenance.replications == a.provenance.replications);
  CHECK(b.provenance.threads == a.provenance.threads);
  CHECK(b.provenance.started_utc == a.provenance.started_utc);
  CHECK(b.provenance.finished_utc == a.provenance.finished_utc);
  CHECK(b.provenance.host == a.provenance.host);
  CHECK(bits(b.horizon_days) == bits(a.horizon_days));
  CHECK(bits(b.warmup_days) == bits(a.warmup_days));
  CHECK(bits(b.wall_seconds) == bits(a.wall_seconds));
  CHECK(b.events == a.events);
  CHECK(b.model == a.model);
  const auto same_infos = [](const std::vector<model::OutputInfo>& x,
                             const std::vector<model::OutputInfo>& y) {
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(x[i].name == y[i].name);
      CHECK(x[i].unit == y[i].unit);
      CHECK(x[i].description == y[i].description);
    }
  };
  same_infos(a.metric_infos, b.metric_infos);
  same_infos(a.series_infos, b.series_infos);
  const auto same_estimate = [](const engine::Estimate& x, const engine::Estimate& y) {
    CHECK(bits(y.mean) == bits(x.mean));
    CHECK(bits(y.lo) == bits(x.lo));
    CHECK(bits(y.hi) == bits(x.hi));
    CHECK(y.n == x.n);
  };
  REQUIRE(b.metric_summary.size() == a.metric_summary.size());
  for (std::size_t m = 0; m < a.metric_summary.size(); ++m) {
    same_estimate(a.metric_summary[m], b.metric_summary[m]);
  }
  REQUIRE(b.series_summary.size() == a.series_summary.size());
  for (std::size_t m = 0; m < a.series_summary.size(); ++m) {
    REQUIRE(b.series_summary[m].size() == a.series_summary[m].size());
    for (std::size_t k = 0; k < a.series_summary[m].size(); ++k) {
      same_estimate(a.series_summary[m][k], b.series_summary[m][k]);
    }
  }
  REQUIRE(b.persons.size() == a.persons.size());
  for (std::size_t r = 0; r < a.persons.size(); ++r) {
    REQUIRE(b.persons[r].size() == a.persons[r].size());
    for (std::size_t i = 0; i < a.persons[r].size(); ++i) {
      CHECK(same_person(a.persons[r][i], b.persons[r][i]));
    }
  }

  REQUIRE(b.replications.size() == a.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    INFO("replication " << r);
    CHECK(b.replications[r].events == a.replications[r].events);
    CHECK(b.replications[r].months == a.replications[r].months);
    REQUIRE(b.replications[r].metrics.size() == a.replications[r].metrics.size());
    for (std::size_t m = 0; m < a.replications[r].metrics.size(); ++m) {
      CHECK(bits(b.replications[r].metrics[m]) == bits(a.replications[r].metrics[m]));
    }
    REQUIRE(b.replications[r].series.size() == a.replications[r].series.size());
    for (std::size_t i = 0; i < a.replications[r].series.size(); ++i) {
      CHECK(bits(b.replications[r].series[i]) == bits(a.replications[r].series[i]));
    }
    REQUIRE(b.replications[r].services.size() == a.replications[r].services.size());
    for (std::size_t s = 0; s < a.replications[r].services.size(); ++s) {
      const auto& x = a.replications[r].services[s];
      const auto& y = b.replications[r].services[s];
      INFO("service " << x.name);
      CHECK(y.name == x.name);
      CHECK(y.arrivals == x.arrivals);
      CHECK(y.completions == x.completions);
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        INFO("metric " << model::kServiceMetrics[m].name);
        CHECK(bits(y.values[m]) == bits(x.values[m]));
      }
    }
  }

  REQUIRE(b.summary.size() == a.summary.size());
  for (std::size_t s = 0; s < a.summary.size(); ++s) {
    INFO("summary of " << a.summary[s].name);
    CHECK(b.summary[s].name == a.summary[s].name);
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      INFO("metric " << model::kServiceMetrics[m].name);
      const auto& x = a.summary[s].metrics[m];
      const auto& y = b.summary[s].metrics[m];
      CHECK(bits(y.mean) == bits(x.mean));
      CHECK(bits(y.lo) == bits(x.lo));
      CHECK(bits(y.hi) == bits(x.hi));
      CHECK(y.n == x.n);
    }
  }
}

}  // namespace

TEST_CASE("results read back bit-identical after an HDF5 round trip", "[hdf5]") {
  const TempDir dir;
  const experiment::RunResults written = sample_results();
  const std::string path = dir.file("out.h5");
  write_results_hdf5(written, path);
  const experiment::RunResults read = read_results_hdf5(path);
  require_identical(written, read);
  // Spot checks that the comparison is not vacuous.
  REQUIRE(read.replications.size() == 3);
  REQUIRE(read.summary.size() == 2);
  CHECK(read.summary[0].name == "triage");
  CHECK(read.summary[1].name == "cmht");
  CHECK(std::isnan(read.replications[1].services[0].values[0]));
  CHECK(std::signbit(read.replications[2].services[1].values[5]));
  CHECK(read.provenance.seed == 18446744073709551557ULL);
  CHECK(dir.entries() == std::set<std::string>{"out.h5"});
}

TEST_CASE("pathway results with metrics, series and persons round trip bit for bit", "[hdf5]") {
  const TempDir dir;
  const experiment::RunResults written = sample_pathway_results();
  write_results_hdf5(written, dir.file("pathway.h5"));
  const experiment::RunResults read = read_results_hdf5(dir.file("pathway.h5"));
  require_identical(written, read);
  CHECK(read.model == experiment::ModelKind::Pathway);
  REQUIRE(read.metric_infos.size() == 2);
  CHECK(read.metric_infos[1].name == "crises_per_1000_per_year.by_network.formal_sparse");
  CHECK(std::isnan(read.replications[1].metrics[1]));
  CHECK(std::signbit(read.replications[2].series[5]));
  CHECK(read.replications[0].months == 4);
  REQUIRE(read.persons.size() == 3);
  CHECK(read.persons[2].size() == 7);
  CHECK(read.persons[0][3].died);
  write_results_hdf5(written, dir.file("again.h5"));
  CHECK(read_bytes(dir.file("pathway.h5")) == read_bytes(dir.file("again.h5")));
}

TEST_CASE("pathway results without summaries or persons round trip", "[hdf5]") {
  const TempDir dir;
  experiment::RunResults r = sample_pathway_results();
  r.metric_summary.clear();
  r.series_summary.clear();
  r.persons.clear();
  write_results_hdf5(r, dir.file("bare.h5"));
  const auto read = read_results_hdf5(dir.file("bare.h5"));
  require_identical(r, read);
  CHECK(read.metric_summary.empty());
  CHECK(read.persons.empty());
}

TEST_CASE("inconsistent pathway results are refused and leave no file", "[hdf5]") {
  const TempDir dir;
  experiment::RunResults r = sample_pathway_results();
  r.replications[1].metrics.pop_back();
  CHECK_THROWS_WITH(write_results_hdf5(r, dir.file("bad.h5")),
                    Catch::Contains("replication 1 has 1 metrics, but 2 are named"));
  r = sample_pathway_results();
  r.replications[2].series.pop_back();
  CHECK_THROWS_WITH(write_results_hdf5(r, dir.file("bad.h5")),
                    Catch::Contains("replication 2 has 11 series values"));
  CHECK(dir.entries().empty());
}

TEST_CASE("writing the same results twice gives identical files", "[hdf5][determinism]") {
  const TempDir dir;
  const experiment::RunResults results = sample_results();
  write_results_hdf5(results, dir.file("a.h5"));
  write_results_hdf5(results, dir.file("b.h5"));
  require_identical(read_results_hdf5(dir.file("a.h5")), read_results_hdf5(dir.file("b.h5")));
  // Objects carry no timestamps, so the bytes match too.
  CHECK(read_bytes(dir.file("a.h5")) == read_bytes(dir.file("b.h5")));
}

TEST_CASE("writing over an existing results file replaces it", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("out.h5");
  experiment::RunResults first = sample_results();
  write_results_hdf5(first, path);
  experiment::RunResults second = sample_results();
  second.provenance.seed = 7;
  second.replications.pop_back();
  second.provenance.replications = 2;
  write_results_hdf5(second, path);
  const experiment::RunResults read = read_results_hdf5(path);
  require_identical(second, read);
  CHECK(read.replications.size() == 2);
  CHECK(dir.entries() == std::set<std::string>{"out.h5"});
}

TEST_CASE("results without replications, services or summary round trip", "[hdf5]") {
  const TempDir dir;
  SECTION("nothing at all") {
    experiment::RunResults empty;
    write_results_hdf5(empty, dir.file("empty.h5"));
    require_identical(empty, read_results_hdf5(dir.file("empty.h5")));
  }
  SECTION("replications but no summary") {
    experiment::RunResults r = sample_results();
    r.summary.clear();
    write_results_hdf5(r, dir.file("nosummary.h5"));
    const auto read = read_results_hdf5(dir.file("nosummary.h5"));
    require_identical(r, read);
    CHECK(read.summary.empty());
    CHECK(read.replications.at(0).services.at(0).name == "triage");
  }
  SECTION("summary but no replications") {
    experiment::RunResults r = sample_results();
    r.replications.clear();
    write_results_hdf5(r, dir.file("noreps.h5"));
    const auto read = read_results_hdf5(dir.file("noreps.h5"));
    require_identical(r, read);
    CHECK(read.summary.size() == 2);
  }
}

}  // namespace cmhsim::io::test
