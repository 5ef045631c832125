// HDF5 file bytes: read-only memory mapping, bounds-checked little-endian reads and the checks
// on the superblock. Knows the HDF5 file format's superblock, nothing of libhdf5 or results.
#include "io/hdf5_file_bytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace cmhsim::io::h5 {
namespace {

constexpr std::array<std::uint8_t, 8> kSignature = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
// Where cmhsim's files keep the superblock: at the start, or after the seal's 512-byte user block.
constexpr std::array<std::uint64_t, 2> kSuperblockOffsets = {0, 512};

/// Closes a file descriptor when it goes out of scope.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::span<const std::uint8_t> ByteReader::take(std::uint64_t count) {
  if (count > remaining()) {
    throw IoError(std::string(what_) + " is cut short (" + std::to_string(count) +
                  " bytes needed, " + std::to_string(remaining()) + " left)");
  }
  const auto out = bytes_.subspan(at_, static_cast<std::size_t>(count));
  at_ += static_cast<std::size_t>(count);
  return out;
}

std::uint64_t ByteReader::little_endian(std::size_t width) {
  const auto bytes = take(width);
  std::uint64_t value = 0;
  for (std::size_t i = width; i-- > 0;) value = (value << 8u) | bytes[i];
  return value;
}

SymbolTableEntry read_symbol_table_entry(ByteReader& r) {
  SymbolTableEntry e;
  r.skip(8);  // The offset of the link's name in its group's local heap.
  e.header = r.u64();
  e.cache_type = r.u32();
  r.skip(4);
  const std::uint64_t btree = r.u64();
  const std::uint64_t heap = r.u64();
  if (e.cache_type == 1) {
    e.btree = btree;
    e.heap = heap;
  }
  return e;
}

FileBytes FileBytes::map(const std::string& path) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw IoError(std::string("cannot open it: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0)
    throw IoError(std::string("cannot stat it: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) throw IoError("not a regular file");
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size == 0) throw IoError("the file is empty");
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
  if (mapping == MAP_FAILED) throw IoError(std::string("cannot map it: ") + std::strerror(errno));
  FileBytes out({static_cast<const std::uint8_t*>(mapping), size}, mapping);
  out.check_superblock();
  return out;
}

FileBytes FileBytes::view(std::span<const std::uint8_t> image) {
  FileBytes out(image, nullptr);
  out.check_superblock();
  return out;
}

FileBytes::~FileBytes() { release(); }

FileBytes::FileBytes(FileBytes&& other) noexcept
    : bytes_(std::exchange(other.bytes_, {})),
      mapping_(std::exchange(other.mapping_, nullptr)),
      base_(other.base_),
      root_(other.root_) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    bytes_ = std::exchange(other.bytes_, {});
    mapping_ = std::exchange(other.mapping_, nullptr);
    base_ = other.base_;
    root_ = other.root_;
  }
  return *this;
}

void FileBytes::release() noexcept {
  if (mapping_ != nullptr) ::munmap(mapping_, bytes_.size());
  mapping_ = nullptr;
  bytes_ = {};
}

std::span<const std::uint8_t> FileBytes::at(std::uint64_t address, std::uint64_t length,
                                            const std::string& what) const {
  const std::uint64_t size = bytes_.size();
  if (address > size || base_ > size - address || length > size - base_ - address) {
    throw IoError(what + ": " + std::to_string(length) + " bytes at address " +
                  std::to_string(address) + " lie outside the file of " + std::to_string(size) +
                  " bytes");
  }
  return bytes_.subspan(static_cast<std::size_t>(base_ + address),
                        static_cast<std::size_t>(length));
}

std::span<const std::uint8_t> FileBytes::from_offset(std::uint64_t offset) const noexcept {
  return offset >= bytes_.size() ? std::span<const std::uint8_t>{}
                                 : bytes_.subspan(static_cast<std::size_t>(offset));
}

void FileBytes::check_superblock() {
  for (const std::uint64_t offset : kSuperblockOffsets) {
    const auto head = from_offset(offset);
    if (head.size() < kSignature.size() ||
        std::memcmp(head.data(), kSignature.data(), kSignature.size()) != 0) {
      continue;
    }
    ByteReader r(head, "the HDF5 superblock");
    r.skip(kSignature.size());
    const std::uint8_t version = r.u8();
    if (version > 1) {
      throw IoError("the HDF5 superblock has version " + std::to_string(version) +
                    "; cmhsim reads files with superblock version 0 or 1");
    }
    r.skip(4);  // Versions of the free-space store, root symbol table and shared headers; reserved.
    const std::uint8_t offsets = r.u8();
    const std::uint8_t lengths = r.u8();
    if (offsets != 8 || lengths != 8) {
      throw IoError("the HDF5 superblock gives " + std::to_string(offsets) +
                    "-byte addresses and " + std::to_string(lengths) +
                    "-byte lengths; cmhsim reads 8-byte ones");
    }
    r.skip(1 + 2 + 2 + 4);        // Reserved, the two B-tree K values, consistency flags.
    if (version == 1) r.skip(4);  // The indexed-storage K value and its padding.
    const std::uint64_t base = r.u64();
    if (base != offset) {
      throw IoError("the HDF5 superblock at byte " + std::to_string(offset) +
                    " gives base address " + std::to_string(base));
    }
    base_ = base;
    r.skip(8 + 8);  // The free-space address and the end-of-file address.
    if (r.u64() != kUndefinedAddress) {
      throw IoError(
          "the HDF5 superblock names a file driver's information, which cmhsim does not use");
    }
    root_ = read_symbol_table_entry(r);
    return;
  }
  throw IoError("no HDF5 superblock at byte 0 or 512");
}

}  // namespace cmhsim::io::h5
