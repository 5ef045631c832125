// The pathway model's output tables (names, units, definitions) and their index constants.
// Knows nothing of events, people or files: only what each output is called and means.
#pragma once

#include <cstddef>
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
  kMCostPerPersonYear,
  kMTrialQolDifference,
  kMTrialQolDifferenceLo,
  kMTrialQolDifferenceHi,
  kMTrialContactsMean,
  kMTrialNoContactShare,
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
inline constexpr std::size_t kMetricCount =
    static_cast<std::size_t>(kEquityFirst) + std::size_t{kEquityMetricCount} * kGroupCount;

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

/// Builds the metric table in Metric order.
std::vector<OutputInfo> build_metric_infos();
/// Builds the series table in Series order.
std::vector<OutputInfo> build_series_infos();

}  // namespace cmhsim::model::pathway
