// The one definition of every pathway output: each series and metric with its index, unit, the
// definition stored with results and the documentation's detail. Knows nothing of events or files.
#include "model/pathway_outputs.hpp"

#include <array>

#include "model/mortality.hpp"

namespace cmhsim::model::pathway {
namespace {

constexpr std::array<OutputDef, kSeriesCount> kSeriesDefs{{
    {setting_series(Setting::PrimaryCare), "people_primary_care", "people",
     "people whose only care setting at the month end is their GP practice", ""},
    {setting_series(Setting::CarePartner), "people_care_partner", "people",
     "people on a Care Partner caseload (in the community) at the month end",
     "In the community means not in crisis or in a bed."},
    {setting_series(Setting::Cmht), "people_cmht", "people",
     "people on a community mental health team caseload (in the community) at the month end", ""},
    {setting_series(Setting::Outpatients), "people_outpatients", "people",
     "people on a psychiatric outpatient list only at the month end", ""},
    {setting_series(Setting::CrisisTeam), "people_crisis_team", "people",
     "people in a crisis resolution and home treatment episode at the month end", ""},
    {setting_series(Setting::Inpatient), "people_inpatient", "people",
     "people in an acute bed, in or out of area, at the month end", ""},
    {kPeopleInGap, "people_in_gap", "people",
     "living people in primary care or on outpatient lists only with no proactive "
     "contact (Care Partner, CMHT, VCSE, outpatient, crisis follow-up or identification "
     "sweep) in the last policies.gap_contact_window_days, at the month end",
     "A person who never had a proactive contact is in the gap. Proactive contacts: a taken-up "
     "Care Partner contact, a CMHT or outpatient contact, the start or end of a VCSE connection, "
     "the follow-up `policies.post_discharge_followup_days` after the end of a crisis episode or "
     "admission, being found by an identification sweep. GP consultations and physical health "
     "checks are not proactive contacts."},
    {kWaitingCmht, "waiting_cmht", "people", "people on the CMHT waiting list at the month end",
     "Referred and triaged, not yet given a slot."},
    {kWaitingCarePartner, "waiting_care_partner", "people",
     "people waiting to be allocated a Care Partner at the month end",
     "Both the priority and the ordinary line."},
    {kWaitingVcse, "waiting_vcse", "people", "people waiting for a VCSE place at the month end",
     ""},
    {kCmhtCaseload, "cmht_caseload", "people",
     "people holding a CMHT caseload slot (including those in crisis) at the month end",
     "People in a bed count too."},
    {kCarePartnerCaseload, "care_partner_caseload", "people",
     "people on Care Partner caseload lists (including those in crisis) at the month end",
     "People in a bed count too."},
    {kCrises, "crises", "crises", "crises (transitions into crisis) in the month",
     "Whether or not the crisis team took the person."},
    {kCrisisEpisodes, "crisis_episodes", "episodes", "crisis team episodes started in the month",
     ""},
    {kAdmissions, "admissions", "admissions", "acute admissions, in or out of area, in the month",
     ""},
    {kOutOfAreaPlacements, "out_of_area_placements", "admissions",
     "admissions placed out of area because no in-area bed was free, in the month", ""},
    {kBedDays, "bed_days", "days", "in-area acute bed-days in the month",
     "The time integral of held in-area beds: days on leave and delayed discharge included."},
    {kOutOfAreaBedDays, "out_of_area_bed_days", "days", "out-of-area bed-days in the month", ""},
    {kBedOccupancy, "bed_occupancy", "fraction",
     "in-area bed-days occupied, excluding leave, over bed-days available in the month",
     "(1 − `services.leave_share`) × `bed_days` / (in-area beds × 30.4375), the in-area beds "
     "being floor(`services.acute_beds_per_100k_adults` × `population.adults_16_65` / 100,000 × "
     "`services.register_bed_share`); NaN with no beds. `bed_days` counts the days a bed is held, "
     "leave included."},
    {kDeaths, "deaths", "people", "deaths in the month", "Moving away is not counted."},
    {kMeanQol, "mean_quality_of_life", "MANSA 1-7",
     "mean quality of life of living people at the month end",
     "Taken just after that month's quality-of-life update."},
    {kCarePartnersInPost, "care_partners_in_post", "workers",
     "Care Partner posts filled at the month end", "Counted after that month end's leavers."},
    {kCarePartnerVacancies, "care_partner_vacancies", "posts",
     "Care Partner posts vacant at the month end", "Posts − filled posts."},
    {kSupervisionCoverage, "supervision_coverage", "fraction",
     "Care Partners supervised this month over Care Partners in post (NaN with none)",
     "Supervised means given a share of this month's supervision hours: every Care Partner in "
     "post when any supervisor is in post. A worker who leaves at the month end counts in "
     "neither."},
    {kSupervisionHoursPerCarePartner, "supervision_hours_per_care_partner", "hours",
     "supervision hours each Care Partner in post received this month (NaN with none in post)",
     "Hours of the supervisors in post, each FTE giving "
     "`supervision.hours_per_supervisor_fte_per_month`, shared equally among the Care Partners in "
     "post at the month end before that month end's leavers."},
    {kSupervisorVacancies, "supervisor_vacancies", "posts",
     "supervisor posts vacant at the month end",
     "Counted after that month end's supervisor leavers and starters."},
    {kCarePartnerLeavers, "care_partner_leavers", "workers",
     "Care Partners who left their posts at the month end", ""},
    {kCmhtCoordinatorsInPost, "cmht_coordinators_in_post", "posts",
     "CMHT care coordinator posts filled at the month end",
     "Counted after that month end's starters and leavers; the CMHT caseload slots are "
     "floor(FTE in post × `services.cmht_caseload_per_fte`)."},
    {cost_series(kCostPrimaryCare), "cost_primary_care", "GBP",
     "GP consultations and annual physical health checks in the month",
     "GP consultations × `costs.gp_consultation` + physical health checks × "
     "`costs.physical_health_check`."},
    {cost_series(kCostCarePartners), "cost_care_partners", "GBP",
     "salaries of Care Partners in post during the month (FTE-months)",
     "FTE-days of filled posts in the month / 365.25 × `costs.care_partner_fte_year`."},
    {cost_series(kCostSupervision), "cost_supervision", "GBP",
     "salaries of supervisors during the month",
     "FTE-days of filled supervisor posts in the month / 365.25 × `costs.supervisor_fte_year` "
     "(vacant posts cost nothing)."},
    {cost_series(kCostCmht), "cost_cmht", "GBP",
     "community mental health team contacts in the month", "CMHT contacts × `costs.cmht_contact`."},
    {cost_series(kCostCrisis), "cost_crisis", "GBP",
     "crisis resolution and home treatment team days in the month",
     "Crisis-episode days × `costs.crisis_team_day`."},
    {cost_series(kCostInpatient), "cost_inpatient", "GBP", "in-area acute bed-days in the month",
     "In-area bed-days × `costs.inpatient_bed_day`."},
    {cost_series(kCostOutOfArea), "cost_out_of_area", "GBP", "out-of-area bed-days in the month",
     "Out-of-area bed-days × `costs.out_of_area_bed_day`."},
    {cost_series(kCostOutpatients), "cost_outpatients", "GBP",
     "psychiatric outpatient appointments in the month",
     "Outpatient appointments × `costs.outpatient_appointment`."},
    {cost_series(kCostVcse), "cost_vcse", "GBP", "VCSE place-days in the month",
     "VCSE place-days × `costs.vcse_place_day`."},
}};

constexpr std::array<OutputDef, kEquityFirst> kHeadlineDefs{{
    {kMPeopleInGap, "people_in_gap", "people", "mean over recorded months of series people_in_gap",
     ""},
    {kMCrisesPer1000, "crises_per_1000_per_year", "per 1000 person-years",
     "crises after warm-up per 1000 person-years lived after warm-up", ""},
    {kMAdmissionsPer1000, "admissions_per_1000_per_year", "per 1000 person-years",
     "acute admissions (in or out of area) after warm-up per 1000 person-years", ""},
    {kMBedOccupancy, "bed_occupancy", "fraction",
     "occupied in-area bed-days excluding leave after warm-up over available bed-days (beds "
     "times days after warm-up)",
     "The definition of the KH03 bed availability and occupancy return, whose occupied bed-days "
     "are counted at midnight and leave out beds held for patients on leave (NHS Data Dictionary: "
     "a bed vacated by a patient on leave of 28 days or less may be recorded as reserved); the "
     "model counts (1 − `services.leave_share`) of every held bed-day as occupied and keeps beds "
     "held for leave in the available bed-days. NaN with no beds."},
    {kMOutOfAreaPerYear, "out_of_area_placements_per_year", "admissions/year",
     "out-of-area placements after warm-up per year observed",
     "Admissions placed out of area because every in-area bed was taken, including people who "
     "waited for a bed and were given an out-of-area place that freed."},
    {kMReadmission12m, "readmission_12m_after_crisis", "fraction",
     "among crisis-team episodes that ended after warm-up and at least 12 months before the end, "
     "the share followed within 12 months of their end by another crisis-team episode or an acute "
     "admission of the same person",
     "Twelve months are 365.25 days. An admission that ends the episode itself (at its end, or "
     "after a wait for a bed) does not count; a later one does. People who die or move away "
     "within the 12 months stay in the denominator. Episodes cut short by death or moving away "
     "are not counted. NaN when no episode qualifies (for example in a run shorter than a year)."},
    {kMPrimaryCareOnlyShare, "primary_care_only_share_12m", "fraction",
     "share of people alive and registered throughout the last 12 months who had no "
     "secondary-care (CMHT, outpatient, crisis, inpatient) or Care Partner contact in "
     "them",
     "Registered throughout means registered before the 12-month window began. Secondary-care "
     "contacts are CMHT and outpatient contacts, any time in a crisis episode or an acute bed, "
     "and the follow-up `policies.post_discharge_followup_days` after one; a Care Partner contact "
     "is a taken-up contact."},
    {kMSecondaryTwoOrFewerShare, "secondary_care_two_or_fewer_contacts_share", "fraction",
     "among people alive at the end who were on a CMHT caseload or outpatient list for the "
     "whole of the last 12 months: share with at most 2 CMHT or outpatient contacts in them",
     "The last 12 months are the 12-month window. On a caseload or list for the whole window "
     "means registered before it, under a CMHT or an outpatient list when it opened (in crisis "
     "care or a bed counts, with a CMHT or outpatient list to return to) and at every month end "
     "in it; contacts are CMHT contacts (in the community) and outpatient appointments. A "
     "measure of low contact in secondary care like Reilly et al. 2021's (BJPsych Open "
     "7(2):e53), who counted secondary-care contacts over 2 years of people in secondary care."},
    {kMCmhtMeanWait, "cmht_mean_wait_days", "days",
     "mean time on the CMHT waiting list of people given a caseload slot after warm-up",
     "Zero waits are included; the time from referral to the list (referral delay and triage) "
     "is not."},
    {kMPhysicalCheckCoverage, "physical_health_check_coverage", "fraction",
     "share of people alive and registered throughout the last 12 months who had an "
     "annual physical health check in them",
     "Registered throughout means registered before the 12-month window began."},
    {kMCarePartnerContactsPerPerson, "care_partner_contacts_per_person", "contacts/person",
     "Care Partner contacts after warm-up per person ever on a Care Partner caseload "
     "after warm-up (in a trial: per intervention participant)",
     "People count whether or not still alive. NaN when nobody qualifies."},
    {kMCarePartnerNoContactShare, "care_partner_no_contact_share", "fraction",
     "share of those people with no Care Partner contact after warm-up",
     "A contact is a taken-up Care Partner contact."},
    {kMCarePartnersInPost, "care_partners_in_post", "workers",
     "mean over recorded months of series care_partners_in_post", ""},
    {kMSupervisionCoverage, "supervision_coverage", "fraction",
     "mean over recorded months with Care Partners in post of series "
     "supervision_coverage (NaN if none)",
     ""},
    {kMMeanQol, "mean_quality_of_life", "MANSA 1-7",
     "mean over recorded months of series mean_quality_of_life", ""},
    {kMMortalityRatioUnder75, "mortality_ratio_under_75", "ratio",
     "deaths under age 75 after warm-up over those expected at the general population's death "
     "rates for the same age and sex over the same person-time under 75 (observed / expected)",
     "The premature-mortality measure of the published SMI indicators, indirectly standardised. "
     "Expected deaths are the general population's cumulative hazard (all causes, `mortality.*` "
     "general-population keys) over each person's observed time under 75. See "
     "[ODD.md](ODD.md#mortality)."},
    {kMDeathsPer1000, "deaths_per_1000_per_year", "per 1000 person-years",
     "deaths after warm-up per 1000 person-years lived after warm-up",
     "Moving away is not a death."},
    {kMDeathsPer1000ByCause + 0, "deaths_per_1000_per_year_cardiovascular", "per 1000 person-years",
     "cardiovascular (circulatory) deaths after warm-up per 1000 person-years after warm-up",
     "The cause of a death is drawn in proportion to the person's cause-specific hazards at the "
     "moment of death."},
    {kMDeathsPer1000ByCause + 1, "deaths_per_1000_per_year_other_natural", "per 1000 person-years",
     "deaths from other natural causes after warm-up per 1000 person-years after warm-up", ""},
    {kMDeathsPer1000ByCause + 2, "deaths_per_1000_per_year_suicide", "per 1000 person-years",
     "suicides after warm-up per 1000 person-years after warm-up", ""},
    {kMDeathsPer1000ByCause + 3, "deaths_per_1000_per_year_other_external", "per 1000 person-years",
     "deaths from external causes other than suicide after warm-up per 1000 person-years after "
     "warm-up",
     ""},
    {kMLifeYearsLost, "life_years_lost", "years",
     "life expectancy at 15 of the general population minus that of the simulated register, "
     "mean of men's and women's values weighted by their person-years after warm-up",
     "As Chang et al. 2011 computed it: abridged period life tables (5-year bands from 15, 85+ "
     "open) from the register's observed deaths and person-years after warm-up by age band and "
     "sex, against the same table built from the general population's rates. A band without "
     "person-years, and an open band without deaths, take the general population's rate. Chang "
     "et al. report life expectancy at birth with the general population's rates below 15, which "
     "gives the same difference."},
    {kMLifeYearsLostMen, "life_years_lost_men", "years",
     "life_years_lost for men only (NaN without men)", ""},
    {kMLifeYearsLostWomen, "life_years_lost_women", "years",
     "life_years_lost for women only (NaN without women)", ""},
    {kMCostPerPersonYear, "cost_per_person_per_year", "GBP/person-year",
     "all costs after warm-up over person-years after warm-up",
     "The nine cost categories of the series, accumulated over the whole observed period "
     "including any partial month."},
    {kMTrialQolDifference, "trial_qol_change_difference", "MANSA 1-7",
     "trial only: mean change in quality of life from baseline to follow-up, "
     "intervention minus control, among participants alive and registered at "
     "follow-up (NaN outside a trial)",
     ""},
    {kMTrialQolDifferenceLo, "trial_qol_change_difference_ci_lo", "MANSA 1-7",
     "lower bound of the Welch 95% interval of trial_qol_change_difference",
     "Individual-level, within the replication, not adjusted for clustering by practice. NaN "
     "outside a trial or with fewer than 2 people in an arm."},
    {kMTrialQolDifferenceHi, "trial_qol_change_difference_ci_hi", "MANSA 1-7",
     "upper bound of the Welch 95% interval of trial_qol_change_difference", ""},
    {kMTrialContactsMean, "trial_contacts_mean", "contacts/person",
     "trial only: mean Care Partner contacts per intervention participant",
     "Equal to `care_partner_contacts_per_person` in a trial; NaN outside a trial."},
    {kMTrialNoContactShare, "trial_no_contact_share", "fraction",
     "trial only: share of intervention participants with no Care Partner contact",
     "Equal to `care_partner_no_contact_share` in a trial; NaN outside a trial."},
    {kMTrialQolChangeIntervention, "trial_qol_change_intervention", "MANSA 1-7",
     "trial only: mean change in quality of life from baseline to follow-up in the "
     "intervention arm, among participants alive and registered at follow-up",
     "NaN outside a trial."},
    {kMTrialQolChangeControl, "trial_qol_change_control", "MANSA 1-7",
     "trial only: the same in the control arm", "NaN outside a trial."},
    {kMTrialCrisesIntervention, "trial_crises_intervention", "crises",
     "trial only: crises in the intervention arm over the follow-up (a count, as trials "
     "report it)",
     "NaN outside a trial."},
    {kMTrialCrisesControl, "trial_crises_control", "crises",
     "trial only: crises in the control arm over the follow-up", "NaN outside a trial."},
    // Care Partner access.
    {kMCarePartnerMeanWait, "care_partner_mean_wait_days", "days",
     "mean time on the Care Partner waiting list of people allocated to a caseload after warm-up",
     "Zero waits are included; people who leave the list unallocated (patience, maximum wait, "
     "death, a CMHT taking over) are not. A caseload returned to the list when its worker leaves "
     "waits again from that day. NaN when nobody is allocated. The same as "
     "`services.care_partners.mean_wait`."},
    {kMCarePartnerWaitingList, "care_partner_waiting_list", "people",
     "mean over recorded months of series waiting_care_partner", "NaN with no Care Partner posts."},
    {kMCarePartnerVacancyRate, "care_partner_vacancy_rate", "fraction",
     "vacant Care Partner FTE over funded FTE (`care_partners.fte`), time-averaged after warm-up",
     "With whole-time posts this is vacant posts over posts. NaN with no Care Partner posts."},
    {kMCarePartnerLeaversPerYear, "care_partner_leavers_per_year", "workers/year",
     "sum over recorded months of series care_partner_leavers per year of recorded months",
     "NaN with no Care Partner posts."},
    {kMCarePartnerReachedPerYear, "care_partner_people_reached_per_year", "people/year",
     "people joining a Care Partner caseload after warm-up who were not on one when observation "
     "began, each counted once, per year observed",
     "NaN with no Care Partner posts."},
    // Acute capacity.
    {kMBedOccupancyIncludingLeave, "bed_occupancy_including_leave", "fraction",
     "in-area bed-days held (leave included) after warm-up over available bed-days",
     "As NHS Benchmarking reports occupancy including leave: a bed held for a patient on leave "
     "counts as occupied. NaN with no beds."},
    {kMRepatriationsPerYear, "repatriations_per_year", "people/year",
     "people moved from an out-of-area place to an in-area bed after warm-up, per year observed",
     "When an in-area bed frees and nobody is waiting for a bed, the person placed out of area "
     "longest comes back to it."},
    {kMBedWaitsPerYear, "bed_waits_per_year", "admissions/year",
     "admissions after warm-up that found every in-area bed and out-of-area place taken and "
     "waited in crisis care, per year observed",
     ""},
    {kMDelayedDischargeShare, "delayed_discharge_share", "fraction",
     "stays after warm-up whose discharge was delayed once the person was clinically ready, over "
     "admissions after warm-up",
     "NaN without admissions."},
    {kMDelayedDischargeMeanDays, "delayed_discharge_mean_days", "days",
     "mean delay of the discharges delayed after warm-up", "NaN without delays."},
    // Step-down cohort.
    {kMStepDownPrimaryCareOnly3y, "stepdown_primary_care_only_share_3y", "fraction",
     "of the step-downs from a CMHT to a Care Partner after warm-up and at least 3 years before "
     "the end whose person is alive and registered 3 years later: the share in primary care only "
     "then (discharged from the Care Partner, not under or waiting for secondary care)",
     "A step-down is a CMHT discharge under `policies.cmht_discharge_destination: care_partner` "
     "that offers a Care Partner (priority on the waiting list); each step-down counts, so a "
     "person stepped down twice counts twice. Three years are 3 × 365.25 days, 36 months of the "
     "model: step-downs happen at month ends, and the state is taken just after the checks of the "
     "month end 36 months later. People who died or moved away within the 3 years are left out of "
     "the denominator (see `stepdown_cohort_size`). Primary care only: home setting primary care, "
     "not with or waiting for a Care Partner, not on the CMHT waiting list or referred to a CMHT, "
     "not on an outpatient list; a VCSE connection is allowed. NaN when no step-down qualifies (no "
     "step-down policy, or a run shorter than warm-up plus 3 years). Source: defined for this "
     "model (assumption); no published figure is compared."},
    {kMStepDownReturnedSecondary3y, "stepdown_returned_to_secondary_share_3y", "fraction",
     "of the same step-downs: the share under secondary care 3 years later (CMHT caseload or "
     "waiting list, psychiatric outpatients, crisis team or an acute bed)",
     "Outpatients include the follow-up kept at the step-down "
     "(`policies.cmht_discharge_outpatients_share`) while it lasts, whether the person is still "
     "with a Care Partner or not: it ends after `policies.outpatient_discharge_stable_days` "
     "stable. The rest of the cohort (1 − the two shares) is still with a Care Partner, waiting "
     "for one, or referred to a CMHT and not yet on its list. With the defaults (CMHT discharge "
     "after 730 stable days, outpatient discharge after 1825 counted from the same stable spell) "
     "someone kept on follow-up who stays stable leaves the list 35 or 36 months after the "
     "step-down, the latest at the month end the cohort is looked at, so this share is sensitive "
     "to those two parameters. NaN when no step-down qualifies."},
    {kMStepDownCohortSize, "stepdown_cohort_size", "step-downs",
     "the denominator of the two step-down shares: step-downs after warm-up, at least 3 years "
     "before the end, whose person was alive and registered 3 years later",
     "Zero when no step-down qualifies."},
    // CMHT access and staffing.
    {kMCmhtReferralToSecondContactDays, "cmht_referral_to_second_contact_days", "days",
     "mean days from a referral to a CMHT to the person's second CMHT contact, over second "
     "contacts after warm-up",
     "The referral date is the day the referral is made, before the information-sharing delay "
     "and triage; the time runs through triage and any wait for a caseload slot to the second "
     "contact of the episode that follows. People who leave the waiting list, are not accepted "
     "at triage, or leave the caseload or die before a second contact are not counted; a second "
     "contact due while the person is in crisis care or a bed does not take place and is not "
     "counted. People on a caseload at day 0 have no first contacts. The referral-to-treatment "
     "measure of the NHS England four-week community mental health waiting time standard, which "
     "counts from referral to the second contact (NHS England 2023, consultation on "
     "four-week waits; not checked). NaN without such contacts."},
    {kMCmhtSeenWithin4WeeksShare, "cmht_seen_within_4_weeks_share", "fraction",
     "share of those second CMHT contacts within 28 days of the referral",
     "The same contacts as `cmht_referral_to_second_contact_days`. NaN without such contacts."},
    {kMCmhtVacancyRate, "cmht_vacancy_rate", "fraction",
     "mean over recorded months of the share of CMHT care coordinator posts vacant at the month "
     "end",
     "Vacant posts over posts (`services.cmht_coordinators_fte` / "
     "`services.cmht_fte_per_coordinator`, rounded up), from series cmht_coordinators_in_post. "
     "NaN with no posts."},
}};

constexpr std::array<OutputDef, kEquityMetricCount> kBreakdownDefs{{
    {kEqCrises, "crises_per_1000_per_year", "per 1000 person-years",
     "crises per 1000 person-years of the group after warm-up", ""},
    {kEqMeanQol, "mean_quality_of_life", "MANSA 1-7",
     "mean over months of the group's mean quality of life at the month end",
     "Months in which the group has no living members are skipped."},
    {kEqCarePartnerContacts, "care_partner_contacts_per_person", "contacts/person",
     "Care Partner contacts after warm-up per group member ever on a Care Partner caseload "
     "after warm-up",
     ""},
    {kEqPrimaryCareOnly, "primary_care_only_share_12m", "fraction",
     "share of group members alive and registered throughout the last 12 months with no "
     "secondary-care or Care Partner contact in them",
     ""},
}};

/// Returns true when every definition sits at its own index.
template <std::size_t N>
constexpr bool at_own_index(const std::array<OutputDef, N>& defs, std::size_t first = 0) {
  for (std::size_t i = 0; i < N; ++i) {
    if (defs[i].index != first + i || defs[i].name.empty() || defs[i].unit.empty()) return false;
  }
  return true;
}

/// Returns true when the people-by-setting series are named after the settings, in order.
constexpr bool settings_in_order() {
  for (std::size_t i = 0; i < kSettingCount; ++i) {
    const std::string_view name = kSeriesDefs[kPeopleBySetting + i].name;
    if (name.substr(0, 7) != "people_" || name.substr(7) != kSettingNames[i]) return false;
  }
  return true;
}

constexpr std::array<OutputDef, kEconomicMetricCount> kEconomicDefs{{
    {kMQalysPerPerson, "qalys_per_person", "QALYs/person",
     "discounted quality-adjusted life years over the recorded months per person observed "
     "(people_observed)",
     "Each recorded month adds, for every person living and registered at its end, the "
     "utility of their state at the month end (economics.utility_*) times the month's length in "
     "years times the month's mean discount factor at economics.discount_rate_qalys, counted "
     "from the end of warm-up (docs/outputs.md#cost-effectiveness)."},
    {kMDiscountedCostPerPerson, "discounted_cost_per_person", "GBP/person",
     "the nine cost categories of the recorded months, each month's total times its mean "
     "discount factor at economics.discount_rate_costs, per person observed (people_observed)",
     "The same months and monthly costs as the cost series; costs after the last month end "
     "and in the part-month after warm-up before the first recorded month are not counted."},
    {kMPeopleObserved, "people_observed", "people",
     "people living and registered at some time after warm-up (in a trial, the participants)",
     "The denominator of the two per-person economic metrics: the people on the register at the "
     "end of warm-up plus everyone who joins it later."},
}};

static_assert(kMLifeYearsLost == kMDeathsPer1000ByCause + mortality::kCauseCount,
              "one deaths-by-cause metric per cause");
static_assert(at_own_index(kSeriesDefs), "a series definition is out of Series order");
static_assert(at_own_index(kHeadlineDefs), "a metric definition is out of Metric order");
static_assert(at_own_index(kBreakdownDefs), "a breakdown is out of EquityMetric order");
static_assert(at_own_index(kEconomicDefs, kMQalysPerPerson),
              "an economic metric is out of EconomicMetric order");
static_assert(settings_in_order(), "people-by-setting series are out of Setting order");

OutputInfo info(const OutputDef& d, std::string_view suffix = {}) {
  return {std::string(d.name).append(suffix), std::string(d.unit), std::string(d.description)};
}

}  // namespace

std::span<const OutputDef> series_defs() { return kSeriesDefs; }
std::span<const OutputDef> headline_defs() { return kHeadlineDefs; }
std::span<const OutputDef> breakdown_defs() { return kBreakdownDefs; }
std::span<const OutputDef> economic_defs() { return kEconomicDefs; }

std::string group_suffix(std::size_t g) {
  if (g < kNetworkTypeCount) return std::string(".by_network.") + kNetworkTypeNames[g];
  g -= kNetworkTypeCount;
  if (g < kEthnicityCount) return std::string(".by_ethnicity.") + kEthnicityNames[g];
  g -= kEthnicityCount;
  return std::string(".by_diagnosis.") + kDiagnosisNames[g];
}

std::vector<OutputInfo> build_series_infos() {
  std::vector<OutputInfo> s;
  s.reserve(kSeriesCount);
  for (const OutputDef& d : kSeriesDefs) s.push_back(info(d));
  return s;
}

std::vector<OutputInfo> build_metric_infos() {
  std::vector<OutputInfo> m;
  m.reserve(kMetricCount);
  for (const OutputDef& d : kHeadlineDefs) m.push_back(info(d));
  for (const OutputDef& d : kBreakdownDefs) {
    for (std::size_t g = 0; g < kGroupCount; ++g) m.push_back(info(d, group_suffix(g)));
  }
  for (const OutputDef& d : kEconomicDefs) m.push_back(info(d));
  return m;
}

}  // namespace cmhsim::model::pathway
