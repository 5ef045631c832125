// Tests that a pathway file setting every key reaches every field of model::PathwayConfig, and
// that the file covers every pathway key of the table. Knows the scenario API and the config.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

using cmhsim::engine::DistKind;
using cmhsim::model::DischargeDestination;
using namespace cmhsim::scenario;

namespace {

const std::string kFull = CMHSIM_SOURCE_DIR "/tests/scenario/data/pathway_full.yaml";

void collect_leaves(const YAML::Node& node, const std::string& path, std::set<std::string>& out) {
  for (const auto& entry : node) {
    const std::string key = path.empty() ? entry.first.Scalar() : path + "." + entry.first.Scalar();
    const bool nested = entry.second.IsMap() && !entry.second["dist"];
    if (nested) {
      collect_leaves(entry.second, key, out);
    } else {
      out.insert(key);
    }
  }
}

}  // namespace

TEST_CASE("full pathway file sets every pathway key of the table", "[scenario][pathway]") {
  std::set<std::string> in_file;
  collect_leaves(YAML::LoadFile(kFull), "", in_file);
  std::set<std::string> in_table;
  for (const Parameter& p : parameters()) {
    const bool container = p.kind == ValueKind::Mapping || p.kind == ValueKind::Categories;
    // A warm start cannot sit beside the trial the full file declares; see the next test.
    const bool warm_start = std::string_view(p.path).rfind("warm_start.", 0) == 0;
    if (belongs_to(p, Schema::Pathway) && !container && !warm_start) in_table.emplace(p.path);
  }
  CHECK(in_file == in_table);
}

