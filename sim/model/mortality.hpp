// Mortality by cause for people with SMI and the general population: hazards at an age for a
// person's state, cumulative hazards, time to death and period life tables. Pure functions; knows
// nothing of events, services or random streams.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "model/pathway_config.hpp"

namespace cmhsim::model::mortality {

/// Names the causes of death the model distinguishes.
enum class Cause : std::uint8_t { Cardiovascular, OtherNatural, Suicide, OtherExternal };
inline constexpr std::size_t kCauseCount = 4;
inline constexpr std::array<const char*, kCauseCount> kCauseNames{"cardiovascular", "other_natural",
                                                                  "suicide", "other_external"};

/// Describes what a person's hazard depends on besides age.
struct HazardState {
  bool male = false;
  Diagnosis diagnosis = Diagnosis::Schizophrenia;
  bool treated = false;         ///< Vascular risk detected at a check and treated.
  bool suicide_raised = false;  ///< In crisis care or its aftermath.
};

/// Holds hazards per year by cause, in Cause order.
using CauseHazards = std::array<double, kCauseCount>;

/// Returns the all-cause hazard of `h`, the sum over causes in Cause order.
[[nodiscard]] inline double total_hazard(const CauseHazards& h) noexcept {
  return h[0] + h[1] + h[2] + h[3];
}

/// Returns the band of the excess natural-cause mortality that age `age` (years) falls in.
std::size_t excess_age_band(double age);

/// Returns a person's hazard per year of each cause at age `age`.
CauseHazards cause_hazards(const MortalityConfig& m, const HazardState& s, double age);

/// Returns the general-population hazard per year of each cause at age `age`.
CauseHazards general_cause_hazards(const MortalityConfig& m, bool male, double age);

/// Returns the general-population all-cause hazard per year at age `age`.
double general_hazard(const MortalityConfig& m, bool male, double age);

/// Returns the general-population cumulative hazard between ages a1 <= a2.
double general_cumulative_hazard(const MortalityConfig& m, bool male, double a1, double a2);

/// Returns a person's cumulative hazard between ages a1 <= a2 when the suicide rate is raised
/// until age `raised_until` (ignored when `s.suicide_raised` is false) and not after it.
double cumulative_hazard(const MortalityConfig& m, HazardState s, double a1, double a2,
                         double raised_until);

/// Returns the years from age `age` until the cumulative hazard reaches `budget` under the same
/// state and raised-until age as cumulative_hazard (+inf if it never does).
double years_to_death(const MortalityConfig& m, HazardState s, double age, double raised_until,
                      double budget);

/// Holds when a cumulative-hazard budget runs out, as far as a run that ends at a horizon needs:
/// the years until then when that is before the horizon, otherwise the budget left at it.
struct DeathDue {
  bool within = false;  ///< The budget runs out before the horizon.
  double years = 0.0;   ///< Years from now until it runs out, when within.
  double left = 0.0;    ///< The budget left at the horizon, when not within (> 0).
};

/// Holds the exponentials a mortality configuration fixes (each sex's Gompertz level and its
/// value at the edges of the excess age bands), so that hazards over many people compute only
/// those of their own ages. Its answers equal the free functions', bit for bit.
class Hazards {
 public:
  explicit Hazards(const MortalityConfig& m);

  /// Returns what the free cumulative_hazard() returns.
  [[nodiscard]] double cumulative_hazard(HazardState s, double a1, double a2,
                                         double raised_until) const;
  /// Returns what the free years_to_death() returns.
  [[nodiscard]] double years_to_death(HazardState s, double age, double raised_until,
                                      double budget) const;
  /// Returns when `budget` runs out from `age` in state `s` (raised-until as in
  /// cumulative_hazard()), solving for the time only when it falls before `horizon_age`.
  [[nodiscard]] DeathDue death_due(HazardState s, double age, double raised_until,
                                   double horizon_age, double budget) const;
  /// Returns the budget left at `age` in state `s` of one that leaves `left` at `horizon_age`.
  [[nodiscard]] double budget_before_horizon(HazardState s, double age, double raised_until,
                                             double horizon_age, double left) const;
  /// Returns what the free general_cumulative_hazard() returns.
  [[nodiscard]] double general_cumulative_hazard(bool male, double a1, double a2) const;

 private:
  struct Piece;
  [[nodiscard]] Piece piece(const HazardState& s, std::size_t band) const;
  [[nodiscard]] double exp_b(std::size_t sex, double age) const;
  [[nodiscard]] double integral(const Piece& p, std::size_t sex, double a1, double a2) const;
  [[nodiscard]] double state_integral(const HazardState& s, double a1, double a2) const;
  [[nodiscard]] double state_years(const HazardState& s, double age, double budget) const;

  MortalityConfig m_;
  std::array<double, kSexCount> level_{};  ///< e^(gompertz_log_a) by sex.
  /// e^(gompertz_b × edge) by sex and inner band edge.
  std::array<std::array<double, kExcessAgeBandCount - 1>, kSexCount> edge_exp_{};
};

/// Returns the cause whose share of `h`'s total contains `u` in [0, 1).
Cause pick_cause(const CauseHazards& h, double u);

/// Sets the bands of the period life tables: 5-year bands from age 15, the last one open (85+).
inline constexpr double kLifeTableStartAge = 15.0;
inline constexpr double kLifeTableWidth = 5.0;
inline constexpr std::size_t kLifeTableBands = 15;

/// Returns the life-table band of age `age` (kLifeTableBands when below the first band).
std::size_t life_table_band(double age);

/// Returns life expectancy at kLifeTableStartAge from central death rates per band (abridged
/// period life table, deaths at mid-band; the open band lives 1/rate years).
double life_expectancy(std::span<const double, kLifeTableBands> rates);

/// Returns the general population's central death rates per life-table band for a sex.
std::array<double, kLifeTableBands> general_rates(const MortalityConfig& m, bool male);

/// Returns the life-years lost at kLifeTableStartAge: life expectancy from the general
/// population's rates minus that from observed `deaths` over `person_years` per band, both by
/// the same abridged life table. A band with no person-years, and an open band with no deaths,
/// take the general population's rate. Returns NaN when there are no person-years at all.
double life_years_lost(const MortalityConfig& m, bool male,
                       std::span<const double, kLifeTableBands> deaths,
                       std::span<const double, kLifeTableBands> person_years);

/// Returns the general population's exact life expectancy at age `age` for a sex.
double general_life_expectancy(const MortalityConfig& m, bool male, double age);

}  // namespace cmhsim::model::mortality
