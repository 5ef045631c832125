// The table entries of the pathway scenario's `population` section: the SMI register at day 0
// and its inflow and outflow. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

constexpr std::string_view kShareNote = "values sum to 1 (within 1e-6)";
constexpr std::string_view kNetworkTypes =
    "assumption (three network types from 150 interviews, Pinfold et al. 2015, HS&DR 3(5), and "
    "Sweet et al. 2018, Br J Psychiatry 212(5):308-17; the share in each type was not checked)";
constexpr std::string_view kNetworkEngagement =
    "assumption (formal, sparse networks go with isolation and reliance on services, diverse, "
    "active ones with social connection: Sweet et al. 2018; no engagement rates published)";
constexpr std::string_view kEthnicity =
    "assumption (ONS 5-group classification; Census 2021, England and Wales: 81.7% White, 9.3% "
    "Asian, 4.0% Black, 2.9% Mixed, 2.1% Other)";
constexpr std::string_view kSecondaryShare =
    "assumption: the shares the ICS baseline settles to at the defaults (CMHT 0.36, outpatients "
    "0.35 of the register, measured over years 10-40 of a 60-year run), so that a run starts "
    "close to its stationary state; 29% then start in primary care only, close to the 31.1% "
    "(95% CI 27.2-35.3) seen only in primary care in 2008-09 (Reilly et al. 2012, PLoS ONE "
    "7(5):e36468)";

}  // namespace

