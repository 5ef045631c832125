// Version-1 object headers walked chunk by chunk with every size checked, and the attribute,
// datatype and dataspace messages decoded from them. Knows the file format, not libhdf5.
#include "io/hdf5_object_header.hpp"

#include <algorithm>
#include <set>

namespace cmhsim::io::h5 {
namespace {

constexpr std::uint16_t kContinuation = 0x0010;
constexpr std::uint8_t kSharedMessage = 0x02;
// Bounds far above any header cmhsim writes, so a damaged header cannot make the walk long.
constexpr std::size_t kMaxChunks = 1024;
constexpr unsigned kMaxRank = 32;
constexpr std::uint8_t kVlenClass = 9;
constexpr std::uint8_t kVlenString = 1;

/// Returns `size` rounded up to a multiple of 8.
std::uint64_t padded(std::uint64_t size) { return (size + 7u) & ~std::uint64_t{7}; }

/// Decodes the body of an attribute message.
RawAttribute decode_attribute(std::span<const std::uint8_t> body) {
  ByteReader r(body, "an attribute message");
  const std::uint8_t version = r.u8();
  if (version < 1 || version > 3) {
    throw IoError("an attribute message has unknown version " + std::to_string(version));
  }
  RawAttribute out;
  const std::uint8_t flags = r.u8();  // Reserved in version 1.
  out.shared = version > 1 && (flags & 0x03u) != 0;
  const std::uint16_t name_size = r.u16();
  const std::uint16_t type_size = r.u16();
  const std::uint16_t space_size = r.u16();
  if (version == 3) r.skip(1);  // The name's character set.
  // Version 1 pads the name, datatype and dataspace to multiples of 8 bytes.
  const auto field = [&](std::uint16_t size) {
    const auto bytes = r.take(size);
    if (version == 1) r.skip(padded(size) - size);
    return bytes;
  };
  const auto name = field(name_size);
  out.name.assign(name.begin(), std::find(name.begin(), name.end(), std::uint8_t{0}));
  out.datatype = field(type_size);
  out.dataspace = field(space_size);
  out.data = r.take(r.remaining());
  return out;
}

}  // namespace

std::vector<HeaderMessage> header_messages(const FileBytes& file, std::uint64_t address) {
  const std::string label = "the object header at address " + std::to_string(address);
  ByteReader prefix(file.at(address, 16, label), "an object header");
  const std::uint8_t version = prefix.u8();
  if (version != 1) {
    throw IoError(label + " has version " + std::to_string(version) +
                  "; cmhsim reads version 1 object headers");
  }
  prefix.skip(1 + 2 + 4);  // Reserved, message count, reference count.
  const std::uint32_t first_size = prefix.u32();

  std::vector<HeaderMessage> out;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pending{{address + 16, first_size}};
  std::set<std::uint64_t> seen;
  for (std::size_t chunk = 0; chunk < pending.size(); ++chunk) {
    if (chunk >= kMaxChunks) {
      throw IoError(label + " has more than " + std::to_string(kMaxChunks) + " chunks");
    }
    const auto [at, size] = pending[chunk];
    if (!seen.insert(at).second) throw IoError(label + " continues into one chunk twice");
    ByteReader r(file.at(at, size, label + " (a chunk)"), "an object header chunk");
    // A gap shorter than a message header ends a chunk.
    while (r.remaining() >= 8) {
      HeaderMessage m;
      m.type = r.u16();
      const std::uint16_t body_size = r.u16();
      m.flags = r.u8();
      r.skip(3);
      m.body = r.take(body_size);
      if (m.type == kContinuation) {
        ByteReader c(m.body, "a continuation message");
        const std::uint64_t next = c.u64();
        const std::uint64_t length = c.u64();
        pending.emplace_back(next, length);
      }
      out.push_back(m);
    }
  }
  return out;
}

std::vector<RawAttribute> attribute_messages(const FileBytes& file, std::uint64_t address) {
  std::vector<RawAttribute> out;
  for (const HeaderMessage& m : header_messages(file, address)) {
    if (m.type != kAttributeMessage) continue;
    if ((m.flags & kSharedMessage) != 0) {
      RawAttribute shared;
      shared.shared = true;
      out.push_back(shared);
    } else {
      out.push_back(decode_attribute(m.body));
    }
  }
  return out;
}

bool is_vlen_string(std::span<const std::uint8_t> datatype) {
  ByteReader r(datatype, "a datatype message");
  const std::uint8_t class_and_version = r.u8();
  const std::uint8_t bits = r.u8();
  return (class_and_version & 0x0Fu) == kVlenClass && (bits & 0x0Fu) == kVlenString;
}

std::uint64_t element_count(std::span<const std::uint8_t> dataspace) {
  ByteReader r(dataspace, "a dataspace message");
  const std::uint8_t version = r.u8();
  if (version < 1 || version > 2) {
    throw IoError("a dataspace message has unknown version " + std::to_string(version));
  }
  const std::uint8_t rank = r.u8();
  r.skip(1);  // Flags.
  if (version == 1) {
    r.skip(1 + 4);  // Reserved.
  } else {
    const std::uint8_t kind = r.u8();
    if (kind == 2) return 0;  // A null dataspace.
    if (kind == 0) return 1;  // A scalar.
  }
  if (rank > kMaxRank) throw IoError("a dataspace has " + std::to_string(rank) + " dimensions");
  std::uint64_t count = 1;
  for (unsigned d = 0; d < rank; ++d) {
    const std::uint64_t extent = r.u64();
    if (extent != 0 && count > UINT64_MAX / extent) throw IoError("a dataspace's size overflows");
    count *= extent;
  }
  return count;
}

}  // namespace cmhsim::io::h5
