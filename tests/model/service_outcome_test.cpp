// Tests of the one service-outcome builder: each metric from hand-set statistics, blocking on
// limited and unlimited lines, and NaN for empty denominators. Knows the model and engine only.
#include "model/service_outcome.hpp"

#include <catch2/catch.hpp>
#include <cmath>

namespace cmhsim::model {

TEST_CASE("a service outcome takes each metric from the statistics", "[service_outcome]") {
  engine::ResourceStatistics st;
  st.arrivals = 20;
  st.blocked = 5;
  st.reneged = 2;
  st.completed = 12;
  st.wait.add(1.0);
  st.wait.add(3.0);
  st.mean_in_queue = 0.75;
  st.mean_busy = 1.5;
  st.utilisation = 0.5;
  st.span = 4.0;
  const ServiceOutcome o = service_outcome("desk", st);
  CHECK(o.name == "desk");
  CHECK(o.arrivals == 20);
  CHECK(o.completions == 12);
  CHECK(o[ServiceMetric::MeanWait] == 2.0);
  CHECK(o[ServiceMetric::MeanInQueue] == 0.75);
  CHECK(o[ServiceMetric::MeanInSystem] == 2.25);
  CHECK(o[ServiceMetric::Utilisation] == 0.5);
  CHECK(o[ServiceMetric::ThroughputPerDay] == 3.0);
  CHECK(o[ServiceMetric::BlockedFraction] == 0.25);
  CHECK(o[ServiceMetric::RenegedFraction] == 0.1);
}

TEST_CASE("an unlimited line reports no blocking; no arrivals leave the fractions undefined",
          "[service_outcome]") {
  engine::Resource unlimited("list", 1);
  unlimited.arrive(1, 0.0);
  unlimited.arrive(2, 0.0);
  CHECK(service_outcome("list", unlimited.statistics(1.0))[ServiceMetric::BlockedFraction] == 0.0);

  engine::Resource loss("beds", 1, engine::Discipline::Fifo, 0);
  loss.arrive(1, 0.0);
  loss.arrive(2, 0.0);
  CHECK(service_outcome("beds", loss.statistics(1.0))[ServiceMetric::BlockedFraction] == 0.5);

  const ServiceOutcome idle = service_outcome("idle", engine::Resource("idle", 1).statistics(0.0));
  CHECK(std::isnan(idle[ServiceMetric::BlockedFraction]));
  CHECK(std::isnan(idle[ServiceMetric::RenegedFraction]));
  CHECK(std::isnan(idle[ServiceMetric::ThroughputPerDay]));
}

}  // namespace cmhsim::model
