// Tests that read_results_hdf5 rejects files that are not cmhsim results of this schema version.
// Knows the schema's names only to damage files on purpose.
#include "io/hdf5_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "io/hdf5_primitives.hpp"
#include "io/hdf5_seal.hpp"
#include "io/hdf5_sweep.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

/// Holds a results file open for editing and seals it again once closed, so the reader gets
/// past the seal to the damage under test.
class EditedFile {
 public:
  explicit EditedFile(std::string path)
      : path_(std::move(path)),
        file_(check(H5Fopen(path_.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open for edit")) {}
  ~EditedFile() {
    file_.close("close after edit");
    seal_file(path_);
  }
  EditedFile(const EditedFile&) = delete;
  EditedFile& operator=(const EditedFile&) = delete;
  [[nodiscard]] hid_t get() const noexcept { return file_.get(); }

 private:
  std::string path_;
  FileHandle file_;
};

/// Opens a results file for editing, so a test can damage it.
EditedFile open_for_edit(const std::string& path) { return EditedFile(path); }

}  // namespace

TEST_CASE("reader rejects a missing file", "[hdf5][bad-input]") {
  const TempDir dir;
  CHECK_THROWS_WITH(read_results_hdf5(dir.file("nope.h5")),
                    Catch::Contains("nope.h5") && Catch::Contains("no such file"));
}

TEST_CASE("reader rejects a file that is not HDF5", "[hdf5][bad-input]") {
  const TempDir dir;
  write_bytes(dir.file("results.h5"), "services:\n  - name: triage\n");
  CHECK_THROWS_WITH(read_results_hdf5(dir.file("results.h5")),
                    Catch::Contains("results.h5") && Catch::Contains("not an HDF5 file"));
  write_bytes(dir.file("empty.h5"), "");
  CHECK_THROWS_WITH(read_results_hdf5(dir.file("empty.h5")), Catch::Contains("not an HDF5 file"));
}

TEST_CASE("reader rejects an HDF5 file without the schema attribute", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("other.h5");
  {
    FileHandle file = h5::create_file(path);
    GroupHandle group = h5::create_group(file.get(), "data");
    h5::write_double_vector(group.get(), "x", {1.0, 2.0});
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("other.h5") &&
                                                 Catch::Contains("not a cmhsim results file") &&
                                                 Catch::Contains("'schema'"));
}

TEST_CASE("reader rejects another schema name", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("other.h5");
  {
    FileHandle file = h5::create_file(path);
    h5::write_string_attribute(file.get(), "schema", "someone-elses-results");
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("not a cmhsim results file") &&
                                                 Catch::Contains("someone-elses-results"));
}

TEST_CASE("reader rejects another schema_version", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("future.h5");
  write_results_hdf5(sample_results(), path);
  {
    EditedFile file = open_for_edit(path);
    check(H5Adelete(file.get(), "schema_version"), "delete attribute");
    h5::write_i32_attribute(file.get(), "schema_version", 3);
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("schema_version 3 is not supported") &&
                                                 Catch::Contains("reads schema_version 1 to 2"));
  {
    EditedFile file = open_for_edit(path);
    check(H5Adelete(file.get(), "schema_version"), "delete attribute");
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("no 'schema_version' attribute"));
}

TEST_CASE("reader still reads a version 1 file as a network run", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("v1.h5");
  write_results_hdf5(sample_results(), path);
  {
    // Version 1 had no content or model attributes and no /metrics or /series.
    EditedFile file = open_for_edit(path);
    check(H5Adelete(file.get(), "schema_version"), "delete attribute");
    h5::write_i32_attribute(file.get(), "schema_version", 1);
    check(H5Adelete(file.get(), "content"), "delete attribute");
    check(H5Adelete(file.get(), "model"), "delete attribute");
    check(H5Ldelete(file.get(), "/metrics", H5P_DEFAULT), "delete group");
    check(H5Ldelete(file.get(), "/series", H5P_DEFAULT), "delete group");
  }
  const experiment::RunResults read = read_results_hdf5(path);
  CHECK(read.model == experiment::ModelKind::Network);
  REQUIRE(read.summary.size() == 2);
  CHECK(read.summary[1].name == "cmht");
  CHECK(read.replications.size() == 3);
  CHECK(read.metric_infos.empty());
  CHECK(read.replications[0].metrics.empty());
}

TEST_CASE("reader rejects a comparison file as a run and a run as a comparison",
          "[hdf5][bad-input]") {
  const TempDir dir;
  write_results_hdf5(sample_results(), dir.file("run.h5"));
  CHECK_THROWS_WITH(read_comparison_hdf5(dir.file("run.h5")),
                    Catch::Contains("run.h5") && Catch::Contains("not a comparison file"));
  {
    EditedFile file = open_for_edit(dir.file("run.h5"));
    check(H5Adelete(file.get(), "content"), "delete attribute");
    h5::write_string_attribute(file.get(), "content", "comparison");
  }
  CHECK_THROWS_WITH(read_results_hdf5(dir.file("run.h5")),
                    Catch::Contains("this is a comparison file"));
}

TEST_CASE("reader names a version 2 file's missing metrics group", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_pathway_results(), path);
  {
    EditedFile file = open_for_edit(path);
    check(H5Ldelete(file.get(), "/metrics", H5P_DEFAULT), "delete group");
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("no group 'metrics'"));
}

TEST_CASE("reader names a missing dataset", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_results(), path);
  {
    EditedFile file = open_for_edit(path);
    check(H5Ldelete(file.get(), "/services/cmht/arrivals", H5P_DEFAULT), "delete dataset");
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("damaged.h5") &&
                                                 Catch::Contains("'/services/cmht'") &&
                                                 Catch::Contains("'arrivals'"));
}

