// The table entries of the pathway scenario's `services` (capacity-limited services) and
// `policies` (discharge, referral, identification) sections. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {

void add_services(std::vector<Parameter>& out) {
  const std::vector<Parameter> entries{
      section("services", false, "the defaults of its keys (today's services)",
              "Primary care, community mental health teams, crisis teams, acute beds, "
              "outpatients and VCSE offers, with their capacities."),
      number(CMHSIM_FIELD(services.gp_consultations_per_year), "per person-year", "4", kRateZero,
             {2, 8},
             "GP consultations per person-year in every community setting (primary care, Care "
             "Partner, CMHT and outpatient caseloads).",
             "assumption (Reilly et al. 2021, BJPsych Open 7(2):e53: median 10 primary-care "
             "contacts, IQR 5-20, in 2 years, 297 people in secondary care, 2012-14)"),
      number(CMHSIM_FIELD(services.physical_check_probability), "probability", "0.3", kUnitInterval,
             {0.2, 0.6},
             "Chance of the annual physical health check for people with primary care only.",
             "achieved coverage, not the 60% target: 144,160 of 489,185 people on SMI registers "
             "(29.5%) had a full check in the 12 months to June 2019 (NHS England data, reported "
             "by the Dorset Echo, 2019); about 36% in the 12 months to March 2020 (Rethink Mental "
             "Illness)"),
      number(CMHSIM_FIELD(services.physical_check_with_support), "probability", "0.75",
             kUnitInterval, {0.6, 0.9},
             "Chance of the annual physical health check on a Care Partner or CMHT caseload.",
             kAssumption),
      number(
          CMHSIM_FIELD(services.cmht_coordinators_fte), "FTE", "210", kFte, {150, 280},
          "Care coordinator FTE across the place's CMHTs; caseload slots = floor(FTE × "
          "caseload per FTE).",
          "assumption (the initial CMHT share of a 15,000 register, about 5,400 people, at about "
          "25 per FTE)"),
      number(CMHSIM_FIELD(services.cmht_caseload_per_fte), "people per FTE", "35",
             {0, true, 1000, false}, {25, 40},
             "Most people a care coordinator FTE holds: the caseload slots; the caseload a "
             "coordinator actually carries is what referrals and discharges leave.",
             "Mental Health Policy Implementation Guide: Community Mental Health Teams, "
             "Department of Health 2002, a maximum caseload of 35 per full-time care coordinator "
             "(as widely quoted; the guide not checked)"),
      number(CMHSIM_FIELD(services.cmht_fte_per_coordinator), "FTE", "1", kPositive, {0.6, 1},
             "FTE of each care coordinator post; cmht_coordinators_fte is split into "
             "ceil(FTE / this) posts, the last one fractional.",
             kAssumption),
      number(CMHSIM_FIELD(services.cmht_turnover_per_year), "per year", "0.12", kRateZero,
             {0.06, 0.2},
             "Hazard of a care coordinator leaving the post; the post stays vacant for a "
             "recruitment delay and is filled at the first month end after it.",
             "assumption (NHS mental health nursing leaver rates of about 10-13% a year, NHS "
             "Digital workforce statistics, not checked)"),
      duration(CMHSIM_FIELD(services.cmht_recruitment_delay_days),
               "{dist: gamma, shape: 2, scale: 60}", {60, 240},
               "Time from a care coordinator leaving to the post being filled.", kAssumption),
      number(CMHSIM_FIELD(services.cmht_vacancy_at_start_share), "fraction", "0.1", kUnitInterval,
             {0, 0.2},
             "Fraction of care coordinator posts vacant at day 0 (each vacant post draws a "
             "recruitment delay).",
             "assumption (mental health nursing vacancy rates of about 10-15% in England, NHS "
             "Digital vacancy statistics, not checked)"),
      number(CMHSIM_FIELD(services.cmht_contact_hours_per_fte_per_month), "hours per FTE-month",
             "81", kNonNegative, {50, 110},
             "Care coordinator hours a month per FTE in post that can go to contacts, including "
             "travel and recording; when the caseload's contacts need more, every person's "
             "contact rate is scaled down in proportion.",
             "assumption (37.5 hours a week, 162.5 a month, about half for contacts)"),
      number(CMHSIM_FIELD(services.cmht_contact_minutes), "minutes", "90", {0, true, 1440, false},
             {45, 150},
             "Care coordinator minutes per CMHT contact, including travel and recording.",
             kAssumption),
      parameter_unit(duration(CMHSIM_FIELD(services.cmht_contacts_per_two_years),
                              "{dist: gamma, shape: 0.98, scale: 51.4}", {17, 100},
                              "A person's CMHT contacts per 2 years on a caseload at full "
                              "staffing, drawn at each CMHT start; the person's contacts then "
                              "arrive at this rate (scaled down when coordinators' hours run "
                              "short).",
                              "Reilly et al. 2021, BJPsych Open 7(2):e53: median 36.5 "
                              "secondary-care contacts, IQR 14-68, in 2 years, 297 people in "
                              "secondary care, 2012-14; gamma fitted by least squares on the "
                              "logs of the three quartiles (fitted quartiles 14.3, 34.8, 70.0)"),
                     "contacts per 2 years"),
      number(CMHSIM_FIELD(services.cmht_decline_stable_probability), "probability", "0.5",
             kUnitInterval, {0, 0.8},
             "Chance that triage does not accept a referral of someone stable at the triage "
             "decision (signposted back to primary care); people struggling are always accepted.",
             kAssumption),
      duration(CMHSIM_FIELD(services.cmht_triage_days), "{dist: gamma, shape: 2, scale: 7}",
               {7, 28}, "Time from a referral reaching the CMHT to the triage decision.",
               kAssumption),
      number(CMHSIM_FIELD(services.cmht_waiting_patience_days), "days", "120", kDays, {60, 240},
             "Mean days before a person leaves the CMHT waiting list unseen (exponential).",
             kAssumption),
      number(CMHSIM_FIELD(services.crisis_team_slots), "episodes", "130", kPlaces, {80, 200},
             "Crisis episodes the crisis resolution and home treatment teams can hold at once "
             "for people on the register; a fraction is rounded down.",
             "assumption (a team per 150,000 people with a caseload of 20-30, Mental Health "
             "Policy Implementation Guide 2001 as reported by the Centre for Public Impact; the "
             "guide not checked)"),
      duration(CMHSIM_FIELD(services.crisis_episode_days), "{dist: gamma, shape: 2, scale: 14}",
               {14, 42}, "Length of a crisis episode.", kAssumption),
      number(CMHSIM_FIELD(services.crisis_admission_probability), "probability", "0.35",
             kUnitInterval, {0.2, 0.5}, "Chance that a crisis episode ends in admission.",
             kAssumption),
      number(CMHSIM_FIELD(services.crisis_admission_if_full), "probability", "0.5", kUnitInterval,
             {0.3, 0.8}, "Chance of admission when the crisis teams are full.", kAssumption),
      // Acute beds.
      number(CMHSIM_FIELD(services.acute_beds_per_100k_adults), "beds per 100,000 adults", "18",
             {0, false, 1000, false}, {14, 24},
             "Adult acute mental health beds in the place per 100,000 adults aged 16-65; the "
             "in-area beds open to the register are floor(this x population.adults_16_65 / "
             "100,000 x services.register_bed_share).",
             "Centre for Mental Health 2019 on NHS Benchmarking data (R): just over 18,000 "
             "inpatient beds for adults in England, 37% of them adult acute (about 6,700), over "
             "the 36.7 million adults 16-65 of scenarios/england.yaml = 18 per 100,000; 'just "
             "under 20' per 100,000 in 2016 (NHS Benchmarking via Centre for Mental Health, S). "
             "KH03 gives 18,100-18,400 mental illness beds in 2018/19-2019/20 (parliamentary "
             "answer, R) with no adult acute split"),
      number(CMHSIM_FIELD(services.register_bed_share), "fraction", "0.55", kUnitInterval,
             {0.4, 0.7},
             "Share of the place's adult acute beds and out-of-area places used by people on the "
             "SMI register (the rest serve people the model does not simulate).",
             "assumption (psychoses dominate acute bed use: mean stays of 108 days for "
             "schizophrenia and 42 for mood disorders in 2008-09, Pillay & Moncrieff 2011, "
             "Psychiatrist 35(2):56, R; depression and anxiety were 29.6% of admissions at 16-64 "
             "in 1999-2000, Thompson et al. 2004, BJPsych 185:334, R)"),
      number(CMHSIM_FIELD(services.out_of_area_beds_per_100k_adults), "places per 100,000 adults",
             "3.8", {0, false, 1000, false}, {1.9, 8},
             "Out-of-area places (other providers' beds) the place can buy at once per 100,000 "
             "adults aged 16-65, scaled like the in-area beds; when they are taken too, an "
             "admission waits in crisis care for the first bed that frees.",
             "assumption: twice England's average of out-of-area placements active at a month "
             "end, 1.9 per 100,000 adults 16-65 (833 active, 704 inappropriate, a month on "
             "average in 2023/24, NHS Digital Out of Area Placements via the Lancashire Evening "
             "Post, S; 775 active at the end of June 2023, Nuffield Trust, S), since what is "
             "used is a lower bound of what can be bought"),
      duration(CMHSIM_FIELD(services.length_of_stay_days), "{dist: lognormal, mean: 36, sd: 32}",
               {30, 45},
               "Inpatient stay from admission until clinically ready for discharge, in and out of "
               "area (a delayed discharge adds to it).",
               "NHS Benchmarking 2023 mean adult acute stay 39 days (King's Fund, Mental health "
               "360: acute care for adults, R; NHS Benchmarking itself S; 32 days in 2014) less "
               "the mean delay per admission, 0.1 x 30 = 3 days; sd assumption"),
      number(CMHSIM_FIELD(services.leave_share), "fraction", "0.07", kUnitInterval, {0, 0.15},
             "Share of a stay's days spent on leave while the bed is held for the person: counted "
             "in bed_occupancy_including_leave and costs, not in bed_occupancy.",
             "assumption (NHS Benchmarking reports adult acute occupancy with and without leave; "
             "its figures not checked)"),
      number(CMHSIM_FIELD(services.delayed_discharge_probability), "probability", "0.1",
             kUnitInterval, {0.05, 0.2},
             "Chance that a person clinically ready for discharge cannot leave (housing, care "
             "package, placement) and keeps the bed for a delay.",
             "assumption (10% of inpatients' discharge delayed at Scotland's 2022 mental health "
             "inpatient census, R, a census share, which over-represents long stays; delayed "
             "discharges occupied 18.6% of one English urban trust's acute beds, Poole et al. "
             "2014, Psychiatric Bulletin 38(2):66, R abstract)"),
      duration(CMHSIM_FIELD(services.delayed_discharge_days), "{dist: gamma, shape: 1, scale: 30}",
               {14, 60}, "Extra days in the bed of a delayed discharge.",
               "assumption (median delay just over 2 months at Scotland's 2022 census, R, which "
               "over-represents long delays; 25,271 days of delayed discharge in English mental "
               "health providers in July 2021, NHS England data via Byline Times, S; the NHS "
               "England clinically-ready-for-discharge series not checked)"),
      number(CMHSIM_FIELD(services.outpatient_appointments_per_year), "per person-year", "2",
             kRateZero, {1, 4}, "Appointments per person-year on psychiatric outpatient lists.",
             kAssumption),
      number(CMHSIM_FIELD(services.vcse_places), "places", "400", kPlaces, {100, 1000},
             "People the VCSE offers (community connectors, social prescribing, peer support) "
             "can hold at once (a fraction is rounded down); others wait in line.",
             kAssumption),
      duration(CMHSIM_FIELD(services.vcse_connection_days), "{dist: gamma, shape: 2, scale: 90}",
               {90, 365}, "Length of a VCSE connection.", kAssumption),
      number(CMHSIM_FIELD(services.vcse_waiting_patience_days), "days", "90", kDays, {30, 180},
             "Mean days before a person waiting for a VCSE place gives up (exponential); 0 means "
             "nobody does.",
             "assumption (as services.cmht_waiting_patience_days, shorter for a voluntary offer)"),
      number(CMHSIM_FIELD(services.vcse_referral_probability), "probability", "0.1", kUnitInterval,
             {0.03, 0.2}, "Chance that a Care Partner contact connects the person to VCSE.",
             kAssumption),
      number(CMHSIM_FIELD(services.vcse_gp_referral_probability), "probability", "0.15",
             kUnitInterval, {0.05, 0.3},
             "Chance that a GP visit for someone starting to struggle in primary care also "
             "connects them to a VCSE offer (social prescribing).",
             "assumption (social prescribing link workers in every Primary Care Network since "
             "2019, NHS Long Term Plan)"),
      number(CMHSIM_FIELD(services.vcse_self_referral_per_year), "per person-year", "0.02",
             {0, false, 12, false}, {0, 0.05},
             "Hazard of referring oneself to a VCSE offer, for people in primary care or with a "
             "Care Partner.",
             kAssumption),
      section("policies", false, "the defaults of its keys (today's policies)",
              "When and to whom teams discharge, how referrals travel and how people in the "
              "gap are found."),
      number(CMHSIM_FIELD(policies.cmht_discharge_stable_days), "days", "730", kDays, {365, 1460},
             "Days stable a person on a CMHT caseload must have been at a caseload review to be "
             "discharged.",
             kAssumption),
      number(CMHSIM_FIELD(policies.cmht_review_interval_days), "days", "182.625", kInterval,
             {91, 365.25},
             "Days between a person's CMHT caseload reviews, counted from their CMHT start; a "
             "review falling while the person is in crisis care or a bed is skipped.",
             "assumption: six-monthly, within the Care Programme Approach's formal review at "
             "least once a year (Refocusing the Care Programme Approach, Department of Health "
             "2008; not checked)"),
      number(CMHSIM_FIELD(policies.cmht_review_discharge_probability), "probability", "0.8",
             kUnitInterval, {0.5, 1},
             "Chance that a review discharges someone stable for cmht_discharge_stable_days "
             "(clinical judgement); the others stay until a later review.",
             kAssumption),
      choice(CMHSIM_NAMED_FIELD(policies.cmht_discharge_destination,
                                model::kDischargeDestinationNames),
             "primary_care", "primary_care|care_partner|vcse",
             "Where the CMHT discharges to: primary care alone, a Care Partner's waiting list "
             "(with priority), or a VCSE connection with primary care.",
             kLever),
      number(CMHSIM_FIELD(policies.cmht_discharge_outpatients_share), "fraction", "0.6",
             kUnitInterval, {0.2, 0.7},
             "Of the people a CMHT discharges, whatever policies.cmht_discharge_destination, the "
             "fraction kept on a psychiatric outpatient list: with primary care alone or a VCSE "
             "connection, or alongside a Care Partner (step-down); the list's discharge rule is "
             "policies.outpatient_discharge_stable_days.",
             "assumption, calibrated with outpatient_discharge_stable_days so that about a third "
             "of the register has primary care only once the register has settled (docs/"
             "calibration.md row 2; people \"sitting on psychiatric outpatient lists with limited "
             "contact\", PARTNERS briefing paper, not checked; the same share on step-down to a "
             "Care Partner or VCSE is an assumption)"),
      number(CMHSIM_FIELD(policies.outpatient_discharge_stable_days), "days", "2922", kDays,
             {730, 3650},
             "Days stable (counted from the start of the stable spell) before an outpatient list "
             "discharges to primary care (or, for follow-up alongside a Care Partner, leaves the "
             "person with the Care Partner).",
             "assumption, calibrated with cmht_discharge_outpatients_share so that about a third "
             "of the register has primary care only once the register has settled: 31.1% in "
             "2008-09, Reilly et al. 2012 (docs/calibration.md row 2)"),
      number(CMHSIM_FIELD(policies.post_discharge_followup_days), "days", "7", kDays, {3, 14},
             "Days from the end of a crisis episode or an inpatient stay to the follow-up "
             "contact (a proactive mental health contact).",
             kAssumption),
      number(CMHSIM_FIELD(policies.post_crisis_cmht_probability), "probability", "0.6",
             kUnitInterval, {0.4, 0.8},
             "Chance that a crisis or admission ends with a referral to a CMHT.", kAssumption),
      number(CMHSIM_FIELD(policies.proactive_coverage), "fraction", "0", kUnitInterval, {0, 0.8},
             "Fraction of the people in the gap that each register-matching sweep finds; each "
             "is invited to an assessment and offered what policies.proactive_offer says.",
             kLever),
      noted(number(CMHSIM_FIELD(policies.proactive_interval_days), "days", "0", kDaysZero, {0, 365},
                   "Days between register-matching sweeps; 0 means no sweeps, and each sweep "
                   "visits the whole register, so at most one a day.",
                   kLever),
            "0 or >= 1"),
      choice(CMHSIM_NAMED_FIELD(policies.proactive_offer, model::kProactiveOfferNames),
             "care_partner", "care_partner|review",
             "What someone an identification sweep finds is offered after an assessment contact "
             "they take up (with their engagement): a Care Partner (a review when none can be "
             "offered), or a review, which refers people who are struggling to a CMHT.",
             kLever),
      number(CMHSIM_FIELD(policies.rereferral_struggling_days), "days", "90", kDays, {30, 180},
             "Days struggling in primary care before the practice re-refers to a CMHT (taken up "
             "with the person's engagement).",
             kAssumption),
      duration(CMHSIM_FIELD(policies.referral_delay_days), "{dist: gamma, shape: 2, scale: 7}",
               {3, 30}, "Information-sharing delay of a referral between services.", kAssumption),
      number(CMHSIM_FIELD(policies.gap_contact_window_days), "days", "365", kDays, {180, 540},
             "A person with no proactive contact for this long is counted in the gap.",
             "assumption (the 12 months of primary_care_only_share_12m)"),
      integer(CMHSIM_FIELD(policies.care_partner_offer_struggling), "flag", "1",
              {0, false, 1, false}, {0, 1},
              "1 if a GP offers a Care Partner to someone with primary care only who starts to "
              "struggle and consults (taken with their engagement); else 0.",
              kLever),
      integer(CMHSIM_FIELD(policies.care_partner_offer_post_crisis), "flag", "1",
              {0, false, 1, false}, {0, 1},
              "1 if crisis care or an admission ending without a CMHT referral offers a person "
              "with primary care only a Care Partner (with priority); else 0.",
              kLever),
      choice(CMHSIM_NAMED_FIELD(policies.care_partner_gap_criterion, model::kGapCriterionNames),
             "any", "any|struggling",
             "Whom an identification sweep offering Care Partners (proactive_offer: "
             "care_partner) may offer one: anyone found with primary care only, or only those "
             "found struggling (others are left with primary care).",
             kLever),
      number(CMHSIM_FIELD(policies.care_partner_max_wait_days), "days", "126", kDaysZero, {28, 365},
             "Longest wait on the Care Partner waiting list: beyond it the person is removed, "
             "left with their GP, who signposts them to a VCSE offer (taken up with their "
             "engagement). 0 means no maximum. Not applied in a trial.",
             "n/a (policy lever; default the NHS Constitution's 18-week referral-to-treatment "
             "standard)"),
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
