// Version-1 HDF5 object headers parsed from a file's bytes: messages, attributes, datatypes and
// dataspaces. Knows the file format, not libhdf5 or the results layout.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "io/hdf5_file_bytes.hpp"

namespace cmhsim::io::h5 {

/// Holds one message of an object header as stored.
struct HeaderMessage {
  std::uint16_t type = 0;
  std::uint8_t flags = 0;
  std::span<const std::uint8_t> body;
};

/// Gives the type of a dataspace message.
inline constexpr std::uint16_t kDataspaceMessage = 0x0001;
/// Gives the type of an attribute message.
inline constexpr std::uint16_t kAttributeMessage = 0x000C;

/// Holds one attribute message as stored in an object header.
struct RawAttribute {
  std::string name;
  bool shared = false;                      ///< Datatype or dataspace held elsewhere.
  std::span<const std::uint8_t> datatype;   ///< The datatype message.
  std::span<const std::uint8_t> dataspace;  ///< The dataspace message.
  std::span<const std::uint8_t> data;       ///< The stored values, to the message's end.
};

/// Returns the messages of the version-1 object header at `address`, following continuation
/// chunks; throws IoError if the header is of another version or damaged: a message or chunk
/// outside its chunk or the file, or continuation chunks that repeat or exceed a bound.
std::vector<HeaderMessage> header_messages(const FileBytes& file, std::uint64_t address);

/// Returns the attribute messages of the object header at `address`, decoded; throws IoError as
/// header_messages does, or if an attribute message is damaged.
std::vector<RawAttribute> attribute_messages(const FileBytes& file, std::uint64_t address);

/// Returns true when the datatype message `datatype` describes a variable-length string.
bool is_vlen_string(std::span<const std::uint8_t> datatype);

/// Returns how many elements the dataspace message `dataspace` holds; throws IoError if it is
/// damaged or the count overflows.
std::uint64_t element_count(std::span<const std::uint8_t> dataspace);

}  // namespace cmhsim::io::h5
