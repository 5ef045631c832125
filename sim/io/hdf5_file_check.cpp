// The whole-file check: objects visited from the root through the symbol table nodes, each one
// checked once, and the strings of their attributes and string datasets resolved in the heaps.
#include "io/hdf5_file_check.hpp"

#include <set>
#include <vector>

#include "io/hdf5_file_bytes.hpp"
#include "io/hdf5_global_heap.hpp"
#include "io/hdf5_object_header.hpp"
#include "io/hdf5_structure.hpp"

namespace cmhsim::io::h5 {
namespace {

constexpr std::uint16_t kDatatypeMessage = 0x0003;
constexpr std::uint16_t kLayoutMessage = 0x0008;

/// Returns the stored values of a string dataset from its layout message `layout`, holding
/// `count` descriptors.
std::span<const std::uint8_t> string_values(const FileBytes& file,
                                            std::span<const std::uint8_t> layout,
                                            std::uint64_t count, const std::string& label) {
  ByteReader r(layout, "a layout message");
  r.skip(1);  // The version, checked by StructureChecks.
  const std::uint8_t kind = r.u8();
  if (kind == 0) return r.take(r.u16());
  if (kind != 1) throw IoError(label + " stores strings in chunks, which cmhsim never writes");
  const std::uint64_t address = r.u64();
  if (address == kUndefinedAddress) return {};
  return file.at(address, count * kVlenDescriptorSize, label);
}

/// Throws IoError unless every variable-length string of the object at `address` resolves.
void check_strings(const FileBytes& file, GlobalHeaps& heaps, std::uint64_t address) {
  const std::string label = "the object at address " + std::to_string(address);
  const std::vector<HeaderMessage> messages = header_messages(file, address);
  std::span<const std::uint8_t> datatype;
  std::span<const std::uint8_t> dataspace;
  std::span<const std::uint8_t> layout;
  bool attributes = false;
  for (const HeaderMessage& m : messages) {
    if (m.type == kDatatypeMessage) datatype = m.body;
    if (m.type == kDataspaceMessage) dataspace = m.body;
    if (m.type == kLayoutMessage) layout = m.body;
    attributes = attributes || m.type == kAttributeMessage;
  }
  if (attributes) {
    for (const RawAttribute& a : attribute_messages(file, address)) {
      if (a.shared || !is_vlen_string(a.datatype)) continue;
      (void)heaps.strings(a.data, element_count(a.dataspace), label + ", attribute " + a.name);
    }
  }
  if (datatype.empty() || !is_vlen_string(datatype)) return;
  if (dataspace.empty() || layout.empty()) throw IoError(label + " is a dataset without a shape");
  const std::uint64_t count = element_count(dataspace);
  if (count > file.size() / kVlenDescriptorSize) {
    throw IoError(label + " claims more strings than the file holds");
  }
  const auto values = string_values(file, layout, count, label);
  if (!values.empty()) (void)heaps.strings(values, count, label);
}

}  // namespace

void check_whole_file(const std::string& path) {
  const FileBytes file = FileBytes::map(path);
  StructureChecks structure(file);
  GlobalHeaps heaps(file);
  structure.check_root();
  std::vector<std::uint64_t> pending{file.root().header};
  std::set<std::uint64_t> seen;
  while (!pending.empty()) {
    const std::uint64_t address = pending.back();
    pending.pop_back();
    if (!seen.insert(address).second) continue;
    structure.check_object(address);
    for (const std::uint64_t linked : structure.take_linked()) pending.push_back(linked);
    check_strings(file, heaps, address);
  }
}

}  // namespace cmhsim::io::h5
