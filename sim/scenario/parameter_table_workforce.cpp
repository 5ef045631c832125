// The table entries of the pathway scenario's `care_partners` and `supervision` sections: the
// Care Partner workforce and its supervisors. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {
namespace {

constexpr std::string_view kContacts =
    "assumption (PARTNERS2: about 9 contacts of 10+ minutes in 10 months, Byng et al. 2023)";
constexpr std::string_view kCompetence =
    "assumption (supervision routine at 1 of 3 sites, inconsistent at 2, Baker et al. 2019, "
    "BMC Psychiatry 19:7)";
constexpr std::string_view kMonthlySupervision =
    "assumption (trust supervision policies ask for at least 1 hour every 4-6 weeks, 0.7-1 hour "
    "a month)";
constexpr std::string_view kRecruitment =
    "assumption (recruiting and replacing Care Partners was hard in PARTNERS2, Byng et al. 2023)";

}  // namespace

void add_workforce(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("care_partners", false, "the defaults of its keys (no Care Partners)",
              "The Care Partner workforce: posts, caseloads, contacts, coaching competence, "
              "turnover and recruitment."),
      number(CMHSIM_FIELD(care_partners.fte), "FTE", "0", kFte, {0, 30},
             "Funded Care Partner posts in FTE; 0 means no Care Partners (the baseline).", kLever),
      number(CMHSIM_FIELD(care_partners.fte_per_worker), "FTE", "1", {0.1, false, 1, false},
             {0.5, 1},
             "FTE of each post; posts = ceil(fte / fte_per_worker), the last possibly part-time.",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.caseload_per_fte), "people per FTE", "30",
             {0, true, 1000, false}, {20, 40}, "Caseload cap per FTE.",
             "assumption (CMHT keyworker caseloads averaged 30 per FTE, Greenwood et al. 2000, "
             "Psychiatric Bulletin 24:290)"),
      number(CMHSIM_FIELD(care_partners.contact_interval_stable_days), "days", "35", kInterval,
             {21, 60}, "Mean days between planned contacts while the person is stable.", kContacts),
      number(CMHSIM_FIELD(care_partners.contact_interval_struggling_days), "days", "14", kInterval,
             {7, 21},
             "Mean days between contacts while the person is struggling, for a worker at full "
             "competence; a less competent worker steps up contact less (the interval moves "
             "toward the stable one in proportion to 1 - competence).",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.rapport_contacts), "contacts", "3", {0, true, 100, false},
             {1, 6},
             "Contacts taken with the same worker for rapport to reach 1 - 1/e of its full "
             "value; the Care Partner effect on hazards scales with competence x rapport, and a "
             "new worker starts again from 0.",
             "assumption (trust must be built before coaching works; continuity of care is a "
             "threat: PARTNERS briefing paper)"),
      number(CMHSIM_FIELD(care_partners.contact_hours), "hours", "1.5", {0.1, false, 24, false},
             {1, 2.5}, "Worker hours per contact, including travel and notes.", kAssumption),
      number(CMHSIM_FIELD(care_partners.hours_per_fte_per_month), "hours per month", "90",
             {0, true, 744, false}, {60, 120}, "Contact hours each FTE can give a month.",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.goal_set_probability), "probability", "0.3", kUnitInterval,
             {0.15, 0.5}, "Chance that a contact sets a goal when none is open.", kAssumption),
      number(CMHSIM_FIELD(care_partners.goal_achieve_probability), "probability", "0.2",
             kUnitInterval, {0.1, 0.35},
             "Chance per contact that an open goal is achieved, at full competence (scaled by "
             "the worker's competence).",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.disengage_probability), "probability", "0.08",
             kUnitInterval, {0.04, 0.15},
             "Chance that a person disengages at the first contact (poor therapeutic fit).",
             "assumption (PARTNERS2: 9% had no recorded Care Partner contact, Byng et al. 2023)"),
      integer(CMHSIM_FIELD(care_partners.choice_of_care_partner), "flag", "0", {0, false, 1, false},
              {0, 1},
              "1 if people may choose their Care Partner, which halves disengagement; else 0.",
              kLever),
      noted(
          number(CMHSIM_FIELD(care_partners.competence_initial), "fraction", "0.5", kUnitInterval,
                 {0.3, 0.7},
                 "Coaching competence of a newly hired worker (1 = full model fidelity); at least "
                 "`competence_min`.",
                 kAssumption),
          "and >= competence_min"),
      number(CMHSIM_FIELD(care_partners.competence_learning_per_month), "per month", "0.15",
             kUnitInterval, {0.05, 0.3},
             "Share of the gap between competence and its ceiling closed in a month when below "
             "the ceiling; the ceiling is competence_min + (1 - competence_min) x the effective "
             "supervision share.",
             kCompetence),
      number(CMHSIM_FIELD(care_partners.competence_drift_per_month), "per month", "0.1",
             kUnitInterval, {0.03, 0.2},
             "Share of the excess of competence over its ceiling lost in a month when above it "
             "(without supervision the ceiling is competence_min).",
             kCompetence),
      number(CMHSIM_FIELD(care_partners.competence_min), "fraction", "0.2", kUnitInterval,
             {0.1, 0.3}, "Floor of competence: its ceiling without supervision.", kAssumption),
      number(CMHSIM_FIELD(care_partners.turnover_per_year), "per worker-year", "0.13", kRateZero,
             {0.09, 0.25}, "Hazard of a worker leaving the post with full effective supervision.",
             "Health Foundation (RoMHS project: 13.6% of NHS mental health staff left in 2015/16, "
             "one in eight in the year to June 2017; a leaver rate, unlike the King's Fund's 19%, "
             "a vacancy rate)"),
      number(CMHSIM_FIELD(care_partners.unsupervised_turnover_ratio), "ratio", "1.6", kMultiplier,
             {1, 2.5},
             "Multiplier on the leaving hazard with no supervision; with effective supervision "
             "share s the multiplier is 1 + (ratio - 1) x (1 - s).",
             kAssumption),
      duration(CMHSIM_FIELD(care_partners.recruitment_delay_days),
               "{dist: gamma, shape: 2, scale: 60}", {60, 180},
               "Time from a post falling vacant to the new worker starting.", kRecruitment),
      number(CMHSIM_FIELD(care_partners.referral_delay_ratio), "ratio", "0.5", kMultiplier,
             {0.25, 1},
             "Multiplier on referral delays for referrals a Care Partner makes (shared records "
             "and links with the team).",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.vacancy_at_start_share), "fraction", "0.2", kUnitInterval,
             {0, 0.3}, "Fraction of posts vacant at day 0, each waiting for a recruitment delay.",
             "King's Fund 2023 (mental health vacancies 19%)"),
      number(CMHSIM_FIELD(care_partners.waiting_patience_days), "days", "120", kDaysZero, {60, 240},
             "Mean days before a person leaves the Care Partner waiting list unallocated of their "
             "own accord (exponential); 0 means nobody does. Not applied in a trial.",
             "assumption (as services.cmht_waiting_patience_days)"),
      integer(CMHSIM_FIELD(care_partners.discharge_goals), "goals", "1", {1, false, 255, false},
              {1, 3},
              "Goals achieved in an episode before a planned ending: the Care Partner discharges "
              "to primary care at a month end once the person has achieved this many goals in "
              "the episode, has no goal open and has been stable for discharge_stable_days. Not "
              "applied in a trial.",
              "assumption (the PARTNERS model works toward the person's own goals; how it ends "
              "was left to consensus, Allard et al., PARTNERS2 intervention theory abstract)"),
      number(CMHSIM_FIELD(care_partners.discharge_stable_days), "days", "90", kDaysZero, {30, 180},
             "Days stable (counted from the start of the stable spell) with the goals of "
             "discharge_goals met before a planned ending.",
             kAssumption),
      number(CMHSIM_FIELD(care_partners.max_episode_days), "days", "304.375", kDaysZero,
             {182.625, 730.5},
             "Longest episode on a caseload, from allocation; then the person is discharged to "
             "primary care (after acute care, at the next month end). 0 means no maximum. A "
             "caseload returned to the list when its worker leaves starts a new episode. Not "
             "applied in a trial.",
             "PARTNERS briefing paper (Byng et al. 2023): a full PARTNERS2 intervention lasted "
             "10 months; the paper suggests longer than 10 months might be needed to improve "
             "quality of life"),
      section("supervision", false, "the defaults of its keys (no supervisors)",
              "Supervisors of Care Partners (experienced mental health workers) in posts with "
              "their own turnover and recruitment; their hours are shared equally among the Care "
              "Partners in post each month."),
      number(CMHSIM_FIELD(supervision.supervisor_fte), "FTE", "0", kFte, {0, 5},
             "Funded supervisor posts in FTE; 0 means no Care Partner is supervised (the "
             "baseline).",
             kLever),
      number(CMHSIM_FIELD(supervision.fte_per_supervisor), "FTE", "1", {0.1, false, 1, false},
             {0.5, 1},
             "FTE of each supervisor post; posts = ceil(supervisor_fte / fte_per_supervisor), the "
             "last possibly part-time.",
             kAssumption),
      number(CMHSIM_FIELD(supervision.hours_per_supervisor_fte_per_month), "hours per month", "20",
             {0, true, 744, false}, {10, 40},
             "Supervision hours each supervisor FTE in post can give a month.", kAssumption),
      number(CMHSIM_FIELD(supervision.half_effect_hours_per_care_partner),
             "hours per Care Partner per month", "0.5", {0, true, 744, false}, {0.25, 1.5},
             "Monthly supervision hours per Care Partner that give half the full effect: h hours "
             "give an effective supervision share of 1 - 2^(-h / half_effect_hours).",
             kMonthlySupervision),
      number(CMHSIM_FIELD(supervision.turnover_per_year), "per worker-year", "0.1", kRateZero,
             {0.07, 0.15}, "Hazard of a supervisor leaving the post.",
             "NHS Digital workforce statistics (nurses leaving the NHS: 10.1%, 9.0% and 9.9% a "
             "year, Sept 2018 to Sept 2021, parliamentary answer of 31 January 2022; 11.5% in the "
             "year to June 2022, Nuffield Trust 2022)"),
      duration(CMHSIM_FIELD(supervision.recruitment_delay_days),
               "{dist: gamma, shape: 2, scale: 60}", {60, 180},
               "Time from a supervisor post falling vacant to the new supervisor being available; "
               "they start at the next month end.",
               "assumption (as care_partners.recruitment_delay_days)"),
      number(CMHSIM_FIELD(supervision.vacancy_at_start_share), "fraction", "0.18", kUnitInterval,
             {0, 0.3},
             "Fraction of supervisor posts vacant at day 0, each waiting for a "
             "recruitment delay.",
             "NHS vacancy statistics (18% of nursing posts at mental health trusts vacant, March "
             "2023, reported by RCNi Mental Health Practice 26(5))"),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