TEST_CASE("warm start counts load, and wrong ones are rejected with their place",
          "[scenario][pathway][bad-input]") {
  const std::string head =
      "population: {register_size: 2000}\n"
      "services: {cmht_coordinators_fte: 20, cmht_caseload_per_fte: 25}\n"
      "care_partners: {fte: 4}\n";
  const Scenario sc = parse_scenario(
      head + "warm_start: {cmht_caseload: 500, cmht_waiting: 100, outpatients: 300,\n"
             "  care_partner_caseload: 120, care_partner_waiting: 40}\n",
      "warm.yaml");
  const auto& w = sc.pathways->warm_start;
  CHECK(w.enabled);
  CHECK(w.cmht_caseload == 500);
  CHECK(w.cmht_waiting == 100);
  CHECK(w.outpatients == 300);
  CHECK(w.care_partner_caseload == 120);
  CHECK(w.care_partner_waiting == 40);
  CHECK_FALSE(parse_scenario(head, "cold.yaml").pathways->warm_start.enabled);

  auto error_of = [&](const std::string& warm) -> std::string {
    try {
      (void)parse_scenario(head + warm, "warm.yaml");
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK(error_of("warm_start: {cmht_caseload: 501}\n") ==
        "warm.yaml:4:29: warm_start.cmht_caseload: expected an integer <= the CMHT caseload slots "
        "(500 = floor(services.cmht_coordinators_fte x services.cmht_caseload_per_fte)), got '501'");
  CHECK(error_of("warm_start: {cmht_caseload: 10, cmht_waiting: 5}\n") ==
        "warm.yaml:4:47: warm_start.cmht_waiting: expected 0 while CMHT caseloads have free slots "
        "(cmht_caseload 10 < 500), got '5'");
  CHECK(error_of("warm_start: {outpatients: 2500}\n").find(
            "the counts add up to 2500 people, more than population.register_size (2000)") !=
        std::string::npos);
}

TEST_CASE("full pathway file overrides run settings and population", "[scenario][pathway]") {
  const Scenario s = load_scenario_file(kFull);
  REQUIRE(s.pathways.has_value());
  CHECK(s.name == "pathway_full");
  CHECK(s.replications == 4u);
  CHECK(s.seed == 99u);
  CHECK(s.network.horizon_days == 1826.25);
  CHECK(s.network.warmup_days == 365.25);
  CHECK(s.pathways->horizon_days == 1826.25);
  CHECK(s.pathways->warmup_days == 365.25);
  const auto& p = s.pathways->population;
  CHECK(p.register_size == 12000u);
  CHECK(p.practices == 150u);
  CHECK(p.pcns == 25u);
  CHECK(p.adults_16_65 == 800000.0);
  CHECK(p.incidence_per_100k_per_year == 50.0);
  CHECK(p.in_migration_per_year == 250.0);
  CHECK(p.out_migration_rate_per_year == 0.025);
  CHECK(p.age_mean == 46.0);
  CHECK(p.age_sd == 14.0);
  CHECK(p.age_min == 17.0);
  CHECK(p.age_max == 90.0);
  CHECK(p.incident_age_mean == 28.0);
  CHECK(p.incident_age_sd == 9.0);
  CHECK(p.male_share == 0.52);
  CHECK(p.ethnicity_shares == std::array<double, 5>{0.7, 0.1, 0.12, 0.05, 0.03});
  CHECK(p.diagnosis_shares == std::array<double, 3>{0.5, 0.3, 0.2});
  CHECK(p.network_shares == std::array<double, 3>{0.25, 0.4, 0.35});
  CHECK(p.lives_alone_by_network == std::array<double, 3>{0.2, 0.1, 0.6});
  CHECK(p.insecure_housing_by_network == std::array<double, 3>{0.12, 0.05, 0.3});
  CHECK(p.long_term_sick_by_network == std::array<double, 3>{0.35, 0.45, 0.65});
  CHECK(p.engagement_mean == 0.65);
  CHECK(p.engagement_sd == 0.2);
  CHECK(p.initial_cmht_share == 0.35);
  CHECK(p.initial_outpatients_share == 0.28);
  CHECK(p.initial_struggling_share == 0.18);
  CHECK(p.qol_initial_mean == 4.4);
  CHECK(p.qol_initial_sd == 0.8);
}

TEST_CASE("full pathway file overrides the clinical section", "[scenario][pathway]") {
  const Scenario s = load_scenario_file(kFull);
  const auto& c = s.pathways->clinical;
  CHECK(c.stable_to_struggling_per_year == 0.5);
  CHECK(c.struggling_to_crisis_per_year == 1.1);
  CHECK(c.struggling_to_stable_per_year == 3.5);
  CHECK(c.network_hazard_ratio == std::array<double, 3>{0.8, 0.9, 1.3});
  CHECK(c.living_alone_hazard_ratio == 1.2);
  CHECK(c.insecure_housing_hazard_ratio == 1.3);
  CHECK(c.long_term_sick_hazard_ratio == 1.05);
  CHECK(c.care_partner_hazard_ratio == 0.8);
  CHECK(c.cmht_hazard_ratio == 0.7);
  CHECK(c.vcse_hazard_ratio == 0.9);
  CHECK(c.care_partner_recovery_ratio == 1.3);
  CHECK(c.qol_mean_reversion_per_year == 2.0);
  CHECK(c.qol_noise_sd_per_sqrt_year == 0.65);
  CHECK(c.qol_target_base == 4.6);
  CHECK(c.qol_target_per_goal == 0.1);
  CHECK(c.qol_target_goal_cap == 0.45);
  CHECK(c.qol_target_vcse == 0.15);
  CHECK(c.qol_target_care_partner == 0.12);
  CHECK(c.qol_crisis_drop == 0.55);
  CHECK(c.qol_struggling_target_drop == 0.3);
  CHECK(c.mortality_gompertz_log_a == -10.2);
  CHECK(c.mortality_gompertz_b == 0.09);
  CHECK(c.mortality_hazard_ratio == std::array<double, 3>{2.2, 1.7, 2.0});
}

TEST_CASE("full pathway file overrides Care Partners and supervision", "[scenario][pathway]") {
  const Scenario s = load_scenario_file(kFull);
  const auto& cp = s.pathways->care_partners;
  CHECK(cp.fte == 12.0);
  CHECK(cp.fte_per_worker == 0.8);
  CHECK(cp.caseload_per_fte == 28.0);
  CHECK(cp.contact_interval_stable_days == 30.0);
  CHECK(cp.contact_interval_struggling_days == 10.0);
  CHECK(cp.contact_hours == 1.25);
  CHECK(cp.hours_per_fte_per_month == 100.0);
  CHECK(cp.goal_set_probability == 0.35);
  CHECK(cp.goal_achieve_probability == 0.21);
  CHECK(cp.disengage_probability == 0.1);
  CHECK(cp.choice_of_care_partner == 1.0);
  CHECK(cp.competence_initial == 0.4);
  CHECK(cp.competence_gain_per_supervised_month == 0.06);
  CHECK(cp.competence_drift_per_unsupervised_month == 0.04);
  CHECK(cp.competence_min == 0.25);
  CHECK(cp.turnover_per_year == 0.22);
  CHECK(cp.unsupervised_turnover_ratio == 1.8);
  CHECK(cp.recruitment_delay_days.kind() == DistKind::Lognormal);
  CHECK(cp.recruitment_delay_days.mean() == Approx(100.0));
  CHECK(cp.recruitment_delay_days.variance() == Approx(1600.0));
  CHECK(cp.referral_delay_ratio == 0.6);
  CHECK(cp.vacancy_at_start_share == 0.15);
  const auto& su = s.pathways->supervision;
  CHECK(su.supervisor_fte == 2.0);
  CHECK(su.hours_per_supervisor_fte_per_month == 25.0);
  CHECK(su.hours_per_care_partner_per_month == 1.2);
}

TEST_CASE("full pathway file overrides services and policies", "[scenario][pathway]") {
  const Scenario s = load_scenario_file(kFull);
  const auto& sv = s.pathways->services;
  CHECK(sv.gp_consultations_per_year == 5.0);
  CHECK(sv.physical_check_probability == 0.55);
  CHECK(sv.physical_check_with_support == 0.8);
  CHECK(sv.cmht_coordinators_fte == 180.0);
  CHECK(sv.cmht_caseload_per_fte == 27.0);
  CHECK(sv.cmht_contacts_per_month == 2.0);
  CHECK(sv.cmht_triage_days.kind() == DistKind::Exponential);
  CHECK(sv.cmht_triage_days.mean() == Approx(10.0));
  CHECK(sv.cmht_waiting_patience_days == 90.0);
  CHECK(sv.crisis_team_slots == 50.0);
  CHECK(sv.crisis_episode_days.kind() == DistKind::Fixed);
  CHECK(sv.crisis_episode_days.mean() == 21.0);
  CHECK(sv.crisis_admission_probability == 0.25);
  CHECK(sv.crisis_admission_if_full == 0.6);
  CHECK(sv.beds == 150.0);
  CHECK(sv.length_of_stay_days.kind() == DistKind::Gamma);
  CHECK(sv.length_of_stay_days.mean() == Approx(30.0));
  CHECK(sv.outpatient_appointments_per_year == 3.0);
  CHECK(sv.vcse_places == 300.0);
  CHECK(sv.vcse_connection_days.kind() == DistKind::Uniform);
  CHECK(sv.vcse_connection_days.mean() == Approx(150.0));
  CHECK(sv.vcse_referral_probability == 0.15);
  const auto& po = s.pathways->policies;
  CHECK(po.cmht_discharge_stable_days == 270.0);
  CHECK(po.cmht_discharge_destination == DischargeDestination::CarePartner);
  CHECK(po.cmht_discharge_outpatients_share == 0.15);
  CHECK(po.outpatient_discharge_stable_days == 800.0);
  CHECK(po.post_discharge_followup_days == 3.0);
  CHECK(po.post_crisis_cmht_probability == 0.5);
  CHECK(po.proactive_coverage == 0.4);
  CHECK(po.proactive_interval_days == 180.0);
  CHECK(po.rereferral_struggling_days == 60.0);
  CHECK(po.referral_delay_days.kind() == DistKind::Empirical);
  CHECK(po.referral_delay_days.mean() == Approx((2.0 + 14.0 + 21.0) / 4.0));
  CHECK(po.gap_contact_window_days == 300.0);
}

TEST_CASE("full pathway file overrides costs and the trial", "[scenario][pathway]") {
  const Scenario s = load_scenario_file(kFull);
  const auto& co = s.pathways->costs;
  CHECK(co.gp_consultation == 40.0);
  CHECK(co.physical_health_check == 55.0);
  CHECK(co.care_partner_fte_year == 36000.0);
  CHECK(co.supervisor_fte_year == 52000.0);
  CHECK(co.cmht_contact == 100.0);
  CHECK(co.crisis_team_day == 200.0);
  CHECK(co.inpatient_bed_day == 480.0);
  CHECK(co.out_of_area_bed_day == 650.0);
  CHECK(co.outpatient_appointment == 170.0);
  CHECK(co.vcse_place_day == 4.0);
  const auto& t = s.pathways->trial;
  CHECK(t.enabled);
  CHECK(t.practices == 40u);
  CHECK(t.intervention_practices == 21u);
  CHECK(t.participants_intervention == 120u);
  CHECK(t.participants_control == 80u);
  CHECK(t.follow_up_days == 300.0);
}

TEST_CASE("every discharge destination word maps to its enumerator", "[scenario][pathway]") {
  const auto load = [](const std::string& word) {
    return parse_scenario(
               "population: {register_size: 10}\npolicies: {cmht_discharge_destination: " + word +
                   "}\n",
               "ics.yaml")
        .pathways->policies.cmht_discharge_destination;
  };
  CHECK(load("primary_care") == DischargeDestination::PrimaryCare);
  CHECK(load("care_partner") == DischargeDestination::CarePartner);
  CHECK(load("vcse") == DischargeDestination::Vcse);
}
