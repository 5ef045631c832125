// Checks of an HDF5 file's structure before libhdf5 parses it: object headers, their messages and
// the B-trees of groups and chunked datasets. Knows the file format, not libhdf5 or the results.
#pragma once

#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "io/hdf5_file_bytes.hpp"

namespace cmhsim::io::h5 {

/// Checks objects of one file, each once, against what libhdf5 1.10 parses without harm.
class StructureChecks {
 public:
  /// Checks objects of `file`, which must outlive this object.
  explicit StructureChecks(const FileBytes& file) : file_(file) {}

  /// Throws IoError unless the root group the superblock names passes check_object, and the
  /// symbol table its entry caches passes the B-tree checks.
  void check_root();

  /// Throws IoError unless the object header at `address` is sound: its chunks lie in the file
  /// and do not repeat (header_messages); it holds no shared message, external file list, filter
  /// pipeline or newer-style link or attribute storage; its attribute messages decode; its layout,
  /// if any, is version 3 with storage inside the file; and every B-tree it names is a tree whose
  /// level falls by one at each step, with every node, symbol table node and chunk in the file.
  void check_object(std::uint64_t address);

  /// Returns the header addresses named by the symbol table nodes checked since the last call:
  /// the objects the checked groups hold.
  std::vector<std::uint64_t> take_linked() { return std::exchange(linked_, {}); }

 private:
  void check_layout(std::span<const std::uint8_t> body);
  void queue_group_tree(std::uint64_t address);
  void check_queued_trees();
  void check_btree(std::uint64_t address, std::uint8_t type, std::uint64_t key_size, int level);
  void check_symbol_node(std::uint64_t address);

  const FileBytes& file_;
  std::set<std::uint64_t> objects_;    ///< Object headers checked.
  std::set<std::uint64_t> trees_;      ///< Group B-trees checked or queued.
  std::set<std::uint64_t> nodes_;      ///< B-tree and symbol table nodes visited.
  std::vector<std::uint64_t> queued_;  ///< Group B-trees still to check.
  std::vector<std::uint64_t> linked_;  ///< Objects named by checked symbol table nodes.
};

}  // namespace cmhsim::io::h5
