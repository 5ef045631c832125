// Outputs of the pathway model: the monthly series at each month end, the end-of-run metrics
// (with equity breakdowns and the trial comparison), person summaries and service outcomes.
// No I/O: values go to the Recorder, if any, and into the ReplicationOutcome.
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

}  // namespace

void PathwaySimulation::close_month(std::uint64_t month) {
  const double now = sim_.now();
  std::array<double, kSeriesCount>& v = month_values_;
  v.fill(0.0);
  std::array<double, kGroupCount> group_qol{};
  std::array<double, kGroupCount> group_n{};
  double qol_sum = 0.0;
  double living = 0.0;
  const double gap_window = config_.policies.gap_contact_window_days;
  for (const Person& p : persons_) {
    if (!p.has(kAlive)) continue;
    living += 1.0;
    v[kPeopleBySetting + static_cast<std::size_t>(p.setting)] += 1.0;
    if ((p.setting == Setting::PrimaryCare || p.setting == Setting::Outpatients) &&
        now - p.last_proactive > gap_window) {
      v[kPeopleInGap] += 1.0;
    }
    qol_sum += p.qol;
    for (const std::size_t g :
         {network_group(p.network), ethnicity_group(p.ethnicity), diagnosis_group(p.diagnosis)}) {
      group_qol[g] += p.qol;
      group_n[g] += 1.0;
    }
  }
  v[kWaitingCmht] = static_cast<double>(cmht_.waiting());
  v[kWaitingCarePartner] = static_cast<double>(cp_waiting_);
  v[kWaitingVcse] = static_cast<double>(vcse_.waiting());
  v[kCmhtCaseload] = static_cast<double>(cmht_.busy());
  v[kCarePartnerCaseload] = static_cast<double>(workforce_.caseload());
  v[kCrises] = static_cast<double>(tally_.crises);
  v[kCrisisEpisodes] = static_cast<double>(tally_.episodes);
  v[kAdmissions] = static_cast<double>(tally_.admissions);
  v[kOutOfAreaPlacements] = static_cast<double>(tally_.out_of_area);
  const std::array<double, 5> area{beds_level_.area_to(now), ooa_level_.area_to(now),
                                   crisis_level_.area_to(now), vcse_level_.area_to(now),
                                   cp_fte_level_.area_to(now)};
  std::array<double, 5> delta{};
  for (std::size_t i = 0; i < area.size(); ++i) delta[i] = area[i] - month_start_area_[i];
  month_start_area_ = area;
  v[kBedDays] = delta[0];
  v[kOutOfAreaBedDays] = delta[1];
  v[kBedOccupancy] = ratio(delta[0], static_cast<double>(beds_.servers()) * kMonthDays);
  v[kDeaths] = static_cast<double>(tally_.deaths);
  v[kMeanQol] = ratio(qol_sum, living);
  const auto in_post = static_cast<double>(workforce_.in_post());
  v[kCarePartnersInPost] = in_post;
  v[kCarePartnerVacancies] = static_cast<double>(workforce_.size()) - in_post;
  v[kSupervisionCoverage] = ratio(static_cast<double>(workforce_.supervised()), in_post);
  const CostConfig& c = config_.costs;
  v[cost_series(kCostPrimaryCare)] = static_cast<double>(tally_.gp) * c.gp_consultation +
                                     static_cast<double>(tally_.checks) * c.physical_health_check;
  v[cost_series(kCostCarePartners)] = delta[4] / kYearDays * c.care_partner_fte_year;
  v[cost_series(kCostSupervision)] =
      config_.supervision.supervisor_fte * c.supervisor_fte_year * kMonthDays / kYearDays;
  v[cost_series(kCostCmht)] = static_cast<double>(tally_.cmht_contacts) * c.cmht_contact;
  v[cost_series(kCostCrisis)] = delta[2] * c.crisis_team_day;
  v[cost_series(kCostInpatient)] = delta[0] * c.inpatient_bed_day;
  v[cost_series(kCostOutOfArea)] = delta[1] * c.out_of_area_bed_day;
  v[cost_series(kCostOutpatients)] =
      static_cast<double>(tally_.outpatient) * c.outpatient_appointment;
  v[cost_series(kCostVcse)] = delta[3] * c.vcse_place_day;
  tally_ = MonthTally{};

  const double month_start = static_cast<double>(month) * kMonthDays;
  if (month_start < warmup_ - 1e-9) return;
  series_.insert(series_.end(), v.begin(), v.end());
  if (recorder_ != nullptr) recorder_->record_month(months_recorded_, v);
  ++months_recorded_;
  m_gap_.add(v[kPeopleInGap]);
  if (!std::isnan(v[kMeanQol])) m_qol_.add(v[kMeanQol]);
  m_in_post_.add(in_post);
  if (!std::isnan(v[kSupervisionCoverage])) m_coverage_.add(v[kSupervisionCoverage]);
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    if (group_n[g] > 0.0) m_group_qol_[g].add(group_qol[g] / group_n[g]);
  }
}

