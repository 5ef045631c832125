// CMHT care coordinators of the pathway model: posts turning over at month ends, caseload slots
// following the FTE in post (nobody is evicted when they fall), and the share of each person's
// contact rate that coordinators' hours allow. No I/O; the posts' draws are their own streams.
#include <algorithm>
#include <cmath>

#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {

void PathwaySimulation::cmht_staff_month() {
  const double now = sim_.now();
  coordinators_.fill_due(now);
  coordinators_.draw_leavers(now, kMonthDays);
  set_cmht_capacity();
}

void PathwaySimulation::set_cmht_capacity() {
  const double slots = coordinators_.fte_in_post() * config_.services.cmht_caseload_per_fte;
  const int servers = static_cast<int>(std::clamp(std::floor(slots + 1e-9), 0.0, 2.0e9));
  if (servers == cmht_.servers()) return;
  // Above a lowered count people keep their slots; new starts wait until the caseload is below it.
  for (const engine::Start& start : cmht_.set_servers(servers, sim_.now())) {
    start_cmht(static_cast<std::uint32_t>(start.customer));
  }
}

void PathwaySimulation::set_cmht_contact_scale(double contacts_per_day) {
  const ServicesConfig& s = config_.services;
  const double demand = contacts_per_day * kMonthDays * s.cmht_contact_minutes / 60.0;
  const double supply = coordinators_.fte_in_post() * s.cmht_contact_hours_per_fte_per_month;
  cmht_contact_scale_ = demand > supply ? supply / demand : 1.0;
}

}  // namespace cmhsim::model::pathway
