// Tests that results travel through an in-memory HDF5 file image (the encoding between MPI ranks)
// unchanged: every field, provenance and NaNs included, in the same format as results files.
#include "io/hdf5_image.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "experiment/runner.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_results_encoding.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::io::test {

TEST_CASE("results decode from their file image bit for bit", "[hdf5][image]") {
  const Hdf5ResultsEncoding encoding;
  for (const auto& written : {sample_results(), sample_pathway_results()}) {
    const experiment::TaskBytes bytes = encoding.encode(written);
    const experiment::RunResults read = encoding.decode(bytes);
    require_identical(written, read);
    // Spot checks that the comparison is not vacuous.
    CHECK(read.provenance.host == "node-ü1");
    CHECK(read.provenance.seed == 18446744073709551557ULL);
    CHECK(read.provenance.threads == 2);
    CHECK(std::isnan(read.replications[1].services[0].values[0]));
    CHECK(std::isnan(read.summary[0].metrics[0].lo));
    CHECK(std::signbit(read.replications[2].services[1].values[5]));
  }
  const experiment::RunResults pathway = encoding.decode(encoding.encode(sample_pathway_results()));
  CHECK(pathway.model == experiment::ModelKind::Pathway);
  CHECK(std::isnan(pathway.replications[1].metrics[1]));
  CHECK(std::isnan(pathway.metric_summary[1].hi));
  REQUIRE(pathway.persons.size() == 3);
  CHECK(pathway.persons[2].size() == 7);
}

TEST_CASE("a run's results, persons included, survive the file image", "[hdf5][image]") {
  const scenario::Scenario sc = scenario::parse_scenario(
      "name: p\nhorizon_days: 400\nwarmup_days: 60\nreplications: 3\nseed: 5\n"
      "population:\n  register_size: 800\n  practices: 10\n  pcns: 2\n  adults_16_65: 80000\n"
      "care_partners:\n  fte: 4\n",
      "inline.yaml");
  experiment::RunOptions options;
  options.seed = 9;
  options.replications = 2;
  options.threads = 2;
  options.record_persons = true;
  experiment::RunResults run = experiment::run_replications(*sc.pathways, options);
  run.provenance.scenario_text = sc.text;
  run.provenance.host = "host-x";
  run.provenance.threads = 7;
  const Hdf5ResultsEncoding encoding;
  const experiment::TaskBytes bytes = encoding.encode(run);
  const experiment::RunResults back = encoding.decode(bytes);
  require_identical(run, back);
  CHECK(back.provenance.scenario_text == sc.text);
  CHECK(back.provenance.host == "host-x");
  CHECK(back.provenance.threads == 7);
  CHECK(back.model == experiment::ModelKind::Pathway);
  REQUIRE(back.persons.size() == 2);
  REQUIRE_FALSE(back.persons[1].empty());
  CHECK(back.persons[1].back().qol_end == run.persons[1].back().qol_end);
  CHECK(encoding.encode(back) == bytes);
}

TEST_CASE("a file image holds the same bytes as the results file", "[hdf5][image][determinism]") {
  const TempDir dir;
  const experiment::RunResults results = sample_pathway_results();
  write_results_hdf5(results, dir.file("run.h5"));
  const std::vector<std::uint8_t> image = results_hdf5_image(results);
  const std::string file = read_bytes(dir.file("run.h5"));
  CHECK(std::string(image.begin(), image.end()) == file);
  CHECK(results_hdf5_image(results) == image);
  // A results file's bytes read as an image, and the other way round.
  require_identical(results, read_results_hdf5_image({file.begin(), file.end()}));
  write_bytes(dir.file("image.h5"), std::string(image.begin(), image.end()));
  require_identical(results, read_results_hdf5(dir.file("image.h5")));
}

TEST_CASE("bytes that are not a results file image are refused", "[hdf5][image][bad-input]") {
  const Hdf5ResultsEncoding encoding;
  const experiment::TaskBytes bytes = encoding.encode(sample_results());
  const experiment::TaskBytes cut(bytes.begin(), bytes.end() - 3);
  CHECK_THROWS_AS(encoding.decode(cut), IoError);
  const experiment::TaskBytes half(bytes.begin(), bytes.begin() + bytes.size() / 2);
  CHECK_THROWS_AS(encoding.decode(half), IoError);
  CHECK_THROWS_WITH(encoding.decode(experiment::TaskBytes(64, 0x5a)),
                    Catch::Contains("not hold an HDF5 file image"));
  CHECK_THROWS_AS(encoding.decode({}), IoError);

  // An HDF5 image of another kind of file is refused as the file would be.
  FileHandle file = h5::create_memory_file();
  const std::vector<std::uint8_t> empty = h5::file_image(file.get());
  CHECK_THROWS_WITH(encoding.decode(empty), Catch::Contains("no 'schema' attribute"));
}

TEST_CASE("invalid results are refused by the encoding", "[hdf5][image][bad-input]") {
  experiment::RunResults bad = sample_pathway_results();
  bad.replications[2].series.pop_back();
  CHECK_THROWS_AS(Hdf5ResultsEncoding{}.encode(bad), IoError);
}

}  // namespace cmhsim::io::test
