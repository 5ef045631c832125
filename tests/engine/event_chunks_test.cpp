// Tests of engine::EventChunks: lists keep their events in order across chunk boundaries while
// interleaved with others, and released chunks are reused before new ones are allocated.
#include "engine/event_chunks.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

namespace cmhsim::engine {
namespace {

std::vector<std::uint64_t> targets(const EventChunks& chunks, const EventChunks::List& list) {
  std::vector<std::uint64_t> out;
  chunks.for_each(list, [&out](const Event& e) { out.push_back(e.target); });
  return out;
}

}  // namespace

TEST_CASE("event lists keep their events in push order across chunks", "[event_queue]") {
  EventChunks chunks;
  EventChunks::List a;
  EventChunks::List b;
  std::vector<std::uint64_t> want_a;
  std::vector<std::uint64_t> want_b;
  // Interleaved, so that the two lists' chunks alternate in the pool.
  for (std::uint64_t i = 0; i < 5 * EventChunks::kChunkEvents + 3; ++i) {
    chunks.push(a, Event::make(1.0, 0, i, 0, i));
    want_a.push_back(i);
    if (i % 3 == 0) {
      chunks.push(b, Event::make(2.0, 0, i, 0, 1000 + i));
      want_b.push_back(1000 + i);
    }
  }
  CHECK(a.size == want_a.size());
  CHECK(b.size == want_b.size());
  CHECK(targets(chunks, a) == want_a);
  CHECK(targets(chunks, b) == want_b);
  CHECK(targets(chunks, EventChunks::List{}).empty());
}

TEST_CASE("released chunks are filled again before any new chunk", "[event_queue]") {
  EventChunks chunks;
  EventChunks::List a;
  for (std::uint64_t i = 0; i < 4 * EventChunks::kChunkEvents; ++i) {
    chunks.push(a, Event::make(1.0, 0, i, 0, i));
  }
  CHECK(chunks.chunks() == 4);
  chunks.release(a);
  CHECK(a.size == 0);
  CHECK(targets(chunks, a).empty());
  // Two lists now share the four released chunks; a fifth is needed only beyond them.
  EventChunks::List b;
  EventChunks::List c;
  for (std::uint64_t i = 0; i < 2 * EventChunks::kChunkEvents; ++i) {
    chunks.push(b, Event::make(1.0, 0, i, 0, i));
    chunks.push(c, Event::make(1.0, 0, i, 0, 7 + i));
  }
  CHECK(chunks.chunks() == 4);
  CHECK(targets(chunks, b).back() == 2 * EventChunks::kChunkEvents - 1);
  CHECK(targets(chunks, c).front() == 7);
  chunks.push(c, Event::make(1.0, 0, 0, 0, 99));
  CHECK(chunks.chunks() == 5);
  CHECK(targets(chunks, c).size() == 2 * EventChunks::kChunkEvents + 1);
  CHECK(targets(chunks, c).back() == 99);
}

}  // namespace cmhsim::engine
