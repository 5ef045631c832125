// Lists of events kept in fixed-size chunks from one shared pool: a list grows without moving what
// it holds, and an emptied list's chunks are handed out again first. Knows only Event.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "engine/event.hpp"

namespace cmhsim::engine {

/// Holds any number of event lists in 1 KiB chunks. The chunks of a released list are the next
/// to be filled: they were read moments before, so writing into them mostly hits the cache,
/// where a growing vector would take fresh memory (zeroed by the kernel) and copy on each growth.
class EventChunks {
 public:
  static constexpr std::uint32_t kChunkEvents = 32;

  /// Names one list's chunks; default-constructed, it is empty.
  struct List {
    std::uint32_t first = kNoChunk;
    std::uint32_t last = kNoChunk;
    std::uint32_t used = kChunkEvents;  ///< Events in the last chunk.
    std::size_t size = 0;               ///< Events in the whole list.
  };

  /// Appends `e` to `list`.
  void push(List& list, const Event& e) {
    if (list.used == kChunkEvents) {
      const std::uint32_t c = take();
      if (list.last == kNoChunk) {
        list.first = c;
      } else {
        next_[list.last] = c;
      }
      list.last = c;
      list.used = 0;
    }
    chunk(list.last)[list.used++] = e;
    ++list.size;
  }

  /// Calls `f` on each event of `list`, in the order pushed.
  template <class F>
  void for_each(const List& list, F&& f) const {
    for (std::uint32_t c = list.first; c != kNoChunk; c = next_[c]) {
      const Event* events = chunk(c);
      const std::uint32_t n = c == list.last ? list.used : kChunkEvents;
      for (std::uint32_t i = 0; i < n; ++i) f(events[i]);
    }
  }

  /// Empties `list`, returning its chunks to the pool.
  void release(List& list) {
    for (std::uint32_t c = list.first; c != kNoChunk; c = next_[c]) free_.push_back(c);
    list = List{};
  }

  /// Returns the number of chunks ever allocated.
  [[nodiscard]] std::size_t chunks() const noexcept { return next_.size(); }

 private:
  static constexpr std::uint32_t kNoChunk = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kChunksPerBlock = 64;  // 64 KiB allocated at a time.

  [[nodiscard]] Event* chunk(std::uint32_t c) const noexcept {
    return blocks_[c / kChunksPerBlock].get() +
           static_cast<std::size_t>(c % kChunksPerBlock) * kChunkEvents;
  }

  // Returns a free chunk, unlinked: the most recently released first.
  std::uint32_t take() {
    std::uint32_t c = 0;
    if (free_.empty()) {
      c = static_cast<std::uint32_t>(next_.size());
      if (c % kChunksPerBlock == 0) {
        blocks_.push_back(
            std::make_unique_for_overwrite<Event[]>(std::size_t{kChunksPerBlock} * kChunkEvents));
      }
      next_.push_back(kNoChunk);
    } else {
      c = free_.back();
      free_.pop_back();
      next_[c] = kNoChunk;
    }
    return c;
  }

  std::vector<std::unique_ptr<Event[]>> blocks_;
  std::vector<std::uint32_t> next_;  ///< The chunk after each chunk in its list.
  std::vector<std::uint32_t> free_;  ///< Released chunks, the latest last.
};

}  // namespace cmhsim::engine
