// Global heap collections read by cmhsim: each collection's header and the walk over its objects
// are checked so a damaged heap is an IoError, never a loop or a read outside the file.
#include "io/hdf5_global_heap.hpp"

#include <algorithm>
#include <cstring>

namespace cmhsim::io::h5 {
namespace {

constexpr char kMagic[] = "GCOL";
constexpr std::uint8_t kVersion = 1;
// A collection header and an object header are both 16 bytes with 8-byte lengths.
constexpr std::uint64_t kHeaderSize = 16;

/// Returns `size` rounded up to a multiple of 8, the alignment of heap objects.
std::uint64_t aligned(std::uint64_t size) { return (size + 7u) & ~std::uint64_t{7}; }

}  // namespace

const GlobalHeaps::Collection& GlobalHeaps::collection(std::uint64_t address) {
  if (const auto found = collections_.find(address); found != collections_.end()) {
    return found->second;
  }
  const std::string label = "the global heap collection at address " + std::to_string(address);
  ByteReader head(file_.at(address, kHeaderSize, label), "a global heap collection header");
  const auto magic = head.take(4);
  if (std::memcmp(magic.data(), kMagic, 4) != 0) throw IoError(label + " has no GCOL signature");
  if (head.u8() != kVersion) throw IoError(label + " has an unknown version");
  head.skip(3);
  const std::uint64_t size = head.u64();
  if (size < kHeaderSize) throw IoError(label + " has an impossible size " + std::to_string(size));
  ByteReader r(file_.at(address, size, label), "a global heap collection");
  r.skip(kHeaderSize);
  Collection out;
  // Every object, the free space included, must start inside the collection and move the walk
  // forward; a tail shorter than an object header is free space.
  while (r.remaining() >= kHeaderSize) {
    const std::size_t begin = r.position();
    const std::uint16_t index = r.u16();
    r.skip(2 + 4);  // Reference count, reserved.
    const std::uint64_t object_size = r.u64();
    if (index == 0) {
      if (object_size < kHeaderSize || object_size - kHeaderSize > r.remaining()) {
        throw IoError(label + " has free space of an impossible size at byte " +
                      std::to_string(begin));
      }
      r.skip(object_size - kHeaderSize);
      continue;
    }
    if (object_size > r.remaining() || aligned(object_size) > r.remaining()) {
      throw IoError(label + ": object " + std::to_string(index) + " of " +
                    std::to_string(object_size) + " bytes runs past the collection's end");
    }
    if (index >= out.present.size()) {
      out.present.resize(index + 1u, false);
      out.objects.resize(index + 1u);
    }
    if (out.present[index]) {
      throw IoError(label + " holds object " + std::to_string(index) + " twice");
    }
    out.present[index] = true;
    out.objects[index] = r.take(object_size);
    r.skip(aligned(object_size) - object_size);
  }
  return collections_.emplace(address, std::move(out)).first->second;
}

std::span<const std::uint8_t> GlobalHeaps::object(std::uint64_t address, std::uint32_t index) {
  const Collection& c = collection(address);
  if (index >= c.present.size() || !c.present[index]) {
    throw IoError("the global heap collection at address " + std::to_string(address) +
                  " has no object " + std::to_string(index));
  }
  return c.objects[index];
}

std::string GlobalHeaps::string(std::span<const std::uint8_t> descriptor) {
  ByteReader r(descriptor, "a variable-length string descriptor");
  const std::uint32_t length = r.u32();
  const std::uint64_t address = r.u64();
  const std::uint32_t index = r.u32();
  if (length == 0) return {};
  const auto bytes = object(address, index);
  if (bytes.size() != length) {
    throw IoError("a variable-length string of " + std::to_string(length) +
                  " bytes refers to a heap object of " + std::to_string(bytes.size()));
  }
  const auto* begin = reinterpret_cast<const char*>(bytes.data());
  return {begin, std::find(begin, begin + bytes.size(), '\0')};
}

std::vector<std::string> GlobalHeaps::strings(std::span<const std::uint8_t> data,
                                              std::uint64_t count, const std::string& label) {
  if (count > data.size() / kVlenDescriptorSize) {
    throw IoError(label + " stores " + std::to_string(data.size()) + " bytes for " +
                  std::to_string(count) + " strings");
  }
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(string(data.subspan(i * kVlenDescriptorSize, kVlenDescriptorSize)));
  }
  return out;
}

}  // namespace cmhsim::io::h5
