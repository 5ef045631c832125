// Pathway scenarios: the sections of the file mapped one to one onto model::PathwayConfig.
// Knows the scenario file's pathway sections and the model's config; no simulation, no threads.
#include <algorithm>
#include <stdexcept>

#include "scenario/pathway_reader.hpp"

namespace cmhsim::scenario {
namespace {

template <std::size_t N>
std::array<double, N> by_category(Section& s, std::string_view key,
                                  const std::array<const char*, N>& names) {
  const std::vector<std::string_view> wanted(names.begin(), names.end());
  const std::vector<double> values = s.categories(key, wanted);
  std::array<double, N> out{};
  std::copy(values.begin(), values.end(), out.begin());
  return out;
}

model::PopulationConfig read_population(Section& s) {
  model::PopulationConfig c{};
  c.register_size = s.count("register_size");
  c.practices = s.count("practices");
  c.pcns = s.count("pcns");
  c.adults_16_65 = s.number("adults_16_65");
  c.incidence_per_100k_per_year = s.number("incidence_per_100k_per_year");
  c.in_migration_per_year = s.number("in_migration_per_year");
  c.out_migration_rate_per_year = s.number("out_migration_rate_per_year");
  c.age_mean = s.number("age_mean");
  c.age_sd = s.number("age_sd");
  c.age_min = s.number("age_min");
  c.age_max = s.number("age_max");
  c.incident_age_mean = s.number("incident_age_mean");
  c.incident_age_sd = s.number("incident_age_sd");
  c.male_share = s.number("male_share");
  c.ethnicity_shares = by_category(s, "ethnicity_shares", model::kEthnicityNames);
  c.diagnosis_shares = by_category(s, "diagnosis_shares", model::kDiagnosisNames);
  c.network_shares = by_category(s, "network_shares", model::kNetworkTypeNames);
  c.lives_alone_by_network = by_category(s, "lives_alone_by_network", model::kNetworkTypeNames);
  c.insecure_housing_by_network =
      by_category(s, "insecure_housing_by_network", model::kNetworkTypeNames);
  c.long_term_sick_by_network =
      by_category(s, "long_term_sick_by_network", model::kNetworkTypeNames);
  c.engagement_mean = s.number("engagement_mean");
  c.engagement_sd = s.number("engagement_sd");
  c.initial_cmht_share = s.number("initial_cmht_share");
  c.initial_outpatients_share = s.number("initial_outpatients_share");
  c.initial_struggling_share = s.number("initial_struggling_share");
  c.qol_initial_mean = s.number("qol_initial_mean");
  c.qol_initial_sd = s.number("qol_initial_sd");
  return c;
}

model::ClinicalConfig read_clinical(Section& s) {
  model::ClinicalConfig c{};
  c.stable_to_struggling_per_year = s.number("stable_to_struggling_per_year");
  c.struggling_to_crisis_per_year = s.number("struggling_to_crisis_per_year");
  c.struggling_to_stable_per_year = s.number("struggling_to_stable_per_year");
  c.network_hazard_ratio = by_category(s, "network_hazard_ratio", model::kNetworkTypeNames);
  c.living_alone_hazard_ratio = s.number("living_alone_hazard_ratio");
  c.insecure_housing_hazard_ratio = s.number("insecure_housing_hazard_ratio");
  c.long_term_sick_hazard_ratio = s.number("long_term_sick_hazard_ratio");
  c.care_partner_hazard_ratio = s.number("care_partner_hazard_ratio");
  c.cmht_hazard_ratio = s.number("cmht_hazard_ratio");
  c.vcse_hazard_ratio = s.number("vcse_hazard_ratio");
  c.care_partner_recovery_ratio = s.number("care_partner_recovery_ratio");
  c.qol_mean_reversion_per_year = s.number("qol_mean_reversion_per_year");
  c.qol_noise_sd_per_sqrt_year = s.number("qol_noise_sd_per_sqrt_year");
  c.qol_target_base = s.number("qol_target_base");
  c.qol_target_per_goal = s.number("qol_target_per_goal");
  c.qol_target_goal_cap = s.number("qol_target_goal_cap");
  c.qol_target_vcse = s.number("qol_target_vcse");
  c.qol_target_care_partner = s.number("qol_target_care_partner");
  c.qol_crisis_drop = s.number("qol_crisis_drop");
  c.qol_struggling_target_drop = s.number("qol_struggling_target_drop");
  c.mortality_gompertz_log_a = s.number("mortality_gompertz_log_a");
  c.mortality_gompertz_b = s.number("mortality_gompertz_b");
  c.mortality_hazard_ratio = by_category(s, "mortality_hazard_ratio", model::kDiagnosisNames);
  return c;
}

model::CarePartnerConfig read_care_partners(Section& s) {
  model::CarePartnerConfig c{};
  c.fte = s.number("fte");
  c.fte_per_worker = s.number("fte_per_worker");
  c.caseload_per_fte = s.number("caseload_per_fte");
  c.contact_interval_stable_days = s.number("contact_interval_stable_days");
  c.contact_interval_struggling_days = s.number("contact_interval_struggling_days");
  c.contact_hours = s.number("contact_hours");
  c.hours_per_fte_per_month = s.number("hours_per_fte_per_month");
  c.goal_set_probability = s.number("goal_set_probability");
  c.goal_achieve_probability = s.number("goal_achieve_probability");
  c.disengage_probability = s.number("disengage_probability");
  c.choice_of_care_partner = static_cast<double>(s.count("choice_of_care_partner"));
  c.competence_initial = s.number("competence_initial");
  c.competence_gain_per_supervised_month = s.number("competence_gain_per_supervised_month");
  c.competence_drift_per_unsupervised_month = s.number("competence_drift_per_unsupervised_month");
  c.competence_min = s.number("competence_min");
  c.turnover_per_year = s.number("turnover_per_year");
  c.unsupervised_turnover_ratio = s.number("unsupervised_turnover_ratio");
  c.recruitment_delay_days = s.distribution("recruitment_delay_days");
  c.referral_delay_ratio = s.number("referral_delay_ratio");
  c.vacancy_at_start_share = s.number("vacancy_at_start_share");
  return c;
}

model::SupervisionConfig read_supervision(Section& s) {
  model::SupervisionConfig c{};
  c.supervisor_fte = s.number("supervisor_fte");
  c.hours_per_supervisor_fte_per_month = s.number("hours_per_supervisor_fte_per_month");
  c.hours_per_care_partner_per_month = s.number("hours_per_care_partner_per_month");
  return c;
}

model::ServicesConfig read_services(Section& s) {
  model::ServicesConfig c{};
  c.gp_consultations_per_year = s.number("gp_consultations_per_year");
  c.physical_check_probability = s.number("physical_check_probability");
  c.physical_check_with_support = s.number("physical_check_with_support");
  c.cmht_coordinators_fte = s.number("cmht_coordinators_fte");
  c.cmht_caseload_per_fte = s.number("cmht_caseload_per_fte");
  c.cmht_contacts_per_month = s.number("cmht_contacts_per_month");
  c.cmht_triage_days = s.distribution("cmht_triage_days");
  c.cmht_waiting_patience_days = s.number("cmht_waiting_patience_days");
  c.crisis_team_slots = s.number("crisis_team_slots");
  c.crisis_episode_days = s.distribution("crisis_episode_days");
  c.crisis_admission_probability = s.number("crisis_admission_probability");
  c.crisis_admission_if_full = s.number("crisis_admission_if_full");
  c.beds = s.number("beds");
  c.length_of_stay_days = s.distribution("length_of_stay_days");
  c.outpatient_appointments_per_year = s.number("outpatient_appointments_per_year");
  c.vcse_places = s.number("vcse_places");
  c.vcse_connection_days = s.distribution("vcse_connection_days");
  c.vcse_referral_probability = s.number("vcse_referral_probability");
  return c;
}

model::DischargeDestination destination(const std::string& word) {
  const auto& names = model::kDischargeDestinationNames;
  const auto it = std::find(names.begin(), names.end(), word);
  if (it == names.end()) throw std::logic_error("unknown discharge destination " + word);
  return static_cast<model::DischargeDestination>(it - names.begin());
}

model::PolicyConfig read_policies(Section& s) {
  model::PolicyConfig c{};
  c.cmht_discharge_stable_days = s.number("cmht_discharge_stable_days");
  c.cmht_discharge_destination = destination(s.choice("cmht_discharge_destination"));
  c.cmht_discharge_outpatients_share = s.number("cmht_discharge_outpatients_share");
  c.outpatient_discharge_stable_days = s.number("outpatient_discharge_stable_days");
  c.post_discharge_followup_days = s.number("post_discharge_followup_days");
  c.post_crisis_cmht_probability = s.number("post_crisis_cmht_probability");
  c.proactive_coverage = s.number("proactive_coverage");
  c.proactive_interval_days = s.number("proactive_interval_days");
  c.rereferral_struggling_days = s.number("rereferral_struggling_days");
  c.referral_delay_days = s.distribution("referral_delay_days");
  c.gap_contact_window_days = s.number("gap_contact_window_days");
  return c;
}

model::CostConfig read_costs(Section& s) {
  model::CostConfig c{};
  c.gp_consultation = s.number("gp_consultation");
  c.physical_health_check = s.number("physical_health_check");
  c.care_partner_fte_year = s.number("care_partner_fte_year");
  c.supervisor_fte_year = s.number("supervisor_fte_year");
  c.cmht_contact = s.number("cmht_contact");
  c.crisis_team_day = s.number("crisis_team_day");
  c.inpatient_bed_day = s.number("inpatient_bed_day");
  c.out_of_area_bed_day = s.number("out_of_area_bed_day");
  c.outpatient_appointment = s.number("outpatient_appointment");
  c.vcse_place_day = s.number("vcse_place_day");
  return c;
}

model::TrialConfig read_trial(Section& s) {
  model::TrialConfig c{};
  c.enabled = s.given();
  c.practices = s.count("practices");
  c.intervention_practices = s.count("intervention_practices");
  c.participants_intervention = s.count("participants_intervention");
  c.participants_control = s.count("participants_control");
  c.follow_up_days = s.number("follow_up_days");
  return c;
}

model::WarmStartConfig read_warm_start(Section& s) {
  model::WarmStartConfig c{};
  c.enabled = s.given();
  c.cmht_caseload = s.count("cmht_caseload");
  c.cmht_waiting = s.count("cmht_waiting");
  c.outpatients = s.count("outpatients");
  c.care_partner_caseload = s.count("care_partner_caseload");
  c.care_partner_waiting = s.count("care_partner_waiting");
  return c;
}

}  // namespace

model::PathwayConfig read_pathways(const Reader& r, const Field& root, const Fields& top,
                                   double horizon_days, double warmup_days) {
  PathwaySections s{Section(r, root, top, "population"),    Section(r, root, top, "clinical"),
                    Section(r, root, top, "care_partners"), Section(r, root, top, "supervision"),
                    Section(r, root, top, "services"),      Section(r, root, top, "policies"),
                    Section(r, root, top, "costs"),         Section(r, root, top, "trial"),
                    Section(r, root, top, "warm_start")};
  model::PathwayConfig c{};
  c.population = read_population(s.population);
  c.clinical = read_clinical(s.clinical);
  c.care_partners = read_care_partners(s.care_partners);
  c.supervision = read_supervision(s.supervision);
  c.services = read_services(s.services);
  c.policies = read_policies(s.policies);
  c.costs = read_costs(s.costs);
  c.trial = read_trial(s.trial);
  c.warm_start = read_warm_start(s.warm_start);
  c.horizon_days = horizon_days;
  c.warmup_days = warmup_days;
  for (const Section* section : {&s.population, &s.clinical, &s.care_partners, &s.supervision,
                                 &s.services, &s.policies, &s.costs, &s.trial, &s.warm_start}) {
    section->check_all_read();
  }
  check_pathways(r, s, c);
  return c;
}

}  // namespace cmhsim::scenario
