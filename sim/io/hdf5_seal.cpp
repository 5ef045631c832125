// Seals results files with a CRC-32 (as zlib's) in the user block, and checks it on reading.
// Knows nothing of the results layout; reads and writes bytes only.
#include "io/hdf5_seal.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

namespace cmhsim::io {
namespace {

constexpr char kMagic[] = "cmhsim-seal-1\n";  // 14 characters, then the checksum in hex.
constexpr std::size_t kMagicSize = sizeof(kMagic) - 1;
constexpr std::size_t kHashDigits = 8;
// The checksum covers everything after itself: the rest of the user block and the HDF5 data.
constexpr std::size_t kCovered = kMagicSize + kHashDigits;
constexpr std::array<unsigned char, 8> kHdf5Signature = {0x89, 'H',  'D',  'F',
                                                         '\r', '\n', 0x1a, '\n'};

/// Returns the eight tables of the reflected CRC-32 polynomial 0xEDB88320 (zlib's crc32): the
/// first for one byte, the others to take eight bytes a step ("slicing by 8").
std::array<std::array<std::uint32_t, 256>, 8> crc_tables() {
  std::array<std::array<std::uint32_t, 256>, 8> tables{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1u) : c >> 1u;
    tables[0][n] = c;
  }
  for (std::uint32_t n = 0; n < 256; ++n) {
    for (std::size_t t = 1; t < tables.size(); ++t) {
      const std::uint32_t previous = tables[t - 1][n];
      tables[t][n] = tables[0][previous & 0xFFu] ^ (previous >> 8u);
    }
  }
  return tables;
}

/// Returns `crc` (not yet inverted) updated with `size` bytes at `data`.
std::uint32_t update(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  static const auto t = crc_tables();
  for (; size >= 8; data += 8, size -= 8) {
    const std::uint32_t low = crc ^ (std::uint32_t{data[0]} | std::uint32_t{data[1]} << 8u |
                                     std::uint32_t{data[2]} << 16u | std::uint32_t{data[3]} << 24u);
    crc = t[7][low & 0xFFu] ^ t[6][(low >> 8u) & 0xFFu] ^ t[5][(low >> 16u) & 0xFFu] ^
          t[4][low >> 24u] ^ t[3][data[4]] ^ t[2][data[5]] ^ t[1][data[6]] ^ t[0][data[7]];
  }
  for (; size > 0; ++data, --size) crc = t[0][(crc ^ *data) & 0xFFu] ^ (crc >> 8u);
  return crc;
}

/// Returns the CRC-32 of the stream's bytes from its current position to its end.
std::uint32_t checksum(std::istream& in) {
  std::uint32_t crc = 0xFFFFFFFFu;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    crc = update(crc, reinterpret_cast<const std::uint8_t*>(buffer.data()), got);
  }
  return crc ^ 0xFFFFFFFFu;
}

/// Returns the CRC-32 of `size` bytes at `data`.
std::uint32_t checksum(const std::uint8_t* data, std::size_t size) {
  return update(0xFFFFFFFFu, data, size) ^ 0xFFFFFFFFu;
}

/// Returns `crc` as 8 lower-case hex digits.
std::string hex(std::uint32_t crc) {
  std::array<char, kHashDigits + 1> text{};
  std::snprintf(text.data(), text.size(), "%08x", static_cast<unsigned>(crc));
  return std::string(text.data(), kHashDigits);
}

}  // namespace

void seal_file(const std::string& path) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  if (!file) throw IoError("cannot open '" + path + "' to seal it: " + std::strerror(errno));
  file.seekg(static_cast<std::streamoff>(kCovered));
  const std::string seal = std::string(kMagic, kMagicSize) + hex(checksum(file));
  file.clear();
  file.seekp(0);
  file.write(seal.data(), static_cast<std::streamsize>(seal.size()));
  file.flush();
  if (!file) throw IoError("cannot seal '" + path + "': " + std::strerror(errno));
}

void check_seal(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw ResultsFileError(std::string("cannot open it: ") + std::strerror(errno));
  std::array<char, kSealBlockSize + kHdf5Signature.size()> head{};
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (static_cast<std::size_t>(file.gcount()) < head.size()) return;  // Too short for a seal.
  const bool block =
      std::memcmp(head.data() + kSealBlockSize, kHdf5Signature.data(), kHdf5Signature.size()) == 0;
  if (!block) return;  // No user block: a file from before seals, or not HDF5 at all.
  // A user block left blank was never sealed (HDF5 written by other means): read unchecked.
  if (std::all_of(head.begin(), head.begin() + kCovered, [](char c) { return c == 0; })) return;
  if (std::memcmp(head.data(), kMagic, kMagicSize) != 0) {
    throw ResultsFileError("the file is damaged: its seal is altered");
  }
  const std::string stored(head.data() + kMagicSize, kHashDigits);
  file.clear();
  file.seekg(static_cast<std::streamoff>(kCovered));
  const std::string actual = hex(checksum(file));
  if (stored != actual) {
    throw ResultsFileError(
        "the file is damaged or was edited: its checksum does not match its contents");
  }
}

void seal_image(std::vector<std::uint8_t>& image) {
  if (image.size() < kSealBlockSize) throw IoError("an HDF5 file image too short to seal");
  const std::string seal = std::string(kMagic, kMagicSize) +
                           hex(checksum(image.data() + kCovered, image.size() - kCovered));
  std::copy(seal.begin(), seal.end(), image.begin());
}

void check_image_seal(const std::vector<std::uint8_t>& image) {
  if (image.size() < kSealBlockSize + kHdf5Signature.size() ||
      std::memcmp(image.data(), kMagic, kMagicSize) != 0) {
    throw ResultsFileError("the bytes do not hold a sealed HDF5 file image");
  }
  const std::string stored(reinterpret_cast<const char*>(image.data()) + kMagicSize, kHashDigits);
  if (stored != hex(checksum(image.data() + kCovered, image.size() - kCovered))) {
    throw ResultsFileError("the HDF5 file image is damaged: its checksum does not match");
  }
}

}  // namespace cmhsim::io
