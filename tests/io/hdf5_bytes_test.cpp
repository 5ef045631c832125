// Tests the byte-level HDF5 parsing the readers check files with: bounded reads, the superblock,
// global heap collections, dataspace and datatype messages. Builds the bytes by hand.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5_file_bytes.hpp"
#include "io/hdf5_global_heap.hpp"
#include "io/hdf5_object_header.hpp"

namespace cmhsim::io::h5 {
namespace {

using Bytes = std::vector<std::uint8_t>;

/// Appends `value` little-endian over `width` bytes.
void put(Bytes& b, std::uint64_t value, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) b.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

/// Returns a version-0 superblock at byte 0 with 8-byte addresses, padded to 96 bytes.
Bytes superblock() {
  Bytes b = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0, 0, 8, 8, 0};
  put(b, 4, 2);
  put(b, 16, 2);
  put(b, 0, 4);
  put(b, 0, 8);                  // Base address.
  put(b, kUndefinedAddress, 8);  // Free space.
  put(b, 96, 8);                 // End of file.
  put(b, kUndefinedAddress, 8);  // Driver information.
  put(b, 0, 8);                  // Root entry: name offset,
  put(b, 1234, 8);               // header address,
  put(b, 0, 4);                  // cache type,
  b.resize(96, 0);
  return b;
}

/// Appends a global heap collection of `size` bytes holding `objects` (index, text) and free
/// space for the rest.
void put_collection(Bytes& b, std::uint64_t size,
                    const std::vector<std::pair<std::uint16_t, std::string>>& objects) {
  const std::size_t start = b.size();
  b.insert(b.end(), {'G', 'C', 'O', 'L', 1, 0, 0, 0});
  put(b, size, 8);
  for (const auto& [index, text] : objects) {
    put(b, index, 2);
    put(b, 1, 2);
    put(b, 0, 4);
    put(b, text.size(), 8);
    b.insert(b.end(), text.begin(), text.end());
    b.resize(b.size() + (8 - text.size() % 8) % 8, 0);
  }
  const std::uint64_t used = b.size() - start;
  if (size - used >= 16) {
    put(b, 0, 8);
    put(b, size - used, 8);
  }
  b.resize(start + size, 0);
}

/// Returns a string descriptor of `length` bytes for object `index` of the collection at `at`.
Bytes descriptor(std::uint32_t length, std::uint64_t at, std::uint32_t index) {
  Bytes d;
  put(d, length, 4);
  put(d, at, 8);
  put(d, index, 4);
  return d;
}

}  // namespace

TEST_CASE("byte reads stop at the end of what they read", "[hdf5][bytes]") {
  const Bytes b = {1, 2, 3};
  ByteReader r(b, "a field");
  CHECK(r.u16() == 0x0201);
  CHECK_THROWS_WITH(r.u16(), Catch::Contains("a field is cut short (2 bytes needed, 1 left)"));
}

TEST_CASE("the superblock gives the base and root, and refuses other widths", "[hdf5][bytes]") {
  const Bytes good = superblock();
  const FileBytes file = FileBytes::view(good);
  CHECK(file.base() == 0);
  CHECK(file.root().header == 1234);
  CHECK(file.root().cache_type == 0);
  CHECK_THROWS_WITH(file.at(90, 8, "a thing"),
                    Catch::Contains("a thing: 8 bytes at address 90 lie outside the file of 96"));
  CHECK_THROWS(file.at(~std::uint64_t{0}, 2, "a thing"));
  CHECK_THROWS(file.at(8, ~std::uint64_t{0}, "a thing"));
  Bytes narrow = good;
  narrow[13] = 4;
  CHECK_THROWS_WITH(FileBytes::view(narrow), Catch::Contains("4-byte addresses"));
  Bytes moved = good;
  moved[24] = 8;
  CHECK_THROWS_WITH(FileBytes::view(moved), Catch::Contains("gives base address 8"));
  CHECK_THROWS_WITH(FileBytes::view(Bytes(600, 0)), Catch::Contains("no HDF5 superblock"));
}

TEST_CASE("strings resolve in a sound heap and fail in a damaged one", "[hdf5][bytes]") {
  Bytes b = superblock();
  const std::uint64_t at = b.size();
  put_collection(b, 4096, {{1, "cmhsim"}, {2, "a longer string!"}});
  const FileBytes file = FileBytes::view(b);
  GlobalHeaps heaps(file);
  CHECK(heaps.string(descriptor(6, at, 1)) == "cmhsim");
  CHECK(heaps.string(descriptor(16, at, 2)) == "a longer string!");
  CHECK(heaps.string(descriptor(0, 0, 0)).empty());
  CHECK_THROWS_WITH(heaps.string(descriptor(6, at, 3)), Catch::Contains("has no object 3"));
  CHECK_THROWS_WITH(heaps.string(descriptor(7, at, 1)),
                    Catch::Contains("string of 7 bytes refers to a heap object of 6"));
  CHECK_THROWS_WITH(heaps.string(descriptor(6, at + 8, 1)), Catch::Contains("no GCOL signature"));
  CHECK(heaps.strings(Bytes(32, 0), 2, "two empty").size() == 2);
  CHECK_THROWS_WITH(heaps.strings(Bytes(16, 0), 2, "two"), Catch::Contains("16 bytes for 2"));

  Bytes twice = superblock();
  put_collection(twice, 4096, {{1, "a"}, {1, "b"}});
  const FileBytes twice_file = FileBytes::view(twice);
  GlobalHeaps twice_heaps(twice_file);
  CHECK_THROWS_WITH(twice_heaps.object(at, 1), Catch::Contains("holds object 1 twice"));

  Bytes beyond = superblock();
  put_collection(beyond, 4096, {{1, "a"}});
  beyond.erase(beyond.end() - 8, beyond.end());
  const FileBytes beyond_file = FileBytes::view(beyond);
  GlobalHeaps beyond_heaps(beyond_file);
  CHECK_THROWS_WITH(beyond_heaps.object(at, 1), Catch::Contains("lie outside the file"));
}

TEST_CASE("dataspace and datatype messages decode with bounds", "[hdf5][bytes]") {
  Bytes scalar = {1, 0, 0, 0, 0, 0, 0, 0};
  CHECK(element_count(scalar) == 1);
  Bytes matrix = {1, 2, 0, 0, 0, 0, 0, 0};
  put(matrix, 3, 8);
  put(matrix, 5, 8);
  CHECK(element_count(matrix) == 15);
  Bytes huge = {1, 2, 0, 0, 0, 0, 0, 0};
  put(huge, std::uint64_t{1} << 40, 8);
  put(huge, std::uint64_t{1} << 40, 8);
  CHECK_THROWS_WITH(element_count(huge), Catch::Contains("overflows"));
  Bytes null_space = {2, 0, 0, 2};
  CHECK(element_count(null_space) == 0);
  CHECK_THROWS(element_count(Bytes{1, 3, 0, 0, 0, 0, 0, 0, 1}));

  CHECK(is_vlen_string(Bytes{0x19, 0x01, 0, 0, 16, 0, 0, 0}));
  CHECK_FALSE(is_vlen_string(Bytes{0x19, 0x00, 0, 0, 16, 0, 0, 0}));  // A sequence.
  CHECK_FALSE(is_vlen_string(Bytes{0x13, 0x00, 0, 0, 8, 0, 0, 0}));   // A fixed-length string.
}

}  // namespace cmhsim::io::h5
