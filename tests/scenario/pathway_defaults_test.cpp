// Tests that a pathway scenario giving only the register size loads with every documented
// default, and how the file's kind is recognised. Knows the public scenario API and the config.
#include <catch2/catch.hpp>
#include <string>

#include "scenario/scenario.hpp"

using cmhsim::engine::DistKind;
using cmhsim::model::DischargeDestination;
using cmhsim::scenario::parse_scenario;
using cmhsim::scenario::Scenario;

namespace {

Scenario minimal() { return parse_scenario("population:\n  register_size: 15000\n", "ics.yaml"); }

}  // namespace

TEST_CASE("population section makes a pathway scenario with run defaults", "[scenario][pathway]") {
  const Scenario s = minimal();
  REQUIRE(s.pathways.has_value());
  CHECK(s.name == "ics");
  CHECK(s.replications == 10u);
  CHECK(s.seed == 1u);
  CHECK(s.network.services.empty());
  CHECK(s.network.arrivals.empty());
  CHECK(s.network.horizon_days == 3652.5);
  CHECK(s.network.warmup_days == 0.0);
  CHECK(s.pathways->horizon_days == 3652.5);
  CHECK(s.pathways->warmup_days == 0.0);
}

TEST_CASE("network scenario has no pathway configuration", "[scenario][pathway]") {
  const Scenario s = parse_scenario(R"(horizon_days: 100
arrivals:
  a: {to: clinic, interarrival: {dist: exponential, mean: 1}}
services:
  clinic: {servers: 1, service_time: {dist: fixed, value: 0.5}}
)",
                                    "net.yaml");
  CHECK_FALSE(s.pathways.has_value());
  CHECK(s.network.services.size() == 1);
}

TEST_CASE("minimal pathway scenario takes the population defaults", "[scenario][pathway]") {
  const Scenario s = minimal();
  const auto& p = s.pathways->population;
  CHECK(p.register_size == 15000u);
  CHECK(p.practices == 200u);
  CHECK(p.pcns == 30u);
  CHECK(p.adults_16_65 == 1000000.0);
  CHECK(p.incidence_per_100k_per_year == 46.4);
  CHECK(p.in_migration_per_year == 300.0);
  CHECK(p.out_migration_rate_per_year == 0.03);
  CHECK(p.age_mean == 48.0);
  CHECK(p.age_sd == 15.0);
  CHECK(p.age_min == 18.0);
  CHECK(p.age_max == 95.0);
  CHECK(p.incident_age_mean == 30.0);
  CHECK(p.incident_age_sd == 10.0);
  CHECK(p.male_share == 0.55);
  CHECK(p.ethnicity_shares == std::array<double, 5>{0.8, 0.07, 0.08, 0.03, 0.02});
  CHECK(p.diagnosis_shares == std::array<double, 3>{0.45, 0.35, 0.2});
  CHECK(p.network_shares == std::array<double, 3>{0.3, 0.35, 0.35});
  CHECK(p.lives_alone_by_network == std::array<double, 3>{0.25, 0.15, 0.55});
  CHECK(p.insecure_housing_by_network == std::array<double, 3>{0.1, 0.08, 0.25});
  CHECK(p.long_term_sick_by_network == std::array<double, 3>{0.3, 0.4, 0.6});
  CHECK(p.engagement_mean == 0.7);
  CHECK(p.engagement_sd == 0.15);
  CHECK(p.initial_cmht_share == 0.37);
  CHECK(p.initial_outpatients_share == 0.3);
  CHECK(p.initial_struggling_share == 0.25);
  CHECK(p.qol_initial_mean == 4.5);
  CHECK(p.qol_initial_sd == 0.9);
}

