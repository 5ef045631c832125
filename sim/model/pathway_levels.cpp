// What follows each person in bulk: the quality-of-life target, the GP and CMHT bulk levels, the
// counts by state and setting, the caseload's CMHT contact demand, the gap, and when a month end
// next has work for the person. No I/O.
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {

void PathwaySimulation::sync_person(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const bool alive = p.has(kAlive);
  qol_.set_target(id, qol_target(p));
  const bool in_acute_care = acute(p.setting);
  if (const bool gp = alive && !in_acute_care; gp != p.has(kGpCounted)) {
    gp_level_.add(now, gp ? 1.0 : -1.0);
    p.set(kGpCounted, gp);
  }
  const bool outpatient = alive && !in_acute_care && on_outpatient_list(p);
  if (outpatient != p.has(kOutpatientCounted)) {
    outpatient_level_.add(now, outpatient ? 1.0 : -1.0);
    p.set(kOutpatientCounted, outpatient);
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
  const bool gap_setting = p.setting == Setting::PrimaryCare || p.setting == Setting::Outpatients;
  const float gap =
      alive && gap_setting ? p.last_proactive : std::numeric_limits<float>::infinity();
  gap_proactive_[id] = gap;
  // Handed on rather than read back: in a large register the array's line is rarely in cache.
  set_due(id, month_work_due(id, gap));
}

std::size_t PathwaySimulation::month_end_at_or_after(double t) const {
  if (!(t > kMonthDays)) return 0;
  if (!(t <= horizon_)) return month_ends_;
  // The estimate is corrected with the month ends' own times, so it agrees with comparing the due
  // time with now.
  auto k = static_cast<std::size_t>(t * (1.0 / kMonthDays));
  while (k > 0 && month_end_time(k - 1) >= t) --k;
  while (month_end_time(k) < t) ++k;
  return k;
}

void PathwaySimulation::refile_due(std::uint32_t id, float due, float old) {
  const std::size_t month = month_end_at_or_after(due);
  // Still filed under this month end, which has yet to open: the old time falls after the month
  // end before it and, unless past the last, not after this one.
  if (month >= next_month_ && (month == 0 || old > month_end_time(month - 1)) &&
      (month == month_ends_ || old <= month_end_time(month))) {
    return;
  }
  file_due(id, month);
}

void PathwaySimulation::file_due(std::uint32_t id, std::size_t month) {
  if (month < next_month_) {
    if (calendar_.is_open()) calendar_.mark(id);
    month = next_month_;
  }
  calendar_.file(id, month);
}

double PathwaySimulation::month_work_due(std::uint32_t id, float gap) const {
  const Person& p = persons_[id];
  const double now = sim_.now();
  // Due times are lower bounds: a little early is safe against rounding, a little late is not.
  // Work due "now" falls at this month end if it is still to come, else at the next.
  constexpr double kEarly = 0.01;
  double due = static_cast<double>(p.next_check);
  const auto by = [&due](double t) { due = std::min(due, t - kEarly); };
  // Outpatient appointments are settled when the person would otherwise enter the gap.
  if (on_outpatient_list(p) && gap < std::numeric_limits<float>::infinity()) {
    by(static_cast<double>(gap) + config_.policies.gap_contact_window_days);
  }
  // Leaving secondary care ends a spell under it for the 12-month window, seen at a month end.
  if (p.has(kWindowSecondary) && !under_secondary_care(p)) by(now);
  if (!p.has(kAlive) || p.setting != p.home) return due;  // Rules wait for the return.
  const PolicyConfig& pol = config_.policies;
  const bool stable = p.state == ClinicalState::Stable;
  const double since = p.state_since;
  if (p.has(kOutpatientFollowUp)) {
    // The follow-up ends after the stable period, or becomes the list alone without a Care
    // Partner.
    if (p.home == Setting::PrimaryCare && !p.has(kCpWaiting)) by(now);
    if (stable) by(since + pol.outpatient_discharge_stable_days);
  }
  if (p.home == Setting::Cmht && stable) {
    // A discharge needs a review (every interval from the start) and the stable period. A month
    // end sees the reviews of the month before it, so the next one to see is the first after
    // the start of the month that holds now.
    const double interval = pol.cmht_review_interval_days;
    const double next_review =
        p.cmht_since + (std::floor((now - kMonthDays - p.cmht_since) / interval) + 1.0) * interval;
    by(std::max(since + pol.cmht_discharge_stable_days, next_review));
  }
  if (p.home == Setting::Outpatients && stable) by(since + pol.outpatient_discharge_stable_days);
  const CarePartnerConfig& cp = config_.care_partners;
  if (p.home == Setting::CarePartner && !trial_ && stable && !p.has(kGoalOpen) &&
      p.cp_goals >= cp.discharge_goals) {
    by(since + cp.discharge_stable_days);
  }
  if (p.state == ClinicalState::Struggling &&
      (p.home == Setting::PrimaryCare || p.home == Setting::CarePartner)) {
    // Re-referral falls at the month end in the month after the spell reaches its length.
    const double refer = since + pol.rereferral_struggling_days;
    if (now < refer + kMonthDays) by(refer);
  }
  return due;
}

}  // namespace cmhsim::model::pathway
