// Counter-based random streams: Philox4x64-10 keyed by (seed, replication), counted by
// (entity, purpose, draw). Knows nothing of what entities or purposes mean.
#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <limits>

namespace cmhsim::engine {

/// Identifies one run's randomness: a scenario seed and a replication index.
struct RngKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
};

/// Yields the draws of one (entity, purpose) pair; a UniformRandomBitGenerator for Boost.Random.
///
/// Draw i of a stream is word i % 4 of Philox(counter = {entity, purpose, i / 4, 0}, key), so a
/// stream's values depend only on its own identity and position: adding another stream or entity
/// cannot change them.
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream() = default;
  /// Opens the stream for `entity` and `purpose` under `key`, positioned at draw `position`.
  RandomStream(RngKey key, std::uint64_t entity, std::uint64_t purpose,
               std::uint64_t position = 0) noexcept
      : key_{{key.seed, key.replication}}, entity_(entity), purpose_(purpose), next_(position) {}

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  /// Returns the next 64 random bits.
  result_type operator()() noexcept {
    const std::uint64_t block = next_ >> 2;
    if (block != cached_block_ || !cached_) refill(block);
    return words_[next_++ & 3u];
  }

  /// Returns a uniform double in the open interval (0, 1).
  double uniform01() noexcept { return to_open01((*this)()); }

  /// Maps 64 random bits to a double in the open interval (0, 1), using the top 52 bits.
  static constexpr double to_open01(result_type bits) noexcept {
    // With 52 bits, k + 0.5 is exact, so the largest value is 1 - 2^-53; with 53 bits the sum
    // rounds to even and all-ones bits would give exactly 1.0.
    return (static_cast<double>(bits >> 12) + 0.5) * 0x1.0p-52;
  }

  /// Writes the four words of block `block` of the stream (`entity`, `purpose`) under `key`:
  /// its draws 4 block to 4 block + 3.
  static void block_words(RngKey key, std::uint64_t entity, std::uint64_t purpose,
                          std::uint64_t block, std::uint64_t (&words)[4]) noexcept {
    const Philox::ctr_type out = Philox()(Philox::ctr_type{{entity, purpose, block, 0}},
                                          Philox::key_type{{key.seed, key.replication}});
    for (int i = 0; i < 4; ++i) words[i] = out.v[i];
  }

  /// Returns how many 64-bit draws the stream has produced.
  [[nodiscard]] std::uint64_t position() const noexcept { return next_; }
  /// Returns the entity this stream belongs to.
  [[nodiscard]] std::uint64_t entity() const noexcept { return entity_; }
  /// Returns the purpose this stream serves.
  [[nodiscard]] std::uint64_t purpose() const noexcept { return purpose_; }

 private:
  using Philox = r123::Philox4x64;

  void refill(std::uint64_t block) noexcept {
    block_words({key_.v[0], key_.v[1]}, entity_, purpose_, block, words_);
    cached_block_ = block;
    cached_ = true;
  }

  Philox::key_type key_ = {{0, 0}};
  std::uint64_t entity_ = 0;
  std::uint64_t purpose_ = 0;
  std::uint64_t next_ = 0;
  std::uint64_t cached_block_ = 0;
  bool cached_ = false;
  std::uint64_t words_[4] = {0, 0, 0, 0};
};

}  // namespace cmhsim::engine
