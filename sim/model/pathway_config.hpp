// The typed parameters of the community mental health pathway model, one struct per section of
// the scenario file. Plain data filled by scenario/; no defaults here: the scenario parameter
// table holds every default, unit, range and source. No I/O, no threads.
#pragma once

#include <array>
#include <cstdint>

#include "engine/distribution.hpp"
#include "model/pathway_types.hpp"

namespace cmhsim::model {

/// Describes the people on the place's SMI register and how the register changes (`population`).
struct PopulationConfig {
  std::uint32_t register_size;         ///< People on the register at day 0.
  std::uint32_t practices;             ///< GP practices in the place.
  std::uint32_t pcns;                  ///< Primary Care Networks in the place.
  double adults_16_65;                 ///< Adults aged 16-65 in the place (for incidence).
  double incidence_per_100k_per_year;  ///< New SMI diagnoses per 100,000 adults 16-65 a year.
  double in_migration_per_year;        ///< People on SMI registers moving in, per year.
  double out_migration_rate_per_year;  ///< Hazard of moving away, per person-year.
  /// 1 if day-0 and incoming ages are the register's stationary mix and in-migration balances it.
  double stationary_register;
  double age_mean, age_sd, age_min, age_max;  ///< Age at day 0, years (truncated normal).
  double incident_age_mean, incident_age_sd;  ///< Age at new diagnosis, years.
  double male_share;                          ///< Fraction male.
  std::array<double, kEthnicityCount> ethnicity_shares;
  std::array<double, kDiagnosisCount> diagnosis_shares;
  std::array<double, kNetworkTypeCount> network_shares;
  std::array<double, kNetworkTypeCount> lives_alone_by_network;  ///< Fraction living alone.
  /// Fraction in insecure housing (homeless, temporary or supported), by network type.
  std::array<double, kNetworkTypeCount> insecure_housing_by_network;
  /// Fraction with long-term sickness or disability, by network type.
  std::array<double, kNetworkTypeCount> long_term_sick_by_network;
  double engagement_mean;  ///< Mean probability a person takes up an offered contact.
  /// Multiplier on engagement_mean, by network type.
  std::array<double, kNetworkTypeCount> engagement_ratio_by_network;
  double engagement_sd;                     ///< Between-person sd of that probability (beta).
  double initial_cmht_share;                ///< Fraction on a CMHT caseload at day 0.
  double initial_outpatients_share;         ///< Fraction on outpatient lists only at day 0.
  double initial_struggling_share;          ///< Fraction struggling at day 0 (the rest stable).
  double qol_initial_mean, qol_initial_sd;  ///< MANSA-like quality of life at day 0 (1-7).
};

/// Sets clinical dynamics and quality of life (`clinical`).
struct ClinicalConfig {
  double stable_to_struggling_per_year;  ///< Hazard of deterioration while stable.
  double struggling_to_crisis_per_year;  ///< Hazard of crisis while struggling.
  double struggling_to_stable_per_year;  ///< Hazard of recovery while struggling.
  /// Hazard ratios on deterioration and crisis, by network type.
  std::array<double, kNetworkTypeCount> network_hazard_ratio;
  double living_alone_hazard_ratio;      ///< Hazard ratio on deterioration for living alone.
  double insecure_housing_hazard_ratio;  ///< Hazard ratio on deterioration, insecure housing.
  double long_term_sick_hazard_ratio;    ///< Hazard ratio on deterioration, long-term sickness.
  double care_partner_hazard_ratio;      ///< At full competence and rapport.
  double cmht_hazard_ratio;              ///< While on a CMHT caseload.
  double vcse_hazard_ratio;              ///< While connected to a VCSE offer.
  double care_partner_recovery_ratio;    ///< Multiplier on recovery at full competence and rapport.
  double qol_mean_reversion_per_year;    ///< Rate quality of life returns to its target.
  double qol_noise_sd_per_sqrt_year;     ///< Volatility of quality of life.
  double qol_target_base;                ///< Target without support or goals.
  double qol_target_per_goal;            ///< Target increase per goal achieved (capped).
  double qol_target_goal_cap;            ///< Largest total increase from goals.
  double qol_goal_half_life_years;       ///< Half-life of the increase from goals.
  double qol_target_vcse;                ///< Target increase while connected to VCSE.
  double qol_crisis_drop;                ///< Immediate fall in quality of life at a crisis.
  double qol_struggling_target_drop;     ///< Target decrease while struggling.
};

/// Sets general-population and SMI mortality by cause, and what care changes (`mortality`).
struct MortalityConfig {
  /// ln of the general-population natural-cause hazard at age 0 (/year), by sex (Gompertz).
  std::array<double, kSexCount> gompertz_log_a;
  std::array<double, kSexCount> gompertz_b;        ///< Gompertz slope per year of age, by sex.
  std::array<double, kSexCount> suicide_per_100k;  ///< General population, by sex.
  std::array<double, kSexCount> other_external_per_100k;  ///< General population, by sex.
  double cardiovascular_share;  ///< Share of natural-cause hazard that is circulatory.
  /// Cardiovascular mortality of people with SMI over the general population's, by age band.
  std::array<double, kExcessAgeBandCount> cardiovascular_ratio;
  /// Other natural-cause mortality of people with SMI over the general population's, by age.
  std::array<double, kExcessAgeBandCount> other_natural_ratio;
  /// Multiplier on the natural-cause excess (ratio - 1), by diagnosis.
  std::array<double, kDiagnosisCount> natural_excess_by_diagnosis;
  double suicide_ratio;                ///< Suicide mortality ratio of people with SMI.
  double other_external_ratio;         ///< Other external-cause mortality ratio.
  double crisis_suicide_per_100k;      ///< Suicide rate in crisis care and after it.
  double post_crisis_days;             ///< Days the raised suicide rate lasts after a crisis.
  double check_detection_probability;  ///< Chance a check finds treatable vascular risk.
  double treatment_uptake;             ///< Chance detected risk is treated.
  double treatment_hazard_ratio;       ///< Cardiovascular hazard ratio while treated.
};

/// Sets the Care Partner workforce (`care_partners`).
struct CarePartnerConfig {
  double fte;                               ///< Funded posts in FTE (0 = no Care Partners).
  double fte_per_worker;                    ///< FTE of each post.
  double caseload_per_fte;                  ///< Caseload cap per FTE (people).
  double contact_interval_stable_days;      ///< Days between planned contacts when stable.
  double contact_interval_struggling_days;  ///< Days between contacts when struggling (full
                                            ///< competence; nearer the stable interval below).
  double rapport_contacts;          ///< Contacts with the same worker for rapport to reach 1 - 1/e.
  double contact_hours;             ///< Hours per contact including travel and notes.
  double hours_per_fte_per_month;   ///< Contact hours available per FTE per month.
  double goal_set_probability;      ///< Chance a contact sets a goal when none is open.
  double goal_achieve_probability;  ///< Chance per contact an open goal is achieved (x competence).
  double disengage_probability;     ///< Chance of disengaging at first contact (therapeutic fit).
  double choice_of_care_partner;    ///< 1 if people may choose their Care Partner (halves
                                    ///< disengagement).
  double competence_initial;        ///< Coaching competence of a new worker (0-1).
  double competence_learning_per_month;  ///< Share of the gap up to the ceiling closed a month.
  double competence_drift_per_month;     ///< Share of the excess over the ceiling lost a month.
  double competence_min;                 ///< Floor of competence (the ceiling without supervision).
  double turnover_per_year;              ///< Leaving hazard with full effective supervision.
  double unsupervised_turnover_ratio;    ///< Multiplier on leaving with no supervision.
  engine::Distribution recruitment_delay_days;  ///< Vacancy to start date.
  double referral_delay_ratio;    ///< Multiplier on referral delays from this host team.
  double vacancy_at_start_share;  ///< Fraction of posts vacant at day 0.
  double waiting_patience_days;   ///< Mean days before leaving the waiting list (0 = never).
  std::uint32_t discharge_goals;  ///< Goals achieved in an episode before a planned ending.
  double discharge_stable_days;   ///< Days stable, with those goals, before a planned ending.
  double max_episode_days;        ///< Longest episode on a caseload (0 = no maximum).
};

/// Sets supervision (`supervision`).
struct SupervisionConfig {
  double supervisor_fte;                        ///< Supervisor FTE (experienced MH workers).
  double fte_per_supervisor;                    ///< FTE of each supervisor post.
  double hours_per_supervisor_fte_per_month;    ///< Supervision hours each FTE can give a month.
  double half_effect_hours_per_care_partner;    ///< Monthly hours per Care Partner for half effect.
  double turnover_per_year;                     ///< Leaving hazard of a supervisor.
  engine::Distribution recruitment_delay_days;  ///< Vacancy to start date of a supervisor.
  double vacancy_at_start_share;                ///< Fraction of supervisor posts vacant at day 0.
};

/// Sets capacity-limited services (`services`).
struct ServicesConfig {
  double gp_consultations_per_year;    ///< Consultations per person-year in primary care.
  double physical_check_probability;   ///< Annual physical health check uptake, primary care only.
  double physical_check_with_support;  ///< Uptake when on a Care Partner or CMHT caseload.
  double cmht_coordinators_fte;        ///< Care coordinator FTE across the place's CMHTs.
  double cmht_caseload_per_fte;        ///< People per care coordinator FTE.
  double cmht_fte_per_coordinator;     ///< FTE of each care coordinator post.
  double cmht_turnover_per_year;       ///< Leaving hazard of a care coordinator.
  engine::Distribution cmht_recruitment_delay_days;  ///< Vacancy to start date of a coordinator.
  double cmht_vacancy_at_start_share;           ///< Fraction of coordinator posts vacant at day 0.
  double cmht_contact_hours_per_fte_per_month;  ///< Coordinator hours a month for contacts.
  double cmht_contact_minutes;                  ///< Coordinator minutes per contact.
  /// A person's CMHT contacts per 2 years at full staffing, drawn at each CMHT start.
  engine::Distribution cmht_contacts_per_two_years;
  double cmht_decline_stable_probability;    ///< Chance triage declines someone stable.
  engine::Distribution cmht_triage_days;     ///< Referral to triage decision.
  double cmht_waiting_patience_days;         ///< Mean days before leaving the CMHT waiting list.
  double crisis_team_slots;                  ///< Concurrent crisis episodes the teams can hold.
  engine::Distribution crisis_episode_days;  ///< Length of a crisis episode.
  double crisis_admission_probability;       ///< Chance a crisis episode ends in admission.
  double crisis_admission_if_full;           ///< Chance of admission when the crisis team is full.
  double acute_beds_per_100k_adults;         ///< Adult acute beds in area per 100,000 adults 16-65.
  double register_bed_share;  ///< Share of those beds (and out-of-area places) the register
                              ///< uses.
  double out_of_area_beds_per_100k_adults;   ///< Out-of-area places per 100,000 adults 16-65.
  engine::Distribution length_of_stay_days;  ///< Admission to clinically ready for discharge.
  double leave_share;                        ///< Share of a stay's days on leave, the bed held.
  double delayed_discharge_probability;      ///< Chance a person ready for discharge cannot leave.
  engine::Distribution delayed_discharge_days;  ///< Extra days of a delayed discharge.
  double outpatient_appointments_per_year;  ///< Appointments per person-year on outpatient lists.
  double vcse_places;                       ///< Concurrent VCSE places (connectors, peer support).
  engine::Distribution vcse_connection_days;  ///< Length of a VCSE connection.
  double vcse_waiting_patience_days;          ///< Mean days before leaving the VCSE line.
  double vcse_referral_probability;           ///< Chance a Care Partner contact connects to VCSE.
  double vcse_gp_referral_probability;        ///< Chance a GP visit for struggling refers to VCSE.
  double vcse_self_referral_per_year;         ///< Hazard of self-referral to VCSE (primary care).
};

/// Sets discharge and identification policies (`policies`).
struct PolicyConfig {
  double cmht_discharge_stable_days;         ///< Days stable at a CMHT review before discharge.
  double cmht_review_interval_days;          ///< Days between CMHT caseload reviews.
  double cmht_review_discharge_probability;  ///< Chance a review discharges someone stable enough.
  DischargeDestination cmht_discharge_destination;
  double cmht_discharge_outpatients_share;  ///< Of discharges to primary care: kept on outpatients.
  double outpatient_discharge_stable_days;  ///< Days stable on outpatients before discharge.
  double post_discharge_followup_days;      ///< Days to follow-up after crisis care or a bed.
  double post_crisis_cmht_probability;      ///< Chance a crisis ends with a CMHT referral.
  double proactive_coverage;                ///< Share of people in the gap found per sweep.
  double proactive_interval_days;           ///< Days between register-matching sweeps (0 = never).
  ProactiveOffer proactive_offer;           ///< What a person found and assessed is offered.
  double rereferral_struggling_days;        ///< Days struggling in primary care before re-referral.
  engine::Distribution referral_delay_days;  ///< Information-sharing delay of a referral.
  double gap_contact_window_days;            ///< No proactive contact for this long = in the gap.
  double care_partner_offer_struggling;  ///< 1 if a GP offers a Care Partner to someone struggling.
  double care_partner_offer_post_crisis;    ///< 1 if crisis care ends with a Care Partner offer.
  GapCriterion care_partner_gap_criterion;  ///< Whom gap-finding may offer a Care Partner.
  double care_partner_max_wait_days;  ///< Longest wait on the Care Partner list (0 = no maximum).
};

/// Sets unit costs in pounds sterling (`costs`).
struct CostConfig {
  double gp_consultation;
  double physical_health_check;
  double care_partner_fte_year;
  double supervisor_fte_year;
  double cmht_contact;
  double crisis_team_day;
  double inpatient_bed_day;
  double out_of_area_bed_day;
  double outpatient_appointment;
  double vcse_place_day;
};

/// Sets discount rates and utilities by state for QALYs and discounted costs (`economics`).
struct EconomicsConfig {
  double discount_rate_costs;  ///< Per year, applied from the end of warm-up.
  double discount_rate_qalys;  ///< Per year, applied from the end of warm-up.
  double utility_stable;       ///< EQ-5D-scale utility of a stable person.
  double utility_struggling;   ///< Utility of a person struggling (deteriorating).
  double utility_crisis;       ///< Utility of a person in crisis outside a bed.
  double utility_inpatient;    ///< Utility of a person in an acute bed.
};

/// Sets up a cluster-randomised trial inside the place (`trial`); absent for service scenarios.
struct TrialConfig {
  bool enabled;
  std::uint32_t practices;               ///< Practices randomised.
  std::uint32_t intervention_practices;  ///< Practices given Care Partners.
  std::uint32_t participants_intervention;
  std::uint32_t participants_control;
  double follow_up_days;            ///< Baseline to outcome measurement.
  double participant_hazard_ratio;  ///< On deterioration and crisis, against the register.
  double qol_baseline_offset;       ///< Added to participants' quality of life at baseline.
};

/// Starts a run from today's caseloads and waiting lists instead of the initial shares
/// (`warm_start`); absent when the population section's shares apply.
struct WarmStartConfig {
  bool enabled;
  std::uint32_t cmht_caseload;          ///< People on CMHT caseloads at day 0.
  std::uint32_t cmht_waiting;           ///< People on the CMHT waiting list at day 0.
  std::uint32_t outpatients;            ///< People on outpatient lists only at day 0.
  std::uint32_t care_partner_caseload;  ///< People offered a Care Partner first at day 0.
  std::uint32_t care_partner_waiting;   ///< People offered a Care Partner next at day 0.
};

/// Holds the whole pathway model's parameters and run length.
struct PathwayConfig {
  PopulationConfig population;
  ClinicalConfig clinical;
  MortalityConfig mortality;
  CarePartnerConfig care_partners;
  SupervisionConfig supervision;
  ServicesConfig services;
  PolicyConfig policies;
  CostConfig costs;
  EconomicsConfig economics;
  TrialConfig trial;
  WarmStartConfig warm_start;
  double horizon_days;
  double warmup_days;
};

}  // namespace cmhsim::model
