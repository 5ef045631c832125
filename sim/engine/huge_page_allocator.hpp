// An allocator for large arrays read at random by entity id: blocks of 2 MiB or more are aligned
// to 2 MiB and offered to the kernel for huge pages. Knows nothing of what the arrays hold.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cmhsim::engine {

/// Allocates like std::allocator, but backs blocks of at least 2 MiB with huge pages where the
/// kernel allows, so records fetched at random from hundreds of megabytes miss the
/// address-translation cache less often. Contents and results are unchanged.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;

  HugePageAllocator() noexcept = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  /// Returns storage for `n` values; large blocks start on a huge-page boundary.
  [[nodiscard]] T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return std::allocator<T>{}.allocate(n);
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* block = std::aligned_alloc(kHugePage, rounded);
    if (block == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Only advice: where huge pages are off or unavailable the block keeps small pages.
    ::madvise(block, rounded, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(block);
  }

  /// Returns storage from allocate(n) with the same `n`.
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < kHugePage) {
      std::allocator<T>{}.deallocate(p, n);
    } else {
      std::free(p);
    }
  }

  template <typename U>
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) noexcept {
    return true;
  }
};

/// Names a vector whose large storage uses huge pages.
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace cmhsim::engine
