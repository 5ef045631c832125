// The pathway model's outputs: index constants, and the one definition of every series and metric
// (index, name, unit, definition) with a compile-time check that each sits at its index.
// Knows nothing of events, people or files: only what each output is called and means.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/pathway_types.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::model::pathway {

/// Indexes the monthly series; the first kSettingCount are people by setting in Setting order.
enum Series : std::size_t {
  kPeopleBySetting = 0,
  kPeopleInGap = kSettingCount,
  kWaitingCmht,
  kWaitingCarePartner,
  kWaitingVcse,
  kCmhtCaseload,
  kCarePartnerCaseload,
  kCrises,
  kCrisisEpisodes,
  kAdmissions,
  kOutOfAreaPlacements,
  kBedDays,
  kOutOfAreaBedDays,
  kBedOccupancy,
  kDeaths,
  kMeanQol,
  kCarePartnersInPost,
  kCarePartnerVacancies,
  kSupervisionCoverage,
  // Supervision and leaving.
  kSupervisionHoursPerCarePartner,
  kSupervisorVacancies,
  kCarePartnerLeavers,
  kCmhtCoordinatorsInPost,
  kCostFirst,  ///< Costs by CostKind follow in CostKind order.
};

/// Names the cost categories of the monthly cost series.
enum CostKind : std::size_t {
  kCostPrimaryCare,
  kCostCarePartners,
  kCostSupervision,
  kCostCmht,
  kCostCrisis,
  kCostInpatient,
  kCostOutOfArea,
  kCostOutpatients,
  kCostVcse,
  kCostKindCount,
};

inline constexpr std::size_t kSeriesCount =
    static_cast<std::size_t>(kCostFirst) + static_cast<std::size_t>(kCostKindCount);

/// Returns the series index of the people in setting `s`.
constexpr std::size_t setting_series(Setting s) {
  return static_cast<std::size_t>(kPeopleBySetting) + static_cast<std::size_t>(s);
}
/// Returns the series index of cost category `k`.
constexpr std::size_t cost_series(CostKind k) {
  return static_cast<std::size_t>(kCostFirst) + static_cast<std::size_t>(k);
}

/// Indexes the end-of-run metrics; the equity breakdowns follow kEquityFirst.
enum Metric : std::size_t {
  kMPeopleInGap,
  kMCrisesPer1000,
  kMAdmissionsPer1000,
  kMBedOccupancy,
  kMOutOfAreaPerYear,
  kMReadmission12m,
  kMPrimaryCareOnlyShare,
  kMSecondaryTwoOrFewerShare,
  kMCmhtMeanWait,
  kMPhysicalCheckCoverage,
  kMCarePartnerContactsPerPerson,
  kMCarePartnerNoContactShare,
  kMCarePartnersInPost,
  kMSupervisionCoverage,
  kMMeanQol,
  kMMortalityRatioUnder75,
  kMDeathsPer1000,
  kMDeathsPer1000ByCause,  ///< Deaths by mortality::Cause follow in Cause order.
  kMLifeYearsLost = kMDeathsPer1000ByCause + 4,
  kMLifeYearsLostMen,
  kMLifeYearsLostWomen,
  kMCostPerPersonYear,
  kMTrialQolDifference,
  kMTrialQolDifferenceLo,
  kMTrialQolDifferenceHi,
  kMTrialContactsMean,
  kMTrialNoContactShare,
  kMTrialQolChangeIntervention,
  kMTrialQolChangeControl,
  kMTrialCrisesIntervention,
  kMTrialCrisesControl,
  // Care Partner access.
  kMCarePartnerMeanWait,
  kMCarePartnerWaitingList,
  kMCarePartnerVacancyRate,
  kMCarePartnerLeaversPerYear,
  kMCarePartnerReachedPerYear,
  // Acute capacity.
  kMBedOccupancyIncludingLeave,
  kMRepatriationsPerYear,
  kMBedWaitsPerYear,
  kMDelayedDischargeShare,
  kMDelayedDischargeMeanDays,
  // Step-down cohort.
  kMStepDownPrimaryCareOnly3y,
  kMStepDownReturnedSecondary3y,
  kMStepDownCohortSize,
  // CMHT access and staffing.
  kMCmhtReferralToSecondContactDays,
  kMCmhtSeenWithin4WeeksShare,
  kMCmhtVacancyRate,
  kEquityFirst,
};

