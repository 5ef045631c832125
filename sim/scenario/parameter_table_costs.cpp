// The table entries of the pathway scenario's `costs` (unit costs) and `trial` (a cluster
// randomised trial inside the place) sections. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

// Citations shared by several sources below, as macros so that sources stay string literals.
#define CMHSIM_PSSRU_2025                                                                       \
  "Jones et al. 2026, Unit Costs of Health and Social Care 2025 Manual, PSSRU (Kent) and CHE "  \
  "(York), doi 10.22024/UniKent/01.02.115569, as extracted from the manual's tables in NICE's " \
  "COSTmos data (github.com/NICE-Data-and-Analytics/COSTmos, commit 6a11fa0)"
#define CMHSIM_NCC_2425                                                                    \
  "NHS England, National Cost Collection 2024/25, National Schedule (mental health care "  \
  "contacts, provider spells and pathology), as extracted in NICE's COSTmos data (commit " \
  "6a11fa0)"
constexpr std::string_view kByng =
    "Byng et al. 2023, Br J Psychiatry 222(6):246-56 (39 practices: 20 with 116 participants, "
    "19 with 82)";

}  // namespace

void add_costs_and_trial(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("costs", false, "the defaults of its keys",
              "Unit costs in pounds sterling, applied to contacts, days and posts."),
      number(CMHSIM_FIELD(costs.gp_consultation), "GBP per consultation", "40", kCost, {36, 48},
             "Cost of a GP consultation.",
             CMHSIM_PSSRU_2025
             ", Table 9.4.2 (unit costs for a GP): per surgery consultation lasting 10 minutes, "
             "GBP 40 excluding qualification costs and including direct care staff; GBP 36-48 "
             "across the four variants (with or without qualifications and direct care "
             "staff)"),
      number(CMHSIM_FIELD(costs.physical_health_check), "GBP per check", "53", kCost, {40, 75},
             "Cost of an annual physical health check.",
             "derived: 40 minutes of a Band 5 practice nurse (assumption; no national "
             "figure for the check's length) at GBP 50 per working hour (" CMHSIM_PSSRU_2025
             ", Table 9.2.1, excluding qualifications) times 1.3 for indirect time (PSSRU "
             "2015's 1:0.30 for practice nurses, as applied in COSTmos) = GBP 43.33, plus "
             "phlebotomy GBP 6.67 and two clinical biochemistry tests at GBP 1.55 (" CMHSIM_NCC_2425
             ", PATH08 and PATH04)"),
      number(CMHSIM_FIELD(costs.care_partner_fte_year), "GBP per FTE-year", "38000", kCost,
             {33000, 66000}, "Cost of a Care Partner post for a year, with on-costs.",
             "NHS Health Careers: Agenda for Change pay from April 2024, Band 4 GBP "
             "26,530-29,114, Band 5 GBP 29,970-36,483; on-costs assumption; without overheads "
             "and capital, which the high end adds: Band 4 at GBP 41 per working hour "
             "(" CMHSIM_PSSRU_2025 ", Table 9.2.1) times 1,600 working hours a year (assumption)"),
      number(CMHSIM_FIELD(costs.supervisor_fte_year), "GBP per FTE-year", "55000", kCost,
             {45000, 98000}, "Cost of a supervisor for a year, with on-costs.",
             "NHS Health Careers: Agenda for Change pay from April 2024, Band 6 GBP "
             "37,338-44,962; on-costs assumption; without overheads and capital, which the high "
             "end adds: Band 6 at GBP 61 per working hour (" CMHSIM_PSSRU_2025
             ", Table 9.2.1) times 1,600 working hours a year (assumption)"),
      number(CMHSIM_FIELD(costs.cmht_contact), "GBP per contact", "279", kCost, {258, 338},
             "Cost of a CMHT contact.",
             CMHSIM_NCC_2425
             ": A06 Community Mental Health Team - Functional, GBP 278.91 per care contact "
             "(7,950,920 contacts); the range spans A07 CMHT - Organic (GBP 258.36) to A08 "
             "Assertive Outreach (GBP 337.51)"),
      number(CMHSIM_FIELD(costs.crisis_team_day), "GBP per day", "357", kCost, {178, 428},
             "Cost of a day in a crisis episode.",
             CMHSIM_NCC_2425
             ": A02 Crisis Resolution Team/Home Treatment Service, GBP 356.83 per care "
             "contact, at one contact a day (assumption; the range is 0.5 to 1.2 contacts a "
             "day)"),
      number(CMHSIM_FIELD(costs.inpatient_bed_day), "GBP per bed-day", "719", kCost, {651, 1266},
             "Cost of an in-area acute bed-day.",
             CMHSIM_NCC_2425
             ": 200MHPS Acute Adult Mental Health Care, GBP 719.10 a day over 2,461,767 "
             "days (the extract does not label the unit; the activity is of bed-days' "
             "scale, not admissions'); the range runs from all mental health admitted care in "
             "2023/24 (GBP 651.29) to 202MHPS adult PICU (GBP 1,265.89)"),
      number(CMHSIM_FIELD(costs.out_of_area_bed_day), "GBP per bed-day", "719", kCost, {620, 1266},
             "Cost of an out-of-area bed-day.",
             "assumption: the in-area acute bed-day of the National Cost Collection 2024/25 "
             "(GBP 719.10), for want of a national figure; one trust's FOI response "
             "(Gloucestershire Health and Care, 470-2023) gives GBP 620 a day in 2021/22, the "
             "low end of the range, and adult PICU (GBP 1,265.89) the high end"),
      number(CMHSIM_FIELD(costs.outpatient_appointment), "GBP per appointment", "317", kCost,
             {254, 380}, "Cost of a psychiatric outpatient appointment.",
             CMHSIM_NCC_2425
             ": A10 General Psychiatry Service, GBP 317.02 per care contact (373,591 "
             "contacts); range A05 Primary Care Mental Health Service (GBP 254.26) to 1.2 "
             "times the A10 figure (assumption)"),
      number(CMHSIM_FIELD(costs.vcse_place_day), "GBP per place-day", "3", kCost, {1, 6},
             "Cost of a day of a VCSE connection.", kAssumption),
      // The trial's participants are the people simulated, so they must match when paired.
      defining_people(section(
          CMHSIM_PRESENCE("trial", trial.enabled), false, "none (a service scenario)",
          "A cluster randomised trial inside the place, like PARTNERS2. Giving the section "
          "enables the trial; the simulated people are then the participants only, followed "
          "from day 0 for `follow_up_days` without warm-up.")),
      noted(integer(CMHSIM_FIELD(trial.practices), "practices", "39", {2, false, 10000, false},
                    {20, 60}, "Practices randomised; at most `population.practices`.", kByng),
            "and <= population.practices"),
      noted(
          integer(CMHSIM_FIELD(trial.intervention_practices), "practices", "20", kPractices,
                  {10, 30}, "Practices given Care Partners; fewer than `trial.practices`.", kByng),
          "and < trial.practices"),
      integer(CMHSIM_FIELD(trial.participants_intervention), "people", "116", kPeople, {50, 200},
              "Participants registered at intervention practices.", kByng),
      integer(CMHSIM_FIELD(trial.participants_control), "people", "82", kPeople, {50, 200},
              "Participants registered at control practices.", kByng),
      number(CMHSIM_FIELD(trial.follow_up_days), "days", "304.375", kDays, {180, 365},
             "Days from baseline to outcome measurement (304.375 days is 10 months).",
             "Byng et al. 2023 (10-month follow-up, not checked: the abstract gives a 12-month "
             "intervention)"),
      number(CMHSIM_FIELD(trial.participant_hazard_ratio), "ratio", "0.35", kMultiplier, {0.2, 1},
             "Hazard ratio on deterioration and crisis for participants against the register: "
             "people recruited from primary care who consent to a trial are at lower risk.",
             "calibrated to the trial's crisis counts (docs/calibration.md row 11)"),
      number(CMHSIM_FIELD(trial.qol_baseline_offset), "MANSA points", "-0.35",
             {-6, false, 6, false}, {-0.6, 0},
             "Shift of participants' quality of life at baseline: people are recruited when "
             "they are below their usual level, so both arms rise after recruitment.",
             "calibrated to the trial's change in both arms (docs/calibration.md row 10); "
             "regression to the mean is an assumption"),
      section(CMHSIM_PRESENCE("warm_start", warm_start.enabled), false,
              "none (settings from the population shares)",
              "Today's caseloads and waiting lists, so a run starts from the present. Giving the "
              "section replaces population.initial_cmht_share and initial_outpatients_share: "
              "people are placed in id order (ids are independent draws, so this is unbiased "
              "and the same people in every scenario): CMHT caseload, CMHT waiting list, "
              "outpatients, then Care Partner offers (caseload first, then waiting); the rest "
              "have primary care only."),
      integer(CMHSIM_FIELD(warm_start.cmht_caseload), "people", "0", kPeopleZero, {0, 10000},
              "People on CMHT caseloads at day 0; at most the caseload slots.", kLocalData),
      integer(CMHSIM_FIELD(warm_start.cmht_waiting), "people", "0", kPeopleZero, {0, 5000},
              "People on the CMHT waiting list at day 0 (only when caseloads are full).",
              kLocalData),
      integer(CMHSIM_FIELD(warm_start.outpatients), "people", "0", kPeopleZero, {0, 10000},
              "People on psychiatric outpatient lists only at day 0.", kLocalData),
      integer(CMHSIM_FIELD(warm_start.care_partner_caseload), "people", "0", kPeopleZero, {0, 5000},
              "People offered a Care Partner first at day 0 (they fill the in-post caseloads).",
              kLocalData),
      integer(CMHSIM_FIELD(warm_start.care_partner_waiting), "people", "0", kPeopleZero, {0, 5000},
              "People offered a Care Partner next at day 0 (they wait when caseloads are full).",
              kLocalData),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

#undef CMHSIM_PSSRU_2025
#undef CMHSIM_NCC_2425

}  // namespace cmhsim::scenario::table
