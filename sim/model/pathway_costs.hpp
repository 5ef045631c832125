// The one cost computation of the pathway model: the nine cost categories of a period (a month or
// the whole observed period) from its activity and the unit costs. Knows nothing of events.
#pragma once

#include <array>

#include "model/pathway_config.hpp"
#include "model/pathway_outputs.hpp"

namespace cmhsim::model::pathway {

/// Holds the activity of one period that costs are charged on: counts and time integrals (days).
struct CostActivity {
  double gp_consultations = 0.0;
  double physical_checks = 0.0;
  double care_partner_fte_days = 0.0;  ///< Time integral of the FTE of filled Care Partner posts.
  double supervisor_fte_days = 0.0;    ///< Time integral of the FTE of filled supervisor posts.
  double cmht_contacts = 0.0;
  double crisis_days = 0.0;
  double bed_days = 0.0;
  double out_of_area_bed_days = 0.0;
  double outpatient_appointments = 0.0;
  double vcse_place_days = 0.0;
};

/// Returns the costs of activity `a` by category, in CostKind order.
std::array<double, kCostKindCount> costs_by_kind(const CostActivity& a,
                                                 const PathwayConfig& config);

/// Returns the sum of `costs`, added in CostKind order.
double total_cost(const std::array<double, kCostKindCount>& costs);

}  // namespace cmhsim::model::pathway
