// The fuzzer's mutations: token-aware edits of text and field-aware edits of binary files.
// Knows nothing of what the inputs mean beyond the tokens that stress a YAML parser.
#include "fuzz_mutations.hpp"

#include <algorithm>
#include <array>

namespace cmhsim::fuzz {
namespace {

// Fragments that stress the parser and the value checks more than random bytes do.
const std::vector<std::string> kTokens{"1e308",
                                       "-1",
                                       "0",
                                       "5e-324",
                                       "1e-300",
                                       ".nan",
                                       ".inf",
                                       "4294967295",
                                       "18446744073709551616",
                                       "\n---\n",
                                       "!!str ",
                                       "!!int ",
                                       "\"",
                                       "'",
                                       "\\0",
                                       std::string(1, '\0'),
                                       "[",
                                       "]",
                                       "{",
                                       "}",
                                       ": ",
                                       "\n  ",
                                       "&a ",
                                       "*a ",
                                       "<<: ",
                                       "? ",
                                       "- ",
                                       "#",
                                       "\xff\xfe",
                                       "\xc3\xa9",
                                       "~",
                                       "null",
                                       "dist: lognormal",
                                       "dist: empirical",
                                       "values: []",
                                       "mean: ",
                                       "population:\n",
                                       "arrivals:\n"};

// Values at the edges of sizes, counts and addresses, where readers go wrong.
constexpr std::array<std::uint64_t, 24> kBoundaries{0,
                                                    1,
                                                    2,
                                                    7,
                                                    8,
                                                    16,
                                                    0x7f,
                                                    0x80,
                                                    0xff,
                                                    0x100,
                                                    512,
                                                    4096,
                                                    0x7fff,
                                                    0x8000,
                                                    0xffff,
                                                    0x10000,
                                                    0x7fffffff,
                                                    0x80000000,
                                                    0xffffffff,
                                                    0x100000000,
                                                    0x7fffffffffffffff,
                                                    0x8000000000000000,
                                                    0xffffffffffffffff,
                                                    0xfffffffffffffffe};

/// Returns a random number below `n` (0 when `n` is 0).
std::size_t below(std::size_t n, std::mt19937_64& rng) {
  return n == 0 ? std::size_t{0} : static_cast<std::size_t>(rng() % n);
}

/// Writes the low `width` bytes of `value` little-endian at `at`, as far as `bytes` reaches.
void write_le(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint64_t value,
              std::size_t width) {
  for (std::size_t b = 0; b < width && at + b < bytes.size(); ++b) {
    bytes[at + b] = static_cast<std::uint8_t>(value >> (8 * b));
  }
}

/// Returns the little-endian number of `width` bytes at `at`, as far as `bytes` reaches.
std::uint64_t read_le(const std::vector<std::uint8_t>& bytes, std::size_t at, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t b = 0; b < width && at + b < bytes.size(); ++b) {
    value |= std::uint64_t{bytes[at + b]} << (8 * b);
  }
  return value;
}

}  // namespace

std::string mutate_text(std::string input, const std::string& other, std::mt19937_64& rng) {
  const std::size_t edits = 1 + below(8, rng);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = below(input.size() + 1, rng);
    switch (below(6, rng)) {
      case 0:
        if (at < input.size()) input[at] = static_cast<char>(input[at] ^ (1u << below(8, rng)));
        break;
      case 1:
        if (at < input.size()) input[at] = static_cast<char>(rng());
        break;
      case 2:
        input.insert(at, kTokens[below(kTokens.size(), rng)]);
        break;
      case 3:
        input.erase(at, 1 + below(16, rng));
        break;
      case 4: {
        if (at >= input.size()) break;
        const std::string span = input.substr(at, 1 + below(64, rng));
        input.insert(below(input.size() + 1, rng), span);
        break;
      }
      default: {
        if (other.empty()) break;
        const std::size_t from = below(other.size(), rng);
        input.insert(at, other.substr(from, 1 + below(128, rng)));
        break;
      }
    }
  }
  return input;
}

std::vector<std::uint8_t> mutate_binary(std::vector<std::uint8_t> input, std::size_t from,
                                        std::mt19937_64& rng) {
  if (input.size() <= from) return input;
  const std::size_t edits = 1 + below(8, rng);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = from + below(input.size() - from, rng);
    const std::size_t width = std::size_t{1} << below(4, rng);
    switch (below(12, rng)) {
      case 0:
      case 1:
        input[at] ^= static_cast<std::uint8_t>(1u << below(8, rng));
        break;
      case 2:
      case 3:
        input[at] = static_cast<std::uint8_t>(rng());
        break;
      case 4:
      case 5:
      case 6:
        write_le(input, at, kBoundaries[below(kBoundaries.size(), rng)], width);
        break;
      case 7:
      case 8: {
        const std::uint64_t delta = 1 + below(32, rng);
        const std::uint64_t value = read_le(input, at, width);
        write_le(input, at, below(2, rng) == 0 ? value + delta : value - delta, width);
        break;
      }
      case 9:
      case 10: {
        const std::size_t source = from + below(input.size() - from, rng);
        const std::size_t n =
            std::min({1 + below(64, rng), input.size() - source, input.size() - at});
        std::copy_n(input.begin() + static_cast<long>(source), n,
                    input.begin() + static_cast<long>(at));
        break;
      }
      default:
        if (below(2, rng) == 0) {
          input.insert(input.begin() + static_cast<long>(at), 1 + below(8, rng),
                       static_cast<std::uint8_t>(rng()));
        } else {
          const std::size_t n = std::min(input.size() - at, 1 + below(8, rng));
          input.erase(input.begin() + static_cast<long>(at),
                      input.begin() + static_cast<long>(at + n));
        }
        break;
    }
  }
  return input;
}

}  // namespace cmhsim::fuzz
