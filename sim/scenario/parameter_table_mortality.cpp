// The table entries of the pathway scenario's `mortality` section: general-population hazards,
// the excess of people with SMI by cause and age, and what physical health care and crisis
// aftercare change. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

constexpr std::string_view kLifeTableFit =
    "Gompertz fitted (with the external-cause rates below) to period life expectancy at 65 and "
    "85 in England and Wales 2010-2012, men 18.3 and 5.8 years, women 20.9 and 6.8 (ONS interim "
    "life tables 2010-2012); gives 64.9 and 69.1 years at 15";
constexpr std::string_view kSuicideOns =
    "ONS, Suicides in England and Wales: 2019 registrations (men 16.9, women 5.3 per 100,000)";
constexpr std::string_view kOtherExternal =
    "assumption (accidents, poisoning and other injuries; not checked against ONS)";
constexpr std::string_view kNaturalExcess =
    "assumption (guided by Nordentoft et al. 2013, PLoS ONE 8:e55176: natural-cause mortality "
    "two- to three-fold after recent onset; relative excess largest at young ages, Gissler et "
    "al. 2013, BMC Public Health 13:834; not checked by age band)";
constexpr Bounds kLogA{-50, false, 0, false};
constexpr Bounds kSlope{0, true, 1, false};
constexpr Bounds kPer100k{0, false, 100000, false};

}  // namespace