/// Names the metrics broken down by group, in breakdown order.
enum EquityMetric : std::size_t {
  kEqCrises,
  kEqMeanQol,
  kEqCarePartnerContacts,
  kEqPrimaryCareOnly,
  kEquityMetricCount,
};

/// Counts the groups of one equity breakdown: network types, then ethnicities, then diagnoses.
inline constexpr std::size_t kGroupCount = kNetworkTypeCount + kEthnicityCount + kDiagnosisCount;
/// Indexes the health-economic metrics, appended after the equity breakdowns.
enum EconomicMetric : std::size_t {
  kMQalysPerPerson =
      static_cast<std::size_t>(kEquityFirst) + std::size_t{kEquityMetricCount} * kGroupCount,
  kMDiscountedCostPerPerson,
  kMPeopleObserved,
  kEconomicsEnd,
};
inline constexpr std::size_t kEconomicMetricCount = kEconomicsEnd - kMQalysPerPerson;
inline constexpr std::size_t kMetricCount = kEconomicsEnd;

/// Returns the group index of a network type within a breakdown.
constexpr std::size_t network_group(NetworkType n) { return static_cast<std::size_t>(n); }
/// Returns the group index of an ethnicity within a breakdown.
constexpr std::size_t ethnicity_group(Ethnicity e) {
  return kNetworkTypeCount + static_cast<std::size_t>(e);
}
/// Returns the group index of a diagnosis within a breakdown.
constexpr std::size_t diagnosis_group(Diagnosis d) {
  return kNetworkTypeCount + kEthnicityCount + static_cast<std::size_t>(d);
}
/// Returns the metric index of equity metric `m` for group `g`.
constexpr std::size_t equity_index(EquityMetric m, std::size_t g) {
  return kEquityFirst + static_cast<std::size_t>(m) * kGroupCount + g;
}

/// Defines one output: its index, machine name, unit, the definition stored with results, and
/// further detail for docs/outputs.md (empty when the definition says it all).
struct OutputDef {
  std::size_t index;
  std::string_view name;
  std::string_view unit;
  std::string_view description;
  std::string_view detail;
};

/// Returns the definitions of the monthly series in Series order.
std::span<const OutputDef> series_defs();
/// Returns the definitions of the headline metrics in Metric order (up to kEquityFirst).
std::span<const OutputDef> headline_defs();
/// Returns the definitions of the metrics broken down by group, in EquityMetric order.
std::span<const OutputDef> breakdown_defs();
/// Returns the definitions of the health-economic metrics in EconomicMetric order.
std::span<const OutputDef> economic_defs();
/// Returns the suffix naming group `g` of a breakdown, e.g. ".by_network.formal_sparse".
std::string group_suffix(std::size_t g);

/// Builds the metric table in Metric order.
std::vector<OutputInfo> build_metric_infos();
/// Builds the series table in Series order.
std::vector<OutputInfo> build_series_infos();

/// Holds one generated part of docs/outputs.md: its marker name and its Markdown text.
struct OutputDocPart {
  std::string name;
  std::string markdown;
};

/// Returns the generated parts of docs/outputs.md (series, metrics, breakdowns) in doc order.
std::vector<OutputDocPart> render_output_doc_parts();
/// Returns every generated part of docs/outputs.md between its BEGIN and END markers.
std::string render_outputs_markdown();

}  // namespace cmhsim::model::pathway
