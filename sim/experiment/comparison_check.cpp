// Whether scenarios can be compared pairwise: same model kind and the same place and people
// (pathway population and trial, or network arrival streams and services). No I/O, no threads.
#include <cmath>
#include <cstdio>

#include "experiment/comparison.hpp"
#include "model/pathway_types.hpp"

namespace cmhsim::experiment {
namespace {

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

/// Collects "key: a vs b" for every field that differs between two scenarios.
class FieldDiff {
 public:
  FieldDiff(std::string a, std::string b) : a_(std::move(a)), b_(std::move(b)) {}

  /// Notes `key` when the two values differ (NaN equals NaN).
  void scalar(const std::string& key, double x, double y) {
    if (x == y || (std::isnan(x) && std::isnan(y))) return;
    fields_.push_back(key + " (" + number(x) + " in " + a_ + ", " + number(y) + " in " + b_ + ")");
  }

  /// Notes each differing element of a mapping by category name.
  template <std::size_t N>
  void mapping(const std::string& key, const std::array<double, N>& x,
               const std::array<double, N>& y, const std::array<const char*, N>& names) {
    for (std::size_t i = 0; i < N; ++i) scalar(key + "." + names[i], x[i], y[i]);
  }

  /// Returns the differing fields.
  [[nodiscard]] const std::vector<std::string>& fields() const { return fields_; }

 private:
  std::string a_;
  std::string b_;
  std::vector<std::string> fields_;
};

/// Returns the differing population and trial fields of two pathway scenarios.
std::vector<std::string> pathway_differences(const model::PathwayConfig& a,
                                             const model::PathwayConfig& b, const std::string& na,
                                             const std::string& nb) {
  FieldDiff d(na, nb);
  const model::PopulationConfig& x = a.population;
  const model::PopulationConfig& y = b.population;
  const std::string p = "population.";
  d.scalar(p + "register_size", x.register_size, y.register_size);
  d.scalar(p + "practices", x.practices, y.practices);
  d.scalar(p + "pcns", x.pcns, y.pcns);
  d.scalar(p + "adults_16_65", x.adults_16_65, y.adults_16_65);
  d.scalar(p + "incidence_per_100k_per_year", x.incidence_per_100k_per_year,
           y.incidence_per_100k_per_year);
  d.scalar(p + "in_migration_per_year", x.in_migration_per_year, y.in_migration_per_year);
  d.scalar(p + "out_migration_rate_per_year", x.out_migration_rate_per_year,
           y.out_migration_rate_per_year);
  d.scalar(p + "age_mean", x.age_mean, y.age_mean);
  d.scalar(p + "age_sd", x.age_sd, y.age_sd);
  d.scalar(p + "age_min", x.age_min, y.age_min);
  d.scalar(p + "age_max", x.age_max, y.age_max);
  d.scalar(p + "incident_age_mean", x.incident_age_mean, y.incident_age_mean);
  d.scalar(p + "incident_age_sd", x.incident_age_sd, y.incident_age_sd);
  d.scalar(p + "male_share", x.male_share, y.male_share);
  d.mapping(p + "ethnicity_shares", x.ethnicity_shares, y.ethnicity_shares, model::kEthnicityNames);
  d.mapping(p + "diagnosis_shares", x.diagnosis_shares, y.diagnosis_shares, model::kDiagnosisNames);
  d.mapping(p + "network_shares", x.network_shares, y.network_shares, model::kNetworkTypeNames);
  d.mapping(p + "lives_alone_by_network", x.lives_alone_by_network, y.lives_alone_by_network,
            model::kNetworkTypeNames);
  d.scalar(p + "engagement_mean", x.engagement_mean, y.engagement_mean);
  d.scalar(p + "engagement_sd", x.engagement_sd, y.engagement_sd);
  d.scalar(p + "initial_cmht_share", x.initial_cmht_share, y.initial_cmht_share);
  d.scalar(p + "initial_outpatients_share", x.initial_outpatients_share,
           y.initial_outpatients_share);
  d.scalar(p + "initial_struggling_share", x.initial_struggling_share, y.initial_struggling_share);
  d.scalar(p + "qol_initial_mean", x.qol_initial_mean, y.qol_initial_mean);
  d.scalar(p + "qol_initial_sd", x.qol_initial_sd, y.qol_initial_sd);
  // A trial's participants are its population, so they must match too.
  d.scalar("trial.enabled", a.trial.enabled ? 1.0 : 0.0, b.trial.enabled ? 1.0 : 0.0);
  if (a.trial.enabled && b.trial.enabled) {
    d.scalar("trial.practices", a.trial.practices, b.trial.practices);
    d.scalar("trial.intervention_practices", a.trial.intervention_practices,
             b.trial.intervention_practices);
    d.scalar("trial.participants_intervention", a.trial.participants_intervention,
             b.trial.participants_intervention);
    d.scalar("trial.participants_control", a.trial.participants_control,
             b.trial.participants_control);
  }
  return d.fields();
}

/// Returns "[a, b, c]".
std::string list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

/// Returns the problems that stop two network scenarios being compared.
std::vector<std::string> network_differences(const model::NetworkConfig& a,
                                             const model::NetworkConfig& b, const std::string& na,
                                             const std::string& nb) {
  std::vector<std::string> out;
  std::vector<std::string> sa, sb, aa, ab;
  for (const auto& s : a.services) sa.push_back(s.name);
  for (const auto& s : b.services) sb.push_back(s.name);
  // Customers are numbered per arrival stream, so pairing needs the same streams in order.
  for (const auto& s : a.arrivals) aa.push_back(s.name);
  for (const auto& s : b.arrivals) ab.push_back(s.name);
  if (sa != sb) {
    out.push_back("services differ: " + list(sa) + " in " + na + ", " + list(sb) + " in " + nb);
  }
  if (aa != ab) {
    out.push_back("arrival streams differ: " + list(aa) + " in " + na + ", " + list(ab) + " in " +
                  nb);
  }
  return out;
}

}  // namespace

std::vector<std::string> comparability_problems(const std::vector<ComparisonArm>& arms) {
  std::vector<std::string> out;
  if (arms.empty()) return out;
  const ComparisonArm& base = arms.front();
  for (std::size_t i = 1; i < arms.size(); ++i) {
    const ComparisonArm& arm = arms[i];
    if (arm.model.kind() != base.model.kind()) {
      out.push_back(base.name + " is a " + std::string(model_kind_name(base.model.kind())) +
                    " scenario but " + arm.name + " is a " +
                    std::string(model_kind_name(arm.model.kind())) + " scenario");
      continue;
    }
    std::vector<std::string> diffs;
    if (base.model.kind() == ModelKind::Pathway) {
      const auto fields =
          pathway_differences(*base.model.pathways(), *arm.model.pathways(), base.name, arm.name);
      if (!fields.empty()) {
        std::string line = "the population differs between " + base.name + " and " + arm.name +
                           " (common random numbers pair the same people): ";
        for (std::size_t f = 0; f < fields.size(); ++f) line += (f ? "; " : "") + fields[f];
        diffs.push_back(line);
      }
    } else {
      diffs = network_differences(*base.model.network(), *arm.model.network(), base.name, arm.name);
    }
    out.insert(out.end(), diffs.begin(), diffs.end());
  }
  return out;
}

}  // namespace cmhsim::experiment
