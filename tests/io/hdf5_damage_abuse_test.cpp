// Tests that results files damaged where libhdf5 1.10 loops, crashes or over-allocates are refused:
// each is a good file with a few bytes changed and its seal made valid again, as a forger would.
#include <catch2/catch.hpp>
#include <cstring>
#include <span>
#include <string>

#include "io/hdf5_checked_file.hpp"
#include "io/hdf5_file_bytes.hpp"
#include "io/hdf5_object_header.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/hdf5_seal.hpp"
#include "io/hdf5_sweep.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

/// Holds the bytes of a good results file to damage, and writes them back sealed.
class Damage {
 public:
  explicit Damage(std::string path) : path_(std::move(path)), bytes_(read_bytes(path_)) {}

  /// Writes `value` little-endian over `width` bytes at absolute offset `at`.
  void write(std::size_t at, std::uint64_t value, std::size_t width) {
    REQUIRE(at + width <= bytes_.size());
    for (std::size_t b = 0; b < width; ++b) bytes_[at + b] = static_cast<char>(value >> (8 * b));
  }
  /// Returns the little-endian number of `width` bytes at absolute offset `at`.
  [[nodiscard]] std::uint64_t read(std::size_t at, std::size_t width) const {
    std::uint64_t value = 0;
    for (std::size_t b = 0; b < width; ++b) {
      value |= std::uint64_t{static_cast<unsigned char>(bytes_[at + b])} << (8 * b);
    }
    return value;
  }
  /// Returns the offset of the file's first global heap collection.
  [[nodiscard]] std::size_t heap() const {
    const std::size_t at = bytes_.find("GCOL");
    REQUIRE(at != std::string::npos);
    return at;
  }
  /// Returns the offset of `span`, which lies in a FileBytes view of these bytes.
  [[nodiscard]] std::size_t offset_of(std::span<const std::uint8_t> span) const {
    return static_cast<std::size_t>(reinterpret_cast<const char*>(span.data()) - bytes_.data());
  }
  /// Returns a view of the bytes as an HDF5 file.
  [[nodiscard]] h5::FileBytes view() const {
    return h5::FileBytes::view(
        {reinterpret_cast<const std::uint8_t*>(bytes_.data()), bytes_.size()});
  }
  /// Writes the damaged bytes back and seals them.
  void seal() const {
    write_bytes(path_, bytes_);
    seal_file(path_);
  }

 private:
  std::string path_;
  std::string bytes_;
};

/// Returns the header address of the object at `name` in the good file at `path`.
std::uint64_t address_of(const std::string& path, const char* name) {
  const ErrorSilencer quiet;
  FileHandle file = h5::open_file_readonly(path);
  const hid_t object = check(H5Oopen(file.get(), name, H5P_DEFAULT), name);
  const std::uint64_t address = h5::header_address(object);
  H5Oclose(object);
  return address;
}

/// Returns the offset of the first string descriptor of attribute `attribute` of `object`.
std::size_t descriptor_of(const Damage& d, const std::string& path, const char* object,
                          const std::string& attribute) {
  const h5::FileBytes view = d.view();
  for (const auto& a : h5::attribute_messages(view, address_of(path, object))) {
    if (a.name == attribute) return d.offset_of(a.data);
  }
  FAIL("no attribute " << attribute);
  return 0;
}

/// Returns a good network results file in `dir`.
std::string good_file(const TempDir& dir) {
  const std::string path = dir.file("results.h5");
  write_results_hdf5(sample_results(), path);
  return path;
}

}  // namespace

TEST_CASE("a global heap whose free space does not advance is refused, not looped on",
          "[hdf5][abuse]") {
  // libhdf5 1.10 walks a collection's objects by their sizes; a size of 0 never ends the walk.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  const std::size_t first = d.heap() + 16;
  d.write(first, 0, 8);      // Index 0 (free space), no references, reserved.
  d.write(first + 8, 0, 8);  // Size 0.
  d.seal();
  CHECK_THROWS_AS(read_results_hdf5(path), ResultsFileError);
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("results.h5") && Catch::Contains("global heap collection") &&
                        Catch::Contains("free space of an impossible size"));
}

TEST_CASE("a global heap object larger than its collection is refused, not read past",
          "[hdf5][abuse]") {
  // libhdf5 1.10 steps past the collection's end and crashes.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  d.write(d.heap() + 16 + 8, std::uint64_t{1} << 62, 8);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("object 1 of 4611686018427387904 bytes runs past"));
}

TEST_CASE("a global heap object longer than its string is refused", "[hdf5][abuse]") {
  // libhdf5 1.10 loops on the misaligned walk that follows.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  const std::size_t size_at = d.heap() + 16 + 8;
  d.write(size_at, d.read(size_at, 8) + 4000, 8);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("global heap collection"));
}

TEST_CASE("a string naming a heap object that does not exist is refused", "[hdf5][abuse]") {
  // libhdf5 1.10 indexes its object table with the stored index unchecked and crashes.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  const std::size_t descriptor = descriptor_of(d, path, "/", "schema");
  REQUIRE(d.read(descriptor, 4) == std::string("cmhsim-results").size());
  d.write(descriptor + 12, 0x7fffffff, 4);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("has no object 2147483647"));
  CHECK_THROWS_WITH(check_results_file(path), Catch::Contains("has no object 2147483647"));
}

TEST_CASE("a string claiming 4 GiB is refused before anything is allocated", "[hdf5][abuse]") {
  // libhdf5 1.10 allocates the claimed length before it reads the heap object.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  d.write(descriptor_of(d, path, "/", "schema"), 0xfffffff0, 4);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("string of 4294967280 bytes refers to a heap object of 14"));
}