void PathwaySimulation::add_expected_deaths(const Person& p) {
  const double start = std::max<double>(p.entry_time, warmup_);
  const double end = sim_.now();
  if (!(end > start)) return;
  const double a1 = p.age_at(start);
  const double a2 = std::min(p.age_at(end), 75.0);
  if (a1 < a2) t_expected_u75_ += gompertz_cumulative_hazard(config_.clinical, a1, a2);
}

ServiceOutcome PathwaySimulation::resource_outcome(const engine::Resource& r) const {
  const engine::ResourceStatistics st = r.statistics(sim_.now());
  ServiceOutcome o;
  o.name = r.name();
  o.arrivals = st.arrivals;
  o.completions = st.completed;
  auto set = [&o](ServiceMetric m, double x) { o.values[static_cast<std::size_t>(m)] = x; };
  set(ServiceMetric::MeanWait, st.wait.mean());
  set(ServiceMetric::MeanInQueue, st.mean_in_queue);
  set(ServiceMetric::MeanInSystem, st.mean_in_queue + st.mean_busy);
  set(ServiceMetric::Utilisation, st.utilisation);
  set(ServiceMetric::ThroughputPerDay, ratio(static_cast<double>(st.completed), st.span));
  // A line of capacity zero turns people away; an unlimited one never does.
  set(ServiceMetric::BlockedFraction,
      r.queue_capacity() == 0
          ? ratio(static_cast<double>(st.blocked), static_cast<double>(st.arrivals))
          : kNaN);
  set(ServiceMetric::RenegedFraction,
      ratio(static_cast<double>(st.reneged), static_cast<double>(st.arrivals)));
  return o;
}

ServiceOutcome PathwaySimulation::care_partner_outcome() const {
  const double now = sim_.now();
  const double span = now - warmup_;
  ServiceOutcome o;
  o.name = "care_partners";
  o.arrivals = cp_arrivals_;
  o.completions = cp_exits_;
  auto set = [&o](ServiceMetric m, double x) { o.values[static_cast<std::size_t>(m)] = x; };
  const double queue = ratio(cp_wait_level_.area_to(now), span);
  set(ServiceMetric::MeanWait, cp_wait_.mean());
  set(ServiceMetric::MeanInQueue, queue);
  set(ServiceMetric::MeanInSystem, queue + ratio(cp_caseload_level_.area_to(now), span));
  set(ServiceMetric::Utilisation,
      ratio(cp_caseload_level_.area_to(now), cp_capacity_level_.area_to(now)));
  set(ServiceMetric::ThroughputPerDay, ratio(static_cast<double>(cp_exits_), span));
  set(ServiceMetric::BlockedFraction, kNaN);
  set(ServiceMetric::RenegedFraction,
      ratio(static_cast<double>(cp_dropped_), static_cast<double>(cp_arrivals_)));
  return o;
}

}  // namespace cmhsim::model::pathway
