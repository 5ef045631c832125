// The pathway model's output tables: every series and metric with its unit and exact definition.
// Knows nothing of events, people or files.
#include "model/pathway_outputs.hpp"

#include <array>
#include <string>

namespace cmhsim::model::pathway {
namespace {

const std::array<const char*, kSettingCount> kSettingDescriptions{
    "people whose only care setting at the month end is their GP practice",
    "people on a Care Partner caseload (in the community) at the month end",
    "people on a community mental health team caseload (in the community) at the month end",
    "people on a psychiatric outpatient list only at the month end",
    "people in a crisis resolution and home treatment episode at the month end",
    "people in an acute bed, in or out of area, at the month end"};

const std::array<const char*, kCostKindCount> kCostNames{
    "cost_primary_care", "cost_care_partners", "cost_supervision", "cost_cmht", "cost_crisis",
    "cost_inpatient",    "cost_out_of_area",   "cost_outpatients", "cost_vcse"};

const std::array<const char*, kCostKindCount> kCostDescriptions{
    "GP consultations and annual physical health checks in the month",
    "salaries of Care Partners in post during the month (FTE-months)",
    "salaries of supervisors during the month",
    "community mental health team contacts in the month",
    "crisis resolution and home treatment team days in the month",
    "in-area acute bed-days in the month",
    "out-of-area bed-days in the month",
    "psychiatric outpatient appointments in the month",
    "VCSE place-days in the month"};

struct Breakdown {
  const char* metric;
  const char* unit;
  const char* description;
};

const std::array<Breakdown, kEquityMetricCount> kBreakdowns{{
    {"crises_per_1000_per_year", "per 1000 person-years",
     "crises per 1000 person-years of the group after warm-up"},
    {"mean_quality_of_life", "MANSA 1-7",
     "mean over months of the group's mean quality of life at the month end"},
    {"care_partner_contacts_per_person", "contacts/person",
     "Care Partner contacts after warm-up per group member ever on a Care Partner caseload "
     "after warm-up"},
    {"primary_care_only_share_12m", "fraction",
     "share of group members alive and registered throughout the last 12 months with no "
     "secondary-care or Care Partner contact in them"},
}};

std::string group_suffix(std::size_t g) {
  if (g < kNetworkTypeCount) return std::string(".by_network.") + kNetworkTypeNames[g];
  g -= kNetworkTypeCount;
  if (g < kEthnicityCount) return std::string(".by_ethnicity.") + kEthnicityNames[g];
  g -= kEthnicityCount;
  return std::string(".by_diagnosis.") + kDiagnosisNames[g];
}

}  // namespace

std::vector<OutputInfo> build_series_infos() {
  std::vector<OutputInfo> s;
  s.reserve(kSeriesCount);
  for (std::size_t i = 0; i < kSettingCount; ++i) {
    s.push_back({std::string("people_") + kSettingNames[i], "people", kSettingDescriptions[i]});
  }
  s.push_back({"people_in_gap", "people",
               "living people in primary care or on outpatient lists only with no proactive "
               "contact (Care Partner, CMHT, VCSE, outpatient, crisis follow-up or identification "
               "sweep) in the last policies.gap_contact_window_days, at the month end"});
  s.push_back({"waiting_cmht", "people", "people on the CMHT waiting list at the month end"});
  s.push_back({"waiting_care_partner", "people",
               "people waiting to be allocated a Care Partner at the month end"});
  s.push_back({"waiting_vcse", "people", "people waiting for a VCSE place at the month end"});
  s.push_back({"cmht_caseload", "people",
               "people holding a CMHT caseload slot (including those in crisis) at the month end"});
  s.push_back(
      {"care_partner_caseload", "people",
       "people on Care Partner caseload lists (including those in crisis) at the month end"});
  s.push_back({"crises", "crises", "crises (transitions into crisis) in the month"});
  s.push_back({"crisis_episodes", "episodes", "crisis team episodes started in the month"});
  s.push_back({"admissions", "admissions", "acute admissions, in or out of area, in the month"});
  s.push_back({"out_of_area_placements", "admissions",
               "admissions placed out of area because no in-area bed was free, in the month"});
  s.push_back({"bed_days", "days", "in-area acute bed-days in the month"});
  s.push_back({"out_of_area_bed_days", "days", "out-of-area bed-days in the month"});
  s.push_back(
      {"bed_occupancy", "fraction", "in-area bed-days over bed-days available in the month"});
  s.push_back({"deaths", "people", "deaths in the month"});
  s.push_back({"mean_quality_of_life", "MANSA 1-7",
               "mean quality of life of living people at the month end"});
  s.push_back({"care_partners_in_post", "workers", "Care Partner posts filled at the month end"});
  s.push_back({"care_partner_vacancies", "posts", "Care Partner posts vacant at the month end"});
  s.push_back({"supervision_coverage", "fraction",
               "Care Partners supervised this month over Care Partners in post (NaN with none)"});
  for (std::size_t c = 0; c < kCostKindCount; ++c) {
    s.push_back({kCostNames[c], "GBP", kCostDescriptions[c]});
  }
  return s;
}

std::vector<OutputInfo> build_metric_infos() {
  std::vector<OutputInfo> m;
  m.reserve(kMetricCount);
  m.push_back({"people_in_gap", "people", "mean over recorded months of series people_in_gap"});
  m.push_back({"crises_per_1000_per_year", "per 1000 person-years",
               "crises after warm-up per 1000 person-years lived after warm-up"});
  m.push_back({"admissions_per_1000_per_year", "per 1000 person-years",
               "acute admissions (in or out of area) after warm-up per 1000 person-years"});
  m.push_back({"bed_occupancy", "fraction",
               "in-area bed-days after warm-up over beds times days after warm-up"});
  m.push_back({"out_of_area_placements_per_year", "admissions/year",
               "out-of-area placements after warm-up per year observed"});
  m.push_back({"readmission_12m_after_crisis", "fraction",
               "share of crises after warm-up followed within 12 months by an admission from a "
               "later crisis of the same person, among crises at least 12 months before the end"});
  m.push_back({"primary_care_only_share_12m", "fraction",
               "share of people alive and registered throughout the last 12 months who had no "
               "secondary-care (CMHT, outpatient, crisis, inpatient) or Care Partner contact in "
               "them"});
  m.push_back({"secondary_care_two_or_fewer_contacts_share", "fraction",
               "among people alive at the end who were on a CMHT caseload or outpatient list at "
               "some time in the last 12 months: share with at most 2 CMHT or outpatient contacts "
               "in them"});
  m.push_back({"cmht_mean_wait_days", "days",
               "mean time on the CMHT waiting list of people given a caseload slot after warm-up"});
  m.push_back({"physical_health_check_coverage", "fraction",
               "share of people alive and registered throughout the last 12 months who had an "
               "annual physical health check in them"});
  m.push_back({"care_partner_contacts_per_person", "contacts/person",
               "Care Partner contacts after warm-up per person ever on a Care Partner caseload "
               "after warm-up (in a trial: per intervention participant)"});
  m.push_back({"care_partner_no_contact_share", "fraction",
               "share of those people with no Care Partner contact after warm-up"});
  m.push_back({"care_partners_in_post", "workers",
               "mean over recorded months of series care_partners_in_post"});
  m.push_back({"supervision_coverage", "fraction",
               "mean over recorded months with Care Partners in post of series "
               "supervision_coverage (NaN if none)"});
  m.push_back({"mean_quality_of_life", "MANSA 1-7",
               "mean over recorded months of series mean_quality_of_life"});
  m.push_back({"mortality_ratio_under_75", "ratio",
               "deaths under age 75 after warm-up over those expected at general-population "
               "Gompertz rates over the same person-time under 75"});
  m.push_back({"cost_per_person_per_year", "GBP/person-year",
               "all costs after warm-up over person-years after warm-up"});
  m.push_back({"trial_qol_change_difference", "MANSA 1-7",
               "trial only: mean change in quality of life from baseline to follow-up, "
               "intervention minus control, among participants alive and registered at "
               "follow-up (NaN outside a trial)"});
  m.push_back({"trial_qol_change_difference_ci_lo", "MANSA 1-7",
               "lower bound of the Welch 95% interval of trial_qol_change_difference"});
  m.push_back({"trial_qol_change_difference_ci_hi", "MANSA 1-7",
               "upper bound of the Welch 95% interval of trial_qol_change_difference"});
  m.push_back({"trial_contacts_mean", "contacts/person",
               "trial only: mean Care Partner contacts per intervention participant"});
  m.push_back({"trial_no_contact_share", "fraction",
               "trial only: share of intervention participants with no Care Partner contact"});
  for (std::size_t k = 0; k < kEquityMetricCount; ++k) {
    for (std::size_t g = 0; g < kGroupCount; ++g) {
      m.push_back({kBreakdowns[k].metric + group_suffix(g), kBreakdowns[k].unit,
                   kBreakdowns[k].description});
    }
  }
  return m;
}

}  // namespace cmhsim::model::pathway
