// Tests that AtomicOutput and the writers never leave a half-written file or a temporary behind.
// Knows nothing of the file formats beyond creating an HDF5 file for the mid-write case.
#include "io/atomic_file.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "io/hdf5_primitives.hpp"
#include "io/hdf5_writer.hpp"
#include "io/summary_json.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {

TEST_CASE("atomic output writes a hidden sibling temporary named after the target", "[atomic]") {
  const TempDir dir;
  const AtomicOutput out(dir.file("out.h5"));
  const std::filesystem::path temp(out.temp_path());
  CHECK(temp.parent_path() == dir.path());
  CHECK(temp.filename().string().rfind(".out.h5.tmp-" + std::to_string(::getpid()) + "-", 0) == 0);
  CHECK(out.path() == dir.file("out.h5"));
  CHECK_FALSE(out.committed());
}

TEST_CASE("two atomic outputs to one path use different temporaries", "[atomic]") {
  const TempDir dir;
  const AtomicOutput a(dir.file("x"));
  const AtomicOutput b(dir.file("x"));
  CHECK(a.temp_path() != b.temp_path());
}

TEST_CASE("commit replaces the target and leaves no temporary", "[atomic]") {
  const TempDir dir;
  const std::string path = dir.file("out.txt");
  write_bytes(path, "old");
  {
    AtomicOutput out(path);
    write_bytes(out.temp_path(), "new contents");
    CHECK(read_bytes(path) == "old");  // nothing visible before commit
    out.commit();
    CHECK(out.committed());
  }
  CHECK(read_bytes(path) == "new contents");
  CHECK(dir.entries() == std::set<std::string>{"out.txt"});
}

TEST_CASE("an exception before commit leaves the old file untouched and no temporary",
          "[atomic][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("out.txt");
  write_bytes(path, "good");
  CHECK_THROWS_AS(
      [&] {
        AtomicOutput out(path);
        write_bytes(out.temp_path(), "half-writ");
        REQUIRE(std::filesystem::exists(out.temp_path()));
        throw std::runtime_error("simulated failure mid-write");
      }(),
      std::runtime_error);
  CHECK(read_bytes(path) == "good");
  CHECK(dir.entries() == std::set<std::string>{"out.txt"});
}

TEST_CASE("a failure mid-way through an HDF5 file leaves the old results file intact",
          "[atomic][hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("results.h5");
  write_results_hdf5(sample_results(), path);
  const std::string good = read_bytes(path);
  CHECK_THROWS_AS(
      [&] {
        AtomicOutput out(path);
        FileHandle file = h5::create_file(out.temp_path());
        h5::write_string_attribute(file.get(), "schema", "cmhsim-results");
        throw IoError("simulated failure mid-write");
      }(),
      IoError);
  CHECK(read_bytes(path) == good);
  CHECK(dir.entries() == std::set<std::string>{"results.h5"});
}

TEST_CASE("writing into a missing directory fails clearly and creates nothing",
          "[atomic][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("missing/out.h5");
  CHECK_THROWS_WITH(AtomicOutput(path),
                    Catch::Contains("does not exist") && Catch::Contains("missing"));
  CHECK_THROWS_AS(write_results_hdf5(sample_results(), path), IoError);
  CHECK_THROWS_WITH(write_summary_json(sample_results(), path), Catch::Contains("does not exist"));
  CHECK(dir.entries().empty());
}

TEST_CASE("writing onto a directory fails clearly", "[atomic][bad-input]") {
  const TempDir dir;
  std::filesystem::create_directory(dir.path() / "sub");
  CHECK_THROWS_WITH(AtomicOutput(dir.file("sub")), Catch::Contains("directory"));
  CHECK_THROWS_WITH(AtomicOutput(dir.path().string() + "/"), Catch::Contains("names a directory"));
}

TEST_CASE("commit without a written temporary fails and keeps the old file",
          "[atomic][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("out.txt");
  write_bytes(path, "good");
  AtomicOutput out(path);
  CHECK_THROWS_WITH(out.commit(), Catch::Contains("was not written"));
  CHECK_FALSE(out.committed());
  CHECK(read_bytes(path) == "good");
}

TEST_CASE("invalid results are rejected before the old file is touched", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("results.h5");
  write_results_hdf5(sample_results(), path);
  const std::string good = read_bytes(path);

  experiment::RunResults duplicate = sample_results();
  duplicate.summary[1].name = "triage";
  CHECK_THROWS_WITH(write_results_hdf5(duplicate, path), Catch::Contains("appears twice"));

  experiment::RunResults slash = sample_results();
  slash.summary[0].name = "a/b";
  for (auto& rep : slash.replications) rep.services[0].name = "a/b";
  CHECK_THROWS_WITH(write_results_hdf5(slash, path), Catch::Contains("'a/b'"));

  experiment::RunResults mismatch = sample_results();
  mismatch.replications[2].services.pop_back();
  CHECK_THROWS_WITH(write_results_hdf5(mismatch, path), Catch::Contains("replication 2"));

  CHECK(read_bytes(path) == good);
  CHECK(dir.entries() == std::set<std::string>{"results.h5"});
}

TEST_CASE("write_file_atomically writes exactly the given bytes", "[atomic]") {
  const TempDir dir;
  const std::string path = dir.file("text.json");
  const std::string contents("line 1\n\0binary\xff", 15);
  write_file_atomically(path, contents);
  CHECK(read_bytes(path) == contents);
  write_file_atomically(path, "");
  CHECK(read_bytes(path).empty());
  CHECK(dir.entries() == std::set<std::string>{"text.json"});
}

TEST_CASE("write_atomically commits the file its writer creates at the temporary path",
          "[atomic]") {
  const TempDir dir;
  const std::string path = dir.file("out.txt");
  write_bytes(path, "old");
  std::string seen;
  write_atomically(path, [&](const std::string& temp) {
    seen = temp;
    CHECK(read_bytes(path) == "old");  // nothing visible before the writer returns
    write_bytes(temp, "new contents");
  });
  CHECK(std::filesystem::path(seen).parent_path() == dir.path());
  CHECK(read_bytes(path) == "new contents");
  CHECK(dir.entries() == std::set<std::string>{"out.txt"});
}

TEST_CASE("write_atomically names the target when its writer fails and keeps the old file",
          "[atomic][bad-input]") {
  const TempDir dir;
  const std::string path = dir.file("out.txt");
  write_bytes(path, "good");
  CHECK_THROWS_WITH(write_atomically(path,
                                     [](const std::string& temp) {
                                       write_bytes(temp, "half-writ");
                                       throw IoError("disk full");
                                     }),
                    Catch::Contains("cannot write results file '" + path + "': disk full"));
  CHECK(read_bytes(path) == "good");
  CHECK(dir.entries() == std::set<std::string>{"out.txt"});
}

}  // namespace cmhsim::io::test