void add_mortality(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("mortality", false, "the defaults of its keys",
              "Death by cause (cardiovascular, other natural, suicide, other external): the "
              "general population's hazards by age and sex, the excess of people with SMI, and "
              "what physical health checks and crisis care change."),
      categories(CMHSIM_NAMED_FIELD(mortality.gompertz_log_a, model::kSexNames), "",
                 "Natural log of the general population's natural-cause death hazard at age 0 "
                 "(Gompertz exp(log_a + b × age)), by sex."),
      number("mortality.gompertz_log_a.male", "ln(per year)", "-11.73", kLogA, {-12.2, -11.3},
             "Natural log of men's natural-cause hazard at age 0.", kLifeTableFit),
      number("mortality.gompertz_log_a.female", "ln(per year)", "-12.94", kLogA, {-13.4, -12.5},
             "Natural log of women's natural-cause hazard at age 0.", kLifeTableFit),
      categories(CMHSIM_NAMED_FIELD(mortality.gompertz_b, model::kSexNames), "",
                 "Gompertz slope of the general population's natural-cause hazard, by sex."),
      number("mortality.gompertz_b.male", "per year of age", "0.1108", kSlope, {0.105, 0.116},
             "Growth of men's log natural-cause hazard per year of age.", kLifeTableFit),
      number("mortality.gompertz_b.female", "per year of age", "0.1214", kSlope, {0.115, 0.127},
             "Growth of women's log natural-cause hazard per year of age.", kLifeTableFit),
      categories(CMHSIM_NAMED_FIELD(mortality.suicide_per_100k, model::kSexNames), "",
                 "General-population suicide rate, by sex (the same at every adult age)."),
      number("mortality.suicide_per_100k.male", "per 100,000 person-years", "16.9", kPer100k,
             {14, 19}, "Men's suicide rate.", kSuicideOns),
      number("mortality.suicide_per_100k.female", "per 100,000 person-years", "5.3", kPer100k,
             {4, 7}, "Women's suicide rate.", kSuicideOns),
      categories(CMHSIM_NAMED_FIELD(mortality.other_external_per_100k, model::kSexNames), "",
                 "General-population death rate from external causes other than suicide, by "
                 "sex (the same at every adult age)."),
      number("mortality.other_external_per_100k.male", "per 100,000 person-years", "25", kPer100k,
             {15, 40}, "Men's other external-cause death rate.", kOtherExternal),
      number("mortality.other_external_per_100k.female", "per 100,000 person-years", "10", kPer100k,
             {5, 20}, "Women's other external-cause death rate.", kOtherExternal),
      number(CMHSIM_FIELD(mortality.cardiovascular_share), "fraction", "0.25", kUnitInterval,
             {0.2, 0.3},
             "Share of the natural-cause hazard that is cardiovascular (circulatory), at every "
             "age and in both populations before the excess.",
             "assumption (guided by ONS death registrations: circulatory diseases about a "
             "quarter of deaths in England and Wales; not checked)"),
      categories(CMHSIM_NAMED_FIELD(mortality.cardiovascular_ratio, model::kExcessAgeBandNames), "",
                 "Cardiovascular mortality of people with schizophrenia over the general "
                 "population's at the same age and sex, by age band (under 45, 45-64, 65+)."),
      number("mortality.cardiovascular_ratio.under_45", "ratio", "3.5", kMultiplier, {2, 5},
             "Cardiovascular mortality ratio under age 45.", kNaturalExcess),
      number("mortality.cardiovascular_ratio.from_45_to_64", "ratio", "2.8", kMultiplier,
             {1.8, 3.5}, "Cardiovascular mortality ratio at ages 45-64.", kNaturalExcess),
      number("mortality.cardiovascular_ratio.from_65", "ratio", "1.9", kMultiplier, {1.3, 2.5},
             "Cardiovascular mortality ratio from age 65.", kNaturalExcess),
      categories(CMHSIM_NAMED_FIELD(mortality.other_natural_ratio, model::kExcessAgeBandNames), "",
                 "Mortality from other natural causes (cancer, respiratory, other disease) "
                 "of people with schizophrenia over the general population's, by age band."),
      number("mortality.other_natural_ratio.under_45", "ratio", "3", kMultiplier, {2, 4.5},
             "Other natural-cause mortality ratio under age 45.", kNaturalExcess),
      number("mortality.other_natural_ratio.from_45_to_64", "ratio", "2.5", kMultiplier, {1.7, 3.2},
             "Other natural-cause mortality ratio at ages 45-64.", kNaturalExcess),
      number("mortality.other_natural_ratio.from_65", "ratio", "1.8", kMultiplier, {1.3, 2.3},
             "Other natural-cause mortality ratio from age 65.", kNaturalExcess),
      categories(
          CMHSIM_NAMED_FIELD(mortality.natural_excess_by_diagnosis, model::kDiagnosisNames), "",
          "Multiplier on the natural-cause excess (ratio − 1) by diagnosis, schizophrenia 1."),
      number("mortality.natural_excess_by_diagnosis.schizophrenia", "multiplier", "1", kNonNegative,
             {0.8, 1.2}, "Natural-cause excess multiplier with schizophrenia.",
             "n/a (reference diagnosis)"),
      number("mortality.natural_excess_by_diagnosis.bipolar", "multiplier", "0.73", kNonNegative,
             {0.55, 0.9}, "Natural-cause excess multiplier with bipolar disorder.",
             "(1.79 − 1) / (2.08 − 1) from the all-cause hazard ratios of Hayes et al. 2017, Br J "
             "Psychiatry 211:175"),
      number("mortality.natural_excess_by_diagnosis.other_psychosis", "multiplier", "0.83",
             kNonNegative, {0.6, 1}, "Natural-cause excess multiplier with another psychosis.",
             "assumption (between bipolar disorder and schizophrenia, Hayes et al. 2017)"),
      number(CMHSIM_FIELD(mortality.suicide_ratio), "ratio", "12.86", kMultiplier, {8, 20},
             "Suicide rate of people with SMI over the general population's, outside crises.",
             "Saha et al. 2007, Arch Gen Psychiatry 64:1123 (schizophrenia, suicide SMR 12.86)"),
      number(CMHSIM_FIELD(mortality.other_external_ratio), "ratio", "4", kMultiplier, {2, 8},
             "Mortality ratio from external causes other than suicide.",
             "assumption (guided by Nordentoft et al. 2013: external causes three- to 77-fold "
             "across diagnoses)"),
      number(CMHSIM_FIELD(mortality.crisis_suicide_per_100k), "per 100,000 person-years", "1100",
             kPer100k, {500, 2100},
             "Suicide rate from the start of a crisis until post_crisis_days after the crisis, "
             "crisis episode or admission ends (when above the rate outside crises).",
             "Chung et al. 2017, JAMA Psychiatry 74:694 (about 100 times the global rate of about "
             "11 per 100,000 in the first 3 months after discharge; 2,060 in the first month, "
             "Chung et al. 2019, BMJ Open 9:e023883); the same rate during crisis care is an "
             "assumption"),
      number(CMHSIM_FIELD(mortality.post_crisis_days), "days", "91", kDaysZero, {30, 182},
             "Days the raised suicide rate lasts after a crisis ends.",
             "Chung et al. 2017 (the first 3 months after discharge)"),
      number(CMHSIM_FIELD(mortality.check_detection_probability), "probability", "0.5",
             kUnitInterval, {0.3, 0.7},
             "Chance that a physical health check of a person not yet treated finds treatable "
             "vascular risk (raised blood pressure, cholesterol or glucose, smoking).",
             kAssumption),
      number(CMHSIM_FIELD(mortality.treatment_uptake), "probability", "0.5", kUnitInterval,
             {0.3, 0.8}, "Chance that detected vascular risk is treated.",
             "assumption (\"don't just screen, intervene\": follow-up after checks is often "
             "missing)"),
      number(CMHSIM_FIELD(mortality.treatment_hazard_ratio), "ratio", "0.81", kMultiplier,
             {0.7, 0.93},
             "Cardiovascular hazard ratio while treated; treatment lasts while yearly checks "
             "continue and stops at a missed check.",
             "CTT Collaboration 2005, Lancet 366:1267 (coronary mortality 0.81 per 1 mmol/L LDL "
             "cholesterol reduction; 0.93 for other vascular deaths)"),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