void add_population(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      defining_people(section(
          "population", true, "",
          "The people on the place's SMI register at day 0 and how the register changes. Its "
          "presence makes the file a pathway scenario.")),
      mandatory(integer(
          CMHSIM_FIELD(population.register_size), "people", "", kPeople, {5000, 30000},
          "People on the practices' SMI registers at day 0; about 1% of the registered "
          "population, so about 15,000 for an ICS of 1.5 million.",
          "Plappert et al. 2024, NIHR PGfAR (QOF SMI registers 0.8% in 2011-12, about 1% since; "
          "issue 12(6) not checked); RCPsych 2023 (535,204 in England; not checked)")),
      integer(CMHSIM_FIELD(population.practices), "practices", "200", kPractices, {100, 300},
              "GP practices in the place.", "assumption (an ICS of about 1.5 million)"),
      noted(integer(CMHSIM_FIELD(population.pcns), "PCNs", "30", kPractices, {20, 50},
                    "Primary Care Networks in the place; no more than `practices`.",
                    "Centre for Mental Health (PCNs of 30,000-50,000 people, England 2019; not "
                    "checked)"),
            "and <= practices"),
      number(CMHSIM_FIELD(population.adults_16_65), "people", "1000000", {0, true, 50000000, false},
             {300000, 2000000},
             "Adults aged 16-65 living in the place, the population at risk of a new diagnosis.",
             "assumption (two thirds of 1.5 million; the 42 ICSs cover about 0.5-3 million "
             "people each, King's Fund 2022, Integrated care systems explained)"),
      number(CMHSIM_FIELD(population.incidence_per_100k_per_year), "per 100,000 adults per year",
             "46.4", {0, false, 100000, false}, {30, 65},
             "New SMI diagnoses (schizophrenia, bipolar disorder, other psychoses) per 100,000 "
             "adults aged 16-65 a year.",
             "Hardoon et al. 2013, PLoS ONE 8(12):e82365 (46.4 first SMI diagnoses per 100,000 "
             "person-years at ages 16-65, 95% CI 45.4-47.4; UK primary care 2000-10)"),
      number(CMHSIM_FIELD(population.in_migration_per_year), "people per year", "300", kPeopleZero,
             {100, 600},
             "People already on an SMI register who move into the place, per year; used only "
             "when `stationary_register` is 0.",
             kAssumption),
      number(CMHSIM_FIELD(population.out_migration_rate_per_year), "per person-year", "0.03",
             kRateZero, {0.01, 0.06}, "Hazard of moving away from the place.", kAssumption),
      integer(CMHSIM_FIELD(population.stationary_register), "flag", "1", {0, false, 1, false},
              {0, 1},
              "1 if the register is held at its size and age mix: people on it at day 0 and "
              "people moving in take the stationary ages that new diagnoses (at the incident "
              "ages), deaths (the mortality section's hazards of someone stable, untreated and "
              "not in crisis) and moves away imply, and in-migration is set to moves away + "
              "deaths - new diagnoses at `register_size` (0 if negative); 0 to use `age_*` and "
              "`in_migration_per_year` instead.",
              "assumption (a register neither growing nor shrinking, so that results do not "
              "depend on the horizon; QOF registers in fact grew from 0.8% to about 1% of "
              "patients between 2011-12 and the 2020s, Plappert et al. 2024)"),
      number(CMHSIM_FIELD(population.age_mean), "years", "48", {0, false, 120, false}, {42, 54},
             "Mean of the normal distribution of age at day 0, before truncation (used when "
             "`stationary_register` is 0; trial participants always).",
             kAssumption),
      number(CMHSIM_FIELD(population.age_sd), "years", "15", kAgeSd, {10, 18},
             "Standard deviation of age at day 0, before truncation (used as `age_mean` is).",
             kAssumption),
      noted(number(CMHSIM_FIELD(population.age_min), "years", "18", {0, false, 120, false},
                   {16, 18}, "Youngest age at day 0 (the truncation's lower end); below `age_max`.",
                   kAssumption),
            "and < age_max"),
      number(CMHSIM_FIELD(population.age_max), "years", "95", {0, false, 120, false}, {85, 100},
             "Oldest age at day 0 (the truncation's upper end).", kAssumption),
      number(CMHSIM_FIELD(population.incident_age_mean), "years", "30", {16, false, 65, false},
             {25, 35}, "Mean age at a new diagnosis.",
             "assumption (diagnoses counted at ages 16-65, Hardoon et al. 2013)"),
      number(CMHSIM_FIELD(population.incident_age_sd), "years", "10", kAgeSd, {7, 13},
             "Standard deviation of age at a new diagnosis.", kAssumption),
      number(CMHSIM_FIELD(population.male_share), "fraction", "0.55", kUnitInterval, {0.45, 0.6},
             "Fraction of people who are male.", kAssumption),
      categories(CMHSIM_NAMED_FIELD(population.ethnicity_shares, model::kEthnicityNames),
                 kShareNote, "Fraction of people in each ethnicity group."),
      number("population.ethnicity_shares.white", "fraction", "0.8", kUnitInterval, {0.6, 0.95},
             "Fraction White.", kEthnicity),
      number("population.ethnicity_shares.black", "fraction", "0.07", kUnitInterval, {0.02, 0.15},
             "Fraction Black, Black British, Caribbean or African.", kEthnicity),
      number("population.ethnicity_shares.asian", "fraction", "0.08", kUnitInterval, {0.03, 0.2},
             "Fraction Asian or Asian British.", kEthnicity),
      number("population.ethnicity_shares.mixed", "fraction", "0.03", kUnitInterval, {0.01, 0.06},
             "Fraction of mixed or multiple ethnic groups.", kEthnicity),
      number("population.ethnicity_shares.other", "fraction", "0.02", kUnitInterval, {0.01, 0.05},
             "Fraction of other ethnic groups.", kEthnicity),
      categories(CMHSIM_NAMED_FIELD(population.diagnosis_shares, model::kDiagnosisNames),
                 kShareNote, "Fraction of people with each primary diagnosis."),
      number("population.diagnosis_shares.schizophrenia", "fraction", "0.45", kUnitInterval,
             {0.35, 0.55}, "Fraction with schizophrenia.",
             "assumption (the register's split was not found; new diagnoses split 9.2 : 15.0 : "
             "22.3 per 100,000, Hardoon et al. 2013)"),
      number("population.diagnosis_shares.bipolar", "fraction", "0.35", kUnitInterval, {0.25, 0.45},
             "Fraction with bipolar disorder.", kAssumption),
      number("population.diagnosis_shares.other_psychosis", "fraction", "0.2", kUnitInterval,
             {0.1, 0.3}, "Fraction with another psychosis.", kAssumption),
      categories(CMHSIM_NAMED_FIELD(population.network_shares, model::kNetworkTypeNames),
                 kShareNote, "Fraction of people with each personal network type."),
      number("population.network_shares.diverse_active", "fraction", "0.3", kUnitInterval,
             {0.15, 0.45}, "Fraction with a diverse and active network.", kNetworkTypes),
      number("population.network_shares.family_stable", "fraction", "0.35", kUnitInterval,
             {0.2, 0.5}, "Fraction with a family-based and stable network.", kNetworkTypes),
      number("population.network_shares.formal_sparse", "fraction", "0.35", kUnitInterval,
             {0.2, 0.5}, "Fraction with a formal and sparse network.", kNetworkTypes),
      categories(CMHSIM_NAMED_FIELD(population.lives_alone_by_network, model::kNetworkTypeNames),
                 "", "Fraction living alone, by personal network type."),
      number("population.lives_alone_by_network.diverse_active", "fraction", "0.25", kUnitInterval,
             {0.15, 0.4}, "Fraction living alone with a diverse, active network.",
             "assumption (living alone goes with network type, Sweet et al. 2018; not checked)"),
      number("population.lives_alone_by_network.family_stable", "fraction", "0.15", kUnitInterval,
             {0.05, 0.3}, "Fraction living alone with a family, stable network.",
             "assumption (living alone goes with network type, Sweet et al. 2018; not checked)"),
      number("population.lives_alone_by_network.formal_sparse", "fraction", "0.55", kUnitInterval,
             {0.4, 0.7}, "Fraction living alone with a formal, sparse network.",
             "assumption (living alone goes with network type, Sweet et al. 2018; not checked)"),
      categories(
          CMHSIM_NAMED_FIELD(population.insecure_housing_by_network, model::kNetworkTypeNames), "",
          "Fraction in insecure housing (homeless, temporary or supported), by personal "
          "network type."),
      number("population.insecure_housing_by_network.diverse_active", "fraction", "0.1",
             kUnitInterval, {0.03, 0.2},
             "Fraction in insecure housing with a diverse, active network.",
             "assumption (network types go with housing status, Sweet et al. 2018; not checked)"),
      number("population.insecure_housing_by_network.family_stable", "fraction", "0.08",
             kUnitInterval, {0.02, 0.15},
             "Fraction in insecure housing with a family, stable network.",
             "assumption (network types go with housing status, Sweet et al. 2018; not checked)"),
      number("population.insecure_housing_by_network.formal_sparse", "fraction", "0.25",
             kUnitInterval, {0.1, 0.4},
             "Fraction in insecure housing with a formal, sparse network.",
             "assumption (network types go with housing status, Sweet et al. 2018; not checked)"),
      categories(CMHSIM_NAMED_FIELD(population.long_term_sick_by_network, model::kNetworkTypeNames),
                 "", "Fraction with long-term sickness or disability, by personal network type."),
      number("population.long_term_sick_by_network.diverse_active", "fraction", "0.3",
             kUnitInterval, {0.15, 0.45},
             "Fraction with long-term sickness or disability with a diverse, active network.",
             "assumption (network types go with long-term sickness or disability, Sweet et al. "
             "2018; not checked)"),
      number("population.long_term_sick_by_network.family_stable", "fraction", "0.4", kUnitInterval,
             {0.25, 0.55},
             "Fraction with long-term sickness or disability with a family, stable network.",
             "assumption (network types go with long-term sickness or disability, Sweet et al. "
             "2018; not checked)"),
      number("population.long_term_sick_by_network.formal_sparse", "fraction", "0.6", kUnitInterval,
             {0.45, 0.75},
             "Fraction with long-term sickness or disability with a formal, sparse network.",
             "assumption (network types go with long-term sickness or disability, Sweet et al. "
             "2018; not checked)"),
      number(CMHSIM_FIELD(population.engagement_mean), "probability", "0.7", kUnitInterval,
             {0.5, 0.85}, "Mean probability that a person takes up an offered contact.",
             kAssumption),
      categories(
          CMHSIM_NAMED_FIELD(population.engagement_ratio_by_network, model::kNetworkTypeNames), "",
          "Multiplier on engagement_mean by personal network type."),
      number("population.engagement_ratio_by_network.diverse_active", "ratio", "1.1",
             {0, true, 1.4, false}, {1.0, 1.25},
             "Multiplier on engagement_mean with a diverse, active network.", kNetworkEngagement),
      number("population.engagement_ratio_by_network.family_stable", "ratio", "1",
             {0, true, 1.4, false}, {0.9, 1.1},
             "Multiplier on engagement_mean with a family-based, stable network.",
             kNetworkEngagement),
      number("population.engagement_ratio_by_network.formal_sparse", "ratio", "0.85",
             {0, true, 1.4, false}, {0.7, 1.0},
             "Multiplier on engagement_mean with a formal, sparse network.", kNetworkEngagement),
      noted(number(CMHSIM_FIELD(population.engagement_sd), "probability", "0.15",
                   {0, true, 0.5, false}, {0.05, 0.25},
                   "Between-person standard deviation of that probability (a beta distribution, so "
                   "below sqrt(mean × (1 − mean))).",
                   kAssumption),
            "and < sqrt(engagement_mean * (1 - engagement_mean))"),
      number(CMHSIM_FIELD(population.initial_cmht_share), "fraction", "0.36", kUnitInterval,
             {0.25, 0.45},
             "Fraction on a CMHT caseload at day 0 (any beyond the caseload slots wait).",
             kSecondaryShare),
      noted(number(
                CMHSIM_FIELD(population.initial_outpatients_share), "fraction", "0.35",
                kUnitInterval, {0.2, 0.4},
                "Fraction on psychiatric outpatient lists only at day 0; with `initial_cmht_share` "
                "at most 1, the rest start in primary care.",
                kSecondaryShare),
            "and <= 1 - initial_cmht_share"),
      number(CMHSIM_FIELD(population.initial_struggling_share), "fraction", "0.25", kUnitInterval,
             {0.1, 0.4}, "Fraction struggling at day 0; the rest are stable.", kAssumption),
      number(CMHSIM_FIELD(population.qol_initial_mean), "MANSA score (1-7)", "4.5",
             {1, false, 7, false}, {4, 5}, "Mean quality of life at day 0 on the MANSA scale.",
             "assumption (MANSA as in PARTNERS2, Byng et al. 2023; its 1-7 range not checked)"),
      number(CMHSIM_FIELD(population.qol_initial_sd), "MANSA score (1-7)", "0.9", kMansaSd,
             {0.6, 1.2}, "Between-person standard deviation of quality of life at day 0.",
             "assumption (PARTNERS2 MANSA changes over follow-up had SD 0.73 and 0.86 by arm, Byng "
             "et al. 2023; an SD of change, not of levels)"),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
