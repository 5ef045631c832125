// Seeded mutations for the fuzzer: edits of scenario text, and in-place edits of binary files that
// keep most offsets valid so a mutated HDF5 file reaches deep into the reader. Knows no formats.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace cmhsim::fuzz {

/// Returns `input` with one to eight random edits: bit flips, byte changes, insertions of tokens
/// that stress a YAML parser, deletions, duplications of a span, and splices from `other`.
std::string mutate_text(std::string input, const std::string& other, std::mt19937_64& rng);

/// Returns `input` with one to eight random edits at or after byte `from`: bit flips, random
/// bytes, boundary values and small sums written over 1, 2, 4 or 8 bytes, spans copied from
/// elsewhere in the input, and now and then an insertion or deletion.
std::vector<std::uint8_t> mutate_binary(std::vector<std::uint8_t> input, std::size_t from,
                                        std::mt19937_64& rng);

}  // namespace cmhsim::fuzz
