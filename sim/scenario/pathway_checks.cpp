// The checks of a pathway scenario that span keys: shares summing to 1, ordered limits, a beta
// distribution that exists, trial consistency. Knows the config and the sections; no simulation.
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "scenario/limits.hpp"
#include "scenario/pathway_reader.hpp"

namespace cmhsim::scenario {
namespace {

constexpr double kShareTolerance = 1e-6;

/// Returns `v` with three significant digits, for limits derived by arithmetic.
std::string rounded(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

/// Returns the field of `key` in the file; a rule broken by defaults alone is a table bug.
const Field& given(const Section& s, std::string_view key) {
  const Field* f = s.given_field(key);
  if (f == nullptr) {
    throw std::logic_error("the defaults of '" + s.field().path + "." + std::string(key) +
                           "' break a scenario rule");
  }
  return *f;
}

/// Fails at the file's `first` if given, else at `second`, with the expectation for each.
[[noreturn]] void fail_either(const Reader& r, const Section& s1, std::string_view first,
                              const std::string& expected_first, const Section& s2,
                              std::string_view second, const std::string& expected_second) {
  if (const Field* f = s1.given_field(first)) r.fail_expected(*f, expected_first);
  r.fail_expected(given(s2, second), expected_second);
}

void check_shares(const Reader& r, const Section& s, std::string_view key, const double* begin,
                  const double* end) {
  double sum = 0.0;
  for (const double* v = begin; v != end; ++v) sum += *v;
  if (std::abs(sum - 1.0) > kShareTolerance) {
    r.fail(given(s, key), "shares sum to " + format_number(sum) + ", expected 1 (within 1e-6)");
  }
}

void check_population(const Reader& r, const Section& s, const model::PopulationConfig& p) {
  check_shares(r, s, "ethnicity_shares", p.ethnicity_shares.data(),
               p.ethnicity_shares.data() + p.ethnicity_shares.size());
  check_shares(r, s, "diagnosis_shares", p.diagnosis_shares.data(),
               p.diagnosis_shares.data() + p.diagnosis_shares.size());
  check_shares(r, s, "network_shares", p.network_shares.data(),
               p.network_shares.data() + p.network_shares.size());
  if (p.pcns > p.practices) {
    fail_either(r, s, "pcns",
                "an integer <= population.practices (" + std::to_string(p.practices) + ")", s,
                "practices", "an integer >= population.pcns (" + std::to_string(p.pcns) + ")");
  }
  if (p.age_min >= p.age_max) {
    fail_either(r, s, "age_max", "a number > population.age_min (" + format_number(p.age_min) + ")",
                s, "age_min", "a number < population.age_max (" + format_number(p.age_max) + ")");
  }
  const double m = p.engagement_mean;
  const double sd = p.engagement_sd;
  if (sd * sd >= m * (1.0 - m)) {
    const double half_width = sd < 0.5 ? std::sqrt(1.0 - 4.0 * sd * sd) / 2.0 : 0.0;
    fail_either(
        r, s, "engagement_sd",
        "a number < sqrt(mean * (1 - mean)) = " + rounded(std::sqrt(m * (1.0 - m))) +
            " (a beta distribution with population.engagement_mean " + format_number(m) + ")",
        s, "engagement_mean",
        "a number in (" + rounded(0.5 - half_width) + ", " + rounded(0.5 + half_width) +
            ") (a beta distribution with population.engagement_sd " + format_number(sd) + ")");
  }
  // The same holds for the mean of every network type.
  for (std::size_t k = 0; k < model::kNetworkTypeCount; ++k) {
    const double mean_k = p.engagement_mean * p.engagement_ratio_by_network[k];
    if (mean_k < 1.0 && sd * sd < mean_k * (1.0 - mean_k)) continue;
    const std::string why = std::string("population.engagement_mean x engagement_ratio_by_") +
                            "network." + model::kNetworkTypeNames[k] + " = " +
                            format_number(mean_k) +
                            ", which must be < 1 with engagement_sd^2 < mean x (1 - mean)";
    const Field* f = s.given_field("engagement_ratio_by_network");
    if (f == nullptr) f = s.given_field("engagement_mean");
    r.fail(f != nullptr ? *f : given(s, "engagement_sd"), why);
  }
  if (p.initial_cmht_share + p.initial_outpatients_share > 1.0 + kShareTolerance) {
    fail_either(r, s, "initial_outpatients_share",
                "a number <= 1 - population.initial_cmht_share (" +
                    rounded(1.0 - p.initial_cmht_share) + ")",
                s, "initial_cmht_share",
                "a number <= 1 - population.initial_outpatients_share (" +
                    rounded(1.0 - p.initial_outpatients_share) + ")");
  }
}

void check_care_partners(const Reader& r, const Section& s, const model::CarePartnerConfig& c) {
  if (c.competence_initial < c.competence_min) {
    fail_either(
        r, s, "competence_initial",
        "a number >= care_partners.competence_min (" + format_number(c.competence_min) + ")", s,
        "competence_min",
        "a number <= care_partners.competence_initial (" + format_number(c.competence_initial) +
            ")");
  }
}

void check_trial(const Reader& r, const PathwaySections& s, const model::PathwayConfig& c) {
  const model::TrialConfig& t = c.trial;
  if (!t.enabled) return;
  if (t.intervention_practices >= t.practices) {
    fail_either(r, s.trial, "intervention_practices",
                "an integer < trial.practices (" + std::to_string(t.practices) + ")", s.trial,
                "practices",
                "an integer > trial.intervention_practices (" +
                    std::to_string(t.intervention_practices) + ")");
  }
  if (t.practices > c.population.practices) {
    fail_either(
        r, s.trial, "practices",
        "an integer <= population.practices (" + std::to_string(c.population.practices) + ")",
        s.population, "practices",
        "an integer >= trial.practices (" + std::to_string(t.practices) + ")");
  }
}

void check_warm_start(const Reader& r, const PathwaySections& s, const model::PathwayConfig& c) {
  const model::WarmStartConfig& w = c.warm_start;
  if (!w.enabled) return;
  if (c.trial.enabled) {
    r.fail(s.warm_start.field(),
           "a trial starts from its participants; remove warm_start or trial");
  }
  const auto slots = static_cast<std::uint64_t>(
      std::floor(c.services.cmht_coordinators_fte * c.services.cmht_caseload_per_fte));
  if (w.cmht_caseload > slots) {
    r.fail_expected(
        given(s.warm_start, "cmht_caseload"),
        "an integer <= the CMHT caseload slots (" + std::to_string(slots) +
            " = floor(services.cmht_coordinators_fte x services.cmht_caseload_per_fte))");
  }
  if (w.cmht_waiting > 0 && w.cmht_caseload < slots) {
    r.fail_expected(given(s.warm_start, "cmht_waiting"),
                    "0 while CMHT caseloads have free slots (cmht_caseload " +
                        std::to_string(w.cmht_caseload) + " < " + std::to_string(slots) + ")");
  }
  const std::uint64_t total = std::uint64_t{w.cmht_caseload} + w.cmht_waiting + w.outpatients +
                              w.care_partner_caseload + w.care_partner_waiting;
  if (total > c.population.register_size) {
    r.fail(s.warm_start.field(), "the counts add up to " + std::to_string(total) +
                                     " people, more than " + "population.register_size (" +
                                     std::to_string(c.population.register_size) + ")");
  }
  if (w.care_partner_caseload + w.care_partner_waiting > 0 && c.care_partners.fte <= 0.0) {
    r.fail_expected(s.warm_start.given_field("care_partner_caseload")
                        ? given(s.warm_start, "care_partner_caseload")
                        : given(s.warm_start, "care_partner_waiting"),
                    "0 when care_partners.fte is 0");
  }
}

void check_policies(const Reader& r, const Section& s, const model::PolicyConfig& p) {
  // Each sweep visits the whole register, so more than one a day would swamp the run.
  if (p.proactive_interval_days > 0.0 && p.proactive_interval_days < 1.0) {
    r.fail_expected(given(s, "proactive_interval_days"), "0 (no sweeps) or a number >= 1");
  }
}

}  // namespace

/// Fails a stationary register with no new diagnoses: its ages and in-migration are undefined.
void check_stationary(const Reader& r, const Section& s, const model::PathwayConfig& c) {
  const model::PopulationConfig& p = c.population;
  if (c.trial.enabled || p.stationary_register < 0.5) return;
  if (const Field* f = s.given_field("in_migration_per_year")) {
    r.fail(*f,
           "not used while population.stationary_register is 1 (in-migration then balances the "
           "register); remove it, or set stationary_register: 0 to use it");
  }
  if (p.incidence_per_100k_per_year > 0.0) return;
  fail_either(r, s, "stationary_register",
              "0 when population.incidence_per_100k_per_year is 0 (a stationary register's ages "
              "come from new diagnoses)",
              s, "incidence_per_100k_per_year",
              "a number > 0 with population.stationary_register 1 (or set that to 0)");
}

void check_pathways(const Reader& r, const PathwaySections& s, const model::PathwayConfig& c) {
  check_population(r, s.population, c.population);
  check_stationary(r, s.population, c);
  check_care_partners(r, s.care_partners, c.care_partners);
  check_policies(r, s.policies, c.policies);
  check_trial(r, s, c);
  check_warm_start(r, s, c);
  check_pathway_budget(r, s.population.field(), c);
}

}  // namespace cmhsim::scenario
