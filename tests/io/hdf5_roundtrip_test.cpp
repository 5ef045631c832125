// Tests that write_results_hdf5 then read_results_hdf5 gives back every value bit for bit.
// Knows nothing of the file layout beyond the public writer and reader.
#include <catch2/catch.hpp>
#include <cmath>

#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {

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
