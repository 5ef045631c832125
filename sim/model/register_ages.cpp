// The stationary age mix of an SMI register, solved on an age grid.
// Pure numerics on parameters; no events, no random streams.
#include "model/register_ages.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "model/mortality.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Returns the integral of f over the grid for in-migration less out-migration per person `k`.
double solve(const std::vector<double>& hazard, const std::vector<double>& entry, double step,
             double k, std::vector<double>* f) {
  double value = 0.0;
  double total = 0.0;
  for (std::size_t i = 0; i < hazard.size(); ++i) {
    // Exact decay over the step, entries added at its middle.
    const double decay = std::exp(-(hazard[i] - k) * step);
    value = value * decay + entry[i] * step * std::sqrt(decay);
    if (f != nullptr) (*f)[i] = value;
    total += value * step;
  }
  return total;
}

}  // namespace

RegisterAges::RegisterAges(const PopulationConfig& pop, const MortalityConfig& mortality) {
  const double hi = std::max(pop.age_max, lo_ + step_);
  const auto n = static_cast<std::size_t>(std::ceil((hi - lo_) / step_));
  std::vector<double> hazard(n), entry(n), f(n);
  const double size = std::max(1.0, static_cast<double>(pop.register_size));
  new_per_year_ = pop.adults_16_65 * pop.incidence_per_100k_per_year / 1e5;
  out_rate_ = pop.out_migration_rate_per_year;
  const double r = new_per_year_ / size;
  if (!(r > 0.0)) {
    throw std::invalid_argument(
        "population.stationary_register needs new diagnoses (incidence_per_100k_per_year > 0)");
  }
  double g_total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double age = lo_ + (static_cast<double>(i) + 0.5) * step_;
    double h = 0.0;
    for (int male = 0; male < 2; ++male) {
      const double sex_share = male == 1 ? pop.male_share : 1.0 - pop.male_share;
      for (std::size_t d = 0; d < kDiagnosisCount; ++d) {
        mortality::HazardState s;
        s.male = male == 1;
        s.diagnosis = static_cast<Diagnosis>(d);
        h += sex_share * pop.diagnosis_shares[d] *
             mortality::total_hazard(mortality::cause_hazards(mortality, s, age));
      }
    }
    hazard[i] = h;
    const double z =
        pop.incident_age_sd > 0.0 ? (age - pop.incident_age_mean) / pop.incident_age_sd : 0.0;
    entry[i] = std::exp(-0.5 * z * z);
    g_total += entry[i] * step_;
  }
  for (double& g : entry) g *= (g_total > 0.0 ? r / g_total : 0.0);
  // The integral rises with k: bisect for the k at which it is 1.
  double k_lo = -2.0;
  double k_hi = 2.0;
  bool lo_tried = false;
  bool hi_tried = false;
  for (int it = 0; it < 100; ++it) {
    const double k = 0.5 * (k_lo + k_hi);
    // Once the bounds are neighbouring doubles, the midpoint is a bound already tried, and
    // trying it again changes nothing.
    if ((k == k_lo && lo_tried) || (k == k_hi && hi_tried)) break;
    const bool below = solve(hazard, entry, step_, k, nullptr) < 1.0;
    (below ? k_lo : k_hi) = k;
    (below ? lo_tried : hi_tried) = true;
  }
  const double total = solve(hazard, entry, step_, 0.5 * (k_lo + k_hi), &f);
  cdf_.resize(n);
  double cumulative = 0.0;
  double age_sum = 0.0;
  double death_sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double share = f[i] * step_ / total;
    cumulative += share;
    cdf_[i] = cumulative;
    age_sum += share * (lo_ + (static_cast<double>(i) + 0.5) * step_);
    death_sum += share * hazard[i];
  }
  cdf_.back() = 1.0;
  for (std::size_t j = 0; j < kGuides; ++j) {
    const double u = static_cast<double>(j) / static_cast<double>(kGuides);
    guide_[j] =
        static_cast<std::uint32_t>(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }
  mean_ = age_sum;
  deaths_ = death_sum;
}

double RegisterAges::quantile(double u) const noexcept {
  // The first step whose cumulative share exceeds u, searched from the first that exceeds the
  // guide's share at or below u (kGuides is a power of two, so j / kGuides <= u exactly).
  const double scaled = std::floor(u * static_cast<double>(kGuides));
  const std::size_t j =
      scaled > 0.0 ? std::min(static_cast<std::size_t>(scaled), kGuides - 1) : std::size_t{0};
  std::size_t i = guide_[j];
  while (i < cdf_.size() && !(u < cdf_[i])) ++i;
  i = std::min(i, cdf_.size() - 1);
  const double before = i == 0 ? 0.0 : cdf_[i - 1];
  const double width = cdf_[i] - before;
  const double within = width > 0.0 ? std::clamp((u - before) / width, 0.0, 1.0) : 0.5;
  return lo_ + (static_cast<double>(i) + within) * step_;
}

double RegisterAges::balancing_in_migration(double size) const noexcept {
  return std::max(0.0, size * (out_rate_ + deaths_) - new_per_year_);
}

}  // namespace cmhsim::model::pathway
