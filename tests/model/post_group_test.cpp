// Tests of staff post groups: post counts and FTE, vacancies at start, month-end filling after the
// recruitment delay, turnover, and independence of each group's streams.
#include "model/post_group.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

namespace cmhsim::model::pathway {

TEST_CASE("a post group splits its FTE into posts with a fractional last one", "[post_group]") {
  const engine::Distribution delay = engine::Distribution::fixed(40.0);
  const PostGroup g({5.5, 2.0, 0.0, &delay, 0.0, kCoordinatorPostEntity, "g"},
                    engine::RngKey{3, 0});
  REQUIRE(g.size() == 3);
  CHECK(g.post(2).fte == Approx(1.5));
  CHECK(g.in_post() == 3);
  CHECK(g.fte_in_post() == Approx(5.5));
  CHECK_THROWS_AS(
      PostGroup({1e7, 1.0, 0.0, &delay, 0.0, kCoordinatorPostEntity, "g"}, engine::RngKey{3, 0}),
      std::invalid_argument);
}

TEST_CASE("vacant posts fill at the first month end after their recruitment delay",
          "[post_group]") {
  const engine::Distribution delay = engine::Distribution::fixed(40.0);
  PostGroup g({10.0, 1.0, 0.0, &delay, 1.0, kCoordinatorPostEntity, "g"}, engine::RngKey{3, 0});
  CHECK(g.in_post() == 0);
  g.fill_due(30.0);
  CHECK(g.in_post() == 0);
  g.fill_due(60.0);
  CHECK(g.in_post() == 10);
  CHECK(g.post(0).hired_at == 60.0);
}

TEST_CASE("post group turnover matches its rate and refills after the delay", "[post_group]") {
  const engine::Distribution delay = engine::Distribution::fixed(0.0);
  PostGroup g({2000.0, 1.0, 0.12, &delay, 0.0, kCoordinatorPostEntity, "g"}, engine::RngKey{5, 0});
  const double month = 365.25 / 12.0;
  std::size_t left = 0;
  for (int m = 1; m <= 12; ++m) {
    g.fill_due(m * month);
    left += g.draw_leavers(m * month, month);
  }
  // 2000 posts at 0.12 a year: about 240 leavers (sd about 15), all refilled a month later.
  CHECK(left == g.leavers());
  CHECK(left > 190);
  CHECK(left < 290);
  g.fill_due(13 * month);
  CHECK(g.in_post() == 2000);
}

TEST_CASE("post groups on different entity blocks draw independently", "[post_group]") {
  const engine::Distribution delay = engine::Distribution::fixed(10.0);
  const PostGroup a({400.0, 1.0, 0.0, &delay, 0.5, kSupervisorPostEntity, "a"},
                    engine::RngKey{7, 0});
  const PostGroup b({400.0, 1.0, 0.0, &delay, 0.5, kCoordinatorPostEntity, "b"},
                    engine::RngKey{7, 0});
  std::size_t same = 0;
  for (std::size_t j = 0; j < 400; ++j) same += a.post(j).in_post == b.post(j).in_post ? 1 : 0;
  CHECK(same > 150);
  CHECK(same < 250);
}

}  // namespace cmhsim::model::pathway
