// Which ids each month end must visit: ids filed under the month end their work falls due at,
// then read back in increasing order through a bitmap. Knows nothing of people or services.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cmhsim::model::pathway {

/// Files ids under month ends and gives the open month end its ids in increasing order, each
/// once however often it was filed. A reader re-checks each id: filing is a lower bound on when
/// work is due, so an id may be filed under a month end that then finds nothing to do.
class DueCalendar {
 public:
  /// Sets the number of month ends (0 to `months` - 1) and empties every list.
  void set_months(std::size_t months) {
    lists_.assign(months, {});
    open_ = false;
  }

  /// Files `id` under month end `month`; months past the last are dropped.
  void file(std::uint32_t id, std::size_t month) {
    if (month < lists_.size()) lists_[month].push_back(id);
  }

  /// Opens month end `month` for the ids below `ids`: marks those filed under it and frees its
  /// list.
  void open(std::size_t month, std::uint32_t ids) {
    ids_ = ids;
    marks_.assign((std::size_t{ids} + 63) / 64, 0);
    open_ = true;
    if (month >= lists_.size()) return;
    for (const std::uint32_t id : lists_[month]) mark(id);
    std::vector<std::uint32_t>().swap(lists_[month]);
  }

  /// Returns true between open() and close().
  [[nodiscard]] bool is_open() const noexcept { return open_; }

  /// Marks `id` in the open month end (ignored at or beyond its id count).
  void mark(std::uint32_t id) noexcept {
    if (id < ids_) marks_[id >> 6] |= std::uint64_t{1} << (id & 63u);
  }

  /// Returns the first marked id at or after `from`, or the open month end's id count when none.
  [[nodiscard]] std::uint32_t next(std::uint32_t from) const noexcept {
    if (from >= ids_) return ids_;
    std::size_t w = from >> 6;
    std::uint64_t bits = marks_[w] & (~std::uint64_t{0} << (from & 63u));
    while (bits == 0) {
      if (++w == marks_.size()) return ids_;
      bits = marks_[w];
    }
    return static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
  }

  /// Closes the open month end.
  void close() noexcept { open_ = false; }

 private:
  std::vector<std::vector<std::uint32_t>> lists_;  ///< Ids filed, by month end.
  std::vector<std::uint64_t> marks_;               ///< The open month end's ids, one bit each.
  std::uint32_t ids_ = 0;
  bool open_ = false;
};

}  // namespace cmhsim::model::pathway
