// The structure checks: each object header's messages sorted into what cmhsim's files hold and
// what they never do, and B-trees walked with falling levels so no walk can loop or recurse deeply.
#include "io/hdf5_structure.hpp"

#include <cstring>
#include <string>

#include "io/hdf5_object_header.hpp"

namespace cmhsim::io::h5 {
namespace {

constexpr std::uint8_t kSharedFlag = 0x02;
constexpr std::uint8_t kGroupTree = 0;
constexpr std::uint8_t kChunkTree = 1;
constexpr std::uint64_t kTreeHeaderSize = 24;
constexpr std::uint64_t kSymbolEntrySize = 40;
// A chunked layout stores the dataset's rank plus one (the element size); ranks end at 32.
constexpr unsigned kMaxChunkDims = 33;

/// Returns the name of a message type cmhsim's files never hold, or nullptr for one they may.
const char* refused_message(std::uint16_t type) {
  switch (type) {
    case 0x0002:
    case 0x0006:
    case 0x000A:
      return "a newer-style group (link messages)";
    case 0x0007:
      return "an external file list";
    case 0x000B:
      return "a filter pipeline";
    case 0x000F:
      return "a shared message table";
    case 0x0015:
      return "dense attribute storage";
    default:
      return nullptr;
  }
}

}  // namespace

void StructureChecks::check_root() {
  const SymbolTableEntry& root = file_.root();
  check_object(root.header);
  if (root.cache_type == 1) queue_group_tree(root.btree);
  check_queued_trees();
}

void StructureChecks::check_object(std::uint64_t address) {
  if (!objects_.insert(address).second) return;
  const std::string label = "the object header at address " + std::to_string(address);
  bool attributes = false;
  for (const HeaderMessage& m : header_messages(file_, address)) {
    if ((m.flags & kSharedFlag) != 0) throw IoError(label + " holds a shared message");
    if (const char* what = refused_message(m.type)) throw IoError(label + " holds " + what);
    attributes = attributes || m.type == kAttributeMessage;
    if (m.type == 0x0008) check_layout(m.body);
    if (m.type == 0x0011) {
      ByteReader r(m.body, "a symbol table message");
      queue_group_tree(r.u64());
    }
  }
  if (attributes) (void)attribute_messages(file_, address);
  check_queued_trees();
}

void StructureChecks::check_layout(std::span<const std::uint8_t> body) {
  ByteReader r(body, "a layout message");
  const std::uint8_t version = r.u8();
  if (version != 3) {
    throw IoError("a dataset has a version " + std::to_string(version) +
                  " layout; cmhsim reads version 3");
  }
  const std::uint8_t kind = r.u8();
  if (kind == 0) {
    r.skip(r.u16());  // Compact: the values follow in the message.
  } else if (kind == 1) {
    const std::uint64_t address = r.u64();
    const std::uint64_t size = r.u64();
    if (address != kUndefinedAddress) (void)file_.at(address, size, "a dataset's values");
  } else if (kind == 2) {
    const std::uint8_t dims = r.u8();
    if (dims < 1 || dims > kMaxChunkDims) throw IoError("a chunked layout has impossible rank");
    const std::uint64_t tree = r.u64();
    r.skip(4u * dims);
    if (tree != kUndefinedAddress) check_btree(tree, kChunkTree, 8 + 8u * dims, -1);
  } else {
    throw IoError("a dataset has layout class " + std::to_string(kind) +
                  "; cmhsim reads compact, contiguous and chunked datasets");
  }
}

void StructureChecks::queue_group_tree(std::uint64_t address) {
  if (trees_.insert(address).second) queued_.push_back(address);
}

void StructureChecks::check_queued_trees() {
  // A list, not recursion: symbol table nodes may name further trees, without end in a bad file.
  while (!queued_.empty()) {
    const std::uint64_t tree = queued_.back();
    queued_.pop_back();
    check_btree(tree, kGroupTree, 8, -1);
  }
}

void StructureChecks::check_btree(std::uint64_t address, std::uint8_t type, std::uint64_t key_size,
                                  int level) {
  const std::string label = "the B-tree node at address " + std::to_string(address);
  if (!nodes_.insert(address).second) throw IoError(label + " is reached twice");
  ByteReader head(file_.at(address, kTreeHeaderSize, label), "a B-tree node");
  if (std::memcmp(head.take(4).data(), "TREE", 4) != 0) throw IoError(label + " has no signature");
  if (head.u8() != type) throw IoError(label + " is of the wrong kind");
  const int node_level = head.u8();
  if (level >= 0 && node_level != level) {
    throw IoError(label + " has level " + std::to_string(node_level) + ", expected " +
                  std::to_string(level));
  }
  const std::uint16_t entries = head.u16();
  const std::uint64_t body = (entries + 1u) * key_size + entries * 8u;
  ByteReader r(file_.at(address + kTreeHeaderSize, body, label), "a B-tree node");
  for (std::uint16_t i = 0; i < entries; ++i) {
    const auto key = r.take(key_size);
    const std::uint64_t child = r.u64();
    if (node_level > 0) {
      check_btree(child, type, key_size, node_level - 1);
    } else if (type == kGroupTree) {
      check_symbol_node(child);
    } else {
      ByteReader k(key, "a chunk key");
      (void)file_.at(child, k.u32(), "a chunk");
    }
  }
}

void StructureChecks::check_symbol_node(std::uint64_t address) {
  const std::string label = "the symbol table node at address " + std::to_string(address);
  if (!nodes_.insert(address).second) throw IoError(label + " is reached twice");
  ByteReader head(file_.at(address, 8, label), "a symbol table node");
  if (std::memcmp(head.take(4).data(), "SNOD", 4) != 0) throw IoError(label + " has no signature");
  head.skip(2);  // Version, reserved.
  const std::uint16_t count = head.u16();
  ByteReader r(file_.at(address + 8, count * kSymbolEntrySize, label), "a symbol table node");
  for (std::uint16_t i = 0; i < count; ++i) {
    const SymbolTableEntry e = read_symbol_table_entry(r);
    linked_.push_back(e.header);
    if (e.cache_type == 1) queue_group_tree(e.btree);
  }
}

}  // namespace cmhsim::io::h5
