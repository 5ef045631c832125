// Tests that overrides by key path (`--set`, sweep axes) set the keys they name, create missing
// mappings, keep every scenario check, and report errors naming the override. Public API only.
#include "scenario/overrides.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace cmhsim::scenario;

namespace {

const std::string kPartners = CMHSIM_SOURCE_DIR "/scenarios/ics_partners.yaml";
const std::string kNetwork = CMHSIM_SOURCE_DIR "/tests/scenario/data/full_example.yaml";

Scenario with_set(const std::string& base, const std::vector<std::string>& args) {
  return apply_overrides(load_scenario_file(base), parse_set_options(args));
}

ScenarioError set_error(const std::string& base, const std::vector<std::string>& args) {
  try {
    (void)with_set(base, args);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("the overrides were accepted");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("set options split at the first '=' into key path and value", "[overrides]") {
  const auto o = parse_set_options({"care_partners.fte=40",
                                    "services.cmht_triage_days={dist: "
                                    "gamma, shape: 2, scale: 7}",
                                    "name=a=b"});
  REQUIRE(o.size() == 3);
  CHECK(o[0].key_path == "care_partners.fte");
  CHECK(o[0].value == "40");
  CHECK(o[0].origin == "--set");
  CHECK(o[0].line == 0);
  CHECK(o[1].value == "{dist: gamma, shape: 2, scale: 7}");
  CHECK(o[2].key_path == "name");
  CHECK(o[2].value == "a=b");
}

TEST_CASE("set options with bad syntax are rejected naming the option", "[overrides][bad-input]") {
  const auto check = [](const std::string& arg, const std::string& what) {
    try {
      (void)parse_set_options({"care_partners.fte=1", arg});
      FAIL("accepted " << arg);
    } catch (const ScenarioError& e) {
      CHECK(std::string(e.what()) == what);
      CHECK_FALSE(e.positioned());
      CHECK(e.line() == 0);
    }
  };
  check("care_partners.fte",
        "--set care_partners.fte: expected key.path=value, e.g. care_partners.fte=40 (no '=' "
        "found)");
  check("=3", "--set =3: expected key.path=value, e.g. care_partners.fte=40 (no key)");
  check("care_partners.fte=",
        "--set care_partners.fte=: care_partners.fte: expected a value after '='");
  check("care_partners..fte=3",
        "--set care_partners..fte=3: expected a dotted key path such as care_partners.fte, with "
        "no empty segment");
  check(".fte=3",
        "--set .fte=3: expected a dotted key path such as care_partners.fte, with no empty "
        "segment");
  check("care partners.fte=3",
        "--set care partners.fte=3: expected a key path without spaces, e.g. care_partners.fte");
}

TEST_CASE("overrides set numbers, words, distributions and run settings", "[overrides]") {
  const Scenario s = with_set(
      kPartners, {"care_partners.fte=60", "policies.cmht_discharge_destination=care_partner",
                  "services.cmht_triage_days={dist: gamma, shape: 3, scale: 7}", "seed=5",
                  "replications=4", "warmup_days=365.25", "horizon_days=730.5"});
  REQUIRE(s.pathways);
  CHECK(s.pathways->care_partners.fte == 60.0);
  CHECK(s.pathways->policies.cmht_discharge_destination ==
        cmhsim::model::DischargeDestination::CarePartner);
  CHECK(s.pathways->services.cmht_triage_days.mean() == Approx(21.0));
  CHECK(s.seed == 5u);
  CHECK(s.replications == 4u);
  CHECK(s.network.horizon_days == 730.5);
  CHECK(s.pathways->horizon_days == 730.5);
  CHECK(s.pathways->warmup_days == 365.25);
  // Keys the overrides leave alone keep the base's values.
  CHECK(s.pathways->supervision.supervisor_fte == 3.0);
  CHECK(s.pathways->population.register_size == 15000u);
  CHECK(s.name == "ics_partners");
  CHECK(s.path == kPartners);
}

TEST_CASE("overrides create missing sections and distributions from defaults", "[overrides]") {
  // ics_partners.yaml has no clinical section and gives services.cmht_triage_days no value.
  const Scenario s =
      with_set(kPartners, {"clinical.cmht_hazard_ratio=0.5", "services.cmht_triage_days.scale=10"});
  REQUIRE(s.pathways);
  CHECK(s.pathways->clinical.cmht_hazard_ratio == 0.5);
  // The default is {dist: gamma, shape: 2, scale: 7}: only the scale changes.
  CHECK(s.pathways->services.cmht_triage_days.mean() == Approx(20.0));
  CHECK(s.pathways->clinical.struggling_to_crisis_per_year ==
        load_scenario_file(kPartners).pathways->clinical.struggling_to_crisis_per_year);
}

TEST_CASE("a category key starts from the other categories' defaults", "[overrides]") {
  const Scenario s = with_set(kPartners, {"population.ethnicity_shares.white=0.7",
                                          "population.ethnicity_shares.black=0.17"});
  REQUIRE(s.pathways);
  const auto& shares = s.pathways->population.ethnicity_shares;
  CHECK(shares[0] == 0.7);
  CHECK(shares[1] == 0.17);
  CHECK(shares[2] == 0.08);
  CHECK(shares[3] == 0.03);
  CHECK(shares[4] == 0.02);
}

TEST_CASE("a category key alone breaks the shares check, named by the override",
          "[overrides][bad-input]") {
  const ScenarioError e = set_error(kPartners, {"population.ethnicity_shares.white=0.7"});
  CHECK(std::string(e.what()) ==
        "--set population.ethnicity_shares.white=0.7: population.ethnicity_shares: shares sum "
        "to 0.9, expected 1 (within 1e-6)");
}

TEST_CASE("the overridden scenario's text reads back to the same scenario", "[overrides]") {
  const Scenario s =
      with_set(kPartners, {"care_partners.fte=12.5", "supervision.supervisor_fte=1"});
  CHECK(s.text.rfind("# " + kPartners + " with care_partners.fte=12.5, ", 0) == 0);
  const Scenario again = parse_scenario(s.text, "again.yaml");
  REQUIRE(again.pathways);
  CHECK(again.pathways->care_partners.fte == 12.5);
  CHECK(again.pathways->supervision.supervisor_fte == 1.0);
  CHECK(again.seed == s.seed);
  CHECK(again.name == "ics_partners");
}

TEST_CASE("no overrides return the base unchanged", "[overrides]") {
  const Scenario base = load_scenario_file(kPartners);
  const Scenario s = apply_overrides(base, {});
  CHECK(s.text == base.text);
  CHECK(s.pathways->care_partners.fte == base.pathways->care_partners.fte);
}

TEST_CASE("a later override of the same key wins", "[overrides]") {
  const Scenario s = with_set(kPartners, {"care_partners.fte=10", "care_partners.fte=20"});
  CHECK(s.pathways->care_partners.fte == 20.0);
}

TEST_CASE("network overrides reach services, queues, routing and arrivals", "[overrides]") {
  const Scenario s =
      with_set(kNetwork, {"services.cmht.servers=12", "services.cmht.queue.capacity=5",
                          "arrivals.referrals.interarrival.mean=0.2"});
  REQUIRE(s.network.services.size() == 4);
  CHECK(s.network.services[0].servers == 12);
  CHECK(s.network.services[0].queue_capacity == 5u);
  CHECK(s.network.arrivals[0].interarrival.mean() == Approx(0.2));
}

TEST_CASE("an unknown key path names the --set option with a suggestion",
          "[overrides][bad-input]") {
  CHECK(std::string(set_error(kPartners, {"care_partners.ftee=3"}).what()) ==
        "--set care_partners.ftee=3: unknown key (did you mean 'fte'?)");
  CHECK(std::string(set_error(kPartners, {"care_partner.fte=3"}).what()) ==
        "--set care_partner.fte=3: care_partner: unknown key (did you mean 'care_partners'?)");
  CHECK(std::string(set_error(kPartners, {"population.ethnicity_shares.whte=0.7"}).what()) ==
        "--set population.ethnicity_shares.whte=0.7: unknown category 'whte' (did you mean "
        "'white'?)");
  CHECK(std::string(set_error(kPartners, {"care_partners.fte.x=1"}).what()) ==
        "--set care_partners.fte.x=1: care_partners.fte: takes a number, not a mapping, so it has "
        "no key 'x'");
  CHECK(std::string(set_error(kPartners, {"services.cmht_triage_days.mean=3"}).what()) ==
        "--set services.cmht_triage_days.mean=3: unknown key of a gamma distribution (allowed: "
        "dist, shape, scale)");
  // Keys of the other kind of scenario are unknown here.
  CHECK(std::string(set_error(kNetwork, {"care_partners.fte=3"}).what()) ==
        "--set care_partners.fte=3: care_partners: unknown key (allowed: name, description, "
        "horizon_days, warmup_days, replications, seed, arrivals, services, uncertainty)");
  CHECK(std::string(set_error(kNetwork, {"services.cmhtt.servers=3"}).what()) ==
        "--set services.cmhtt.servers=3: services.cmhtt: unknown service 'cmhtt' (did you mean "
        "'cmht'?)");
}

TEST_CASE("a value failing validation names the override, not the base file",
          "[overrides][bad-input]") {
  CHECK(std::string(set_error(kPartners, {"care_partners.fte=-1"}).what()) ==
        "--set care_partners.fte=-1: expected a number in [0, 10000], got '-1'");
  CHECK(std::string(
            set_error(kPartners, {"policies.cmht_discharge_destination=care_partnr"}).what()) ==
        "--set policies.cmht_discharge_destination=care_partnr: expected one of 'primary_care', "
        "'care_partner', 'vcse', got 'care_partnr' (did you mean 'care_partner'?)");
  CHECK(std::string(set_error(kPartners, {"warmup_days=16000"}).what()) ==
        "--set warmup_days=16000: expected a number >= 0 and < horizon_days (15067.5), got "
        "'16000'");
  const ScenarioError bad_yaml = set_error(kPartners, {"care_partners.fte={"});
  CHECK_THAT(bad_yaml.what(),
             Catch::Matchers::StartsWith("--set care_partners.fte={: invalid YAML value '{': "));
  CHECK_THAT(set_error(kPartners, {"services.cmht_triage_days={dist: gamma, shape: 2}"}).what(),
             Catch::Matchers::StartsWith("--set services.cmht_triage_days={dist: gamma, shape: 2}: "
                                         "services.cmht_triage_days.scale: missing required key"));
}

TEST_CASE("an override from a sweep file reports the file, line and column",
          "[overrides][bad-input]") {
  const Scenario base = load_scenario_file(kPartners);
  try {
    (void)apply_overrides(base, {Override{"care_partners.ftee", "3", "sweep.yaml", 12, 3}});
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) ==
          "sweep.yaml:12:3: care_partners.ftee: unknown key (did you mean 'fte'?)");
    CHECK(e.positioned());
  }
  try {
    (void)apply_overrides(base, {Override{"care_partners.fte", "3", "sweep.yaml", 4, 5},
                                 Override{"supervision.supervisor_fte", "-2", "sweep.yaml", 7, 9}});
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) ==
          "sweep.yaml:7:9: supervision.supervisor_fte: expected a number in [0, 10000], got '-2'");
  }
}

TEST_CASE("parameter_at returns the table entry of a key path", "[overrides]") {
  const Scenario base = load_scenario_file(kPartners);
  const Parameter fte = parameter_at(base, Override{"care_partners.fte", "", "--set"});
  CHECK(fte.kind == ValueKind::Number);
  CHECK(fte.bounds.lo == 0.0);
  const Parameter scale =
      parameter_at(base, Override{"services.cmht_triage_days.scale", "", "--set"});
  CHECK(scale.kind == ValueKind::Number);
  CHECK(scale.bounds.lo_open);
  CHECK(parameter_at(base, Override{"population.practices", "", "--set"}).kind ==
        ValueKind::Integer);
}
