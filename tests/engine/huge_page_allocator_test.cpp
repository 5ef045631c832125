// Tests of engine::HugePageAllocator: where large blocks start, that small ones are ordinary, and
// that vectors keep their contents through growth. Must not depend on anything above the engine.
#include "engine/huge_page_allocator.hpp"

#include <catch2/catch.hpp>
#include <cstdint>

using cmhsim::engine::HugePageAllocator;
using cmhsim::engine::HugePageVector;

TEST_CASE("blocks of 2 MiB or more start on a 2 MiB boundary", "[huge-pages]") {
  HugePageAllocator<double> a;
  for (const std::size_t n :
       {std::size_t{1} << 18, (std::size_t{1} << 18) + 1, std::size_t{3} << 20}) {
    double* p = a.allocate(n);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % HugePageAllocator<double>::kHugePage == 0);
    p[0] = 1.0;
    p[n - 1] = 2.0;  // The whole block is usable, to its last element.
    CHECK(p[0] + p[n - 1] == 3.0);
    a.deallocate(p, n);
  }
}

TEST_CASE("small blocks come from the ordinary allocator", "[huge-pages]") {
  HugePageAllocator<std::uint32_t> a;
  std::uint32_t* p = a.allocate(100);
  CHECK(reinterpret_cast<std::uintptr_t>(p) % alignof(std::uint32_t) == 0);
  for (std::uint32_t i = 0; i < 100; ++i) p[i] = i;
  CHECK(p[99] == 99);
  a.deallocate(p, 100);
}

TEST_CASE("a huge-page vector keeps its contents as it grows past 2 MiB", "[huge-pages]") {
  HugePageVector<std::uint32_t> v;
  const std::uint32_t n = 3u << 20;  // 12 MiB of values, through every growth step.
  for (std::uint32_t i = 0; i < n; ++i) v.push_back(i * 2654435761u);
  REQUIRE(v.size() == n);
  bool all = true;
  for (std::uint32_t i = 0; i < n; ++i) all = all && v[i] == i * 2654435761u;
  CHECK(all);
  CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % HugePageAllocator<std::uint32_t>::kHugePage ==
        0);
  HugePageVector<std::uint32_t> copy = v;
  CHECK(copy == v);
}

TEST_CASE("an overlarge request throws instead of wrapping", "[huge-pages][bad-input]") {
  HugePageAllocator<double> a;
  CHECK_THROWS_AS(a.allocate(static_cast<std::size_t>(-1) / 4), std::bad_array_new_length);
}
