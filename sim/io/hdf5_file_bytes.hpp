// The bytes of an HDF5 file (mapped from disk or an image in memory), read with bounds checks,
// and the superblock facts needed to find objects in them. Knows no results layout and no libhdf5.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "io/io_error.hpp"

namespace cmhsim::io::h5 {

/// Reads little-endian fields from a span, throwing IoError instead of reading past its end.
class ByteReader {
 public:
  /// Reads `bytes`, naming `what` in errors.
  ByteReader(std::span<const std::uint8_t> bytes, const char* what) noexcept
      : bytes_(bytes), what_(what) {}

  /// Returns the next byte.
  std::uint8_t u8() { return static_cast<std::uint8_t>(little_endian(1)); }
  /// Returns the next 2-byte little-endian number.
  std::uint16_t u16() { return static_cast<std::uint16_t>(little_endian(2)); }
  /// Returns the next 4-byte little-endian number.
  std::uint32_t u32() { return static_cast<std::uint32_t>(little_endian(4)); }
  /// Returns the next 8-byte little-endian number.
  std::uint64_t u64() { return little_endian(8); }
  /// Returns the next `count` bytes.
  std::span<const std::uint8_t> take(std::uint64_t count);
  /// Skips `count` bytes.
  void skip(std::uint64_t count) { (void)take(count); }
  /// Returns how many bytes are left.
  [[nodiscard]] std::size_t remaining() const noexcept { return bytes_.size() - at_; }
  /// Returns how many bytes have been read.
  [[nodiscard]] std::size_t position() const noexcept { return at_; }

 private:
  std::uint64_t little_endian(std::size_t width);

  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
  const char* what_;
};

/// Gives the value of an undefined address.
inline constexpr std::uint64_t kUndefinedAddress = ~std::uint64_t{0};

/// Holds a symbol table entry: an object's header address and, when its cache type is 1, the
/// B-tree and local heap of the group's symbol table.
struct SymbolTableEntry {
  std::uint64_t header = kUndefinedAddress;
  std::uint32_t cache_type = 0;
  std::uint64_t btree = kUndefinedAddress;
  std::uint64_t heap = kUndefinedAddress;
};

/// Returns the symbol table entry (40 bytes with 8-byte addresses) read from `r`.
SymbolTableEntry read_symbol_table_entry(ByteReader& r);

/// Holds an HDF5 file's bytes read-only and resolves file addresses within them. The superblock is
/// checked on construction: version 0 or 1, 8-byte addresses and lengths, and a base address equal
/// to where the superblock lies (0, or 512 after a seal's user block), and no driver information.
class FileBytes {
 public:
  /// Maps the file at `path` read-only; throws IoError if it cannot or the superblock is unusable.
  static FileBytes map(const std::string& path);
  /// Views `image` without copying it (it must outlive the view); throws IoError as map() does.
  static FileBytes view(std::span<const std::uint8_t> image);

  ~FileBytes();
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  /// Returns the file's size in bytes.
  [[nodiscard]] std::size_t size() const noexcept { return bytes_.size(); }
  /// Returns `length` bytes at file address `address` (relative to the superblock), naming `what`
  /// in the IoError thrown if they do not lie inside the file.
  [[nodiscard]] std::span<const std::uint8_t> at(std::uint64_t address, std::uint64_t length,
                                                 const std::string& what) const;
  /// Returns the bytes from absolute offset `offset` to the end of the file (empty past it).
  [[nodiscard]] std::span<const std::uint8_t> from_offset(std::uint64_t offset) const noexcept;
  /// Returns the absolute offset of address 0 (the superblock's position).
  [[nodiscard]] std::uint64_t base() const noexcept { return base_; }
  /// Returns the root group's symbol table entry from the superblock.
  [[nodiscard]] const SymbolTableEntry& root() const noexcept { return root_; }

 private:
  FileBytes(std::span<const std::uint8_t> bytes, void* mapping) noexcept
      : bytes_(bytes), mapping_(mapping) {}
  void check_superblock();
  void release() noexcept;

  std::span<const std::uint8_t> bytes_;
  void* mapping_ = nullptr;  ///< The mmap region when this object owns one.
  std::uint64_t base_ = 0;
  SymbolTableEntry root_;
};

}  // namespace cmhsim::io::h5
