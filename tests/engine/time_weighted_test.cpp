// Tests of the time-weighted level: hand-worked areas and averages, resets.
// Must not depend on anything above the engine.
#include "engine/time_weighted.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using cmhsim::engine::TimeWeighted;

TEST_CASE("time-weighted average integrates a piecewise-constant level", "[time_weighted]") {
  // Level 0 on [0,2), 3 on [2,5), 1 on [5,6), 4 from 6: area to 10 = 0 + 9 + 1 + 16 = 26.
  TimeWeighted tw;
  tw.reset(0.0, 0.0);
  tw.update(2.0, 3.0);
  tw.update(5.0, 1.0);
  CHECK(tw.area(5.0) == 9.0);
  CHECK(tw.mean(5.0) == 9.0 / 5.0);
  CHECK(tw.area(6.0) == 10.0);  // the current level extends to any later time
  tw.update(6.0, 4.0);
  CHECK(tw.area(10.0) == 26.0);
  CHECK(tw.mean(10.0) == 2.6);
  CHECK(tw.level() == 4.0);
  CHECK(tw.max() == 4.0);
  CHECK(tw.start() == 0.0);
}

TEST_CASE("repeated updates at the same time keep only the last level", "[time_weighted]") {
  TimeWeighted tw;
  tw.reset(1.0, 2.0);
  tw.update(3.0, 7.0);
  tw.update(3.0, 1.0);  // 7 held for no time adds nothing, but does set the maximum
  CHECK(tw.area(5.0) == 2.0 * 2.0 + 1.0 * 2.0);
  CHECK(tw.mean(5.0) == 1.5);
  CHECK(tw.max() == 7.0);
}

TEST_CASE("reset forgets history and starts from the current level", "[time_weighted]") {
  TimeWeighted tw;
  tw.reset(0.0, 5.0);
  tw.update(4.0, 2.0);
  tw.reset(4.0, 2.0);
  tw.update(6.0, 1.0);
  CHECK(tw.start() == 4.0);
  CHECK(tw.area(10.0) == 2.0 * 2.0 + 1.0 * 4.0);
  CHECK(tw.mean(10.0) == 8.0 / 6.0);
  CHECK(tw.max() == 2.0);
}

TEST_CASE("adding to the level moves it by the step at that time", "[time_weighted]") {
  // Level 1 on [0,2), 3 on [2,5), 2 from 5: area to 6 = 2 + 9 + 2 = 13.
  TimeWeighted tw;
  tw.add(0.0, 1.0);
  tw.add(2.0, 2.0);
  tw.add(5.0, -1.0);
  CHECK(tw.level() == 2.0);
  CHECK(tw.area(6.0) == 13.0);
  CHECK(tw.max() == 3.0);
  // Keeping the level while forgetting the area restarts the integral from the current level.
  tw.reset(6.0, tw.level());
  CHECK(tw.area(8.0) == 4.0);
}

TEST_CASE("mean over an empty span is NaN", "[time_weighted]") {
  TimeWeighted tw;
  tw.reset(3.0, 1.0);
  CHECK(std::isnan(tw.mean(3.0)));
  CHECK(tw.area(3.0) == 0.0);
}