TEST_CASE("a string dataset whose descriptor is damaged is refused", "[hdf5][abuse]") {
  const TempDir dir;
  const std::string path = good_file(dir);
  haddr_t offset = HADDR_UNDEF;
  {
    const ErrorSilencer quiet;
    FileHandle file = h5::open_file_readonly(path);
    DatasetHandle ds = h5::open_dataset(file.get(), "provenance/scenario_text");
    offset = H5Dget_offset(ds.get());
  }
  REQUIRE(offset != HADDR_UNDEF);
  Damage d(path);
  d.write(offset + 12, 0xfffe, 4);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("has no object 65534"));
  CHECK_THROWS_WITH(check_results_file(path), Catch::Contains("has no object 65534"));
}

TEST_CASE("a dataset claiming more values than the file holds is refused before allocating",
          "[hdf5][abuse]") {
  // 2^31 values of 8 bytes: 16 GiB would be allocated and zeroed before libhdf5 found no data.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  const h5::FileBytes view = d.view();
  std::size_t dims = 0;
  for (const auto& m : h5::header_messages(view, address_of(path, "/replications/events"))) {
    if (m.type == h5::kDataspaceMessage) dims = d.offset_of(m.body) + 8;
  }
  REQUIRE(dims != 0);
  REQUIRE(d.read(dims, 8) == 3);
  d.write(dims, std::uint64_t{1} << 31, 8);
  d.seal();
  CHECK_THROWS_WITH(read_results_hdf5(path),
                    Catch::Contains("'/replications/events' claims 2147483648 values of 8 bytes") &&
                        Catch::Contains("more than the file's"));
}

TEST_CASE("a group B-tree that leads back to itself is refused, not recursed into",
          "[hdf5][abuse]") {
  // libhdf5 1.10 follows the child to the node itself until the stack overflows.
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  std::uint64_t tree = 0;
  {
    const h5::FileBytes view = d.view();
    for (const auto& m : h5::header_messages(view, view.root().header)) {
      if (m.type == 0x0011) tree = d.read(d.offset_of(m.body), 8);  // The symbol table message.
    }
  }
  REQUIRE(tree != 0);
  const std::size_t node = kSealBlockSize + tree;
  REQUIRE(d.read(node, 4) == 0x45455254);  // "TREE"
  d.write(node + 5, 1, 1);                 // Level 1, so its child is a node too ...
  d.write(node + 24 + 8, tree, 8);         // ... and that child is the node itself.
  d.seal();
  CHECK_THROWS_AS(read_results_hdf5(path), ResultsFileError);
  CHECK_THROWS_WITH(
      read_results_hdf5(path),
      Catch::Contains("B-tree node at address " + std::to_string(tree) + " is reached twice"));
}

TEST_CASE("the whole-file check passes good files and leaves other files to their reader",
          "[hdf5]") {
  const TempDir dir;
  CHECK_NOTHROW(check_results_file(good_file(dir)));
  const std::string sweep = dir.file("sweep.h5");
  write_sweep_hdf5(
      three_points(), {0, 1, 2}, [](std::size_t) { return sample_pathway_results(); }, sweep);
  CHECK_NOTHROW(check_results_file(sweep));
  const std::string comparison = dir.file("comparison.h5");
  write_comparison_hdf5(sample_comparison(), comparison);
  CHECK_NOTHROW(check_results_file(comparison));
  write_bytes(dir.file("notes.h5"), "not results");
  CHECK_NOTHROW(check_results_file(dir.file("notes.h5")));
}

TEST_CASE("the whole-file check refuses damage in an object no reader opens", "[hdf5][abuse]") {
  // The analysis package may read objects the C++ readers leave alone.
  const TempDir dir;
  const std::string path = good_file(dir);
  {
    const ErrorSilencer quiet;
    FileHandle file(check(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), path));
    GroupHandle extra = h5::create_group(file.get(), "extra");
    h5::write_string_dataset(extra.get(), "note", "a note");
  }
  seal_file(path);
  CHECK_NOTHROW(check_results_file(path));
  haddr_t offset = HADDR_UNDEF;
  {
    const ErrorSilencer quiet;
    FileHandle file = h5::open_file_readonly(path);
    DatasetHandle ds = h5::open_dataset(file.get(), "extra/note");
    offset = H5Dget_offset(ds.get());
  }
  REQUIRE(offset != HADDR_UNDEF);
  Damage d(path);
  d.write(offset + 12, 0xfffd, 4);
  d.seal();
  CHECK_NOTHROW(read_results_hdf5(path));
  CHECK_THROWS_WITH(check_results_file(path), Catch::Contains("has no object 65533"));
}

TEST_CASE("a superblock with addresses of another width is refused", "[hdf5][bad-input]") {
  const TempDir dir;
  const std::string path = good_file(dir);
  Damage d(path);
  d.write(kSealBlockSize + 13, 4, 1);
  d.seal();
  CHECK_THROWS_AS(read_results_hdf5(path), ResultsFileError);
}

TEST_CASE("a results file without a user block, from before seals, still reads", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("old.h5");
  {
    const ErrorSilencer quiet;
    FileHandle file(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), path));
    GroupHandle root = h5::open_root(file.get());
    detail::write_schema_attributes(root.get(), "run");
    detail::write_run_group(root.get(), sample_pathway_results());
  }
  REQUIRE(read_bytes(path).compare(0, 4, "\x89HDF") == 0);
  require_identical(sample_pathway_results(), read_results_hdf5(path));
}

}  // namespace cmhsim::io::test
