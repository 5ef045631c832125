// Tests that read_results_hdf5 rejects files that are not cmhsim results of this schema version.
// Knows the schema's names only to damage files on purpose.
#include "io/hdf5_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "io/hdf5_primitives.hpp"
#include "io/hdf5_seal.hpp"
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

}  // namespace cmhsim::io::test