TEST_CASE("minimal pathway scenario takes the clinical defaults", "[scenario][pathway]") {
  const Scenario s = minimal();
  const auto& c = s.pathways->clinical;
  CHECK(c.stable_to_struggling_per_year == 0.56);
  CHECK(c.struggling_to_crisis_per_year == 0.9);
  CHECK(c.struggling_to_stable_per_year == 4.0);
  CHECK(c.network_hazard_ratio == std::array<double, 3>{0.85, 0.95, 1.2});
  CHECK(c.living_alone_hazard_ratio == 1.15);
  CHECK(c.insecure_housing_hazard_ratio == 1.2);
  CHECK(c.long_term_sick_hazard_ratio == 1.1);
  CHECK(c.care_partner_hazard_ratio == 0.85);
  CHECK(c.cmht_hazard_ratio == 0.75);
  CHECK(c.vcse_hazard_ratio == 0.92);
  CHECK(c.care_partner_recovery_ratio == 1.2);
  CHECK(c.qol_mean_reversion_per_year == 1.5);
  CHECK(c.qol_noise_sd_per_sqrt_year == 0.8);
  CHECK(c.qol_target_base == 4.5);
  CHECK(c.qol_target_per_goal == 0.08);
  CHECK(c.qol_target_goal_cap == 0.4);
  CHECK(c.qol_target_vcse == 0.1);
  CHECK(c.qol_target_care_partner == 0.1);
  CHECK(c.qol_crisis_drop == 0.6);
  CHECK(c.qol_struggling_target_drop == 0.4);
  CHECK(c.mortality_gompertz_log_a == -10.4);
  CHECK(c.mortality_gompertz_b == 0.094);
  CHECK(c.mortality_hazard_ratio == std::array<double, 3>{2.08, 1.79, 1.9});
}

TEST_CASE("minimal pathway scenario has no Care Partners and no supervisors",
          "[scenario][pathway]") {
  const auto config = *minimal().pathways;
  const auto& cp = config.care_partners;
  CHECK(cp.fte == 0.0);
  CHECK(cp.fte_per_worker == 1.0);
  CHECK(cp.caseload_per_fte == 30.0);
  CHECK(cp.contact_interval_stable_days == 35.0);
  CHECK(cp.contact_interval_struggling_days == 14.0);
  CHECK(cp.contact_hours == 1.5);
  CHECK(cp.hours_per_fte_per_month == 90.0);
  CHECK(cp.goal_set_probability == 0.3);
  CHECK(cp.goal_achieve_probability == 0.2);
  CHECK(cp.disengage_probability == 0.08);
  CHECK(cp.choice_of_care_partner == 0.0);
  CHECK(cp.competence_initial == 0.5);
  CHECK(cp.competence_gain_per_supervised_month == 0.05);
  CHECK(cp.competence_drift_per_unsupervised_month == 0.03);
  CHECK(cp.competence_min == 0.2);
  CHECK(cp.turnover_per_year == 0.19);
  CHECK(cp.unsupervised_turnover_ratio == 1.6);
  CHECK(cp.recruitment_delay_days.kind() == DistKind::Gamma);
  CHECK(cp.recruitment_delay_days.mean() == Approx(120.0));
  CHECK(cp.recruitment_delay_days.variance() == Approx(2 * 60.0 * 60.0));
  CHECK(cp.referral_delay_ratio == 0.5);
  CHECK(cp.vacancy_at_start_share == 0.2);
  CHECK(config.supervision.supervisor_fte == 0.0);
  CHECK(config.supervision.hours_per_supervisor_fte_per_month == 20.0);
  CHECK(config.supervision.hours_per_care_partner_per_month == 1.5);
}

