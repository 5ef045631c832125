// The one cost computation of the pathway model: unit costs times activity, by category.
// Knows nothing of events or people.
#include "model/pathway_costs.hpp"

#include "model/person.hpp"

namespace cmhsim::model::pathway {

std::array<double, kCostKindCount> costs_by_kind(const CostActivity& a,
                                                 const PathwayConfig& config) {
  const CostConfig& c = config.costs;
  std::array<double, kCostKindCount> v{};
  v[kCostPrimaryCare] =
      a.gp_consultations * c.gp_consultation + a.physical_checks * c.physical_health_check;
  v[kCostCarePartners] = a.care_partner_fte_days / kYearDays * c.care_partner_fte_year;
  v[kCostSupervision] = a.supervisor_fte_days / kYearDays * c.supervisor_fte_year;
  v[kCostCmht] = a.cmht_contacts * c.cmht_contact;
  v[kCostCrisis] = a.crisis_days * c.crisis_team_day;
  v[kCostInpatient] = a.bed_days * c.inpatient_bed_day;
  v[kCostOutOfArea] = a.out_of_area_bed_days * c.out_of_area_bed_day;
  v[kCostOutpatients] = a.outpatient_appointments * c.outpatient_appointment;
  v[kCostVcse] = a.vcse_place_days * c.vcse_place_day;
  return v;
}

double total_cost(const std::array<double, kCostKindCount>& costs) {
  double total = 0.0;
  for (const double x : costs) total += x;
  return total;
}

}  // namespace cmhsim::model::pathway
