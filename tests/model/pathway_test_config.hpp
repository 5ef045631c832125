// Pathway configurations for the model tests, built in code: the ICS baseline defaults and a
// PARTNERS2-like trial. Knows nothing of scenario files.
#pragma once

#include "engine/distribution.hpp"
#include "model/pathway_config.hpp"

namespace cmhsim::model::testing {

/// Returns the ICS baseline: 15,000 on the register, no Care Partners, 10 years, 2 warm-up.
inline PathwayConfig ics_baseline_config() {
  using engine::Distribution;
  PathwayConfig c{};
  PopulationConfig& p = c.population;
  p.register_size = 15000;
  p.practices = 200;
  p.pcns = 30;
  p.adults_16_65 = 1e6;
  p.incidence_per_100k_per_year = 46.4;
  p.in_migration_per_year = 300;
  p.out_migration_rate_per_year = 0.03;
  p.age_mean = 48;
  p.age_sd = 15;
  p.age_min = 18;
  p.age_max = 95;
  p.incident_age_mean = 30;
  p.incident_age_sd = 10;
  p.male_share = 0.55;
  p.ethnicity_shares = {0.80, 0.07, 0.08, 0.03, 0.02};
  p.diagnosis_shares = {0.45, 0.35, 0.20};
  p.network_shares = {0.30, 0.35, 0.35};
  p.lives_alone_by_network = {0.25, 0.15, 0.55};
  p.insecure_housing_by_network = {0.1, 0.08, 0.25};
  p.long_term_sick_by_network = {0.3, 0.4, 0.6};
  p.engagement_mean = 0.7;
  p.engagement_sd = 0.15;
  p.initial_cmht_share = 0.37;
  p.initial_outpatients_share = 0.30;
  p.initial_struggling_share = 0.25;
  p.qol_initial_mean = 4.5;
  p.qol_initial_sd = 0.9;

  ClinicalConfig& k = c.clinical;
  k.stable_to_struggling_per_year = 0.56;
  k.struggling_to_crisis_per_year = 0.9;
  k.struggling_to_stable_per_year = 4.0;
  k.network_hazard_ratio = {0.85, 0.95, 1.2};
  k.living_alone_hazard_ratio = 1.15;
  k.insecure_housing_hazard_ratio = 1.2;
  k.long_term_sick_hazard_ratio = 1.1;
  k.care_partner_hazard_ratio = 0.85;
  k.cmht_hazard_ratio = 0.75;
  k.vcse_hazard_ratio = 0.92;
  k.care_partner_recovery_ratio = 1.2;
  k.qol_mean_reversion_per_year = 1.5;
  k.qol_noise_sd_per_sqrt_year = 0.8;
  k.qol_target_base = 4.5;
  k.qol_target_per_goal = 0.08;
  k.qol_target_goal_cap = 0.4;
  k.qol_target_vcse = 0.1;
  k.qol_target_care_partner = 0.1;
  k.qol_crisis_drop = 0.6;
  k.qol_struggling_target_drop = 0.4;
  k.mortality_gompertz_log_a = -10.4;
  k.mortality_gompertz_b = 0.094;
  k.mortality_hazard_ratio = {2.08, 1.79, 1.9};

  CarePartnerConfig& cp = c.care_partners;
  cp.fte = 0;
  cp.fte_per_worker = 1;
  cp.caseload_per_fte = 30;
  cp.contact_interval_stable_days = 35;
  cp.contact_interval_struggling_days = 14;
  cp.contact_hours = 1.5;
  cp.hours_per_fte_per_month = 90;
  cp.goal_set_probability = 0.3;
  cp.goal_achieve_probability = 0.2;
  cp.disengage_probability = 0.08;
  cp.choice_of_care_partner = 0;
  cp.competence_initial = 0.5;
  cp.competence_gain_per_supervised_month = 0.05;
  cp.competence_drift_per_unsupervised_month = 0.03;
  cp.competence_min = 0.2;
  cp.turnover_per_year = 0.19;
  cp.unsupervised_turnover_ratio = 1.6;
  cp.recruitment_delay_days = Distribution::gamma(2, 60);
  cp.referral_delay_ratio = 0.5;
  cp.vacancy_at_start_share = 0.2;

  c.supervision.supervisor_fte = 0;
  c.supervision.hours_per_supervisor_fte_per_month = 20;
  c.supervision.hours_per_care_partner_per_month = 1.5;

  ServicesConfig& s = c.services;
  s.gp_consultations_per_year = 4;
  s.physical_check_probability = 0.5;
  s.physical_check_with_support = 0.75;
  s.cmht_coordinators_fte = 210;
  s.cmht_caseload_per_fte = 25;
  s.cmht_contacts_per_month = 1.5;
  s.cmht_triage_days = Distribution::gamma(2, 7);
  s.cmht_waiting_patience_days = 120;
  s.crisis_team_slots = 130;
  s.crisis_episode_days = Distribution::gamma(2, 14);
  s.crisis_admission_probability = 0.35;
  s.crisis_admission_if_full = 0.5;
  s.beds = 60;
  s.length_of_stay_days = Distribution::lognormal(33, 30);
  s.outpatient_appointments_per_year = 2;
  s.vcse_places = 400;
  s.vcse_connection_days = Distribution::gamma(2, 90);
  s.vcse_referral_probability = 0.1;

  PolicyConfig& pol = c.policies;
  pol.cmht_discharge_stable_days = 730;
  pol.cmht_discharge_destination = DischargeDestination::PrimaryCare;
  pol.cmht_discharge_outpatients_share = 0.5;
  pol.outpatient_discharge_stable_days = 1825;
  pol.post_discharge_followup_days = 7;
  pol.post_crisis_cmht_probability = 0.6;
  pol.proactive_coverage = 0;
  pol.proactive_interval_days = 0;
  pol.rereferral_struggling_days = 90;
  pol.referral_delay_days = Distribution::gamma(2, 7);
  pol.gap_contact_window_days = 365;

  CostConfig& cost = c.costs;
  cost.gp_consultation = 42;
  cost.physical_health_check = 60;
  cost.care_partner_fte_year = 38000;
  cost.supervisor_fte_year = 55000;
  cost.cmht_contact = 110;
  cost.crisis_team_day = 210;
  cost.inpatient_bed_day = 450;
  cost.out_of_area_bed_day = 620;
  cost.outpatient_appointment = 180;
  cost.vcse_place_day = 3;

  c.trial = TrialConfig{false, 0, 0, 0, 0, 0.0};
  c.horizon_days = 3652.5;
  c.warmup_days = 730.5;
  return c;
}

/// Returns the ICS baseline with 40 Care Partner FTE and 3 supervisor FTE (the partners scenario).
inline PathwayConfig ics_partners_config() {
  PathwayConfig c = ics_baseline_config();
  c.care_partners.fte = 40;
  c.supervision.supervisor_fte = 3;
  return c;
}

/// Returns a PARTNERS2-like trial: 39 practices (20 intervention), 116 + 82 participants, 304
/// days of follow-up, about 6 Care Partner FTE with vacancies, calibrated contact parameters.
inline PathwayConfig trial_config() {
  PathwayConfig c = ics_baseline_config();
  c.trial = TrialConfig{true, 39, 20, 116, 82, 304.0};
  c.population.practices = 39;
  c.population.pcns = 10;
  c.care_partners.fte = 6;
  c.supervision.supervisor_fte = 0.3;
  c.care_partners.contact_interval_stable_days = 21;
  c.care_partners.contact_interval_struggling_days = 10;
  c.care_partners.disengage_probability = 0.08;
  c.care_partners.vacancy_at_start_share = 0.3;
  c.care_partners.recruitment_delay_days = engine::Distribution::gamma(2, 60);
  c.horizon_days = 304.0;
  c.warmup_days = 0.0;
  return c;
}

}  // namespace cmhsim::model::testing
