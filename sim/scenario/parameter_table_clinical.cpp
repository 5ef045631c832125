// The table entries of the pathway scenario's `clinical` section: state transitions, the effect
// of support and quality of life. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

constexpr std::string_view kRelapse =
    "assumption (to calibrate: relapse within a year 27% on maintenance antipsychotics in "
    "schizophrenia trials, Leucht et al. 2012, Lancet; not checked)";
constexpr std::string_view kNetworkEffect =
    "assumption (network types from Pinfold et al. 2015 and Sweet et al. 2018, which report "
    "well-being and social capital by type, not relapse or crisis)";
constexpr std::string_view kPartners2Qol =
    "assumption (PARTNERS2 MANSA change +0.25 vs +0.21, adjusted difference 0.03, 95% CI -0.25 "
    "to 0.31, Byng et al. 2023)";
constexpr Bounds kRatio = kMultiplier;

}  // namespace

void add_clinical(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("clinical", false, "the defaults of its keys",
              "Clinical dynamics (stable, struggling, crisis), the effect of support on them and "
              "quality of life."),
      number(CMHSIM_FIELD(clinical.stable_to_struggling_per_year), "per person-year", "0.56", kRate,
             {0.3, 1.0}, "Hazard of deterioration while stable, before hazard ratios.", kRelapse),
      number(CMHSIM_FIELD(clinical.struggling_to_crisis_per_year), "per person-year", "0.9", kRate,
             {0.5, 1.5}, "Hazard of a crisis while struggling, before hazard ratios.", kRelapse),
      number(CMHSIM_FIELD(clinical.struggling_to_stable_per_year), "per person-year", "4", kRate,
             {2, 6},
             "Hazard of recovery while struggling (mean 3 months), before the Care Partner "
             "effect.",
             kAssumption),
      categories(CMHSIM_NAMED_FIELD(clinical.network_hazard_ratio, model::kNetworkTypeNames), "",
                 "Hazard ratio on deterioration and crisis, by personal network type."),
      number("clinical.network_hazard_ratio.diverse_active", "ratio", "0.85", kRatio, {0.7, 1.0},
             "Hazard ratio with a diverse and active network.", kNetworkEffect),
      number("clinical.network_hazard_ratio.family_stable", "ratio", "0.95", kRatio, {0.8, 1.1},
             "Hazard ratio with a family-based and stable network.", kNetworkEffect),
      number("clinical.network_hazard_ratio.formal_sparse", "ratio", "1.2", kRatio, {1.0, 1.5},
             "Hazard ratio with a formal and sparse network.", kNetworkEffect),
      number(CMHSIM_FIELD(clinical.living_alone_hazard_ratio), "ratio", "1.15", kRatio, {1.0, 1.4},
             "Hazard ratio on deterioration for people living alone.", kAssumption),
      number(CMHSIM_FIELD(clinical.insecure_housing_hazard_ratio), "ratio", "1.2", kRatio,
             {1.0, 1.5}, "Hazard ratio on deterioration for people in insecure housing.",
             kAssumption),
      number(CMHSIM_FIELD(clinical.long_term_sick_hazard_ratio), "ratio", "1.1", kRatio, {1.0, 1.3},
             "Hazard ratio on deterioration for people with long-term sickness or disability.",
             kAssumption),
      number(CMHSIM_FIELD(clinical.care_partner_hazard_ratio), "ratio", "0.85", kRatio, {0.7, 1.0},
             "Hazard ratio on deterioration and crisis with a Care Partner at full coaching "
             "competence and rapport; the effect scales with competence x rapport, and rapport "
             "grows only with contacts taken with the same worker.",
             "assumption: PARTNERS2's 3 vs 4 acute crises (Byng et al. 2023) carry almost no "
             "information on it; the trial scenario is compatible with the whole range "
             "(docs/calibration.md)"),
      number(CMHSIM_FIELD(clinical.cmht_hazard_ratio), "ratio", "0.75", kRatio, {0.6, 0.95},
             "Hazard ratio on deterioration and crisis while on a CMHT caseload.", kAssumption),
      number(CMHSIM_FIELD(clinical.vcse_hazard_ratio), "ratio", "0.92", kRatio, {0.8, 1.0},
             "Hazard ratio on deterioration and crisis while connected to a VCSE offer.",
             kAssumption),
      number(CMHSIM_FIELD(clinical.care_partner_recovery_ratio), "ratio", "1.2", kRatio, {1.0, 1.5},
             "Multiplier on the recovery hazard with a Care Partner at full competence and "
             "rapport (scaled like care_partner_hazard_ratio).",
             kAssumption),
      number(CMHSIM_FIELD(clinical.qol_mean_reversion_per_year), "per year", "1.5", kRate, {0.5, 3},
             "Rate at which quality of life returns to its target (Ornstein-Uhlenbeck).",
             kAssumption),
      number(CMHSIM_FIELD(clinical.qol_noise_sd_per_sqrt_year), "MANSA points per √year", "0.8",
             kMansaPoints, {0.4, 1.2}, "Volatility of quality of life.", kAssumption),
      number(CMHSIM_FIELD(clinical.qol_target_base), "MANSA score (1-7)", "4.5",
             {1, false, 7, false}, {4, 5},
             "Quality-of-life target without support, goals or struggling.", kAssumption),
      number(CMHSIM_FIELD(clinical.qol_target_per_goal), "MANSA points", "0.08", kMansaPoints,
             {0.03, 0.15}, "Rise of the target per goal achieved, up to `qol_target_goal_cap`.",
             kPartners2Qol),
      number(CMHSIM_FIELD(clinical.qol_target_goal_cap), "MANSA points", "0.4", kMansaPoints,
             {0.2, 0.6}, "Largest total rise of the target from goals achieved.", kPartners2Qol),
      number(CMHSIM_FIELD(clinical.qol_goal_half_life_years), "years", "2", {0, true, 1e6, false},
             {0.5, 10},
             "Half-life of the rise of the target from goals achieved: it wanes at month ends "
             "(a very large value keeps it for life).",
             "assumption (no evidence on how long goal attainment lifts quality of life: "
             "PARTNERS2 followed participants for 10 months)"),
      number(CMHSIM_FIELD(clinical.qol_target_vcse), "MANSA points", "0.1", kMansaPoints, {0, 0.2},
             "Rise of the target while connected to a VCSE offer.", kAssumption),
      number(CMHSIM_FIELD(clinical.qol_crisis_drop), "MANSA points", "0.6", kMansaPoints,
             {0.3, 1.0}, "Immediate fall in quality of life at a crisis.", kAssumption),
      number(CMHSIM_FIELD(clinical.qol_struggling_target_drop), "MANSA points", "0.4", kMansaPoints,
             {0.2, 0.7}, "Fall of the target while struggling.", kAssumption),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
