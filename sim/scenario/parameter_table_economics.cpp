// The table entries of the pathway scenario's `economics` section: discount rates and utilities
// by state for QALYs and discounted costs. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

constexpr Bounds kRateOfDiscount{0.0, false, 1.0, true};
/// Bounds utilities: EQ-5D-3L UK values run from -0.594 to 1.
constexpr Bounds kUtility{-0.594, false, 1.0, false};
constexpr std::string_view kNiceDiscount =
    "NICE Guide to the methods of technology appraisal, section 5.6.2 (2008, clarified 2011): "
    "3.5% a year for both costs and health effects";
// Citations shared by several sources below, as macros so that sources stay string literals.
#define CMHSIM_BRIGGS                                                                         \
  "Briggs et al. 2008, Health Qual Life Outcomes 6:105 (time trade-off by 49 people with "    \
  "stable schizophrenia: stable 0.92, relapse 0.60; laypersons 0.87 and 0.48); a time "       \
  "trade-off value, not an EQ-5D value: none of the seven studies of utilities for "          \
  "schizophrenia's health states reviewed for NICE's guideline used the EQ-5D (Mavranezouli " \
  "2010, PharmacoEconomics 28(12):1109-21)"
#define CMHSIM_UTILITY_REVIEW                                                                   \
  "; range from 'Systematic review of utility values used in the pharmacoeconomic evaluations " \
  "for schizophrenia' (35 cost-utility analyses, 11 elicitation studies): stable 0.650-0.919, " \
  "relapse not requiring hospitalisation 0.460-0.762, requiring hospitalisation 0.270-0.604"

}  // namespace

void add_economics(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("economics", false, "the defaults of its keys",
              "Discount rates and utilities for the health-economic metrics (QALYs and "
              "discounted costs per person, docs/outputs.md#cost-effectiveness)."),
      number(CMHSIM_FIELD(economics.discount_rate_costs), "per year", "0.035", kRateOfDiscount,
             {0, 0.06}, "Discount rate of costs, from the end of warm-up.", kNiceDiscount),
      number(CMHSIM_FIELD(economics.discount_rate_qalys), "per year", "0.035", kRateOfDiscount,
             {0, 0.06}, "Discount rate of QALYs, from the end of warm-up.", kNiceDiscount),
      number(CMHSIM_FIELD(economics.utility_stable), "utility", "0.92", kUtility, {0.65, 0.92},
             "Utility of a year lived stable, outside a bed.", CMHSIM_BRIGGS CMHSIM_UTILITY_REVIEW),
      number(CMHSIM_FIELD(economics.utility_struggling), "utility", "0.76", kUtility, {0.60, 0.90},
             "Utility of a year lived struggling (deteriorating, at risk of relapse), outside a "
             "bed.",
             "assumption (midway between Briggs et al. 2008's stable 0.92 and relapse 0.60)"),
      number(CMHSIM_FIELD(economics.utility_crisis), "utility", "0.60", kUtility, {0.46, 0.76},
             "Utility of a year lived in crisis, outside a bed.",
             CMHSIM_BRIGGS CMHSIM_UTILITY_REVIEW " (not requiring hospitalisation)"),
      number(CMHSIM_FIELD(economics.utility_inpatient), "utility", "0.60", kUtility, {0.27, 0.60},
             "Utility of a year lived in an acute bed, whatever the state.",
             "assumption (Briggs et al. 2008's relapse 0.60, which did not separate relapses in "
             "and out of hospital)" CMHSIM_UTILITY_REVIEW " (requiring hospitalisation)"),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

#undef CMHSIM_BRIGGS
#undef CMHSIM_UTILITY_REVIEW

}  // namespace cmhsim::scenario::table
