// The stationary age mix of an SMI register: the ages a register would settle to when new
// diagnoses, deaths and moves balance. Pure numerics on parameters; no events, no random streams.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/pathway_config.hpp"

namespace cmhsim::model::pathway {

/// Holds the register's stationary age distribution and the in-migration that keeps it stationary.
///
/// New diagnoses enter at the incident ages, people leave by death (the mean hazard of someone
/// stable, untreated and not in crisis, over sex and diagnosis) and by moving away at a constant
/// rate, and people moving in have the register's own ages. With in-migration set to the moves away
/// plus the deaths less the new diagnoses, the register keeps its size, and its age density f
/// solves f'(a) = -(h(a) - k) f(a) + r g(a) with f(16) = 0, where g is the incident age density,
/// h the death hazard, r the new diagnoses a year per person on the register (at
/// population.register_size) and k the in-migration less out-migration per person; k is found by
/// bisection so that f integrates to 1 (then deaths per person = k + r).
class RegisterAges {
 public:
  /// Builds the distribution on a 0.05-year grid from age 16 to population.age_max; throws
  /// std::invalid_argument without new diagnoses, which leave the ages undefined.
  RegisterAges(const PopulationConfig& pop, const MortalityConfig& mortality);

  /// Returns the age with cumulative share `u` in [0, 1) (linear within a grid step).
  [[nodiscard]] double quantile(double u) const noexcept;
  /// Returns the mean age.
  [[nodiscard]] double mean() const noexcept { return mean_; }
  /// Returns the expected deaths per person-year.
  [[nodiscard]] double deaths_per_person_year() const noexcept { return deaths_; }
  /// Returns the people moving in per year that keep a register of `size` people at its size:
  /// out-migration + deaths - new diagnoses, or 0 when new diagnoses alone exceed the exits.
  [[nodiscard]] double balancing_in_migration(double size) const noexcept;

 private:
  double lo_ = 16.0;
  double step_ = 0.05;
  double mean_ = 0.0;
  double deaths_ = 0.0;
  double new_per_year_ = 0.0;
  double out_rate_ = 0.0;
  std::vector<double> cdf_;  ///< Cumulative share at the end of each grid step.
  static constexpr std::size_t kGuides = 256;
  /// For each j, the first step whose cumulative share exceeds j / kGuides.
  std::array<std::uint32_t, kGuides> guide_{};
};

}  // namespace cmhsim::model::pathway