TEST_CASE("reader rejects a replication table of the wrong length", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_results(), path);
  {
    EditedFile file = open_for_edit(path);
    check(H5Ldelete(file.get(), "/replications/events", H5P_DEFAULT), "delete dataset");
    GroupHandle reps = h5::open_group(file.get(), "replications");
    h5::write_u64_vector(reps.get(), "events", {1, 2});
  }
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("3 rows") && Catch::Contains("one per replication (2)"));
}

TEST_CASE("reader rejects a service listed in order but absent", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_results(), path);
  {
    EditedFile file = open_for_edit(path);
    GroupHandle services = h5::open_group(file.get(), "services");
    check(H5Adelete(services.get(), "order"), "delete attribute");
    h5::write_strings_attribute(services.get(), "order", {"triage", "crisis"});
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("no group 'crisis'"));
}

TEST_CASE("a service table narrower than its metric names is refused", "[hdf5][abuse]") {
  // The reader took each metric's column from the names and read past a narrower table.
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_results(), path);
  std::vector<std::string> metrics;
  {
    EditedFile file = open_for_edit(path);
    GroupHandle cmht = h5::open_group(file.get(), "services/cmht");
    {
      DatasetHandle table = h5::open_dataset(cmht.get(), "replications");
      metrics = h5::read_strings_attribute(table.get(), "metrics");
    }
    check(H5Ldelete(cmht.get(), "replications", H5P_DEFAULT), "delete dataset");
    DatasetHandle narrow =
        h5::write_double_matrix(cmht.get(), "replications", {3, 2, {1, 2, 3, 4, 5, 6}});
    h5::write_strings_attribute(narrow.get(), "metrics", metrics);
  }
  CHECK_THROWS_AS(read_results_hdf5(path), ResultsFileError);
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("has 2 columns for " + std::to_string(metrics.size())));
}

TEST_CASE("a dataset stored in another file is refused, not read", "[hdf5][abuse]") {
  // libhdf5 reads an external file list's files: a results file could show any local file.
  const TempDir dir;
  const std::string path = dir.file("damaged.h5");
  write_results_hdf5(sample_results(), path);
  write_bytes(dir.file("secret.bin"), std::string(24, 's'));
  {
    EditedFile file = open_for_edit(path);
    GroupHandle reps = h5::open_group(file.get(), "replications");
    check(H5Ldelete(reps.get(), "events", H5P_DEFAULT), "delete dataset");
    PropertyListHandle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "dcpl"));
    check(H5Pset_external(dcpl.get(), dir.file("secret.bin").c_str(), 0, 24), "external");
    const hsize_t three = 3;
    DataspaceHandle space(check(H5Screate_simple(1, &three, nullptr), "space"));
    DatasetHandle events(check(H5Dcreate2(reps.get(), "events", H5T_STD_U64LE, space.get(),
                                          H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                               "create"));
  }
  CHECK_THROWS_AS(read_results_hdf5(path), ResultsFileError);
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("an external file list"));
}

TEST_CASE("a sweep file listing a point beyond its points is refused", "[hdf5][abuse]") {
  // Export looked the point's settings up unchecked and ended with an untyped error.
  const TempDir dir;
  const std::string path = dir.file("sweep.h5");
  write_sweep_hdf5(
      three_points(), {0, 1, 2}, [](std::size_t) { return sample_results(); }, path);
  {
    EditedFile file = open_for_edit(path);
    GroupHandle points = h5::open_group(file.get(), "points");
    check(H5Adelete(points.get(), "order"), "delete attribute");
    h5::write_strings_attribute(points.get(), "order", {"0", "1", "7"});
  }
  CHECK_THROWS_AS(read_sweep_contents(path), ResultsFileError);
  CHECK_THROWS_WITH(read_sweep_contents(path),
                    Catch::Contains("lists point 7 of a sweep of 3 points"));
}

TEST_CASE("a sweep file claiming more points than a sweep has is refused before allocating",
          "[hdf5][abuse]") {
  const TempDir dir;
  const std::string path = dir.file("sweep.h5");
  write_sweep_hdf5(
      three_points(), {0, 1, 2}, [](std::size_t) { return sample_results(); }, path);
  {
    EditedFile file = open_for_edit(path);
    check(H5Adelete(file.get(), "points"), "delete attribute");
    h5::write_u64_attribute(file.get(), "points", 100000000);
  }
  CHECK_THROWS_WITH(read_sweep_contents(path),
                    Catch::Contains("claims 100000000 points; a sweep has at most 1000000"));
}

}  // namespace cmhsim::io::test