TEST_CASE("minimal pathway scenario takes today's services and policies", "[scenario][pathway]") {
  const auto config = *minimal().pathways;
  const auto& sv = config.services;
  CHECK(sv.gp_consultations_per_year == 4.0);
  CHECK(sv.physical_check_probability == 0.5);
  CHECK(sv.physical_check_with_support == 0.75);
  CHECK(sv.cmht_coordinators_fte == 210.0);
  CHECK(sv.cmht_caseload_per_fte == 25.0);
  CHECK(sv.cmht_contacts_per_month == 1.5);
  CHECK(sv.cmht_triage_days.kind() == DistKind::Gamma);
  CHECK(sv.cmht_triage_days.mean() == Approx(14.0));
  CHECK(sv.cmht_waiting_patience_days == 120.0);
  CHECK(sv.crisis_team_slots == 130.0);
  CHECK(sv.crisis_episode_days.mean() == Approx(28.0));
  CHECK(sv.crisis_episode_days.variance() == Approx(2 * 14.0 * 14.0));
  CHECK(sv.crisis_admission_probability == 0.35);
  CHECK(sv.crisis_admission_if_full == 0.5);
  CHECK(sv.beds == 60.0);
  CHECK(sv.length_of_stay_days.kind() == DistKind::Lognormal);
  CHECK(sv.length_of_stay_days.mean() == Approx(33.0));
  CHECK(sv.length_of_stay_days.variance() == Approx(900.0));
  CHECK(sv.outpatient_appointments_per_year == 2.0);
  CHECK(sv.vcse_places == 400.0);
  CHECK(sv.vcse_connection_days.mean() == Approx(180.0));
  CHECK(sv.vcse_referral_probability == 0.1);
  const auto& po = config.policies;
  CHECK(po.cmht_discharge_stable_days == 730.0);
  CHECK(po.cmht_discharge_destination == DischargeDestination::PrimaryCare);
  CHECK(po.cmht_discharge_outpatients_share == 0.5);
  CHECK(po.outpatient_discharge_stable_days == 1825.0);
  CHECK(po.post_discharge_followup_days == 7.0);
  CHECK(po.post_crisis_cmht_probability == 0.6);
  CHECK(po.proactive_coverage == 0.0);
  CHECK(po.proactive_interval_days == 0.0);
  CHECK(po.rereferral_struggling_days == 90.0);
  CHECK(po.referral_delay_days.kind() == DistKind::Gamma);
  CHECK(po.referral_delay_days.mean() == Approx(14.0));
  CHECK(po.gap_contact_window_days == 365.0);
}

TEST_CASE("minimal pathway scenario takes default costs and no trial", "[scenario][pathway]") {
  const auto config = *minimal().pathways;
  const auto& co = config.costs;
  CHECK(co.gp_consultation == 42.0);
  CHECK(co.physical_health_check == 60.0);
  CHECK(co.care_partner_fte_year == 38000.0);
  CHECK(co.supervisor_fte_year == 55000.0);
  CHECK(co.cmht_contact == 110.0);
  CHECK(co.crisis_team_day == 210.0);
  CHECK(co.inpatient_bed_day == 450.0);
  CHECK(co.out_of_area_bed_day == 620.0);
  CHECK(co.outpatient_appointment == 180.0);
  CHECK(co.vcse_place_day == 3.0);
  const auto& t = config.trial;
  CHECK_FALSE(t.enabled);
  CHECK(t.practices == 39u);
  CHECK(t.intervention_practices == 20u);
  CHECK(t.participants_intervention == 116u);
  CHECK(t.participants_control == 82u);
  CHECK(t.follow_up_days == 304.375);
}

TEST_CASE("trial section enables the trial and fills its other keys from defaults",
          "[scenario][pathway]") {
  const Scenario s = parse_scenario(R"(population: {register_size: 300}
trial:
  participants_control: 90
)",
                                    "trial.yaml");
  const auto& t = s.pathways->trial;
  CHECK(t.enabled);
  CHECK(t.participants_control == 90u);
  CHECK(t.participants_intervention == 116u);
  CHECK(t.practices == 39u);
  CHECK(s.pathways->population.register_size == 300u);
}

TEST_CASE("an empty trial section still enables the trial", "[scenario][pathway]") {
  const Scenario s = parse_scenario("population: {register_size: 300}\ntrial:\n", "trial.yaml");
  CHECK(s.pathways->trial.enabled);
  CHECK(s.pathways->trial.intervention_practices == 20u);
}
