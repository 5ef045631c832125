// The pathway outputs observer's month end: the monthly series from a snapshot of the people,
// services and workforce and from the month's counts and integrals. No I/O beyond the Recorder.
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/economics.hpp"
#include "model/pathway_costs.hpp"
#include "model/pathway_tally.hpp"

namespace cmhsim::model::pathway {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

}  // namespace

void PathwayTally::close_month(std::uint64_t month, double now, const PeopleCounts& people,
                               const QualityOfLife::MonthSums& qol) {
  std::array<double, kSeriesCount>& v = month_values_;
  v.fill(0.0);
  double living = 0.0;
  double utility_sum = 0.0;
  for (std::size_t state = 0; state < kClinicalStateCount; ++state) {
    for (std::size_t setting = 0; setting < kSettingCount; ++setting) {
      const auto n = static_cast<double>(people.by_state_setting[state * kSettingCount + setting]);
      living += n;
      v[setting_series(static_cast<Setting>(setting))] += n;
      utility_sum += n * utility(config_.economics, static_cast<ClinicalState>(state),
                                 static_cast<Setting>(setting));
    }
  }
  v[kPeopleInGap] = static_cast<double>(people.in_gap);
  // Everyone is in exactly one network type, so those groups' sums are the register's.
  double qol_sum = 0.0;
  for (std::size_t g = 0; g < kNetworkTypeCount; ++g) qol_sum += qol.sum[g];
  const Workforce& workforce = model_.workforce;
  v[kWaitingCmht] = static_cast<double>(model_.cmht.waiting());
  v[kWaitingCarePartner] = static_cast<double>(cp_waiting_);
  v[kWaitingVcse] = static_cast<double>(model_.vcse.waiting());
  v[kCmhtCaseload] = static_cast<double>(model_.cmht.busy());
  v[kCarePartnerCaseload] = static_cast<double>(workforce.caseload());
  v[kCrises] = static_cast<double>(month_.crises);
  v[kCrisisEpisodes] = static_cast<double>(month_.episodes);
  v[kAdmissions] = static_cast<double>(month_.admissions);
  v[kOutOfAreaPlacements] = static_cast<double>(month_.out_of_area);
  const std::array<double, 6> area{beds_level_.area(now),   ooa_level_.area(now),
                                   crisis_level_.area(now), vcse_level_.area(now),
                                   cp_fte_level_.area(now), sup_fte_level_.area(now)};
  std::array<double, 6> delta{};
  for (std::size_t i = 0; i < area.size(); ++i) delta[i] = area[i] - month_start_area_[i];
  month_start_area_ = area;
  v[kBedDays] = delta[0];
  v[kOutOfAreaBedDays] = delta[1];
  // Bed-days on leave are held but not occupied (KH03 counts occupancy without them).
  v[kBedOccupancy] = ratio((1.0 - config_.services.leave_share) * delta[0],
                           static_cast<double>(model_.beds.servers()) * kMonthDays);
  v[kDeaths] = static_cast<double>(month_.deaths);
  v[kMeanQol] = ratio(qol_sum, living);
  const auto in_post = static_cast<double>(workforce.in_post());
  v[kCarePartnersInPost] = in_post;
  v[kCarePartnerVacancies] = static_cast<double>(workforce.size()) - in_post;
  v[kSupervisionCoverage] = ratio(static_cast<double>(workforce.supervised()), in_post);
  v[kSupervisionHoursPerCarePartner] = in_post > 0.0 ? workforce.hours_per_care_partner() : kNaN;
  v[kSupervisorVacancies] =
      static_cast<double>(workforce.supervisor_posts() - workforce.supervisors_in_post());
  v[kCarePartnerLeavers] = static_cast<double>(workforce.leavers() - cp_leavers_closed_);
  cp_leavers_closed_ = workforce.leavers();
  const PostGroup& coordinators = model_.coordinators;
  v[kCmhtCoordinatorsInPost] = static_cast<double>(coordinators.in_post());
  CostActivity activity;
  activity.gp_consultations = static_cast<double>(month_.gp);
  activity.physical_checks = static_cast<double>(month_.checks);
  activity.care_partner_fte_days = delta[4];
  activity.supervisor_fte_days = delta[5];
  activity.cmht_contacts = static_cast<double>(month_.cmht_contacts);
  activity.crisis_days = delta[2];
  activity.bed_days = delta[0];
  activity.out_of_area_bed_days = delta[1];
  activity.outpatient_appointments = static_cast<double>(month_.outpatient);
  activity.vcse_place_days = delta[3];
  const std::array<double, kCostKindCount> costs = costs_by_kind(activity, config_);
  std::copy(costs.begin(), costs.end(), v.begin() + cost_series(kCostPrimaryCare));
  month_ = MonthTally{};

  const double month_start = static_cast<double>(month) * kMonthDays;
  if (month_start < warmup_ - 1e-9) return;
  add_economics(month_start, utility_sum, total_cost(costs));
  series_.insert(series_.end(), v.begin(), v.end());
  if (recorder_ != nullptr) recorder_->record_month(months_recorded_, v);
  ++months_recorded_;
  m_gap_.add(v[kPeopleInGap]);
  if (!std::isnan(v[kMeanQol])) m_qol_.add(v[kMeanQol]);
  m_in_post_.add(in_post);
  if (workforce.size() > 0) m_cp_waiting_.add(v[kWaitingCarePartner]);
  t_cp_leavers_ += v[kCarePartnerLeavers];
  if (coordinators.size() > 0) {
    m_cmht_vacancy_.add(1.0 -
                        v[kCmhtCoordinatorsInPost] / static_cast<double>(coordinators.size()));
  }
  if (!std::isnan(v[kSupervisionCoverage])) m_coverage_.add(v[kSupervisionCoverage]);
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    if (qol.count[g] > 0) m_group_qol_[g].add(qol.sum[g] / static_cast<double>(qol.count[g]));
  }
}

void PathwayTally::add_economics(double month_start, double utility_sum, double cost) {
  // Each month is discounted by its mean factor, as if costs and QALYs accrued evenly over it.
  const double from = (month_start - warmup_) / kYearDays;
  const double to = from + kMonthDays / kYearDays;
  const EconomicsConfig& e = config_.economics;
  t_qalys_ += utility_sum * discounted_years(e.discount_rate_qalys, from, to);
  t_discounted_cost_ += cost * mean_discount_factor(e.discount_rate_costs, from, to);
}

}  // namespace cmhsim::model::pathway
