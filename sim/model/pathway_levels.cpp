// What follows each person in bulk: the quality-of-life target, the GP and CMHT bulk levels, the
// counts by state and setting, and the caseload's CMHT contact demand. No I/O.
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {

void PathwaySimulation::sync_person(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const bool alive = p.has(kAlive);
  qol_.set_target(id, qol_target(p));
  const bool acute = p.setting == Setting::CrisisTeam || p.setting == Setting::Inpatient;
  if (const bool gp = alive && !acute; gp != p.has(kGpCounted)) {
    gp_level_.add(now, gp ? 1.0 : -1.0);
    p.set(kGpCounted, gp);
  }
  const float bulk = alive && p.setting == Setting::Cmht && !p.has(kCmhtEarly) ? p.cmht_rate : 0.0f;
  if (bulk != p.cmht_bulk) {
    cmht_bulk_level_.add(now, static_cast<double>(bulk) - p.cmht_bulk);
    p.cmht_bulk = bulk;
  }
  if (const float demand = alive && p.home == Setting::Cmht ? p.cmht_rate : 0.0f;
      demand != p.cmht_demand) {
    cmht_demand_ += static_cast<double>(demand) - p.cmht_demand;
    p.cmht_demand = demand;
  }
  const std::uint8_t cell =
      alive ? static_cast<std::uint8_t>(static_cast<std::size_t>(p.state) * kSettingCount +
                                        static_cast<std::size_t>(p.setting))
            : kNoCell;
  if (cell != p.counted_cell) {
    if (p.counted_cell != kNoCell) --people_counts_.by_state_setting[p.counted_cell];
    if (cell != kNoCell) ++people_counts_.by_state_setting[cell];
    p.counted_cell = cell;
  }
}

}  // namespace cmhsim::model::pathway
