// Tests of the due calendar: a month end gives the ids filed under it in increasing order, once
// each, including those marked while it is open, and nothing filed under another month.
#include "model/due_calendar.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

namespace cmhsim::model::pathway {
namespace {

/// Returns the ids the open month end gives, in order.
std::vector<std::uint32_t> read(const DueCalendar& c, std::uint32_t end) {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t id = c.next(0); id < end; id = c.next(id + 1)) ids.push_back(id);
  return ids;
}

}  // namespace

TEST_CASE("a month end gives its filed ids in order, once each", "[due-calendar]") {
  DueCalendar c;
  c.set_months(3);
  for (const std::uint32_t id : {70u, 3u, 64u, 3u, 200u, 63u, 0u}) c.file(id, 1);
  c.file(5, 0);
  c.file(6, 2);
  c.file(7, 3);  // Past the last month end: dropped.
  c.open(0, 300);
  CHECK(read(c, 300) == std::vector<std::uint32_t>{5});
  c.close();
  c.open(1, 300);
  CHECK(c.is_open());
  CHECK(read(c, 300) == std::vector<std::uint32_t>{0, 3, 63, 64, 70, 200});
  c.close();
  CHECK_FALSE(c.is_open());
  c.open(2, 300);
  CHECK(read(c, 300) == std::vector<std::uint32_t>{6});
  c.close();
  c.open(3, 300);
  CHECK(c.next(0) == 300);
}

TEST_CASE("ids marked while a month end is open are read when still ahead", "[due-calendar]") {
  DueCalendar c;
  c.set_months(2);
  c.file(10, 0);
  c.file(500, 0);
  c.open(0, 1000);
  std::vector<std::uint32_t> seen;
  for (std::uint32_t id = c.next(0); id < 1000; id = c.next(id + 1)) {
    seen.push_back(id);
    if (id == 10) {
      c.mark(2);    // Behind the reader: left for another month end.
      c.mark(130);  // Ahead: read in this one.
      c.mark(999);
      c.mark(1000);  // Beyond the open month end's ids: ignored.
    }
  }
  CHECK(seen == std::vector<std::uint32_t>{10, 130, 500, 999});
  // The ids filed under an opened month end are gone: opening it again gives nothing.
  c.close();
  c.open(0, 1000);
  CHECK(c.next(0) == 1000);
}

}  // namespace cmhsim::model::pathway
